// Header recognition of task tables (pipeline/extract/table_header.h): the column
// vocabulary of rules/tables.toml, whole-cell matching, columns in any order, headers
// over two lines; and SplitCells.
#include "pipeline/extract/table_header.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace notices::extract {
namespace {

const TableVocabulary& Vocab() {
  static const TableVocabulary* v = [] {
    auto rules = ruleset::RuleSet::Builtin();
    EXPECT_TRUE(rules) << rules.error().message;
    auto vocab = TableVocabulary::Create(*rules);
    EXPECT_TRUE(vocab) << vocab.error().message;
    return new TableVocabulary(std::move(vocab).value());
  }();
  return *v;
}

std::vector<std::string> Texts(std::string_view text, const std::vector<Range>& cells) {
  std::vector<std::string> out;
  for (const Range& r : cells) out.emplace_back(text.substr(r.begin, r.size()));
  return out;
}

TEST(TableHeaderTest, SplitCells) {
  struct Case {
    std::string line;
    bool strip;
    std::vector<std::string> cells;
  };
  const Case cases[] = {
      {"STT | Nội dung | Chủ trì", false, {"STT", "Nội dung", "Chủ trì"}},
      {"6 | Phục dựng | | UBND các xã", false, {"6", "Phục dựng", "", "UBND các xã"}},
      {"| STT | Nội dung | Chủ trì |", false, {"", "STT", "Nội dung", "Chủ trì", ""}},
      {"| STT | Nội dung | Chủ trì |", true, {"STT", "Nội dung", "Chủ trì"}},
      // A pipe glued to a word is text, as normalize reads it.
      {"a|b | c", false, {"a|b", "c"}},
      {"III | XÚC TIẾN | | |", true, {"III", "XÚC TIẾN", "", ""}},
      {"Sở Tài chính", false, {"Sở Tài chính"}},
  };
  for (const Case& c : cases) {
    std::vector<Range> cells = SplitCells(c.line, {0, c.line.size()});
    if (c.strip) StripEdges(c.line, {0, c.line.size()}, cells);
    EXPECT_EQ(Texts(c.line, cells), c.cells) << c.line;
  }
}

TEST(TableHeaderTest, ClassifiesWholeCells) {
  struct Case {
    std::string cell;
    ColumnKind kind;
  };
  const Case cases[] = {
      {"STT", ColumnKind::kIndex},
      {"TT", ColumnKind::kIndex},
      {"Số thứ tự", ColumnKind::kIndex},
      {"Viettel", ColumnKind::kOther},  // "tt" inside a word is no column name
      {"TT Tỉnh ủy", ColumnKind::kOther},
      {"Nội dung nhiệm vụ", ColumnKind::kTask},
      {"Nhiệm vụ", ColumnKind::kTask},
      {"Tên nhiệm vụ", ColumnKind::kTask},
      {"Nội dung công việc", ColumnKind::kTask},
      {"Cơ quan chủ trì", ColumnKind::kLead},
      {"Đơn vị chủ trì", ColumnKind::kLead},
      {"Đơn vị thực hiện", ColumnKind::kLead},
      {"Chủ trì", ColumnKind::kLead},
      {"Cơ quan phối hợp", ColumnKind::kCoordinate},
      {"Phối hợp", ColumnKind::kCoordinate},
      {"Thời gian hoàn thành", ColumnKind::kTime},
      {"Thời hạn", ColumnKind::kTime},
      {"Thời gian thực hiện", ColumnKind::kTime},  // not a lead: "thực hiện" is not first
      {"Tiến độ", ColumnKind::kTime},
      {"Sản phẩm", ColumnKind::kProduct},
      {"Kết quả/sản phẩm", ColumnKind::kProduct},
      {"Ghi chú", ColumnKind::kNote},
      {"Tên đơn vị được kiểm tra", ColumnKind::kOther},
      {"Đối tượng kiểm tra", ColumnKind::kOther},
      {"", ColumnKind::kOther},
  };
  for (const Case& c : cases)
    EXPECT_EQ(ColumnKindName(Vocab().Classify(c.cell, MatchMode::kExact)), ColumnKindName(c.kind)) << c.cell;
  // Text that lost its diacritics.
  EXPECT_EQ(Vocab().Classify("Co quan chu tri", MatchMode::kFolded), ColumnKind::kLead);
}

std::string Kinds(const TableHeader& h) {
  std::string s;
  for (ColumnKind k : h.columns) s += (s.empty() ? "" : ",") + std::string(ColumnKindName(k));
  return s;
}

TEST(TableHeaderTest, ReadsHeaders) {
  struct Case {
    std::vector<std::string> lines;
    std::string kinds;  // "" when no header at all
    bool task_table;
  };
  const Case cases[] = {
      {{"STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm"},
       "index,task,lead,coordinate,time,product", true},
      // Another order and other names.
      {{"TT | Kết quả/sản phẩm | Tiến độ | Đơn vị thực hiện | Nội dung công việc"},
       "index,product,time,lead,task", true},
      // A merged cell over sub-headers.
      {{"STT | Nhiệm vụ | Cơ quan thực hiện | | Thời hạn", " | | Chủ trì | Phối hợp | "},
       "index,task,lead,coordinate,time", true},
      // Names wrapped over two lines.
      {{"STT | Nội dung | Cơ quan | Cơ quan | Thời gian", " | | chủ trì | phối hợp | hoàn thành"},
       "index,task,lead,coordinate,time", true},
      // A schedule, not a task table: no lead column.
      {{"TT | Tên đơn vị được kiểm tra | Đối tượng kiểm tra | Thời hạn kiểm tra"}, "index,other,other,time", false},
      {{"Viettel | VNPT | MobiFone"}, "", false},
      // One lead only: the second "Chủ trì" column names nothing.
      {{"Nhiệm vụ | Chủ trì | Chủ trì"}, "task,lead,other", true},
  };
  for (const Case& c : cases) {
    std::string text;
    std::vector<Range> line_ranges;
    for (const std::string& l : c.lines) {
      if (!text.empty()) text.push_back('\n');
      line_ranges.push_back({text.size(), text.size() + l.size()});
      text += l;
    }
    std::vector<std::vector<Range>> lines;
    for (const Range& r : line_ranges) lines.push_back(SplitCells(text, r));
    auto h = Vocab().ReadHeader(text, lines, MatchMode::kExact);
    if (c.kinds.empty()) {
      EXPECT_FALSE(h.has_value()) << text;
      continue;
    }
    ASSERT_TRUE(h.has_value()) << text;
    EXPECT_EQ(Kinds(*h), c.kinds) << text;
    EXPECT_EQ(h->IsTaskTable(), c.task_table) << text;
  }
}

TEST(TableHeaderTest, RowPatterns) {
  std::string_view label, title;
  EXPECT_TRUE(Vocab().IsRowNumber("12", MatchMode::kExact));
  EXPECT_TRUE(Vocab().IsRowNumber("2.1", MatchMode::kExact));
  EXPECT_FALSE(Vocab().IsRowNumber("II", MatchMode::kExact));
  EXPECT_TRUE(Vocab().IsSectionLabel("II", MatchMode::kExact));
  EXPECT_FALSE(Vocab().IsSectionLabel("Sở", MatchMode::kExact));
  ASSERT_TRUE(Vocab().SplitSectionCell("I. Nhiệm vụ chung", MatchMode::kExact, label, title));
  EXPECT_EQ(label, "I");
  EXPECT_EQ(title, "Nhiệm vụ chung");
  EXPECT_EQ(Vocab().RequestPrefix("Đề nghị Ủy ban MTTQ Việt Nam tỉnh", MatchMode::kExact),
            std::string_view("Đề nghị").size());
  EXPECT_EQ(Vocab().RequestPrefix("Sở Tài chính", MatchMode::kExact), 0u);
}

}  // namespace
}  // namespace notices::extract
