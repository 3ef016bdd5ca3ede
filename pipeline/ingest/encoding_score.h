// Internal to ingest: how Vietnamese a decoded text looks, counted in syllables. The
// detector decodes a sample with every candidate encoding and keeps the one whose text
// scores best; the mojibake repair keeps a line's repair unless it scores worse.
//
//   SyllableScore s = ScoreSyllables("Thông báo số 12");   // s.valid == 3
//   SyllableScore t = ScoreSyllables("Th«ng b¸o");         // t.invalid == 2
//   IsVietnameseSyllable("nghiêng");                        // true
//   IsVietnameseSyllable("bỏo");                            // false
//   SyllableSet common(rules.list("encoding.common_syllables").items);
//   ScoreSyllables("Chủ tịch", &common).common == 2;
//
// A token is a run of characters between white space, ASCII punctuation, digits and the
// usual typographic punctuation (quotes, dashes, ellipsis, superscript digits). Only
// tokens with a non-ASCII character count: pure-ASCII tokens read the same in every
// candidate encoding. Such a token is valid when it is one Vietnamese syllable: an onset
// (b, ch, gi, ngh, qu, ...), a vowel nucleus from the closed set of Vietnamese ones (a,
// oa, iê, ươ, uyê, ...), a coda (c, ch, m, n, ng, nh, p, t or none) allowed after that
// nucleus (nh, ch only after a, ê, i, y, oa, uê, uy; ng, c never after ê, i, y, uê,
// uy), at most one tone mark, on the nucleus, and a stop coda (c, ch, p, t) only with
// the acute or dot-below tone. This is the structure of the alphabet, not a word
// list. Precomposed letters and letters followed by combining marks (Windows-1258
// output) are both understood; case is ignored.
//
// Thread-safety: pure functions (the letter table is built once, thread-safely).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace notices::ingest {

struct SyllableScore;

// A set of syllables, compared without regard to case or tone-mark placement ("Hòa" is
// "hoà"). Built from a rule list (rules/encodings/common_syllables.toml).
class SyllableSet {
 public:
  SyllableSet() = default;
  // Items that are not one Vietnamese syllable are skipped and returned in `rejected`.
  explicit SyllableSet(std::span<const std::string> syllables,
                       std::vector<std::string>* rejected = nullptr);
  bool Contains(std::string_view word) const;
  size_t size() const { return keys_.size(); }

 private:
  friend SyllableScore ScoreSyllables(std::string_view, const SyllableSet*);
  bool ContainsKey(uint64_t key) const;
  std::vector<uint64_t> keys_;  // sorted
};

struct SyllableScore {
  size_t valid = 0;    // tokens with a non-ASCII character that are Vietnamese syllables
  size_t common = 0;   // of those, the ones in the set of common syllables
  size_t invalid = 0;  // tokens with a non-ASCII character that are not
  size_t bad = 0;      // U+FFFD and control characters other than \t \n \v \f \r

  // Higher is more Vietnamese. A common syllable counts a half more than a rare one
  // (a wrong decoding of a short text can be well-formed by chance, rarely common); a
  // replacement or control character weighs as much as a valid syllable, so a decoding
  // that must invent U+FFFD loses to one that need not.
  int64_t Total() const {
    return 2 * static_cast<int64_t>(valid) + static_cast<int64_t>(common) -
           static_cast<int64_t>(invalid) - 2 * static_cast<int64_t>(bad);
  }
};

// Scores UTF-8 text (malformed sequences count as U+FFFD); `common` may be null.
SyllableScore ScoreSyllables(std::string_view utf8, const SyllableSet* common = nullptr);

// True when `word` (UTF-8, any case, NFC or decomposed) is one Vietnamese syllable.
bool IsVietnameseSyllable(std::string_view word);

// True for the letters of the Vietnamese alphabet, with or without tone marks, in
// either case: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y and their toned
// forms ("ậ", "Ử").
bool IsVietnameseLetter(char32_t c);

}  // namespace notices::ingest
