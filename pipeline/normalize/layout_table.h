// Task tables in the column layout of `pdftotext -layout`: finds them in the decoded
// text and cuts them into rows and cells, so that BuildLines (layout.h) can write each
// row as one " | " line like the rows of a text or ruled-PDF table. Internal to
// normalize.
//
//   auto finder = LayoutTableFinder::Create(*rules).value();   // once, from the RuleSet
//   BuildLines(chars, doc);
//   if (doc.stats.table_layout) {               // set by BuildLines: a line with two
//     auto tables = finder.Find(doc.decoded);    // column gaps; else no table is sought
//     if (!tables.empty()) { doc = Document(doc.decoded); BuildLines(chars, doc, tables); }
//   }
//
// Cost: nothing for a text without a line holding two gaps of 4+ spaces (the header of a
// layout table has them); otherwise one pass over the lines, the column patterns run on
// lines of three or more pieces only; in a table, packed words near the time column run
// the deadline forms (one RE2::Set pass, then the forms it names), those near the lead
// and coordinate columns a binary search in the names.
//
// What a layout table looks like, and how it is read:
//   - header: one to three lines whose words name columns through the table.column.*
//     patterns of rules/tables.toml (the vocabulary of extract/table_header.h); a task
//     column and a lead column are required, so the two-column document header, the
//     signature block, "Nơi nhận:" and tables of other kinds are left alone. A header
//     line is cut into names at gaps of two or more spaces and before a capitalised
//     word that starts a name on its own ("Sản phẩm Cơ quan thực hiện" -> "Sản phẩm",
//     "Cơ quan thực hiện"). Words of the lines below that start in lowercase continue
//     the name they overlap most ("Đơn vị" over "chủ trì"); capitalised names below a
//     lead name ("Chủ trì", "Phối hợp" under "Cơ quan thực hiện") replace it, since
//     pdftotext places such centred sub-headers badly.
//   - columns: the header gives their number; their left edges come from where cell
//     text starts on the lines under it (first words of lines, words after a gap of two
//     or more spaces, capitalised words), as the strongest peaks of a smoothed
//     histogram; then, the lines assigned once, each edge becomes the first quartile of
//     the starts of the cells it received on wrapped lines, and the median on the lines
//     that start rows (pdftotext packs those tighter, a few columns to the left).
//   - cells: columns are often one space apart and drift by a few columns from line to
//     line, so each line's words are assigned to columns by a small dynamic program:
//     a cell starting away from its edge costs the distance beyond 2 columns; a cell
//     boundary at a single space costs 1, 4 before a lowercase word; a word starting
//     less than 2 columns before the next edge costs 3 per column of overshoot; a capitalised word
//     one space after the text before it, within 5 columns of the next edge, costs twice
//     its closeness if it stays (it starts the next cell: "UBND các Tháng 6/2026").
//   - content, where position is doubtful: a word one space after the text before it
//     may start the next cell or continue this one, and pdftotext sometimes starts a
//     cell several columns left of its header ("UBND các Năm 2026 Đề án sắp"). Near the
//     edge of a time, lead or coordinate column (from 7 columns left of it to 5 right),
//     a phrase read from the words of a packed run (words one space apart) makes a
//     cell start there cheaper and a cell boundary just before it dearer (together 9:
//     content moves a split point by up to about 7 columns against position). In a
//     time column the phrase is a deadline (the deadline.form.* patterns after a
//     table.time_cues cue, as a time cell is read: "Năm 2026", "Quý III/2026",
//     "Thường xuyên"); in a lead or coordinate column an agency (a word prefix of a
//     gazetteer name or alias, or an agency.head_nouns or agency.people_committees
//     item: "Sở", "UBND các", "Hội Liên"; one word alone only when it is a whole item).
//     On the wrapped lines of a row of a table with an index column, the phrase may
//     also continue the cell above, read from 10 columns left of the edge ("Thường" +
//     "xuyên", "Sở Giáo dục" + "và Đào tạo", "Đề nghị Ủy" + "ban Mặt trận": the cue
//     of table.cell.requested is skipped). A cell boundary inside such a phrase costs
//     more, a capitalised word one space after a complete deadline starts the next
//     cell ("Năm 2026 Đề án"), and the lowercase penalty is waived where a phrase
//     starts. These are costs beside position's: content says nothing about the task
//     and product columns, and without a phrase position alone decides. Names are
//     compared as written (bytes of the decoded text): a cell spelt otherwise gets no
//     help.
//   - rows: with an index column, a line whose index cell is a row number or a section
//     label (table.row.number, table.row.section_label) starts a row; without one, a
//     line with two or more filled cells that all start with a capital or a digit
//     (first lines of rows are capitalised, wrapped lines mostly are not). The lines up
//     to the next row start are the row's wrapped cell text, joined with a space. A
//     section row keeps its label in the index column and its title, all lines joined,
//     in the next column.
//   - skipped inside a table: the column numbering row ("(1) (2) (3)"), page numbers
//     next to a form feed, a header repeated after a page break.
//   - end: a line that does not fit the columns (drift and overshoot above a threshold),
//     prose (words one space apart from the first column to the last), a blank line not
//     followed by a row start, two blank lines, or the end of the text.
//   - known misses: where content recognises nothing, a word one space after a cell and
//     close to the next column's edge may land in the wrong cell when pdftotext packed
//     the line tight; a task cell whose text ends, one space before the lead cell and
//     within 7 columns of its edge, in an agency name gives that name to the lead cell;
//     a header whose first line has fewer than two gaps of 4+ spaces is not sought.
//
// Columns are counted in code points from the line start. Lines end as in BuildLines
// (LF, CR LF, CR, form feed; not U+2028/U+2029, which pdftotext does not write: a table
// holding them is not found).
//
// Thread-safety: a LayoutTableFinder is immutable after Create; Find is reentrant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/common/offset_map.h"
#include "pipeline/ruleset/ruleset.h"
#include "pipeline/ruleset/table_rules.h"

