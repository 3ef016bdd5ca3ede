// ScoreSyllables, SyllableSet, IsVietnameseSyllable, IsVietnameseLetter: the evidence encoding
// detection weighs. Tested by tests/ingest/encoding_score_test.cc.
#include "pipeline/ingest/encoding_score.h"

#include <algorithm>
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

constexpr std::array<bool, 128> MakeVowels() {
  std::array<bool, 128> v{};
  for (char c : std::string_view("aWAeEioOQuUy")) v[static_cast<size_t>(c)] = true;
  return v;
}
constexpr std::array<bool, 128> kVowels = MakeVowels();

bool IsVowel(char code) { return kVowels[static_cast<unsigned char>(code) & 0x7F]; }

// Up to three letter codes and the length, in one integer: parts of a syllable are
// compared as integers, not strings.
constexpr uint32_t Pack(std::string_view s) {
  uint32_t key = static_cast<uint32_t>(s.size()) << 24;
  for (size_t k = 0; k < s.size() && k < 3; ++k)
    key |= static_cast<uint32_t>(static_cast<unsigned char>(s[k])) << (8 * k);
  return s.size() > 3 ? 0 : key;
}

struct Nucleus {
  uint32_t vowels;
  bool open;    // may end the syllable
  bool closed;  // may take a consonant coda
};

// The vowel nuclei of Vietnamese (glides included), in letter codes.
constexpr Nucleus kNuclei[] = {
    {Pack("a"), true, true},    {Pack("W"), false, true},   {Pack("A"), false, true},
    {Pack("e"), true, true},    {Pack("E"), true, true},    {Pack("i"), true, true},
    {Pack("o"), true, true},    {Pack("O"), true, true},    {Pack("Q"), true, true},
    {Pack("u"), true, true},    {Pack("U"), true, true},    {Pack("y"), true, true},
    {Pack("ai"), true, false},  {Pack("ao"), true, false},  {Pack("au"), true, false},
    {Pack("ay"), true, false},  {Pack("Au"), true, false},  {Pack("Ay"), true, false},
    {Pack("eo"), true, false},  {Pack("Eu"), true, false},  {Pack("ia"), true, false},
    {Pack("iE"), false, true},  {Pack("iu"), true, false},  {Pack("oa"), true, true},
    {Pack("oW"), false, true},  {Pack("oe"), true, true},   {Pack("oi"), true, false},
    {Pack("Oi"), true, false},  {Pack("Qi"), true, false},  {Pack("oo"), false, true},
    {Pack("ua"), true, false},  {Pack("uA"), false, true},  {Pack("uE"), true, true},
    {Pack("ui"), true, false},  {Pack("uO"), false, true},  {Pack("uQ"), true, false},
    {Pack("uy"), true, true},   {Pack("Ua"), true, false},  {Pack("Ui"), true, false},
    {Pack("UQ"), false, true},  {Pack("Uu"), true, false},  {Pack("yE"), false, true},
    {Pack("iEu"), true, false}, {Pack("yEu"), true, false}, {Pack("oai"), true, false},
    {Pack("oay"), true, false}, {Pack("oeo"), true, false}, {Pack("uAy"), true, false},
    {Pack("uOi"), true, false}, {Pack("uya"), true, false}, {Pack("uyE"), false, true},
    {Pack("uyu"), true, false}, {Pack("UQi"), true, false}, {Pack("UQu"), true, false},
};

// Onsets of one, two and three letters ("ngh" is tried before "ng" before "n").
constexpr uint32_t kOnsets3[] = {Pack("ngh")};
constexpr uint32_t kOnsets2[] = {Pack("ng"), Pack("nh"), Pack("ch"), Pack("gh"), Pack("gi"),
                                 Pack("kh"), Pack("ph"), Pack("qu"), Pack("th"), Pack("tr")};
constexpr std::string_view kOnsets1 = "bcdDghklmnprstvx";

constexpr uint32_t kNoCoda = Pack(""), kC = Pack("c"), kCh = Pack("ch"), kM = Pack("m"),
                   kN = Pack("n"), kNg = Pack("ng"), kNh = Pack("nh"), kP = Pack("p"),
                   kT = Pack("t");

