// MappedText. Tested through tests/normalize/normalizer_test.cc (offset tests) and
// tests/normalize/mapped_text_test.cc.
#include "pipeline/normalize/mapped_text.h"

#include <algorithm>
#include <cassert>

namespace notices::normalize::internal {

void MappedText::AddPiece(const Piece& p) {
  if (p.dst_len == 0) return;
  if (p.copy && !sealed_ && !pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.copy && last.dst + last.dst_len == p.dst && last.src + last.src_len == p.src &&
        static_cast<uint64_t>(last.dst_len) + p.dst_len <= UINT32_MAX) {
      last.dst_len += p.dst_len;
      last.src_len += p.src_len;
      return;
    }
  }
  sealed_ = false;
  pieces_.push_back(p);
}

void MappedText::Copy(std::string_view s, size_t src) {
  // Fragments are lines: far below 4 GiB, so one piece always holds them.
  AddPiece({text_.size(), src, static_cast<uint32_t>(s.size()), static_cast<uint32_t>(s.size()), true});
  text_.append(s);
}

void MappedText::Replace(std::string_view s, size_t src, size_t src_len) {
  AddPiece({text_.size(), src, static_cast<uint32_t>(s.size()), static_cast<uint32_t>(src_len), false});
  text_.append(s);
}

size_t MappedText::PieceAt(size_t dst) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), dst,
                             [](size_t d, const Piece& p) { return d < p.dst; });
  if (it == pieces_.begin()) return pieces_.size();
  size_t i = static_cast<size_t>(it - pieces_.begin()) - 1;
  return dst < pieces_[i].dst + pieces_[i].dst_len ? i : pieces_.size();
}

void MappedText::Truncate(size_t size) {
  if (size >= text_.size()) return;
  while (!pieces_.empty() && pieces_.back().dst >= size) pieces_.pop_back();
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.dst + last.dst_len > size) {
      uint32_t keep = static_cast<uint32_t>(size - last.dst);
      if (last.copy) last.src_len = keep;
      last.dst_len = keep;
    }
  }
  text_.resize(size);
  sealed_ = true;
}

size_t MappedText::SourceAt(size_t a) const {
  size_t i = PieceAt(a);
  if (i == pieces_.size()) {
    if (pieces_.empty()) return 0;
    if (a < pieces_.front().dst) return pieces_.front().src;
    const Piece& last = pieces_.back();
    return last.src + last.src_len;
  }
  const Piece& p = pieces_[i];
  return p.copy ? p.src + (a - p.dst) : p.src;
}

Range MappedText::Source(size_t a, size_t b) const {
  if (b <= a) {
    size_t s = SourceAt(a);
    return {s, s};
  }
  size_t begin = SourceAt(a);
  size_t i = PieceAt(b - 1);
  size_t end;
  if (i == pieces_.size()) {
    end = begin;
  } else {
    const Piece& p = pieces_[i];
    end = p.copy ? p.src + (b - p.dst) : p.src + p.src_len;
  }
  return {begin, std::max(begin, end)};
}

void MappedText::RewriteTail(size_t from, std::string_view replacement,
                             std::span<const Change> changes) {
  scratch_.clear();
  auto copy_old = [&](size_t a, size_t b, size_t new_dst) {
    if (b <= a) return;
    for (size_t i = PieceAt(a); i < pieces_.size() && pieces_[i].dst < b; ++i) {
      const Piece& p = pieces_[i];
      size_t ov_b = std::max(a, p.dst), ov_e = std::min(b, p.dst + p.dst_len);
      uint32_t len = static_cast<uint32_t>(ov_e - ov_b);
      if (p.copy)
        scratch_.push_back({new_dst + (ov_b - a), p.src + (ov_b - p.dst), len, len, true});
      else
        scratch_.push_back({new_dst + (ov_b - a), p.src, len, p.src_len, false});
    }
  };
  size_t old_pos = from, new_pos = from;
  for (const Change& c : changes) {
    size_t a = from + c.old_begin;
    copy_old(old_pos, a, new_pos);
    Range s = Source(a, a + c.old_len);
    scratch_.push_back({from + c.new_begin, s.begin, static_cast<uint32_t>(c.new_len),
                        static_cast<uint32_t>(s.size()), false});
    old_pos = a + c.old_len;
    new_pos = from + c.new_begin + c.new_len;
  }
  copy_old(old_pos, text_.size(), new_pos);
  Truncate(from);
  text_.append(replacement);
  for (const Piece& p : scratch_) AddPiece(p);
  assert(pieces_.empty() || pieces_.back().dst + pieces_.back().dst_len == text_.size());
}

void MappedText::EmitTo(size_t a, size_t b, MappedBuilder& out) const {
  for (size_t i = PieceAt(a); i < pieces_.size() && pieces_[i].dst < b; ++i) {
    const Piece& p = pieces_[i];
    size_t ov_b = std::max(a, p.dst), ov_e = std::min(b, p.dst + p.dst_len);
    std::string_view s(text_.data() + ov_b, ov_e - ov_b);
    if (p.copy)
      out.Copy(s, p.src + (ov_b - p.dst));
    else
      out.Replace(s, p.src, p.src_len);
  }
}

}  // namespace notices::normalize::internal
