// Pipeline: ingest -> normalize -> segment -> extract. Tested by tests/golden/ and
// tests/cli/.
#include "pipeline/pipeline.h"

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
  source.encoding = decoded->encoding;
  source.pages = decoded->page_count;

  normalize::NormalizedText normalized = normalize::Normalize(*decoded, *rules_, options_.normalize);
  segment::DocumentTree tree = segment::Segment(normalized, *rules_);

  Record record;
  record.source = std::move(source);
  record.warnings = decoded->warnings;
  record.warnings.insert(record.warnings.end(), normalized.warnings.begin(), normalized.warnings.end());
  extractor_->Extract(normalized, tree, options_.extract, record);
  // Pages: where the source has them (PDF pages, or form feeds in a text file).
  bool paged = decoded->page_count.has_value() || decoded->page_starts.size() > 1;
  if (paged) {
    for (Task& t : record.tasks) {
      size_t at = normalized.to_decoded.ToSource(t.span.begin);
      t.page = decoded->PageAt(at);
    }
  }
  return record;
}

}  // namespace notices
