#include "pipeline/ruleset/ruleset.h"
#include "pipeline/ruleset/table_rules.h"

#include <gtest/gtest.h>

namespace notices::ruleset {
namespace {

Result<std::shared_ptr<const RuleSet>> Load(std::string content, std::string path = "t.toml") {
  std::vector<SourceFile> files = {{std::move(path), std::move(content)}};
  return RuleSet::LoadFiles(files);
}

TEST(RuleSetTest, LoadsPatternsListsAndDefines) {
  auto rs = Load(R"(
[define]
DAY = '\d{1,2}'

[[list]]
name = "months"
items = ["tháng"]

[[pattern]]
name = "date.dm"
regex = '{WB_L}(?P<m>ngày (?P<day>{DAY}) {list:months} (?P<month>\d{1,2}))'
attr = { kind = "date", before = true, rank = 3 }
match = ["ngày 15 tháng 01", { text = "trước ngày 5 tháng 6", expect = "ngày 5 tháng 6", groups = { day = "5" } }]
no_match = ["ngày tháng 5"]
)");
  ASSERT_TRUE(rs) << rs.error().message;
  const Pattern* p = (*rs)->FindPattern("date.dm");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->attr_string("kind"), "date");
  EXPECT_TRUE(p->attr_bool("before"));
  EXPECT_EQ(p->attr_int("rank"), 3);
  EXPECT_EQ(p->attr_string("missing", "x"), "x");
  EXPECT_GT(p->group("day"), 0);
  EXPECT_EQ(p->group("nope"), -1);
  EXPECT_TRUE(RE2::PartialMatch("Ngày 15 THÁNG 01", p->regex())) << "case-insensitive by default";
  EXPECT_TRUE(RE2::PartialMatch("ngay 15 thang 01", p->folded_regex()));
  EXPECT_TRUE(CheckExamples(**rs).empty());
  EXPECT_EQ((*rs)->PatternsWithPrefix("date.").size(), 1u);
}

TEST(RuleSetTest, BuiltinLetterClassesAndEdges) {
  struct Case { const char* regex; const char* text; bool matches; } cases[] = {
      {"^[{LETTER}]+$", "Đường", true},
      {"^[{LETTER}]+$", "ỹ", true},
      {"^[{LETTER}]+$", "a1", false},
      {"^[^{LETTER}]+$", "12 ,;", true},
      {"^[{UPPER}]", "Ủy", true},
      {"^[{LOWER}]+$", "ủy", true},
      {"{WB_L}(?P<m>sở){WB_R}", "các sở, ngành", true},
      {"{WB_L}(?P<m>sở){WB_R}", "cơsở", false},
      {"{WB_L}(?P<m>sở){WB_R}", "sởi", false},
      {"{WB_L}(?P<m>2026){WB_R}", "năm 2026¹", true},  // a footnote marker is an edge
      {"{WB_L}(?P<m>2026){WB_R}", "năm 20261", false},
  };
  for (const Case& c : cases) {
    auto rs = Load(std::string("[[pattern]]\nname = \"p\"\ncase_sensitive = true\nregex = '") + c.regex + "'\n");
    ASSERT_TRUE(rs) << c.regex << ": " << rs.error().message;
    const Pattern& p = (*rs)->pattern("p");
    EXPECT_EQ(RE2::PartialMatch(c.text, p.regex()), c.matches) << c.regex << " on " << c.text;
  }
}

TEST(RuleSetTest, GroupCountsAndSetSourcesWithoutCompiling) {
  struct Case { const char* regex; int groups; } cases[] = {
      {"a", 0},
      {"(a)(?:b)(?P<c>c)", 2},
      {R"(\(a\)[(](?i:x)(y))", 1},
      {R"([]()]+(z))", 1},
      {R"([^]()]+(z)(?P<w>w))", 2},
  };
  for (const Case& c : cases) {
    auto rs = Load(std::string("[[pattern]]\nname = \"p\"\nregex = '") + c.regex + "'\n");
    ASSERT_TRUE(rs) << c.regex << ": " << rs.error().message;
    const Pattern& p = (*rs)->pattern("p");
    EXPECT_EQ(p.capturing_groups(), c.groups) << c.regex;
    EXPECT_EQ(p.capturing_groups(), p.regex().NumberOfCapturingGroups()) << c.regex;
    EXPECT_EQ(p.set_source(false), std::string("(?i)") + p.source());
  }
}

TEST(RuleSetTest, RulesAreMatchedInCanonicalToneForm) {
  // Written with the modern placement, matched against classic-form text.
  auto rs = Load(R"(
[[pattern]]
name = "x"
regex = 'Văn hoá'
)");
  ASSERT_TRUE(rs) << rs.error().message;
  EXPECT_TRUE(RE2::PartialMatch("Sở Văn hóa", (*rs)->pattern("x").regex()));
}

TEST(RuleSetTest, FailingExamplesAreReportedWithFileAndLine) {
  auto rs = Load("[[pattern]]\nname = \"p\"\nregex = 'abc'\nmatch = ['xyz']\nno_match = ['abc']\n",
                 "d/p.toml");
  ASSERT_TRUE(rs) << rs.error().message;
  auto failures = CheckExamples(**rs);
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_NE(failures[0].find("d/p.toml:1: pattern p: should match \"xyz\""), std::string::npos)
      << failures[0];
  EXPECT_NE(failures[1].find("should not match \"abc\""), std::string::npos) << failures[1];
}

TEST(RuleSetTest, ErrorsNameFileLineAndCause) {
  struct Case { const char* content; const char* expected; } cases[] = {
      {"[[pattern]]\nname = \"p\"\nregex = '(unclosed'\n", "t.toml:1: pattern 'p': missing )"},
      {"[[pattern]]\nname = \"p\"\nregex = 'a'\ncolour = 'red'\n", "t.toml:4: unknown key 'colour'"},
      {"[[pattern]]\nname = \"p\"\nregex = '{NOPE}'\n", "unknown define '{NOPE}'"},
      {"[[pattern]]\nname = \"p\"\nregex = '{list:none}'\n", "unknown list '{list:none}'"},
      {"[[pattern]]\nname = \"p\"\nregex = 'a'\n[[pattern]]\nname = \"p\"\nregex = 'b'\n",
       "pattern 'p' is defined twice"},
      {"[weird]\n", "unknown section 'weird'"},
      {"[[pattern]\n", "t.toml:1"},
      {"[[holidays]]\nyear = 2026\noff = ['2026-02-30']\n", "bad date '2026-02-30'"},
      {"[define]\nA = '{B}'\nB = '{A}'\n[[pattern]]\nname='p'\nregex='{A}'\n", "nest too deeply"},
  };
  for (const auto& c : cases) {
    auto rs = Load(c.content);
    ASSERT_FALSE(rs) << c.content;
    EXPECT_EQ(rs.error().code, ErrorCode::kRuleSyntax);
    EXPECT_NE(rs.error().message.find(c.expected), std::string::npos)
        << "got: " << rs.error().message << "\nwanted: " << c.expected;
  }
}

TEST(RuleSetTest, AgenciesHolidaysAndDataFiles) {
  std::vector<SourceFile> files = {
      {"a.toml", R"(
[[agency]]
name = "Sở Khoa học và Công nghệ"
aliases = ["Sở KH&CN"]
kind = "department"

[[holidays]]
year = 2026
off = ["2026-01-01", "2026-02-16..2026-02-20"]
work = []
)"},
      {"encodings/x.tsv", "a\tb\n"}};
  auto rs = RuleSet::LoadFiles(files);
  ASSERT_TRUE(rs) << rs.error().message;
  ASSERT_EQ((*rs)->agencies().size(), 1u);
  EXPECT_EQ((*rs)->agencies()[0].aliases[0], "Sở KH&CN");
  ASSERT_EQ((*rs)->holidays().size(), 1u);
  EXPECT_EQ((*rs)->holidays()[0].off.size(), 6u);
  EXPECT_EQ((*rs)->holidays()[0].off[5], "2026-02-20");
  ASSERT_NE((*rs)->DataFile("encodings/x.tsv"), nullptr);
  EXPECT_EQ(*(*rs)->DataFile("encodings/x.tsv"), "a\tb\n");
}

TEST(RuleSetTest, RequireNamesWhatIsMissing) {
  auto rs = Load("[[pattern]]\nname = \"p\"\nregex = 'a'\n");
  ASSERT_TRUE(rs);
  std::string_view need[] = {"p", "q"};
  Status st = (*rs)->Require(need, {});
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("'q'"), std::string::npos);
}

