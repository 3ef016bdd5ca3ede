// ScoreSyllables, IsVietnameseSyllable, IsVietnameseLetter: the evidence encoding
// detection weighs. Tested by tests/ingest/encoding_score_test.cc.
#include "pipeline/ingest/encoding_score.h"

#include <array>
#include <cstring>
#include <string>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "pipeline/common/utf8.h"

namespace notices::ingest {
namespace {

// Letters are reduced to one ASCII code each: the base letter in lowercase, or for the
// letters with a modifier: 'W' ă, 'A' â, 'E' ê, 'O' ô, 'Q' ơ, 'U' ư, 'D' đ. '?' is a
// letter outside the Vietnamese alphabet; 0 is not a letter.
enum Tone : uint8_t { kNoTone = 0, kGrave, kAcute, kHook, kTilde, kDot };

struct Letter {
  char code = 0;
  uint8_t tone = kNoTone;
};

Tone ToneOfMark(char32_t mark) {
  switch (mark) {
    case 0x0300: return kGrave;
    case 0x0301: return kAcute;
    case 0x0309: return kHook;
    case 0x0303: return kTilde;
    case 0x0323: return kDot;
    default: return kNoTone;
  }
}

// Applies a modifier mark (circumflex, breve, horn) to a letter code; '?' when the pair
// is not a Vietnamese letter.
char Modify(char code, char32_t mark) {
  switch (mark) {
    case 0x0302: return code == 'a' ? 'A' : code == 'e' ? 'E' : code == 'o' ? 'O' : '?';
    case 0x0306: return code == 'a' ? 'W' : '?';
    case 0x031B: return code == 'o' ? 'Q' : code == 'u' ? 'U' : '?';
    default: return '?';
  }
}

// Letter codes of Latin (U+0000-U+024F) and Latin Extended Additional (U+1E00-U+1EFF),
// derived from their canonical decompositions.
class LetterTable {
 public:
  LetterTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t c = 0; c < 0x250; ++c) latin_[c] = Build(c, nfd);
    for (char32_t c = 0x1E00; c < 0x1F00; ++c) extended_[c - 0x1E00] = Build(c, nfd);
  }

  Letter Get(char32_t c) const {
    if (c < 0x250) return latin_[c];
    if (c >= 0x1E00 && c < 0x1F00) return extended_[c - 0x1E00];
    return Letter{u_isalpha(static_cast<UChar32>(c)) ? '?' : '\0', kNoTone};
  }

 private:
  static Letter Build(char32_t c, const icu::Normalizer2* nfd) {
    if (c == 0x0110 || c == 0x0111) return {'D', kNoTone};  // Đ đ do not decompose
    if (!u_isalpha(static_cast<UChar32>(c))) return {};
    icu::UnicodeString decomposed;
    if (nfd == nullptr || !nfd->getDecomposition(static_cast<UChar32>(c), decomposed))
      decomposed = icu::UnicodeString(static_cast<UChar32>(c));
    UChar32 base = u_tolower(decomposed.char32At(0));
    if (base > 0x7F || !u_isalpha(base) || std::strchr("fjwz", static_cast<int>(base)) != nullptr)
      return {'?', kNoTone};
    Letter l{static_cast<char>(base), kNoTone};
    for (int32_t i = decomposed.moveIndex32(0, 1); i < decomposed.length();
         i = decomposed.moveIndex32(i, 1)) {
      char32_t mark = static_cast<char32_t>(decomposed.char32At(i));
      if (Tone t = ToneOfMark(mark); t != kNoTone) {
        if (l.tone != kNoTone) return {'?', kNoTone};
        l.tone = t;
      } else {
        l.code = Modify(l.code, mark);
        if (l.code == '?') return {'?', kNoTone};
      }
    }
    return l;
  }

  std::array<Letter, 0x250> latin_{};
  std::array<Letter, 0x100> extended_{};
};

const LetterTable& Letters() {
  static const LetterTable table;
  return table;
}

bool IsVowel(char code) { return code != 0 && std::strchr("aWAeEioOQuUy", code) != nullptr; }

struct Nucleus {
  const char* vowels;
  bool open;    // may end the syllable
  bool closed;  // may take a consonant coda
};

// The vowel nuclei of Vietnamese (glides included), in letter codes.
constexpr Nucleus kNuclei[] = {
    {"a", true, true},    {"W", false, true},   {"A", false, true},   {"e", true, true},
    {"E", true, true},    {"i", true, true},    {"o", true, true},    {"O", true, true},
    {"Q", true, true},    {"u", true, true},    {"U", true, true},    {"y", true, true},
    {"ai", true, false},  {"ao", true, false},  {"au", true, false},  {"ay", true, false},
    {"Au", true, false},  {"Ay", true, false},  {"eo", true, false},  {"Eu", true, false},
    {"ia", true, false},  {"iE", false, true},  {"iu", true, false},  {"oa", true, true},
    {"oW", false, true},  {"oe", true, true},   {"oi", true, false},  {"Oi", true, false},
    {"Qi", true, false},  {"oo", false, true},  {"ua", true, false},  {"uA", false, true},
    {"uE", true, true},   {"ui", true, false},  {"uO", false, true},  {"uQ", true, false},
    {"uy", true, true},   {"Ua", true, false},  {"Ui", true, false},  {"UQ", false, true},
    {"Uu", true, false},  {"yE", false, true},  {"iEu", true, false}, {"yEu", true, false},
    {"oai", true, false}, {"oay", true, false}, {"oeo", true, false}, {"uAy", true, false},
    {"uOi", true, false}, {"uya", true, false}, {"uyE", false, true}, {"uyu", true, false},
    {"UQi", true, false}, {"UQu", true, false},
};

