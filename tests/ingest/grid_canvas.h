// Page images drawn for the tests and the benchmark of ocr::FindRulings (ocr_grid.h):
// lines, tables and text-like strokes given in the deskewed frame, drawn turned back by
// the page's skew as a scanner would give them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "pipeline/ingest/ocr_engine.h"

namespace notices::ingest::ocr::testing_grid {

// A rectangle of ink in the deskewed frame, pixels.
struct Rect {
  double x0, y0, x1, y1;
};

// A white page of w x h pixels at `dpi` whose content, given in the deskewed frame, is
// drawn turned back by `skew` degrees: what a scanner gives for a page put in askew.
struct Canvas {
  GrayImage image;
  PageWords geometry;

  Canvas(int w, int h, int dpi, double skew) {
    image.width = geometry.width = w;
    image.height = geometry.height = h;
    image.dpi = geometry.dpi = dpi;
    geometry.skew_degrees = skew;
    image.pixels.assign(static_cast<size_t>(w) * static_cast<size_t>(h), 255);
  }

  void Fill(const Rect& r, uint8_t gray = 20) {
    double xs[4] = {r.x0, r.x1, r.x0, r.x1}, ys[4] = {r.y0, r.y0, r.y1, r.y1};
    double bx0 = 1e18, by0 = 1e18, bx1 = -1e18, by1 = -1e18;
    for (int k = 0; k < 4; ++k) {
      ToPageFrame(geometry, xs[k], ys[k]);
      bx0 = std::min(bx0, xs[k]), bx1 = std::max(bx1, xs[k]);
      by0 = std::min(by0, ys[k]), by1 = std::max(by1, ys[k]);
    }
    for (int y = std::max(0, static_cast<int>(by0) - 1); y <= std::min(image.height - 1, static_cast<int>(by1) + 1); ++y)
      for (int x = std::max(0, static_cast<int>(bx0) - 1); x <= std::min(image.width - 1, static_cast<int>(bx1) + 1);
           ++x) {
        double dx = x + 0.5, dy = y + 0.5;
        ToDeskewedFrame(geometry, dx, dy);
        if (dx >= r.x0 && dx < r.x1 && dy >= r.y0 && dy < r.y1)
          image.pixels[static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)] = gray;
      }
  }

  // A horizontal line at y from x0 to x1, `thick` pixels; every `period` pixels a break
  // of `gap` pixels (period 0: unbroken).
  void HLine(double y, double x0, double x1, double thick, int period = 0, int gap = 0) {
    for (double x = x0; x < x1; x += period ? period : x1 - x0)
      Fill({x, y - thick / 2, std::min(x1, x + (period ? period - gap : x1 - x0)), y + thick / 2});
  }
  void VLine(double x, double y0, double y1, double thick, int period = 0, int gap = 0) {
    for (double y = y0; y < y1; y += period ? period : y1 - y0)
      Fill({x - thick / 2, y, x + thick / 2, std::min(y1, y + (period ? period - gap : y1 - y0))});
  }

  // Text-like strokes in [x0, x1] x [y0, y1]: lines of "letters" of 14 pt at 300 dpi
  // (stems, bowls, serifs, a dash and an underscore now and then), words apart.
  void Text(double x0, double y0, double x1, double y1, unsigned seed) {
    std::mt19937 rng(seed);
    const double em = 58 * image.dpi / 300.0, pitch = 1.5 * em;
    for (double base = y0 + em; base < y1; base += pitch) {
      double x = x0;
      while (x < x1 - em) {
        int letters = 2 + static_cast<int>(rng() % 6);
        for (int k = 0; k < letters && x < x1 - em; ++k) {
          double wl = em * (0.4 + (rng() % 30) / 100.0), stem = em * 0.08;
          bool tall = rng() % 3 == 0;
          Fill({x, base - (tall ? 0.7 : 0.45) * em, x + stem, base});              // left stem
          if (rng() % 2) Fill({x + wl - stem, base - 0.45 * em, x + wl, base});    // right stem
          Fill({x, base - 0.45 * em, x + wl, base - 0.45 * em + stem * 0.6});      // top bar
          Fill({x - stem, base - stem * 0.5, x + stem * 2, base});                 // serif
          if (rng() % 12 == 0) Fill({x, base - 0.25 * em, x + wl, base - 0.2 * em});  // dash
          x += wl + em * 0.05;
        }
        if (rng() % 10 == 0) Fill({x, base + 0.05 * em, x + em * 1.5, base + 0.1 * em});  // "__"
        x += em * 0.3;
      }
    }
  }
};

struct Table {
  std::vector<double> xs, ys;  // vertical lines' x, horizontal lines' y (deskewed pixels)
};

inline Table DrawTable(Canvas& c, double x0, double y0, int cols, int rows, double col_w, double row_h, double thick,
                int period = 0, int gap = 0) {
  Table t;
  for (int i = 0; i <= cols; ++i) t.xs.push_back(x0 + i * col_w);
  for (int j = 0; j <= rows; ++j) t.ys.push_back(y0 + j * row_h);
  for (double y : t.ys) c.HLine(y, t.xs.front(), t.xs.back(), thick, period, gap);
  for (double x : t.xs) c.VLine(x, t.ys.front(), t.ys.back(), thick, period, gap);
  return t;
}

}  // namespace notices::ingest::ocr::testing_grid
