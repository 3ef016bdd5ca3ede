// CanonicalTones, FoldDiacritics, CanonicalForm. Tested by tests/normalize/tone_test.cc.
//
// The letter tables come from ICU's canonical decompositions: a precomposed letter is
// a base letter, at most one quality mark (circumflex, breve, horn) and at most one
// tone mark (grave, acute, tilde, hook above, dot below).
#include "pipeline/normalize/tone.h"

#include <array>
#include <cstdint>
#include <mutex>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "pipeline/common/utf8.h"

namespace notices::normalize {

namespace {

constexpr char32_t kTableEnd = 0x1F00;  // Vietnamese letters all lie below
constexpr char32_t kToneMarks[] = {0, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323};
constexpr char32_t kQualityMarks[] = {0, 0x0302, 0x0306, 0x031B};
constexpr char kVowels[] = "aeiouy";

struct LetterInfo {
  uint8_t vowel = 0;    // 1 + index into kVowels*4 + quality; 0: not a vowel
  uint8_t tone = 0;     // index into kToneMarks
  bool upper = false;
  bool consonant = false;  // a Latin letter that is not a vowel (đ included)
  char folded = 0;      // ASCII letter with marks removed; 0 when not a Latin letter
};

inline bool HasQuality(uint8_t vowel) { return (vowel - 1) % 4 != 0; }

// Bits of Tables::flags: what the word scan needs, one byte per code point.
constexpr uint8_t kLetter = 1, kVowel = 2, kToned = 4, kQuality = 8;

struct Tables {
  std::array<LetterInfo, kTableEnd> info{};
  std::array<uint8_t, kTableEnd> flags{};
  // The same flags by UTF-8 bytes, for the scan: U+00C0..U+01BF (lead 0xC3..0xC6) and
  // U+1E00..U+1EFF (0xE1 0xB8..0xBB ..).
  std::array<uint8_t, 4 * 64> flags2{};
  std::array<uint8_t, 4 * 64> flags3{};
  // compose[upper][vowel - 1][tone] -> code point
  std::array<std::array<std::array<char32_t, 6>, 24>, 2> compose{};

