// Emitter throughput on synthetic records (10 tasks each, two agencies and a deadline
// per task): JSON Lines alone, against the SQLite import (with and without the FTS index),
// CSV and iCalendar. Figures go in notes, never in assertions.
//   build/tests/emit/emit_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "pipeline/emit/csv_writer.h"
#include "pipeline/emit/ics_writer.h"
#include "pipeline/emit/json_writer.h"
#include "pipeline/emit/sqlite_store.h"
#include "tests/emit/sample_records.h"

namespace {

using notices::Record;
namespace emit = notices::emit;

const std::vector<Record>& Records() {
  static const std::vector<Record> records = notices::testing::SyntheticBatch(1000);
  return records;
}

void BM_JsonLines(benchmark::State& state) {
  const auto& records = Records();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const Record& r : records) {
      std::string line = emit::RecordToJsonLine(r, {});
      bytes += line.size();
      benchmark::DoNotOptimize(line);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * records.size()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_JsonLines)->Unit(benchmark::kMillisecond);

// Arg 0: batch size; arg 1: schema version (1: no FTS index, 2: the latest); arg 2: 1 to
// store the normalized text of each document (the default), 0 not to.
void BM_SqliteImport(benchmark::State& state) {
  const auto& records = Records();
  const std::string path = std::filesystem::temp_directory_path().string() + "/notices-bench-" +
                           std::to_string(getpid()) + ".db";
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    emit::SqliteOptions opt;
    opt.batch_size = static_cast<size_t>(state.range(0));
    opt.schema_version = static_cast<int>(state.range(1));
    opt.store_text = state.range(2) != 0;
    auto store = emit::SqliteStore::Open(path, opt);
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      return;
    }
    state.ResumeTiming();
    (void)(*store)->BeginRun({});
    for (const Record& r : records) (void)(*store)->Add(r);
    (void)(*store)->FinishRun();
  }
  // The database file after a final checkpoint, per record.
  {
    emit::SqliteOptions same;
    same.schema_version = static_cast<int>(state.range(1));
    auto store = emit::SqliteStore::Open(path, same);  // closing the last connection checkpoints
  }
  state.counters["db_bytes_per_record"] =
      static_cast<double>(std::filesystem::file_size(path)) / static_cast<double>(records.size());
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * records.size()));
}
BENCHMARK(BM_SqliteImport)
    ->Args({50, 2, 1})
    ->Args({50, 2, 0})
    ->Args({50, 1, 1})
    ->Args({500, 2, 1})
    ->Args({1, 2, 1})
    ->Unit(benchmark::kMillisecond);

void BM_Csv(benchmark::State& state) {
  const auto& records = Records();
  for (auto _ : state) {
    std::ostringstream out;
    emit::CsvWriter w(out, {});
    w.Begin();
    for (const Record& r : records) w.Write(r);
    w.Finish();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * records.size()));
}
BENCHMARK(BM_Csv)->Unit(benchmark::kMillisecond);

void BM_Ics(benchmark::State& state) {
  const auto& records = Records();
  for (auto _ : state) {
    std::ostringstream out;
    emit::IcsWriter w(out, {});
    w.Begin();
    for (const Record& r : records) w.Write(r);
    w.Finish();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * records.size()));
}
BENCHMARK(BM_Ics)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
