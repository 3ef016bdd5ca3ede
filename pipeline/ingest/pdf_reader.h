// PDF ingest: a PDF's text layer -> DecodedText with page provenance (Poppler).
//
//   ingest::PdfOptions opt;                     // password, max_pages ...
//   ingest::PdfReport report;                   // optional: per-page verdicts
//   Result<DecodedText> r = ingest::ReadPdf(bytes, opt, &report);
//   if (!r) ...   // kNotPdf, kPdfCorrupt, kPdfEncrypted, kPdfNoText, kPdfNoPages, ...
//   r->page_starts, r->boxes                    // page and position of every line of text
//   for (int p : report.OcrPages()) ...         // pages whose text layer needs OCR
//   r->ocr_pages                                // the pages OCR read, and why
//
// The text follows DecodedText's conventions (pipeline/ingest/decoded_text.h): pages
// separated by '\f', superscript footnote references written as superscript digits
// ("năm 2026¹"), footnote bodies starting with theirs, so normalize needs no PDF special
// cases. Layout work done here (rules in pipeline/ingest/pdf_layout.h): reading order
// (the two-column header of Vietnamese documents comes out as two blocks, left then
// right), lines rebuilt from word boxes with a blank line between visibly separate
// blocks, running headers, footers and page numbers removed, footnote zones moved
// after the page's body, line-final hyphens kept ("57-\nNQ/TW": lines are not joined
// here, normalize unwraps them), ligatures expanded, task tables written one row a line
// with cells joined by " | " (ruled grids, pdf_table.h; and, when
// options.table_columns is set, tables drawn without ruling lines, pdf_borderless.h).
// Decomposed diacritics are left for normalize's NFC.
//
// Provenance: DecodedText::to_source stays EMPTY for a PDF. There is no byte of the
// file behind a character of the text layer (content streams are compressed and glyph
// codes go through font maps), so offsets into the file would be meaningless. Instead
// page_starts gives the page of every byte and `boxes` holds one Box per emitted line
// (one per cell for the rows of a table) (page, position in points from the page's
// top-left, height, dominant font size),
// in text order; every non-newline byte of `text` lies in exactly one box.
//
// Text layers that cannot be trusted never flow into the text:
//   - Legacy fonts (TCVN3 ".VnTime", VNI "VNI-Times"), found by font name or by their
//     text ("Th«ng b¸o"), are decoded word by word with DecodeText
//     (pipeline/ingest/text_decoder.h) and the encoding's name; TCVN3's missing toned
//     capitals are restored within the word ("KÕT" -> "KẾT"). The bytes are the
//     character codes of a font found by name whose codes are its bytes (Word keeps
//     them; Poppler's Unicode for them would turn TCVN3's "ư", 0xAD, WinAnsi's "hyphen",
//     into '-'); otherwise the font's Unicode read back as Windows-1252 (LibreOffice
//     renumbers the glyphs of the fonts it subsets; its ToUnicode map holds the bytes).
//     Not recoverable: a 0xAD that Poppler read as '-' in a font found by its text only,
//     and a letter the PDF writer never drew (LibreOffice hides U+00AD, a soft hyphen in
//     Latin-1). Only a broken build (encoding tables that do not load) leaves a legacy
//     font undecoded; it then counts as garbled.
//   - Garbled fonts (a broken ToUnicode map yields glyph codes: "7ӌ1+" for "TỈNH") are
//     found per font by the share of Vietnamese syllables (pdf_text_check.h). A page
//     with garbled text is dropped whole (its text needs OCR) with a warning naming the
//     pages; a handful of stray garbled words on an otherwise good page become U+FFFD,
//     with a warning.
//   - Scans: a page with a page-sized image and little text (under 300 letters and
//     digits: an e-signature stamp, a number typed over the scan) needs OCR; its typed
//     words are kept in PdfReport::typed_text, not in the text.
//
// OCR (options.ocr, pipeline/ingest/ocr_options.h; the work is in ocr_reader.h): in
// kAuto mode, the pages without a usable text layer (kScan, kGarbled; a page without
// one Vietnamese mark in a Vietnamese document; every page when none has text) are
// rendered and read by Tesseract, page-parallel; kAlways reads every page, kNever none.
// OCRed pages go through the same layout rules as text layers, the typed words of a scan
// replace the OCR words under them, and their boxes are per word with Tesseract's
// confidence (DecodedText::MinConfidence); DecodedText::ocr_pages says which pages OCR
// read and why. A text-layer PDF pays nothing for OCR. A page OCR cannot read is left
// empty with a warning ("ocr_failed: ..."); when no page has text, ReadPdf fails with
// kOcrFailed (or kPdfNoText in kNever mode) and the report (if given) is still filled.
// Past options.ocr.time_budget_ms, OCR stops and ReadPdf fails with kTimeout; the text of
// the pages read in time is in PdfReport::partial_text.
//
// Errors (messages for a clerk; the caller prefixes the file name): kNotPdf (not a
// PDF), kPdfCorrupt (truncated or damaged; Poppler's own words in Error::detail),
// kPdfEncrypted (password missing or wrong: --password opens it), kPdfNoText (a scan or
// an unreadable text layer and OCR off), kPdfNoPages, kPdfTooManyPages (past
// options.max_pages), kOcrFailed (OCR could read no page: the message says why, e.g. a
// missing language model), kTimeout (the calling thread's time budget,
// pipeline/common/time_budget.h, spent: checked before each page; or the OCR budget ran out).
//
// Poppler's diagnostics never reach the terminal: an error callback (the core-library
// setErrorCallback, which poppler::set_debug_error_function also wraps) collects them
// in a thread-local buffer, and they end up in DecodedText::warnings ("poppler: ...")
// or in Error::detail.
//
// Cost: about the cost of `pdftotext` on the same file (Poppler's TextOutputDev does the
// work in both); memory: the words of all pages are kept until the text is composed
// (about 100 bytes per word). OCR: a few seconds per page and core at 300 dpi.
//
// Thread-safety: ReadPdf is reentrant (one Poppler document per call; Poppler's global
// parameters are created once, thread-safely, and never freed). OCR runs on up to
// options.ocr.threads threads (the caller's among them) and returns when they are done;
// Tesseract engines are shared by the whole process, one per hardware thread at most.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/ingest/decoded_text.h"
#include "pipeline/ingest/ocr_options.h"

