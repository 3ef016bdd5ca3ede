// MappedText: a text under construction with a piecewise map to the decoded text. Unlike
// MappedBuilder, its last part can be rewritten (NFC, tone placement) keeping the map
// exact, and any range of it can be re-emitted, in any order, into a MappedBuilder.
// Internal to normalize.
//
//   MappedText t;
//   t.Copy("hoà", 10);                        // bytes [10, 14) of the decoded text
//   t.RewriteTail(0, "hòa", changes);         // the two changed letters map to [11, 14)
//   t.EmitTo(0, t.size(), builder);
//
// Thread-safety: a plain value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/offset_map.h"

namespace notices::normalize::internal {

// One changed span of a rewrite, in bytes relative to the rewritten part: old bytes
// [old_begin, old_begin + old_len) became new bytes [new_begin, new_begin + new_len).
// Bytes between changes are unchanged and correspond one to one.
struct Change {
  size_t old_begin = 0, old_len = 0, new_begin = 0, new_len = 0;
};

class MappedText {
 public:
  // Appends `s`, a verbatim copy of decoded bytes starting at `src`.
  void Copy(std::string_view s, size_t src);
  // Appends `s`, made from decoded bytes [src, src + src_len).
  void Replace(std::string_view s, size_t src, size_t src_len);
  // Keeps the next Copy from merging into the last piece.
  void Seal() { sealed_ = true; }
  // Drops text from `size` on (`size` must fall on a piece boundary or inside a copy).
  void Truncate(size_t size);
  // Replaces text()[from, size()) by `replacement`, described by `changes` (sorted,
  // relative to `from`). Changed spans map to the decoded bytes of what they replace.
  void RewriteTail(size_t from, std::string_view replacement, std::span<const Change> changes);

  // The decoded range text()[a, b) came from (the smallest covering range).
  Range Source(size_t a, size_t b) const;
  // The decoded offset of text()[a] (for a == size(), the end of the last piece).
  size_t SourceAt(size_t a) const;
  // Appends text()[a, b) to `out` with its map.
  void EmitTo(size_t a, size_t b, MappedBuilder& out) const;

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  void Reserve(size_t n) { text_.reserve(n); }

 private:
  struct Piece {
    size_t dst;
    size_t src;
    uint32_t dst_len;
    uint32_t src_len;
    bool copy;
  };
  void AddPiece(const Piece& p);
  // Index of the piece holding text()[dst]; pieces_.size() when none does.
  size_t PieceAt(size_t dst) const;

  std::string text_;
  std::vector<Piece> pieces_;
  std::vector<Piece> scratch_;
  bool sealed_ = false;
};

}  // namespace notices::normalize::internal
