// libFuzzer target: arbitrary bytes as a text file through every stage (ingest ->
// normalize -> segment -> extract) and the JSON writer. Built with -DNOTICES_FUZZ=ON;
// run by scripts/fuzz text SECONDS. Crashes found become cases of tests/fuzz/regressions/.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "pipeline/emit/json_writer.h"
#include "pipeline/pipeline.h"

namespace {
const notices::Pipeline& TextPipeline() {
  static const notices::Pipeline* pipeline = [] {
    auto rules = notices::ruleset::RuleSet::Builtin();
    if (!rules) __builtin_trap();
    notices::PipelineOptions options;
    options.time_budget = std::chrono::milliseconds(0);  // a hang is libFuzzer's -timeout to find
    auto p = notices::Pipeline::Create(std::move(rules).value(), options);
    if (!p) __builtin_trap();
    return new notices::Pipeline(std::move(p).value());
  }();
  return *pipeline;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return -1;  // large inputs only slow the search down
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  notices::Record record = TextPipeline().RunBytes("fuzz.txt", bytes);
  std::string line = notices::emit::RecordToJsonLine(record, {});
  if (line.empty()) __builtin_trap();
  return 0;
}
