// Throughput of text ingest (DecodeText), per input encoding, detection included unless
// the name says "forced". Inputs are the converted seeds of tests/data/encodings/,
// repeated to about 1 MB (and once as is, the size of a real notice).
//
//   build/tests/bench/decode_bench --benchmark_min_time=0.5
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "pipeline/ingest/text_decoder.h"

namespace notices::ingest {
namespace {

std::string Load(const std::string& name) {
  std::ifstream in(name == "utf-8" ? std::string(NOTICES_SAMPLES_DIR) + "/seed-000.txt"
                                   : std::string(NOTICES_TESTDATA_DIR) + "/encodings/seed-000." +
                                         name + ".txt",
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Repeat(const std::string& part, size_t size) {
  std::string out;
  while (!part.empty() && out.size() < size) out += part;
  return out;
}

void Decode(benchmark::State& state, const std::string& name, size_t size, const char* forced) {
  std::string bytes = size == 0 ? Load(name) : Repeat(Load(name), size);
  TextOptions options;
  options.encoding = forced;
  if (!DecodeText(bytes, options)) {
    state.SkipWithError("the input does not decode");
    return;
  }
  for (auto _ : state) {
    auto r = DecodeText(bytes, options);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes.size()));
}

constexpr size_t kMegabyte = 1 << 20;

BENCHMARK_CAPTURE(Decode, utf8_notice, std::string("utf-8"), 0, "");
BENCHMARK_CAPTURE(Decode, utf8_1mb, std::string("utf-8"), kMegabyte, "");
BENCHMARK_CAPTURE(Decode, utf8_bom_1mb, std::string("utf-8-bom"), kMegabyte, "");
BENCHMARK_CAPTURE(Decode, mojibake_1mb, std::string("utf-8-mojibake"), kMegabyte, "");
BENCHMARK_CAPTURE(Decode, utf16le_1mb, std::string("utf-16le"), kMegabyte, "");
BENCHMARK_CAPTURE(Decode, tcvn3_notice, std::string("tcvn3"), 0, "");
BENCHMARK_CAPTURE(Decode, tcvn3_1mb, std::string("tcvn3"), kMegabyte, "");
BENCHMARK_CAPTURE(Decode, tcvn3_1mb_forced, std::string("tcvn3"), kMegabyte, "tcvn3");
BENCHMARK_CAPTURE(Decode, vni_1mb, std::string("vni"), kMegabyte, "");
BENCHMARK_CAPTURE(Decode, windows1258_1mb, std::string("windows-1258"), kMegabyte, "");

}  // namespace
}  // namespace notices::ingest

BENCHMARK_MAIN();
