#include "pipeline/ingest/encoding_table.h"

#include <gtest/gtest.h>

namespace notices::ingest {
namespace {

struct Decoded {
  std::string text;
  DecodeStats stats;
  OffsetMap map;
};

Decoded DecodeWith(const ByteTable& t, std::string_view bytes) {
  MappedBuilder b;
  DecodeSink sink(&b);
  Decoded d;
  t.Decode(bytes, 0, sink, d.stats);
  auto [text, map] = std::move(b).Finish();
  d.text = std::move(text);
  d.map = std::move(map);
  return d;
}

TEST(EncodingTableTest, ParsesTheFormat) {
  auto t = ByteTable::Parse(
      "# a comment\n"
      "\n"
      "E1\t\xC3\xA1\r\n"        // á (CRLF line end tolerated)
      "61E1\t\xE1\xBA\xA5\n"    // a + E1 -> ấ
      "41\tB\n"                 // ASCII may be remapped
      "F9\t\xCC\x81\n",         // a combining acute
      "t.tsv");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->Single(0xE1), "á");
  EXPECT_EQ(t->Pair('a', 0xE1), "ấ");
  EXPECT_EQ(t->Pair('a', 0xE2), "");
  EXPECT_EQ(t->Single('A'), "B");
  EXPECT_EQ(t->Single('z'), "z");
  EXPECT_EQ(t->Single(0xE2), "");
  Decoded d = DecodeWith(*t, "xa\xE1\xE1 A\xE2\xF9!");
  EXPECT_EQ(d.text, "xấá B\xEF\xBF\xBD\xCC\x81!");
  EXPECT_EQ(d.stats.invalid, 1u);
  EXPECT_EQ(d.stats.first_invalid, 6u);
  // "ấ" came from the two bytes at 1; "á" from the byte at 3.
  EXPECT_EQ(d.map.ToSource(Range{1, 4}), (Range{1, 3}));
  EXPECT_EQ(d.map.ToSource(Range{4, 6}), (Range{3, 4}));
}

TEST(EncodingTableTest, RejectsMalformedLinesWithTheirLine) {
  struct Case {
    const char* tsv;
    const char* message;
  } cases[] = {
      {"# x\nE1 a\n", "t.tsv:2: expected HEX<TAB>CHAR"},
      {"E\ta\n", "t.tsv:1: 'E' is not one or two hex bytes"},
      {"G1\ta\n", "t.tsv:1: 'G1' is not hex"},
      {"E1\ta\nE1\tb\n", "t.tsv:2: byte E1 is listed twice"},
      {"61E1\ta\n61E1\tb\n", "t.tsv:2: sequence 61E1 is listed twice"},
      {"E1\t\n", "t.tsv:1: the text of E1"},
      {"E1\ta\tb\n", "t.tsv:1: the text of E1"},
      {"E1\t\xFF\n", "t.tsv:1: the text of E1"},
      {"00\ta\n", "t.tsv:1: byte 00"},
  };
  for (const Case& c : cases) {
    auto t = ByteTable::Parse(c.tsv, "t.tsv");
    ASSERT_FALSE(t) << c.tsv;
    EXPECT_EQ(t.error().code, ErrorCode::kRuleSyntax);
    EXPECT_EQ(t.error().message.rfind(c.message, 0), 0u) << t.error().message;
  }
}

TEST(EncodingTableTest, BuiltinTablesDecodeTheirEncodings) {
  auto tables = BuiltinEncodingData();
  ASSERT_TRUE(tables) << tables.error().message;
  struct Case {
    const ByteTable* table;
    std::string_view bytes;
    const char* text;
  } cases[] = {
      {&(*tables)->tcvn3, "Th\xAB" "ng b\xB8o", "Thông báo"},
      {&(*tables)->tcvn3, "\xA7\xA2\xA3\xA4\xA5\xA6\xA1", "ĐÂÊÔƠƯĂ"},
      {&(*tables)->tcvn3, "C\xF4ng v\xB9n \x93tr\xED" "ch\x94 \x96 h\xAB\xB3", "Cụng vạn “trớch” – hô\xCC\x81"},
      // Capitals with tone marks: restored in words of capitals only.
      {&(*tables)->tcvn3, "B\xB8O C\xB8O", "BÁO CÁO"},
      {&(*tables)->tcvn3, "B\xB8o", "Báo"},
      {&(*tables)->tcvn3, "S\xE8 V\xA3N", "Số VÊN"},
      {&(*tables)->tcvn3, "\xB8 \xB8O C\xB8", "á áO Cá"},
      {&(*tables)->vni, "Vie\xE4t Nam", "Việt Nam"},
      {&(*tables)->vni, "VIE\xC4T NAM", "VIỆT NAM"},
      {&(*tables)->vni, "\xD1\xF6\xF4\xF8ng \xF1i", "Đường đi"},
      {&(*tables)->vni, "Kho\xE2\xF9", "Khô\xCC\x81"},  // a lone mark byte: combining
      {&(*tables)->vni, "Ty\xF9 \xEE", "Tý ỵ"},
      {&(*tables)->windows1258, "Vi\xEA\xF2t \xD0\xE0", "Vi\xC3\xAA\xCC\xA3t Đà"},
  };
  for (const Case& c : cases) {
    Decoded d = DecodeWith(*c.table, c.bytes);
    EXPECT_EQ(d.text, c.text) << c.bytes;
    EXPECT_EQ(d.stats.invalid, 0u) << c.bytes;
  }
}

TEST(EncodingTableTest, NulRunsBecomeOneReplacement) {
  auto tables = BuiltinEncodingData();
  ASSERT_TRUE(tables);
  Decoded d = DecodeWith((*tables)->tcvn3, std::string_view("a\0\0\0b\0", 6));
  EXPECT_EQ(d.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(d.stats.nul, 4u);
  EXPECT_EQ(d.stats.first_nul, 1u);
  EXPECT_EQ(d.map.ToSource(Range{1, 4}), (Range{1, 4}));
}

TEST(EncodingTableTest, PlainSinkGivesTheSameText) {
  auto tables = BuiltinEncodingData();
  ASSERT_TRUE(tables);
  std::string_view bytes = "Tho\xE2ng ba\xF9o \xF1" "a\xE3 \xFF";
  std::string plain;
  DecodeSink sink(&plain);
  DecodeStats stats;
  (*tables)->vni.Decode(bytes, 0, sink, stats);
  EXPECT_EQ(plain, DecodeWith((*tables)->vni, bytes).text);
  EXPECT_EQ(plain, "Thông báo đẫ ÿ");
}

}  // namespace
}  // namespace notices::ingest
