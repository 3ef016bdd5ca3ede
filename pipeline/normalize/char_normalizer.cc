// CharNormalizer. Tested by tests/normalize/normalizer_test.cc (CharacterTest.*).
#include "pipeline/normalize/char_normalizer.h"

#include <array>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "pipeline/common/utf8.h"
#include "pipeline/normalize/tone.h"

namespace notices::normalize::internal {

namespace {

enum class CharClass { kVisible, kSpace, kInvisible };

CharClass ClassOf(char32_t c) {
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\v') return CharClass::kSpace;
    if (c < 0x20 || c == 0x7F) return CharClass::kInvisible;
    return CharClass::kVisible;
  }
  if (c < 0xA0) return c == 0x85 ? CharClass::kSpace : CharClass::kInvisible;  // C1 controls
  if (c == 0xA0) return CharClass::kSpace;
  if (c == 0xAD) return CharClass::kInvisible;  // soft hyphen
  if (c < 0x1680) return CharClass::kVisible;
  if (c == 0x1680) return CharClass::kSpace;
  if (c == 0x180E) return CharClass::kInvisible;
  if (c < 0x2000) return CharClass::kVisible;
  if (c <= 0x200A) return CharClass::kSpace;
  if (c <= 0x200F) return CharClass::kInvisible;  // zero-width, LRM, RLM
  if (c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F) return CharClass::kSpace;
  if (c >= 0x202A && c <= 0x202E) return CharClass::kInvisible;  // bidi embeddings
  if (c >= 0x2060 && c <= 0x206F) return CharClass::kInvisible;  // word joiner, invisibles
  if (c == 0x3000) return CharClass::kSpace;
  if (c == 0xFEFF) return CharClass::kInvisible;
  return CharClass::kVisible;
}

// A letter or digit as far as emphasis markers care: what "**" may be glued to.
bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return c >= 0xC0 && !(c >= 0x2000 && c <= 0x2BFF) && c != 0xFFFD;
}

bool IsVisibleAt(std::string_view s, size_t i, size_t end) {
  if (i >= end) return false;
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return b > 0x20 && b < 0x7F && b != '*';
  size_t k = i;
  char32_t c = DecodeUtf8(s, k);
  return ClassOf(c) == CharClass::kVisible && !(c == kReplacementChar && k - i == 1);
}

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

inline bool IsAsciiAlnum(unsigned char b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

// Visible ASCII other than '*' (which may be an emphasis marker).
constexpr std::array<bool, 256> MakePlainTable() {
  std::array<bool, 256> t{};
  for (int b = 0x21; b < 0x7F; ++b) t[static_cast<size_t>(b)] = b != '*';
  return t;
}
constexpr std::array<bool, 256> kPlain = MakePlainTable();

// The length of the visible character at s[i] when it is one the fast path knows:
// visible ASCII, U+00C0..U+07FF, U+1E00..U+1FFF (Vietnamese letters); 0 otherwise.
inline size_t FastVisibleLength(const unsigned char* p, size_t i, size_t end) {
  unsigned char b = p[i];
  if (kPlain[b]) return 1;
  if (b >= 0xC3 && b <= 0xDF) return i + 1 < end && (p[i + 1] & 0xC0) == 0x80 ? 2 : 0;
  if (b == 0xE1 && i + 2 < end && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBF && (p[i + 2] & 0xC0) == 0x80)
    return 3;
  return 0;
}

// Advances over characters copied as they are: the fast visible ones, and single spaces
// between two of them.
inline size_t SkipVisible(std::string_view s, size_t i, size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t start = i;
  while (i < end) {
    size_t n = FastVisibleLength(p, i, end);
    if (n == 0 && p[i] == ' ' && i > start && i + 1 < end && FastVisibleLength(p, i + 1, end) > 0) n = 1;
    if (n == 0) break;
    i += n;
  }
  return i;
}

}  // namespace

CharNormalizer::CharNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) nfc_ = nullptr;
}

