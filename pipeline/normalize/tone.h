// Vietnamese tone-mark placement and folding, for matching.
//
//   CanonicalTones("hoà thuỷ khoẻ qúy")   -> "hòa thủy khỏe quý"
//   FoldDiacritics("Bộ Tài chính")        -> "Bo Tai chinh"     (đ -> d too)
//
// Two placements are in use: classic ("hòa", "thủy", "khỏe") and modern ("hoà",
// "thuỷ", "khoẻ"); both are correct Vietnamese, so matching needs one canonical form.
// We keep the classic one, which Nghị định 30/2020 texts and most gazetteers use. Input
// methods also produce marks on the wrong letter ("qúy", "gìa" for "già"); those are
// repaired. "qu" and "gi" count as consonants ("quý", "giá"), except "gì"/"gìn" where
// the i is the only vowel.
//
// The vowel tables are derived from Unicode decompositions (ICU) at first use: no
// Vietnamese word lists live here. Input must be NFC; output is NFC. A word that is not
// a plausible Vietnamese syllable (foreign words, acronyms) is left as it is.
//
// Both functions return a string of the same or shorter length in code points, and
// CanonicalTones keeps the code point count (it only moves marks), which lets callers
// keep offsets.
//
// Thread-safety: reentrant.
#pragma once

#include <string>
#include <string_view>

namespace notices::normalize {

// Moves each word's tone mark to its canonical vowel. Same code point count out as in.
std::string CanonicalTones(std::string_view nfc_utf8);
// Appends the canonical form of `nfc_utf8` to `out`; returns true when it changed.
bool AppendCanonicalTones(std::string_view nfc_utf8, std::string& out);
// True when CanonicalTones would change `nfc_utf8` (a check that writes nothing).
bool NeedsCanonicalTones(std::string_view nfc_utf8);

// Removes tone and quality marks and maps đ/Đ to d/D: "Độc lập" -> "Doc lap".
// One code point out for each code point in.
std::string FoldDiacritics(std::string_view nfc_utf8);

// NFC, then CanonicalTones: the form rules and texts are compared in.
std::string CanonicalForm(std::string_view utf8);

}  // namespace notices::normalize
