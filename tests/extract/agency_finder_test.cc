// AgencyFinder: table-driven cases for every behaviour the header promises, the seeds'
// sentences, Canonical(), the key text, rule errors and bad input.
#include "pipeline/extract/agency_finder.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/extract/agency_key.h"
#include "pipeline/normalize/tone.h"
#include "pipeline/ruleset/builtin_files.h"

namespace notices::extract {
namespace {

const AgencyFinder& Finder() {
  static const AgencyFinder* finder = [] {
    auto rules = ruleset::RuleSet::Builtin();
    EXPECT_TRUE(rules) << rules.error().message;
    auto f = AgencyFinder::Create(*rules);
    EXPECT_TRUE(f) << f.error().message;
    return new AgencyFinder(std::move(f).value());
  }();
  return *finder;
}

struct Want {
  std::string_view name;
  std::string_view text;
  bool collective = false;
  bool known = true;
};

struct Case {
  std::string_view text;
  std::vector<Want> want;
  MatchMode mode = MatchMode::kExact;
  bool ocr = false;  // the text came from OCR
};

constexpr bool kColl = true;
constexpr bool kUnknown = false;

std::string Show(const std::vector<AgencyMention>& ms) {
  std::string s;
  for (const AgencyMention& m : ms)
    s += "  {\"" + m.name + "\", \"" + m.text + "\"" + (m.collective ? ", coll" : "") +
         (m.known ? "" : ", unknown") + "}\n";
  return s;
}

// The finder reads normalized text (NFC, classic tone placement): the cases go through
// the same canonical form first, so "Uỷ ban" is searched as "Ủy ban".
void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string text = normalize::CanonicalForm(c.text);
    std::vector<AgencyMention> got = Finder().FindAll(text, {0, text.size()}, c.mode, c.ocr);
    SCOPED_TRACE("text: " + text + "\ngot:\n" + Show(got));
    ASSERT_EQ(got.size(), c.want.size());
    size_t last_end = 0;
    for (size_t i = 0; i < got.size(); ++i) {
      const AgencyMention& m = got[i];
      EXPECT_EQ(m.name, c.want[i].name);
      EXPECT_EQ(m.text, c.want[i].text);
      EXPECT_EQ(m.collective, c.want[i].collective) << m.name;
      EXPECT_EQ(m.known, c.want[i].known) << m.name;
      EXPECT_EQ(text.substr(m.span.begin, m.span.size()), m.text);
      EXPECT_LE(last_end, m.span.begin) << "mentions overlap or are out of order";
      last_end = m.span.end;
    }
  }
}

