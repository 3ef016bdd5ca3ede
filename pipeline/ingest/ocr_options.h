// Options of OCR in PDF ingest (PdfOptions::ocr). When pages are OCRed and how: see
// pipeline/ingest/pdf_reader.h; the OCR itself: pipeline/ingest/ocr_reader.h.
//
//   ingest::PdfOptions opt;
//   opt.ocr.mode = ingest::OcrMode::kNever;     // the text layer only: scans fail (kPdfNoText)
//   opt.ocr.time_budget_ms = 60000;             // past it: kTimeout
//
// Thread-safety: a plain value.
#pragma once

#include <string>

namespace notices::ingest {

enum class OcrMode {
  kAuto,    // OCR the pages whose text layer is missing or unusable (the default)
  kAlways,  // OCR every page; a text layer only contributes the typed words of scans
  kNever,   // never OCR: a PDF without a usable text layer fails with kPdfNoText
};

struct OcrOptions {
  OcrMode mode = OcrMode::kAuto;
  std::string language = "vie";  // Tesseract language(s), e.g. "vie+eng"
  std::string tessdata_dir;      // empty: TESSDATA_PREFIX, else Tesseract's default
  int dpi = 300;                 // resolution pages are rendered at for OCR (72-600)
  int threads = 0;               // pages OCRed at once; 0: the hardware threads
  long time_budget_ms = 0;       // per document, from the start of ReadPdf; 0: none
};

}  // namespace notices::ingest