  Tables() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    for (char32_t c = 0x41; c < kTableEnd; ++c) {
      icu::UnicodeString s;
      s.append(static_cast<UChar32>(c));
      icu::UnicodeString d = nfd->normalize(s, status);
      if (U_FAILURE(status)) return;
      UChar32 base = d.char32At(0);
      char32_t lower = base;
      bool upper = false;
      if (base >= 'A' && base <= 'Z') {
        lower = static_cast<char32_t>(base + 32);
        upper = true;
      }
      if (c == 0x0110 || c == 0x0111) {  // Đ đ: no decomposition in Unicode
        info[c].consonant = true;
        info[c].upper = c == 0x0110;
        info[c].folded = c == 0x0110 ? 'D' : 'd';
        continue;
      }
      if (lower < 'a' || lower > 'z') continue;
      int quality = 0, tone = 0;
      bool other_marks = false;
      for (int32_t i = d.moveIndex32(0, 1); i < d.length(); i = d.moveIndex32(i, 1)) {
        char32_t m = static_cast<char32_t>(d.char32At(i));
        bool known = false;
        for (int q = 1; q < 4; ++q) if (kQualityMarks[q] == m) { quality = q; known = true; }
        for (int t = 1; t < 6; ++t) if (kToneMarks[t] == m) { tone = t; known = true; }
        if (!known) other_marks = true;
      }
      info[c].folded = static_cast<char>(upper ? lower - 32 : lower);
      info[c].upper = upper;
      const char* v = nullptr;
      for (const char* p = kVowels; *p; ++p) if (static_cast<char32_t>(*p) == lower) v = p;
      if (v == nullptr || other_marks) {
        info[c].consonant = (v == nullptr && !other_marks && quality == 0 && tone == 0);
        continue;
      }
      // Only the quality marks Vietnamese uses: â ê ô (circumflex), ă (breve), ơ ư (horn).
      bool valid_quality = quality == 0 ||
                           (quality == 1 && (lower == 'a' || lower == 'e' || lower == 'o')) ||
                           (quality == 2 && lower == 'a') ||
                           (quality == 3 && (lower == 'o' || lower == 'u'));
      if (!valid_quality) continue;
      uint8_t vowel = static_cast<uint8_t>(1 + (v - kVowels) * 4 + quality);
      info[c].vowel = vowel;
      info[c].tone = static_cast<uint8_t>(tone);
    }
    for (char32_t c = 0; c < kTableEnd; ++c) {
      const LetterInfo& li = info[c];
      bool ascii_letter = c < 0x80 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      flags[c] = static_cast<uint8_t>(((li.vowel || li.consonant || ascii_letter) ? kLetter : 0) |
                                      (li.vowel ? kVowel : 0) | (li.vowel && li.tone ? kToned : 0) |
                                      (li.vowel && HasQuality(li.vowel) ? kQuality : 0));
    }
    for (size_t k = 0; k < 4 * 64; ++k) {
      flags2[k] = flags[0xC0 + k];
      flags3[k] = flags[0x1E00 + k];
    }
    for (int up = 0; up < 2; ++up) {
      for (int v = 0; v < 6; ++v) {
        for (int q = 0; q < 4; ++q) {
          for (int t = 0; t < 6; ++t) {
            icu::UnicodeString s;
            s.append(static_cast<UChar32>(up ? kVowels[v] - 32 : kVowels[v]));
            if (q) s.append(static_cast<UChar32>(kQualityMarks[q]));
            if (t) s.append(static_cast<UChar32>(kToneMarks[t]));
            icu::UnicodeString c = nfc->normalize(s, status);
            if (U_FAILURE(status) || c.countChar32() != 1) continue;
            compose[static_cast<size_t>(up)][static_cast<size_t>(v * 4 + q)][static_cast<size_t>(t)] =
                static_cast<char32_t>(c.char32At(0));
          }
        }
      }
    }
  }
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

inline char BaseOf(uint8_t vowel) { return kVowels[(vowel - 1) / 4]; }

// Index in `letters` of the vowel that should carry the tone, or -1 when the word is
// not a plausible Vietnamese syllable.
int CanonicalToneIndex(const char32_t* letters, size_t n, const Tables& t) {
  size_t i = 0;
  auto info = [&](size_t k) -> const LetterInfo& { return t.info[letters[k]]; };
  while (i < n && info(i).consonant) ++i;
  size_t initial_end = i;
  size_t nucleus_begin = i;
  while (i < n && info(i).vowel) ++i;
  size_t nucleus_end = i;
  while (i < n && info(i).consonant) ++i;
  if (i != n || nucleus_end == nucleus_begin) return -1;
  bool has_final = nucleus_end < n;
  size_t len = nucleus_end - nucleus_begin;
  if (len > 3) return -1;
  // "qu" and "gi": the u / i belongs to the initial when another vowel follows.
  if (initial_end == 1 && len >= 2) {
    char c0 = t.info[letters[0]].folded | 0x20;
    char v0 = BaseOf(info(nucleus_begin).vowel);
    bool plain_v0 = !HasQuality(info(nucleus_begin).vowel);
    if ((c0 == 'q' && v0 == 'u' && plain_v0) || (c0 == 'g' && v0 == 'i' && plain_v0)) {
      ++nucleus_begin;
      --len;
    }
  }
  int marked = -1;
  for (size_t k = nucleus_begin; k < nucleus_end; ++k)
    if (HasQuality(info(k).vowel)) marked = static_cast<int>(k);
  if (marked >= 0) return marked;
  if (len == 1) return static_cast<int>(nucleus_begin);
  if (has_final) return static_cast<int>(nucleus_end - 1);
  if (len == 2) return static_cast<int>(nucleus_begin);
  return static_cast<int>(nucleus_begin + 1);
}

// Rewrites one word (letters only) in place; returns true when it changed.
bool CanonicalizeWord(char32_t* letters, size_t n, const Tables& t) {
  int toned = -1;
  for (size_t k = 0; k < n; ++k) {
    if (letters[k] >= kTableEnd) return false;
    const LetterInfo& li = t.info[letters[k]];
    if (!li.vowel && !li.consonant) return false;
    if (li.vowel && li.tone) {
      if (toned >= 0) return false;  // two tone marks: not a syllable we know
      toned = static_cast<int>(k);
    }
  }
  if (toned < 0) return false;
  int target = CanonicalToneIndex(letters, n, t);
  if (target < 0 || target == toned) return false;
  const LetterInfo& from = t.info[letters[toned]];
  const LetterInfo& to = t.info[letters[target]];
  char32_t bare = t.compose[from.upper][from.vowel - 1][0];
  char32_t marked = t.compose[to.upper][to.vowel - 1][from.tone];
  if (bare == 0 || marked == 0) return false;
  letters[toned] = bare;
  letters[target] = marked;
  return true;
}

inline bool IsAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// Decodes the code point at s[i] and advances i: inline for the two- and three-byte
// sequences Vietnamese letters use, DecodeUtf8 for the rest.
inline char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[i];
  if (c < 0x80) {
    ++i;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size() && (p[i + 1] & 0xC0) == 0x80) {
    i += 2;
    return static_cast<char32_t>(((c & 0x1Fu) << 6) | (p[i - 1] & 0x3Fu));
  }
  if (c >= 0xE1 && c <= 0xEC && i + 2 < s.size() && (p[i + 1] & 0xC0) == 0x80 &&
      (p[i + 2] & 0xC0) == 0x80) {
    i += 3;
    return static_cast<char32_t>(((c & 0x0Fu) << 12) | ((p[i - 2] & 0x3Fu) << 6) | (p[i - 1] & 0x3Fu));
  }
  return DecodeUtf8(s, i);
}

// The length in bytes of the letter at s[i] (0 when it is not a letter) and its flags.
inline size_t LetterAt(std::string_view s, size_t i, const Tables& t, uint8_t& f) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char b = p[i];
  if (b < 0x80) {
    f = t.flags[b];
    return (f & kLetter) ? 1 : 0;
  }
  if (b >= 0xC3 && b <= 0xC6 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
    f = t.flags2[static_cast<size_t>((b - 0xC3) * 64 + (p[i + 1] & 0x3F))];
    return (f & kLetter) ? 2 : 0;
  }
  if (b == 0xE1 && i + 2 < n && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB && (p[i + 2] & 0xC0) == 0x80) {
    f = t.flags3[static_cast<size_t>((p[i + 1] - 0xB8) * 64 + (p[i + 2] & 0x3F))];
    return (f & kLetter) ? 3 : 0;
  }
  size_t k = i;
  char32_t c = NextCodePoint(s, k);
  f = c < kTableEnd ? t.flags[c] : 0;
  return (f & kLetter) ? k - i : 0;
}

