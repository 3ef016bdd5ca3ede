#include "pipeline/segment/segmenter.h"

#include <functional>

#include <gtest/gtest.h>

#include "pipeline/ingest/text_decoder.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::segment {
namespace {

struct Parsed {
  normalize::NormalizedText text;
  DocumentTree tree;
  std::string Line(int id) const {
    const Node& n = tree.node(id);
    return text.text.substr(n.line.begin, n.line.size());
  }
};

Parsed Parse(std::string_view source) {
  auto rules = ruleset::RuleSet::Builtin();
  EXPECT_TRUE(rules) << rules.error().message;
  auto decoded = ingest::DecodeText(source, {});
  EXPECT_TRUE(decoded);
  Parsed p{normalize::Normalize(*decoded, **rules, {}), {}};
  p.tree = Segment(p.text, **rules);
  return p;
}

// Prints the tree as "kind label: first words" lines, indented by depth.
std::string Outline(const Parsed& p) {
  std::string out;
  std::function<void(int, int)> walk = [&](int id, int depth) {
    const Node& n = p.tree.node(id);
    if (id != 0) {
      out += std::string(static_cast<size_t>(depth) * 2, ' ') + NodeKindName(n.kind);
      if (!n.label.empty()) out += " " + n.label;
      // The first three words of the line.
      std::string line = p.Line(id);
      size_t cut = 0;
      for (int w = 0; w < 3 && cut != std::string::npos; ++w) cut = line.find(' ', cut + 1);
      out += ": " + line.substr(0, cut) + "\n";
    }
    for (int c : n.children) walk(c, id == 0 ? 0 : depth + 1);
  };
  walk(0, 0);
  return out;
}

TEST(SegmenterTest, ConclusionNoticeZonesAndNesting) {
  Parsed p = Parse(
      "Số: 229/TB-VP\n"
      "Lạng Sơn, ngày 05 tháng 4 năm 2026\n"
      "THÔNG BÁO\n"
      "Kết luận của Chủ tịch UBND tỉnh\n"
      "Ngày 20/3/2026, đồng chí Chủ tịch UBND tỉnh kết luận như sau:\n"
      "1. Đối với kết quả\n"
      "- Sở Tài chính cần thực hiện những nội dung sau:\n"
      "+ Rà soát toàn bộ\n"
      "+ Quan tâm\n"
      "2. Tổ chức thực hiện\n"
      "2.1. Công an tỉnh: khẩn trương\n"
      "2.2. Sở Y tế:\n"
      "Giao Sở Y tế chủ trì.\n"
      "a) Rà soát\n"
      "Văn phòng UBND tỉnh thông báo để các cơ quan liên quan thực hiện./.\n"
      "Nơi nhận:\n"
      "- Như trên;\n"
      "- Lưu: VT.\n"
      "KT. CHÁNH VĂN PHÒNG\n"
      "PHÓ CHÁNH VĂN PHÒNG\n"
      "Vi Thiện Việt\n");
  EXPECT_EQ(Outline(p),
            "header_line: Số: 229/TB-VP\n"
            "header_line: Lạng Sơn, ngày\n"
            "title: THÔNG BÁO\n"
            "subject: Kết luận của\n"
            "paragraph: Ngày 20/3/2026, đồng\n"
            "heading 1: 1. Đối với\n"
            "  item -: - Sở Tài\n"
            "    item +: + Rà soát\n"
            "    item +: + Quan tâm\n"
            "heading 2: 2. Tổ chức\n"
            "  heading 2.1: 2.1. Công an\n"
            "  heading 2.2: 2.2. Sở Y\n"
            "    paragraph: Giao Sở Y\n"
            "    heading a: a) Rà soát\n"
            "closing: Văn phòng UBND\n"
            "recipients: Nơi nhận:\n"
            "recipients -: - Như trên;\n"
            "recipients -: - Lưu: VT.\n"
            "signature: KT. CHÁNH VĂN\n"
            "signature: PHÓ CHÁNH VĂN\n"
            "signature: Vi Thiện Việt\n");
  ASSERT_TRUE(p.tree.header.number_line);
  EXPECT_EQ(p.Line(*p.tree.header.number_line), "Số: 229/TB-VP");
  ASSERT_TRUE(p.tree.header.place_date_line);
  ASSERT_TRUE(p.tree.header.title);
  ASSERT_EQ(p.tree.header.subject.size(), 1u);
  ASSERT_EQ(p.tree.header.opening.size(), 1u);
  ASSERT_EQ(p.tree.header.signature.size(), 3u);
  EXPECT_EQ(p.Line(p.tree.header.signature.back()), "Vi Thiện Việt");
  EXPECT_EQ(p.tree.header.recipients.size(), 2u);
  // Sections: the chain of numbered headings.
  int a_item = -1, plus_item = -1;
  for (int id = 1; id < p.tree.size(); ++id) {
    if (p.tree.node(id).label == "a") a_item = id;
    if (p.tree.node(id).label == "+" && plus_item < 0) plus_item = id;
  }
  EXPECT_EQ(p.tree.SectionOf(a_item), "2.2.a");
  EXPECT_EQ(p.tree.SectionOf(plus_item), "1");
  Parsed nested = Parse("II. NHIỆM VỤ\n1. Y tế\n1.1. Chủ trì giám sát\n");
  EXPECT_EQ(nested.tree.SectionOf(nested.tree.size() - 1), "II.1.1");
  // The span of heading 2 covers its descendants.
  int h2 = p.tree.node(0).children[6];
  EXPECT_EQ(p.tree.node(h2).label, "2");
  EXPECT_EQ(p.tree.node(h2).span.end, p.tree.node(a_item).line.end);
}

TEST(SegmenterTest, CongVanWithAddresseeList) {
  Parsed p = Parse(
      "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 2496 /UBND-KT\n"
      "V/v triển khai thực hiện thủ tục\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Lào Cai, ngày 06 tháng 4 năm 2026\n"
      "Kính gửi:\n- Sở Công Thương;\n- Sở Tài chính.\n"
      "Giao Sở Công Thương chủ trì triển khai.\n"
      "Căn cứ nội dung văn bản, Sở Công Thương tổ chức thực hiện./.\n"
      "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nBùi Ngọc Hùng\n"
      "Nơi nhận:\n- Như trên;\n- Lưu: VT, KT.\n");
  EXPECT_EQ(p.tree.header.issuer_lines.size(), 2u);
  EXPECT_EQ(p.tree.header.subject.size(), 1u);
  EXPECT_EQ(p.tree.header.addressees.size(), 3u);
  std::vector<int> body = p.tree.BodyNodes();
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(p.Line(body[0]), "Giao Sở Công Thương chủ trì triển khai.");
  ASSERT_TRUE(p.tree.header.closing);
  EXPECT_EQ(p.tree.header.signature.size(), 4u);
  EXPECT_EQ(p.tree.header.recipients.size(), 2u);
}

// "6.2 Đối với ..." lost its final dot (kh-1105): it continues 6.1., so it is the next
// item. Without the item before it ("6.4" after "6.2", "2.1" under 7.) the same shape is
// text.
TEST(SegmenterTest, UndottedNumberAfterItsPredecessorIsAnItem) {
  Parsed p = Parse(
      "6. Trách nhiệm thi hành\n"
      "6.1. Đối với Đoàn kiểm tra: Các thành viên Đoàn thực hiện nghiêm túc.\n"
      "6.2 Đối với đơn vị được kiểm tra: Chuẩn bị báo cáo bằng văn bản.\n"
      "6.4 Các đơn vị cung cấp hồ sơ.\n"
      "7. Kinh phí\n"
      "2.1 Các sở cần chuẩn bị.\n");
  EXPECT_EQ(Outline(p),
            "heading 6: 6. Trách nhiệm\n"
            "  heading 6.1: 6.1. Đối với\n"
            "  heading 6.2: 6.2 Đối với\n"
            "    paragraph: 6.4 Các đơn\n"
            "heading 7: 7. Kinh phí\n"
            "  paragraph: 2.1 Các sở\n");
}

TEST(SegmenterTest, PlainTextIsOneBody) {
  Parsed p = Parse("Giao Sở Y tế chủ trì.\nĐề nghị Viettel phối hợp.\n");
  EXPECT_EQ(p.tree.BodyNodes().size(), 2u);
  EXPECT_FALSE(p.tree.header.title);
}

}  // namespace
}  // namespace notices::segment
