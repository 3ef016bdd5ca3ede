// ReferenceFinder and NormalizeDocumentNumber.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/extract/reference_finder.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {
namespace {

struct Finders {
  DeadlineFinder dates;
  ReferenceFinder references;
};

const Finders& Get() {
  static const Finders* finders = [] {
    auto rules = ruleset::RuleSet::Builtin();
    EXPECT_TRUE(rules) << rules.error().message;
    auto d = DeadlineFinder::Create(rules.value());
    auto r = ReferenceFinder::Create(rules.value());
    EXPECT_TRUE(d && r);
    return new Finders{std::move(d).value(), std::move(r).value()};
  }();
  return *finders;
}

struct Ref {
  std::string kind, number, date;  // date ISO or ""
  bool operator==(const Ref&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Ref& r) {
  return os << "{" << r.kind << ", " << r.number << ", " << r.date << "}";
}

struct Case {
  const char* text;
  std::vector<Ref> expected;
  MatchMode mode = MatchMode::kExact;
};

TEST(ReferenceFinderTest, KindNumberAndDate) {
  const Case cases[] = {
      {"thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
       {{"Nghị quyết", "57-NQ/TW", "2024-12-22"}}},
      {"các nhiệm vụ được giao tại Thông báo số 229/TB-VP ngày 05/4/2026 của Văn phòng",
       {{"Thông báo", "229/TB-VP", "2026-04-05"}}},
      {"tiếp tục triển khai Kết luận số 229/TB-VP ngày 05/4/2026 về", {{"Kết luận", "229/TB-VP", "2026-04-05"}}},
      {"theo quy định tại Nghị định số 264/2025/NĐ-CP và Nghị định số 265/2025/NĐ-CP; hoàn thành",
       {{"Nghị định", "264/2025/NĐ-CP", ""}, {"Nghị định", "265/2025/NĐ-CP", ""}}},
      {"Công văn số 1060/VPCP-KGVX ngày 19 tháng 02 năm 2016 của Văn phòng Chính phủ",
       {{"Công văn", "1060/VPCP-KGVX", "2016-02-19"}}},
      {"thực hiện Công điện số 1632/CĐ-TTg của Thủ tướng", {{"Công điện", "1632/CĐ-TTg", ""}}},
      {"Quy định tại khoản 1 Điều 2 Quyết định số 1050/QĐ-SCT ngày 06/3/2025 của Giám đốc",
       {{"Quyết định", "1050/QĐ-SCT", "2025-03-06"}}},
      {"theo đề nghị của Bộ Công Thương tại Văn bản số 2265/BCT-ATMT ngày 02/4/2026 và báo cáo",
       {{"Văn bản", "2265/BCT-ATMT", "2026-04-02"}}},
      {"theo Kế hoạch số 09/KH-UBND của UBND tỉnh", {{"Kế hoạch", "09/KH-UBND", ""}}},
      {"- Các thành phần dự họp (TB 601/TB-VP);", {{"Thông báo", "601/TB-VP", ""}}},
      {"Công văn số 2414 / VPCP - KGVX ngày 06/4/2016", {{"Công văn", "2414/VPCP-KGVX", "2016-04-06"}}},
      {"(Theo Công văn số 2849/UBND-KT, ngày 21/6/2024)", {{"Công văn", "2849/UBND-KT", "2024-06-21"}}},
      {"Kế hoạch số 1105 /KH-ĐKT ngày10 /3/2026 của Đoàn kiểm tra", {{"Kế hoạch", "1105/KH-ĐKT", "2026-03-10"}}},
      {"Chương trình hành động số 104-CTr/TU ngày 30/8/2026 của Tỉnh ủy",
       {{"Chương trình hành động", "104-CTr/TU", "2026-08-30"}}},
      {"NGHỊ QUYẾT SỐ 10/2025/NQ-HĐND", {{"Nghị quyết", "10/2025/NQ-HĐND", ""}}},
      // A hyphen lost at a line end cannot be put back reliably: kept as written.
      {"Nghị quyết số 57NQ/TW của Bộ Chính trị", {{"Nghị quyết", "57NQ/TW", ""}}},
      // The date must follow the number directly.
      {"Quyết định số 12/QĐ-UBND của UBND tỉnh ngày 05/4/2026", {{"Quyết định", "12/QĐ-UBND", ""}}},
      // A law named without a number is not a reference.
      {"theo quy định của Luật Đầu tư công và pháp luật có liên quan", {}},
      {"báo cáo UBND tỉnh trước ngày 15/01/2026", {}},
      // Text without diacritics.
      {"Nghi quyet so 26-NQ/TW ngay 03 thang 11 nam 2022 cua Bo Chinh tri",
       {{"Nghị quyết", "26-NQ/TW", "2022-11-03"}}, MatchMode::kFolded},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = c.mode == MatchMode::kExact ? normalize::CanonicalForm(c.text) : c.text;
    auto found = Get().references.FindAll(text, {0, text.size()}, Get().dates, {}, c.mode);
    std::vector<Ref> got;
    for (const Reference& r : found) {
      got.push_back({r.kind, r.number, r.date ? r.date->ToString() : ""});
      EXPECT_LE(r.span.end, text.size());
      EXPECT_LT(r.span.begin, r.span.end);
    }
    EXPECT_EQ(got, c.expected);
  }
}

TEST(ReferenceFinderTest, SpanCoversTheCitationAndItsDate) {
  const std::string text = "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị";
  auto found = Get().references.FindAll(text, {0, text.size()}, Get().dates, {}, MatchMode::kExact);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()),
            "Nghị quyết số 57-NQ/TW ngày 22/12/2024");
}

TEST(NormalizeDocumentNumberTest, Cases) {
  const std::pair<const char*, const char*> cases[] = {
      {"2414 / VPCP - KGVX", "2414/VPCP-KGVX"},
      {"/TB-VP", ""},
      {"  /TB-VP", ""},
      {"", ""},
      {"229/TB-VP", "229/TB-VP"},
      {"7103 /UBND-TH", "7103/UBND-TH"},
      {"178/2026/NĐ- CP", "178/2026/NĐ-CP"},
      {"57NQ/TW", "57NQ/TW"},
      {"846\xC2\xA0/UBND-TH.", "846/UBND-TH"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(NormalizeDocumentNumber(in), out) << in;
}

}  // namespace
}  // namespace notices::extract
