// Tests for pipeline/ingest/pdf_text_check.h: word classes, font verdicts, legacy fonts.
#include "pipeline/ingest/pdf_text_check.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace notices::ingest {
namespace {

TEST(PdfTextCheck, ClassifyWord) {
  struct Case {
    const char* word;
    WordClass expected;
  };
  const Case cases[] = {
      {"Thông", WordClass::kSyllable},
      {"báo", WordClass::kSyllable},
      {"TỈNH", WordClass::kSyllable},
      {"NGHĨA", WordClass::kSyllable},
      {"người", WordClass::kSyllable},
      {"khuyến", WordClass::kSyllable},
      {"quốc", WordClass::kSyllable},
      {"gì", WordClass::kSyllable},
      {"Đoàn", WordClass::kSyllable},
      {"(sau", WordClass::kSyllable},   // edge punctuation ignored
      {"tỉnh;", WordClass::kSyllable},
      {"2026¹;", WordClass::kNeutral},
      {"57-NQ/TW", WordClass::kNeutral},  // digits with letters: says nothing
      {"K12Online", WordClass::kNeutral},
      {"UBND", WordClass::kOther},      // acronym
      {"Viettel", WordClass::kOther},
      {"WUD", WordClass::kOther},       // "tra" through a broken map: ASCII glyph codes
      {"7ӌ1+", WordClass::kImplausible},   // "TỈNH": Cyrillic and '+'
      {"ĈӝF", WordClass::kImplausible},    // "Độc"
      {"4X\\ӃW", WordClass::kImplausible}, // "Quyết"
      {"ÿӏQK", WordClass::kImplausible},   // "định"
      {"hoá", WordClass::kSyllable},
      {"bá̉o", WordClass::kOther},          // two tone marks (decomposed): not a syllable
      {"20/3/2026,", WordClass::kNeutral},
      {"KH&ĐT,", WordClass::kOther},       // '&' joining acronyms
      {"VH,TT&DL", WordClass::kOther},
      {"Km2+571", WordClass::kNeutral},     // a chainage
      {"Km26+793+", WordClass::kNeutral},
      {"&KӍ", WordClass::kImplausible},
      {"K&t", WordClass::kImplausible},     // '&' not between capitals
      {"Ka+b", WordClass::kImplausible},    // '+' not after a digit
  };
  for (const Case& c : cases) EXPECT_EQ(ClassifyWord(c.word), c.expected) << c.word;
}

TEST(PdfTextCheck, JudgeFont) {
  struct Case {
    std::vector<std::string> words;
    FontVerdict expected;
  };
  const Case cases[] = {
      {{"Thông", "báo", "kết", "luận", "của", "đồng", "chí", "UBND", "tỉnh"}, FontVerdict::kGood},
      // tb-1894's text layer: "Kết quả kiểm tra việc chấp hành quy định của pháp luật"
      {{".ӃW", "TXҧ", "NLӇP", "YLӋF", "FKҩS", "ÿӏQK", "FӫD", "OXұW"}, FontVerdict::kGarbled},
      // ASCII glyph codes only: no implausible letter, but no syllable either
      {{"WUD", "KQJ", "FKR", "WKH", "YDQ", "EDQ", "QJ", "WUD", "KQJ", "FKR", "WKH", "YDQ", "EDQ",
        "QJ", "WUD", "KQJ", "FKR", "WKH", "YDQ", "EDQ", "QJ"},
       FontVerdict::kGarbled},
      // a few acronyms in a font of their own are not evidence
      {{"UBND", "HĐND", "VNPT", "KGVX", "TTTT", "TTPVHCC", "KT."}, FontVerdict::kGood},
      {{"UBND", "TỈNH"}, FontVerdict::kUndecided},
  };
  for (const Case& c : cases) {
    TextStats s;
    for (const std::string& w : c.words) s.Add(w);
    EXPECT_EQ(JudgeFont(s), c.expected) << c.words.front();
  }
}

TEST(PdfTextCheck, DetectLegacyEncoding) {
  struct Case {
    const char* font;
    const char* text;
    LegacyEncoding expected;
  };
  const Case cases[] = {
      {"ABCDEF+.VnTime", "", LegacyEncoding::kTcvn3},
      {"IEMIUK+VnTime", "", LegacyEncoding::kTcvn3},
      {".VnTimeH", "", LegacyEncoding::kTcvn3},
      {"VNI-Times", "", LegacyEncoding::kVni},
      {"TimesNewRomanPSMT", "Thông báo kết luận của đồng chí", LegacyEncoding::kNone},
      // TCVN3 bytes read as Latin-1: "Thông báo kết luận của đồng chí Phó Chủ tịch"
      {"TimesNewRomanPSMT", "Th\u00ABng b\u00B8o k\u00D5t lu\u00ACn c\u00F1a \u00AE\u00E5ng ch\u00DD Ph\u00E9 Ch\u00F1 t\u00DEch",
       LegacyEncoding::kTcvn3},
      // VNI bytes read as Latin-1: "Thông báo kết luận"
      {"Arial", "Tho\u00E2ng ba\u00F9o ke\u00E1t lua\u00E4n cu\u00FBa \u00F1o\u00E5ng chu\u00F9", LegacyEncoding::kVni},
      // a garbled layer is not a legacy encoding
      {"XKNDLD+TimesNewRomanPSMT", ".ӃW TXҧ NLӇP tra YLӋF FKҩS hành Quy ÿӏQK FӫD pháp OXұW",
       LegacyEncoding::kNone},
  };
  for (const Case& c : cases)
    EXPECT_EQ(DetectLegacyEncoding(c.font, c.text), c.expected) << c.font << " " << c.text;
  EXPECT_STREQ(LegacyEncodingName(LegacyEncoding::kTcvn3), "tcvn3");
  EXPECT_STREQ(LegacyEncodingName(LegacyEncoding::kVni), "vni");
}

TEST(PdfTextCheck, ToLegacyBytes) {
  EXPECT_EQ(ToLegacyBytes("Th\u00ABng"), std::string("Th\xAB" "ng"));
  EXPECT_EQ(ToLegacyBytes("a\u2026b"), std::string("a\x85" "b"));  // cp1252 ellipsis
  EXPECT_EQ(ToLegacyBytes("\u1EA1"), "?");                           // not 8-bit
}

}  // namespace
}  // namespace notices::ingest
