// Golden files of the normalize stage: the text and the --json block dump of the seed
// notices, as `notices normalize` prints them, against tests/golden/normalize/.
//
// The goldens were reviewed by hand line by line. After an intended change, regenerate
// them and review the diff:
//   NOTICES_UPDATE_GOLDEN=1 build/tests/normalize/normalize_golden_test
//   git diff tests/golden/normalize/
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/normalize/normalize_test_util.h"

namespace notices::normalize {
namespace {

using testing::ReadFile;

const char* const kSamples[] = {"seed-000", "seed-001"};

std::string GoldenPath(const std::string& name) {
  return std::string(NOTICES_SOURCE_DIR) + "/tests/golden/normalize/" + name;
}

// Runs `notices normalize [args] FILE` in the samples folder (so paths print relative).
std::string RunCli(const std::string& args, const std::string& file) {
  std::string cmd = "cd '" NOTICES_SAMPLES_DIR "' && '" NOTICES_BINARY "' normalize " + args + " '" + file + "'";
  std::string out;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

bool Updating() {
  const char* v = std::getenv("NOTICES_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

void Write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

TEST(GoldenTest, NormalizedText) {
  for (const char* name : kSamples) {
    std::string got = RunCli("", std::string(name) + ".txt");
    ASSERT_FALSE(got.empty()) << name;
    std::string path = GoldenPath(std::string(name) + ".txt");
    if (Updating()) Write(path, got);
    EXPECT_EQ(got, ReadFile(path)) << name << ": differs from " << path
                                   << " (NOTICES_UPDATE_GOLDEN=1 regenerates it)";
  }
}

TEST(GoldenTest, JsonBlocks) {
  for (const char* name : kSamples) {
    std::string out = RunCli("--json", std::string(name) + ".txt");
    nlohmann::ordered_json got = nlohmann::ordered_json::parse(out, nullptr, false);
    ASSERT_FALSE(got.is_discarded()) << name << ": not JSON: " << out.substr(0, 200);
    std::string path = GoldenPath(std::string(name) + ".json");
    if (Updating()) Write(path, got.dump(2) + "\n");
    nlohmann::ordered_json want = nlohmann::ordered_json::parse(ReadFile(path), nullptr, false);
    ASSERT_FALSE(want.is_discarded()) << path;
    EXPECT_EQ(got, want) << name << ": differs from " << path << " (NOTICES_UPDATE_GOLDEN=1 regenerates it)";
  }
}

}  // namespace
}  // namespace notices::normalize
