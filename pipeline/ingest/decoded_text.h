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
// Text layers give one box per line; OCRed pages one box per word (the space after it
// included), with the word's confidence.
struct Box {
  size_t begin = 0;  // byte range in DecodedText::text
  size_t end = 0;
  int page = 0;      // 1-based
  double x = 0, y = 0, width = 0, height = 0;
  double font_size = 0;       // OCR: estimated from the line's height
  float confidence = 100;     // OCR: Tesseract's word confidence, 0-100; text layers: 100
};

// Why a page's text comes from OCR.
enum class OcrReason {
  kScan,          // a page image with little or no text layer
  kGarbled,       // a text layer in garbled fonts
  kNoDiacritics,  // a text layer without a single Vietnamese mark in a Vietnamese document
  kNoText,        // no text layer and no page image (text drawn as shapes?), nothing else
  kAlways,        // OcrMode::kAlways
};
// "scan", "garbled", "no_diacritics", "no_text", "always".
const char* OcrReasonName(OcrReason reason);

struct OcrPage {
  int page = 0;             // 1-based
  OcrReason reason = OcrReason::kScan;
  float confidence = 0;     // mean word confidence on the page, 0-100
  size_t typed_words = 0;   // words of the text layer that replaced OCR words (typed-over scans)
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
  std::vector<OcrPage> ocr_pages;  // PDF only: the pages read by OCR, in page order

  // 1-based page of a byte offset in `text`.
  int PageAt(size_t offset) const;
  // The lowest confidence of the boxes overlapping bytes [begin, end) of `text`: below
  // 100 only where OCR read the words (a task built on a word read at 40 deserves a
  // warning). 100 when no box overlaps.
  float MinConfidence(size_t begin, size_t end) const;
};

}  // namespace notices::ingest
