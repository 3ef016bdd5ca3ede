// Pipeline: ingest -> normalize -> segment -> extract. Tested by tests/golden/ and
// tests/cli/.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "pipeline/common/time_budget.h"
#include "pipeline/common/sha256.h"
#include "pipeline/segment/segmenter.h"

namespace notices {

namespace {

bool HasPdfExtension(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".pdf";
}

Record ErrorRecord(SourceInfo source, Error error) {
  Record r;
  r.source = std::move(source);
  if (error.message.rfind(r.source.path + ":", 0) != 0)
    error.message = r.source.path + ": " + error.message;
  r.error = std::move(error);
  return r;
}

// The PDF box of a table cell whose text starts at decoded offset `at`: the Box that
// holds it (the PDF reader writes one per cell of a ruled table's rows).
void PlaceCell(const ingest::DecodedText& decoded, size_t at, TaskCell& cell) {
  auto it = std::upper_bound(decoded.boxes.begin(), decoded.boxes.end(), at,
                             [](size_t offset, const ingest::Box& b) { return offset < b.begin; });
  if (it == decoded.boxes.begin()) return;
  const ingest::Box& b = *std::prev(it);
  if (at > b.end) return;
  cell.page = b.page;
  cell.x = b.x;
  cell.y = b.y;
  cell.width = b.width;
  cell.height = b.height;
}

Error TimeoutError(std::chrono::milliseconds budget, const char* stage) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(budget.count()) / 1000.0);
  return Error(ErrorCode::kTimeout, std::string("took more than its time budget of ") + seconds +
                                        " s of CPU (--timeout); stopped during " + stage);
}

}  // namespace

Result<Pipeline> Pipeline::Create(std::shared_ptr<const ruleset::RuleSet> rules,
                                  PipelineOptions options) {
  auto extractor = extract::Extractor::Create(rules);
  if (!extractor) return extractor.error();
  Pipeline p;
  p.rules_ = std::move(rules);
  p.extractor_ = std::make_shared<const extract::Extractor>(std::move(extractor).value());
  p.options_ = std::move(options);
  return p;
}

Record Pipeline::Run(const std::string& path) const {
  auto bytes = ingest::ReadInput(path, options_.limits);
  if (!bytes) {
    SourceInfo source;
    source.path = path;
    source.format = HasPdfExtension(path) ? SourceFormat::kPdf : SourceFormat::kText;
    return ErrorRecord(std::move(source), bytes.error());
  }
  return RunBytes(path, *bytes);
}

Record Pipeline::RunBytes(const std::string& path, std::string_view bytes) const {
  const TimeBudget budget = TimeBudget::Start(options_.time_budget);
  TimeBudgetScope scope(budget);
  SourceInfo source;
  source.path = path;
  source.sha256 = Sha256Hex(bytes);
  source.bytes = bytes.size();
  bool pdf = ingest::LooksLikePdf(bytes);
  source.format = pdf || HasPdfExtension(path) ? SourceFormat::kPdf : SourceFormat::kText;

  Result<ingest::DecodedText> decoded =
      source.format == SourceFormat::kPdf
          ? (pdf ? ingest::ReadPdf(bytes, options_.pdf)
                 : Result<ingest::DecodedText>(Error(ErrorCode::kNotPdf,
                                                     "the file is named .pdf but is not a PDF")))
          : ingest::DecodeText(bytes, options_.text);
  if (!decoded) return ErrorRecord(std::move(source), decoded.error());
  if (budget.Expired()) return ErrorRecord(std::move(source), TimeoutError(options_.time_budget, "ingest"));
  source.encoding = decoded->encoding;
  source.pages = decoded->page_count;

  normalize::NormalizedText normalized = normalize::Normalize(*decoded, *rules_, options_.normalize);
  if (budget.Expired()) return ErrorRecord(std::move(source), TimeoutError(options_.time_budget, "normalize"));
  segment::DocumentTree tree = segment::Segment(normalized, *rules_);
  if (budget.Expired()) return ErrorRecord(std::move(source), TimeoutError(options_.time_budget, "segment"));

  Record record;
  record.source = std::move(source);
  record.warnings = decoded->warnings;
  record.warnings.insert(record.warnings.end(), normalized.warnings.begin(), normalized.warnings.end());
  extractor_->Extract(normalized, tree, options_.extract, record);
  if (budget.Expired()) return ErrorRecord(std::move(record.source), TimeoutError(options_.time_budget, "extract"));
  // Pages: where the source has them (PDF pages, or form feeds in a text file).
  bool paged = decoded->page_count.has_value() || decoded->page_starts.size() > 1;
  if (paged) {
    for (Task& t : record.tasks) {
      size_t at = normalized.to_decoded.ToSource(t.span.begin);
      t.page = decoded->PageAt(at);
      for (TaskCell& c : t.cells) PlaceCell(*decoded, normalized.to_decoded.ToSource(c.span.begin), c);
    }
  }
  return record;
}

}  // namespace notices
