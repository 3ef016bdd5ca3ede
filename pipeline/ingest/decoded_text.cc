// DecodedText::PageAt. Tested by tests/ingest/text_decoder_test.cc.
#include "pipeline/ingest/decoded_text.h"

#include <algorithm>

namespace notices::ingest {

int DecodedText::PageAt(size_t offset) const {
  if (page_starts.empty()) return 1;
  auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return static_cast<int>(it - page_starts.begin());
}

}  // namespace notices::ingest
