// Throughput of the normalize stage, in MB/s of decoded input, on seed-like text (the two
// seed notices repeated to a few megabytes, pages separated by form feeds), and of its
// character pass alone.
//
//   build/tests/bench/notices_normalize_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/ingest/text_decoder.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/normalize/tone.h"
#include "pipeline/ruleset/ruleset.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The seeds, repeated to at least `bytes`.
std::string SeedText(size_t bytes) {
  std::string one = ReadFile(NOTICES_SAMPLES_DIR "/seed-000.txt") + "\f" +
                    ReadFile(NOTICES_SAMPLES_DIR "/seed-001.txt") + "\f";
  std::string out;
  while (out.size() < bytes) out += one;
  return out;
}

// One notice at a time, as the pipeline calls it.
void BM_NormalizeOneNotice(benchmark::State& state) {
  auto rules = notices::ruleset::RuleSet::Builtin().value();
  auto normalizer = notices::normalize::Normalizer::Create(rules, {});
  auto decoded = notices::ingest::DecodeText(ReadFile(NOTICES_SAMPLES_DIR "/seed-001.txt"), {}).value();
  for (auto _ : state) {
    auto n = normalizer->Run(decoded);
    benchmark::DoNotOptimize(n.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(decoded.text.size()));
}
BENCHMARK(BM_NormalizeOneNotice);

// A large seed-like text in one call.
void BM_NormalizeSeedText(benchmark::State& state) {
  auto rules = notices::ruleset::RuleSet::Builtin().value();
  auto normalizer = notices::normalize::Normalizer::Create(rules, {});
  auto decoded = notices::ingest::DecodeText(SeedText(static_cast<size_t>(state.range(0)) << 20), {}).value();
  for (auto _ : state) {
    auto n = normalizer->Run(decoded);
    benchmark::DoNotOptimize(n.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(decoded.text.size()));
}
BENCHMARK(BM_NormalizeSeedText)->Arg(4)->Unit(benchmark::kMillisecond);

// The free function with the built-in rules (its Normalizer is cached).
void BM_NormalizeFreeFunction(benchmark::State& state) {
  auto rules = notices::ruleset::RuleSet::Builtin().value();
  auto decoded = notices::ingest::DecodeText(ReadFile(NOTICES_SAMPLES_DIR "/seed-001.txt"), {}).value();
  for (auto _ : state) {
    auto n = notices::normalize::Normalize(decoded, *rules, {});
    benchmark::DoNotOptimize(n.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(decoded.text.size()));
}
BENCHMARK(BM_NormalizeFreeFunction)->Unit(benchmark::kMicrosecond);

// A `pdftotext -layout` plan whose second page is a task table (layout_table.h): the
// table is found and the lines are built twice.
void BM_NormalizeLayoutTable(benchmark::State& state) {
  auto rules = notices::ruleset::RuleSet::Builtin().value();
  auto normalizer = notices::normalize::Normalizer::Create(rules, {});
  auto decoded =
      notices::ingest::DecodeText(ReadFile(NOTICES_SAMPLES_DIR "/kh-phu-luc-nhiem-vu.layout.txt"), {}).value();
  for (auto _ : state) {
    auto n = normalizer->Run(decoded);
    benchmark::DoNotOptimize(n.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(decoded.text.size()));
}
BENCHMARK(BM_NormalizeLayoutTable)->Unit(benchmark::kMicrosecond);

// Tone placement alone, on the same text.
void BM_CanonicalTones(benchmark::State& state) {
  std::string text = SeedText(1 << 20);
  std::string out;
  for (auto _ : state) {
    out.clear();
    notices::normalize::AppendCanonicalTones(text, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CanonicalTones)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
