// Tests for pipeline/ingest/pdf_layout.h on pages built by hand: each layout rule alone.
#include "pipeline/ingest/pdf_layout.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace notices::ingest::pdf {
namespace {

// Words of `text` set from x at baseline `base` in a font of `size` points, each
// character half the size wide.
Line MakeLine(const std::string& text, double x, double base, double size = 14) {
  Line line;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    Word w;
    w.text = text.substr(i, j - i);
    size_t chars = 0;
    for (unsigned char c : w.text) chars += (c & 0xC0) != 0x80;
    w.x0 = x;
    w.x1 = x + static_cast<double>(chars) * size * 0.5;
    w.base = base;
    w.y0 = base - size * 0.8;
    w.y1 = base + size * 0.2;
    w.size = size;
    w.font = 0;
    w.space_after = j < text.size();
    x = w.x1 + size * 0.25;
    line.words.push_back(w);
    i = j + 1;
  }
  return line;
}

// A block of lines from `top_base`, one per `pitch`.
Block MakeBlock(const std::vector<std::string>& lines, double x, double top_base, double size = 14,
                double pitch = 16) {
  Block b;
  for (size_t k = 0; k < lines.size(); ++k)
    b.lines.push_back(MakeLine(lines[k], x, top_base + pitch * static_cast<double>(k), size));
  return b;
}

std::string Compose(const std::vector<Page>& pages, LayoutStats* stats = nullptr,
                    const std::vector<bool>& text_pages = {}) {
  DecodedText out;
  ComposeText(pages, text_pages, out, stats);
  return out.text;
}

// Body text enough to make 14 pt the body size.
Block Body(double top_base, const std::string& first = "Nội dung thông báo gồm các nhiệm vụ cụ thể") {
  return MakeBlock({first, "được giao cho các sở, ngành và địa phương thực hiện",
                    "theo đúng tiến độ đã đề ra trong kế hoạch năm nay."},
                   85, top_base);
}

