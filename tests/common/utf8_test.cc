#include "pipeline/common/utf8.h"

#include <gtest/gtest.h>

#include "pipeline/common/sha256.h"

namespace notices {
namespace {

TEST(Utf8Test, Validity) {
  struct Case { std::string_view text; size_t first_invalid; } cases[] = {
      {"Thông báo", std::string_view::npos},
      {"", std::string_view::npos},
      {"abc\xFF", 3},
      {"\xC3", 0},                  // truncated
      {"\xE0\x80\x80", 0},          // overlong
      {"\xED\xA0\x80", 0},          // surrogate
      {"\xF4\x90\x80\x80", 0},      // above U+10FFFF
      {"Th\xC3\xB4ng \xC0\xAF", 7}, // overlong '/'
  };
  for (const auto& c : cases) EXPECT_EQ(FirstInvalidUtf8(c.text), c.first_invalid) << c.text;
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  std::string_view s = "Độc lập ộ 𝄞";
  std::string out;
  size_t i = 0;
  while (i < s.size()) AppendUtf8(out, DecodeUtf8(s, i));
  EXPECT_EQ(out, s);
  std::string_view bad = "a\xFF" "b";
  i = 1;
  EXPECT_EQ(DecodeUtf8(bad, i), kReplacementChar);
  EXPECT_EQ(i, 2u);
}

TEST(Utf8Test, CodePointIndex) {
  std::string text = "Sở Tài chính";  // S ở _ T à i ...
  CodePointIndex idx(text);
  EXPECT_EQ(idx.ToCodePoint(0), 0u);
  EXPECT_EQ(idx.ToCodePoint(1), 1u);       // start of ở (3 bytes)
  EXPECT_EQ(idx.ToCodePoint(2), 1u);       // inside ở
  EXPECT_EQ(idx.ToCodePoint(4), 2u);       // the space
  EXPECT_EQ(idx.ToCodePoint(text.size()), CountCodePoints(text));
  std::string big;
  for (int k = 0; k < 300; ++k) big += "ộa";
  CodePointIndex idx2(big);
  EXPECT_EQ(idx2.ToCodePoint(4 * 150), 300u);
  EXPECT_EQ(idx2.ToCodePoint(big.size()), 600u);
}

// The word-at-a-time count against a byte-by-byte one, at every offset of a text mixing
// 1- to 4-byte sequences and stray continuation bytes, across block boundaries.
TEST(Utf8Test, CodePointIndexAgreesWithAByteCount) {
  std::string text;
  const char* pieces[] = {"a", "ở", "ộ", "Đ", "😀", "\x80", " ", "tháng", "\xBF\xBF"};
  for (int k = 0; k < 700; ++k) text += pieces[(k * 7 + k / 3) % 9];
  CodePointIndex idx(text);
  size_t starts = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool cont = i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    size_t expected = i == text.size() ? starts : (cont && starts > 0 ? starts - 1 : starts);
    ASSERT_EQ(idx.ToCodePoint(i), expected) << "offset " << i;
    if (i < text.size() && !cont) ++starts;
  }
  EXPECT_EQ(CountCodePoints(text), starts);
}

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace notices
