// pdf::BodyFontSize, pdf::ComposeText, pdf::ToSuperscriptDigits.
// Tested by tests/ingest/pdf_layout_test.cc (hand-built pages) and
// tests/ingest/pdf_reader_test.cc (sample PDFs).
#include "pipeline/ingest/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "pipeline/common/utf8.h"
#include "pipeline/ingest/pdf_borderless.h"
#include "pipeline/ingest/pdf_table.h"

namespace notices::ingest::pdf {

namespace {

// Geometry of a line or block, measured once.
struct Geom {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double base = 0;  // baseline of the dominant font size
  double size = 0;  // dominant font size (by characters)
  size_t chars = 0;
};

Geom Measure(const Line& line) {
  Geom g;
  if (line.words.empty()) return g;
  g.x0 = g.y0 = 1e18;
  g.x1 = g.y1 = -1e18;
  std::map<long, size_t> sizes;  // size in half points -> characters
  for (const Word& w : line.words) {
    g.x0 = std::min(g.x0, w.x0);
    g.y0 = std::min(g.y0, w.y0);
    g.x1 = std::max(g.x1, w.x1);
    g.y1 = std::max(g.y1, w.y1);
    size_t n = CountCodePoints(w.text);
    g.chars += n;
    sizes[std::lround(w.size * 2)] += n;
  }
  long best = 0;
  size_t best_n = 0;
  for (auto [s, n] : sizes)
    if (n > best_n || (n == best_n && s > best)) best = s, best_n = n;
  g.size = best / 2.0;
  for (const Word& w : line.words)
    if (std::lround(w.size * 2) == best) {
      g.base = w.base;
      break;
    }
  return g;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool IsSuperscriptDigits(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = DecodeUtf8(s, i);
    if (!(c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079))) return false;
  }
  return true;
}

// "12", "(*)", "*": what a footnote reference or marker looks like.
bool IsMarkerText(std::string_view s) {
  if (IsDigits(s)) return s.size() <= 3;
  if (IsSuperscriptDigits(s)) return true;
  return s == "*" || s == "(*)" || s == "**" || s == "(**)";
}

// Digits of a marker ("1", "¹", "(1)") or -1.
int MarkerNumber(std::string_view s) {
  int n = 0;
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = DecodeUtf8(s, i);
    int d = -1;
    if (c >= '0' && c <= '9') d = static_cast<int>(c - '0');
    else if (c == 0xB9) d = 1;
    else if (c == 0xB2) d = 2;
    else if (c == 0xB3) d = 3;
    else if (c >= 0x2070 && c <= 0x2079) d = static_cast<int>(c - 0x2070);
    if (d >= 0) {
      n = n * 10 + d;
      any = true;
    }
  }
  return any ? n : -1;
}

bool IsSuperscriptWord(const Word& w, const Geom& line) {
  return w.size <= line.size * 0.8 && w.base < line.base - line.size * 0.15 && IsMarkerText(w.text);
}

// Appends the text of words [from, end) of a line: superscript references glued.
void AppendLineText(const Line& line, const Geom& g, size_t from, std::string& out,
                    LayoutStats* stats) {
  const Word* prev = nullptr;
  for (size_t i = from; i < line.words.size(); ++i) {
    const Word& w = line.words[i];
    bool sup = IsSuperscriptWord(w, g);
    if (prev != nullptr && !sup) {
      // Poppler marks a space at every font change; after a raised reference only a
      // real gap counts.
      bool gap = w.x0 - prev->x1 > g.size * 0.12;
      bool after_ref = IsSuperscriptWord(*prev, g);
      if ((prev->space_after && !after_ref) || gap) out.push_back(' ');
    }
    if (sup) {
      out += ToSuperscriptDigits(w.text);
      if (stats) ++stats->superscripts;
    } else {
      out += w.text;
    }
    prev = &w;
  }
}

std::string LineKey(const Line& line) {
  std::string key;
  for (const Word& w : line.words) {
    if (!key.empty()) key.push_back(' ');
    for (char c : w.text) key.push_back(c >= '0' && c <= '9' ? '#' : c);
  }
  return key;
}

