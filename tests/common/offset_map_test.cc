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

TEST(OffsetMapTest, EmptyMapIsIdentity) {
  OffsetMap m;
  EXPECT_EQ(m.ToSource(5), 5u);
}

}  // namespace
}  // namespace notices
