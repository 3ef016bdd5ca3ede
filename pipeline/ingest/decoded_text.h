// DecodedText: what ingest hands to normalize, whatever the input was (plain text in any
// Vietnamese encoding, or a PDF's text layer).
//
// Conventions every ingest path follows, so normalize needs no special cases:
//   - `text` is UTF-8 (not necessarily NFC: windows-1258 decodes to combining marks);
//   - a page break is a form feed '\f' (text files may carry them too);
//   - a footnote reference that the source marks as a superscript is written as a
//     Unicode superscript digit ("năm 2026¹"), and a footnote body known to be one
//     (PDF: small font at the page bottom) starts with that superscript digit;
//   - lines end with '\n'.
//
// Thread-safety: a plain value.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/common/offset_map.h"

namespace notices::ingest {

// Position of a run of decoded text on a PDF page, in PDF points from the top-left.
struct Box {
  size_t begin = 0;  // byte range in DecodedText::text
  size_t end = 0;
  int page = 0;      // 1-based
  double x = 0, y = 0, width = 0, height = 0;
  double font_size = 0;
};

struct DecodedText {
  std::string text;              // UTF-8
  OffsetMap to_source;           // bytes of `text` -> bytes of the input
  std::string encoding;          // "utf-8", "utf-8-bom", "utf-16le", "utf-16be",
                                 // "windows-1258", "tcvn3", "vni", "utf-8-mojibake", "pdf"
  std::vector<std::string> warnings;  // "invalid_bytes: ..." and the like
  // Byte offsets in `text` where each page starts: {0} for a single page, one more per
  // form feed. Always non-empty for a non-empty text.
  std::vector<size_t> page_starts;
  std::optional<int> page_count; // PDF: the page count; text: null
  std::vector<Box> boxes;        // PDF only: positions of text runs, in text order

  // 1-based page of a byte offset in `text`.
  int PageAt(size_t offset) const;
};

}  // namespace notices::ingest
