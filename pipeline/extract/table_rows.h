// Task tables, part 2: the tables of a normalized text, assembled into rows.
//
//   auto vocab = extract::TableVocabulary::Create(rules).value();
//   std::vector<Table> tables = extract::FindTables(normalized, vocab, MatchMode::kExact);
//   for (const Table& t : tables)
//     for (const TableRow& r : t.rows) {
//       Range lead = r.cells[t.header.Find(ColumnKind::kLead)];   // may be empty
//       ...
//     }
//
// A table starts at a header row that names a task column and a lead column
// (table_header.h), possibly with a second header line under it, and runs over the
// rows after it until a paragraph that cannot belong to it. What counts as part of it:
//   - data rows: one line of " | " cells each (normalize keeps a row of three or more
//     filled cells as one paragraph); a row that repeats the header (a table continued
//     on the next page with its header) is skipped, and so are Markdown separator rows
//     ("|---|---|") and the column numbering row ("(1) | (2) | (3)");
//   - section rows: a row whose number is a Roman numeral or a capital letter and whose
//     lead cell is empty ("II | PHÁT TRIỂN HẠ TẦNG | | |"), or a row of one cell
//     ("I. Nhiệm vụ chung"). Normalize cuts rows of at most two filled cells into a
//     paragraph per cell, so between two rows one or two short paragraphs are read as
//     such a row: a label and a title ("II", "PHÁT TRIỂN ..."), or a title alone; a
//     number and a text ("5", "Tập huấn ...") are a data row with only those two cells;
//   - sub-headers cut the same way right under the header ("Chủ trì", "Phối hợp" under
//     "Cơ quan thực hiện" spanning two columns) name the columns of that span;
//   - continuation rows: a row without a number whose filled cells start in lowercase
//     continues the row above (a cell's text wrapped onto a row of its own).
// Rows keep every cell (an empty cell stays empty: inheriting the lead from a merged
// cell above is the extractor's call, table_extractor.h).
//
// Thread-safety: FindTables is reentrant.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pipeline/common/offset_map.h"
#include "pipeline/extract/table_header.h"
#include "pipeline/normalize/normalizer.h"

namespace notices::extract {

struct TableRow {
  std::vector<Range> cells;  // one per column of the header; trimmed, empty when empty
  Range span;                // the row's text (its first block to its last)
  int section = -1;          // index into Table::sections, -1 before the first
  // Pieces of a cell after its first, from continuation rows: {column, text}.
  std::vector<std::pair<int, Range>> wrapped;
};

struct TableSection {
  std::string label;  // "II", "A"; "" when the row has a title only
  std::string title;  // "PHÁT TRIỂN HẠ TẦNG VÀ SẢN PHẨM DU LỊCH"
  Range span;
};

struct Table {
  TableHeader header;
  int first_block = 0;  // blocks of the NormalizedText, header to last row, inclusive
  int last_block = 0;
  Range span;           // header to last row
  std::vector<TableRow> rows;
  std::vector<TableSection> sections;
};

std::vector<Table> FindTables(const normalize::NormalizedText& text, const TableVocabulary& vocab,
                              MatchMode mode);

}  // namespace notices::extract
