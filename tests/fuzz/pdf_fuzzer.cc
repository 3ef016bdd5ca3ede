// libFuzzer target: arbitrary bytes as a PDF through PDF ingest (Poppler, layout, font
// checks). Built with -DNOTICES_FUZZ=ON; run by scripts/fuzz pdf SECONDS.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/ingest/pdf_borderless.h"
#include "pipeline/ingest/pdf_reader.h"
#include "pipeline/ruleset/ruleset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1024 * 1024) return -1;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  notices::ingest::PdfOptions options;
  options.max_pages = 50;  // page count is a limit, not a bug to find
  // The text layer is what is fuzzed: OCR would spend each input's time inside
  // Tesseract (2 execs/s) and is tested on real scans instead.
  options.ocr.mode = notices::ingest::OcrMode::kNever;
  // As Pipeline reads PDFs: tables drawn without ruling lines are sought too.
  static const auto columns = notices::ingest::pdf::ColumnVocabulary::Create(
                                  notices::ruleset::RuleSet::Builtin().value())
                                  .value();
  options.table_columns = columns;
  notices::ingest::PdfReport report;
  auto text = notices::ingest::ReadPdf(bytes, options, &report);
  if (text && text->text.size() > 0 && text->page_starts.empty()) __builtin_trap();
  return 0;
}
