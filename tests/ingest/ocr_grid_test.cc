// ocr::FindRulings on page images drawn here (grids level and turned, broken lines,
// text-like strokes, an underline alone), ocr::DropGridWords and ocr::RulesInPoints on
// words built by hand.
#include "pipeline/ingest/ocr_grid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "pipeline/ingest/ocr_layout.h"
#include "pipeline/ingest/pdf_table.h"
#include "tests/ingest/grid_canvas.h"

namespace notices::ingest::ocr {
namespace {

using testing_grid::Canvas;
using testing_grid::DrawTable;
using testing_grid::Rect;
using testing_grid::Table;

std::string Describe(const std::vector<Ruling>& found) {
  std::string s;
  for (const Ruling& r : found)
    s += std::string(r.horizontal ? "h" : "v") + " at " + std::to_string(r.at) + " " + std::to_string(r.from) + "-" +
         std::to_string(r.to) + " thick " + std::to_string(r.thickness) + "\n";
  return s;
}

void ExpectGrid(const std::vector<Ruling>& found, const Table& t, double tol, const std::string& what) {
  std::vector<const Ruling*> h, v;
  for (const Ruling& r : found) (r.horizontal ? h : v).push_back(&r);
  ASSERT_EQ(h.size(), t.ys.size()) << what << "\n" << Describe(found);
  ASSERT_EQ(v.size(), t.xs.size()) << what << "\n" << Describe(found);
  for (size_t i = 0; i < h.size(); ++i) {
    EXPECT_NEAR(h[i]->at, t.ys[i], tol) << what << " horizontal " << i;
    EXPECT_NEAR(h[i]->from, t.xs.front(), tol) << what << " horizontal " << i;
    EXPECT_NEAR(h[i]->to, t.xs.back(), tol) << what << " horizontal " << i;
  }
  for (size_t i = 0; i < v.size(); ++i) {
    EXPECT_NEAR(v[i]->at, t.xs[i], tol) << what << " vertical " << i;
    EXPECT_NEAR(v[i]->from, t.ys.front(), tol) << what << " vertical " << i;
    EXPECT_NEAR(v[i]->to, t.ys.back(), tol) << what << " vertical " << i;
  }
}

TEST(FindRulings, GridsLevelTurnedBrokenAndThin) {
  struct Case {
    const char* what;
    int dpi;
    double skew, thick;
    int period, gap;
  };
  const Case cases[] = {
      {"level, 3 px", 300, 0, 3, 0, 0},
      {"turned 0.8 degrees", 300, 0.8, 3, 0, 0},
      {"turned -1.4 degrees, 2 px", 300, -1.4, 2, 0, 0},
      {"1 px", 300, 0.3, 1, 0, 0},
      {"4 px", 300, 0, 4, 0, 0},
      {"broken: 3 px gaps every 25 px", 300, 0.5, 3, 25, 3},
      {"150 dpi, 2 px", 150, -0.6, 2, 0, 0},
  };
  for (const Case& k : cases) {
    double s = k.dpi / 300.0;
    Canvas c(static_cast<int>(2000 * s), static_cast<int>(1400 * s), k.dpi, k.skew);
    Table t = DrawTable(c, 150 * s, 200 * s, 5, 6, 330 * s, 150 * s, k.thick, k.period, k.gap);
    // Words in the cells, one line each, clear of the borders.
    for (size_t j = 0; j + 1 < t.ys.size(); ++j)
      for (size_t i = 0; i + 1 < t.xs.size(); ++i)
        c.Text(t.xs[i] + 15 * s, t.ys[j] + 20 * s, t.xs[i + 1] - 15 * s, t.ys[j] + 100 * s,
               static_cast<unsigned>(i * 31 + j));
    ExpectGrid(FindRulings(c.image, c.geometry), t, 3 * s + 1, k.what);
  }
}

// A task table's cells merged over columns (a section row) and over rows: the vertical
// lines stop where the cells merge; all pieces are found, and TakeTables reads the grid.
TEST(FindRulings, MergedCellsThroughTakeTables) {
  Canvas c(2000, 1200, 300, 0.7);
  std::vector<double> xs = {100, 250, 900, 1300, 1800}, ys = {100, 250, 400, 550, 700};
  for (double y : ys) c.HLine(y, xs.front(), xs.back(), 3);
  // Row 1 (250-400) is a section row: only the outer vertical lines cross it.
  for (double x : xs) {
    bool outer = x == xs.front() || x == xs.back();
    if (outer) {
      c.VLine(x, ys.front(), ys.back(), 3);
    } else {
      c.VLine(x, 100, 250, 3);
      c.VLine(x, 400, 700, 3);
    }
  }
  std::vector<Ruling> found = FindRulings(c.image, c.geometry);
  size_t vertical = static_cast<size_t>(std::count_if(found.begin(), found.end(), [](const Ruling& r) { return !r.horizontal; }));
  EXPECT_EQ(vertical, 2u + 3u * 2u);
  // Through pdf::TakeTables: one word per cell, placed in the deskewed frame (points at
  // 300 dpi: 0.24 pt a pixel).
  pdf::Page page;
  page.width = 2000 * 0.24;
  page.height = 1200 * 0.24;
  page.rules = RulesInPoints(found, c.geometry, page.width, page.height);
  pdf::Block block;
  auto word = [&](const char* text, double x, double y) {
    pdf::Word w;
    w.text = text;
    w.x0 = x * 0.24;
    w.x1 = (x + 60) * 0.24;
    w.y0 = y * 0.24;
    w.y1 = (y + 40) * 0.24;
    w.base = w.y1;
    w.size = 12;
    pdf::Line l;
    l.words.push_back(w);
    block.lines.push_back(l);
  };
  word("STT", 130, 150);
  word("Nội", 300, 150);
  word("I", 130, 300);
  word("CHUNG", 300, 300);
  word("1", 130, 450);
  word("Việc", 300, 450);
  word("Sở", 950, 450);
  word("Quý", 1350, 450);
  page.blocks.push_back(block);
  std::vector<pdf::PageTable> tables = pdf::TakeTables(page);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows.size(), 3u);
  EXPECT_EQ(tables[0].rows[0].cells.size(), 4u);
  EXPECT_EQ(tables[0].rows[1].cells.size(), 1u);  // the section row: one cell
  EXPECT_EQ(tables[0].rows[1].cells[0].text, "I CHUNG");
  ASSERT_EQ(tables[0].rows[2].cells.size(), 4u);
  EXPECT_EQ(tables[0].rows[2].cells[2].text, "Sở");
  EXPECT_TRUE(page.blocks.empty());
}

// Line ends: a table cut by a page break (no bottom line, the vertical lines end
// together) keeps its vertical lines; a stroke inside a cell that reaches a border at
// one end only (letters chained over two lines of text) is no line.
TEST(FindRulings, LineEndsStandOnLinesOrBeyondTheGrid) {
  Canvas c(2000, 1400, 300, 0.6);
  std::vector<double> xs = {150, 480, 810, 1140}, ys = {200, 350, 500};
  for (double y : ys) c.HLine(y, xs.front(), xs.back(), 3);
  for (double x : xs) c.VLine(x, ys.front(), 1300, 3);  // run on to the cut at 1300
  c.VLine(600, 356, 470, 3);   // from the border at 350 into the cell, ending in it
  c.VLine(1000, 502, 640, 3);  // from the last line into the open band, ending in it
  std::vector<Ruling> found = FindRulings(c.image, c.geometry);
  std::vector<double> vx;
  for (const Ruling& r : found)
    if (!r.horizontal) {
      vx.push_back(r.at);
      EXPECT_NEAR(r.to, 1300, 4) << "vertical at " << r.at;
    }
  ASSERT_EQ(vx.size(), xs.size()) << Describe(found);
  for (size_t i = 0; i < xs.size(); ++i) EXPECT_NEAR(vx[i], xs[i], 3);
}

// What is not a table grid gives nothing, so the page reads as before.
TEST(FindRulings, NotAGrid) {
  struct Case {
    const char* what;
    void (*draw)(Canvas&);
  };
  const Case cases[] = {
      {"blank page", [](Canvas&) {}},
      {"prose", [](Canvas& c) { c.Text(150, 150, 1850, 1300, 7); }},
      {"underline under the motto, prose below",
       [](Canvas& c) {
         c.Text(1100, 80, 1800, 200, 3);
         c.HLine(215, 1250, 1650, 2);
         c.Text(150, 300, 1850, 1300, 4);
       }},
      {"a frame around a note (two vertical lines)",
       [](Canvas& c) {
         c.HLine(300, 200, 1800, 3);
         c.HLine(700, 200, 1800, 3);
         c.VLine(200, 300, 700, 3);
         c.VLine(1800, 300, 700, 3);
         c.Text(250, 320, 1750, 680, 5);
       }},
      {"filled blocks and vertical bars of large type",
       [](Canvas& c) {
         c.Fill({200, 200, 900, 320});  // a black banner
         for (int k = 0; k < 6; ++k) c.VLine(300 + 150 * k, 500, 560, 8);
         c.HLine(600, 200, 1200, 12);  // too thick for a rule
       }},
      {"dashes and underscores in a column", [](Canvas& c) {
         for (int k = 0; k < 20; ++k) c.HLine(200 + 50 * k, 300, 330, 3);
         for (int k = 0; k < 20; ++k) c.HLine(200 + 50 * k, 600, 700, 3, 20, 9);
         c.Text(800, 150, 1850, 1300, 9);
       }},
  };
  for (const Case& k : cases) {
    for (double skew : {0.0, 0.9}) {
      Canvas c(2000, 1400, 300, skew);
      k.draw(c);
      EXPECT_TRUE(FindRulings(c.image, c.geometry).empty()) << k.what << ", skew " << skew;
    }
  }
}

TEST(FindRulings, OddImagesGiveNothing) {
  GrayImage empty;
  PageWords g;
  EXPECT_TRUE(FindRulings(empty, g).empty());
  GrayImage short_pixels;
  short_pixels.width = 100;
  short_pixels.height = 100;
  short_pixels.pixels.assign(50, 0);
  EXPECT_TRUE(FindRulings(short_pixels, g).empty());
  GrayImage black;
  black.width = 300;
  black.height = 300;
  black.pixels.assign(300 * 300, 0);  // all ink: one thick block, no line
  g.width = g.height = 300;
  EXPECT_TRUE(FindRulings(black, g).empty());
}

OcrWord Word(const std::string& text, int x0, int y0, int x1, int y1, std::vector<OcrSymbol> symbols = {}) {
  OcrWord w;
  w.text = text;
  w.x0 = x0, w.y0 = y0, w.x1 = x1, w.y1 = y1;
  w.symbols = std::move(symbols);
  w.confidence = 90;
  return w;
}

// Symbols of equal width from x0, one per UTF-8 character of `text`.
std::vector<OcrSymbol> Spell(const std::vector<std::string>& chars, int x0, int width) {
  std::vector<OcrSymbol> out;
  for (const std::string& c : chars) {
    out.push_back({c, x0, x0 + width});
    x0 += width + 2;
  }
  return out;
}

TEST(DropGridWords, SymbolsOnRulesGoWordsAreCutAtRules) {
  // A vertical rule at x = 500 from y 100 to 900, 3 px; a horizontal one at y = 100.
  std::vector<Ruling> grid = {{true, 100, 100, 1500, 3}, {false, 500, 100, 900, 3}};
  struct Case {
    const char* what;
    OcrWord word;
    std::vector<std::string> expected;  // texts of the words left, in order
  };
  const Case cases[] = {
      {"a bar read off the rule", Word("|", 498, 300, 503, 350, Spell({"|"}, 498, 5)), {}},
      {"an I read off the rule, no symbols", Word("I", 497, 300, 503, 350), {}},
      {"glued to the word before",
       Word("hóa|", 420, 300, 503, 350, {{"h", 420, 440}, {"ó", 442, 462}, {"a", 464, 484}, {"|", 498, 502}}),
       {"hóa"}},
      {"glued to the word after", Word("[Sở", 498, 300, 560, 350, {{"[", 498, 503}, {"S", 510, 530}, {"ở", 532, 555}}),
       {"Sở"}},
      {"one word over two cells", Word("DuLịch", 420, 300, 600, 350,
                                       {{"D", 420, 445}, {"u", 447, 470}, {"L", 520, 540}, {"ị", 542, 550}, {"c", 552, 570}, {"h", 572, 595}}),
       {"Du", "Lịch"}},
      {"a word clear of the rules", Word("Sở", 600, 300, 650, 350, Spell({"S", "ở"}, 600, 22)), {"Sở"}},
      {"below the rule's end", Word("|", 498, 950, 503, 990, Spell({"|"}, 498, 5)), {"|"}},
      {"symbols not spelling the word: kept whole", Word("hóa|", 420, 300, 503, 350, Spell({"h", "o"}, 420, 25)),
       {"hóa|"}},
      {"a dash read off the horizontal rule", Word("——", 700, 96, 800, 104, Spell({"—", "—"}, 700, 48)), {}},
      {"a word touching the horizontal rule from below", Word("Sở", 700, 99, 760, 150, Spell({"S", "ở"}, 700, 28)),
       {"Sở"}},
  };
  for (const Case& k : cases) {
    PageWords words;
    words.width = 2000;
    words.height = 1400;
    words.words.push_back(k.word);
    DropGridWords(grid, words);
    std::vector<std::string> texts;
    for (const OcrWord& w : words.words) texts.push_back(w.text);
    EXPECT_EQ(texts, k.expected) << k.what;
  }
}

TEST(DropGridWords, CutPiecesTakeTheirSymbolsBoxes) {
  std::vector<Ruling> grid = {{false, 500, 100, 900, 3}};
  PageWords words;
  words.words.push_back(Word("ab|cd", 440, 300, 580, 350,
                             {{"a", 440, 460}, {"b", 462, 480}, {"|", 498, 502}, {"c", 520, 540}, {"d", 542, 580}}));
  words.words[0].line = 4;
  words.words[0].baseline = 345;
  DropGridWords(grid, words);
  ASSERT_EQ(words.words.size(), 2u);
  EXPECT_EQ(words.words[0].x0, 440);
  EXPECT_EQ(words.words[0].x1, 480);
  EXPECT_EQ(words.words[1].x0, 520);
  EXPECT_EQ(words.words[1].x1, 580);
  for (const OcrWord& w : words.words) {
    EXPECT_EQ(w.line, 4);
    EXPECT_EQ(w.baseline, 345);
    EXPECT_EQ(w.y0, 300);
    EXPECT_EQ(w.symbols.size(), 2u);
  }
}

TEST(DropGridWords, NoRulingsNoChange) {
  PageWords words;
  words.words.push_back(Word("|", 498, 300, 503, 350, Spell({"|"}, 498, 5)));
  DropGridWords({}, words);
  ASSERT_EQ(words.words.size(), 1u);
  EXPECT_EQ(words.words[0].text, "|");
}

TEST(RulesInPoints, ScalesAsBuildOcrPage) {
  PageWords g;
  g.width = 2480;
  g.height = 3508;
  std::vector<Ruling> grid = {{true, 1000, 248, 2232, 3}, {false, 1240, 350.8, 1754, 3}};
  std::vector<pdf::Rule> rules = RulesInPoints(grid, g, 595.2, 841.92);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_NEAR(rules[0].x0, 59.52, 1e-9);
  EXPECT_NEAR(rules[0].x1, 535.68, 1e-9);
  EXPECT_NEAR(rules[0].y0, 240.0, 1e-9);
  EXPECT_EQ(rules[0].y0, rules[0].y1);
  EXPECT_NEAR(rules[1].x0, 297.6, 1e-9);
  EXPECT_EQ(rules[1].x0, rules[1].x1);
  EXPECT_NEAR(rules[1].y0, 84.192, 1e-9);
  EXPECT_NEAR(rules[1].y1, 420.96, 1e-9);
  EXPECT_TRUE(RulesInPoints(grid, PageWords{0, 0, 300, 0, {}}, 595, 842).empty());
}

}  // namespace
}  // namespace notices::ingest::ocr
