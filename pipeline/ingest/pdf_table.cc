// TakeTables: ruled grids of a PDF page -> rows of cells. Tested by
// tests/ingest/pdf_table_test.cc and, end to end, tests/golden/golden_test.py (the
// table samples as text and as PDF give the same tasks).
#include "pipeline/ingest/pdf_table.h"

#include <algorithm>
#include <cmath>

namespace notices::ingest::pdf {

namespace {

constexpr double kSnap = 1.5;      // coordinates this close are one line
constexpr double kTouch = 2.5;     // a line ending this close to another meets it
constexpr double kMinCellPt = 4;   // narrower bands are double borders

struct Seg {
  double at = 0;          // y of a horizontal line, x of a vertical one
  double from = 0, to = 0;
};

// Joins collinear segments that overlap or nearly touch.
std::vector<Seg> Join(std::vector<Seg> segs) {
  std::sort(segs.begin(), segs.end(), [](const Seg& a, const Seg& b) {
    return std::fabs(a.at - b.at) > kSnap ? a.at < b.at : a.from < b.from;
  });
  std::vector<Seg> out;
  for (const Seg& s : segs) {
    if (!out.empty() && std::fabs(out.back().at - s.at) <= kSnap && s.from <= out.back().to + kTouch) {
      out.back().to = std::max(out.back().to, s.to);
      continue;
    }
    out.push_back(s);
  }
  return out;
}

// Distinct coordinates, each within kSnap of the one kept.
std::vector<double> Distinct(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v)
    if (out.empty() || x - out.back() > kSnap) out.push_back(x);
  return out;
}

bool Covers(const std::vector<Seg>& segs, double at, double pos) {
  return std::any_of(segs.begin(), segs.end(), [&](const Seg& s) {
    return std::fabs(s.at - at) <= kSnap && s.from - kTouch <= pos && pos <= s.to + kTouch;
  });
}

struct Grid {
  std::vector<Seg> h, v;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// Groups lines that cross or meet into grids.
std::vector<Grid> Grids(const std::vector<Seg>& h, const std::vector<Seg>& v) {
  size_t n = h.size() + v.size();
  std::vector<size_t> parent(n);
  for (size_t i = 0; i < n; ++i) parent[i] = i;
  auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (size_t i = 0; i < h.size(); ++i)
    for (size_t j = 0; j < v.size(); ++j) {
      bool meet = v[j].at >= h[i].from - kTouch && v[j].at <= h[i].to + kTouch &&
                  h[i].at >= v[j].from - kTouch && h[i].at <= v[j].to + kTouch;
      if (meet) parent[find(i)] = find(h.size() + j);
    }
  std::vector<Grid> out;
  std::vector<int> index(n, -1);
  for (size_t i = 0; i < n; ++i) {
    size_t r = find(i);
    if (index[r] < 0) {
      index[r] = static_cast<int>(out.size());
      out.emplace_back();
    }
    Grid& g = out[static_cast<size_t>(index[r])];
    if (i < h.size()) g.h.push_back(h[i]);
    else g.v.push_back(v[i - h.size()]);
  }
  std::vector<Grid> kept;
  for (Grid& g : out) {
    g.x0 = g.y0 = 1e18;
    g.x1 = g.y1 = -1e18;
    for (const Seg& s : g.h) g.x0 = std::min(g.x0, s.from), g.x1 = std::max(g.x1, s.to);
    for (const Seg& s : g.v) g.y0 = std::min(g.y0, s.from), g.y1 = std::max(g.y1, s.to);
    // Rows: the horizontal lines, and the ends of the vertical ones (a table cut by a
    // page break); columns: the vertical lines.
    std::vector<double> ys{g.y0, g.y1}, xs;
    for (const Seg& s : g.h) ys.push_back(s.at);
    for (const Seg& s : g.v) xs.push_back(s.at);
    if (g.h.empty() || Distinct(ys).size() < 2 || Distinct(xs).size() < 3) continue;
    kept.push_back(std::move(g));
  }
  std::sort(kept.begin(), kept.end(), [](const Grid& a, const Grid& b) { return a.y0 < b.y0; });
  return kept;
}

struct Placed {
  const Word* word;
  int row, col;  // the owner cell
};

PageTable Read(const Grid& g, std::vector<Placed>& words) {
  std::vector<double> xs, ys;
  for (const Seg& s : g.v) xs.push_back(s.at);
  for (const Seg& s : g.h) ys.push_back(s.at);
  // A table cut by a page break has no line at the cut: its vertical lines run past the
  // last (or first) horizontal one, and that open band is a row too.
  ys.push_back(g.y0);
  ys.push_back(g.y1);
  xs = Distinct(xs);
  ys = Distinct(ys);
  // Drop the inner line of double borders.
  auto thin = [](std::vector<double>& c) {
    std::vector<double> out;
    for (double x : c)
      if (out.empty() || x - out.back() >= kMinCellPt) out.push_back(x);
    c = std::move(out);
  };
  thin(xs);
  thin(ys);
  size_t cols = xs.size() - 1, rows = ys.size() - 1;
  // owner[r][c]: the cell (row, first column) that grid position (r, c) belongs to.
  std::vector<std::vector<std::pair<int, int>>> owner(rows, std::vector<std::pair<int, int>>(cols));
  for (size_t r = 0; r < rows; ++r) {
    double mid = (ys[r] + ys[r + 1]) / 2;
    size_t start = 0;
    for (size_t c = 0; c < cols; ++c) {
      bool wall = c == 0 || Covers(g.v, xs[c], mid);
      if (wall) start = c;
      double xmid = (xs[c] + xs[c + 1]) / 2;
      bool top = r == 0 || Covers(g.h, ys[r], xmid);
      std::pair<int, int> here{static_cast<int>(r), static_cast<int>(start)};
      if (!top) owner[r][c] = owner[r - 1][c];  // merged with the cell above
      else if (c != start && owner[r][start] != here) owner[r][c] = owner[r][start];
      else owner[r][c] = here;
    }
  }
  PageTable t;
  t.x0 = xs.front();
  t.x1 = xs.back();
  t.y0 = ys.front();
  t.y1 = ys.back();
  std::vector<std::vector<std::vector<const Word*>>> text(rows, std::vector<std::vector<const Word*>>(cols));
  for (Placed& p : words) {
    double cx = (p.word->x0 + p.word->x1) / 2, cy = (p.word->y0 + p.word->y1) / 2;
    if (cx < t.x0 || cx > t.x1 || cy < t.y0 || cy > t.y1) continue;
    size_t c = static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), cx) - xs.begin());
    size_t r = static_cast<size_t>(std::upper_bound(ys.begin(), ys.end(), cy) - ys.begin());
    c = std::clamp<size_t>(c, 1, cols) - 1;
    r = std::clamp<size_t>(r, 1, rows) - 1;
    auto [orow, ocol] = owner[r][c];
    p.row = orow;
    p.col = ocol;
    text[static_cast<size_t>(orow)][static_cast<size_t>(ocol)].push_back(p.word);
  }
  for (size_t r = 0; r < rows; ++r) {
    TableRowCells row;
    row.y0 = ys[r];
    row.y1 = ys[r + 1];
    bool any = false;
    // A row of one cell over the whole width.
    bool single = std::all_of(owner[r].begin(), owner[r].end(), [&](const std::pair<int, int>& o) {
      return o == std::pair<int, int>{static_cast<int>(r), 0};
    });
    for (size_t c = 0; c < cols; ++c) {
      TableCell cell;
      auto [orow, ocol] = owner[r][c];
      cell.x0 = xs[c];
      cell.x1 = xs[c + 1];
      cell.y0 = ys[r];
      cell.y1 = ys[r + 1];
      if (orow != static_cast<int>(r) || ocol != static_cast<int>(c)) {
        cell.covered = ocol != static_cast<int>(c);
        if (!single) row.cells.push_back(std::move(cell));
        continue;
      }
      for (size_t k = c + 1; k < cols && owner[r][k] == owner[r][c]; ++k) cell.x1 = xs[k + 1];
      std::vector<const Word*>& ws = text[r][c];
      std::stable_sort(ws.begin(), ws.end(), [](const Word* a, const Word* b) {
        double line = std::max(1.0, std::min(a->size, b->size) * 0.5);
        if (std::fabs(a->base - b->base) > line) return a->base < b->base;
        return a->x0 < b->x0;
      });
      for (const Word* w : ws) {
        if (!cell.text.empty()) cell.text.push_back(' ');
        cell.text += w->text;
      }
      any = any || !cell.text.empty();
      row.cells.push_back(std::move(cell));
    }
    if (any) t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

std::vector<PageTable> TakeTables(Page& page) { return TakeTables(page, page.rules); }

std::vector<PageTable> TakeTables(Page& page, const std::vector<Rule>& rules) {
  std::vector<PageTable> out;
  if (rules.size() < 6) return out;
  std::vector<Seg> h, v;
  for (const Rule& r : rules) {
    if (std::fabs(r.y1 - r.y0) <= kSnap) h.push_back({(r.y0 + r.y1) / 2, std::min(r.x0, r.x1), std::max(r.x0, r.x1)});
    else if (std::fabs(r.x1 - r.x0) <= kSnap) v.push_back({(r.x0 + r.x1) / 2, std::min(r.y0, r.y1), std::max(r.y0, r.y1)});
  }
  std::vector<Grid> grids = Grids(Join(std::move(h)), Join(std::move(v)));
  if (grids.empty()) return out;
  std::vector<Placed> placed;
  for (const Block& b : page.blocks)
    for (const Line& l : b.lines)
      for (const Word& w : l.words) placed.push_back({&w, -1, -1});
  for (const Grid& g : grids) {
    PageTable t = Read(g, placed);
    if (!t.rows.empty()) out.push_back(std::move(t));
  }
  // Take the words that went into a table out of the page.
  std::vector<const Word*> taken;
  for (const Placed& p : placed)
    if (p.row >= 0) taken.push_back(p.word);
  if (taken.empty()) return out;
  std::sort(taken.begin(), taken.end());
  std::vector<Block> blocks;
  for (Block& b : page.blocks) {
    Block kept;
    kept.rotated = b.rotated;
    for (Line& l : b.lines) {
      Line rest;
      for (Word& w : l.words)
        if (!std::binary_search(taken.begin(), taken.end(), static_cast<const Word*>(&w)))
          rest.words.push_back(std::move(w));
      if (!rest.words.empty()) kept.lines.push_back(std::move(rest));
    }
    if (!kept.lines.empty()) blocks.push_back(std::move(kept));
  }
  page.blocks = std::move(blocks);
  return out;
}

}  // namespace notices::ingest::pdf
