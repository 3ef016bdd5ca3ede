// PDF ingest: a PDF's text layer -> DecodedText with page provenance (Poppler's C++ API).
//
//   ingest::PdfOptions opt;                     // password, max_pages ...
//   Result<DecodedText> r = ingest::ReadPdf(bytes, opt);
//   if (!r) ...   // kNotPdf, kPdfCorrupt, kPdfEncrypted, kPdfNoText, kPdfNoPages, ...
//   r->page_starts, r->boxes                    // page and position of every run of text
//
// The text follows DecodedText's conventions (pipeline/ingest/decoded_text.h): pages
// separated by '\f', superscript footnote references written as superscript digits,
// footnote bodies starting with theirs, so normalize needs no PDF special cases. Layout
// work done here: reading order (the two-column header of Vietnamese documents comes
// out as two blocks), running headers, footers and page numbers removed, footnote zones
// recognised by font size and position, line-final hyphens kept where they belong
// ("57-NQ/TW"), legacy TCVN3/VNI font encodings decoded, garbled text layers (broken
// ToUnicode maps) detected and reported as needing OCR.
//
// Poppler's own diagnostics never reach the terminal: they are captured into
// DecodedText::warnings.
//
// Thread-safety: ReadPdf is reentrant (Poppler documents are per call).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/common/error.h"
#include "pipeline/ingest/decoded_text.h"

namespace notices::ingest {

struct PdfOptions {
  std::string password;   // --password, for encrypted PDFs
  int max_pages = 2000;   // more pages: kPdfTooManyPages
};

// True when `bytes` start like a PDF ("%PDF-" within the first 1024 bytes).
bool LooksLikePdf(std::string_view bytes);

Result<DecodedText> ReadPdf(std::string_view bytes, const PdfOptions& options);

}  // namespace notices::ingest
