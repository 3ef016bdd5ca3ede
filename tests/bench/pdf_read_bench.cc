// Benchmarks of ingest::ReadPdf (Google Benchmark), and a driver for whole-process
// comparisons with pdftotext (tests/bench/pdf_vs_pdftotext.sh):
//
//   pdf_read_bench --benchmark_filter=ReadPdf -- FILE.pdf     # ReadPdf on FILE, in process
//   pdf_read_bench --benchmark_filter=Borderless              # task tables without borders
//   pdf_read_bench --extract A.pdf B.pdf ...                 # text of each to stdout
//
// Borderless tables (pipeline/ingest/pdf_borderless.h): BM_ReadPdfBorderless reads the
// samples/*.borderless.pdf with the column vocabulary (/1) and without it (/0, the tables
// come out as loose text), so the difference is the cost of finding and reading them;
// BM_BorderlessTablePage runs the finder and TakeTables alone on a page of 30 rows built
// by hand.
//
// Figures go in notes, never in assertions.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/ingest/pdf_borderless.h"
#include "pipeline/ingest/pdf_reader.h"
#include "pipeline/ingest/pdf_table.h"
#include "pipeline/ruleset/ruleset.h"

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

std::shared_ptr<const notices::ingest::pdf::ColumnVocabulary> Vocabulary();

// Reads every PDF of `bytes` per iteration; returns the pages read in all.
size_t ReadAll(benchmark::State& state, const std::vector<std::string>& bytes,
               const notices::ingest::PdfOptions& options) {
  size_t pages = 0;
  for (auto _ : state) {
    for (const std::string& b : bytes) {
      auto r = notices::ingest::ReadPdf(b, options);
      if (r) pages += static_cast<size_t>(*r->page_count);
      benchmark::DoNotOptimize(r);
    }
  }
  return pages;
}

// /0: ReadPdf's defaults; /1: with the column vocabulary, as Pipeline reads PDFs (the
// pages are searched for borderless task tables).
void BM_ReadPdf(benchmark::State& state) {
  std::vector<std::string> bytes;
  for (const std::string& f : Files()) bytes.push_back(ReadFile(f));
  notices::ingest::PdfOptions options;
  if (state.range(0) == 1) options.table_columns = Vocabulary();
  size_t pages = ReadAll(state, bytes, options);
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadPdf)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

std::shared_ptr<const notices::ingest::pdf::ColumnVocabulary> Vocabulary() {
  static auto v = notices::ingest::pdf::ColumnVocabulary::Create(notices::ruleset::RuleSet::Builtin().value()).value();
  return v;
}