TEST(AgencyFinderTest, CanonicalNamesAliasesAndAbbreviations) {
  RunCases({
      {"Giao Sở Tài chính chủ trì", {{"Sở Tài chính", "Sở Tài chính"}}},
      {"Sở KH&CN", {{"Sở Khoa học và Công nghệ", "Sở KH&CN"}}},
      {"Sở KH & CN", {{"Sở Khoa học và Công nghệ", "Sở KH & CN"}}},
      {"SỞ KHOA HỌC VÀ CÔNG NGHỆ", {{"Sở Khoa học và Công nghệ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"}}},
      {"gửi sở khoa học và công nghệ", {{"Sở Khoa học và Công nghệ", "sở khoa học và công nghệ"}}},
      {"Sở GD&ĐT, Sở GDĐT", {{"Sở Giáo dục và Đào tạo", "Sở GD&ĐT"}, {"Sở Giáo dục và Đào tạo", "Sở GDĐT"}}},
      {"Sở NN&MT; Sở NNMT", {{"Sở Nông nghiệp và Môi trường", "Sở NN&MT"}, {"Sở Nông nghiệp và Môi trường", "Sở NNMT"}}},
      {"Sở VH,TT&DL", {{"Sở Văn hóa, Thể thao và Du lịch", "Sở VH,TT&DL"}}},
      {"Sở VHTTDL tổ chức", {{"Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"}}},
      {"UBND tỉnh; HĐND tỉnh", {{"Ủy ban nhân dân tỉnh", "UBND tỉnh"}, {"Hội đồng nhân dân tỉnh", "HĐND tỉnh"}}},
      {"Uỷ ban nhân dân tỉnh", {{"Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"}}},
      {"CA tỉnh, BCH QS tỉnh và BCHQS tỉnh",
       {{"Công an tỉnh", "CA tỉnh"}, {"Bộ Chỉ huy Quân sự tỉnh", "BCH QS tỉnh"},
        {"Bộ Chỉ huy Quân sự tỉnh", "BCHQS tỉnh"}}},
      {"VPCP, TTg", {{"Văn phòng Chính phủ", "VPCP"}, {"Thủ tướng Chính phủ", "TTg"}}},
      {"Ủy ban MTTQ Việt Nam tỉnh", {{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"}}},
      {"Văn phòng Đoàn ĐBQH và HĐND tỉnh",
       {{"Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"}}},
      {"Thanh tra tỉnh, Sở Dân tộc và Tôn giáo",
       {{"Thanh tra tỉnh", "Thanh tra tỉnh"}, {"Sở Dân tộc và Tôn giáo", "Sở Dân tộc và Tôn giáo"}}},
      {"Bộ Công an, Bộ Quốc phòng, Ngân hàng Nhà nước Việt Nam",
       {{"Bộ Công an", "Bộ Công an"}, {"Bộ Quốc phòng", "Bộ Quốc phòng"},
        {"Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước Việt Nam"}}},
      {"Ban Tuyên giáo và Dân vận Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy",
       {{"Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"},
        {"Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"}}},
  });
}

TEST(AgencyFinderTest, NamesBeforeThe2025RestructuringKeepTheirOwnName) {
  RunCases({
      {"Sở KH&ĐT", {{"Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"}}},
      {"Sở TT&TT", {{"Sở Thông tin và Truyền thông", "Sở TT&TT"}}},
      {"Sở LĐ-TB&XH", {{"Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"}}},
      {"Sở Lao động – Thương binh và Xã hội", {{"Sở Lao động - Thương binh và Xã hội", "Sở Lao động – Thương binh và Xã hội"}}},
      {"Sở NN&PTNT", {{"Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"}}},
      {"Sở TN&MT", {{"Sở Tài nguyên và Môi trường", "Sở TN&MT"}}},
      {"Sở GTVT", {{"Sở Giao thông vận tải", "Sở GTVT"}}},
      {"Bộ Giao thông vận tải và Ủy ban Dân tộc",
       {{"Bộ Giao thông vận tải", "Bộ Giao thông vận tải"}, {"Ủy ban Dân tộc", "Ủy ban Dân tộc"}}},
  });
}

TEST(AgencyFinderTest, CommasInsideNamesAndLists) {
  RunCases({
      {"Sở Văn hóa, Thể thao và Du lịch chủ trì",
       {{"Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"}}},
      {"Sở Tài chính, Sở Nội vụ và Sở Y tế",
       {{"Sở Tài chính", "Sở Tài chính"}, {"Sở Nội vụ", "Sở Nội vụ"}, {"Sở Y tế", "Sở Y tế"}}},
      {"Bộ Văn hóa, Thể thao và Du lịch, Bộ Y tế",
       {{"Bộ Văn hóa, Thể thao và Du lịch", "Bộ Văn hóa, Thể thao và Du lịch"}, {"Bộ Y tế", "Bộ Y tế"}}},
      {"phối hợp với Bộ Kế hoạch và Đầu tư, BộTài chính:",
       {{"Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư"}, {"Bộ Tài chính", "BộTài chính"}}},
  });
}

TEST(AgencyFinderTest, SharedHeadNouns) {
  RunCases({
      {"phối hợp với các Sở: Tài chính, Nội vụ", {{"Sở Tài chính", "Tài chính"}, {"Sở Nội vụ", "Nội vụ"}}},
      {"Giám đốc các Sở: Tài chính, Xây dựng chịu trách nhiệm",
       {{"Sở Tài chính", "Tài chính"}, {"Sở Xây dựng", "Xây dựng"}}},
      {"Giao các Sở Tài chính, Xây dựng và Công Thương",
       {{"Sở Tài chính", "Tài chính"}, {"Sở Xây dựng", "Xây dựng"}, {"Sở Công Thương", "Công Thương"}}},
      {"- Các Bộ: NG, CA, QP, LĐTBXH, VHTTDL, TTTT, TC;",
       {{"Bộ Ngoại giao", "NG"}, {"Bộ Công an", "CA"}, {"Bộ Quốc phòng", "QP"},
        {"Bộ Lao động - Thương binh và Xã hội", "LĐTBXH"}, {"Bộ Văn hóa, Thể thao và Du lịch", "VHTTDL"},
        {"Bộ Thông tin và Truyền thông", "TTTT"}, {"Bộ Tài chính", "TC"}}},
      {"- Các Bộ: KH&ĐT, TC;", {{"Bộ Kế hoạch và Đầu tư", "KH&ĐT"}, {"Bộ Tài chính", "TC"}}},
      {"- Các Sở, ngành: Công Thương, Nội vụ, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ban Chỉ huy Bộ đội "
       "Biên phòng tỉnh;",
       {{"Sở Công Thương", "Công Thương"}, {"Sở Nội vụ", "Nội vụ"}, {"Công an tỉnh", "Công an tỉnh"},
        {"Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"},
        {"Ban Chỉ huy Bộ đội Biên phòng tỉnh", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"}}},
      {"- UBND các phường: Yên Bái, Văn Phú, Âu Lâu.",
       {{"Ủy ban nhân dân phường Yên Bái", "Yên Bái", false, kUnknown},
        {"Ủy ban nhân dân phường Văn Phú", "Văn Phú", false, kUnknown},
        {"Ủy ban nhân dân phường Âu Lâu", "Âu Lâu", false, kUnknown}}},
      {"các Phòng: KGVX, TH;", {{"Phòng KGVX", "KGVX", false, kUnknown}, {"Phòng TH", "TH", false, kUnknown}}},
  });
}

TEST(AgencyFinderTest, NamesEndWhereTheVerbStarts) {
  RunCases({
      {"Sở Tài chính tham mưu UBND tỉnh", {{"Sở Tài chính", "Sở Tài chính"}, {"Ủy ban nhân dân tỉnh", "UBND tỉnh"}}},
      {"2.3. Công an tỉnh: khẩn trương triển khai", {{"Công an tỉnh", "Công an tỉnh"}}},
      {"Công an tỉnh chủ trì", {{"Công an tỉnh", "Công an tỉnh"}}},
      {"Ban Quản lý dự án đầu tư xây dựng số 1 đẩy nhanh tiến độ",
       {{"Ban Quản lý dự án đầu tư xây dựng số 1", "Ban Quản lý dự án đầu tư xây dựng số 1", false, kUnknown}}},
      {"Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh đẩy nhanh",
       {{"Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
         "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh", false, kUnknown}}},
      {"Xe ô tô 7 chỗ do Văn phòng Sở Công Thương tỉnh Lào Cai bố trí.",
       {{"Văn phòng Sở Công Thương tỉnh Lào Cai", "Văn phòng Sở Công Thương tỉnh Lào Cai", false, kUnknown}}},
  });
}

TEST(AgencyFinderTest, PlacesAndProvinceTemplates) {
  RunCases({
      {"Sở Y tế tỉnh Lạng Sơn", {{"Sở Y tế tỉnh Lạng Sơn", "Sở Y tế tỉnh Lạng Sơn"}}},
      {"Công an tỉnh Lạng Sơn chủ trì", {{"Công an tỉnh Lạng Sơn", "Công an tỉnh Lạng Sơn"}}},
      {"Sở Công Thương Lào Cai thông báo", {{"Sở Công Thương Lào Cai", "Sở Công Thương Lào Cai"}}},
      {"Viễn thông Lạng Sơn, Viettel Lạng Sơn",
       {{"VNPT Lạng Sơn", "Viễn thông Lạng Sơn"}, {"Viettel Lạng Sơn", "Viettel Lạng Sơn"}}},
      {"Chi nhánh Viettel Cao Bằng", {{"Viettel Cao Bằng", "Chi nhánh Viettel Cao Bằng"}}},
      {"Viettel Thừa Thiên Huế và VNPT Hà Giang",
       {{"Viettel Thừa Thiên Huế", "Viettel Thừa Thiên Huế"}, {"VNPT Hà Giang", "VNPT Hà Giang"}}},
      {"Công ty Điện lực Lào Cai; PC Lào Cai",
       {{"Công ty Điện lực Lào Cai", "Công ty Điện lực Lào Cai"}, {"Công ty Điện lực Lào Cai", "PC Lào Cai"}}},
      {"Bưu điện tỉnh Lạng Sơn", {{"Bưu điện tỉnh Lạng Sơn", "Bưu điện tỉnh Lạng Sơn"}}},
      {"Ủy ban nhân dân thành phố Hải Phòng và Ủy ban nhân dân tỉnh Quảng Ninh",
       {{"Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"},
        {"Ủy ban nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Quảng Ninh"}}},
      {"phối hợp với UBND xã Yên Bình", {{"Ủy ban nhân dân xã Yên Bình", "UBND xã Yên Bình", false, kUnknown}}},
      {"Phó CT UBND tỉnh Phan Trung Bá;", {{"Ủy ban nhân dân tỉnh", "UBND tỉnh"}}},
      {"Ban Quản lý Khu kinh tế tỉnh báo cáo", {{"Ban Quản lý Khu kinh tế", "Ban Quản lý Khu kinh tế tỉnh"}}},
      {"Ban Quản lý các Khu công nghiệp tỉnh", {{"Ban Quản lý các khu công nghiệp", "Ban Quản lý các Khu công nghiệp tỉnh"}}},
      {"Ban Thường vụ Tỉnh ủy", {{"Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"}}},
      {"phối hợp với Công an tỉnh, Tỉnh đoàn", {{"Công an tỉnh", "Công an tỉnh"}, {"Tỉnh đoàn", "Tỉnh đoàn"}}},
      {"Tỉnh ủy Lào Cai", {{"Tỉnh ủy Lào Cai", "Tỉnh ủy Lào Cai"}}},
  });
}

TEST(AgencyFinderTest, CollectiveAddressees) {
  RunCases({
      {"các sở, ban, ngành", {{"các sở, ban, ngành", "các sở, ban, ngành", kColl}}},
      {"Các sở, ngành tỉnh", {{"các sở, ngành tỉnh", "Các sở, ngành tỉnh", kColl}}},
      {"UBND các xã, phường", {{"Ủy ban nhân dân các xã, phường", "UBND các xã, phường", kColl}}},
      {"Uỷ ban nhân dân các huyện, thành phố",
       {{"Ủy ban nhân dân các huyện, thành phố", "Ủy ban nhân dân các huyện, thành phố", kColl}}},
      {"Ủy ban nhân dân xã, phường", {{"Ủy ban nhân dân xã, phường", "Ủy ban nhân dân xã, phường", kColl}}},
      {"phối hợp với các cơ quan, đơn vị liên quan",
       {{"các cơ quan, đơn vị liên quan", "các cơ quan, đơn vị liên quan", kColl}}},
      {"- Các Sở, ban, ngành thuộc tỉnh;", {{"các Sở, ban, ngành thuộc tỉnh", "Các Sở, ban, ngành thuộc tỉnh", kColl}}},
      {"các đơn vị chức năng thuộc Bộ Quốc phòng",
       {{"các đơn vị chức năng thuộc Bộ Quốc phòng", "các đơn vị chức năng thuộc Bộ Quốc phòng", kColl}}},
      {"yêu cầu các cơ quan, đơn vị được giao chuẩn bị dự án khẩn trương rà soát",
       {{"các cơ quan, đơn vị được giao chuẩn bị dự án", "các cơ quan, đơn vị được giao chuẩn bị dự án", kColl}}},
      {"6. Trách nhiệm của các tổ chức, doanh nghiệp hoạt động trong lĩnh vực có liên quan đến VLNCN, TCTN",
       {{"các tổ chức, doanh nghiệp hoạt động trong lĩnh vực có liên quan đến VLNCN, TCTN",
         "các tổ chức, doanh nghiệp hoạt động trong lĩnh vực có liên quan đến VLNCN, TCTN", kColl}}},
      {"Chủ trì, phối hợp với các doanh nghiệp viễn thông, các cơ quan, đơn vị liên quan",
       {{"các doanh nghiệp viễn thông", "các doanh nghiệp viễn thông", kColl},
        {"các cơ quan, đơn vị liên quan", "các cơ quan, đơn vị liên quan", kColl}}},
      {"Đề nghị các doanh nghiệp viễn thông, công nghệ thông tin trên địa bàn tỉnh tiếp tục",
       {{"các doanh nghiệp viễn thông, công nghệ thông tin trên địa bàn tỉnh",
         "các doanh nghiệp viễn thông, công nghệ thông tin trên địa bàn tỉnh", kColl}}},
      {"UBND các tỉnh, thành phố trực thuộc TW",
       {{"Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "UBND các tỉnh, thành phố trực thuộc TW", kColl}}},
      {"các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
       {{"các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", kColl}}},
      {"đôn đốc các Bộ, ngành, các cơ quan, địa phương",
       {{"các Bộ, ngành", "các Bộ, ngành", kColl}, {"các cơ quan, địa phương", "các cơ quan, địa phương", kColl}}},
      {"các sở, ban, ngành, UBND các xã, phường",
       {{"các sở, ban, ngành", "các sở, ban, ngành", kColl},
        {"Ủy ban nhân dân các xã, phường", "UBND các xã, phường", kColl}}},
      {"Đề nghị đơn vị nêu trên thực hiện", {{"đơn vị nêu trên", "đơn vị nêu trên", kColl}}},
      {"phối hợp với cơ quan chuyên môn đề xuất", {{"cơ quan chuyên môn", "cơ quan chuyên môn", kColl}}},
      {"các thành viên Ban Chỉ đạo", {{"các thành viên Ban Chỉ đạo", "các thành viên Ban Chỉ đạo", kColl}}},
      // Words that start with a collective noun but address nobody.
      {"các bộ phận chuyên môn và các trường hợp vi phạm; cán bộ chuyên môn", {}},
  });
}

TEST(AgencyFinderTest, OfficeHoldersStayWithTheirBody) {
  RunCases({
      {"Giám đốc Sở Xây dựng chịu trách nhiệm", {{"Giám đốc Sở Xây dựng", "Giám đốc Sở Xây dựng"}}},
      {"Chủ tịch UBND các xã, phường",
       {{"Chủ tịch Ủy ban nhân dân các xã, phường", "Chủ tịch UBND các xã, phường", kColl}}},
      {"Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh",
       {{"Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh", "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh", kColl}}},
      {"Bộ trưởng Bộ Xây dựng ban hành", {{"Bộ trưởng Bộ Xây dựng", "Bộ trưởng Bộ Xây dựng"}}},
      {"đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh",
       {{"Phó Chủ tịch Ủy ban nhân dân tỉnh", "Phó Chủ tịch UBND tỉnh"}}},
  });
  std::string text = "Giám đốc Sở Xây dựng";
  auto m = Finder().FindAll(text, {0, text.size()}, MatchMode::kExact);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].holder, "Giám đốc");
  EXPECT_EQ(m[0].kind, "department");
}

TEST(AgencyFinderTest, FallbackForUnknownBodies) {
  RunCases({
      {"giao Trung tâm Công nghệ thông tin và Truyền thông tham mưu",
       {{"Trung tâm Công nghệ thông tin và Truyền thông", "Trung tâm Công nghệ thông tin và Truyền thông", false,
         kUnknown}}},
      {"đề xuất của Công ty TNHH Phonesack Việt Nam tại văn bản",
       {{"Công ty TNHH Phonesack Việt Nam", "Công ty TNHH Phonesack Việt Nam", false, kUnknown}}},
      {"(Công ty cổ phần Luyện kim hóa chất Tây Bắc)",
       {{"Công ty cổ phần Luyện kim hóa chất Tây Bắc", "Công ty cổ phần Luyện kim hóa chất Tây Bắc", false, kUnknown}}},
      {"BQL Khu công nghệ cao Hòa Lạc chủ trì",
       {{"Ban Quản lý Khu công nghệ cao Hòa Lạc", "BQL Khu công nghệ cao Hòa Lạc", false, kUnknown}}},
      {"- Đề nghị Công ty tiếp tục tăng cường", {{"Công ty", "Công ty", false, kUnknown}}},
      {"4.1. Ông. Hoàng Văn Thuân - Trưởng đoàn: Phụ trách chung",
       {{"Ông. Hoàng Văn Thuân - Trưởng đoàn", "Ông. Hoàng Văn Thuân - Trưởng đoàn", false, kUnknown}}},
      // Capitals in a heading line say nothing; a surname is no head noun.
      {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {}},
      {"đồng chí Đoàn Thanh Sơn chủ trì", {}},
  });
}

TEST(AgencyFinderTest, FoldedTextWithoutDiacritics) {
  RunCases({
      {"Bo Tai chinh", {{"Bộ Tài chính", "Bo Tai chinh"}}, MatchMode::kFolded},
      {"So Khoa hoc va Cong nghe chu tri", {{"Sở Khoa học và Công nghệ", "So Khoa hoc va Cong nghe"}}, MatchMode::kFolded},
      {"3. Bo Thong tin va Truyen thong chi dao",
       {{"Bộ Thông tin và Truyền thông", "Bo Thong tin va Truyen thong"}}, MatchMode::kFolded},
      {"1. Bo truong, Thu truong co quan ngang bo,",
       {{"Bộ trưởng", "Bo truong"}, {"Thủ trưởng cơ quan ngang Bộ", "Thu truong co quan ngang bo", kColl}},
       MatchMode::kFolded},
      {"phoi hop voi cac bo, nganh va dia phuong lien quan",
       {{"cac bo, nganh va dia phuong lien quan", "cac bo, nganh va dia phuong lien quan", kColl}},
       MatchMode::kFolded},
      {"Viễn thông Lạng Sơn", {{"VNPT Lạng Sơn", "Viễn thông Lạng Sơn"}}, MatchMode::kFolded},
      // "so", "ban", "bo" are also "số", "bản", "bổ" once the marks are gone.
      {"tong hop cac so lieu, cac ban sao va bo sung", {}, MatchMode::kFolded},
  });
}

TEST(AgencyFinderTest, AbbreviationsInsideDocumentNumbersAreNoMentions) {
  RunCases({
      {"Công văn số 1060/VPCP-KGVX ngày 19 tháng 02 năm 2016", {}},
      {"Công điện số 1632 / CĐ - TTg ngày 11 tháng 9", {}},
      {"Nghị quyết số 10/2025/NQ-HĐND ngày 28/4/2025 của HĐND tỉnh", {{"Hội đồng nhân dân tỉnh", "HĐND tỉnh"}}},
      {"- VPCP: BTCN, các PCN", {{"Văn phòng Chính phủ", "VPCP"}}},
  });
}

TEST(AgencyFinderTest, SeedSentences) {
  RunCases({
      // seed 000
      {"Tham dự cuộc họp có đại diện Lãnh đạo các sở, ngành: Tài chính, Nội vụ, Xây dựng, Văn hóa, Thể thao "
       "và Du lịch, Nông nghiệp và Môi trường, Y tế, Giáo dục và Đào tạo, Công an tỉnh, Văn phòng UBND tỉnh; "
       "đại diện Lãnh đạo: VNPT Lạng Sơn, Viettel Lạng Sơn, Trung tâm Phục vụ hành chính công tỉnh; Giám đốc, "
       "các Phó Giám đốc Sở Khoa học và Công nghệ;",
       {{"Sở Tài chính", "Tài chính"},
        {"Sở Nội vụ", "Nội vụ"},
        {"Sở Xây dựng", "Xây dựng"},
        {"Sở Văn hóa, Thể thao và Du lịch", "Văn hóa, Thể thao và Du lịch"},
        {"Sở Nông nghiệp và Môi trường", "Nông nghiệp và Môi trường"},
        {"Sở Y tế", "Y tế"},
        {"Sở Giáo dục và Đào tạo", "Giáo dục và Đào tạo"},
        {"Công an tỉnh", "Công an tỉnh"},
        {"Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"},
        {"VNPT Lạng Sơn", "VNPT Lạng Sơn"},
        {"Viettel Lạng Sơn", "Viettel Lạng Sơn"},
        {"Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"},
        {"Phó Giám đốc Sở Khoa học và Công nghệ", "Phó Giám đốc Sở Khoa học và Công nghệ"}}},
      {"2.1. Các sở, ngành, UBND các xã, phường",
       {{"các sở, ngành", "Các sở, ngành", kColl}, {"Ủy ban nhân dân các xã, phường", "UBND các xã, phường", kColl}}},
      {"2.2. Sở Khoa học và Công nghệ: chủ trì, phối hợp với các cơ quan liên quan:",
       {{"Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"},
        {"các cơ quan liên quan", "các cơ quan liên quan", kColl}}},
      {"- Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính, Sở Khoa học và Công nghệ và các "
       "cơ quan liên quan khẩn trương rà soát",
       {{"Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường"},
        {"Sở Tài chính", "Sở Tài chính"},
        {"Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"},
        {"các cơ quan liên quan", "các cơ quan liên quan", kColl}}},
      {"2.5. Đề nghị VNPT Lạng Sơn, Viettel Lạng Sơn:",
       {{"VNPT Lạng Sơn", "VNPT Lạng Sơn"}, {"Viettel Lạng Sơn", "Viettel Lạng Sơn"}}},
      {"giao Văn phòng UBND tỉnh rà soát, đôn đốc", {{"Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"}}},
      // seed 001
      {"đại diện Lãnh đạo: Viễn thông Lạng Sơn, Viettel Lạng Sơn, Trung tâm Phục vụ hành chính công tỉnh.",
       {{"VNPT Lạng Sơn", "Viễn thông Lạng Sơn"},
        {"Viettel Lạng Sơn", "Viettel Lạng Sơn"},
        {"Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"}}},
      {"2. Sở Khoa học và Công nghệ, Công an tỉnh, Sở Nội vụ: Tiếp tục phát huy",
       {{"Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"},
        {"Công an tỉnh", "Công an tỉnh"},
        {"Sở Nội vụ", "Sở Nội vụ"}}},
      {"- Trên cơ sở dự toán ngân sách được giao, các đơn vị được giao làm chủ đầu tư khẩn trương hoàn thiện",
       {{"các đơn vị được giao làm chủ đầu tư", "các đơn vị được giao làm chủ đầu tư", kColl}}},
      {"Tại điểm cầu cấp xã có các đồng chí Chủ tịch UBND các xã, phường; thành viên Ban Chỉ đạo các xã, phường",
       {{"Chủ tịch Ủy ban nhân dân các xã, phường", "Chủ tịch UBND các xã, phường", kColl},
        {"các thành viên Ban Chỉ đạo", "thành viên Ban Chỉ đạo", kColl}}},
  });
}

TEST(AgencyFinderTest, KindsAndOutsideBodies) {
  struct KindCase {
    std::string_view text, kind;
    bool outside;
  } cases[] = {
      {"Sở Tài chính", "department", false},
      {"Bộ Y tế", "ministry", false},
      {"UBND tỉnh", "people_committee", false},
      {"Công an tỉnh", "police", false},
      {"Viettel Lạng Sơn", "enterprise", true},
      {"Ủy ban MTTQ Việt Nam tỉnh", "front", true},
      {"các sở, ngành liên quan", "collective", false},
      {"Công ty TNHH Hiệp Phú", "", true},
      {"4.4. Ông. Bùi Việt Cường - Thành viên: Chịu trách nhiệm", "person", false},
  };
  for (const KindCase& c : cases) {
    std::string text(c.text);
    auto m = Finder().FindAll(text, {0, text.size()}, MatchMode::kExact);
    ASSERT_EQ(m.size(), 1u) << text;
    EXPECT_EQ(m[0].kind, c.kind) << text;
    EXPECT_EQ(m[0].outside, c.outside) << text;
  }
}

TEST(AgencyFinderTest, SpansAreBytesOfTheWholeTextInsideTheRange) {
  std::string text = "Sở Y tế; giao Sở Tài chính chủ trì; Sở Nội vụ";
  size_t begin = text.find("giao"), end = text.find(';', begin);
  auto m = Finder().FindAll(text, {begin, end}, MatchMode::kExact);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].name, "Sở Tài chính");
  EXPECT_EQ(m[0].span.begin, text.find("Sở Tài chính"));
  EXPECT_EQ(m[0].span.end, m[0].span.begin + std::string_view("Sở Tài chính").size());
  // A range past the end is clamped; an empty range finds nothing.
  EXPECT_EQ(Finder().FindAll(text, {text.rfind("Sở"), text.size() + 50}, MatchMode::kExact).size(), 1u);
  EXPECT_TRUE(Finder().FindAll(text, {5, 5}, MatchMode::kExact).empty());
}

TEST(AgencyFinderTest, BadInputGivesWhatItCan) {
  struct BadCase {
    std::string text;
    size_t mentions;
  } cases[] = {
      {"", 0},
      {"   \n\t  ", 0},
      {"\xFF\xFE Sở Y tế \xC3", 1},
      {"Sở\xE1\xBB Y tế", 0},
      {std::string("Sở Y tế\0Bộ Y tế", 19), 2},
      {std::string(300, ','), 0},
  };
  for (const BadCase& c : cases) {
    auto m = Finder().FindAll(c.text, {0, c.text.size()}, MatchMode::kExact);
    EXPECT_EQ(m.size(), c.mentions) << c.text;
    for (const AgencyMention& x : m) EXPECT_LE(x.span.end, c.text.size());
  }
}

// Texts stitched from names, separators, verbs and junk bytes: whatever the finder makes
// of them, spans stay inside the range, in order, without overlap, and name their text.
TEST(AgencyFinderTest, StitchedTextsKeepTheSpanInvariants) {
  const char* pieces[] = {
      "Sở Tài chính", "các Sở:", "Tài chính", ", ", " và ", "; ", "UBND", " các xã, phường",
      "Giám đốc ", "chủ trì", " tỉnh", " Lạng Sơn", "Viễn thông", "Công ty ", "TNHH", "\n",
      "\xFF", "\xE1\xBB", "Bo Tai chinh", "Ông. ", "Hoàng Văn A", " - ", "Trưởng đoàn", ":",
      "các cơ quan, đơn vị", " được giao", " liên quan", "BộTài chính", "/", "-", "  ", "Các Bộ: NG, CA",
  };
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = static_cast<int>(next() % 12) + 1;
    for (int i = 0; i < n; ++i) text += pieces[next() % (sizeof pieces / sizeof pieces[0])];
    size_t begin = next() % (text.size() + 1);
    size_t end = begin + next() % (text.size() - begin + 1);
    for (MatchMode mode : {MatchMode::kExact, MatchMode::kFolded}) {
      size_t last = begin;
      for (const AgencyMention& m : Finder().FindAll(text, {begin, end}, mode)) {
        ASSERT_LE(last, m.span.begin) << text;
        ASSERT_LT(m.span.begin, m.span.end) << text;
        ASSERT_LE(m.span.end, end) << text;
        ASSERT_EQ(text.substr(m.span.begin, m.span.size()), m.text) << text;
        ASSERT_FALSE(m.name.empty()) << text;
        last = m.span.end;
      }
    }
  }
}

TEST(AgencyFinderTest, CanonicalOfWrittenNames) {
  struct CanonicalCase {
    std::string_view written, canonical;
  } cases[] = {
      {"UBND tỉnh", "Ủy ban nhân dân tỉnh"},
      {"Sở KH&CN", "Sở Khoa học và Công nghệ"},
      {"Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"},
      {"Các sở, ngành", "các sở, ngành"},
      {"UBND các xã, phường", "Ủy ban nhân dân các xã, phường"},
      {"Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"},
      {"UBND huyện Đakrông", "Ủy ban nhân dân huyện Đakrông"},
      {"Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế"},
      {"Giám đốc Sở Xây dựng", "Giám đốc Sở Xây dựng"},
      {"Viễn thông Lạng Sơn", "VNPT Lạng Sơn"},
      {"Bo Thong tin va Truyen thong", "Bộ Thông tin và Truyền thông"},
      {"Công ty", "Công ty"},
      {"  Sở Y tế; ", "Sở Y tế"},
      {"Sở Tài chính, Sở Nội vụ", ""},
      {"hôm nay trời đẹp", ""},
      {"", ""},
  };
  for (const CanonicalCase& c : cases) EXPECT_EQ(Finder().Canonical(c.written), c.canonical) << c.written;
}

// OCR reads specks as dots inside words ("Công.nghệ", "Thủ. tướng"; the scan of seed-000).
// In OCR'd text such a dot does not end the name; a full stop before a capital does, and
// typed text keeps its dots.
TEST(AgencyFinderTest, OcrStrayDotsInsideNames) {
  constexpr bool kOcr = true;
  RunCases({
      {"Sở Khoa học và Công.nghệ cần tiếp tục",
       {{"Sở Khoa học và Công nghệ", "Sở Khoa học và Công.nghệ"}}, MatchMode::kExact, kOcr},
      {"của Chính phủ, Thủ. tướng Chính phủ và UBND tỉnh",
       {{"Chính phủ", "Chính phủ"}, {"Thủ tướng Chính phủ", "Thủ. tướng Chính phủ"}, {"Ủy ban nhân dân tỉnh", "UBND tỉnh"}},
       MatchMode::kExact, kOcr},
      {"So Khoa hoc va Cong.nghe chu tri",
       {{"Sở Khoa học và Công nghệ", "So Khoa hoc va Cong.nghe"}}, MatchMode::kFolded, kOcr},
      // A full stop before a capital ends the sentence, OCR or not.
      {"giao Sở Tài chính. Sở Y tế phối hợp",
       {{"Sở Tài chính", "Sở Tài chính"}, {"Sở Y tế", "Sở Y tế"}}, MatchMode::kExact, kOcr},
      // Typed text: the dot stays a dot; the name ends there, as an unknown body.
      {"Sở Khoa học và Công.nghệ cần tiếp tục",
       {{"Sở Khoa học và Công", "Sở Khoa học và Công", false, kUnknown}}, MatchMode::kExact},
  });
}

TEST(AgencyKeyTest, WritingVariantsCollapse) {
  struct KeyCase {
    std::string_view text, key;
    bool folded;
  } cases[] = {
      {"Giao  BộTài chính, Sở KH & CN", "giao bộ tài chính,sở kh&cn", false},
      {"Sở Văn hóa ,Thể thao", "sở văn hóa,thể thao", false},
      {"Lao động – Thương binh", "lao động-thương binh", false},
      {"Sở\n  Y tế", "sở y tế", false},
      {"Bộ Tài chính", "bo tai chinh", true},
      {"ĐOÀN", "doan", true},
  };
  for (const KeyCase& c : cases) EXPECT_EQ(agency::KeyOf(c.text, c.folded), c.key) << c.text;
}

TEST(AgencyKeyTest, OcrDotsBeforeALowercaseLetterBecomeSpaces) {
  struct OcrCase {
    std::string_view text, key;
  } cases[] = {
      {"Công.nghệ", "công nghệ"},
      {"Thủ. tướng", "thủ tướng"},
      {"chính. Sở", "chính. sở"},    // a capital follows: a full stop
      {"năm 2026.", "năm 2026."},    // nothing follows
      {"Thủ.  tướng", "thủ. tướng"},  // two spaces: not a speck inside a word
      {"v.v.", "v v."},
  };
  for (const OcrCase& c : cases) {
    agency::KeyText k;
    agency::BuildKey(c.text, {0, c.text.size()}, /*folded=*/false, k, /*ocr=*/true);
    EXPECT_EQ(k.key(), c.key) << c.text;
    agency::BuildKey(c.text, {0, c.text.size()}, /*folded=*/false, k, /*ocr=*/false);
    EXPECT_EQ(k.key(), agency::KeyOf(c.text, false)) << c.text;
  }
}

// Rule files beside the built-in ones, to check what Create rejects.
Result<AgencyFinder> CreateWith(const std::string& extra) {
  std::vector<ruleset::SourceFile> files;
  for (const ruleset::EmbeddedFile& f : ruleset::BuiltinRuleFiles())
    files.push_back({std::string(f.path), std::string(f.content)});
  files.push_back({"zz_extra.toml", extra});
  auto rules = ruleset::RuleSet::LoadFiles(files);
  if (!rules) return rules.error();
  return AgencyFinder::Create(*rules);
}

TEST(AgencyFinderTest, CreateRejectsInconsistentRules) {
  struct ErrorCase {
    std::string extra, message_part;
  } cases[] = {
      {"[[agency]]\nname = \"Sở Tài chính 2\"\naliases = [\"Sở TC\"]\nkind = \"department\"\n", "Sở TC"},
      {"[[agency]]\nname = \"Công ty {province} Một\"\nkind = \"enterprise\"\n", "{province}"},
      {"[[agency]]\nname = \"Công ty {province}\"\naliases = [\"Công ty Hai\"]\nkind = \"enterprise\"\n",
       "{province}"},
  };
  for (const ErrorCase& c : cases) {
    auto f = CreateWith(c.extra);
    ASSERT_FALSE(f) << c.extra;
    EXPECT_EQ(f.error().code, ErrorCode::kRuleSyntax);
    EXPECT_NE(f.error().message.find(c.message_part), std::string::npos) << f.error().message;
  }
  // A rule folder without the finder's lists.
  std::vector<ruleset::SourceFile> bare = {{"agencies.toml", "[[agency]]\nname = \"Sở Y tế\"\n"}};
  auto rules = ruleset::RuleSet::LoadFiles(bare);
  ASSERT_TRUE(rules) << rules.error().message;
  auto f = AgencyFinder::Create(*rules);
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().code, ErrorCode::kRuleSyntax);
  EXPECT_NE(f.error().message.find("agency."), std::string::npos) << f.error().message;
}

}  // namespace
}  // namespace notices::extract
