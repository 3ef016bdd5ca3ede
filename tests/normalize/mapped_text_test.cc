// MappedText: rewriting the tail keeps an exact map; ranges re-emit with their map.
#include "pipeline/normalize/mapped_text.h"

#include <gtest/gtest.h>

namespace notices::normalize::internal {
namespace {

TEST(MappedTextTest, CopyReplaceAndSource) {
  MappedText t;
  t.Copy("Sở", 10);            // decoded [10, 14)
  t.Replace(" ", 14, 3);       // three spaces became one
  t.Copy("Tài", 17);           // [17, 21)
  EXPECT_EQ(t.text(), "Sở Tài");
  EXPECT_EQ(t.Source(0, 4), (Range{10, 14}));
  EXPECT_EQ(t.Source(4, 5), (Range{14, 17}));
  EXPECT_EQ(t.Source(5, 9), (Range{17, 21}));
  EXPECT_EQ(t.SourceAt(6), 18u);
  EXPECT_EQ(t.SourceAt(t.size()), 21u);
}

TEST(MappedTextTest, RewriteTailMapsChangedSpansToWhatTheyReplace) {
  MappedText t;
  t.Copy("ab ", 0);
  t.Seal();
  t.Copy("hoà x", 100);  // "hoà" is 4 bytes: h o \xC3\xA0
  // "hoà x" -> "hòa x": bytes [1, 4) ("oà") became "òa" (3 bytes).
  Change changes[] = {{1, 3, 1, 3}};
  t.RewriteTail(3, "h\xC3\xB2" "a x", changes);
  EXPECT_EQ(t.text(), "ab h\xC3\xB2" "a x");
  EXPECT_EQ(t.Source(0, 3), (Range{0, 3}));
  EXPECT_EQ(t.Source(3, 4), (Range{100, 101}));   // h
  EXPECT_EQ(t.Source(4, 7), (Range{101, 104}));   // òa <- oà
  EXPECT_EQ(t.Source(7, 9), (Range{104, 106}));   // " x"
}

TEST(MappedTextTest, EmitToCopiesRangesWithTheirMap) {
  MappedText t;
  t.Copy("abc", 5);
  t.Replace("-", 20, 3);
  t.Copy("def", 30);
  MappedBuilder b;
  t.EmitTo(4, 7, b);  // "def"
  b.Insert("\n", 0);
  t.EmitTo(1, 4, b);  // "bc-"
  auto [text, map] = std::move(b).Finish();
  EXPECT_EQ(text, "def\nbc-");
  EXPECT_EQ(map.ToSource(Range{0, 3}), (Range{30, 33}));
  EXPECT_EQ(map.ToSource(Range{4, 6}), (Range{6, 8}));
  EXPECT_EQ(map.ToSource(Range{6, 7}), (Range{20, 23}));
}

TEST(MappedTextTest, TruncateInsideACopy) {
  MappedText t;
  t.Copy("abcdef", 0);
  t.Truncate(3);
  t.Copy("xy", 10);
  EXPECT_EQ(t.text(), "abcxy");
  EXPECT_EQ(t.Source(0, 3), (Range{0, 3}));
  EXPECT_EQ(t.Source(3, 5), (Range{10, 12}));
}

}  // namespace
}  // namespace notices::normalize::internal
