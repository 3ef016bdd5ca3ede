// Instruction counts per stage for callgrind: each stage runs in a function of its own,
// so `callgrind_annotate --inclusive=yes` reads the cost of startup and of each stage
// per notice directly (divide by the repetitions). Timings on a shared machine are
// noise; instruction counts are not.
//
//   valgrind --tool=callgrind --callgrind-out-file=cg.out build/tests/bench/stage_profile [N] [FILE]
//   callgrind_annotate --inclusive=yes cg.out | grep Profile
//
// FILE defaults to samples/seed-000.txt; N (default 20) runs of each stage.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

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

[[gnu::noinline]] notices::Pipeline ProfileStartup() {
  auto rules = notices::ruleset::RuleSet::Builtin().value();
  return notices::Pipeline::Create(rules, {}).value();
}

[[gnu::noinline]] notices::ingest::DecodedText ProfileDecode(std::string_view bytes) {
  return notices::ingest::DecodeText(bytes, {}).value();
}

[[gnu::noinline]] notices::normalize::NormalizedText ProfileNormalize(
    const notices::Pipeline& p, const notices::ingest::DecodedText& decoded) {
  return notices::normalize::Normalize(decoded, p.rules(), {});
}

[[gnu::noinline]] notices::segment::DocumentTree ProfileSegment(
    const notices::Pipeline& p, const notices::normalize::NormalizedText& n) {
  return notices::segment::Segment(n, p.rules());
}

[[gnu::noinline]] notices::Record ProfileExtract(const notices::Pipeline& p,
                                                 const notices::normalize::NormalizedText& n,
                                                 const notices::segment::DocumentTree& tree) {
  notices::Record r;
  r.source.sha256 = std::string(64, '0');
  p.extractor().Extract(n, tree, {}, r);
  return r;
}

[[gnu::noinline]] std::string ProfileJson(const notices::Record& r) {
  return notices::emit::RecordToJsonLine(r, {});
}

[[gnu::noinline]] std::string ProfileWhole(const notices::Pipeline& p, const std::string& name,
                                           std::string_view bytes) {
  return notices::emit::RecordToJsonLine(p.RunBytes(name, bytes), {});
}

[[gnu::noinline]] size_t ProfileFirst(const notices::Pipeline& p, const std::string& name,
                                      std::string_view bytes) {
  return notices::emit::RecordToJsonLine(p.RunBytes(name, bytes), {}).size();
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 20;
  std::string path = argc > 2 ? argv[2] : NOTICES_SAMPLES_DIR "/seed-000.txt";
  std::string bytes = ReadFile(path);
  notices::Pipeline p = ProfileStartup();
  // One run outside the measured functions: RE2 builds its DFAs lazily, on first use,
  // which the first notice of a process pays (ProfileFirst shows how much).
  size_t sink = ProfileFirst(p, path, bytes);
  for (int i = 0; i < n; ++i) {
    auto decoded = ProfileDecode(bytes);
    auto normalized = ProfileNormalize(p, decoded);
    auto tree = ProfileSegment(p, normalized);
    auto record = ProfileExtract(p, normalized, tree);
    sink += ProfileJson(record).size();
    sink += ProfileWhole(p, path, bytes).size();
  }
  std::printf("%zu bytes of JSON\n", sink);
  return 0;
}
