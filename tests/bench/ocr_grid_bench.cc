// Benchmark of ocr::FindRulings (pipeline/ingest/ocr_grid.h) on A4 pages at 300 dpi
// drawn by tests/ingest/grid_canvas.h: a task table with text in its cells, level and
// turned by 0.8 degree, and a page of prose (no grid). Figures go in notes, never in
// assertions; compare with Tesseract's seconds a page (ocr_bench --pages).
//
//   build/tests/bench/ocr_grid_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include "pipeline/ingest/ocr_grid.h"
#include "tests/ingest/grid_canvas.h"

namespace {

using notices::ingest::ocr::testing_grid::Canvas;

Canvas A4Page(double skew, bool table) {
  Canvas c(2480, 3508, 300, skew);
  if (table) {
    auto t = notices::ingest::ocr::testing_grid::DrawTable(c, 180, 400, 6, 14, 350, 200, 3);
    for (size_t j = 0; j + 1 < t.ys.size(); ++j)
      for (size_t i = 0; i + 1 < t.xs.size(); ++i)
        c.Text(t.xs[i] + 15, t.ys[j] + 20, t.xs[i + 1] - 15, t.ys[j] + 180, static_cast<unsigned>(i * 31 + j));
  } else {
    c.Text(250, 250, 2230, 3250, 1);
  }
  return c;
}

void BM_FindRulings(benchmark::State& state, double skew, bool table) {
  Canvas c = A4Page(skew, table);
  size_t lines = 0;
  for (auto _ : state) {
    auto r = notices::ingest::ocr::FindRulings(c.image, c.geometry);
    lines = r.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["lines"] = static_cast<double>(lines);
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(BM_FindRulings, TableLevel, 0.0, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FindRulings, TableTurned, 0.8, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FindRulings, ProseTurned, 0.8, false)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
