// ClassifyWord, JudgeFont, DetectLegacyEncoding, ToLegacyBytes.
// Tested by tests/ingest/pdf_text_check_test.cc.
//
// The letter table comes from ICU's canonical decompositions, as in
// pipeline/normalize/tone.cc: a Vietnamese letter is an ASCII base letter (or đ) with
// at most one quality mark (circumflex on a/e/o, breve on a, horn on o/u) and at most
// one tone mark.
#include "pipeline/ingest/pdf_text_check.h"

#include <array>
#include <cstdint>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "pipeline/common/utf8.h"

namespace notices::ingest {

namespace {

constexpr char32_t kTableEnd = 0x1F00;
constexpr char32_t kToneMarks[] = {0x0300, 0x0301, 0x0303, 0x0309, 0x0323};

struct Letter {
  char base = 0;      // lowercase ASCII letter ('d' for đ too); 0: not a Vietnamese letter
  uint8_t tone = 0;   // 0 none, else 1 + index into kToneMarks
  bool vowel = false;
  bool dd = false;    // đ / Đ
};

struct LetterTable {
  std::array<Letter, kTableEnd> info{};
  LetterTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return;
    for (char32_t c = 0x41; c < kTableEnd; ++c) {
      if (c == 0x0110 || c == 0x0111) {
        info[c] = Letter{'d', 0, false, true};
        continue;
      }
      icu::UnicodeString s;
      s.append(static_cast<UChar32>(c));
      icu::UnicodeString d = nfd->normalize(s, status);
      if (U_FAILURE(status)) return;
      UChar32 base = d.char32At(0);
      if (base >= 'A' && base <= 'Z') base += 32;
      if (base < 'a' || base > 'z') continue;
      int quality = 0;  // 1 circumflex, 2 breve, 3 horn
      uint8_t tone = 0;
      bool bad = false;
      for (int32_t i = d.moveIndex32(0, 1); i < d.length(); i = d.moveIndex32(i, 1)) {
        UChar32 m = d.char32At(i);
        if (m == 0x0302 && quality == 0) quality = 1;
        else if (m == 0x0306 && quality == 0) quality = 2;
        else if (m == 0x031B && quality == 0) quality = 3;
        else {
          bool is_tone = false;
          for (size_t t = 0; t < 5; ++t)
            if (static_cast<char32_t>(m) == kToneMarks[t] && tone == 0) {
              tone = static_cast<uint8_t>(t + 1);
              is_tone = true;
            }
          if (!is_tone) bad = true;
        }
      }
      bool vowel = std::strchr("aeiouy", static_cast<int>(base)) != nullptr;
      if (bad) continue;
      if (!vowel && (quality != 0 || tone != 0)) continue;
      if (quality == 1 && base != 'a' && base != 'e' && base != 'o') continue;
      if (quality == 2 && base != 'a') continue;
      if (quality == 3 && base != 'o' && base != 'u') continue;
      info[c] = Letter{static_cast<char>(base), tone, vowel, false};
    }
  }
};

const LetterTable& Table() {
  static const LetterTable* table = new LetterTable();
  return *table;
}

bool IsEdgePunct(char32_t c) {
  return c < 0x80 ? std::strchr("\"'()[]{},.;:!?-/*%", static_cast<int>(c)) != nullptr && c != 0
                  : (c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026 ||
                     c == 0x2013 || c == 0x2014 || (c >= 0x2070 && c <= 0x2079) || c == 0xB9 ||
                     c == 0xB2 || c == 0xB3);
}

// Symbols that never sit inside a Vietnamese word; garbled layers are full of them.
bool IsJunkSymbol(char32_t c) {
  return c < 0x80 && c != 0 && std::strchr("\\&+$<>{}[]^_`|~@#=", static_cast<int>(c)) != nullptr;
}

bool IsUpperLetter(char32_t c) {
  return c < kTableEnd && Table().info[c].base != 0 && u_isupper(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Symbols that do sit inside real words: '&' joining acronyms ("KH&ĐT", "VH,TT&DL") and
// '+' after a digit in chainages ("Km2+571"). A garbled layer's '&' and '+' come from the
// codes of capitals ("SCT" gives "6&7", "TỈNH" "7ӌ1+"), so they stand next to digits and
// symbols, seldom between two capitals.
bool IsWordSymbol(const char32_t* s, size_t k, size_t b, size_t e) {
  if (s[k] == '&') return k > b && k + 1 < e && IsUpperLetter(s[k - 1]) && IsUpperLetter(s[k + 1]);
  if (s[k] == '+') return k > b && IsDigit(s[k - 1]) && (k + 1 == e || IsDigit(s[k + 1]));
  return false;
}

// Orthographic parse of one lowercase-insensitive syllable: initial, vowels, final.
bool IsSyllable(const char32_t* s, size_t n) {
  const LetterTable& t = Table();
  char base[16];
  bool dd_first = false;
  int tones = 0;
  if (n == 0 || n > 7) return false;
  for (size_t i = 0; i < n; ++i) {
    if (s[i] >= kTableEnd) return false;
    const Letter& l = t.info[s[i]];
    if (l.base == 0) return false;
    if (l.dd) {
      if (i != 0) return false;
      dd_first = true;
    }
    base[i] = l.base;
    if (l.tone) ++tones;
  }
  if (tones > 1) return false;
  size_t i = 0;
  auto starts = [&](const char* p) {
    size_t k = std::strlen(p);
    return i + k <= n && std::memcmp(base + i, p, k) == 0;
  };
  if (dd_first) {
    i = 1;
  } else {
    // Longest initial first.
    static const char* const kInitials[] = {"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph",
                                            "qu", "th", "tr", "b", "c", "d", "g", "h", "k",
                                            "l", "m", "n", "p", "r", "s", "t", "v", "x"};
    for (const char* p : kInitials) {
      if (starts(p)) {
        i = std::strlen(p);
        break;
      }
    }
    // "gì", "gìn": the i of "gi" is the vowel.
    if (i == 2 && base[0] == 'g' && base[1] == 'i' && (n == 2 || !t.info[s[2]].vowel)) i = 1;
  }
  size_t v = i;
  while (i < n && t.info[s[i]].vowel) ++i;
  if (i == v || i - v > 3) return false;
  if (i == n) return true;
  static const char* const kFinals[] = {"ch", "ng", "nh", "c", "m", "n", "p", "t"};
  for (const char* p : kFinals)
    if (starts(p) && i + std::strlen(p) == n) return true;
  return false;
}

}  // namespace

WordClass ClassifyWord(std::string_view word) {
  const LetterTable& t = Table();
  char32_t buf[64];
  size_t n = 0;
  for (size_t i = 0; i < word.size() && n < 64;) buf[n++] = DecodeUtf8(word, i);
  size_t b = 0, e = n;
  while (b < e && IsEdgePunct(buf[b])) ++b;
  while (e > b && IsEdgePunct(buf[e - 1])) --e;
  bool letters = false, implausible = false, junk = false, digits = false;
  for (size_t k = b; k < e; ++k) {
    char32_t c = buf[k];
    if (c < kTableEnd && t.info[c].base != 0) {
      letters = true;
    } else if (c >= 0x0300 && c <= 0x036F) {
      // combining marks: the NFC step comes later; only the five tones and three
      // qualities belong to Vietnamese
      bool known = c == 0x0302 || c == 0x0306 || c == 0x031B;
      for (char32_t m : kToneMarks) known = known || m == c;
      if (!known) implausible = true;
    } else if (u_isalpha(static_cast<UChar32>(c))) {
      letters = true;
      implausible = true;
    } else if (c >= '0' && c <= '9') {
      digits = true;
    } else if ((IsJunkSymbol(c) && !IsWordSymbol(buf, k, b, e)) || (c >= 0xE000 && c <= 0xF8FF)) {
      junk = true;
    }
  }
  if (!letters) return WordClass::kNeutral;
  if (implausible || junk) return WordClass::kImplausible;
  if (digits) return WordClass::kNeutral;
  // A syllable, or several joined by '-' ("Lạng-Sơn" is rare; "xã-hội" never) count once.
  size_t start = b;
  bool all = true;
  for (size_t k = b; k <= e; ++k) {
    if (k == e || buf[k] == '-' || buf[k] == '/') {
      if (k > start && !IsSyllable(buf + start, k - start)) all = false;
      start = k + 1;
    }
  }
  return all ? WordClass::kSyllable : WordClass::kOther;
}

void TextStats::Add(std::string_view word) {
  switch (ClassifyWord(word)) {
    case WordClass::kNeutral: return;
    case WordClass::kSyllable: ++syllables; break;
    case WordClass::kOther: ++other; break;
    case WordClass::kImplausible: ++implausible; break;
  }
  letters += CountCodePoints(word);
}

void TextStats::Add(const TextStats& s) {
  syllables += s.syllables;
  other += s.other;
  implausible += s.implausible;
  letters += s.letters;
}

FontVerdict JudgeFont(const TextStats& s) {
  size_t n = s.words();
  if (n < 6) return FontVerdict::kUndecided;
  if (s.implausible * 5 >= n) return FontVerdict::kGarbled;    // a fifth or more
  if (n >= 20 && s.syllables * 5 < n) return FontVerdict::kGarbled;  // under a fifth
  return FontVerdict::kGood;
}

LegacyEncoding DetectLegacyEncoding(std::string_view font_name, std::string_view text) {
  // Subset prefix "ABCDEF+" first.
  size_t plus = font_name.find('+');
  if (plus == 6) font_name.remove_prefix(7);
  auto has = [&](std::string_view needle) {
    if (needle.size() > font_name.size()) return false;
    for (size_t i = 0; i + needle.size() <= font_name.size(); ++i) {
      bool eq = true;
      for (size_t k = 0; k < needle.size() && eq; ++k) {
        char a = font_name[i + k], c = needle[k];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
        eq = a == c;
      }
      if (eq) return true;
    }
    return false;
  };
  if (has("vni-") || has("vni_")) return LegacyEncoding::kVni;
  if (font_name.substr(0, 3) == ".Vn" || has("vntime") || has("vnarial") || has("vnhelvetica") ||
      has("vncentury") || has("vnavant") || has("vncourier") || has("vnbodoni") ||
      has("vnclarendon") || has("vnbook"))
    return LegacyEncoding::kTcvn3;
  // By the text: count the characters each encoding leans on.
  size_t tcvn = 0, vni = 0, letters = 0, wide = 0;
  char32_t prev = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t c = DecodeUtf8(text, i);
    // A legacy font's text stays in the 8-bit range (cp1252 extras aside).
    if (c > 0xFF && c != 0x2026 && c != 0x2018 && c != 0x2019 && c != 0x201C && c != 0x201D &&
        c != 0x2013 && c != 0x2014 && c != 0x2022 && c != 0x0192 && c != 0x02C6 && c != 0x02DC &&
        c != 0x2122 && c != 0x0152 && c != 0x0153 && c != 0x0160 && c != 0x0161 && c != 0x0178 &&
        c != 0x017D && c != 0x017E && c != 0x20AC && c != 0x2039 && c != 0x203A && c != 0x2020 &&
        c != 0x2021 && c != 0x2030 && c != 0x201A && c != 0x201E)
      ++wide;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    // TCVN3: tone-marked vowels sit in 0xA1-0xFE, several on symbols: ¸ ¹ µ ¶ · « ® ¬ ­ ¦ § ¨ ©
    if (c == 0xB8 || c == 0xB9 || c == 0xB5 || c == 0xB6 || c == 0xB7 || c == 0xAB || c == 0xAE ||
        c == 0xAC || c == 0xA6 || c == 0xA7 || c == 0xA8 || c == 0xA9 || c == 0xAA || c == 0xAD ||
        c == 0xF5 || c == 0xEA || c == 0xE7 || c == 0xDE || c == 0xD7)
      ++tcvn;
    // VNI: a vowel followed by a mark letter in 0xD2-0xFF ("aù", "oâ", "eå", "ö" for ư)
    bool vowel_before = prev == 'a' || prev == 'e' || prev == 'o' || prev == 'u' || prev == 'i' ||
                        prev == 'y' || prev == 'A' || prev == 'E' || prev == 'O' || prev == 'U';
    if (vowel_before && ((c >= 0xD2 && c <= 0xDF) || (c >= 0xF2 && c <= 0xFF) ||
                         c == 0xE2 || c == 0xE1 || c == 0xE0 || c == 0xE3 || c == 0xE4 ||
                         c == 0xE5 || c == 0xF1 || c == 0xEF))
      ++vni;
    prev = c;
  }
  if (letters < 8 || wide * 50 > letters) return LegacyEncoding::kNone;
  if (tcvn * 20 >= letters && tcvn > vni) return LegacyEncoding::kTcvn3;
  if (vni * 20 >= letters && vni >= tcvn) return LegacyEncoding::kVni;
  return LegacyEncoding::kNone;
}

const char* LegacyEncodingName(LegacyEncoding e) {
  switch (e) {
    case LegacyEncoding::kTcvn3: return "tcvn3";
    case LegacyEncoding::kVni: return "vni";
    case LegacyEncoding::kNone: break;
  }
  return "";
}

std::string ToLegacyBytes(std::string_view utf8) {
  // windows-1252 0x80-0x9F.
  static constexpr char16_t kCp1252High[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    char32_t c = DecodeUtf8(utf8, i);
    if (c < 0x100) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    char byte = '?';
    for (unsigned k = 0; k < 32; ++k)
      if (kCp1252High[k] != 0 && kCp1252High[k] == c) byte = static_cast<char>(0x80 + k);
    out.push_back(byte);
  }
  return out;
}

}  // namespace notices::ingest
