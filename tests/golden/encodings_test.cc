// The seeds re-encoded as TCVN3, VNI, Windows-1258, UTF-16 and mojibake normalize to
// the same text as the UTF-8 originals (issue "Foundation", done-when).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include "pipeline/ingest/text_decoder.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices {
namespace {

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Lower(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toLower().toUTF8String(out);
  return out;
}

std::string Normalized(const std::string& bytes, std::string* encoding) {
  auto rules = ruleset::RuleSet::Builtin().value();
  auto decoded = ingest::DecodeText(bytes, {});
  EXPECT_TRUE(decoded) << decoded.error().message;
  if (!decoded) return {};
  *encoding = decoded->encoding;
  return normalize::Normalize(*decoded, *rules, {}).text;
}

TEST(EncodingsEndToEnd, EveryEncodedSeedNormalizesLikeTheOriginal) {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const char* seed : {"seed-000", "seed-001"}) {
    std::string enc;
    std::string original = Normalized(Read(fs::path(NOTICES_SAMPLES_DIR) / (std::string(seed) + ".txt")), &enc);
    ASSERT_FALSE(original.empty());
    for (const auto& entry : fs::directory_iterator(fs::path(NOTICES_TESTDATA_DIR) / "encodings")) {
      std::string name = entry.path().filename().string();
      if (name.rfind(std::string(seed) + ".", 0) != 0) continue;
      std::string expected_encoding = name.substr(std::string(seed).size() + 1);
      expected_encoding = expected_encoding.substr(0, expected_encoding.rfind(".txt"));
      std::string detected;
      std::string got = Normalized(Read(entry.path()), &detected);
      // The file name says what the bytes are; "-nobom" and "-partial" are variants.
      std::string family = expected_encoding.substr(0, expected_encoding.find("-nobom"));
      family = family.substr(0, family.find("-partial"));
      EXPECT_EQ(detected.substr(0, family.size()), family) << name;
      // TCVN3 cannot write capitals with tone marks outside all-capital words: compare
      // it without case, and nothing else.
      if (expected_encoding == "tcvn3") {
        EXPECT_EQ(Lower(got), Lower(original)) << name;
      } else {
        EXPECT_EQ(got, original) << name;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 18);
}

}  // namespace
}  // namespace notices