struct BlockView {
  const Block* block = nullptr;
  std::vector<size_t> lines;   // kept line indices
  std::vector<Geom> geoms;     // per kept line
  Geom g;                      // union
  bool footnote = false;
};

void Union(BlockView& v) {
  v.g = Geom{};
  v.g.x0 = v.g.y0 = 1e18;
  v.g.x1 = v.g.y1 = -1e18;
  std::map<long, size_t> sizes;
  for (const Geom& l : v.geoms) {
    v.g.x0 = std::min(v.g.x0, l.x0);
    v.g.y0 = std::min(v.g.y0, l.y0);
    v.g.x1 = std::max(v.g.x1, l.x1);
    v.g.y1 = std::max(v.g.y1, l.y1);
    v.g.chars += l.chars;
    sizes[std::lround(l.size * 2)] += l.chars;
  }
  size_t best_n = 0;
  for (auto [s, n] : sizes)
    if (n > best_n) v.g.size = s / 2.0, best_n = n;
}

// Median distance between consecutive baselines of a block, or 0.
double Pitch(const BlockView& v) {
  std::vector<double> d;
  for (size_t i = 1; i < v.geoms.size(); ++i) d.push_back(v.geoms[i].base - v.geoms[i - 1].base);
  if (d.empty()) return 0;
  std::nth_element(d.begin(), d.begin() + static_cast<long>(d.size() / 2), d.end());
  return d[d.size() / 2];
}

struct Band {
  std::vector<BlockView*> blocks;
  double y0 = 0, y1 = 0;
  std::vector<std::vector<BlockView*>> columns;  // left to right, each top to bottom
};

void SplitColumns(Band& band) {
  std::vector<BlockView*> sorted = band.blocks;
  std::sort(sorted.begin(), sorted.end(),
            [](const BlockView* a, const BlockView* b) { return a->g.x0 < b->g.x0; });
  band.columns.clear();
  std::vector<std::pair<double, double>> extent;
  for (BlockView* b : sorted) {
    if (!extent.empty() && b->g.x0 < extent.back().second) {
      band.columns.back().push_back(b);
      extent.back().second = std::max(extent.back().second, b->g.x1);
    } else {
      band.columns.push_back({b});
      extent.push_back({b->g.x0, b->g.x1});
    }
  }
  for (auto& col : band.columns)
    std::sort(col.begin(), col.end(),
              [](const BlockView* a, const BlockView* b) { return a->g.y0 < b->g.y0; });
}

// Right edge of column 0 and left edge of column 1: the gutter of a two-column band.
std::pair<double, double> Gutter(const Band& band) {
  double right = -1e18, left = 1e18;
  for (const BlockView* b : band.columns[0]) right = std::max(right, b->g.x1);
  for (const BlockView* b : band.columns[1]) left = std::min(left, b->g.x0);
  return {right, left};
}

