// Small UTF-8 helpers shared by every stage.
//
//   size_t i = 0;
//   char32_t c = DecodeUtf8(text, i);     // advances i; U+FFFD on a malformed sequence
//   std::string out; AppendUtf8(out, U'ộ');
//   CodePointIndex idx(text);             // byte offset -> code point offset, O(1)-ish
//   size_t cp = idx.ToCodePoint(byte_offset);
//
// Records carry spans in code points (what JSON consumers index by); stages work in
// bytes; CodePointIndex converts at the edge.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace notices {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);
// Offset of the first byte that is not part of a well-formed sequence, or npos.
size_t FirstInvalidUtf8(std::string_view s);

// Decodes one code point at s[i] and advances i past it. A malformed sequence yields
// U+FFFD and advances by one byte. Requires i < s.size().
char32_t DecodeUtf8(std::string_view s, size_t& i);

void AppendUtf8(std::string& out, char32_t c);
// Byte length of the sequence a lead byte announces (1 for invalid lead bytes).
inline size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

size_t CountCodePoints(std::string_view s);

// Converts byte offsets of one text to code point offsets. Offsets inside a sequence
// count as the code point that contains them.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  size_t ToCodePoint(size_t byte_offset) const;

 private:
  static constexpr size_t kBlock = 256;
  std::string_view text_;
  std::vector<uint32_t> block_counts_;  // code points before each block
  size_t total_ = 0;
};

}  // namespace notices
