// Extractor: a segmented notice -> the `notices/1` fields (document info, tasks with
// agencies and roles, deadlines, references).
//
//   auto ex = extract::Extractor::Create(rules).value();
//   segment::DocumentTree tree = segment::Segment(normalized, *rules);
//   Record record;
//   ex.Extract(normalized, tree, {}, record);       // fills document, tasks, references
//
// How tasks come out (rules in rules/tasks.toml and rules/roles.toml):
//   - one task per directive list item or paragraph of the body; a footnote that
//     imposes an obligation is a task; paragraphs that only assess results, lead-ins
//     that only introduce items ("... những nội dung sau:"), the opening and the closing
//     formula are not tasks;
//   - an item inherits its addressees from the heading ("2.4. Sở Giáo dục và Đào tạo:")
//     or lead-in above it, with a warning saying so;
//   - an item is split where a later clause gives a different action to a different
//     agency ("...; giao Văn phòng UBND tỉnh rà soát ...");
//   - roles: lead ("Giao X", "X chủ trì", the heading's addressee), coordinate
//     ("phối hợp với Y"), requested ("Đề nghị Z" for outside bodies), report_to
//     ("báo cáo UBND tỉnh", "trình UBND tỉnh");
//   - the binding deadline of the task's own text;
//   - each row of a task table (a plan's annex: "STT | Nội dung | Cơ quan chủ trì | ...")
//     is a task of its own, read by TableExtractor (table_extractor.h); the prose walk
//     skips the table's paragraphs, and a row that repeats a prose task is merged into it.
// Text without diacritics (an OCR layer) is detected and matched in folded form.
//
// Spans in the record are byte offsets into the normalized text (the emitter converts
// them to code points). Task ids are "<first 12 hex of sha256>-<ordinal>", so the
// caller must have filled record.source.sha256.
//
// Thread-safety: immutable after Create; Extract is reentrant.
#pragma once

#include <memory>
#include <optional>

#include "pipeline/common/error.h"
#include "pipeline/extract/agency_finder.h"
#include "pipeline/extract/deadline_finder.h"
#include "pipeline/extract/record.h"
#include "pipeline/extract/reference_finder.h"
#include "pipeline/extract/role_assigner.h"
#include "pipeline/extract/table_extractor.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"
#include "pipeline/segment/segmenter.h"

namespace notices::extract {

struct ExtractOptions {
  // The day the notice was received (--received): relative deadlines count from it.
  std::optional<PartialDate> received;
  // A paragraph longer than this (bytes) is not split into clauses: finding the splits
  // costs time quadratic in the paragraph's clauses, and no real notice comes near the
  // limit (a hostile 1 MB line did). Its task keeps the whole paragraph, with a warning
  // "paragraph_not_split".
  size_t max_split_bytes = 32 * 1024;

  // The text comes (in part) from OCR: agencies the marked form misses are also matched
  // without marks ("Sở Công Thuong" -> "Sở Công Thương"), within the gazetteer.
  bool ocr_tolerant = false;
};

class Extractor {
 public:
  static Result<Extractor> Create(std::shared_ptr<const ruleset::RuleSet> rules);

  void Extract(const normalize::NormalizedText& text, const segment::DocumentTree& tree,
               const ExtractOptions& options, Record& record) const;

  const AgencyFinder& agencies() const { return agencies_; }
  const DeadlineFinder& deadlines() const { return deadlines_; }
  const TableExtractor& tables() const { return *tables_; }

  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

 private:
  Extractor(std::shared_ptr<const ruleset::RuleSet> rules, AgencyFinder agencies,
            DeadlineFinder deadlines, ReferenceFinder references, RoleAssigner roles);
  std::shared_ptr<const ruleset::RuleSet> rules_;
  AgencyFinder agencies_;
  DeadlineFinder deadlines_;
  ReferenceFinder references_;
  std::unique_ptr<RoleAssigner> roles_;
  std::shared_ptr<const TableExtractor> tables_;
};

}  // namespace notices::extract