namespace notices::ingest {

namespace pdf {
class ColumnVocabulary;  // pdf_borderless.h
}

struct PdfOptions {
  std::string password;   // --password, for encrypted PDFs (owner or user password)
  int max_pages = 2000;   // more pages: kPdfTooManyPages
  OcrOptions ocr;         // when pages are OCRed (kAuto), language, dpi, threads, budget
  // The column names of task tables (pdf::ColumnVocabulary::Create(rules); Pipeline sets
  // it): task tables drawn without ruling lines are read on the pages of the text layer
  // (pdf_borderless.h). Null: only ruled tables are read.
  std::shared_ptr<const pdf::ColumnVocabulary> table_columns;
};

enum class PdfPageKind {
  kText,     // a usable text layer: its text is in DecodedText::text
  kScan,     // a page image with little or no text: needs OCR (typed words in typed_text)
  kGarbled,  // a text layer in garbled fonts (broken ToUnicode map): needs OCR
  kBlank,    // no text and no page image
};

struct PdfPageReport {
  PdfPageKind kind = PdfPageKind::kBlank;
  size_t chars = 0;          // letters and digits in the page's text layer
  size_t letters = 0;        // letters in the page's text layer
  size_t marked = 0;         // of them, letters with Vietnamese marks ("ơ", "ệ", "đ")
  bool page_image = false;   // an image about the size of the page
};

struct PdfReport {
  std::vector<PdfPageReport> pages;         // one per page
  std::vector<std::string> garbled_fonts;   // font names judged garbled
  std::vector<std::string> legacy_fonts;    // "font name: tcvn3" ...
  // The text layer of kScan pages (an e-signature stamp, a number and date typed over
  // the scan), laid out like DecodedText::text ('\f' between all pages, other pages
  // empty), with boxes. Never contains garbled text.
  DecodedText typed_text;

  // On kTimeout: the text of the pages read before the time budget ran out.
  DecodedText partial_text;

  // 1-based numbers of the pages whose text layer needs OCR (kScan and kGarbled).
  std::vector<int> OcrPages() const;
};

// True when `bytes` start like a PDF ("%PDF-" within the first 1024 bytes).
bool LooksLikePdf(std::string_view bytes);

// Poppler's global parameters and error callback, set once per process (ReadPdf and the
// OCR renderer call it; nothing else needs to).
void InitPoppler();

// `report` may be null; when given it is filled on success and on kPdfNoText, kOcrFailed
// and kTimeout.
Result<DecodedText> ReadPdf(std::string_view bytes, const PdfOptions& options,
                            PdfReport* report = nullptr);

}  // namespace notices::ingest