size_t CharNormalizer::Append(std::string_view s, size_t begin, size_t end, bool known_nfc,
                              MappedText& out, bool* verbatim) {
  const size_t from = out.size();
  out.Seal();
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t run = kNone;          // start of the pending verbatim run
  bool have_output = false;    // something visible was written
  bool prev_word = false;      // the last visible character was a letter or digit
  bool space = false;          // a run of white space is pending
  bool space_plain = false;    // ... and it is exactly one ASCII space
  size_t space_begin = 0, space_end = 0;
  bool dropped = false;        // an invisible character was dropped (may un-compose)

  auto flush = [&](size_t upto) {
    if (run != kNone && upto > run) out.Copy(s.substr(run, upto - run), run);
    run = kNone;
  };
  auto emit_space = [&]() {
    if (space && have_output) {
      if (space_plain)
        out.Copy(" ", space_begin);
      else
        out.Replace(" ", space_begin, space_end - space_begin);
    }
    space = false;
  };
  auto open_run = [&](size_t at) {
    if (run == kNone) {
      emit_space();
      run = at;
    }
    have_output = true;
  };
  auto add_space = [&](size_t at, size_t to, bool plain) {
    flush(at);
    if (!space) {
      space = true;
      space_plain = plain;
      space_begin = at;
    } else {
      space_plain = false;
    }
    space_end = to;
  };

  size_t i = begin;
  while (i < end) {
    size_t visible = i;
    i = SkipVisible(s, i, end);
    if (i > visible) {
      open_run(visible);
      unsigned char last = static_cast<unsigned char>(s[i - 1]);
      prev_word = last >= 0x80 || IsAsciiAlnum(last);
      continue;
    }
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == ' ' && run != kNone && IsVisibleAt(s, i + 1, end)) {
      ++i;  // a single space between words stays in the verbatim run
      continue;
    }
    if (b == '*') {
      size_t k = i;
      while (k < end && s[k] == '*') ++k;
      if (k - i == 2) {
        bool left_word = have_output && !space && prev_word;
        bool right_word = false;
        if (k < end) {
          size_t j = k;
          right_word = IsWordChar(DecodeUtf8(s, j));
        }
        bool left_open = !have_output || space;
        bool opens = left_open && right_word;
        bool closes = left_word && !right_word && (k == end || s[k] != '(');
        if (opens || closes) {
          flush(i);
          i = k;
          continue;
        }
      }
      open_run(i);
      prev_word = false;
      i = k;
      continue;
    }
    if (b < 0x80) {
      if (ClassOf(b) == CharClass::kSpace) {
        add_space(i, i + 1, b == ' ' && !space);
      } else {  // a control character
        flush(i);
        dropped = true;
        if (space) {
          space_plain = false;
          space_end = i + 1;
        }
      }
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = DecodeUtf8(s, i);
    if (c == kReplacementChar && i - start == 1) {  // malformed: one byte becomes U+FFFD
      flush(start);
      emit_space();
      out.Replace(kReplacementUtf8, start, 1);
      have_output = true;
      prev_word = false;
      continue;
    }
    switch (ClassOf(c)) {
      case CharClass::kVisible:
        open_run(start);
        prev_word = IsWordChar(c);
        break;
      case CharClass::kSpace:
        add_space(start, i, false);
        break;
      case CharClass::kInvisible:
        flush(start);
        dropped = true;
        if (space) {
          space_plain = false;
          space_end = i;
        }
        break;
    }
  }
  flush(end);
  bool copied = out.size() - from == end - begin;  // one verbatim run, so far
  if (out.size() > from) {
    if (!known_nfc || dropped) copied &= !Compose(out, from);
    copied &= !CanonicalizeTones(out, from);
  }
  if (verbatim) *verbatim = copied;
  return out.size() - from;
}

bool CharNormalizer::Compose(MappedText& out, size_t from) {
  if (nfc_ == nullptr) return false;
  const icu::Normalizer2* nfc = nfc_;
  std::string_view frag(out.text().data() + from, out.size() - from);
  UErrorCode status = U_ZERO_ERROR;
  if (nfc->isNormalizedUTF8(frag, status) || U_FAILURE(status)) return false;
  status = U_ZERO_ERROR;
  scratch_.clear();
  icu::StringByteSink<std::string> sink(&scratch_);
  icu::Edits edits;
  nfc->normalizeUTF8(0, frag, sink, &edits, status);
  if (U_FAILURE(status)) return false;
  changes_.clear();
  icu::Edits::Iterator it = edits.getFineChangesIterator();
  while (it.next(status) && U_SUCCESS(status)) {
    changes_.push_back({static_cast<size_t>(it.sourceIndex()), static_cast<size_t>(it.oldLength()),
                        static_cast<size_t>(it.destinationIndex()), static_cast<size_t>(it.newLength())});
  }
  if (U_FAILURE(status)) return false;
  out.RewriteTail(from, scratch_, changes_);
  return true;
}

bool CharNormalizer::CanonicalizeTones(MappedText& out, size_t from) {
  std::string_view frag(out.text().data() + from, out.size() - from);
  if (!NeedsCanonicalTones(frag)) return false;
  scratch_.clear();
  AppendCanonicalTones(frag, scratch_);
  // CanonicalTones keeps the code point count: walk both texts in step and record the
  // code points that differ (the letters that lost or gained the mark).
  changes_.clear();
  size_t i = 0, j = 0;
  std::string_view next(scratch_);
  while (i < frag.size() && j < next.size()) {
    size_t i0 = i, j0 = j;
    DecodeUtf8(frag, i);
    DecodeUtf8(next, j);
    if (frag.substr(i0, i - i0) == next.substr(j0, j - j0)) continue;
    if (!changes_.empty() && changes_.back().old_begin + changes_.back().old_len == i0 &&
        changes_.back().new_begin + changes_.back().new_len == j0) {
      changes_.back().old_len += i - i0;
      changes_.back().new_len += j - j0;
    } else {
      changes_.push_back({i0, i - i0, j0, j - j0});
    }
  }
  out.RewriteTail(from, scratch_, changes_);
  return true;
}

}  // namespace notices::normalize::internal