// Blocks in reading order, grouped in bands; `separate[i]` says a blank line goes before
// block i of the result.
void ReadingOrder(std::vector<BlockView*> blocks, const Page& page, bool first_page,
                  std::vector<BlockView*>& order, std::vector<bool>& separate) {
  std::sort(blocks.begin(), blocks.end(),
            [](const BlockView* a, const BlockView* b) { return a->g.y0 < b->g.y0; });
  std::vector<Band> bands;
  for (BlockView* b : blocks) {
    // Tolerance: blocks touching by a point are not side by side.
    if (!bands.empty() && b->g.y0 < bands.back().y1 - 1.0) {
      bands.back().blocks.push_back(b);
      bands.back().y1 = std::max(bands.back().y1, b->g.y1);
    } else {
      bands.push_back(Band{{b}, b->g.y0, b->g.y1, {}});
    }
  }
  for (Band& band : bands) SplitColumns(band);
  // The document header: consecutive two-column bands near the top of page 1 whose
  // gutters line up are one band (issuing body and number left, motto and date right).
  std::vector<Band> merged;
  for (Band& band : bands) {
    if (first_page && !merged.empty() && merged.back().columns.size() == 2 &&
        band.columns.size() == 2 && band.y1 < page.height * 0.4) {
      Band& prev = merged.back();
      double line = std::max(prev.blocks.back()->g.size, 8.0);
      auto [pr, pl] = Gutter(prev);
      auto [br, bl] = Gutter(band);
      if (band.y0 - prev.y1 < line * 2.5 && std::max(pr, br) < std::min(pl, bl)) {
        prev.blocks.insert(prev.blocks.end(), band.blocks.begin(), band.blocks.end());
        prev.y1 = std::max(prev.y1, band.y1);
        SplitColumns(prev);
        continue;
      }
    }
    merged.push_back(std::move(band));
  }
  order.clear();
  separate.clear();
  const BlockView* prev = nullptr;
  bool prev_multi = false;
  for (const Band& band : merged) {
    bool multi = band.columns.size() > 1;
    for (size_t c = 0; c < band.columns.size(); ++c) {
      for (size_t k = 0; k < band.columns[c].size(); ++k) {
        BlockView* b = band.columns[c][k];
        bool sep = false;
        if (prev != nullptr) {
          bool first_of_band = c == 0 && k == 0;
          // Columns and multi-column bands are always apart; otherwise the gap decides.
          if ((k == 0 && c > 0) || (first_of_band && (multi || prev_multi))) sep = true;
          if (!sep) {
            double pitch = Pitch(*prev);
            if (pitch <= 0) pitch = Pitch(*b);
            if (pitch <= 0) pitch = std::max(prev->g.size, b->g.size) * 1.2;
            double d = b->geoms.front().base - prev->geoms.back().base;
            double size = std::max(prev->g.size, b->g.size);
            sep = d > pitch + std::max(2.5, size * 0.15) || d < 0;
            // A new paragraph in the next block: indented after a short line.
            if (!sep && b->geoms.size() > 1 && b->geoms[0].x0 - b->g.x0 > size * 0.8 &&
                prev->g.x1 - prev->geoms.back().x1 > size * 2)
              sep = true;
          }
        }
        order.push_back(b);
        separate.push_back(sep);
        prev = b;
      }
    }
    prev_multi = multi;
  }
}

// Which lines of each page to drop: page numbers, running headers and footers.
using DropMap = std::vector<std::vector<std::vector<bool>>>;  // page, block, line

DropMap FindRunningLines(const std::vector<Page>& pages, const std::vector<bool>& text_pages,
                         bool remove, LayoutStats* stats) {
  DropMap drop(pages.size());
  std::unordered_map<std::string, std::set<size_t>> pages_of_key;
  struct Candidate {
    size_t page, block, line;
    std::string key;
  };
  std::vector<Candidate> candidates;
  for (size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    drop[p].resize(page.blocks.size());
    bool text = p >= text_pages.size() || text_pages[p];
    for (size_t b = 0; b < page.blocks.size(); ++b) {
      drop[p][b].assign(page.blocks[b].lines.size(), false);
      if (!text || !remove) continue;
      for (size_t l = 0; l < page.blocks[b].lines.size(); ++l) {
        const Line& line = page.blocks[b].lines[l];
        if (line.words.empty()) continue;
        Geom g = Measure(line);
        bool top = g.y1 <= page.height * 0.12;
        bool bottom = g.y0 >= page.height * 0.9;
        if (!top && !bottom) continue;
        std::string joined;
        for (const Word& w : line.words) joined += w.text + " ";
        if (IsPageNumberText(joined)) {
          drop[p][b][l] = true;
          if (stats) ++stats->page_numbers_removed;
          continue;
        }
        std::string key = (top ? "T:" : "B:") + LineKey(line);
        pages_of_key[key].insert(p);
        candidates.push_back({p, b, l, std::move(key)});
      }
    }
  }
  size_t text_count = 0;
  for (size_t p = 0; p < pages.size(); ++p) text_count += (p >= text_pages.size() || text_pages[p]);
  size_t need = std::max<size_t>(2, (text_count + 1) / 2);
  for (const Candidate& c : candidates) {
    if (pages_of_key[c.key].size() >= need) {
      drop[c.page][c.block][c.line] = true;
      if (stats) ++stats->running_lines_removed;
    }
  }
  return drop;
}

