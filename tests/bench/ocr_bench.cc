// Benchmarks of OCR in PDF ingest (Google Benchmark), and drivers for measurements by
// hand. Figures go in notes, never in assertions.
//
//   ocr_bench --benchmark_filter=TextPdf -- FILE.pdf   # ReadPdf on a text PDF: OCR auto vs never
//   ocr_bench --pages [--threads N] [--dpi D] FILE.pdf # seconds per page: render, Tesseract,
//                                                       # grid lines found (ocr_grid.h),
//                                                       # whole ReadPdf (kAlways), N workers
//   ocr_bench --text [--mode auto|always|never] [--threads N] [--dpi D] FILE.pdf
//                                                       # ReadPdf's text, OCR pages, low-confidence words
//   ocr_bench --words FILE.pdf                          # Tesseract's words: line, box, confidence
//   ocr_bench --images DIR [--dpi D] FILE.pdf          # the page images OCR sees, as PGM
//                                                       # (to compare with the tesseract command)
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/ingest/ocr_reader.h"
#include "pipeline/ingest/pdf_reader.h"

namespace {

using notices::ingest::OcrMode;
using notices::ingest::PdfOptions;

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

void BM_TextPdf(benchmark::State& state, OcrMode mode) {
  std::vector<std::string> bytes;
  for (const std::string& f : Files()) bytes.push_back(ReadFile(f));
  PdfOptions opt;
  opt.ocr.mode = mode;
  size_t pages = 0;
  for (auto _ : state) {
    for (const std::string& b : bytes) {
      auto r = notices::ingest::ReadPdf(b, opt);
      if (r) pages += static_cast<size_t>(*r->page_count);
      if (r && !r->ocr_pages.empty()) state.SkipWithError("a text PDF was OCRed");
      benchmark::DoNotOptimize(r);
    }
  }
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_TextPdf, ocr_never, OcrMode::kNever)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TextPdf, ocr_auto, OcrMode::kAuto)->Unit(benchmark::kMillisecond);

struct Args {
  PdfOptions options;
  std::vector<std::string> files;
  std::string dir;
};

