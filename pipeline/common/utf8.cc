// UTF-8 helpers. Tested by tests/common/utf8_test.cc.
#include "pipeline/common/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace notices {

namespace {
inline bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Code points starting in p[0, n): the bytes that are not continuation bytes (10xxxxxx),
// eight at a time.
size_t CountStarts(const char* p, size_t n) {
  size_t count = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    // Bit 7 of a byte is set here when the byte's bit 7 is 1 and its bit 6 is 0.
    uint64_t cont = w & ~(w << 1) & 0x8080808080808080ull;
    // One bit per byte: the multiply sums the eight bytes into the top one (std::popcount
    // would call libgcc here, as the build does not assume the POPCNT instruction).
    count += 8 - static_cast<size_t>(((cont >> 7) * 0x0101010101010101ull) >> 56);
  }
  for (; i < n; ++i) count += !IsCont(static_cast<unsigned char>(p[i]));
  return count;
}

// Length of the well-formed sequence at s[i], or 0 when it is malformed.
size_t WellFormedLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return (i + 1 < n && IsCont(p[i + 1])) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 2 >= n || !IsCont(p[i + 1]) || !IsCont(p[i + 2])) return 0;
    if (c == 0xE0 && p[i + 1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[i + 1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 3 >= n || !IsCont(p[i + 1]) || !IsCont(p[i + 2]) || !IsCont(p[i + 3])) return 0;
    if (c == 0xF0 && p[i + 1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[i + 1] >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}
}  // namespace

size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Fast path over ASCII, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    size_t len = WellFormedLength(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view s) { return FirstInvalidUtf8(s) == std::string_view::npos; }

char32_t DecodeUtf8(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t len = WellFormedLength(s, i);
  char32_t c;
  switch (len) {
    case 1: c = p[i]; break;
    case 2: c = ((p[i] & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu); break;
    case 3: c = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu); break;
    case 4:
      c = ((p[i] & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) |
          (p[i + 3] & 0x3Fu);
      break;
    default:
      ++i;
      return kReplacementChar;
  }
  i += len;
  return c;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    if (c >= 0xD800 && c <= 0xDFFF) c = kReplacementChar;
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c <= 0x10FFFF) {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    AppendUtf8(out, kReplacementChar);
  }
}

size_t CountCodePoints(std::string_view s) { return CountStarts(s.data(), s.size()); }

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  block_counts_.reserve(text.size() / kBlock + 1);
  uint32_t count = 0;
  for (size_t b = 0; b < text.size(); b += kBlock) {
    block_counts_.push_back(count);
    size_t end = std::min(text.size(), b + kBlock);
    count += static_cast<uint32_t>(CountStarts(text.data() + b, end - b));
  }
  total_ = count;
}

size_t CodePointIndex::ToCodePoint(size_t byte_offset) const {
  if (byte_offset >= text_.size()) return total_;
  size_t block = byte_offset / kBlock;
  size_t count = block_counts_[block];
  count += CountStarts(text_.data() + block * kBlock, byte_offset - block * kBlock);
  // An offset inside a sequence belongs to the code point that started before it.
  if (IsCont(static_cast<unsigned char>(text_[byte_offset])) && count > 0) --count;
  return count;
}

}  // namespace notices
