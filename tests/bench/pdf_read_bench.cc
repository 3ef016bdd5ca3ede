// Benchmarks of ingest::ReadPdf (Google Benchmark), and a driver for whole-process
// comparisons with pdftotext (tests/bench/pdf_vs_pdftotext.sh):
//
//   pdf_read_bench --benchmark_filter=ReadPdf -- FILE.pdf     # ReadPdf on FILE, in process
//   pdf_read_bench --extract A.pdf B.pdf ...                 # text of each to stdout
//
// Figures go in notes, never in assertions.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/ingest/pdf_reader.h"

namespace {

std::vector<std::string>& Files() {
  static std::vector<std::string> files;
  return files;
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void BM_ReadPdf(benchmark::State& state) {
  std::vector<std::string> bytes;
  for (const std::string& f : Files()) bytes.push_back(ReadFile(f));
  size_t pages = 0;
  for (auto _ : state) {
    for (const std::string& b : bytes) {
      auto r = notices::ingest::ReadPdf(b, {});
      if (r) pages += static_cast<size_t>(*r->page_count);
      benchmark::DoNotOptimize(r);
    }
  }
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadPdf)->Unit(benchmark::kMillisecond);

int Extract(int argc, char** argv) {
  int failed = 0;
  for (int i = 2; i < argc; ++i) {
    auto r = notices::ingest::ReadPdf(ReadFile(argv[i]), {});
    if (!r) {
      std::cerr << argv[i] << ": " << r.error().message << "\n";
      ++failed;
      continue;
    }
    std::cout << r->text << '\f';
  }
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--extract") == 0) return Extract(argc, argv);
  // Files after "--"; default: the samples.
  int keep = argc;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) {
      for (int k = i + 1; k < argc; ++k) Files().push_back(argv[k]);
      keep = i;
      break;
    }
  }
  if (Files().empty()) {
    Files().push_back(std::string(NOTICES_SAMPLES_DIR) + "/seed-000.pdf");
    Files().push_back(std::string(NOTICES_SAMPLES_DIR) + "/seed-001.pdf");
  }
  benchmark::Initialize(&keep, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
