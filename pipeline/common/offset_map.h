// Provenance: maps offsets of a derived text back to the text it was made from.
//
//   MappedBuilder b;
//   b.Copy(src.substr(0, 5), 0);          // "Thông" copied as is from bytes [0, 5)
//   b.Replace(" ", 5, 3);                 // an NBSP (2 bytes) + tab became one space
//   b.Insert("\n", 8);                    // a paragraph separator with no source
//   auto [text, map] = std::move(b).Finish();
//   Range r = map.ToSource({0, 5});       // -> {0, 5}
//
// Every stage that rewrites text (decoding, normalization) returns an OffsetMap from its
// output bytes to its input bytes. Chained maps give, for any normalized character, the
// byte in the original file; see Provenance in pipeline/common/provenance.h.
//
// The map is piecewise: runs of one-to-one copies are stored as one piece, so a mostly
// unchanged UTF-8 text costs a few pieces per paragraph, not a word per byte. A piece
// takes 12 bytes; offsets are 32-bit, so texts are limited to 4 GiB (inputs are capped
// far below). Replacements are meant to be short: a replacement longer than 255 bytes
// is stored as several pieces that each map to the whole source range.
//
// Thread-safety: const methods are safe to call concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace notices {

// A half-open byte range [begin, end).
struct Range {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool operator==(const Range&) const = default;
};

class OffsetMap {
 public:
  // dst bytes [dst_begin, dst_begin + len) are a copy of src bytes [src_begin, +len).
  void AddCopy(size_t dst_begin, size_t src_begin, size_t len);
  // dst bytes [dst_begin, +dst_len) were made from src bytes [src_begin, +src_len) as a
  // whole (a decoded multi-byte character, a replaced run of spaces). src_len may be 0
  // for inserted text.
  void AddReplace(size_t dst_begin, size_t dst_len, size_t src_begin, size_t src_len);

  // The source offset of the dst byte at `dst`. Offsets past the last piece map to the
  // end of the last piece's source.
  size_t ToSource(size_t dst) const;
  // The smallest source range covering every dst byte in `dst`. An empty dst range maps
  // to an empty range at ToSource(dst.begin).
  Range ToSource(Range dst) const;

  bool empty() const { return pieces_.empty(); }
  size_t piece_count() const { return pieces_.size(); }
  // End of the mapped dst text.
  size_t dst_size() const;

 private:
  // meta: bit 31 set for a copy (one-to-one), the low 31 bits its length; otherwise
  // bits 23..30 the dst length (1..255) and bits 0..22 the src length.
  struct Piece {
    uint32_t dst;
    uint32_t src;
    uint32_t meta;
    bool copy() const { return (meta >> 31) != 0; }
    size_t dst_len() const { return copy() ? (meta & 0x7FFFFFFFu) : ((meta >> 23) & 0xFFu); }
    size_t src_len() const { return copy() ? (meta & 0x7FFFFFFFu) : (meta & 0x7FFFFFu); }
  };
  const Piece* Find(size_t dst) const;
  std::vector<Piece> pieces_;
};

// Builds a text and its OffsetMap together, appending in order.
class MappedBuilder {
 public:
  // Appends `piece`, a verbatim copy of source bytes starting at src_begin.
  void Copy(std::string_view piece, size_t src_begin);
  // Appends `out`, made from source bytes [src_begin, src_begin + src_len).
  void Replace(std::string_view out, size_t src_begin, size_t src_len);
  // Appends `out` with no source of its own; it points at src_at.
  void Insert(std::string_view out, size_t src_at) { Replace(out, src_at, 0); }
  void Reserve(size_t n) { text_.reserve(n); }

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  std::pair<std::string, OffsetMap> Finish() && { return {std::move(text_), std::move(map_)}; }

 private:
  std::string text_;
  OffsetMap map_;
};

}  // namespace notices
