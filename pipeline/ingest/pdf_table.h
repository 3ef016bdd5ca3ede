// Ruled tables on a PDF page: the grid drawn by a table's borders -> rows of cells.
// Independent of Poppler, like pdf_layout.h (pdf_reader.cc records the ruling lines).
//
//   pdf::Page page = ...;                        // words, and page.rules from the drawing
//   std::vector<pdf::PageTable> tables = pdf::TakeTables(page);
//   // the words inside each grid are gone from page.blocks; tables[0].rows[0].cells[1].text
//   // is "Nội dung nhiệm vụ"
//
// What the reader does (each rule covered by tests/ingest/pdf_table_test.cc):
//   - Ruling lines are horizontal or vertical segments (strokes, and filled rectangles
//     thinner than 2 pt); collinear pieces are joined. A grid is a set of crossing lines
//     with at least two columns (three vertical lines) and one horizontal line; a lone
//     rule (a footnote separator, an underline) is none.
//   - The grid's columns are the x of its vertical lines, its rows the y of its
//     horizontal lines. In each row band a cell runs between the vertical lines present
//     at the band's middle, so a cell merged over several columns is one cell, placed in
//     its first column (the others empty), and a row of a single cell over the whole
//     width (a section title) has one cell.
//   - A page break may cut a table without drawing a line there: the vertical lines
//     running past the last (first) horizontal one close the open row.
//   - A cell whose top line is missing belongs to the cell above (a merged cell over
//     several rows, a header over two lines): its words go there.
//   - A word belongs to the cell holding its centre; a cell's text is its words in
//     reading order (lines top to bottom) joined by single spaces, so a wrapped cell is
//     one text.
//   - A table that runs onto the next page is one grid per page; joining them is the
//     table reader's job (extract/table_rows.h), which also needs no header on the
//     second page.
//
// Thread-safety: plain functions on values.
#pragma once

#include <string>
#include <vector>

#include "pipeline/ingest/pdf_layout.h"

namespace notices::ingest::pdf {

struct TableCell {
  std::string text;  // "" for a cell covered by a merged one, or left empty
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the cell's box (its borders)
  bool covered = false;                   // part of a cell merged from the left
};

struct TableRowCells {
  std::vector<TableCell> cells;  // one per column; a single cell for a full-width row
  double y0 = 0, y1 = 0;
};

struct PageTable {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::vector<TableRowCells> rows;  // top to bottom; rows left without text are dropped
};

// Finds the ruled grids of `page` (page.rules), takes the words inside them out of
// page.blocks (emptied lines and blocks are removed) and returns the tables, top to
// bottom. Pages without rules are left as they are.
std::vector<PageTable> TakeTables(Page& page);
// The same with the grids drawn by `rules` instead of page.rules: the lines that
// BorderlessRules (pdf_borderless.h) builds for a table drawn without them.
std::vector<PageTable> TakeTables(Page& page, const std::vector<Rule>& rules);

}  // namespace notices::ingest::pdf
