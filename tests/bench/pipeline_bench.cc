// End-to-end throughput of text input: bytes -> decoded -> normalized -> segmented ->
// extracted -> one JSON line, on the seed notices and the hand-written samples.
//
//   build/tests/bench/pipeline_bench --benchmark_min_time=1
// Reports documents per second (items_per_second) and MB/s of input (bytes_per_second).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/emit/json_writer.h"
#include "pipeline/pipeline.h"
#include "pipeline/segment/segmenter.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const notices::Pipeline& SharedPipeline() {
  static const notices::Pipeline* p = [] {
    auto rules = notices::ruleset::RuleSet::Builtin().value();
    return new notices::Pipeline(notices::Pipeline::Create(rules, {}).value());
  }();
  return *p;
}

void RunOne(benchmark::State& state, const std::string& name) {
  const notices::Pipeline& p = SharedPipeline();
  std::string bytes = ReadFile(std::string(NOTICES_SAMPLES_DIR "/") + name);
  size_t tasks = 0;
  for (auto _ : state) {
    notices::Record r = p.RunBytes(name, bytes);
    std::string line = notices::emit::RecordToJsonLine(r, {});
    tasks = r.tasks.size();
    benchmark::DoNotOptimize(line);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.counters["tasks"] = static_cast<double>(tasks);
}

// The stages one by one on seed 000, to see where the time goes.
void BM_Stages(benchmark::State& state) {
  const notices::Pipeline& p = SharedPipeline();
  std::string bytes = ReadFile(NOTICES_SAMPLES_DIR "/seed-000.txt");
  const int stage = static_cast<int>(state.range(0));
  auto decoded = notices::ingest::DecodeText(bytes, {}).value();
  auto normalized = notices::normalize::Normalize(decoded, p.rules(), {});
  auto tree = notices::segment::Segment(normalized, p.rules());
  notices::Record record;
  record.source.sha256 = std::string(64, '0');
  p.extractor().Extract(normalized, tree, {}, record);
  for (auto _ : state) {
    switch (stage) {
      case 0: benchmark::DoNotOptimize(notices::ingest::DecodeText(bytes, {})); break;
      case 1: benchmark::DoNotOptimize(notices::normalize::Normalize(decoded, p.rules(), {})); break;
      case 2: benchmark::DoNotOptimize(notices::segment::Segment(normalized, p.rules())); break;
      case 3: {
        notices::Record r;
        r.source.sha256 = record.source.sha256;
        p.extractor().Extract(normalized, tree, {}, r);
        benchmark::DoNotOptimize(r);
        break;
      }
      case 4: benchmark::DoNotOptimize(notices::emit::RecordToJsonLine(record, {})); break;
    }
  }
  static const char* kNames[] = {"decode", "normalize", "segment", "extract", "json"};
  state.SetLabel(kNames[stage]);
}
BENCHMARK(BM_Stages)->DenseRange(0, 4);

void BM_ExtractSeed000(benchmark::State& state) { RunOne(state, "seed-000.txt"); }
void BM_ExtractSeed001(benchmark::State& state) { RunOne(state, "seed-001.txt"); }
void BM_ExtractRolesTraps(benchmark::State& state) { RunOne(state, "tb-roles-traps.txt"); }
void BM_ExtractPdfSeed000(benchmark::State& state) { RunOne(state, "seed-000.pdf"); }
BENCHMARK(BM_ExtractSeed000);
BENCHMARK(BM_ExtractSeed001);
BENCHMARK(BM_ExtractRolesTraps);
BENCHMARK(BM_ExtractPdfSeed000);

}  // namespace

BENCHMARK_MAIN();
