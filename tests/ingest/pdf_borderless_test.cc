// Tests for pipeline/ingest/pdf_borderless.h (task tables drawn without ruling lines),
// on pages built by hand: the header band, the columns, the rows, what is not a table,
// and a table continued on the next page (through ComposeText, pdf_layout.h).
#include "pipeline/ingest/pdf_borderless.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ingest/pdf_table.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::ingest::pdf {
namespace {

using Column = ColumnVocabulary::Column;

std::shared_ptr<const ColumnVocabulary> Vocabulary() {
  static std::shared_ptr<const ColumnVocabulary> v =
      ColumnVocabulary::Create(ruleset::RuleSet::Builtin().value()).value();
  return v;
}

// Text set at x on a baseline, 12 pt: each character 6 pt wide, 3 pt between words.
struct T {
  double x, base;
  std::string text;
};

size_t Chars(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// One Poppler line per entry, all in one block (the reader regroups them by baseline).
Page MakePage(const std::vector<T>& texts, double height = 842) {
  Page page;
  page.height = height;
  Block b;
  for (const T& t : texts) {
    Line l;
    double x = t.x;
    size_t at = 0;
    while (at <= t.text.size()) {
      size_t end = t.text.find(' ', at);
      if (end == std::string::npos) end = t.text.size();
      Word w;
      w.text = t.text.substr(at, end - at);
      w.x0 = x;
      w.x1 = x + 6.0 * static_cast<double>(Chars(w.text));
      w.base = t.base;
      w.y0 = t.base - 10;
      w.y1 = t.base + 2;
      w.size = 12;
      w.space_after = end < t.text.size();
      x = w.x1 + 3;
      l.words.push_back(w);
      at = end + 1;
    }
    b.lines.push_back(l);
  }
  page.blocks.push_back(b);
  return page;
}

std::vector<std::vector<std::string>> Read(Page& page) {
  BorderlessCarry carry;
  std::vector<Rule> rules = BorderlessRules(page, *Vocabulary(), carry);
  std::vector<std::vector<std::string>> out;
  for (const PageTable& t : TakeTables(page, rules))
    for (const TableRowCells& r : t.rows) {
      std::vector<std::string> row;
      for (const TableCell& c : r.cells) row.push_back(c.text);
      out.push_back(row);
    }
  return out;
}

size_t WordsLeft(const Page& page) {
  size_t n = 0;
  for (const Block& b : page.blocks)
    for (const Line& l : b.lines) n += l.words.size();
  return n;
}

// Columns: index at 60, task 100, lead 290, coordinate 400, time 510 (left-aligned
// cells); the header's names centred, "Cơ quan chủ trì" over two lines.
const std::vector<T> kHeader = {
    {62, 100, "STT"}, {130, 100, "Nội dung nhiệm vụ"}, {305, 100, "Cơ quan"}, {305, 116, "chủ trì"},
    {410, 100, "Phối hợp"}, {515, 100, "Thời hạn"},
};

std::vector<T> With(std::vector<T> a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(ColumnVocabularyTest, NamesWholeCells) {
  struct Case {
    const char* cell;
    Column expected;
  };
  const Case cases[] = {
      {"STT", Column::kIndex},          {"TT", Column::kIndex},
      {"Viettel", Column::kOther},       {"Nội dung nhiệm vụ", Column::kTask},
      {"Cơ quan chủ trì", Column::kLead}, {"Đơn vị thực hiện", Column::kLead},
      {"Phối hợp", Column::kCoordinate}, {"Thời hạn", Column::kTime},
      {"Kết quả/sản phẩm", Column::kProduct}, {"ỦY BAN NHÂN DÂN", Column::kOther},
      {"Nơi nhận:", Column::kOther},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Vocabulary()->Classify(c.cell), c.expected) << c.cell;
    EXPECT_EQ(Vocabulary()->Names(c.cell, Column::kIndex), c.expected == Column::kIndex) << c.cell;
    EXPECT_EQ(Vocabulary()->Names(c.cell, Column::kLead), c.expected == Column::kLead) << c.cell;
  }
  EXPECT_TRUE(Vocabulary()->IsRowNumber("12"));
  EXPECT_TRUE(Vocabulary()->IsSectionLabel("II."));
  EXPECT_TRUE(Vocabulary()->IsColumnNumber("(3)"));
  EXPECT_FALSE(Vocabulary()->IsRowNumber("2026"));
}

TEST(BorderlessTest, TablesAreReadFromTheirHeader) {
  struct Case {
    const char* name;
    std::vector<T> texts;
    std::vector<std::vector<std::string>> expected;
    size_t words_left;  // outside the table
  };
  const std::vector<std::string> header{"STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Phối hợp", "Thời hạn"};
  std::vector<Case> cases = {
      {"a wrapped cell, a merged lead cell left empty, a section row over the width",
       With(kHeader, {{60, 140, "1"},
                      {100, 140, "Xây dựng kế hoạch"},
                      {290, 140, "Sở Tài chính"},
                      {400, 140, "Sở Nội vụ"},
                      {510, 140, "Quý III/2026"},
                      {100, 154, "thực hiện năm 2026"},
                      {60, 170, "2"},
                      {100, 170, "Tập huấn cán bộ"},
                      {400, 170, "Sở Tư pháp"},
                      {510, 170, "Quý IV/2026"},
                      {60, 186, "II. Nhiệm vụ khác"},
                      {60, 202, "3"},
                      {100, 202, "Kiểm tra"},
                      {290, 202, "Sở Y tế"},
                      {510, 202, "Tháng 8/2026"}}),
       {header,
        {"1", "Xây dựng kế hoạch thực hiện năm 2026", "Sở Tài chính", "Sở Nội vụ", "Quý III/2026"},
        {"2", "Tập huấn cán bộ", "", "Sở Tư pháp", "Quý IV/2026"},
        {"II. Nhiệm vụ khác"},
        {"3", "Kiểm tra", "Sở Y tế", "", "Tháng 8/2026"}},
       0},
      {"prose under the table runs across the edges: it ends the table",
       With(kHeader, {{60, 140, "1"},
                      {100, 140, "Xây dựng kế hoạch"},
                      {290, 140, "Sở Tài chính"},
                      {510, 140, "Quý III/2026"},
                      {60, 156, "2"},
                      {100, 156, "Tập huấn"},
                      {290, 156, "Sở Nội vụ"},
                      {510, 156, "Năm 2026"},
                      {60, 172, "Các sở, ngành báo cáo kết quả về Sở Tài chính trước ngày 15/12 hằng năm."}}),
       {header, {"1", "Xây dựng kế hoạch", "Sở Tài chính", "", "Quý III/2026"}, {"2", "Tập huấn", "Sở Nội vụ", "", "Năm 2026"}},
       16},
      {"a section label in its own cell keeps the row's cells; a numbering row",
       With(kHeader, {{60, 140, "(1)"},
                      {100, 140, "(2)"},
                      {290, 140, "(3)"},
                      {400, 140, "(4)"},
                      {510, 140, "(5)"},
                      {60, 156, "A"},
                      {100, 156, "NHIỆM VỤ CHUNG"},
                      {60, 172, "1"},
                      {100, 172, "Rà soát"},
                      {290, 172, "Sở Xây dựng"},
                      {510, 172, "Tháng 5/2026"},
                      {60, 188, "2"},
                      {100, 188, "Kiểm tra"},
                      {290, 188, "Sở Công Thương"},
                      {510, 188, "Tháng 6/2026"}}),
       {header,
        {"(1)", "(2)", "(3)", "(4)", "(5)"},
        {"A", "NHIỆM VỤ CHUNG", "", "", ""},
        {"1", "Rà soát", "Sở Xây dựng", "", "Tháng 5/2026"},
        {"2", "Kiểm tra", "Sở Công Thương", "", "Tháng 6/2026"}},
       0},
      {"a merged header cell over sub-headers: two header rows, the cell spanning",
       {{62, 100, "TT"},
        {130, 100, "Nhiệm vụ"},
        {330, 100, "Cơ quan thực hiện"},
        {515, 100, "Thời hạn"},
        {300, 116, "Chủ trì"},
        {410, 116, "Phối hợp"},
        {60, 140, "1"},
        {100, 140, "Số hóa hồ sơ"},
        {290, 140, "Sở Nội vụ"},
        {400, 140, "Sở Tư pháp"},
        {510, 140, "Quý II/2026"},
        {60, 156, "2"},
        {100, 156, "Tập huấn"},
        {290, 156, "Công an tỉnh"},
        {400, 156, "Sở Y tế"},
        {510, 156, "Năm 2027"}},
       {{"TT", "Nhiệm vụ", "Cơ quan thực hiện", "", "Thời hạn"},
        {"", "", "Chủ trì", "Phối hợp", ""},
        {"1", "Số hóa hồ sơ", "Sở Nội vụ", "Sở Tư pháp", "Quý II/2026"},
        {"2", "Tập huấn", "Công an tỉnh", "Sở Y tế", "Năm 2027"}},
       0},
      {"centred cells start nowhere in common: the edge is in the widest empty gap",
       With(kHeader, {{66, 140, "1"},
                      {100, 140, "Xây dựng kế hoạch"},
                      {290, 140, "Sở Tài chính"},
                      {415, 140, "Sở Nội vụ"},
                      {512, 140, "Quý III/2026"},
                      {66, 156, "2"},
                      {100, 156, "Tập huấn"},
                      {290, 156, "Sở Y tế"},
                      {407, 156, "Công an tỉnh"},
                      {524, 156, "Năm 2026"}}),
       {header,
        {"1", "Xây dựng kế hoạch", "Sở Tài chính", "Sở Nội vụ", "Quý III/2026"},
        {"2", "Tập huấn", "Sở Y tế", "Công an tỉnh", "Năm 2026"}},
       0},
      {"a repeated first word is no column: 'Sở' over 'Nông' in every lead cell",
       With(kHeader, {{60, 140, "1"},
                      {100, 140, "Rà soát đê điều"},
                      {290, 140, "Sở Nông nghiệp"},
                      {510, 140, "Tháng 5/2026"},
                      {60, 156, "2"},
                      {100, 156, "Dự trữ vật tư"},
                      {290, 156, "Sở Nông nghiệp"},
                      {510, 156, "Tháng 6/2026"},
                      {60, 172, "3"},
                      {100, 172, "Diễn tập"},
                      {290, 172, "Sở Nông nghiệp"},
                      {510, 172, "Tháng 8/2026"}}),
       {header,
        {"1", "Rà soát đê điều", "Sở Nông nghiệp", "", "Tháng 5/2026"},
        {"2", "Dự trữ vật tư", "Sở Nông nghiệp", "", "Tháng 6/2026"},
        {"3", "Diễn tập", "Sở Nông nghiệp", "", "Tháng 8/2026"}},
       0},
  };
  for (Case& c : cases) {
    Page page = MakePage(c.texts);
    EXPECT_EQ(Read(page), c.expected) << c.name;
    EXPECT_EQ(WordsLeft(page), c.words_left) << c.name;
  }
}

TEST(BorderlessTest, WhatIsNoTable) {
  struct Case {
    const char* name;
    std::vector<T> texts;
  };
  const std::vector<T> rows = {{60, 140, "1"}, {100, 140, "Xây dựng kế hoạch"}, {290, 140, "Sở Tài chính"},
                               {510, 140, "Quý III/2026"}, {60, 156, "2"}, {100, 156, "Tập huấn"},
                               {290, 156, "Sở Nội vụ"}, {510, 156, "Năm 2026"}};
  std::vector<Case> cases = {
      {"the document header: issuing body | national motto",
       {{70, 60, "ỦY BAN NHÂN DÂN"}, {260, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
        {80, 76, "TỈNH HÀ TĨNH"}, {300, 76, "Độc lập - Tự do - Hạnh phúc"},
        {75, 92, "Số: 45/TB-VP"}, {280, 92, "Hà Tĩnh, ngày 12 tháng 3 năm 2026"}}},
      {"the signature block: Nơi nhận | signer",
       {{60, 600, "Nơi nhận:"}, {330, 600, "TM. ỦY BAN NHÂN DÂN"}, {60, 614, "- Như trên;"},
        {370, 614, "CHỦ TỊCH"}, {60, 628, "- Lưu: VT."}, {350, 660, "Nguyễn Văn An"}}},
      {"prose naming the columns",
       {{60, 200, "Nội dung nhiệm vụ: Sở Tài chính chủ trì, phối hợp với Sở Nội vụ"},
        {60, 216, "thực hiện; thời hạn hoàn thành trong quý III/2026, sản phẩm là"},
        {60, 232, "báo cáo gửi UBND tỉnh."}}},
      {"'TT' is not inside 'Viettel': no index column",
       With({{62, 100, "Viettel"}, {130, 100, "Nội dung nhiệm vụ"}, {305, 100, "Chủ trì"}, {515, 100, "Thời hạn"}},
            rows)},
      {"a header without an index column is not sought",
       With({{130, 100, "Nội dung nhiệm vụ"}, {305, 100, "Cơ quan chủ trì"}, {410, 100, "Phối hợp"},
             {515, 100, "Thời hạn"}},
            {{100, 140, "Xây dựng kế hoạch"}, {290, 140, "Sở Tài chính"}, {510, 140, "Quý III/2026"},
             {100, 156, "Tập huấn"}, {290, 156, "Sở Nội vụ"}, {510, 156, "Năm 2026"}})},
      {"a header with no row under it",
       With(kHeader, {{60, 140, "Các sở, ngành báo cáo kết quả về Sở Tài chính trước ngày 15/12 hằng năm."}})},
  };
  for (const Case& c : cases) {
    Page page = MakePage(c.texts);
    BorderlessCarry carry;
    EXPECT_TRUE(BorderlessRules(page, *Vocabulary(), carry).empty()) << c.name;
    EXPECT_FALSE(carry.open) << c.name;
  }
}

TEST(BorderlessTest, AContinuationPageInheritsTheColumns) {
  // Page 1: the table runs to the page's end, row 2's task wrapping onto page 2, under
  // the page number; page 2 then has row 3 and prose.
  std::vector<T> header = kHeader;
  for (T& t : header) t.base += 620;
  Page one = MakePage(With(header, {{60, 760, "1"},
                                     {100, 760, "Xây dựng kế hoạch"},
                                     {290, 760, "Sở Tài chính"},
                                     {510, 760, "Quý III/2026"},
                                     {60, 776, "2"},
                                     {100, 776, "Tập huấn cán bộ"},
                                     {290, 776, "Sở Nội vụ"},
                                     {510, 776, "Năm 2026"}}));
  Page two = MakePage({{300, 50, "2"},
                       {100, 75, "cấp xã"},
                       {60, 91, "3"},
                       {100, 91, "Kiểm tra"},
                       {290, 91, "Sở Y tế"},
                       {510, 91, "Tháng 8/2026"},
                       {60, 107, "4"},
                       {100, 107, "Sơ kết"},
                       {290, 107, "Sở Nội vụ"},
                       {510, 107, "Tháng 12/2026"},
                       {60, 123, "Các sở, ngành báo cáo kết quả về Sở Tài chính trước ngày 15/12."}});
  BorderlessOptions borderless{Vocabulary().get(), {}};
  DecodedText out;
  ComposeText({one, two}, {}, out, nullptr, true, borderless);
  EXPECT_EQ(out.text,
            "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Phối hợp | Thời hạn\n"
            "1 | Xây dựng kế hoạch | Sở Tài chính |  | Quý III/2026\n"
            "2 | Tập huấn cán bộ cấp xã | Sở Nội vụ |  | Năm 2026\n"
            "\f3 | Kiểm tra | Sở Y tế |  | Tháng 8/2026\n"
            "4 | Sơ kết | Sở Nội vụ |  | Tháng 12/2026\n"
            "Các sở, ngành báo cáo kết quả về Sở Tài chính trước ngày 15/12.\n");

  // Without the vocabulary, the same pages give no table.
  DecodedText plain;
  ComposeText({one, two}, {}, plain);
  EXPECT_EQ(plain.text.find(" | "), std::string::npos);

  // A page that does not fit the carried columns starts no continuation.
  BorderlessCarry carry;
  EXPECT_FALSE(BorderlessRules(one, *Vocabulary(), carry).empty());
  EXPECT_TRUE(carry.open);
  Page prose = MakePage({{60, 75, "Các sở, ngành báo cáo kết quả về Sở Tài chính trước ngày 15/12."}});
  EXPECT_TRUE(BorderlessRules(prose, *Vocabulary(), carry).empty());
  EXPECT_FALSE(carry.open);
}

}  // namespace
}  // namespace notices::ingest::pdf