struct Emitter {
  DecodedText& out;
  int page = 1;

  void Line(const pdf::Line& line, const Geom& g, size_t from, LayoutStats* stats,
            const std::string& prefix = {}) {
    size_t begin = out.text.size();
    out.text += prefix;
    AppendLineText(line, g, from, out.text, stats);
    if (line.table_row) {
      CellBoxes(line, begin);
      out.text.push_back('\n');
      return;
    }
    Box box;
    box.begin = begin;
    box.end = out.text.size();
    box.page = page;
    box.x = g.x0;
    box.y = g.y0;
    box.width = g.x1 - g.x0;
    box.height = g.y1 - g.y0;
    box.font_size = g.size;
    out.boxes.push_back(box);
    out.text.push_back('\n');
  }
  // A table row's words are joined by single spaces (all have space_after, none is a
  // raised reference): one Box per cell, the "|" words have none.
  void CellBoxes(const pdf::Line& line, size_t at) {
    for (size_t k = 0; k < line.words.size(); ++k) {
      const Word& w = line.words[k];
      if (k > 0) ++at;
      size_t end = at + w.text.size();
      if (w.text != "|") {
        Box box;
        box.begin = at;
        box.end = end;
        box.page = page;
        box.x = w.x0;
        box.y = w.y0;
        box.width = w.x1 - w.x0;
        box.height = w.y1 - w.y0;
        box.font_size = w.size;
        out.boxes.push_back(box);
      }
      at = end;
    }
  }
  void Blank() {
    if (!out.text.empty() && out.text.back() == '\n' &&
        !(out.text.size() >= 2 && out.text[out.text.size() - 2] == '\n') &&
        out.text.size() > out.page_starts.back())
      out.text.push_back('\n');
  }
};

// A block whose lines mostly start at its left edge (body text, lists), as opposed to
// centred lines (titles): indentation there marks paragraphs.
bool LeftAligned(const BlockView& v) {
  if (v.geoms.size() < 3) return false;
  size_t at_edge = 0;
  for (const Geom& l : v.geoms) at_edge += l.x0 - v.g.x0 < v.g.size * 0.5;
  return at_edge * 2 >= v.geoms.size();
}

void EmitBlock(Emitter& em, const BlockView& v, LayoutStats* stats) {
  bool left = LeftAligned(v);
  for (size_t k = 0; k < v.lines.size(); ++k) {
    const Geom& g = v.geoms[k];
    // A change of type size inside a block starts another paragraph ("Nơi nhận:" in
    // 11 pt under the body's last line).
    if (k > 0 && std::fabs(g.size - v.geoms[k - 1].size) > 1.5) em.Blank();
    if (left && k > 0) {
      const Geom& p = v.geoms[k - 1];
      bool indented = g.x0 - v.g.x0 > g.size * 0.8;
      bool prev_short = v.g.x1 - p.x1 > g.size * 2;
      if (indented && prev_short) em.Blank();
    }
    em.Line(v.block->lines[v.lines[k]], g, 0, stats);
  }
}

void EmitFootnotes(Emitter& em, const std::vector<BlockView*>& zone, LayoutStats* stats) {
  int expected = -1;
  for (const BlockView* v : zone) {
    for (size_t k = 0; k < v->lines.size(); ++k) {
      const Line& line = v->block->lines[v->lines[k]];
      const Geom& g = v->geoms[k];
      const Word& first = line.words.front();
      int n = IsMarkerText(first.text) ? MarkerNumber(first.text) : -1;
      bool star = IsMarkerText(first.text) && n < 0;
      bool starts = (n >= 0 && (expected < 0 || n == expected) && line.words.size() > 1 &&
                     first.x0 - v->g.x0 < g.size) ||
                    (star && line.words.size() > 1);
      if (starts) {
        em.Blank();
        std::string prefix = n >= 0 ? ToSuperscriptDigits(std::to_string(n)) : first.text;
        prefix.push_back(' ');
        em.Line(line, g, 1, stats, prefix);
        if (n >= 0) expected = n + 1;
        if (stats) ++stats->footnotes;
      } else {
        if (k == 0 && v != zone.front()) em.Blank();
        em.Line(line, g, 0, stats);
      }
    }
  }
}

