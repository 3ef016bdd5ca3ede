// RoleAssigner on hand-made mentions, so the role rules are tested apart from the
// agency finder.
#include "pipeline/extract/role_assigner.h"

#include <gtest/gtest.h>

namespace notices::extract {
namespace {

// Builds mentions for the listed agency texts, found left to right in `text`.
std::vector<AgencyMention> Mentions(std::string_view text, std::vector<std::string> names,
                                    std::vector<std::string> outside = {}) {
  std::vector<AgencyMention> out;
  size_t from = 0;
  for (const std::string& n : names) {
    size_t at = text.find(n, from);
    EXPECT_NE(at, std::string_view::npos) << n;
    AgencyMention m;
    m.span = {at, at + n.size()};
    m.name = n;
    m.text = n;
    m.known = true;
    m.outside = std::find(outside.begin(), outside.end(), n) != outside.end();
    out.push_back(m);
    from = at + n.size();
  }
  return out;
}

std::string Names(const std::vector<Agency>& v) {
  std::string s;
  for (const Agency& a : v) s += (s.empty() ? "" : " | ") + a.name;
  return s;
}

struct Case {
  std::string text;
  std::vector<std::string> agencies;
  std::string lead, coordinate, requested, report_to;
  std::vector<std::string> outside = {};
};

TEST(RoleAssignerTest, Table) {
  auto rules = ruleset::RuleSet::Builtin();
  ASSERT_TRUE(rules) << rules.error().message;
  auto assigner = RoleAssigner::Create(*rules);
  ASSERT_TRUE(assigner) << assigner.error().message;
  const Case cases[] = {
      {"Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và các cơ quan liên quan rà soát, báo cáo UBND tỉnh",
       {"Sở Tài chính", "Sở Xây dựng", "các cơ quan liên quan", "UBND tỉnh"},
       "Sở Tài chính", "Sở Xây dựng | các cơ quan liên quan", "", "UBND tỉnh"},
      {"Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan liên quan nghiên cứu",
       {"Sở Khoa học và Công nghệ", "các cơ quan liên quan"},
       "Sở Khoa học và Công nghệ", "các cơ quan liên quan", "", ""},
      {"Bộ Y tế triển khai, đôn đốc các Bộ, ngành, các cơ quan, địa phương thực hiện nghiêm",
       {"Bộ Y tế", "các Bộ, ngành", "các cơ quan, địa phương"}, "Bộ Y tế", "", "", ""},
      {"Giao Sở Nông nghiệp và Môi trường phối hợp với Sở Tài chính rà soát",
       {"Sở Nông nghiệp và Môi trường", "Sở Tài chính"}, "Sở Nông nghiệp và Môi trường", "Sở Tài chính", "", ""},
      {"Đề nghị VNPT Lạng Sơn, Viettel Lạng Sơn",
       {"VNPT Lạng Sơn", "Viettel Lạng Sơn"}, "", "", "VNPT Lạng Sơn | Viettel Lạng Sơn", ""},
      {"Đề nghị Ủy ban MTTQ tỉnh, Sở Nội vụ phối hợp tuyên truyền",
       {"Ủy ban MTTQ tỉnh", "Sở Nội vụ"}, "Sở Nội vụ", "", "Ủy ban MTTQ tỉnh", "", {"Ủy ban MTTQ tỉnh"}},
      {"Quan tâm nâng cao chất lượng công tác phối hợp với các sở, ngành và UBND cấp xã",
       {"các sở, ngành", "UBND cấp xã"}, "", "", "", ""},
      {"Sau khi nghe Giám đốc Sở Khoa học và Công nghệ báo cáo", {"Sở Khoa học và Công nghệ"}, "", "", "", ""},
      {"Chủ động phối hợp, làm việc với VNPT Lạng Sơn, Viettel Lạng Sơn để nghiên cứu",
       {"VNPT Lạng Sơn", "Viettel Lạng Sơn"}, "", "VNPT Lạng Sơn | Viettel Lạng Sơn", "", ""},
      {"tích cực làm việc với Sở Khoa học và Công nghệ để khảo sát", {"Sở Khoa học và Công nghệ"}, "", "", "", ""},
      {"Sở Tài chính: tham mưu cho UBND tỉnh ưu tiên bố trí", {"Sở Tài chính", "UBND tỉnh"},
       "Sở Tài chính", "", "", "UBND tỉnh"},
      {"Sở Khoa học và Công nghệ chủ trì, Sở Tài chính phối hợp thẩm định",
       {"Sở Khoa học và Công nghệ", "Sở Tài chính"}, "Sở Khoa học và Công nghệ", "Sở Tài chính", "", ""},
      {"Các sở, ban, ngành, UBND các xã, phường", {"Các sở, ban, ngành", "UBND các xã, phường"},
       "Các sở, ban, ngành | UBND các xã, phường", "", "", ""},
      {"tiếp tục thực hiện các nhiệm vụ được giao tại Thông báo của Văn phòng UBND tỉnh",
       {"Văn phòng UBND tỉnh"}, "", "", "", ""},
      {"Đối với các phần mềm đang thử nghiệm, Sở Khoa học và Công nghệ chủ trì đánh giá",
       {"Sở Khoa học và Công nghệ"}, "Sở Khoa học và Công nghệ", "", "", ""},
      // A topic before a colon opens the clause after it; a plain noun phrase does not.
      {"Đối với các Cụm công nghiệp: Phú Thịnh 5 và Phú Thịnh 6, giao UBND phường Văn Phú tìm kiếm nhà đầu tư",
       {"UBND phường Văn Phú"}, "UBND phường Văn Phú", "", "", ""},
      {"Các cụm công nghiệp: Phú Thịnh 5 và Phú Thịnh 6, khẩn trương giao UBND phường Văn Phú tìm kiếm",
       {"UBND phường Văn Phú"}, "", "", "", ""},
  };
  for (const Case& c : cases) {
    auto mentions = Mentions(c.text, c.agencies, c.outside);
    RoleLists r = assigner->Assign(c.text, {0, c.text.size()}, mentions, MatchMode::kExact);
    EXPECT_EQ(Names(r.lead), c.lead) << c.text;
    EXPECT_EQ(Names(r.coordinate), c.coordinate) << c.text;
    EXPECT_EQ(Names(r.requested), c.requested) << c.text;
    EXPECT_EQ(Names(r.report_to), c.report_to) << c.text;
  }
}

TEST(RoleAssignerTest, OnlyMentionsInsideTheRangeCount) {
  auto rules = ruleset::RuleSet::Builtin();
  ASSERT_TRUE(rules);
  auto assigner = RoleAssigner::Create(*rules);
  ASSERT_TRUE(assigner);
  std::string text = "Giao Sở Y tế chủ trì; giao Sở Tài chính bố trí kinh phí";
  auto mentions = Mentions(text, {"Sở Y tế", "Sở Tài chính"});
  size_t cut = text.find(';');
  RoleLists first = assigner->Assign(text, {0, cut}, mentions, MatchMode::kExact);
  RoleLists second = assigner->Assign(text, {cut + 2, text.size()}, mentions, MatchMode::kExact);
  EXPECT_EQ(Names(first.lead), "Sở Y tế");
  EXPECT_EQ(Names(second.lead), "Sở Tài chính");
}

TEST(RoleAssignerTest, FoldedText) {
  auto rules = ruleset::RuleSet::Builtin();
  ASSERT_TRUE(rules);
  auto assigner = RoleAssigner::Create(*rules);
  ASSERT_TRUE(assigner);
  std::string text = "Giao So Tai chinh chu tri, phoi hop voi So Xay dung bao cao UBND tinh";
  auto mentions = Mentions(text, {"So Tai chinh", "So Xay dung", "UBND tinh"});
  RoleLists r = assigner->Assign(text, {0, text.size()}, mentions, MatchMode::kFolded);
  EXPECT_EQ(Names(r.lead), "So Tai chinh");
  EXPECT_EQ(Names(r.coordinate), "So Xay dung");
  EXPECT_EQ(Names(r.report_to), "UBND tinh");
}

}  // namespace
}  // namespace notices::extract
