#include "pipeline/common/offset_map.h"

#include <gtest/gtest.h>

namespace notices {
namespace {

TEST(OffsetMapTest, CopiesMapOneToOneAndMerge) {
  OffsetMap m;
  m.AddCopy(0, 10, 5);
  m.AddCopy(5, 15, 5);  // contiguous: merged
  EXPECT_EQ(m.piece_count(), 1u);
  EXPECT_EQ(m.ToSource(0), 10u);
  EXPECT_EQ(m.ToSource(7), 17u);
  EXPECT_EQ(m.ToSource(Range{2, 8}), (Range{12, 18}));
}

TEST(OffsetMapTest, ReplacementsMapAsAWhole) {
  // "a" + "ộ"(3 bytes, from 1 source byte) + "b"
  OffsetMap m;
  m.AddCopy(0, 0, 1);
  m.AddReplace(1, 3, 1, 1);
  m.AddCopy(4, 2, 1);
  EXPECT_EQ(m.piece_count(), 3u);
  EXPECT_EQ(m.ToSource(2), 1u);                     // inside the replaced character
  EXPECT_EQ(m.ToSource(Range{1, 4}), (Range{1, 2}));
  EXPECT_EQ(m.ToSource(Range{0, 5}), (Range{0, 3}));
  EXPECT_EQ(m.ToSource(4), 2u);
}

TEST(OffsetMapTest, InsertionsPointAtTheirAnchor) {
  MappedBuilder b;
  b.Copy("abc", 0);
  b.Insert("\n", 7);
  b.Copy("def", 7);
  auto [text, map] = std::move(b).Finish();
  EXPECT_EQ(text, "abc\ndef");
  EXPECT_EQ(map.ToSource(3), 7u);
  EXPECT_EQ(map.ToSource(Range{4, 7}), (Range{7, 10}));
  EXPECT_EQ(map.ToSource(Range{3, 3}), (Range{7, 7}));
  EXPECT_EQ(map.dst_size(), 7u);
}

TEST(OffsetMapTest, LongReplacementsAndHugeSourcesStayValid) {
  // 600 output bytes made from 3 source bytes: stored as several pieces, each mapping to
  // the whole source range.
  OffsetMap m;
  m.AddCopy(0, 0, 10);
  m.AddReplace(10, 600, 10, 3);
  m.AddCopy(610, 13, 5);
  EXPECT_EQ(m.dst_size(), 615u);
  EXPECT_EQ(m.ToSource(Range{10, 610}), (Range{10, 13}));
  EXPECT_EQ(m.ToSource(400), 10u);
  EXPECT_EQ(m.ToSource(612), 15u);
  // A run of 20 MB of spaces that became one space.
  OffsetMap big;
  big.AddReplace(0, 1, 0, 20u << 20);
  big.AddCopy(1, 20u << 20, 4);
  EXPECT_EQ(big.ToSource(1), 20u << 20);
  EXPECT_GT(big.ToSource(Range{0, 1}).end, 0u);
}

TEST(OffsetMapTest, EmptyMapIsIdentity) {
  OffsetMap m;
  EXPECT_EQ(m.ToSource(5), 5u);
}

}  // namespace
}  // namespace notices
