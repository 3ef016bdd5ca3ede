// Tests for pipeline/ingest/pdf_table.h (ruled grids -> rows) and the table rules of
// pdf_layout.h (rows as " | " lines, a row split by a page break), on pages built by hand.
#include "pipeline/ingest/pdf_table.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace notices::ingest::pdf {
namespace {

// One word per entry: {text, x, baseline}; 12 pt, each character 6 pt wide.
struct W {
  std::string text;
  double x, base;
};

Block Words(const std::vector<W>& words) {
  Block b;
  for (const W& in : words) {
    Word w;
    w.text = in.text;
    size_t chars = 0;
    for (unsigned char c : w.text) chars += (c & 0xC0) != 0x80;
    w.x0 = in.x;
    w.x1 = in.x + 6.0 * static_cast<double>(chars);
    w.base = in.base;
    w.y0 = in.base - 10;
    w.y1 = in.base + 2;
    w.size = 12;
    w.space_after = true;
    Line l;
    l.words.push_back(w);
    b.lines.push_back(l);
  }
  return b;
}

// Horizontal lines at `ys` from x0 to x1, vertical lines at `xs` from y0 to y1.
std::vector<Rule> Grid(const std::vector<double>& xs, const std::vector<double>& ys) {
  std::vector<Rule> out;
  for (double y : ys) out.push_back({xs.front(), y, xs.back(), y});
  for (double x : xs) out.push_back({x, ys.front(), x, ys.back()});
  return out;
}

std::vector<std::vector<std::string>> Texts(const std::vector<PageTable>& tables) {
  std::vector<std::vector<std::string>> out;
  for (const PageTable& t : tables)
    for (const TableRowCells& r : t.rows) {
      std::vector<std::string> row;
      for (const TableCell& c : r.cells) row.push_back(c.text);
      out.push_back(row);
    }
  return out;
}

TEST(PdfTableTest, GridsGiveRowsOfCells) {
  // Columns at 100 | 130 | 300 | 400; rows at 100 | 120 | 160 | 180 | 200.
  const std::vector<double> xs{100, 130, 300, 400}, ys{100, 120, 160, 180, 200};
  struct Case {
    const char* name;
    std::vector<Rule> rules;
    std::vector<W> words;
    std::vector<std::vector<std::string>> expected;
    size_t words_left;  // outside every table
  };
  std::vector<Rule> full = Grid(xs, ys);
  // Without the vertical lines at 130 and 300 in the row 160-180: one cell over the row.
  std::vector<Rule> section = Grid(xs, ys);
  section.erase(section.begin() + 5 + 1, section.begin() + 5 + 3);
  section.push_back({130, 100, 130, 160});
  section.push_back({130, 180, 130, 200});
  section.push_back({300, 100, 300, 160});
  section.push_back({300, 180, 300, 200});
  // Without the line at y = 180 under the third column: that cell spans two rows.
  std::vector<Rule> merged = Grid(xs, ys);
  merged.erase(merged.begin() + 3);
  merged.push_back({100, 180, 300, 180});
  const std::vector<W> body{{"TT", 105, 114}, {"Nhiệm", 135, 114}, {"vụ", 175, 114}, {"Chủ", 305, 114},
                            {"trì", 330, 114},  {"1", 105, 134},     {"Xây", 135, 134}, {"dựng", 160, 134},
                            {"kế", 135, 150},   {"hoạch", 150, 150}, {"Sở", 305, 134},  {"Tài", 320, 134},
                            {"chính", 340, 134}};
  std::vector<Case> cases = {
      {"a wrapped cell is one text", full, body,
       {{"TT", "Nhiệm vụ", "Chủ trì"}, {"1", "Xây dựng kế hoạch", "Sở Tài chính"}}, 0},
      {"a full-width row is one cell", section,
       {{"I.", 105, 174}, {"Nhiệm", 125, 174}, {"vụ", 170, 174}, {"chung", 190, 174}, {"2", 105, 194}, {"Tập", 135, 194}, {"huấn", 160, 194}},
       {{"I. Nhiệm vụ chung"}, {"2", "Tập huấn", ""}}, 0},
      {"a merged cell takes the words below its first row", merged,
       {{"3", 105, 174}, {"Kiểm", 135, 174}, {"Sở", 305, 174}, {"Y", 320, 174}, {"tế", 305, 194}, {"4", 105, 194}, {"Họp", 135, 194}},
       {{"3", "Kiểm", "Sở Y tế"}, {"4", "Họp", ""}}, 0},
      {"words outside the grid stay", full, {{"Nơi", 100, 300}, {"1", 105, 134}, {"Họp", 135, 134}},
       {{"1", "Họp", ""}}, 1},
      {"a lone rule is no table", {{100, 100, 400, 100}, {100, 300, 200, 300}}, {{"Họp", 135, 134}}, {}, 1},
  };
  for (const Case& c : cases) {
    Page page;
    page.rules = c.rules;
    page.blocks.push_back(Words(c.words));
    std::vector<PageTable> tables = TakeTables(page);
    EXPECT_EQ(Texts(tables), c.expected) << c.name;
    size_t left = 0;
    for (const Block& b : page.blocks)
      for (const Line& l : b.lines) left += l.words.size();
    EXPECT_EQ(left, c.words_left) << c.name;
  }
}

TEST(PdfTableTest, ComposedRowsAreLinesAndASplitRowIsJoined) {
  const std::vector<double> xs{100, 130, 300, 400};
  Page one, two;
  one.rules = Grid(xs, {100, 120, 140});
  one.blocks.push_back(Words({{"TT", 105, 114}, {"Nhiệm", 135, 114}, {"Chủ", 305, 114}, {"1", 105, 134},
                              {"Xây", 135, 134}, {"Sở", 305, 134}}));
  // Page 2: the rest of row 1 (no number), then row 2.
  two.rules = Grid(xs, {60, 80, 100});
  two.blocks.push_back(Words({{"dựng", 135, 74}, {"Tài", 305, 74}, {"2", 105, 94}, {"Họp", 135, 94},
                              {"Sở", 305, 94}, {"Y", 320, 94}}));
  DecodedText out;
  ComposeText({one, two}, {}, out);
  EXPECT_EQ(out.text, "TT | Nhiệm | Chủ\n1 | Xây dựng | Sở Tài\n\f2 | Họp | Sở Y\n");
  ASSERT_EQ(out.page_starts.size(), 2u);
}

}  // namespace
}  // namespace notices::ingest::pdf
