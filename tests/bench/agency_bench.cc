// Speed of the agency finder: FindAll over whole notices (the seeds in samples/, about
// 10 and 14 KB), in both match modes, and the one-off cost of Create.
//
//   build/tests/bench/agency_bench --benchmark_min_time=0.5
#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "pipeline/extract/agency_finder.h"

namespace notices::extract {
namespace {

std::string ReadSample(const char* name) {
  std::ifstream in(std::string(NOTICES_SAMPLES_DIR) + "/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const AgencyFinder& Finder() {
  static const AgencyFinder finder = AgencyFinder::Create(ruleset::RuleSet::Builtin().value()).value();
  return finder;
}

void FindAllIn(benchmark::State& state, const char* sample, MatchMode mode) {
  const AgencyFinder& finder = Finder();
  std::string text = ReadSample(sample);
  if (text.empty()) {
    state.SkipWithError("sample missing");
    return;
  }
  size_t mentions = 0;
  for (auto _ : state) {
    auto found = finder.FindAll(text, {0, text.size()}, mode);
    mentions = found.size();
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["bytes"] = static_cast<double>(text.size());
  state.counters["mentions"] = static_cast<double>(mentions);
}

void BM_FindAll_Seed000(benchmark::State& s) { FindAllIn(s, "seed-000.txt", MatchMode::kExact); }
void BM_FindAll_Seed001(benchmark::State& s) { FindAllIn(s, "seed-001.txt", MatchMode::kExact); }
void BM_FindAll_Seed000_Folded(benchmark::State& s) { FindAllIn(s, "seed-000.txt", MatchMode::kFolded); }
BENCHMARK(BM_FindAll_Seed000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FindAll_Seed001)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FindAll_Seed000_Folded)->Unit(benchmark::kMicrosecond);

void BM_Canonical(benchmark::State& state) {
  const AgencyFinder& finder = Finder();
  for (auto _ : state) benchmark::DoNotOptimize(finder.Canonical("Sở KH&CN"));
}
BENCHMARK(BM_Canonical)->Unit(benchmark::kMicrosecond);

void BM_Create(benchmark::State& state) {
  auto rules = ruleset::RuleSet::Builtin().value();
  for (auto _ : state) benchmark::DoNotOptimize(AgencyFinder::Create(rules));
}
BENCHMARK(BM_Create)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace notices::extract

BENCHMARK_MAIN();
