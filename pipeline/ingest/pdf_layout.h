// Page layout for PDF ingest: words with positions and font sizes -> reading-order text.
// Independent of Poppler, so each rule can be tested on pages built by hand.
//
//   std::vector<pdf::Page> pages = ...;          // blocks of lines of words, per page
//   pdf::LayoutStats stats;
//   DecodedText out;
//   pdf::ComposeText(pages, /*text_pages=*/{true, true}, out, &stats);
//   // out.text: "UBND TỈNH ...\nSố: /TB-VP\n\nCỘNG HÒA ...\n...năm 2026¹;...\n\n¹ Trong đó...\n\f..."
//
// Rules (each covered by tests/ingest/pdf_layout_test.cc):
//   - Lines come from the word boxes; superscript numbers (smaller and raised above the
//     line's baseline) become superscript digits glued to the word before: "2026¹".
//   - Reading order: blocks are grouped into horizontal bands (blocks overlapping in
//     height); a band with side-by-side columns is read column by column. The
//     two-column header of page 1 (issuing body and "Số:" left, national motto and
//     date right) is one band even when its lines are split into several blocks, so it
//     comes out as the left block, then the right block.
//   - A blank line separates blocks with a visible vertical gap, columns and bands, and
//     paragraphs inside a left-aligned block (an indented line after a short one).
//   - Lone numbers at the top or bottom of a page (page numbers) and lines repeated at
//     the top or bottom of several pages (running headers and footers, digits ignored)
//     are dropped.
//   - The footnote zone (blocks in a smaller font below all body text, starting with a
//     number) is moved after the page's body: each footnote starts with its number as
//     superscript digits, after a blank line.
//   - Ruled tables (pdf_table.h) come out one row a line, cells joined by " | " (a
//     row of one full-width cell without pipes), where the grid stands; so do the task
//     tables drawn without ruling lines (pdf_borderless.h) when `borderless` gives the
//     column vocabulary, on the pages it names. A row cut by a page break is joined.
//   - Pages are separated by '\f'; a page not in `text_pages` (needs OCR) is empty.
//   - Lines keep their line breaks and final hyphens ("57-\nNQ/TW"); normalize joins them.
//
// Thread-safety: plain functions on values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ingest/decoded_text.h"

namespace notices::ingest::pdf {

// Coordinates in PDF points from the page's top-left corner; y grows downwards.
struct Word {
  std::string text;  // UTF-8, ligatures expanded
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double base = 0;   // baseline y
  double size = 0;   // font size
  int font = -1;     // index in the document's font table (the caller's)
  bool space_after = false;
};

struct Line {
  std::vector<Word> words;  // left to right
  bool table_row = false;   // a ruled table's row: cells and "|" words, one Box per cell
};

struct Block {
  std::vector<Line> lines;  // top to bottom
  bool rotated = false;     // vertical text: read after the page's other blocks
};

// A straight line drawn on the page (a table border), horizontal or vertical.
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Page {
  double width = 595, height = 842;
  std::vector<Block> blocks;
  std::vector<Rule> rules;  // ruled tables: pdf_table.h; empty when nothing is drawn
};

class ColumnVocabulary;  // pdf_borderless.h

// Which pages to search for task tables drawn without ruling lines.
struct BorderlessOptions {
  const ColumnVocabulary* vocabulary = nullptr;  // null: none are sought
  std::vector<bool> pages;                       // false: not searched; missing: searched
};

struct LayoutStats {
  int page_numbers_removed = 0;
  int running_lines_removed = 0;
  int footnotes = 0;
  int superscripts = 0;
  double body_font_size = 0;
};

// The most common font size over the pages' characters (rounded to 0.5 pt).
double BodyFontSize(const std::vector<Page>& pages);

// Appends the text of `pages` to out.text (page_starts, boxes, page_count too).
// text_pages[i] false: page i is written empty (its text needs OCR); missing entries
// count as true. remove_margins false keeps page numbers and running lines (for the
// typed words of scans, where a lone number at the top is the document's number).
void ComposeText(const std::vector<Page>& pages, const std::vector<bool>& text_pages,
                 DecodedText& out, LayoutStats* stats = nullptr, bool remove_margins = true,
                 const BorderlessOptions& borderless = {});

// A lone page number: "3", "- 3 -", "3/12".
bool IsPageNumberText(std::string_view s);

// Digits 0-9 as superscript digits ("12" -> "¹²"); other characters unchanged.
std::string ToSuperscriptDigits(const std::string& s);

}  // namespace notices::ingest::pdf
