// BuildKey, KeyOf, SourceEnd: the agency finder's matching text. Tested through
// tests/extract/agency_finder_test.cc (AgencyKeyTest and every finder case).
//
// Speed matters here (every byte of every notice passes once): ASCII is handled inline,
// the letters below U+2000 (all of Vietnamese) through a table built once from ICU and
// normalize::FoldDiacritics, and the rest through ICU.
#include "pipeline/extract/agency_key.h"

#include <array>

#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract::agency {

namespace {

constexpr char32_t kTableEnd = 0x2000;  // all Vietnamese letters lie below

enum CharBits : uint8_t { kIsWord = 1, kIsUpper = 2, kIsLower = 4, kIsSpace = 8, kIsBreak = 16 };

// What a character becomes in the key, UTF-8 encoded.
struct Encoded {
  char bytes[4];
  uint8_t len;
};

struct CharTable {
  std::array<Encoded, kTableEnd> lower{};
  std::array<Encoded, kTableEnd> folded{};  // lowercase, marks removed
  std::array<uint8_t, kTableEnd> bits{};
};

bool IsSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x3000;
}

bool IsBreakChar(char32_t c) {
  return c == '\n' || c == '\r' || c == '\f' || c == 0x2028 || c == 0x2029;
}

bool IsDash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

uint8_t BitsOf(char32_t c) {
  auto u = static_cast<UChar32>(c);
  uint8_t b = 0;
  if (u_isalnum(u)) b |= kIsWord;
  if ((b & kIsWord) && u_isUUppercase(u)) b |= kIsUpper;
  if ((b & kIsWord) && u_isULowercase(u)) b |= kIsLower;
  if (IsSpaceChar(c)) b |= kIsSpace;
  if (IsBreakChar(c)) b |= kIsBreak;
  return b;
}

Encoded Encode(char32_t c) {
  Encoded e{};
  std::string s;
  AppendUtf8(s, c);
  e.len = static_cast<uint8_t>(s.size());
  for (size_t i = 0; i < s.size(); ++i) e.bytes[i] = s[i];
  return e;
}

const CharTable& Table() {
  static const CharTable table = [] {
    CharTable t;
    for (char32_t c = 0; c < kTableEnd; ++c) {
      t.bits[c] = BitsOf(c);
      auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      t.lower[c] = Encode(lower);
      std::string one(t.lower[c].bytes, t.lower[c].len);
      std::string folded = normalize::FoldDiacritics(one);
      size_t i = 0;
      t.folded[c] = Encode(folded.empty() ? lower : DecodeUtf8(folded, i));
    }
    return t;
  }();
  return table;
}

// Whether the '.' just before text[i] is an OCR speck: a lowercase letter follows, after
// at most one space.
bool StrayDot(std::string_view text, size_t i, size_t end, const CharTable& table) {
  if (i < end && text[i] == ' ') ++i;
  if (i >= end) return false;
  std::string_view view = text.substr(0, end);
  char32_t c = DecodeUtf8(view, i);
  return c < kTableEnd && (table.bits[c] & kIsLower);
}

}  // namespace