Args ParseArgs(int argc, char** argv, int from) {
  Args a;
  a.options.ocr.mode = OcrMode::kAuto;
  for (int i = from; i < argc; ++i) {
    std::string s = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (s == "--threads") a.options.ocr.threads = std::stoi(next());
    else if (s == "--dpi") a.options.ocr.dpi = std::stoi(next());
    else if (s == "--budget") a.options.ocr.time_budget_ms = std::stol(next());
    else if (s == "--mode") {
      std::string m = next();
      a.options.ocr.mode = m == "always" ? OcrMode::kAlways : m == "never" ? OcrMode::kNever : OcrMode::kAuto;
    } else if (s == "--dir") a.dir = next();
    else if (s == "--lang") a.options.ocr.language = next();
    else a.files.push_back(s);
  }
  return a;
}

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double Seconds(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

int Pages(const Args& a) {
  for (const std::string& file : a.files) {
    std::string bytes = ReadFile(file);
    notices::ingest::PdfReport report;
    PdfOptions never = a.options;
    never.ocr.mode = OcrMode::kNever;
    (void)notices::ingest::ReadPdf(bytes, never, &report);  // sets Poppler up; page count
    std::vector<int> pages;
    for (size_t p = 0; p < report.pages.size(); ++p) pages.push_back(static_cast<int>(p) + 1);
    // Warm-up: the engines of the pool load their model once per process.
    (void)notices::ingest::OcrPdfPages(bytes, a.options, {1}, notices::ingest::Deadline::max());
    auto t0 = std::chrono::steady_clock::now();
    double cpu0 = CpuSeconds();
    auto results = notices::ingest::OcrPdfPages(bytes, a.options, pages, notices::ingest::Deadline::max());
    double wall = Seconds(t0), cpu = CpuSeconds() - cpu0;
    double render = 0, ocr = 0;
    for (const auto& r : results) {
      render += r.render_cpu_ms / 1000;
      ocr += r.ocr_cpu_ms / 1000;
      std::cout << file << " page " << r.page << ": render " << std::fixed << std::setprecision(2)
                << r.render_cpu_ms / 1000 << " s, deskew + tesseract " << r.ocr_cpu_ms / 1000 << " s (CPU), words "
                << r.words.words.size() << ", skew " << r.words.skew_degrees << ", grid lines " << r.rulings.size()
                << " in " << std::setprecision(1) << r.grid_cpu_ms << " ms"
                << (r.status.ok() ? "" : " FAILED: " + r.status.error().message) << "\n";
    }
    PdfOptions always = a.options;
    always.ocr.mode = OcrMode::kAlways;
    auto t1 = std::chrono::steady_clock::now();
    auto r = notices::ingest::ReadPdf(bytes, always);
    double whole = Seconds(t1);
    size_t n = pages.size();
    std::cout << file << ": " << n << " page(s), threads " << a.options.ocr.threads << ", dpi "
              << a.options.ocr.dpi << ": OCR wall " << wall / static_cast<double>(n) << " s/page, CPU "
              << cpu / static_cast<double>(n) << " s/page (render " << render / static_cast<double>(n)
              << ", deskew + tesseract " << ocr / static_cast<double>(n) << " s/page of CPU); ReadPdf kAlways "
              << whole / static_cast<double>(n) << " s/page" << (r ? "" : " (failed)") << "\n";
  }
  return 0;
}

int Text(const Args& a) {
  int failed = 0;
  for (const std::string& file : a.files) {
    notices::ingest::PdfReport report;
    auto t0 = std::chrono::steady_clock::now();
    auto r = notices::ingest::ReadPdf(ReadFile(file), a.options, &report);
    double s = Seconds(t0);
    if (!r) {
      std::cerr << file << ": " << notices::ErrorCodeName(r.error().code) << ": " << r.error().message << "\n";
      ++failed;
      continue;
    }
    std::cout << r->text << "\n";
    std::cerr << file << ": " << s << " s";
    for (const auto& p : r->ocr_pages)
      std::cerr << "; page " << p.page << " OCR (" << notices::ingest::OcrReasonName(p.reason)
                << ", confidence " << p.confidence << ", typed " << p.typed_words << ")";
    std::cerr << "\n";
    for (const std::string& w : r->warnings) std::cerr << "  warning: " << w << "\n";
    for (const auto& b : r->boxes)
      if (b.confidence < 60)
        std::cerr << "  low confidence " << b.confidence << " page " << b.page << ": \""
                  << r->text.substr(b.begin, b.end - b.begin) << "\"\n";
  }
  return failed ? 1 : 0;
}

int Words(const Args& a) {
  for (const std::string& file : a.files) {
    std::string bytes = ReadFile(file);
    notices::ingest::PdfReport report;
    PdfOptions never = a.options;
    never.ocr.mode = OcrMode::kNever;
    (void)notices::ingest::ReadPdf(bytes, never, &report);
    std::vector<int> pages;
    for (size_t p = 0; p < report.pages.size(); ++p) pages.push_back(static_cast<int>(p) + 1);
    for (const auto& r : notices::ingest::OcrPdfPages(bytes, a.options, pages, notices::ingest::Deadline::max())) {
      std::cout << "page " << r.page << " " << r.words.width << "x" << r.words.height << " skew "
                << r.words.skew_degrees << "\n";
      int line = -1;
      for (const auto& w : r.words.words) {
        if (w.line != line) {
          line = w.line;
          std::cout << "\n[" << line << " base " << w.baseline << "]";
        }
        std::cout << " " << w.text << "{" << w.x0 << "," << w.y0 << "," << w.x1 << "," << w.y1 << " "
                  << static_cast<int>(w.confidence) << "}";
        if (w.confidence < 50 || w.text.find('|') != std::string::npos)
          for (const auto& c : w.symbols) std::cout << "<" << c.text << " " << c.x0 << "-" << c.x1 << ">";
      }
      std::cout << "\n";
      notices::ingest::ocr::OcrLayoutPage lp = notices::ingest::ocr::BuildOcrPage(
          r.words, r.words.width * 72.0 / r.words.dpi, r.words.height * 72.0 / r.words.dpi, {});
      for (size_t b = 0; b < lp.page.blocks.size(); ++b) {
        std::cout << "block " << b << "\n";
        for (const auto& l : lp.page.blocks[b].lines) {
          std::cout << "  [x " << std::lround(l.words.front().x0) << "-" << std::lround(l.words.back().x1)
                    << " base " << std::lround(l.words.front().base) << " size " << l.words.front().size << "]";
          for (const auto& w : l.words) std::cout << " " << w.text;
          std::cout << "\n";
        }
      }
    }
  }
  return 0;
}

int Images(const Args& a) {
  for (const std::string& file : a.files) {
    std::string bytes = ReadFile(file);
    notices::ingest::PdfReport report;
    PdfOptions never = a.options;
    never.ocr.mode = OcrMode::kNever;
    (void)notices::ingest::ReadPdf(bytes, never, &report);
    for (size_t p = 0; p < report.pages.size(); ++p) {
      auto image = notices::ingest::RenderPageForOcr(bytes, a.options, static_cast<int>(p) + 1);
      if (!image) continue;
      std::string name = a.dir + "/page-" + std::to_string(p + 1) + ".pgm";
      std::ofstream out(name, std::ios::binary);
      out << "P5\n" << image->width << " " << image->height << "\n255\n";
      out.write(reinterpret_cast<const char*>(image->pixels.data()),
                static_cast<std::streamsize>(image->pixels.size()));
      std::cout << name << "\n";
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--pages") == 0) return Pages(ParseArgs(argc, argv, 2));
  if (argc > 1 && std::strcmp(argv[1], "--words") == 0) return Words(ParseArgs(argc, argv, 2));
  if (argc > 1 && std::strcmp(argv[1], "--text") == 0) return Text(ParseArgs(argc, argv, 2));
  if (argc > 1 && std::strcmp(argv[1], "--images") == 0) {
    Args a = ParseArgs(argc, argv, 2);
    if (a.dir.empty() && !a.files.empty()) {
      a.dir = a.files.front();
      a.files.erase(a.files.begin());
    }
    return Images(a);
  }
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) {
      for (int j = i + 1; j < argc; ++j) Files().push_back(argv[j]);
      break;
    }
    args.push_back(argv[i]);
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
