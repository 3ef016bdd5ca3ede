// Pipeline: composes the stages, bytes in, one Record out. It owns no stage logic.
//
//   auto rules = ruleset::RuleSet::Builtin().value();
//   auto pipeline = Pipeline::Create(rules, {}).value();
//   Record r = pipeline.Run("notice.pdf");            // reads the file
//   Record s = pipeline.RunBytes("-", bytes);          // already in memory
//   if (r.error) std::cerr << r.error->message;        // the input failed; r says why
//
// Every input yields exactly one Record: either extracted fields or `error` set with a
// code and a message that names the file and the cause. Nothing throws. A document
// that uses up options().time_budget yields an error record with code "timeout": the
// stages check the deadline in their long loops and stop early, never killed.
//
//   ingest (text decoder | PDF reader) -> normalize -> segment -> extract
//
// PDFs: each task gets its page and box (Task::box, from the decoded boxes of its
// text). When OCR read some page (options.pdf.ocr), Record::source.ocr lists those pages
// with the reason and mean confidence, extraction runs tolerant of misread marks
// (ExtractOptions::ocr_tolerant), and a task whose agencies, deadline or words were read
// with less than 70% confidence carries a "low_ocr_confidence: ..." warning.
//
// Thread-safety: Run and RunBytes are const and reentrant; one Pipeline serves every
// worker thread of a batch.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/common/error.h"
#include "pipeline/extract/extractor.h"
#include "pipeline/extract/record.h"
#include "pipeline/ingest/input.h"
#include "pipeline/ingest/pdf_reader.h"
#include "pipeline/ingest/text_decoder.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices {

struct PipelineOptions {
  ingest::InputLimits limits;       // maximum input size
  ingest::TextOptions text;         // --encoding
  ingest::PdfOptions pdf;           // --password, maximum pages
  normalize::Options normalize;
  extract::ExtractOptions extract;  // --received ...
  // CPU time one document may take (--timeout), see pipeline/common/time_budget.h. Past it
  // the record is an error record with code "timeout". Zero: no limit.
  std::chrono::milliseconds time_budget = std::chrono::seconds(60);
};

class Pipeline {
 public:
  static Result<Pipeline> Create(std::shared_ptr<const ruleset::RuleSet> rules,
                                 PipelineOptions options);

  // Reads `path` ("-": standard input) and runs every stage.
  Record Run(const std::string& path) const;
  // Runs every stage on bytes already read; `path` is only recorded.
  Record RunBytes(const std::string& path, std::string_view bytes) const;

  const PipelineOptions& options() const { return options_; }
  const ruleset::RuleSet& rules() const { return *rules_; }
  const extract::Extractor& extractor() const { return *extractor_; }

 private:
  Pipeline() = default;
  std::shared_ptr<const ruleset::RuleSet> rules_;
  std::shared_ptr<const normalize::Normalizer> normalizer_;
  std::shared_ptr<const extract::Extractor> extractor_;
  PipelineOptions options_;
};

}  // namespace notices