TEST(RuleSetTest, LoadDirectoryMatchesBuiltin) {
  auto dir = RuleSet::LoadDirectory(NOTICES_RULES_DIR);
  auto builtin = RuleSet::Builtin();
  ASSERT_TRUE(dir) << dir.error().message;
  ASSERT_TRUE(builtin) << builtin.error().message;
  EXPECT_EQ((*dir)->patterns().size(), (*builtin)->patterns().size());
  EXPECT_EQ((*dir)->agencies().size(), (*builtin)->agencies().size());
  auto missing = RuleSet::LoadDirectory("/nonexistent/rules");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("/nonexistent/rules"), std::string::npos);
}

// The task-table vocabulary the three table readers share (table_rules.h).
TEST(TableRulesTest, ColumnsKindsAndRowPatterns) {
  auto builtin = RuleSet::Builtin();
  ASSERT_TRUE(builtin);
  auto t = LoadTableRules(**builtin);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_GE(t->columns.size(), 7u);
  for (const TableColumn& c : t->columns) EXPECT_NE(c.kind, ColumnKind::kOther) << c.pattern->name();
  EXPECT_NE(t->row_number, nullptr);
  EXPECT_NE(t->section_label, nullptr);
  EXPECT_NE(t->column_number, nullptr);

  const std::string row_patterns =
      "[[pattern]]\nname = \"table.row.number\"\nregex = '^\\d+$'\nmatch = [\"1\"]\n"
      "[[pattern]]\nname = \"table.row.section_label\"\nregex = '^[IVX]+$'\nmatch = [\"II\"]\n"
      "[[pattern]]\nname = \"table.row.column_number_cell\"\nregex = '^\\(\\d+\\)$'\nmatch = [\"(1)\"]\n";
  const std::string lead =
      "[[pattern]]\nname = \"table.column.lead\"\nregex = '^Chủ trì$'\nattr = { kind = \"lead\" }\n"
      "match = [\"Chủ trì\"]\n";
  auto ok = Load(lead + row_patterns, "tables.toml");
  ASSERT_TRUE(ok) << ok.error().message;
  auto loaded = LoadTableRules(**ok);
  ASSERT_TRUE(loaded) << loaded.error().message;
  ASSERT_EQ(loaded->columns.size(), 1u);
  EXPECT_EQ(loaded->columns[0].kind, ColumnKind::kLead);
  EXPECT_EQ(ColumnKindName(loaded->columns[0].kind), "lead");

  // An unknown kind names the rule and its file; columns need the row patterns.
  auto odd = Load(
      "[[pattern]]\nname = \"table.column.budget\"\nregex = '^Kinh phí$'\nattr = { kind = \"budget\" }\n"
      "match = [\"Kinh phí\"]\n" + row_patterns, "tables.toml");
  ASSERT_TRUE(odd) << odd.error().message;
  auto unknown = LoadTableRules(**odd);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("tables.toml"), std::string::npos) << unknown.error().message;
  EXPECT_NE(unknown.error().message.find("unknown kind 'budget'"), std::string::npos);
  auto bare = Load(lead, "tables.toml");
  ASSERT_TRUE(bare) << bare.error().message;
  auto no_rows = LoadTableRules(**bare);
  ASSERT_FALSE(no_rows);
  EXPECT_EQ(no_rows.error().code, ErrorCode::kRuleSyntax);

  // No column patterns at all: nothing to find, not an error.
  auto none = Load("[[pattern]]\nname = \"x.y\"\nregex = 'a'\nmatch = [\"a\"]\n");
  ASSERT_TRUE(none);
  auto empty = LoadTableRules(**none);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->columns.empty());
}

}  // namespace
}  // namespace notices::ruleset