// Poppler cuts a justified line with wide gaps into one line per word, and may set a
// raised reference number on a line of its own: lines of a block on the same baseline,
// and lines of small raised numbers inside another line's height, become one line.
bool RaisedRefsOnly(const Line& l, const Geom& g, const Geom& host) {
  for (const Word& w : l.words)
    if (!IsMarkerText(w.text)) return false;
  return g.size <= host.size * 0.8 && g.base < host.base && g.base > host.y0 - 1;
}

void MergeInto(Line& target, const Line& l, Geom& g) {
  target.words.insert(target.words.end(), l.words.begin(), l.words.end());
  std::stable_sort(target.words.begin(), target.words.end(),
                   [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  g = Measure(target);
}

bool Apart(const Geom& a, const Geom& b) { return a.x1 <= b.x0 + 0.5 || a.x0 >= b.x1 - 0.5; }

Block MergeLines(const Block& in) {
  Block out;
  out.rotated = in.rotated;
  std::vector<Geom> geoms;
  std::vector<std::pair<const Line*, Geom>> refs;
  for (const Line& l : in.lines) {
    if (l.words.empty()) continue;
    Geom g = Measure(l);
    bool all_markers = true;
    for (const Word& w : l.words) all_markers = all_markers && IsMarkerText(w.text);
    if (all_markers && in.lines.size() > 1) {
      refs.push_back({&l, g});
      continue;
    }
    bool merged = false;
    for (size_t k = out.lines.size(); k-- > 0 && k + 4 > out.lines.size();) {
      Geom& o = geoms[k];
      if (std::fabs(o.base - g.base) < std::min(o.size, g.size) * 0.3 && Apart(g, o)) {
        MergeInto(out.lines[k], l, o);
        merged = true;
        break;
      }
    }
    if (!merged) {
      out.lines.push_back(l);
      geoms.push_back(g);
    }
  }
  for (auto& [l, g] : refs) {
    bool merged = false;
    for (size_t k = 0; k < out.lines.size() && !merged; ++k) {
      if ((RaisedRefsOnly(*l, g, geoms[k]) ||
           std::fabs(geoms[k].base - g.base) < std::min(geoms[k].size, g.size) * 0.3) &&
          Apart(g, geoms[k])) {
        MergeInto(out.lines[k], *l, geoms[k]);
        merged = true;
      }
    }
    if (!merged) {
      // A line of its own after all (a footnote number alone, a page number): keep it
      // in baseline order.
      size_t at = 0;
      while (at < geoms.size() && geoms[at].base <= g.base) ++at;
      out.lines.insert(out.lines.begin() + static_cast<long>(at), *l);
      geoms.insert(geoms.begin() + static_cast<long>(at), g);
    }
  }
  return out;
}

// A row split by a page break: the next page's table starts with the same columns and a
// row without a first cell (no row number); its cells carry on the previous page's last
// row, which takes their text.
void JoinSplitRow(std::vector<PageTable>& before, std::vector<PageTable>& after) {
  if (before.empty() || after.empty() || before.back().rows.empty() || after.front().rows.empty()) return;
  TableRowCells& last = before.back().rows.back();
  TableRowCells& first = after.front().rows.front();
  if (first.cells.size() < 2 || first.cells.size() != last.cells.size() || !first.cells[0].text.empty()) return;
  for (size_t c = 0; c < first.cells.size(); ++c)
    if (std::fabs(first.cells[c].x0 - last.cells[c].x0) > 2.0) return;
  for (size_t c = 0; c < first.cells.size(); ++c) {
    const std::string& more = first.cells[c].text;
    if (more.empty()) continue;
    std::string& text = last.cells[c].text;
    if (!text.empty()) text.push_back(' ');
    text += more;
  }
  after.front().rows.erase(after.front().rows.begin());
  if (after.front().rows.empty()) after.erase(after.begin());
}

// A ruled table as a block of one line per row: the cells as words with " | " between
// them, in the body's size so that no rule for small print (footnotes) applies.
Block TableBlock(const PageTable& t, double body_size) {
  Block b;
  for (const TableRowCells& row : t.rows) {
    Line l;
    l.table_row = true;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const TableCell& cell = row.cells[c];
      Word w;
      w.x0 = cell.x0;
      w.x1 = cell.x1;
      w.y0 = row.y0;
      w.y1 = row.y1;
      w.base = row.y0 + body_size;
      w.size = body_size;
      w.space_after = true;
      if (c > 0) {
        Word bar = w;
        bar.text = "|";
        bar.x1 = bar.x0;
        l.words.push_back(std::move(bar));
      }
      w.text = cell.text;
      l.words.push_back(std::move(w));
    }
    b.lines.push_back(std::move(l));
  }
  return b;
}

void ComposePage(const Page& raw_page, bool first_page, const std::vector<std::vector<bool>>& drop,
                 double body_size, Emitter& em, LayoutStats* stats, const std::vector<PageTable>& tables) {
  Page page;
  page.width = raw_page.width;
  page.height = raw_page.height;
  page.blocks.reserve(raw_page.blocks.size());
  for (size_t b = 0; b < raw_page.blocks.size(); ++b) {
    Block kept;
    kept.rotated = raw_page.blocks[b].rotated;
    for (size_t l = 0; l < raw_page.blocks[b].lines.size(); ++l)
      if (!drop[b][l]) kept.lines.push_back(raw_page.blocks[b].lines[l]);
    page.blocks.push_back(MergeLines(kept));
  }
  for (const PageTable& t : tables) page.blocks.push_back(TableBlock(t, body_size));
  std::vector<BlockView> views;
  views.reserve(page.blocks.size());
  for (size_t b = 0; b < page.blocks.size(); ++b) {
    BlockView v;
    v.block = &page.blocks[b];
    for (size_t l = 0; l < page.blocks[b].lines.size(); ++l) {
      if (page.blocks[b].lines[l].words.empty()) continue;
      v.lines.push_back(l);
      v.geoms.push_back(Measure(page.blocks[b].lines[l]));
    }
    if (v.lines.empty()) continue;
    Union(v);
    views.push_back(std::move(v));
  }
  // Footnote zone: smaller print below every block of body-size text, starting with a
  // marker ("1 Trong đó ...", "¹ ...", "(*) ...").
  double lowest_body = -1e18;
  for (const BlockView& v : views)
    if (!v.block->rotated && v.g.size >= body_size - 0.75) lowest_body = std::max(lowest_body, v.g.y1);
  std::vector<BlockView*> candidates;
  for (BlockView& v : views)
    if (!v.block->rotated && v.g.size <= body_size * 0.9 && v.g.y0 >= lowest_body - 1.0 &&
        v.g.y0 > page.height * 0.4)
      candidates.push_back(&v);
  std::sort(candidates.begin(), candidates.end(),
            [](const BlockView* a, const BlockView* b) { return a->g.y0 < b->g.y0; });
  std::vector<BlockView*> zone;
  for (BlockView* v : candidates) {
    if (zone.empty()) {
      const Line& line = v->block->lines[v->lines.front()];
      if (!IsMarkerText(line.words.front().text) || line.words.size() < 2) continue;
    }
    v->footnote = true;
    zone.push_back(v);
  }
  std::vector<BlockView*> body, rotated;
  for (BlockView& v : views) {
    if (v.footnote) continue;
    (v.block->rotated ? rotated : body).push_back(&v);
  }
  std::vector<BlockView*> order;
  std::vector<bool> separate;
  ReadingOrder(body, page, first_page, order, separate);
  for (size_t i = 0; i < order.size(); ++i) {
    if (separate[i]) em.Blank();
    EmitBlock(em, *order[i], stats);
  }
  for (BlockView* v : rotated) {
    em.Blank();
    EmitBlock(em, *v, stats);
  }
  if (!zone.empty()) EmitFootnotes(em, zone, stats);
}

}  // namespace

