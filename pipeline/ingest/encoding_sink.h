// Internal to ingest: where the decoders of text_decoder.cc write, and what they count.
//
//   MappedBuilder b;
//   DecodeSink sink(&b);              // the real decode: text + offset map
//   std::string sample;
//   DecodeSink plain(&sample);        // scoring a sample: text only, no map
//   DecodeStats stats;
//   table.Decode(bytes, 0, sink, stats);
//   if (stats.invalid) ... stats.first_invalid ...
//
// Source offsets passed to Copy/Replace are offsets in the whole input, so a decoder
// run on a slice adds the slice's start (`base`).
//
// Thread-safety: plain values; one sink per decode.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "pipeline/common/offset_map.h"

namespace notices::ingest {

// UTF-8 of U+FFFD, which replaces undecodable bytes.
inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

class DecodeSink {
 public:
  explicit DecodeSink(MappedBuilder* builder) : builder_(builder) {}
  explicit DecodeSink(std::string* plain) : plain_(plain) {}

  // `piece` is a verbatim copy of input bytes [src, src + piece.size()).
  void Copy(std::string_view piece, size_t src) {
    if (builder_ != nullptr) builder_->Copy(piece, src);
    else plain_->append(piece);
  }
  // `out` was decoded from input bytes [src, src + len).
  void Replace(std::string_view out, size_t src, size_t len) {
    if (builder_ != nullptr) builder_->Replace(out, src, len);
    else plain_->append(out);
  }
  size_t size() const { return builder_ != nullptr ? builder_->size() : plain_->size(); }
  void Reserve(size_t n) {
    if (builder_ != nullptr) builder_->Reserve(n);
    else plain_->reserve(n);
  }

 private:
  MappedBuilder* builder_ = nullptr;
  std::string* plain_ = nullptr;
};

// What a decoder met on its way, for the warnings of DecodedText.
struct DecodeStats {
  size_t invalid = 0;        // bytes that no mapping decodes; each became U+FFFD
  size_t first_invalid = 0;  // input offset of the first
  size_t nul = 0;            // NUL bytes (or UTF-16 NUL code units' bytes)
  size_t first_nul = 0;

  void Invalid(size_t at, size_t count = 1) {
    if (invalid == 0) first_invalid = at;
    invalid += count;
  }
  void Nul(size_t at, size_t count) {
    if (nul == 0) first_nul = at;
    nul += count;
  }
};

}  // namespace notices::ingest
