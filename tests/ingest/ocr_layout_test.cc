// Tests for pipeline/ingest/ocr_layout.h on words built by hand (no Tesseract): column
// gutters, typed words, noise, word boxes and confidences, frames, safe repairs.
#include "pipeline/ingest/ocr_layout.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/common/utf8.h"
#include "pipeline/ingest/pdf_layout.h"

namespace notices::ingest::ocr {
namespace {

// A 72 dpi page image: pixels are points. Words of a 14 pt face: capitals 9.5 pt tall.
constexpr int kBaseGap = 16;

OcrWord W(const std::string& text, int x0, int x1, int base, int line, float confidence = 95) {
  OcrWord w;
  w.text = text;
  w.x0 = x0;
  w.x1 = x1;
  w.y0 = base - 10;
  w.y1 = base + 3;
  w.baseline = base;
  w.cap_height = 9.52f;
  w.confidence = confidence;
  w.line = line;
  return w;
}

// Words of a line laid out left to right from x, `em` wide per character plus a space.
std::vector<OcrWord> Line(const std::string& text, int x, int base, int line, double em = 7) {
  std::vector<OcrWord> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(at, end - at);
    int width = static_cast<int>(static_cast<double>(CountCodePoints(word)) * em);
    out.push_back(W(word, x, x + width, base, line));
    x += width + 4;
    at = end + 1;
  }
  return out;
}

PageWords Page(const std::vector<std::vector<OcrWord>>& lines) {
  PageWords p;
  p.width = 595;
  p.height = 842;
  p.dpi = 72;
  for (const auto& l : lines) p.words.insert(p.words.end(), l.begin(), l.end());
  return p;
}

std::vector<OcrWord> Join(std::vector<OcrWord> a, const std::vector<OcrWord>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

DecodedText Compose(const OcrLayoutPage& page) {
  DecodedText out;
  pdf::ComposeText({page.page}, {true}, out);
  SetWordBoxes(page.words, 1, out);
  return out;
}

TEST(OcrLayout, FixOcrConfusions) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"l8/TB-LN-VP", "18/TB-LN-VP"}, {"2O24", "2024"},         {"O4", "04"},
      {"1O/3/2O26", "10/3/2026"},     {"(l5)", "(15)"},         {"Số:l8", "Số:18"},
      {"0⁄4", "0/4"},                 {"⁄TB-VP", "/TB-VP"},     {"lO", "lO"},
      {"Il", "Il"},                   {"Ol2a", "Ol2a"},         {"CO2", "CO2"},
      {"ngày", "ngày"},               {"Điều", "Điều"},         {"l", "l"},
      {"lớp10", "lớp10"},             {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(FixOcrConfusions(c.in), c.out) << c.in;
}

// Tesseract reads the two header columns as shared lines; they come out as a left and a
// right block, as from a text layer. The gutter of the first line is only 1.6 em wide.
TEST(OcrLayout, HeaderColumnsAreSplit) {
  PageWords p = Page({
      Join(Line("UBND TỈNH LẠNG SƠN", 90, 60, 0), Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 229, 60, 0)),
      Join(Line("VĂN PHÒNG", 130, 76, 1), Line("Độc lập - Tự do - Hạnh phúc", 320, 76, 1)),
      Join(Line("Số: 12/TB-VP", 120, 92, 2), Line("Lạng Sơn, ngày 5 tháng 5 năm 2026", 290, 92, 2)),
      Line("THÔNG BÁO", 260, 140, 3),
      Line("Ngày 20/3/2026, đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh đã", 90, 170, 4, 6.5),
      Line("tổ chức chương trình làm việc với Sở Khoa học và Công nghệ tỉnh.", 70, 170 + kBaseGap, 5, 6.5),
  });
  // The first line's gutter: "SƠN" ends at 90 + 4 words; check it is narrow.
  double gap = p.words[4].x0 - p.words[3].x1;
  ASSERT_LT(gap, kColumnGapEm * 14);
  ASSERT_GT(gap, kGutterMinEm * 14);
  DecodedText out = Compose(BuildOcrPage(p, 595, 842, {}));
  const std::string left = "UBND TỈNH LẠNG SƠN\nVĂN PHÒNG\nSố: 12/TB-VP\n";
  const std::string right = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                            "Lạng Sơn, ngày 5 tháng 5 năm 2026\n";
  size_t l = out.text.find(left), r = out.text.find(right), t = out.text.find("THÔNG BÁO"),
         b = out.text.find("Ngày 20/3/2026, đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh đã\ntổ chức");
  ASSERT_NE(l, std::string::npos) << out.text;
  ASSERT_NE(r, std::string::npos) << out.text;
  EXPECT_LT(l, r);
  EXPECT_LT(r, t);
  EXPECT_LT(t, b);
  EXPECT_NE(b, std::string::npos) << out.text;
}