TEST(PdfLayout, TwoColumnHeaderComesOutLeftThenRight) {
  Page page;
  // Left cell: issuing body, then the number; right cell: motto, then place and date.
  // Poppler gives them as separate blocks whose heights interleave.
  page.blocks.push_back(MakeBlock({"UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"}, 100, 60, 13, 15));
  page.blocks.push_back(MakeBlock({"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, 270, 60, 13));
  page.blocks.push_back(MakeBlock({"Độc lập - Tự do - Hạnh phúc"}, 300, 75, 13));
  page.blocks.push_back(MakeBlock({"Số: /TB-VP"}, 130, 98, 13));
  page.blocks.push_back(MakeBlock({"Lạng Sơn, ngày tháng 5 năm 2026"}, 290, 98, 13));
  page.blocks.push_back(MakeBlock({"THÔNG BÁO"}, 260, 140));
  page.blocks.push_back(Body(170));
  EXPECT_EQ(Compose({page}),
            "UBND TỈNH LẠNG SƠN\nVĂN PHÒNG\n\nSố: /TB-VP\n\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Lạng Sơn, ngày tháng 5 năm 2026\n\n"
            "THÔNG BÁO\n\n"
            "Nội dung thông báo gồm các nhiệm vụ cụ thể\n"
            "được giao cho các sở, ngành và địa phương thực hiện\n"
            "theo đúng tiến độ đã đề ra trong kế hoạch năm nay.\n");
}

TEST(PdfLayout, PageNumbersAndRunningHeadersRemoved) {
  std::vector<Page> pages(3);
  for (size_t p = 0; p < pages.size(); ++p) {
    if (p > 0) pages[p].blocks.push_back(MakeBlock({std::to_string(p + 1)}, 295, 45, 13));
    pages[p].blocks.push_back(MakeBlock({"Văn phòng UBND tỉnh - Thông báo kết luận"}, 300, 70, 10));
    pages[p].blocks.push_back(Body(120, "Trang " + std::to_string(p + 1) + " của thông báo gồm"));
    // A lone number inside the page is text, not a page number.
    pages[p].blocks.push_back(MakeBlock({"2026"}, 85, 400));
    pages[p].blocks.push_back(MakeBlock({"Trang " + std::to_string(p + 1)}, 280, 810, 10));
  }
  LayoutStats stats;
  std::string text = Compose(pages, &stats);
  EXPECT_EQ(text.find("Văn phòng UBND"), std::string::npos) << text;
  EXPECT_EQ(text.find("Trang 2\n"), std::string::npos) << text;  // running footer, digits aside
  EXPECT_NE(text.find("\n2026\n"), std::string::npos) << text;
  EXPECT_EQ(stats.page_numbers_removed, 2);
  EXPECT_EQ(stats.running_lines_removed, 6);
  // Each page starts with its body text.
  EXPECT_EQ(text.substr(0, 6), "Trang ");
  EXPECT_NE(text.find("\fTrang 2 của"), std::string::npos) << text;
  EXPECT_NE(text.find("\fTrang 3 của"), std::string::npos) << text;
}

TEST(PdfLayout, SuperscriptReferenceGluedAsSuperscriptDigit) {
  Page page;
  page.blocks.push_back(Body(100));
  Block b = MakeBlock({"chuyển đổi số năm 2026"}, 85, 200);
  Word ref;
  ref.text = "1";
  ref.size = 8.1;
  ref.base = 195;  // raised
  ref.x0 = b.lines[0].words.back().x1;  // touching "2026"
  ref.x1 = ref.x0 + 4;
  ref.y0 = 188;
  ref.y1 = 197;
  ref.space_after = true;  // Poppler often says so at a font change
  Word semi = b.lines[0].words.back();
  semi.text = ";";
  semi.x0 = ref.x1;
  semi.x1 = semi.x0 + 4;
  b.lines[0].words.push_back(ref);
  b.lines[0].words.push_back(semi);
  page.blocks.push_back(b);
  LayoutStats stats;
  std::string text = Compose({page}, &stats);
  EXPECT_NE(text.find("năm 2026¹;\n"), std::string::npos) << text;
  EXPECT_EQ(stats.superscripts, 1);
}

TEST(PdfLayout, RaisedReferenceOnItsOwnLineIsMergedIntoTheLine) {
  Page page;
  page.blocks.push_back(Body(100));
  Block b = MakeBlock({"đạt nhiều kết quả nổi bật", "qua đó đã tạo chuyển biến"}, 85, 200);
  Line ref_line;
  Word ref;
  ref.text = "1";
  ref.size = 8;
  ref.base = 195;
  ref.x0 = b.lines[0].words.back().x1 + 0.5;
  ref.x1 = ref.x0 + 4;
  ref.y0 = 189;
  ref.y1 = 197;
  ref_line.words.push_back(ref);
  b.lines.insert(b.lines.begin(), ref_line);  // Poppler put it first: it sits higher
  page.blocks.push_back(b);
  std::string text = Compose({page});
  EXPECT_NE(text.find("nổi bật¹\nqua đó"), std::string::npos) << text;
}

TEST(PdfLayout, FootnoteZoneMovedAfterBodyAndSentenceRunsOnAfterPageBreak) {
  std::vector<Page> pages(2);
  pages[0].blocks.push_back(Body(100));
  pages[0].blocks.push_back(MakeBlock({"- Giao Sở Nông nghiệp và Môi trường khẩn trương",
                                       "rà soát, hoàn"}, 85, 700));
  // Footnote zone: 10 pt, under the body, numbered.
  pages[0].blocks.push_back(MakeBlock({"1 Trong đó yêu cầu các cơ quan, đơn vị được giao",
                                       "nhiệm vụ đăng ký tiến độ thực hiện.",
                                       "2 Như các đề tài khoa học."}, 85, 770, 10, 11.5));
  pages[1].blocks.push_back(MakeBlock({"thiện hồ sơ, thủ tục chuẩn bị đầu tư đối với các dự án",
                                       "đầu tư công thuộc lĩnh vực khoa học."}, 85, 80));
  pages[1].blocks.push_back(Body(200));
  LayoutStats stats;
  std::string text = Compose(pages, &stats);
  EXPECT_NE(text.find("rà soát, hoàn\n\n"
                      "¹ Trong đó yêu cầu các cơ quan, đơn vị được giao\n"
                      "nhiệm vụ đăng ký tiến độ thực hiện.\n\n"
                      "² Như các đề tài khoa học.\n"
                      "\fthiện hồ sơ"),
            std::string::npos)
      << text;
  EXPECT_EQ(stats.footnotes, 2);
}

TEST(PdfLayout, SmallPrintWithoutNumberIsNotAFootnote) {
  Page page;
  page.blocks.push_back(Body(100));
  // "Nơi nhận" list in 11 pt beside the signature in 14 pt.
  page.blocks.push_back(MakeBlock({"Nơi nhận:", "- Như trên;", "- Lưu: VT."}, 85, 600, 11, 13));
  page.blocks.push_back(MakeBlock({"KT. CHÁNH VĂN PHÒNG", "", "Vi Thiện Việt"}, 330, 600, 14, 40));
  LayoutStats stats;
  std::string text = Compose({page}, &stats);
  EXPECT_EQ(stats.footnotes, 0);
  EXPECT_NE(text.find("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHÁNH VĂN PHÒNG"), std::string::npos)
      << text;
}

TEST(PdfLayout, LineFinalHyphenKeptAndWideGapsJoined) {
  Page page;
  page.blocks.push_back(Body(100));
  Block b;
  // A justified line with wide gaps, cut by Poppler into one line per word.
  const char* words[] = {"liên", "quan", "về", "Nghị", "quyết", "số", "57-"};
  double x = 85;
  for (const char* w : words) {
    b.lines.push_back(MakeLine(w, x, 200));
    x = b.lines.back().words.back().x1 + 30;
  }
  b.lines.push_back(MakeLine("NQ/TW ngày 22/12/2024 của Bộ Chính trị", 85, 216));
  page.blocks.push_back(b);
  std::string text = Compose({page});
  EXPECT_NE(text.find("liên quan về Nghị quyết số 57-\nNQ/TW ngày"), std::string::npos) << text;
}

TEST(PdfLayout, ParagraphsInsideABlockAreSeparated) {
  Page page;
  Block b = MakeBlock({"Ngày 20/3/2026, đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh đã",
                       "tổ chức chương trình làm việc với Sở Khoa học và Công nghệ.",
                       "Tham dự cuộc họp có đại diện Lãnh đạo các sở, ngành và địa",
                       "phương liên quan."},
                      85, 100);
  b.lines[2] = MakeLine("Tham dự cuộc họp có đại diện Lãnh đạo các sở, ngành và địa", 113, 132);
  page.blocks.push_back(b);
  std::string text = Compose({page});
  EXPECT_NE(text.find("Công nghệ.\n\nTham dự"), std::string::npos) << text;
  EXPECT_NE(text.find("đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh đã\ntổ chức"), std::string::npos)
      << text;
}

TEST(PdfLayout, PageStartsAndBoxesGiveThePageOfAWord) {
  std::vector<Page> pages(3);
  pages[0].blocks.push_back(Body(100));
  pages[1].blocks.push_back(Body(100, "Trang hai có từ Khẩn trương ở đây"));
  pages[2].blocks.push_back(Body(300));
  DecodedText out;
  ComposeText(pages, {true, false, true}, out);  // page 2 needs OCR: left empty
  ASSERT_EQ(out.page_starts.size(), 3u);
  EXPECT_EQ(out.page_count, 3);
  EXPECT_EQ(out.text.find("Khẩn"), std::string::npos);
  EXPECT_EQ(out.text[out.page_starts[1]], '\f');  // the empty page
  out.text.clear();
  out.page_starts.clear();
  out.boxes.clear();
  ComposeText(pages, {}, out);
  size_t at = out.text.find("Khẩn trương");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(out.PageAt(at), 2);
  const Box* box = nullptr;
  for (const Box& b : out.boxes)
    if (b.begin <= at && at < b.end) box = &b;
  ASSERT_NE(box, nullptr);
  EXPECT_EQ(box->page, 2);
  EXPECT_NEAR(box->y, 100 - 14 * 0.8, 0.01);
  EXPECT_NEAR(box->x, 85, 0.01);
  EXPECT_DOUBLE_EQ(box->font_size, 14);
  // Every byte but newlines and form feeds lies in exactly one box.
  std::vector<int> covered(out.text.size(), 0);
  for (const Box& b : out.boxes)
    for (size_t i = b.begin; i < b.end; ++i) ++covered[i];
  for (size_t i = 0; i < out.text.size(); ++i)
    EXPECT_EQ(covered[i], out.text[i] == '\n' || out.text[i] == '\f' ? 0 : 1) << i;
}

TEST(PdfLayout, ToSuperscriptDigits) {
  EXPECT_EQ(ToSuperscriptDigits("1"), "¹");
  EXPECT_EQ(ToSuperscriptDigits("12"), "¹²");
  EXPECT_EQ(ToSuperscriptDigits("(*)"), "(*)");
}

}  // namespace
}  // namespace notices::ingest::pdf
