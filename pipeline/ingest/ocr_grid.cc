// ocr::FindRulings, ocr::DropGridWords, ocr::RulesInPoints: table grids of page images.
// Tested by tests/ingest/ocr_grid_test.cc (images drawn in the test) and, end to end,
// tests/ingest/ocr_pipeline_slow_test.cc (a generated scan of a ruled task table).
#include "pipeline/ingest/ocr_grid.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace notices::ingest::ocr {

namespace {

constexpr double kPi = 3.14159265358979323846;

int Px(double mm, int dpi) { return std::max(1, static_cast<int>(std::lround(mm * dpi / 25.4))); }

// Ink of the image turned by skew_degrees about its centre, as Recognize turns it: 1 ink,
// 0 paper. A deskewed pixel takes the value of the nearest source pixel.
std::vector<uint8_t> DeskewedInk(const GrayImage& image, double skew_degrees) {
  const int w = image.width, h = image.height;
  std::vector<uint8_t> ink(static_cast<size_t>(w) * static_cast<size_t>(h), 0);
  const uint8_t* src = image.pixels.data();
  if (skew_degrees == 0) {
    for (size_t i = 0; i < ink.size(); ++i) ink[i] = src[i] < kGridInkLevel;
    return ink;
  }
  // The source of deskewed pixel (x, y) is the pixel holding the inverse turn
  // (ToPageFrame) of its centre, stepped in 16.16 fixed point along each row.
  const double a = skew_degrees * kPi / 180.0, c = std::cos(a), s = std::sin(a);
  const double cx = w / 2.0, cy = h / 2.0;
  constexpr double kOne = 65536.0;
  const int64_t dx = std::llround(c * kOne), dy = std::llround(-s * kOne);
  for (int y = 0; y < h; ++y) {
    double px = 0.5 - cx, py = y + 0.5 - cy;
    int64_t fx = std::llround((cx + px * c + py * s) * kOne), fy = std::llround((cy - px * s + py * c) * kOne);
    uint8_t* out = ink.data() + static_cast<size_t>(y) * static_cast<size_t>(w);
    for (int x = 0; x < w; ++x, fx += dx, fy += dy) {
      int64_t sx = fx >> 16, sy = fy >> 16;
      if (sx >= 0 && sx < w && sy >= 0 && sy < h)
        out[x] = src[static_cast<size_t>(sy) * static_cast<size_t>(w) + static_cast<size_t>(sx)] < kGridInkLevel;
    }
  }
  return ink;
}

// A run of ink along a row (horizontal) or a column (vertical), breaks bridged.
struct Run {
  int at = 0, from = 0, to = 0;  // row (column); first and last pixel along it
  int ink = 0;                   // ink pixels in it
};

struct Params {
  int gap, piece, link_gap, link_rows, min_h, min_v, max_thickness, touch, on_rule;
};

// Runs are read in bands of two rows (columns): a thin line at a slight residual slant
// steps from one row to the next, and is unbroken in the band that holds the step.

// Horizontal runs: band by band.
std::vector<Run> RowRuns(const std::vector<uint8_t>& ink, int w, int h, const Params& p) {
  std::vector<Run> runs;
  for (int y = 0; y < h; ++y) {
    const uint8_t* row = ink.data() + static_cast<size_t>(y) * static_cast<size_t>(w);
    const uint8_t* next = y + 1 < h ? row + w : row;
    int start = -1, last = -1, count = 0;
    for (int x = 0; x < w; ++x) {
      if (!(row[x] | next[x])) continue;
      if (start >= 0 && x - last - 1 > p.gap) {
        if (last - start + 1 >= p.piece) runs.push_back({y, start, last, count});
        start = -1;
      }
      if (start < 0) start = x, count = 0;
      last = x;
      ++count;
    }
    if (start >= 0 && last - start + 1 >= p.piece) runs.push_back({y, start, last, count});
  }
  return runs;
}

// Vertical runs: one open run per band of columns, rows read in memory order.
std::vector<Run> ColumnRuns(const std::vector<uint8_t>& ink, int w, int h, const Params& p) {
  std::vector<Run> runs;
  std::vector<int> start(static_cast<size_t>(w), -1), last(static_cast<size_t>(w), -1), count(static_cast<size_t>(w), 0);
  for (int y = 0; y < h; ++y) {
    const uint8_t* row = ink.data() + static_cast<size_t>(y) * static_cast<size_t>(w);
    for (int x = 0; x < w; ++x) {
      if (!(row[x] | row[x + 1 < w ? x + 1 : x])) continue;
      size_t i = static_cast<size_t>(x);
      if (start[i] >= 0 && y - last[i] - 1 > p.gap) {
        if (last[i] - start[i] + 1 >= p.piece) runs.push_back({x, start[i], last[i], count[i]});
        start[i] = -1;
      }
      if (start[i] < 0) start[i] = y, count[i] = 0;
      last[i] = y;
      ++count[i];
    }
  }
  for (int x = 0; x < w; ++x) {
    size_t i = static_cast<size_t>(x);
    if (start[i] >= 0 && last[i] - start[i] + 1 >= p.piece) runs.push_back({x, start[i], last[i], count[i]});
  }
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
    return a.at != b.at ? a.at < b.at : a.from < b.from;
  });
  return runs;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), size_t{0}); }
  size_t Find(size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void Join(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

// Runs (sorted by row, then start) -> lines: runs of rows up to link_rows apart whose
// extents overlap or come within link_gap are one line; then the length, coverage and
// thickness tests of the header.
// The ink mask with the axes of a line: `along` x for a horizontal line, y for a vertical.
struct Mask {
  const std::vector<uint8_t>& ink;
  int w, h;
  bool horizontal;
  bool At(int along, int across) const {
    int x = horizontal ? along : across, y = horizontal ? across : along;
    return x >= 0 && x < w && y >= 0 && y < h && ink[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)];
  }
};

// The larger of the shares of the line's length with ink just beside it on either side
// (from `near` to 2 * `near` pixels off its edge, which is followed along a slant).
double SideInk(const std::vector<Run>& runs, const std::vector<size_t>& group, int from, int to, int near,
               const Mask& m) {
  size_t len = static_cast<size_t>(to - from + 1);
  std::vector<int> lo(len, std::numeric_limits<int>::max()), hi(len, std::numeric_limits<int>::min());
  for (size_t i : group)
    for (int k = runs[i].from; k <= runs[i].to; ++k) {
      size_t at = static_cast<size_t>(k - from);
      lo[at] = std::min(lo[at], runs[i].at);
      hi[at] = std::max(hi[at], runs[i].at + 1);  // a run's band is two pixels
    }
  size_t n = 0, before = 0, after = 0;
  for (size_t k = 0; k < len; ++k) {
    if (lo[k] == std::numeric_limits<int>::max()) continue;
    ++n;
    bool b = false, a = false;
    int along = from + static_cast<int>(k);
    for (int d = near; d <= 2 * near; ++d) {
      b = b || m.At(along, lo[k] - d);
      a = a || m.At(along, hi[k] + d);
    }
    before += b;
    after += a;
  }
  return n ? static_cast<double>(std::max(before, after)) / static_cast<double>(n) : 1;
}

std::vector<Ruling> Link(const std::vector<Run>& runs, const Mask& mask, int min_length, const Params& p) {
  const bool horizontal = mask.horizontal;
  UnionFind uf(runs.size());
  // rows[k]: the first run of each distinct row, in order.
  std::vector<size_t> row_begin;
  for (size_t i = 0; i < runs.size(); ++i)
    if (i == 0 || runs[i].at != runs[i - 1].at) row_begin.push_back(i);
  row_begin.push_back(runs.size());
  for (size_t r = 0; r + 1 < row_begin.size(); ++r) {
    int at = runs[row_begin[r]].at;
    for (size_t q = r + 1; q-- > 0;) {
      if (runs[row_begin[q]].at < at - p.link_rows) break;
      size_t other = row_begin[q];
      for (size_t i = row_begin[r]; i < row_begin[r + 1]; ++i) {
        const Run& a = runs[i];
        // Runs of one row are disjoint and sorted: the pointer only moves forward.
        while (other < row_begin[q + 1] && runs[other].to < a.from - p.link_gap) ++other;
        for (size_t j = other; j < row_begin[q + 1] && runs[j].from <= a.to + p.link_gap; ++j)
          if (j != i) uf.Join(i, j);
      }
    }
  }
  std::vector<std::vector<size_t>> groups(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) groups[uf.Find(i)].push_back(i);
  std::vector<Ruling> out;
  std::vector<std::pair<int, int>> spans;
  for (const std::vector<size_t>& g : groups) {
    if (g.empty()) continue;
    int from = runs[g[0]].from, to = runs[g[0]].to;
    double weighted = 0, total = 0;
    spans.clear();
    for (size_t i : g) {
      const Run& r = runs[i];
      from = std::min(from, r.from);
      to = std::max(to, r.to);
      double len = r.to - r.from + 1;
      weighted += r.at * len;
      total += len;
      spans.push_back({r.from, r.to});
    }
    if (to - from + 1 < min_length) continue;
    std::sort(spans.begin(), spans.end());
    double covered = 0;
    int end = -1;
    for (auto [a, b] : spans) {
      if (b <= end) continue;
      covered += b - std::max(a, end + 1) + 1;
      end = b;
    }
    // Coverage counts the bridged breaks as ink, as a scanned line looks to the eye.
    if (covered < kGridMinCoverage * (to - from + 1)) continue;
    double thickness = total / covered - 1;  // a band is one pixel wider than the line
    if (thickness > p.max_thickness) continue;
    // Text gives long thin runs too, along its baseline and the tops of its small
    // letters; but letters stand beside them, and a ruling line has paper on both sides.
    if (SideInk(runs, g, from, to, p.link_rows, mask) > kGridMaxSideInk) continue;
    Ruling rl;
    rl.horizontal = horizontal;
    rl.at = weighted / total + 0.5;  // the middle of the band
    rl.from = from;
    rl.to = to;
    rl.thickness = thickness;
    out.push_back(rl);
  }
  return out;
}

bool Meet(const Ruling& h, const Ruling& v, double touch) {
  return v.at >= h.from - touch && v.at <= h.to + touch && h.at >= v.from - touch && h.at <= v.to + touch;
}

// The group of each line (horizontal ones first): lines that meet, and lines meeting
// those, are one group.
std::vector<size_t> Groups(const std::vector<Ruling>& h, const std::vector<Ruling>& v, double touch) {
  UnionFind uf(h.size() + v.size());
  for (size_t i = 0; i < h.size(); ++i)
    for (size_t j = 0; j < v.size(); ++j)
      if (Meet(h[i], v[j], touch)) uf.Join(i, h.size() + j);
  std::vector<size_t> out(h.size() + v.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = uf.Find(i);
  return out;
}

// Keeps the groups with a horizontal line and three distinct vertical ones (two
// columns: what pdf::TakeTables reads).
void KeepGrids(std::vector<Ruling>& h, std::vector<Ruling>& v, double touch) {
  std::vector<size_t> group = Groups(h, v, touch);
  std::vector<int> hs(group.size(), 0);
  std::vector<std::vector<double>> xs(group.size());
  for (size_t i = 0; i < h.size(); ++i) ++hs[group[i]];
  for (size_t j = 0; j < v.size(); ++j) xs[group[h.size() + j]].push_back(v[j].at);
  std::vector<bool> grid(group.size(), false);
  for (size_t r = 0; r < group.size(); ++r) {
    std::vector<double>& x = xs[r];
    std::sort(x.begin(), x.end());
    int distinct = 0;
    for (size_t k = 0; k < x.size(); ++k)
      if (k == 0 || x[k] - x[k - 1] > touch) ++distinct;
    grid[r] = hs[r] >= 1 && distinct >= 3;
  }
  std::vector<Ruling> kh, kv;
  for (size_t i = 0; i < h.size(); ++i)
    if (grid[group[i]]) kh.push_back(h[i]);
  for (size_t j = 0; j < v.size(); ++j)
    if (grid[group[h.size() + j]]) kv.push_back(v[j]);
  h = std::move(kh);
  v = std::move(kv);
}

// Each end of a grid line must stand on a line across it, or lie beyond the grid: a
// vertical line past the outermost horizontal ones, as the outer vertical lines do (a
// table cut by a page break), a horizontal line past the outermost vertical ones (a
// table without side borders). Strokes of the letters in a cell that chain over two
// lines of text, and come near a ruling line at one end, go.
void DropLooseEnds(std::vector<Ruling>& h, std::vector<Ruling>& v, double touch) {
  std::vector<size_t> group = Groups(h, v, touch);
  struct Extent {
    double hmin = 1e18, hmax = -1e18;
    const Ruling *left = nullptr, *right = nullptr;
  };
  std::vector<Extent> ext(group.size());
  for (size_t i = 0; i < h.size(); ++i) {
    Extent& e = ext[group[i]];
    e.hmin = std::min(e.hmin, h[i].at);
    e.hmax = std::max(e.hmax, h[i].at);
  }
  for (size_t j = 0; j < v.size(); ++j) {
    Extent& e = ext[group[h.size() + j]];
    if (!e.left || v[j].at < e.left->at) e.left = &v[j];
    if (!e.right || v[j].at > e.right->at) e.right = &v[j];
  }
  auto on_h = [&](double x, double y) {
    return std::any_of(h.begin(), h.end(), [&](const Ruling& r) {
      return std::fabs(r.at - y) <= touch && x >= r.from - touch && x <= r.to + touch;
    });
  };
  auto on_v = [&](double x, double y) {
    return std::any_of(v.begin(), v.end(), [&](const Ruling& r) {
      return std::fabs(r.at - x) <= touch && y >= r.from - touch && y <= r.to + touch;
    });
  };
  std::vector<Ruling> kh, kv;
  for (size_t i = 0; i < h.size(); ++i) {
    const Extent& e = ext[group[i]];
    auto held = [&](double x) {
      return on_v(x, h[i].at) || (e.left && x < e.left->at - touch) || (e.right && x > e.right->at + touch);
    };
    if (held(h[i].from) && held(h[i].to)) kh.push_back(h[i]);
  }
  for (size_t j = 0; j < v.size(); ++j) {
    const Extent& e = ext[group[h.size() + j]];
    auto held = [&](double y, bool top) {
      if (on_h(v[j].at, y)) return true;
      if (y >= e.hmin - touch && y <= e.hmax + touch) return false;
      auto end = [&](const Ruling* r) { return std::fabs((top ? r->from : r->to) - y) <= touch; };
      return end(e.left) && end(e.right);
    };
    if (held(v[j].from, true) && held(v[j].to, false)) kv.push_back(v[j]);
  }
  h = std::move(kh);
  v = std::move(kv);
}

// The grids among the lines found, their line ends snapped onto the lines they meet.
std::vector<Ruling> Grids(std::vector<Ruling> h, std::vector<Ruling> v, const Params& p) {
  KeepGrids(h, v, p.touch);
  DropLooseEnds(h, v, p.touch);
  KeepGrids(h, v, p.touch);
  // Snap the ends, measured on the lines as found.
  std::vector<Ruling> sh = h, sv = v;
  for (size_t i = 0; i < h.size(); ++i)
    for (size_t j = 0; j < v.size(); ++j) {
      if (!Meet(h[i], v[j], p.touch)) continue;
      if (std::fabs(v[j].from - h[i].at) <= p.touch) sv[j].from = h[i].at;
      if (std::fabs(v[j].to - h[i].at) <= p.touch) sv[j].to = h[i].at;
      if (std::fabs(h[i].from - v[j].at) <= p.touch) sh[i].from = v[j].at;
      if (std::fabs(h[i].to - v[j].at) <= p.touch) sh[i].to = v[j].at;
    }
  auto by_at = [](const Ruling& a, const Ruling& b) { return a.at != b.at ? a.at < b.at : a.from < b.from; };
  std::sort(sh.begin(), sh.end(), by_at);
  std::sort(sv.begin(), sv.end(), by_at);
  sh.insert(sh.end(), sv.begin(), sv.end());
  return sh;
}

// Within `tol` of the rule on its thin side.
bool OnVertical(const Ruling& r, double x0, double x1, double tol) {
  return x0 >= r.at - r.thickness / 2 - tol && x1 <= r.at + r.thickness / 2 + tol;
}

}  // namespace

std::vector<Ruling> FindRulings(const GrayImage& image, const PageWords& geometry) {
  const int w = image.width, h = image.height;
  if (w <= 0 || h <= 0 || image.pixels.size() < static_cast<size_t>(w) * static_cast<size_t>(h)) return {};
  int dpi = image.dpi > 0 ? image.dpi : 300;
  Params p{Px(kGridRunGapMm, dpi),        Px(kGridMinPieceMm, dpi),     Px(kGridLinkGapMm, dpi),
           std::max(2, dpi / 150),        Px(kGridMinHorizontalMm, dpi), Px(kGridMinVerticalMm, dpi),
           Px(kGridMaxThicknessMm, dpi),  Px(kGridTouchMm, dpi),         Px(kGridOnRuleMm, dpi)};
  double skew = geometry.width == w && geometry.height == h ? geometry.skew_degrees : 0;
  std::vector<uint8_t> ink = DeskewedInk(image, skew);
  std::vector<Ruling> hl = Link(RowRuns(ink, w, h, p), Mask{ink, w, h, true}, p.min_h, p);
  std::vector<Ruling> vl = Link(ColumnRuns(ink, w, h, p), Mask{ink, w, h, false}, p.min_v, p);
  if (hl.empty() || vl.size() < 3) return {};
  return Grids(std::move(hl), std::move(vl), p);
}

void DropGridWords(const std::vector<Ruling>& rulings, PageWords& words) {
  if (rulings.empty()) return;
  int dpi = words.dpi > 0 ? words.dpi : 300;
  const double tol = Px(kGridOnRuleMm, dpi), near = Px(kGridNearRuleMm, dpi);
  auto bar = [](const std::string& t) { return t == "|" || t == "[" || t == "]" || t == "!"; };
  std::vector<OcrWord> out;
  out.reserve(words.words.size());
  for (OcrWord& w : words.words) {
    double cy = (w.y0 + w.y1) / 2.0;
    // The vertical rules across or near the word's middle; whether the word lies on a rule.
    std::vector<const Ruling*> close;
    bool on_rule = false;
    for (const Ruling& r : rulings) {
      if (r.horizontal) {
        double half = r.thickness / 2 + tol;
        if (w.y0 >= r.at - half && w.y1 <= r.at + half && w.x1 >= r.from - tol && w.x0 <= r.to + tol) on_rule = true;
        continue;
      }
      if (cy < r.from - tol || cy > r.to + tol) continue;
      if (OnVertical(r, w.x0, w.x1, tol)) on_rule = true;
      if (r.at + near > w.x0 && r.at - near < w.x1) close.push_back(&r);
    }
    if (on_rule) continue;
    std::string spelled;
    bool all_bars = !w.symbols.empty();
    for (const OcrSymbol& s : w.symbols) {
      spelled += s.text;
      all_bars = all_bars && bar(s.text);
    }
    if (close.empty() || w.symbols.empty() || spelled != w.text) {
      if (!close.empty() && all_bars && spelled == w.text) continue;
      out.push_back(std::move(w));
      continue;
    }
    // Symbol by symbol: a symbol on a rule goes; a rule between two symbols cuts the word.
    std::vector<OcrWord> pieces;
    OcrWord cur;
    double prev_mid = -1e18;
    auto flush = [&] {
      if (!cur.symbols.empty()) pieces.push_back(std::move(cur));
      cur = OcrWord{};
    };
    bool changed = false;
    for (const OcrSymbol& s : w.symbols) {
      double mid = (s.x0 + s.x1) / 2.0;
      bool on = false, between = false;
      for (const Ruling* r : close) {
        on = on || OnVertical(*r, s.x0, s.x1, tol);
        between = between || (!cur.symbols.empty() && prev_mid < r->at && r->at < mid);
      }
      if (on || between) {
        changed = true;
        flush();
      }
      if (on) continue;
      if (cur.symbols.empty()) {
        cur = w;
        cur.text.clear();
        cur.symbols.clear();
        cur.x0 = s.x0;
      }
      cur.text += s.text;
      cur.symbols.push_back(s);
      cur.x1 = s.x1;
      prev_mid = mid;
    }
    flush();
    // Bars at a piece's end next to a rule: the rule, read into the word ("|Sở").
    auto by_rule = [&](double x) {
      return std::any_of(close.begin(), close.end(), [&](const Ruling* r) { return std::fabs(r->at - x) <= near; });
    };
    for (OcrWord& piece : pieces) {
      std::vector<OcrSymbol>& sy = piece.symbols;
      size_t first = 0, last = sy.size();
      while (first < last && bar(sy[first].text) && by_rule(piece.x0)) ++first;
      while (last > first && bar(sy[last - 1].text) && by_rule(piece.x1)) --last;
      if (first == 0 && last == sy.size()) continue;
      changed = true;
      sy = std::vector<OcrSymbol>(sy.begin() + static_cast<long>(first), sy.begin() + static_cast<long>(last));
      piece.text.clear();
      for (const OcrSymbol& s : sy) piece.text += s.text;
      if (!sy.empty()) piece.x0 = sy.front().x0, piece.x1 = sy.back().x1;
    }
    if (!changed) {
      out.push_back(std::move(w));
      continue;
    }
    for (OcrWord& piece : pieces)
      if (!piece.symbols.empty()) out.push_back(std::move(piece));
  }
  words.words = std::move(out);
}

std::vector<pdf::Rule> RulesInPoints(const std::vector<Ruling>& rulings, const PageWords& geometry,
                                     double width_pt, double height_pt) {
  std::vector<pdf::Rule> out;
  if (geometry.width <= 0 || geometry.height <= 0) return out;
  double sx = width_pt / geometry.width, sy = height_pt / geometry.height;
  out.reserve(rulings.size());
  for (const Ruling& r : rulings) {
    if (r.horizontal) out.push_back({r.from * sx, r.at * sy, r.to * sx, r.at * sy});
    else out.push_back({r.at * sx, r.from * sy, r.at * sx, r.to * sy});
  }
  return out;
}

}  // namespace notices::ingest::ocr
