// Pipeline: ingest -> normalize -> segment -> extract. Tested by tests/golden/ and
// tests/cli/.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "pipeline/common/time_budget.h"
#include "pipeline/common/sha256.h"
#include "pipeline/ingest/pdf_borderless.h"
#include "pipeline/segment/segmenter.h"

namespace notices {

namespace {

bool HasPdfExtension(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".pdf";
}

// Words OCR read with less confidence than this make the task built on them carry a
// warning (Tesseract gives clean print 90 and more; misread marks and digits fall well
// below 70).
constexpr float kLowOcrConfidence = 70;

// The bounding box of the decoded boxes overlapping bytes [begin, end) of the decoded
// text that lie on the page of the first of them.
std::optional<PageBox> BoxOf(const ingest::DecodedText& d, size_t begin, size_t end) {
  std::optional<PageBox> out;
  double x1 = 0, y1 = 0;
  auto it = std::partition_point(d.boxes.begin(), d.boxes.end(),
                                 [&](const ingest::Box& b) { return b.end <= begin; });
  for (; it != d.boxes.end() && it->begin < end; ++it) {
    if (it->end <= begin) continue;
    if (!out) {
      out = PageBox{it->page, it->x, it->y, 0, 0};
      x1 = it->x + it->width;
      y1 = it->y + it->height;
      continue;
    }
    if (it->page != out->page) break;
    out->x = std::min(out->x, it->x);
    out->y = std::min(out->y, it->y);
    x1 = std::max(x1, it->x + it->width);
    y1 = std::max(y1, it->y + it->height);
  }
  if (out) {
    out->width = x1 - out->x;
    out->height = y1 - out->y;
  }
  return out;
}

// OCR provenance of a task: its box, and a warning for each part (its text, agencies,
// deadline) built from words OCR read with low confidence.
void AddOcrProvenance(const ingest::DecodedText& d, const normalize::NormalizedText& n, Task& t) {
  auto decoded = [&](const Range& r) { return n.to_decoded.ToSource(r); };
  Range span = decoded(t.span);
  t.box = BoxOf(d, span.begin, span.end);
  if (d.ocr_pages.empty()) return;
  auto check = [&](std::string_view what, std::string_view text, const Range& r) {
    Range s = decoded(r);
    float c = d.MinConfidence(s.begin, s.end);
    if (c >= kLowOcrConfidence) return;
    t.warnings.push_back("low_ocr_confidence: " + std::string(what) + " '" + std::string(text) +
                         "' has words OCR read at " + std::to_string(static_cast<int>(c)) +
                         "% (page " + std::to_string(d.PageAt(s.begin)) + ")");
  };
  for (const auto* list : {&t.lead, &t.coordinate, &t.requested, &t.report_to})
    for (const Agency& a : *list)
      if (a.span.size() > 0) check("agency", a.text, a.span);
  if (t.deadline && t.deadline->span.size() > 0) check("deadline", t.deadline->text, t.deadline->span);
  // The task's own text: a long sentence nearly always holds a doubtful word, so only a
  // fifth of its words read with low confidence earns a warning.
  size_t words = 0, low = 0;
  auto it = std::partition_point(d.boxes.begin(), d.boxes.end(),
                                 [&](const ingest::Box& b) { return b.end <= span.begin; });
  for (; it != d.boxes.end() && it->begin < span.end; ++it) {
    if (it->confidence >= 100) continue;  // a text layer's line
    ++words;
    low += it->confidence < kLowOcrConfidence;
  }
  if (words > 0 && low * 5 > words)
    t.warnings.push_back("low_ocr_confidence: " + std::to_string(low) + " of the task's " +
                         std::to_string(words) + " words were read by OCR with low confidence");
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
  auto normalizer = normalize::Normalizer::Create(rules, options.normalize);
  if (!normalizer) return normalizer.error();
  auto extractor = extract::Extractor::Create(rules);
  if (!extractor) return extractor.error();
  // What would otherwise be built on first use is built here, so that no document's
  // --timeout pays for it (about 30 ms of CPU in a release build, 5x that sanitized).
  rules->CompilePatterns();
  if (!options.pdf.table_columns) {
    auto columns = ingest::pdf::ColumnVocabulary::Create(rules);
    if (!columns) return columns.error();
    options.pdf.table_columns = std::move(columns).value();
  }
  Pipeline p;
  p.rules_ = std::move(rules);
  p.normalizer_ = std::make_shared<const normalize::Normalizer>(std::move(normalizer).value());
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
  for (const ingest::OcrPage& p : decoded->ocr_pages)
    source.ocr.push_back({p.page, ingest::OcrReasonName(p.reason), p.confidence, p.typed_words});

  normalize::NormalizedText normalized = normalizer_->Run(*decoded);
  if (budget.Expired()) return ErrorRecord(std::move(source), TimeoutError(options_.time_budget, "normalize"));
  segment::DocumentTree tree = segment::Segment(normalized, *rules_);
  if (budget.Expired()) return ErrorRecord(std::move(source), TimeoutError(options_.time_budget, "segment"));

  Record record;
  record.source = std::move(source);
  record.warnings = decoded->warnings;
  record.warnings.insert(record.warnings.end(), normalized.warnings.begin(), normalized.warnings.end());
  if (decoded->ocr_pages.empty()) {
    extractor_->Extract(normalized, tree, options_.extract, record);
  } else {
    extract::ExtractOptions tolerant = options_.extract;
    tolerant.ocr_tolerant = true;
    extractor_->Extract(normalized, tree, tolerant, record);
  }
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
  if (!decoded->boxes.empty())
    for (Task& t : record.tasks) AddOcrProvenance(*decoded, normalized, t);
  return record;
}

}  // namespace notices