template <size_t N>
bool In(uint32_t key, const uint32_t (&set)[N]) {
  for (uint32_t k : set)
    if (k == key) return true;
  return false;
}

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
  // The letters and the tone, packed (7 bits a letter, 3 for the tone): the identity of
  // the syllable without case or tone placement.
  uint64_t Key() const {
    uint64_t key = 0;
    for (size_t k = 0; k < size; ++k) key = (key << 7) | static_cast<unsigned char>(codes[k]);
    return (key << 3) | tone;
  }
};

bool Word::Valid() const {
  if (broken || size == 0) return false;
  std::string_view w(codes, size);
  size_t onset = 0;
  if (!IsVowel(w[0])) {
    auto fits = [&](size_t n) { return n < w.size() && IsVowel(w[n]); };
    if (fits(3) && In(Pack(w.substr(0, 3)), kOnsets3)) onset = 3;
    else if (fits(2) && In(Pack(w.substr(0, 2)), kOnsets2)) onset = 2;
    else if (fits(1) && kOnsets1.find(w[0]) != std::string_view::npos) onset = 1;
    else return false;
  }
  size_t end = onset;
  while (end < w.size() && IsVowel(w[end])) ++end;
  if (end - onset > 3 || w.size() - end > 2) return false;
  uint32_t nucleus = Pack(w.substr(onset, end - onset));
  uint32_t coda = Pack(w.substr(end));
  const Nucleus* found = nullptr;
  for (const Nucleus& n : kNuclei)
    if (nucleus == n.vowels) found = &n;
  if (found == nullptr) return false;
  bool coda_ok = coda == kNoCoda || coda == kC || coda == kCh || coda == kM || coda == kN ||
                 coda == kNg || coda == kNh || coda == kP || coda == kT;
  if (!coda_ok || (coda == kNoCoda ? !found->open : !found->closed)) return false;
  // "nh" and "ch" follow only a, ê, i, y, oa, uê, uy ("anh", "ếch", "huỳnh"); "ng" and
  // "c" follow none of ê, i, y, uê, uy ("inh" is the spelling; "ing" is not Vietnamese).
  bool front = nucleus == Pack("E") || nucleus == Pack("i") || nucleus == Pack("y") ||
               nucleus == Pack("uE") || nucleus == Pack("uy");
  if ((coda == kNh || coda == kCh) && !(front || nucleus == Pack("a") || nucleus == Pack("oa")))
    return false;
  if ((coda == kNg || coda == kC) && front) return false;
  bool stop = coda == kC || coda == kCh || coda == kP || coda == kT;
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

SyllableScore ScoreSyllables(std::string_view utf8, const SyllableSet* common) {
  const LetterTable& letters = Letters();
  SyllableScore score;
  Word word;
  bool non_ascii = false, junk = false, in_token = false;
  auto finish = [&]() {
    if (in_token && non_ascii) {
      if (!junk && word.Valid()) {
        ++score.valid;
        if (common != nullptr && common->ContainsKey(word.Key())) ++score.common;
      } else {
        ++score.invalid;
      }
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

namespace {

// Reads a whole text as one word; false when it holds a non-letter.
bool ReadWord(std::string_view text, Word& word) {
  const LetterTable& letters = Letters();
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
  return true;
}

}  // namespace

bool IsVietnameseSyllable(std::string_view text) {
  Word word;
  return ReadWord(text, word) && word.Valid();
}

SyllableSet::SyllableSet(std::span<const std::string> syllables,
                         std::vector<std::string>* rejected) {
  for (const std::string& s : syllables) {
    Word word;
    if (ReadWord(s, word) && word.Valid()) keys_.push_back(word.Key());
    else if (rejected != nullptr) rejected->push_back(s);
  }
  std::sort(keys_.begin(), keys_.end());
  keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
}

bool SyllableSet::ContainsKey(uint64_t key) const {
  return std::binary_search(keys_.begin(), keys_.end(), key);
}

bool SyllableSet::Contains(std::string_view text) const {
  Word word;
  return ReadWord(text, word) && word.Valid() && ContainsKey(word.Key());
}

bool IsVietnameseLetter(char32_t c) {
  Letter l = Letters().Get(c);
  return l.code != 0 && l.code != '?';
}

}  // namespace notices::ingest