void BuildKey(std::string_view text, Range range, bool folded, KeyText& out, bool ocr) {
  const CharTable& table = Table();
  const std::array<Encoded, kTableEnd>& shown = folded ? table.folded : table.lower;
  if (range.end > text.size()) range.end = text.size();
  if (range.begin > range.end) range.begin = range.end;
  // Each character gives at most one space and its lowercase (at most twice its bytes).
  size_t cap = 2 * range.size() + 8;
  if (out.buffer.size() < cap) out.buffer.resize(cap);
  if (out.src.size() < cap) out.src.resize(cap);
  if (out.flags.size() < cap) out.flags.resize(cap);
  if (out.word_starts.size() < cap / 2 + 1) out.word_starts.resize(cap / 2 + 1);
  // No output array aliases another (nor the input), which lets the compiler keep the
  // loop state in registers.
  char* __restrict key = out.buffer.data();
  uint32_t* __restrict src = out.src.data();
  uint8_t* __restrict flags = out.flags.data();
  uint32_t* __restrict starts = out.word_starts.data();
  size_t n = 0, words = 0;

  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  bool pending_space = false, pending_break = false, suppress_space = false;
  bool prev_lower = false, prev_word = false;
  uint32_t pending_src = 0;
  size_t i = range.begin;
  while (i < range.end) {
    auto at = static_cast<uint32_t>(i);
    char32_t c = bytes[i];
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF && i + 1 < range.end && (bytes[i + 1] & 0xC0) == 0x80) {
      c = ((c & 0x1Fu) << 6) | (bytes[i + 1] & 0x3Fu);
      i += 2;
    } else if (c >= 0xE1 && c <= 0xEC && i + 2 < range.end && (bytes[i + 1] & 0xC0) == 0x80 &&
               (bytes[i + 2] & 0xC0) == 0x80) {
      c = ((c & 0x0Fu) << 12) | ((bytes[i + 1] & 0x3Fu) << 6) | (bytes[i + 2] & 0x3Fu);
      i += 3;
    } else {
      std::string_view view = text.substr(0, range.end);
      c = DecodeUtf8(view, i);
    }
    uint8_t bits = c < kTableEnd ? table.bits[c] : BitsOf(c);

    // The common case: a letter or digit, no space pending, no glued capital.
    if ((bits & kIsWord) && c < kTableEnd && !pending_space && !(prev_lower && (bits & kIsUpper))) {
      uint8_t f = static_cast<uint8_t>(kWordChar | ((bits & kIsUpper) ? kUpper : 0) |
                                       (pending_break ? kBreak : 0));
      if (!prev_word) {
        starts[words++] = static_cast<uint32_t>(n);
        f |= kWordStart;
      }
      const Encoded& e = shown[c];
      key[n] = e.bytes[0];
      src[n] = at;
      flags[n++] = f;
      for (uint8_t b = 1; b < e.len; ++b) {
        key[n] = e.bytes[b];
        src[n] = at;
        flags[n++] = static_cast<uint8_t>(f & ~kWordStart);
      }
      pending_break = suppress_space = false;
      prev_word = true;
      prev_lower = bits & kIsLower;
      continue;
    }

    if (bits & kIsSpace) {
      if (bits & kIsBreak) pending_break = true;
      if (!suppress_space && !pending_space) {
        pending_space = true;
        pending_src = at;
      }
      prev_lower = false;
      continue;
    }
    if (ocr && c == '.' && prev_word && StrayDot(text, i, range.end, table)) {
      if (!pending_space) {
        pending_space = true;
        pending_src = at;
      }
      prev_lower = false;
      continue;
    }
    if (IsDash(c)) c = '-';
    if (c == ',' || c == '&' || c == '-') {
      pending_space = false;
      key[n] = static_cast<char>(c);
      src[n] = at;
      flags[n++] = pending_break ? kBreak : 0;
      pending_break = false;
      suppress_space = true;
      prev_lower = prev_word = false;
      continue;
    }
    suppress_space = false;
    bool word = bits & kIsWord, upper = bits & kIsUpper;
    if (pending_space) {
      if (n > 0) {
        key[n] = ' ';
        src[n] = pending_src;
        flags[n++] = pending_break ? kBreak : 0;
        prev_word = false;
      }
      pending_break = false;
      pending_space = false;
    } else if (prev_lower && upper) {
      key[n] = ' ';  // "BộTài" -> "bộ tài"
      src[n] = at;
      flags[n++] = 0;
      prev_word = false;
    }
    uint8_t f = 0;
    if (word) f |= kWordChar;
    if (word && !prev_word) {
      f |= kWordStart;
      starts[words++] = static_cast<uint32_t>(n);
    }
    if (upper) f |= kUpper;
    if (pending_break) f |= kBreak;
    pending_break = false;
    Encoded e = c < kTableEnd ? shown[c] : Encode(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    for (uint8_t b = 0; b < e.len; ++b) {
      key[n] = e.bytes[b];
      src[n] = at;
      flags[n++] = b == 0 ? f : static_cast<uint8_t>(f & ~kWordStart);
    }
    prev_lower = bits & kIsLower;
    prev_word = word;
  }
  out.size = n;
  out.words = words;
}

std::string KeyOf(std::string_view text, bool folded) {
  KeyText k;
  BuildKey(text, {0, text.size()}, folded, k);
  return std::string(k.key());
}

size_t SourceEnd(const KeyText& k, std::string_view text, size_t key_end) {
  size_t s = k.src[key_end - 1];
  return s + Utf8SequenceLength(static_cast<unsigned char>(text[s]));
}

}  // namespace notices::extract::agency