// Onsets, longest first so "ngh" is tried before "ng" and "n".
constexpr const char* kOnsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
                                   "tr",  "b",  "c",  "d",  "D",  "g",  "h",  "k",  "l",  "m",
                                   "n",   "p",  "r",  "s",  "t",  "v",  "x"};

constexpr const char* kCodas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

// A syllable being read: letter codes, and where its tone mark sits.
struct Word {
  static constexpr size_t kMax = 8;  // "nghiêng", "khuỷu": no syllable is longer
  char codes[kMax] = {};
  size_t size = 0;
  int tone_at = -1;
  uint8_t tone = kNoTone;
  bool broken = false;  // a foreign letter, a second tone, a stray mark, too long

  void Add(Letter l) {
    if (l.code == '?' || size == kMax) {
      broken = true;
      return;
    }
    codes[size] = l.code;
    if (l.tone != kNoTone) SetTone(l.tone, size);
    ++size;
  }
  void SetTone(uint8_t t, size_t at) {
    if (tone != kNoTone) broken = true;
    tone = t;
    tone_at = static_cast<int>(at);
  }
  // A combining mark after the last letter.
  void AddMark(char32_t mark) {
    if (size == 0) {
      broken = true;
      return;
    }
    if (Tone t = ToneOfMark(mark); t != kNoTone) {
      SetTone(t, size - 1);
      return;
    }
    char& last = codes[size - 1];
    last = Modify(last, mark);
    if (last == '?') broken = true;
  }
  bool Valid() const;
};

bool Word::Valid() const {
  if (broken || size == 0) return false;
  std::string_view w(codes, size);
  size_t onset = 0;
  if (!IsVowel(w[0])) {
    bool found = false;
    for (const char* o : kOnsets) {
      size_t n = std::strlen(o);
      if (w.substr(0, n) == o && n < w.size() && IsVowel(w[n])) {
        onset = n;
        found = true;
        break;
      }
    }
    if (!found) {
      // "gì", "gìn": the i of "gi" is the nucleus itself.
      if (w.size() >= 2 && w[0] == 'g' && w[1] == 'i') onset = 1;
      else return false;
    }
  }
  size_t end = onset;
  while (end < w.size() && IsVowel(w[end])) ++end;
  std::string_view nucleus = w.substr(onset, end - onset);
  std::string_view coda = w.substr(end);
  const Nucleus* found = nullptr;
  for (const Nucleus& n : kNuclei)
    if (nucleus == n.vowels) found = &n;
  if (found == nullptr) return false;
  bool coda_ok = false;
  for (const char* c : kCodas) coda_ok |= coda == c;
  if (!coda_ok || (coda.empty() ? !found->open : !found->closed)) return false;
  bool stop = coda == "c" || coda == "ch" || coda == "p" || coda == "t";
  if (stop && tone != kAcute && tone != kDot) return false;
  if (tone_at >= 0) {
    // The tone sits on the nucleus; "qúy", "gíup" (a tone on the u of qu, the i of gi)
    // are common misplacements of real text, not signs of a wrong encoding.
    size_t lowest = onset;
    if (onset == 2 && (w.substr(0, 2) == "qu" || w.substr(0, 2) == "gi")) lowest = 1;
    if (static_cast<size_t>(tone_at) < lowest || static_cast<size_t>(tone_at) >= end) return false;
  }
  return true;
}

bool IsCombiningMark(char32_t c) { return c >= 0x0300 && c <= 0x036F; }

// Characters that end a token: white space, ASCII punctuation and digits, and the
// typographic punctuation of Vietnamese documents.
bool IsSeparator(char32_t c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  switch (c) {
    case 0x00A0: case 0x00B2: case 0x00B3: case 0x00B9:          // NBSP, superscripts
    case 0x2013: case 0x2014: case 0x2018: case 0x2019:          // dashes, quotes
    case 0x201C: case 0x201D: case 0x2026: case 0x2022:          // quotes, ellipsis, bullet
    case 0x2028: case 0x2029: case 0xFEFF:
      return true;
    default:
      return (c >= 0x2000 && c <= 0x200B) || (c >= 0x2070 && c <= 0x2079);
  }
}

bool IsBad(char32_t c) {
  if (c == kReplacementChar) return true;
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r';
  return c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

}  // namespace

SyllableScore ScoreSyllables(std::string_view utf8) {
  const LetterTable& letters = Letters();
  SyllableScore score;
  Word word;
  bool non_ascii = false, junk = false, in_token = false;
  auto finish = [&]() {
    if (in_token && non_ascii) {
      if (!junk && word.Valid()) ++score.valid;
      else ++score.invalid;
    }
    word = Word();
    non_ascii = junk = in_token = false;
  };
  size_t i = 0;
  while (i < utf8.size()) {
    char32_t c = DecodeUtf8(utf8, i);
    if (IsBad(c)) ++score.bad;
    if (IsSeparator(c)) {
      finish();
      continue;
    }
    in_token = true;
    non_ascii |= c >= 0x80;
    if (IsCombiningMark(c)) {
      word.AddMark(c);
      continue;
    }
    Letter l = letters.Get(c);
    if (l.code == 0) junk = true;
    else word.Add(l);
  }
  finish();
  return score;
}

bool IsVietnameseSyllable(std::string_view text) {
  const LetterTable& letters = Letters();
  Word word;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = DecodeUtf8(text, i);
    if (IsCombiningMark(c)) {
      word.AddMark(c);
      continue;
    }
    Letter l = letters.Get(c);
    if (l.code == 0) return false;
    word.Add(l);
  }
  return word.Valid();
}

bool IsVietnameseLetter(char32_t c) {
  Letter l = Letters().Get(c);
  return l.code != 0 && l.code != '?';
}

}  // namespace notices::ingest