std::string ToSuperscriptDigits(const std::string& s) {
  static const char* const kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += kSup[c - '0'];
    else out.push_back(c);
  }
  return out;
}

bool IsPageNumberText(std::string_view s) {
  std::string core;
  for (char c : s)
    if (c != ' ' && c != '-') core.push_back(c);
  size_t slash = core.find('/');
  if (slash != std::string::npos)
    return IsDigits(core.substr(0, slash)) && IsDigits(core.substr(slash + 1));
  return IsDigits(core) && core.size() <= 4;
}

double BodyFontSize(const std::vector<Page>& pages) {
  std::map<long, size_t> sizes;
  for (const Page& p : pages)
    for (const Block& b : p.blocks)
      for (const Line& l : b.lines)
        for (const Word& w : l.words) sizes[std::lround(w.size * 2)] += w.text.size();
  long best = 0;
  size_t best_n = 0;
  for (auto [s, n] : sizes)
    if (n > best_n) best = s, best_n = n;
  return best / 2.0;
}

void ComposeText(const std::vector<Page>& pages, const std::vector<bool>& text_pages,
                 DecodedText& out, LayoutStats* stats, bool remove_margins,
                 const BorderlessOptions& borderless) {
  double body = BodyFontSize(pages);
  if (stats) stats->body_font_size = body;
  // Tables first: their cells must not count as page numbers or running lines. The
  // pages are copied only when a page has a table.
  std::vector<Page> untabled;
  std::vector<std::vector<PageTable>> tables(pages.size());
  const std::vector<Page>* src = &pages;
  auto own = [&] {
    if (src == &pages) {
      untabled = pages;
      src = &untabled;
    }
  };
  BorderlessCarry carry;
  bool any = false;
  for (size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].rules.size() >= 6) {
      own();
      tables[p] = TakeTables(untabled[p]);
    }
    bool search = borderless.vocabulary != nullptr &&
                  (p >= borderless.pages.size() || borderless.pages[p]) &&
                  (p >= text_pages.size() || text_pages[p]);
    if (!search) {
      carry.open = false;
    } else if (std::vector<Rule> lines = BorderlessRules((*src)[p], *borderless.vocabulary, carry); !lines.empty()) {
      own();
      std::vector<PageTable> more = TakeTables(untabled[p], lines);
      tables[p].insert(tables[p].end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
      std::stable_sort(tables[p].begin(), tables[p].end(),
                       [](const PageTable& a, const PageTable& b) { return a.y0 < b.y0; });
    }
    any = any || !tables[p].empty();
  }
  if (any)
    for (size_t p = 1; p < tables.size(); ++p) JoinSplitRow(tables[p - 1], tables[p]);
  DropMap drop = FindRunningLines(*src, text_pages, remove_margins, stats);
  if (out.page_starts.empty()) out.page_starts.push_back(out.text.size());
  Emitter em{out};
  for (size_t p = 0; p < pages.size(); ++p) {
    if (p > 0) {
      out.text.push_back('\f');
      out.page_starts.push_back(out.text.size());
    }
    em.page = static_cast<int>(p) + 1;
    bool text = p >= text_pages.size() || text_pages[p];
    if (text) ComposePage((*src)[p], p == 0, drop[p], body, em, stats, tables[p]);
    // No blank line at the end of a page: the '\f' follows the last line directly.
    while (out.text.size() >= 2 && out.text.back() == '\n' &&
           out.text[out.text.size() - 2] == '\n' && out.text.size() > out.page_starts.back() + 1)
      out.text.pop_back();
  }
  out.page_count = static_cast<int>(pages.size());
}

}  // namespace notices::ingest::pdf
