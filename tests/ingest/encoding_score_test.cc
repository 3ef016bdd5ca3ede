#include "pipeline/ingest/encoding_score.h"

#include <gtest/gtest.h>

namespace notices::ingest {
namespace {

TEST(EncodingScoreTest, RecognizesVietnameseSyllables) {
  struct Case {
    const char* word;
    bool syllable;
  } cases[] = {
      {"Thông", true},     {"báo", true},       {"nghiêng", true},   {"khuỷu", true},
      {"người", true},     {"được", true},      {"quyết", true},     {"giữa", true},
      {"gì", true},        {"gìn", true},       {"khuya", true},     {"hoặc", true},
      {"xoong", true},     {"thuở", true},      {"ĐỒNG", true},      {"Ủy", true},
      {"tuần", true},      {"khuấy", true},     {"rượu", true},      {"yêu", true},
      {"qúy", true},       // misplaced tone, normalize repairs it: still Vietnamese
      {"Vie\u0323\u0302t", true},  // Windows-1258 style: base + combining marks
      {"Vie\u0302\u0323t", true},
      {"bỏo", false},      // "oo" takes a coda
      {"Thoâng", false},   // VNI read as cp1252
      {"Thụng", true},     // Windows-1258 "Thông" read as TCVN3: a syllable by chance
      {"cac", false},      // a stop coda needs the acute or dot tone
      {"càc", false},
      {"các", true},
      {"ăn", true},
      {"ă", false},        // ă needs a coda
      {"café", false},     // f is not Vietnamese
      {"Vieääät", false},
      {"tiếng̀", false},    // two tones
      {"ngh", false},
      {"nhưngg", false},
      {"Th«ng", false},
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsVietnameseSyllable(c.word), c.syllable) << c.word;
}

TEST(EncodingScoreTest, CountsTokensWithNonAsciiCharacters) {
  struct Case {
    const char* text;
    size_t valid, invalid, bad;
  } cases[] = {
      {"Thông báo số 12/TB-UBND", 3, 0, 0},
      {"ASCII words are not counted", 0, 0, 0},
      {"Th«ng b¸o", 0, 2, 0},
      {"ThÃ´ng bÃ¡o", 0, 2, 0},
      {"“Sở Tài chính”, năm 2026¹;", 4, 0, 0},  // quotes and superscripts separate
      {"Thông\xEF\xBF\xBD báo", 1, 1, 1},
      {"\x01 tạo", 1, 0, 1},
  };
  for (const Case& c : cases) {
    SyllableScore s = ScoreSyllables(c.text);
    EXPECT_EQ(s.valid, c.valid) << c.text;
    EXPECT_EQ(s.invalid, c.invalid) << c.text;
    EXPECT_EQ(s.bad, c.bad) << c.text;
  }
  EXPECT_GT(ScoreSyllables("Thông báo").Total(), ScoreSyllables("Th«ng b¸o").Total());
}

TEST(EncodingScoreTest, KnowsTheAlphabet) {
  for (char32_t c : {U'a', U'Đ', U'ư', U'Ử', U'ậ', U'y', U'Y'}) EXPECT_TRUE(IsVietnameseLetter(c)) << static_cast<int>(c);
  for (char32_t c : {U'f', U'z', U'ä', U'ç', U'1', U'«', U' '}) EXPECT_FALSE(IsVietnameseLetter(c)) << static_cast<int>(c);
}

}  // namespace
}  // namespace notices::ingest
