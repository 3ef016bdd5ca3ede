// Speed of the deadline and reference finders on a real notice (samples/seed-000.txt,
// 14 KB, one paragraph per line) and on text with nothing to find. Figures go in
// notes, never in assertions.
//
//   build/tests/bench/deadline_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "pipeline/extract/deadline_finder.h"
#include "pipeline/extract/reference_finder.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {
namespace {

struct Fixture {
  std::shared_ptr<const ruleset::RuleSet> rules = ruleset::RuleSet::Builtin().value();
  DeadlineFinder deadlines = DeadlineFinder::Create(rules).value();
  ReferenceFinder references = ReferenceFinder::Create(rules).value();
  std::string notice;
  std::string plain;
  DateContext ctx{.document_date = PartialDate{2026, 5, 0}};

  Fixture() {
    std::ifstream in(NOTICES_SAMPLES_DIR "/seed-000.txt", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    notice = normalize::CanonicalForm(ss.str());
    // Paragraphs with neither digits nor cue words: what most of a notice looks like.
    const std::string p = normalize::CanonicalForm(
        "Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ "
        "chức rà soát, đánh giá hiệu quả hoạt động của một số phần mềm, ứng dụng đang triển "
        "khai, đề xuất phương án nâng cấp, hoàn thiện và triển khai mở rộng.\n");
    while (plain.size() < 10240) plain += p;
  }
};

const Fixture& F() {
  static const Fixture* f = new Fixture();
  return *f;
}

void BM_FindAllNotice(benchmark::State& state) {
  const Fixture& f = F();
  for (auto _ : state) {
    auto all = f.deadlines.FindAll(f.notice, {0, f.notice.size()}, f.ctx, MatchMode::kExact);
    benchmark::DoNotOptimize(all);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.notice.size()));
}
BENCHMARK(BM_FindAllNotice);

// As the task assembler calls it: once per paragraph, then Binding.
void BM_FindAllPerParagraph(benchmark::State& state) {
  const Fixture& f = F();
  std::vector<Range> paragraphs;
  for (size_t b = 0; b < f.notice.size();) {
    size_t e = f.notice.find('\n', b);
    if (e == std::string::npos) e = f.notice.size();
    if (e > b) paragraphs.push_back({b, e});
    b = e + 1;
  }
  for (auto _ : state) {
    for (const Range& r : paragraphs) {
      auto all = f.deadlines.FindAll(f.notice, r, f.ctx, MatchMode::kExact);
      benchmark::DoNotOptimize(DeadlineFinder::Binding(all));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.notice.size()));
}
BENCHMARK(BM_FindAllPerParagraph);

void BM_FindAllFolded(benchmark::State& state) {
  const Fixture& f = F();
  static const std::string folded = normalize::FoldDiacritics(f.notice);
  for (auto _ : state) {
    auto all = f.deadlines.FindAll(folded, {0, folded.size()}, f.ctx, MatchMode::kFolded);
    benchmark::DoNotOptimize(all);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * folded.size()));
}
BENCHMARK(BM_FindAllFolded);

void BM_FindAllNothingToFind(benchmark::State& state) {
  const Fixture& f = F();
  for (auto _ : state) {
    auto all = f.deadlines.FindAll(f.plain, {0, f.plain.size()}, f.ctx, MatchMode::kExact);
    benchmark::DoNotOptimize(all);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.plain.size()));
}
BENCHMARK(BM_FindAllNothingToFind);

void BM_FindDatesNotice(benchmark::State& state) {
  const Fixture& f = F();
  for (auto _ : state) {
    auto dates = f.deadlines.FindDates(f.notice, {0, f.notice.size()}, f.ctx, MatchMode::kExact);
    benchmark::DoNotOptimize(dates);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.notice.size()));
}
BENCHMARK(BM_FindDatesNotice);

void BM_ReferencesNotice(benchmark::State& state) {
  const Fixture& f = F();
  for (auto _ : state) {
    auto refs = f.references.FindAll(f.notice, {0, f.notice.size()}, f.deadlines, f.ctx,
                                     MatchMode::kExact);
    benchmark::DoNotOptimize(refs);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.notice.size()));
}
BENCHMARK(BM_ReferencesNotice);

}  // namespace
}  // namespace notices::extract
BENCHMARK_MAIN();