// A tab after an item number inside body text is no gutter: the lines above and below
// run across it.
TEST(OcrLayout, TabInBodyIsNoGutter) {
  std::vector<OcrWord> item = Line("1.", 90, 100 + kBaseGap, 1);
  std::vector<OcrWord> rest = Line("Đối với kết quả triển khai thực hiện nhiệm vụ", 130, 100 + kBaseGap, 1);
  PageWords p = Page({
      Line("Sau khi nghe Giám đốc Sở báo cáo; ý kiến tham gia của các thành phần", 70, 100, 0, 6.5),
      Join(item, rest),
      Line("của Sở Khoa học và Công nghệ trong năm 2026 và các năm tiếp theo", 70, 100 + 2 * kBaseGap, 2, 6.5),
  });
  ASSERT_GT(rest.front().x0 - item.back().x1, kGutterMinEm * 14);
  DecodedText out = Compose(BuildOcrPage(p, 595, 842, {}));
  EXPECT_NE(out.text.find("thành phần\n1. Đối với kết quả"), std::string::npos) << out.text;
}

// Blank words (rules), doubtful marks without letters, and a lone mark in a gutter go;
// confident dashes stay.
TEST(OcrLayout, NoiseIsDropped) {
  std::vector<OcrWord> line = Line("Độc lập - Tự do - Hạnh phúc", 300, 80, 0);
  line.push_back(W(" ", 300, 480, 84, 0, 95));   // the rule under the motto
  line.push_back(W("‹", 560, 563, 80, 0, 0));    // a speck
  std::vector<OcrWord> header = Join(Line("VĂN PHÒNG", 100, 60, 1), Line("CỘNG HÒA XÃ HỘI", 320, 60, 1));
  header.push_back(W("_", 240, 244, 60, 1, 75));  // a fold in the gutter
  PageWords p = Page({header, line});
  DecodedText out = Compose(BuildOcrPage(p, 595, 842, {}));
  EXPECT_NE(out.text.find("Độc lập - Tự do - Hạnh phúc\n"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("‹"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("_"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("VĂN PHÒNG\n"), std::string::npos) << out.text;
}

pdf::Page Typed(const std::vector<pdf::Word>& words) {
  pdf::Page page;
  pdf::Block b;
  for (const pdf::Word& w : words) b.lines.push_back(pdf::Line{{w}});
  page.blocks.push_back(b);
  return page;
}

pdf::Word TypedWord(const std::string& text, double x0, double x1, double base) {
  pdf::Word w;
  w.text = text;
  w.x0 = x0;
  w.x1 = x1;
  w.y0 = base - 10;
  w.y1 = base + 3;
  w.base = base;
  w.size = 14;
  return w;
}

// Typed words replace the OCR words under them: whole ("lỗ" under "18"), or the
// characters under them only ("45/TB-VPUBND" read across a typed "45").
TEST(OcrLayout, TypedWordsWin) {
  std::vector<OcrWord> line = {W("Số:", 100, 122, 80, 0), W("lỗ", 130, 144, 80, 0, 91),
                               W("/TB-LN-VP", 152, 210, 80, 0)};
  OcrWord across = W("45/TB-VPUBND", 130, 220, 110, 1, 80);
  const char* chars[] = {"4", "5", "/", "T", "B", "-", "V", "P", "U", "B", "N", "D"};
  for (int k = 0; k < 12; ++k) across.symbols.push_back({chars[k], 130 + k * 7, 136 + k * 7});
  std::vector<OcrWord> second = {W("Số:", 100, 122, 110, 1), across};
  PageWords p = Page({line, second});
  pdf::Page typed = Typed({TypedWord("18", 129, 145, 80), TypedWord("45", 130, 143, 110)});
  OcrLayoutPage page = BuildOcrPage(p, 595, 842, typed);
  EXPECT_EQ(page.typed_words, 2u);
  EXPECT_EQ(page.ocr_words_replaced, 2u);
  DecodedText out = Compose(page);
  EXPECT_NE(out.text.find("Số: 18 /TB-LN-VP\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("Số: 45 /TB-VPUBND\n"), std::string::npos) << out.text;
  size_t at = out.text.find("18");
  EXPECT_EQ(out.MinConfidence(at, at + 2), 100) << "typed words are sure";
  size_t rest = out.text.find("/TB-VPUBND");
  EXPECT_EQ(out.MinConfidence(rest, rest + 3), 80) << "what is left of the OCR word keeps its confidence";
}

// After SetWordBoxes: one box per word on the OCR page, in text order, every non-newline
// byte in exactly one box, confidences per word; MinConfidence over ranges.
TEST(OcrLayout, WordBoxesCarryConfidence) {
  std::vector<OcrWord> l0 = Line("Giao Sở Tài chính chủ trì", 80, 100, 0);
  l0[1].confidence = 41;  // "Sở"
  std::vector<OcrWord> l1 = Line("phối hợp với các sở", 80, 100 + kBaseGap, 1);
  OcrLayoutPage page = BuildOcrPage(Page({l0, l1}), 595, 842, {});
  DecodedText out = Compose(page);
  ASSERT_EQ(out.text, "Giao Sở Tài chính chủ trì\nphối hợp với các sở\n");
  ASSERT_EQ(out.boxes.size(), 11u);
  std::vector<int> owner(out.text.size(), 0);
  for (size_t k = 0; k < out.boxes.size(); ++k) {
    const Box& b = out.boxes[k];
    EXPECT_EQ(b.page, 1);
    if (k > 0) {
      EXPECT_GE(b.begin, out.boxes[k - 1].end);
    }
    for (size_t i = b.begin; i < b.end; ++i) ++owner[i];
  }
  for (size_t i = 0; i < out.text.size(); ++i) {
    if (out.text[i] != '\n') {
      EXPECT_EQ(owner[i], 1) << "byte " << i;
    }
  }
  EXPECT_EQ(out.text.substr(out.boxes[1].begin, out.boxes[1].end - out.boxes[1].begin), "Sở ");
  EXPECT_EQ(out.boxes[1].confidence, 41);
  EXPECT_EQ(out.boxes[1].x, l0[1].x0);
  EXPECT_NEAR(out.boxes[1].font_size, 14, 0.5);
  struct Range {
    const char* text;
    float confidence;
  };
  const Range ranges[] = {{"Giao Sở Tài", 41}, {"Tài chính", 95}, {"trì\nphối", 95}, {"Giao", 95}};
  for (const Range& r : ranges) {
    size_t at = out.text.find(r.text);
    ASSERT_NE(at, std::string::npos) << r.text;
    EXPECT_EQ(out.MinConfidence(at, at + std::string(r.text).size()), r.confidence) << r.text;
  }
  DecodedText text_layer;
  text_layer.text = "Giao Sở";
  text_layer.boxes.push_back(Box{0, 8, 1, 0, 0, 10, 10, 14, 100});
  EXPECT_EQ(text_layer.MinConfidence(0, 8), 100);
  EXPECT_EQ(out.MinConfidence(out.text.size(), out.text.size()), 100) << "no box, no doubt";
}

// A deskewed page: boxes for provenance are turned back into the page's frame.
TEST(OcrLayout, DeskewedFrame) {
  PageWords p = Page({Line("Thông báo", 400, 100, 0)});
  p.skew_degrees = 1.0;
  double x = 400, y = 100;
  ToPageFrame(p, x, y);
  EXPECT_GT(std::abs(y - 100), 1.0) << "a point right of the centre moves up or down";
  ToDeskewedFrame(p, x, y);
  EXPECT_NEAR(x, 400, 1e-9);
  EXPECT_NEAR(y, 100, 1e-9);
  OcrLayoutPage page = BuildOcrPage(p, 595, 842, {});
  ASSERT_EQ(page.words.size(), 2u);
  const WordBox& w = page.words[0];
  double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
  ToPageFrame(p, cx, cy);
  EXPECT_NEAR(w.page_x + w.page_width / 2, cx, 1e-6);
  EXPECT_NEAR(w.page_y + w.page_height / 2, cy, 1e-6);
  EXPECT_NEAR(w.page_width, w.x1 - w.x0, 1e-9);
}

// Sizes: noise within 12% snaps to the page's median, so no paragraph break appears
// inside a paragraph; a much smaller print (the recipients list) keeps its size.
TEST(OcrLayout, SizesSnap) {
  std::vector<std::vector<OcrWord>> lines;
  const float caps[] = {9.52f, 10.3f, 9.0f, 9.6f};
  for (int k = 0; k < 4; ++k) {
    std::vector<OcrWord> l = Line("các cơ quan, đơn vị liên quan triển khai thực hiện", 70, 100 + k * kBaseGap, k);
    for (OcrWord& w : l) w.cap_height = caps[k];
    lines.push_back(l);
  }
  std::vector<OcrWord> small = Line("Nơi nhận:", 70, 300, 4, 5);
  for (OcrWord& w : small) w.cap_height = 6.5f, w.y0 = 293;
  lines.push_back(small);
  OcrLayoutPage page = BuildOcrPage(Page(lines), 595, 842, {});
  DecodedText out = Compose(page);
  EXPECT_EQ(out.text.find("\n\nc"), std::string::npos) << out.text;
  ASSERT_GE(page.page.blocks.size(), 2u);
  EXPECT_EQ(page.page.blocks[0].lines.size(), 4u);
  EXPECT_NEAR(page.page.blocks[0].lines[1].words[0].size, 14, 0.01);
  EXPECT_LT(page.page.blocks.back().lines[0].words[0].size, 11);
}

}  // namespace
}  // namespace notices::ingest::ocr