// Calls on_change(begin, end, letters, n) for each word of `s` whose tone mark moves,
// with the word's canonical letters; stops when it returns false. Returns true when some
// word changed. Words are maximal runs of Latin letters. A first pass over a word only
// reads flags; the word is decoded when its mark may have to move.
template <typename F>
bool ForEachChangedWord(std::string_view s, F&& on_change) {
  const Tables& t = GetTables();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  bool changed = false;
  char32_t word[32];
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80 && !IsAsciiLetter(p[i])) {
      ++i;
      continue;
    }
    size_t begin = i, count = 0, vowels = 0, toned_at = 0, last_quality = 0;
    bool toned = false, quality = false;
    uint8_t f = 0;
    while (i < n) {
      size_t len = LetterAt(s, i, t, f);
      if (len == 0) break;
      i += len;
      if (f & kToned) {
        toned = true;
        toned_at = count;
      }
      if (f & kQuality) {
        quality = true;
        last_quality = count;
      }
      vowels += (f & kVowel) != 0;
      ++count;
    }
    if (i == begin) {  // a non-letter outside ASCII
      NextCodePoint(s, i);
      continue;
    }
    // A mark can only move between two vowels, and it stays on the last vowel with a
    // quality mark ("được", "tiếp"): the common cases need no closer look.
    if (!toned || vowels < 2 || count > 32 || (quality && toned_at == last_quality)) continue;
    for (size_t k = begin, w = 0; k < i; ++w) word[w] = NextCodePoint(s, k);
    if (CanonicalizeWord(word, count, t)) {
      changed = true;
      if (!on_change(begin, i, word, count)) return true;
    }
  }
  return changed;
}

}  // namespace

bool AppendCanonicalTones(std::string_view s, std::string& out) {
  size_t last = 0;
  bool changed = ForEachChangedWord(s, [&](size_t begin, size_t end, const char32_t* w, size_t n) {
    out.append(s.substr(last, begin - last));
    for (size_t k = 0; k < n; ++k) AppendUtf8(out, w[k]);
    last = end;
    return true;
  });
  out.append(s.substr(last));
  return changed;
}

bool NeedsCanonicalTones(std::string_view nfc_utf8) {
  return ForEachChangedWord(nfc_utf8, [](size_t, size_t, const char32_t*, size_t) { return false; });
}

std::string CanonicalTones(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendCanonicalTones(s, out);
  return out;
}

std::string FoldDiacritics(std::string_view s) {
  const Tables& t = GetTables();
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = DecodeUtf8(s, i);
    if (c < kTableEnd && t.info[c].folded) {
      out.push_back(t.info[c].folded);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

std::string CanonicalForm(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string nfc_text;
  if (U_SUCCESS(status) && nfc->isNormalizedUTF8(utf8, status) && U_SUCCESS(status)) {
    nfc_text.assign(utf8);
  } else {
    status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&nfc_text);
    nfc->normalizeUTF8(0, utf8, sink, nullptr, status);
    if (U_FAILURE(status)) nfc_text.assign(utf8);
  }
  return CanonicalTones(nfc_text);
}

}  // namespace notices::normalize