namespace notices::normalize::internal {

struct LayoutRow {
  // One entry per column, left to right; each the cell's pieces (decoded byte ranges of
  // the words on one line), top to bottom. An empty cell has no piece.
  std::vector<std::vector<Range>> cells;
  size_t line_begin = 0;  // decoded offset of the start of the row's first line
  bool header = false;
  bool section = false;
};

struct LayoutTable {
  size_t begin = 0;  // decoded offset of the start of the header's first line
  size_t end = 0;    // decoded offset just past the line end of the table's last line
  std::vector<LayoutRow> rows;  // the header first
};

class LayoutTableFinder {
 public:
  // Reads table.column.*, table.row.number, table.row.section_label and
  // table.row.column_number_cell. Fails with kRuleSyntax when a row pattern is missing;
  // without table.column.* patterns the finder finds nothing. For cell content it also
  // reads, when present, deadline.form.*, table.time_cues, table.cell.requested, the
  // gazetteer, agency.head_nouns and agency.people_committees (without them position
  // alone places cells). The rule set must outlive the finder.
  static Result<LayoutTableFinder> Create(const ruleset::RuleSet& rules);
  // Empty finder: finds nothing (rules without the table patterns).
  LayoutTableFinder() = default;

  std::vector<LayoutTable> Find(std::string_view decoded) const;

 private:
  std::vector<ruleset::TableColumn> columns_;
  const ruleset::Pattern* row_number_ = nullptr;
  const ruleset::Pattern* section_label_ = nullptr;
  const ruleset::Pattern* column_number_ = nullptr;
  // Cell content: deadline forms and the cues put before a time cell; agency names,
  // aliases and head words as written, sorted; the "Đề nghị" cue before a lead cell.
  std::vector<const ruleset::Pattern*> deadline_forms_;
  const RE2::Set* deadline_set_ = nullptr;  // the forms as one set, kept by the RuleSet; may be null
  std::vector<std::string> time_cues_;
  std::vector<std::string> agency_words_;
  std::vector<std::string> agency_first_words_;  // of agency_words_, sorted
  const ruleset::Pattern* requested_ = nullptr;

  friend class FinderImpl;
};

}  // namespace notices::normalize::internal