void BM_ReadPdfBorderless(benchmark::State& state) {
  std::vector<std::string> bytes;
  for (const char* name : {"kh-o-gop", "kh-bang-qua-trang", "kh-phu-luc-nhiem-vu"})
    bytes.push_back(ReadFile(std::string(NOTICES_SAMPLES_DIR) + "/" + name + ".borderless.pdf"));
  notices::ingest::PdfOptions options;
  if (state.range(0) == 1) options.table_columns = Vocabulary();
  size_t pages = ReadAll(state, bytes, options);
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
  state.counters["s/page"] = benchmark::Counter(static_cast<double>(pages),
                                                benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_ReadPdfBorderless)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// A page with a borderless task table: header, then 30 rows of five cells, the task
// wrapped over two lines (12 pt, characters 6 pt wide).
notices::ingest::pdf::Page TablePage() {
  using notices::ingest::pdf::Word;
  notices::ingest::pdf::Page page;
  notices::ingest::pdf::Block block;
  auto put = [&](double x, double base, const std::string& text) {
    notices::ingest::pdf::Line line;
    size_t at = 0;
    while (at <= text.size()) {
      size_t end = std::min(text.find(' ', at), text.size());
      Word w;
      w.text = text.substr(at, end - at);
      size_t chars = 0;
      for (unsigned char c : w.text) chars += (c & 0xC0) != 0x80;
      w.x0 = x;
      w.x1 = x + 6.0 * static_cast<double>(chars);
      w.base = base;
      w.y0 = base - 10;
      w.y1 = base + 2;
      w.size = 12;
      w.space_after = true;
      x = w.x1 + 3;
      line.words.push_back(std::move(w));
      at = end + 1;
    }
    block.lines.push_back(std::move(line));
  };
  put(62, 40, "STT");
  put(130, 40, "Nội dung nhiệm vụ");
  put(305, 40, "Chủ trì");
  put(410, 40, "Phối hợp");
  put(515, 40, "Thời hạn");
  for (int r = 0; r < 30; ++r) {
    double base = 60 + r * 25.0;
    put(60, base, std::to_string(r + 1));
    put(100, base, r % 2 ? "Xây dựng kế hoạch triển khai" : "Tập huấn nghiệp vụ cho");
    put(100, base + 12, r % 3 ? "cán bộ cấp xã" : "các đơn vị");
    put(290, base, r % 2 ? "Sở Tài chính" : "Sở Nội vụ");
    put(400, base, r % 2 ? "Sở Tư pháp" : "Công an tỉnh");
    put(510, base, r % 2 ? "Quý III/2026" : "Tháng 8/2026");
  }
  page.blocks.push_back(std::move(block));
  return page;
}

// A page of prose: 40 justified lines of 11 words (gaps of 7 pt: every word a piece).
notices::ingest::pdf::Page ProsePage() {
  notices::ingest::pdf::Page page;
  notices::ingest::pdf::Block block;
  const char* words[] = {"Sở", "Tài", "chính", "chủ", "trì,", "phối", "hợp", "với", "các", "sở,", "ngành"};
  for (int l = 0; l < 40; ++l) {
    notices::ingest::pdf::Line line;
    double x = 85;
    for (const char* text : words) {
      notices::ingest::pdf::Word w;
      w.text = text;
      w.x0 = x;
      w.x1 = x + 6.0 * static_cast<double>(w.text.size());
      w.base = 60 + l * 18.0;
      w.y0 = w.base - 10;
      w.y1 = w.base + 2;
      w.size = 13;
      w.space_after = true;
      x = w.x1 + 7;
      line.words.push_back(std::move(w));
    }
    block.lines.push_back(std::move(line));
  }
  page.blocks.push_back(std::move(block));
  return page;
}

// What every page of a PDF pays: the search on a page without a table.
void BM_BorderlessProsePage(benchmark::State& state) {
  const notices::ingest::pdf::Page page = ProsePage();
  for (auto _ : state) {
    notices::ingest::pdf::BorderlessCarry carry;
    std::vector<notices::ingest::pdf::Rule> lines = notices::ingest::pdf::BorderlessRules(page, *Vocabulary(), carry);
    benchmark::DoNotOptimize(lines);
  }
}
BENCHMARK(BM_BorderlessProsePage)->Unit(benchmark::kMicrosecond);

// /0: finding the table (its ruling lines) only; /1: and reading it with TakeTables, on a
// copy of the page (TakeTables takes its words out).
void BM_BorderlessTablePage(benchmark::State& state) {
  const notices::ingest::pdf::Page page = TablePage();
  size_t rules = 0, rows = 0;
  for (auto _ : state) {
    notices::ingest::pdf::BorderlessCarry carry;
    std::vector<notices::ingest::pdf::Rule> lines = notices::ingest::pdf::BorderlessRules(page, *Vocabulary(), carry);
    rules += lines.size();
    if (state.range(0) == 1) {
      notices::ingest::pdf::Page copy = page;
      std::vector<notices::ingest::pdf::PageTable> tables = notices::ingest::pdf::TakeTables(copy, lines);
      for (const auto& t : tables) rows += t.rows.size();
      benchmark::DoNotOptimize(tables);
    }
    benchmark::DoNotOptimize(lines);
  }
  state.counters["rules"] = benchmark::Counter(static_cast<double>(rules), benchmark::Counter::kAvgIterations);
  state.counters["rows"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_BorderlessTablePage)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

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
