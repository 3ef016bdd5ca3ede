// OCR of PDF pages: which pages, rendering them with Poppler, reading them with
// Tesseract page-parallel, and merging the result into ReadPdf's pages. ReadPdf
// (pipeline/ingest/pdf_reader.h) is the entry point; these are its OCR step, exposed for
// tests and benchmarks.
//
//   // inside ReadPdf, after the text layer's verdicts:
//   std::vector<std::optional<OcrReason>> why = ChooseOcrPages(report.pages, options.ocr.mode);
//   OcrStep step = RunOcrStep(bytes, options, report.pages, why, deadline, pages, text_pages);
//   pdf::ComposeText(pages, text_pages, out);
//   FinishOcrStep(step, out);                         // word boxes, ocr_pages, warnings
//
// Ruled tables: after Tesseract, each worker looks for the grid of a table in the page
// image (ocr::FindRulings); RunOcrStep takes the symbols read off its lines out of the
// words, cuts words at its vertical lines, and gives the lines to the page as
// pdf::Page::rules, so pdf::ComposeText reads the table row by row. A page without a
// grid is read as before.
//
// Rendering: Poppler's Splash renderer, 8-bit gray, options.ocr.dpi (300; less for pages
// past 36 million pixels, larger than A2), media box, each page in its /Rotate
// orientation (the frame of the text layer's words). Each worker
// opens its own Poppler document on the same bytes (a document is not thread-safe) and
// leases one Tesseract engine (ocr::EnginePool::Shared(), at most one per hardware
// thread in the whole process); min(options.ocr.threads, pages) workers run, the calling
// thread being one of them. Results do not depend on the number of workers.
//
// Time budget: workers stop taking pages once the deadline has passed, and Tesseract's
// cancel hook stops the page in progress; those pages get kTimeout.
//
// Thread-safety: reentrant.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/ingest/decoded_text.h"
#include "pipeline/ingest/ocr_engine.h"
#include "pipeline/ingest/ocr_grid.h"
#include "pipeline/ingest/ocr_layout.h"
#include "pipeline/ingest/pdf_layout.h"
#include "pipeline/ingest/pdf_reader.h"

namespace notices::ingest {

// A page of a text layer with this many letters and not one Vietnamese mark, in a
// document whose other text pages have marks or over a page image (a scan under the
// layer of OCR software without Vietnamese), is OCRed (kNoDiacritics); a document typed
// without marks is left alone.
inline constexpr size_t kNoDiacriticsMinLetters = 200;

// Per page (0-based), why it gets OCRed, or nothing. kAuto: kScan and kGarbled pages,
// kNoDiacritics pages, and kBlank pages when no page has text (kNoText); kAlways: every
// page; kNever: none.
std::vector<std::optional<OcrReason>> ChooseOcrPages(const std::vector<PdfPageReport>& pages,
                                                     OcrMode mode);

using Deadline = std::chrono::steady_clock::time_point;  // max(): none

struct OcrPageResult {
  int page = 0;               // 1-based
  Status status;              // kOcrFailed (unreadable), kTimeout (stopped or not reached)
  ocr::PageWords words;
  bool blank = false;         // rendered without one dark pixel: Tesseract was not run
  std::vector<ocr::Ruling> rulings;  // table grids of the page image (ocr_grid.h), pixels
  double render_cpu_ms = 0, ocr_cpu_ms = 0;  // CPU time: rendering; deskew and Tesseract
  double grid_cpu_ms = 0;                    // CPU time: ocr::FindRulings
};

// Renders and reads `pages` (1-based, any order) of the PDF in `bytes`; one result per
// requested page, in the same order.
std::vector<OcrPageResult> OcrPdfPages(std::string_view bytes, const PdfOptions& options,
                                       const std::vector<int>& pages, Deadline deadline);

// The image OcrPdfPages gives Tesseract for page `page` (1-based), for comparisons.
Result<ocr::GrayImage> RenderPageForOcr(std::string_view bytes, const PdfOptions& options, int page);

struct OcrStep {
  std::vector<OcrPage> ocr_pages;                  // pages whose text is now OCR's
  std::vector<std::vector<ocr::WordBox>> words;    // per OCRed page, for FinishOcrStep
  std::vector<std::string> warnings;               // "ocr_failed: ...", "ocr_kept_text_layer: ..."
  bool attempted = false;                          // some page was sent to OCR
  bool timed_out = false;
  std::vector<int> not_read;                       // 1-based pages OCR could not read
  std::vector<int> blank;                          // 1-based pages with nothing printed
  Error engine_error;                              // why OCR was unavailable, when it was
};

// Runs OCR on the pages `why` names and puts the results into `pages` (the typed words
// of scans, already there, win over OCR words under them) and `text_pages`.
// kNoDiacritics pages keep their text layer unless OCR finds Vietnamese marks.
OcrStep RunOcrStep(std::string_view bytes, const PdfOptions& options,
                   const std::vector<PdfPageReport>& verdicts,
                   const std::vector<std::optional<OcrReason>>& why, Deadline deadline,
                   std::vector<pdf::Page>& pages, std::vector<bool>& text_pages);

// After pdf::ComposeText: word boxes with confidences on OCRed pages, out.ocr_pages,
// warnings.
void FinishOcrStep(OcrStep& step, DecodedText& out);

}  // namespace notices::ingest
