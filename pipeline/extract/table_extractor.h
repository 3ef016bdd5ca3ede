// Task tables, part 3: each row of a task table -> a `notices/1` Task; a task that a
// document gives both in its prose and in its annex table comes out once.
//
//   auto tables = extract::TableExtractor::Create(rules).value();
//   std::vector<Table> found = tables.Find(normalized, MatchMode::kExact);   // table_rows.h
//   TableContext ctx{agencies, deadlines, roles, dates, MatchMode::kExact};
//   std::vector<Task> tasks = ...;                        // the prose tasks
//   tables.AddTasks(normalized.text, found, ctx, tasks);  // rows -> tasks, merged
//
// What a row gives (columns named by the header, table_header.h):
//   - text and span: the row as written (its line of " | " cells; several lines when a
//     continuation row carried on a wrapped cell); section: the label of the section
//     row above it ("II"), or its title when it has no label;
//   - lead: the agencies of the lead cell (AgencyFinder, canonical names); a cell where
//     no agency is found gives one fallback agency per ';'-separated piece, named as
//     written (known = false). An empty lead cell (a merged cell above it) takes the
//     lead of the row above in the same section, with a lead_inherited warning. Bodies
//     become `requested` when the cell says "Đề nghị ..." or the body is an outside one
//     (enterprises, the Front, central agencies; rules/agencies.toml `outside`);
//   - coordinate: the agencies of the coordinate cell, likewise;
//   - deadline: the time cell read by the DeadlineFinder; a bare period ("Quý III/2026",
//     "Năm 2026", "2026 - 2030") is read with a cue word put before it
//     (rules/tables.toml table.time_cues), and keeps the cell's text and span; without a
//     time column (or a deadline in it), the binding deadline of the task cell;
//   - report_to (and the lead when the row has none): roles read in the task cell;
//   - product: the product cell's text.
// Prose and annex: a row whose task text is mostly the text of a prose task (syllable
// pairs of the row's task cell, 60% or more, found in the prose task) with the same
// lead is that task: the prose task keeps its text and gains the row's span in
// Task::extra_spans (and its deadline, coordinators or product where it had none).
//
// Spans are byte offsets into the normalized text, like every span of the extractor.
// Thread-safety: immutable after Create; Find and AddTasks are reentrant.
#pragma once

#include <memory>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/extract/agency_finder.h"
#include "pipeline/extract/deadline_finder.h"
#include "pipeline/extract/record.h"
#include "pipeline/extract/role_assigner.h"
#include "pipeline/extract/table_header.h"
#include "pipeline/extract/table_rows.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::extract {

// What the row reader borrows from the extractor for one document.
struct TableContext {
  const AgencyFinder& agencies;
  const DeadlineFinder& deadlines;
  const RoleAssigner& roles;
  const DateContext& dates;
  MatchMode mode = MatchMode::kExact;
  bool ocr = false;  // the text came from OCR: agencies are also matched without marks

  std::vector<AgencyMention> Agencies(std::string_view text, Range r) const {
    if (ocr && mode == MatchMode::kExact) return agencies.FindAllOcr(text, r);
    return agencies.FindAll(text, r, mode, ocr);
  }
};

class TableExtractor {
 public:
  // Fails with kRuleSyntax when rules/tables.toml is missing or malformed.
  static Result<TableExtractor> Create(std::shared_ptr<const ruleset::RuleSet> rules);

  std::vector<Table> Find(const normalize::NormalizedText& text, MatchMode mode) const {
    return FindTables(text, vocab_, mode);
  }
  // The tasks of the rows of `tables`, one per data row, in row order.
  std::vector<Task> RowTasks(std::string_view text, const std::vector<Table>& tables,
                             const TableContext& ctx) const;
  // RowTasks, then each row task that repeats a task of `tasks` is merged into it, and
  // the others are appended to `tasks` (the caller orders them).
  void AddTasks(std::string_view text, const std::vector<Table>& tables, const TableContext& ctx,
                std::vector<Task>& tasks) const;

  const TableVocabulary& vocabulary() const { return vocab_; }

 private:
  explicit TableExtractor(TableVocabulary vocab) : vocab_(std::move(vocab)) {}
  TableVocabulary vocab_;
};

// Merges each task of `rows` that repeats a task of `prose` (see above) into it and
// removes it from `rows`. `row_texts` holds, per row task, the range of its task cell.
void MergeProseDuplicates(std::string_view text, std::vector<Task>& prose, std::vector<Task>& rows,
                          const std::vector<Range>& row_texts);

}  // namespace notices::extract
