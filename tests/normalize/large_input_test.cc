// A 50 MB input (the seeds repeated, pages separated by form feeds) goes through in one
// call: every copy comes out the same, footnotes included. Label `slow`.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/normalize/normalize_test_util.h"

namespace notices::normalize {
namespace {

using testing::Decoded;
using testing::ReadFile;

TEST(LargeInputTest, FiftyMegabytes) {
  std::string one = ReadFile(NOTICES_SAMPLES_DIR "/seed-000.txt") + "\f" +
                    ReadFile(NOTICES_SAMPLES_DIR "/seed-001.txt") + "\f";
  auto rules = ruleset::RuleSet::Builtin().value();
  auto normalizer = Normalizer::Create(rules, {});
  ASSERT_TRUE(normalizer);
  NormalizedText single = normalizer->Run(Decoded(one));

  size_t copies = (50u << 20) / one.size() + 1;
  std::string big;
  big.reserve(copies * one.size());
  for (size_t k = 0; k < copies; ++k) big += one;
  auto start = std::chrono::steady_clock::now();
  NormalizedText n = normalizer->Run(Decoded(big));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "normalized " << big.size() / (1 << 20) << " MB in " << seconds << " s\n";

  size_t footnotes = 0, single_footnotes = 0;
  for (const Block& b : n.blocks) footnotes += b.kind == BlockKind::kFootnote;
  for (const Block& b : single.blocks) single_footnotes += b.kind == BlockKind::kFootnote;
  EXPECT_EQ(n.blocks.size(), copies * single.blocks.size());
  EXPECT_EQ(footnotes, copies * single_footnotes);
  EXPECT_EQ(n.to_decoded.dst_size(), n.text.size());
  EXPECT_LE(n.to_decoded.ToSource(n.text.size() - 1), big.size());
  // The body of the last copy reads as the body of one copy.
  size_t body_blocks = single.blocks.size() - single_footnotes;
  const Block& last_body = n.blocks[copies * body_blocks - 1];
  EXPECT_EQ(testing::BlockText(n, last_body), testing::BlockText(single, single.blocks[body_blocks - 1]));
}

}  // namespace
}  // namespace notices::normalize
