// OffsetMap and MappedBuilder. Tested by tests/common/offset_map_test.cc.
#include "pipeline/common/offset_map.h"

#include <algorithm>

namespace notices {

namespace {
constexpr uint32_t kCopyBit = 1u << 31;
constexpr size_t kMaxCopy = 0x7FFFFFFFu;
constexpr size_t kMaxReplaceDst = 0xFFu;
constexpr size_t kMaxReplaceSrc = 0x7FFFFFu;
}  // namespace

void OffsetMap::AddCopy(size_t dst_begin, size_t src_begin, size_t len) {
  if (len == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    size_t last_len = last.dst_len();
    if (last.copy() && last.dst + last_len == dst_begin && last.src + last_len == src_begin &&
        last_len + len <= kMaxCopy) {
      last.meta = kCopyBit | static_cast<uint32_t>(last_len + len);
      return;
    }
  }
  while (len > 0) {
    size_t n = std::min(len, kMaxCopy);
    pieces_.push_back({static_cast<uint32_t>(dst_begin), static_cast<uint32_t>(src_begin),
                       kCopyBit | static_cast<uint32_t>(n)});
    dst_begin += n;
    src_begin += n;
    len -= n;
  }
}

void OffsetMap::AddReplace(size_t dst_begin, size_t dst_len, size_t src_begin, size_t src_len) {
  src_len = std::min(src_len, kMaxReplaceSrc);
  while (dst_len > 0) {
    size_t n = std::min(dst_len, kMaxReplaceDst);
    pieces_.push_back({static_cast<uint32_t>(dst_begin), static_cast<uint32_t>(src_begin),
                       static_cast<uint32_t>((n << 23) | src_len)});
    dst_begin += n;
    dst_len -= n;
  }
}

size_t OffsetMap::dst_size() const {
  return pieces_.empty() ? 0 : pieces_.back().dst + pieces_.back().dst_len();
}

const OffsetMap::Piece* OffsetMap::Find(size_t dst) const {
  if (pieces_.empty()) return nullptr;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), dst,
                             [](size_t d, const Piece& p) { return d < p.dst; });
  if (it == pieces_.begin()) return &pieces_.front();
  return &*(it - 1);
}

size_t OffsetMap::ToSource(size_t dst) const {
  const Piece* p = Find(dst);
  if (p == nullptr) return dst;
  if (dst < p->dst) return p->src;
  if (dst >= p->dst + p->dst_len()) return p->src + p->src_len();
  return p->copy() ? p->src + (dst - p->dst) : p->src;
}

Range OffsetMap::ToSource(Range dst) const {
  if (dst.end <= dst.begin) {
    size_t s = ToSource(dst.begin);
    return {s, s};
  }
  size_t begin = ToSource(dst.begin);
  const Piece* p = Find(dst.end - 1);
  size_t end;
  if (p == nullptr) {
    end = dst.end;
  } else if (dst.end - 1 >= p->dst + p->dst_len() || dst.end - 1 < p->dst) {
    end = p->src + p->src_len();
  } else if (p->copy()) {
    end = p->src + (dst.end - p->dst);
  } else {
    end = p->src + p->src_len();
  }
  if (end < begin) end = begin;
  return {begin, end};
}

void MappedBuilder::Copy(std::string_view piece, size_t src_begin) {
  map_.AddCopy(text_.size(), src_begin, piece.size());
  text_.append(piece);
}

void MappedBuilder::Replace(std::string_view out, size_t src_begin, size_t src_len) {
  map_.AddReplace(text_.size(), out.size(), src_begin, src_len);
  text_.append(out);
}

}  // namespace notices
