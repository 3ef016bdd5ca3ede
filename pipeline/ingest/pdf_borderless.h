// Task tables drawn without ruling lines (a borderless annex) on a PDF page: the table's
// header and the words under it -> the ruling lines the table would have had, which
// TakeTables (pdf_table.h) then reads like any ruled grid. Independent of Poppler.
//
//   auto vocab = pdf::ColumnVocabulary::Create(rules).value();   // once, from the RuleSet
//   pdf::BorderlessCarry carry;                                   // one per document
//   for (pdf::Page& page : pages) {
//     std::vector<pdf::Rule> lines = pdf::BorderlessRules(page, *vocab, carry);
//     std::vector<pdf::PageTable> tables = pdf::TakeTables(page, lines);
//     // rows as for a ruled table: "STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", ...
//   }
// ComposeText (pdf_layout.h) does this when given the vocabulary, after the ruled tables.
//
// How a table is found (each rule covered by tests/ingest/pdf_borderless_test.cc):
//   - Lines: the page's words grouped by baseline across Poppler's blocks (a row's
//     cells sit on one baseline when they are top-aligned). Pieces: runs of words apart
//     by less than half the type size.
//   - Header band: one to three consecutive lines whose pieces, grouped by horizontal
//     overlap into columns, name columns through the table.column.* patterns of
//     rules/tables.toml matched against whole cells (a column is named by its lowest
//     line that names anything, else by its lines joined: "Đơn vị" over "thực hiện").
//     It needs three or more columns, an index column first whose name ("STT", "TT":
//     its numbers are what separates the rows) starts one of the band's lines, a task
//     column and a lead or time column, at least half of the columns named, and no
//     piece of more than eight words. So the document header (issuing body | national
//     motto), the signature block (Nơi nhận | signer) and prose are never taken. Of the
//     bands starting on a line or the two after it, the one naming most columns wins
//     (a title line above the header would merge its columns); from one line, the
//     longest ("Kết" / "quả/sản" / "phẩm").
//   - Columns: the header's leaves (pieces with no piece under them: "thực hiện",
//     "Chủ trì", "Phối hợp", not "Cơ quan thực hiện" over the last two) stand in their
//     columns. Between two leaves one column starts: where the words of most lines
//     start at one x (left-aligned cells) with no word of any table line just left of
//     it; when no such x is found (centred cells), at the middle of the widest empty
//     gap. More than one only under a header cell spanning columns, whose sub-headers
//     may sit anywhere. No column edge cuts a leaf, so "Sở Nông" repeated does not make
//     "Nông" a column; a leaf over two columns of the rows (a merged header cell
//     without sub-headers) is one cell over both.
//   - Extent: the lines after the header with no big vertical gap (over twice the type
//     size between baselines) nor change of type size, while the index column holds
//     nothing but row numbers, section labels ("I", "A.") and the column numbering
//     row ("(1)"), and no word runs across a column edge outside a section row. Prose
//     after the table, "Nơi nhận:" and the signature run across the edges.
//   - Rows: each starts at a line whose first word, in the index column, is a row
//     number, a section label or a column number, and runs to the next start; a cell
//     wrapped over several lines is one cell. A section row whose title starts in the
//     index column or runs across an edge ("I. Chăm sóc sức khỏe ban đầu") is one
//     cell over the width, as a ruled table draws it; otherwise it keeps its cells
//     ("I" | "CÔNG TÁC CHUẨN BỊ"). A header with a merged cell over sub-headers
//     ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp") is two rows, the merged cell
//     spanning its columns. A lead cell left empty under a merged cell stays empty
//     (the extractor lets the row inherit the lead above).
//   - Continuation: a table whose last line is the last of its page (a page number
//     below may follow) is carried: the next page, when its first lines (after a page
//     number at the top) fit the same columns, continues it without a header. Lines
//     before its first row start are the rest of the previous page's last row (a row
//     with an empty index cell, joined by ComposeText as for ruled tables).
//   - Known limits: cells centred vertically in their row (a merged cell's text in the
//     middle of its rows) land in the row their text faces; a table without an index
//     column, or whose index name is split over two lines ("Số" / "TT"), is not
//     sought; text read by OCR is not searched (ReadPdf passes only the pages of the
//     text layer).
//
// Errors: ColumnVocabulary::Create fails on broken table rules (kRuleSyntax) or no rules
// (kInternal). BorderlessRules never fails: what does not read as a table stays text.
//
// Cost (tests/bench/pdf_read_bench.cc): one sort of the page's words by baseline and a
// few row patterns per line; the column patterns run only on bands holding the index
// column's name. About 40 us for a page of prose, 80 us to find a table of 30 rows
// (and as much again for TakeTables to read it), against about 1.3 ms for ReadPdf's
// page.
//
// Thread-safety: a ColumnVocabulary is immutable after Create and shared by every
// thread; BorderlessRules is reentrant; a BorderlessCarry belongs to one document.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/ingest/pdf_layout.h"
#include "pipeline/ruleset/ruleset.h"
#include "pipeline/ruleset/table_rules.h"

namespace notices::ingest::pdf {

// The column names and row labels of task tables (rules/tables.toml: table.column.*,
// table.row.number, table.row.section_label, table.row.column_number_cell).
class ColumnVocabulary {
 public:
  using Column = ruleset::ColumnKind;  // kOther: names no column

  // Fails with kRuleSyntax when a table.column.* pattern has an unknown attr.kind, or
  // when the column patterns are there but a row pattern is missing. Rules without
  // table.column.* patterns give a vocabulary that finds nothing.
  static Result<std::shared_ptr<const ColumnVocabulary>> Create(
      std::shared_ptr<const ruleset::RuleSet> rules);

  // Each against one whole cell, as written (single spaces between words).
  Column Classify(std::string_view cell) const;      // "Cơ quan chủ trì" -> kLead
  // Classify(cell) == column, running only the patterns up to the last of that kind.
  bool Names(std::string_view cell, Column column) const;
  bool IsRowNumber(std::string_view cell) const;     // "1", "2.3"
  bool IsSectionLabel(std::string_view cell) const;  // "I", "II.", "A"
  bool IsColumnNumber(std::string_view cell) const;  // "(1)"
  bool empty() const { return table_.columns.empty(); }

 private:
  std::shared_ptr<const ruleset::RuleSet> rules_;  // keeps the patterns alive
  ruleset::TableRules table_;
};

// What one page passes to the next: the columns of a table still open at its end.
struct BorderlessCarry {
  bool open = false;
  std::vector<double> xs;  // column edges, left to right (the outer two included)
  double size = 0;         // the rows' type size
};

// The ruling lines of the borderless task tables of `page` (empty when it has none):
// one grid per table, rows and columns as described above. `carry` comes from the
// previous page and is set for the next one. Words inside ruled grids must have been
// taken first (TakeTables(page)).
std::vector<Rule> BorderlessRules(const Page& page, const ColumnVocabulary& vocabulary,
                                  BorderlessCarry& carry);

}  // namespace notices::ingest::pdf
