// DecodedText::PageAt, DecodedText::MinConfidence, OcrReasonName. Tested by
// tests/ingest/text_decoder_test.cc and tests/ingest/ocr_layout_test.cc.
#include "pipeline/ingest/decoded_text.h"

#include <algorithm>

namespace notices::ingest {

int DecodedText::PageAt(size_t offset) const {
  if (page_starts.empty()) return 1;
  auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return static_cast<int>(it - page_starts.begin());
}

float DecodedText::MinConfidence(size_t begin, size_t end) const {
  float low = 100;
  // Boxes are in text order: the first that ends after `begin`, then on while they start
  // before `end`.
  auto it = std::partition_point(boxes.begin(), boxes.end(),
                                 [&](const Box& b) { return b.end <= begin; });
  for (; it != boxes.end() && it->begin < end; ++it)
    if (it->end > begin) low = std::min(low, it->confidence);
  return low;
}

const char* OcrReasonName(OcrReason reason) {
  switch (reason) {
    case OcrReason::kScan: return "scan";
    case OcrReason::kGarbled: return "garbled";
    case OcrReason::kNoDiacritics: return "no_diacritics";
    case OcrReason::kNoText: return "no_text";
    case OcrReason::kAlways: return "always";
  }
  return "scan";
}

}  // namespace notices::ingest
