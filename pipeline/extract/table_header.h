// Task tables, part 1: cells of a " | " row, and what each column of a header means.
//
//   auto vocab = extract::TableVocabulary::Create(rules).value();
//   std::string_view row = "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn";
//   std::vector<Range> cells = extract::SplitCells(row, {0, row.size()});   // 4 cells
//   vocab.Classify("Cơ quan chủ trì", MatchMode::kExact);          // ColumnKind::kLead
//   std::optional<TableHeader> h = vocab.ReadHeader(row, {cells}, MatchMode::kExact);
//   // h->columns = {kIndex, kTask, kLead, kTime}
//
// A row reaches extraction as one line of normalized text whose cells are joined by
// " | " (text files, Markdown tables written by converters, the rows that the PDF reader
// rebuilds from ruled grids, pipeline/ingest/pdf_table.h, and from borderless tables,
// pipeline/ingest/pdf_borderless.h, and the rows that normalize
// rebuilds from the column layout of `pdftotext -layout`,
// pipeline/normalize/layout_table.h). A pipe separates cells when it stands at the line's
// edge or between spaces, as normalize decides (pipeline/normalize/layout.cc).
//
// Column names come from rules/tables.toml (table.column.*), matched against whole
// cells, so "TT" names the index column but the "tt" inside "Viettel" names nothing. A
// header may take two lines: a merged cell over sub-headers ("Cơ quan thực hiện" over
// "Chủ trì" | "Phối hợp") or a name wrapped in its cell ("Thời gian" over "hoàn thành").
// Each column is named by its lowest line that names anything on its own, else by its
// lines joined. Columns may come in any order; each kind is kept once (the first).
// A task table's header names a task column and a lead column.
//
// Thread-safety: a TableVocabulary is immutable after Create.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/common/offset_map.h"
#include "pipeline/extract/agency_finder.h"  // MatchMode
#include "pipeline/ruleset/ruleset.h"
#include "pipeline/ruleset/table_rules.h"

namespace notices::extract {

// Column kinds and their names: one vocabulary for every table reader (ruleset/table_rules.h).
using ruleset::ColumnKind;
using ruleset::ColumnKindName;

struct TableHeader {
  std::vector<ColumnKind> columns;  // one per column, left to right
  // Index of the first column of that kind, or -1.
  int Find(ColumnKind kind) const;
  // True when the header names a task column and a lead column.
  bool IsTaskTable() const { return Find(ColumnKind::kTask) >= 0 && Find(ColumnKind::kLead) >= 0; }
};

// The cells of one line: ranges of `text` inside `line`, trimmed of spaces (an empty
// cell is an empty range where it stands). Pipes at the line's edges count, so the
// Markdown row "| a | b |" gives "", "a", "b", "" (StripEdges drops the outer two).
// A line without a pipe is one cell.
std::vector<Range> SplitCells(std::string_view text, Range line);
// Drops the empty first and last cell of a row written with edge pipes (Markdown).
void StripEdges(std::string_view text, Range line, std::vector<Range>& cells);

class TableVocabulary {
 public:
  // Reads the table.* patterns of rules/tables.toml. Fails with kRuleSyntax when one is
  // missing or a table.column.* pattern has an unknown attr.kind.
  static Result<TableVocabulary> Create(std::shared_ptr<const ruleset::RuleSet> rules);

  // The column a header cell names (kOther when none).
  ColumnKind Classify(std::string_view cell, MatchMode mode) const;
  // The columns of a header of one or more lines (top to bottom), each line's cells as
  // ranges of `text` (lines may have different lengths; missing cells are empty).
  // nullopt when no column is named at all.
  std::optional<TableHeader> ReadHeader(std::string_view text,
                                        const std::vector<std::vector<Range>>& lines,
                                        MatchMode mode) const;

  // Row patterns (table.row.*, table.cell.*), each against one trimmed cell.
  bool IsRowNumber(std::string_view cell, MatchMode mode) const;     // "1", "2.3"
  bool IsSectionLabel(std::string_view cell, MatchMode mode) const;  // "I", "II", "A"
  // "I. Nhiệm vụ chung" -> label "I", title "Nhiệm vụ chung".
  bool SplitSectionCell(std::string_view cell, MatchMode mode, std::string_view& label,
                        std::string_view& title) const;
  bool IsSeparatorCell(std::string_view cell, MatchMode mode) const;     // "---"
  bool IsColumnNumberCell(std::string_view cell, MatchMode mode) const;  // "(1)"
  // "Đề nghị Ủy ban MTTQ ...": the length of the request words ("Đề nghị"), 0 when the
  // cell orders rather than requests.
  size_t RequestPrefix(std::string_view cell, MatchMode mode) const;
  // Cue words to put before a time cell that holds no deadline form of its own.
  const std::vector<std::string>& time_cues() const { return time_cues_; }

 private:
  bool Full(const ruleset::Pattern* p, std::string_view cell, MatchMode mode) const;
  std::shared_ptr<const ruleset::RuleSet> rules_;
  std::vector<ruleset::TableColumn> columns_;
  const ruleset::Pattern* row_number_ = nullptr;
  const ruleset::Pattern* section_label_ = nullptr;
  const ruleset::Pattern* section_cell_ = nullptr;
  const ruleset::Pattern* separator_ = nullptr;
  const ruleset::Pattern* column_number_ = nullptr;
  const ruleset::Pattern* requested_ = nullptr;
  std::vector<std::string> time_cues_;
};

}  // namespace notices::extract
