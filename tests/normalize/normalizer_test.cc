// The normalize stage: characters, line classes, unwrapping, layout pieces, footnotes,
// offsets, idempotence, odd inputs. Table-driven; the seeds and the devset are checked
// in golden_test.cc and here for properties (offsets, idempotence).
#include "pipeline/normalize/normalizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/common/utf8.h"
#include "tests/normalize/normalize_test_util.h"

namespace notices::normalize {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using testing::Blocks;
using testing::BlockText;
using testing::Decoded;
using testing::Norm;
using testing::ReadFile;
using testing::Wrap;

// A paragraph long enough to be wrapped into ten lines of about 78 columns.
constexpr std::string_view kLongParagraph =
    "Ủy ban nhân dân tỉnh yêu cầu các sở ban ngành Ủy ban nhân dân các xã phường và các "
    "cơ quan đơn vị liên quan tập trung triển khai thực hiện các nhiệm vụ trọng tâm trong "
    "năm 2026 bảo đảm đúng tiến độ chất lượng và hiệu quả đề ra theo kế hoạch của tỉnh "
    "đồng thời tăng cường công tác kiểm tra giám sát đôn đốc việc thực hiện các nhiệm vụ "
    "được giao kịp thời tháo gỡ khó khăn vướng mắc phát sinh trong quá trình triển khai "
    "và báo cáo Ủy ban nhân dân tỉnh những nội dung vượt thẩm quyền để xem xét chỉ đạo "
    "giải quyết theo quy định của pháp luật hiện hành về quản lý nhà nước trên địa bàn "
    "tỉnh trong thời gian tới nhằm nâng cao hiệu lực hiệu quả quản lý nhà nước và phục "
    "vụ người dân doanh nghiệp ngày càng tốt hơn trong mọi lĩnh vực của đời sống xã hội";

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    out.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string JoinLines(const std::vector<std::string>& lines, size_t from, size_t to, const char* sep = "\n") {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (k > from) out += sep;
    out += lines[k];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Characters

TEST(CharacterTest, NormalizesCharacters) {
  struct Case {
    const char* name;
    std::string in;
    std::string out;
  } cases[] = {
      {"modern tone placement", "Văn hoá, thuỷ lợi, khoẻ", "Văn hóa, thủy lợi, khỏe"},
      {"misplaced mark", "Qúy I", "Quý I"},
      {"NFD input", "Hoa\xCC\x80 bi\xC3\xAA\xCC\x89n", "Hòa biển"},
      {"NBSP", "Sở\xC2\xA0Tài chính", "Sở Tài chính"},
      {"tab", "Sở\tTài chính", "Sở Tài chính"},
      {"em space and ideographic space", "Sở\xE2\x80\x83Tài\xE3\x80\x80" "chính", "Sở Tài chính"},
      {"narrow NBSP", "10\xE2\x80\xAF" "000", "10 000"},
      {"run of spaces", "Sở    Tài  chính", "Sở Tài chính"},
      {"leading and trailing spaces", "   Sở Tài chính   ", "Sở Tài chính"},
      {"zero-width space", "Tài\xE2\x80\x8B" "chính", "Tàichính"},
      {"zero-width joiner and non-joiner", "a\xE2\x80\x8C" "b\xE2\x80\x8D" "c", "abc"},
      {"word joiner", "a\xE2\x81\xA0" "b", "ab"},
      {"BOM inside", "\xEF\xBB\xBFSở Tài chính", "Sở Tài chính"},
      {"soft hyphen", "chuyển\xC2\xAD" "đổi", "chuyểnđổi"},
      {"zero-width inside a space run", "Sở \xE2\x80\x8B Tài", "Sở Tài"},
      {"control character", "Sở\x01 Tài", "Sở Tài"},
      {"emphasis around a date", "chậm nhất trong ngày **26/5/2026**.", "chậm nhất trong ngày 26/5/2026."},
      {"emphasis around words", "trước **ngày 26/5/2026**, làm", "trước ngày 26/5/2026, làm"},
      {"emphasis opening a line", "**KT. CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG"},
      {"asterisk footnote mark kept", "Lịch kiểm tra (**) có thể đổi", "Lịch kiểm tra (**) có thể đổi"},
      {"lone asterisks kept", "nhân 2 * 3", "nhân 2 * 3"},
      {"quotes kept", "mô hình “Bình dân học vụ số”", "mô hình “Bình dân học vụ số”"},
      {"invalid UTF-8 becomes U+FFFD", std::string("ab\xFF" "cd"), "ab\xEF\xBF\xBD" "cd"},
      {"U+FFFD survives", "ab\xEF\xBF\xBD" "cd", "ab\xEF\xBF\xBD" "cd"},
      {"truncated sequence", std::string("Sở T\xC3"), "Sở T\xEF\xBF\xBD"},
  };
  for (const Case& c : cases) EXPECT_EQ(Norm(c.in).text, c.out) << c.name;
}

TEST(CharacterTest, LineEnds) {
  struct Case {
    const char* name;
    std::string in;
    std::vector<std::string> blocks;
  } cases[] = {
      {"LF", "Dòng một.\nDòng hai.", {"Dòng một.", "Dòng hai."}},
      {"CR LF", "Dòng một.\r\nDòng hai.", {"Dòng một.", "Dòng hai."}},
      {"CR", "Dòng một.\rDòng hai.", {"Dòng một.", "Dòng hai."}},
      {"U+2028", "Dòng một.\xE2\x80\xA8" "Dòng hai.", {"Dòng một.", "Dòng hai."}},
      {"form feed", "Dòng một.\fDòng hai.", {"Dòng một.", "Dòng hai."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Blocks(c.in), c.blocks) << c.name;
}

TEST(CharacterTest, EmptyAndBlankInputs) {
  for (std::string in : {std::string(), std::string("   \n\t\n\f\n"), std::string("\xE2\x80\x8B")}) {
    NormalizedText n = Norm(in);
    EXPECT_EQ(n.text, "");
    EXPECT_TRUE(n.blocks.empty());
  }
}

// ---------------------------------------------------------------------------------------
// Paragraph starts: in a hard-wrapped paragraph, a line that starts with one of these
// starts a new paragraph; the same line without its marker is joined.

TEST(ParagraphStartTest, MarkerAtTheStartOfAWrappedLine) {
  struct Case {
    const char* marker;   // put before the text of the fourth line
    const char* written;  // how the block starts then
  } cases[] = {
      {"1. ", "1. "},          {"2.1. ", "2.1. "},     {"2.1.3. ", "2.1.3. "},
      {"3) ", "3) "},          {"I. ", "I. "},         {"II. ", "II. "},
      {"a) ", "a) "},          {"đ) ", "đ) "},         {"b. ", "b. "},
      {"Điều 2. ", "Điều 2. "}, {"- ", "- "},         {"+ ", "+ "},
      {"• ", "- "},            {"* ", "- "},           {"– ", "- "},
      {"\xEF\x82\xB7 ", "- "}, {"V/v ", "V/v "},       {"Kính gửi: ", "Kính gửi: "},
      {"Nơi nhận: ", "Nơi nhận: "},
  };
  std::vector<std::string> lines = Lines(Wrap(kLongParagraph, 78));
  ASSERT_GE(lines.size(), 9u);
  std::string before = JoinLines(lines, 0, 3, " ");
  std::string after = JoinLines(lines, 3, lines.size(), " ");
  for (const Case& c : cases) {
    std::vector<std::string> marked = lines;
    marked[3] = c.marker + marked[3];
    EXPECT_THAT(Blocks(JoinLines(marked, 0, marked.size())),
                ElementsAre(before, std::string(c.written) + after))
        << c.marker;
  }
  EXPECT_THAT(Blocks(JoinLines(lines, 0, lines.size())), ElementsAre(before + " " + after));
}

TEST(ParagraphStartTest, WholeLinesInsideAWrappedParagraph) {
  struct Case {
    const char* line;
    bool own_block;  // false: the line is joined like any other text
  } cases[] = {
      {"THÔNG BÁO", true},
      {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true},
      {"Độc lập - Tự do - Hạnh phúc", true},
      {"Số: 1855/VPCP-CN", true},
      {"Lạng Sơn, ngày 05 tháng 5 năm 2026", true},
      {"Hà Nội, ngày tháng 5 năm 2026", true},
      {"KT. CHÁNH VĂN PHÒNG", true},
      {"PHÓ CHÁNH VĂN PHÒNG", true},
      {"TM. ỦY BAN NHÂN DÂN", true},
      {"Nơi nhận:", true},
      {"Kính gửi:", true},
      {"Thông báo", false},
      {"KGVX, KTCN, NC, TTTT;", false},
  };
  std::vector<std::string> lines = Lines(Wrap(kLongParagraph, 78));
  for (const Case& c : cases) {
    std::vector<std::string> with = lines;
    with.insert(with.begin() + 3, c.line);
    std::vector<std::string> got = Blocks(JoinLines(with, 0, with.size()));
    bool own = std::find(got.begin(), got.end(), std::string(c.line)) != got.end();
    EXPECT_EQ(own, c.own_block) << c.line << "\n" << ::testing::PrintToString(got);
  }
}

TEST(ParagraphStartTest, NotAParagraphStart) {
  // Lines that look like a start but continue the sentence before them.
  struct Case {
    const char* name;
    std::string in;
    std::vector<std::string> blocks;
  } cases[] = {
      {"a date at the line start",
       "Sở Nông nghiệp và Môi trường báo cáo UBND tỉnh chậm nhất trong ngày\n15/01/2026.",
       {"Sở Nông nghiệp và Môi trường báo cáo UBND tỉnh chậm nhất trong ngày 15/01/2026."}},
      {"a year at the line start",
       "Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7 (riêng năm\n2026 thực hiện báo cáo năm).",
       {"Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7 (riêng năm 2026 thực hiện báo cáo năm)."}},
      {"a document number at the line start",
       "Tiếp tục thực hiện Nghị quyết số\n10/2025/NQ-HĐND ngày 28/4/2025.",
       {"Tiếp tục thực hiện Nghị quyết số 10/2025/NQ-HĐND ngày 28/4/2025."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Blocks(c.in), c.blocks) << c.name;
}

// ---------------------------------------------------------------------------------------
// Unwrapping

TEST(UnwrapTest, JoinsAndBreaks) {
  std::string wrapped = Wrap(kLongParagraph, 78);
  std::string joined(kLongParagraph);
  struct Case {
    const char* name;
    std::string in;
    std::vector<std::string> blocks;
  } cases[] = {
      {"hard-wrapped paragraph", wrapped, {joined}},
      {"double-spaced: a blank line after every line",
       [&] {
         std::string s;
         for (const std::string& l : Lines(wrapped)) s += l + " \n\n";
         return s;
       }(),
       {joined}},
      {"double-spaced: a run of blank lines ends the paragraph",
       [&] {
         std::string s;
         for (const std::string& l : Lines(wrapped)) s += l + "\n\n";
         return s + "\n \n\n" + s;
       }(),
       {joined, joined}},
      {"single-spaced: a blank line ends the paragraph", wrapped + "\n\n" + wrapped, {joined, joined}},
      {"a short line ending a sentence ends the paragraph",
       wrapped + ".\nTrên đây là kết luận của Chủ tịch Ủy ban nhân dân tỉnh.",
       {joined + ".", "Trên đây là kết luận của Chủ tịch Ủy ban nhân dân tỉnh."}},
      {"a full line ending a sentence does not",
       "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì thực hiện các nhiệm vụ được giao.\n"
       "Sở Kế hoạch và Đầu tư phối hợp thực hiện, báo cáo kết quả trước ngày 20/12.\n" +
           wrapped,
       {"Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì thực hiện các nhiệm vụ được giao. "
        "Sở Kế hoạch và Đầu tư phối hợp thực hiện, báo cáo kết quả trước ngày 20/12. " +
        joined}},
      {"a line ending in a glued hyphen joins without a space",
       "Thực hiện Nghị định số 178/2026/NĐ-\nCP ngày 20 tháng 5 năm 2026 của Chính phủ.",
       {"Thực hiện Nghị định số 178/2026/NĐ-CP ngày 20 tháng 5 năm 2026 của Chính phủ."}},
      {"a spaced dash is a word", "phát triển kinh tế -\nxã hội của tỉnh.",
       {"phát triển kinh tế - xã hội của tỉnh."}},
      {"a line ending in a comma continues", "Sở Công Thương, Sở Tài chính,\nSở Xây dựng phối hợp.",
       {"Sở Công Thương, Sở Tài chính, Sở Xây dựng phối hợp."}},
      {"a line starting with punctuation is glued", "- VPCP\n: BTCN, các PCN;",
       {"- VPCP: BTCN, các PCN;"}},
      {"lowercase continues across a blank line (one paragraph per line)",
       "+ Khẩn trương rà soát toàn bộ nhiệm vụ còn chậm, tập trung xử lý dứt điểm, không để\n\n"
       "kéo dài, dàn trải.\n\n+ Quan tâm nâng cao chất lượng công tác phối hợp.",
       {"+ Khẩn trương rà soát toàn bộ nhiệm vụ còn chậm, tập trung xử lý dứt điểm, không để kéo dài, dàn trải.",
        "+ Quan tâm nâng cao chất lượng công tác phối hợp."}},
      {"one paragraph per line: uppercase lines are not joined",
       "3. Sở Xây dựng\nTập trung hướng dẫn cấp xã, phường và các chủ đầu tư về quy hoạch chi tiết.\n"
       "4. Sở Nội vụ\nChủ trì, phối hợp với các đơn vị liên quan.",
       {"3. Sở Xây dựng", "Tập trung hướng dẫn cấp xã, phường và các chủ đầu tư về quy hoạch chi tiết.",
        "4. Sở Nội vụ", "Chủ trì, phối hợp với các đơn vị liên quan."}},
      {"a heading that wraps",
       "4. Các cơ quan, tổ chức, đơn vị, doanh nghiệp được giao quản lý, sử\n"
       "dụng hoặc khai thác tài sản kết cấu hạ tầng\na) Thực hiện quản lý.",
       {"4. Các cơ quan, tổ chức, đơn vị, doanh nghiệp được giao quản lý, sử dụng hoặc khai thác tài sản kết cấu hạ tầng",
        "a) Thực hiện quản lý."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Blocks(c.in), c.blocks) << c.name;
}

TEST(UnwrapTest, FirstLineIndentStartsAParagraph) {
  // pdftotext -layout: continuation lines sit at the margin, paragraphs are indented.
  std::vector<std::string> first = Lines(Wrap(kLongParagraph, 78));
  std::vector<std::string> second = Lines(Wrap("Thực hiện chỉ đạo " + std::string(kLongParagraph), 78));
  std::string one = JoinLines(first, 0, 5);  // five full lines, no final stop
  std::string two = JoinLines(second, 0, second.size());
  EXPECT_THAT(Blocks("      " + one + "\n      " + two),
              ElementsAre(JoinLines(first, 0, 5, " "), JoinLines(second, 0, second.size(), " ")));
  // Without the indent the second paragraph reads as the first one's next line.
  EXPECT_THAT(Blocks(one + "\n" + two),
              ElementsAre(JoinLines(first, 0, 5, " ") + " " + JoinLines(second, 0, second.size(), " ")));
}

TEST(UnwrapTest, AnOpenBracketRunsOnPastAnIndent) {
  // seed-001's PDF: "(như:" ends a line and the next one is indented like a paragraph.
  const std::string text =
      "     - Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức rà soát, đánh\n"
      "giá hiệu quả hoạt động của một số phần mềm, ứng dụng đang triển khai (như:\n"
      "     Công chức số, Công dân số…), trên cơ sở đó, đề xuất phương án nâng cấp,\n"
      "hoàn thiện và triển khai mở rộng, bảo đảm phù hợp với yêu cầu thực tiễn.\n";
  EXPECT_THAT(Blocks(text), ElementsAre(::testing::HasSubstr("(như: Công chức số, Công dân số…), trên cơ sở đó")));
  // A closed bracket does not: the indent starts a paragraph.
  const std::string closed =
      "     - Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức rà soát, đánh\n"
      "giá hiệu quả hoạt động của một số phần mềm (Công chức số) như sau:\n"
      "     Công chức số, Công dân số…, trên cơ sở đó, đề xuất phương án nâng cấp,\n"
      "hoàn thiện và triển khai mở rộng, bảo đảm phù hợp với yêu cầu thực tiễn.\n";
  EXPECT_EQ(Blocks(closed).size(), 2u);
}

TEST(UnwrapTest, PageBreaks) {
  struct Case {
    const char* name;
    std::string in;
    std::vector<std::string> blocks;
  } cases[] = {
      {"a sentence cut by a page break and a page number is joined",
       "Để việc chấp hành quy định của pháp luật về quản lý và sử dụng VLNCN được\n"
       "\f                                        2\n\n\n\ntốt hơn, Sở Công Thương yêu cầu như sau:",
       {"Để việc chấp hành quy định của pháp luật về quản lý và sử dụng VLNCN được tốt hơn, Sở Công Thương yêu cầu như sau:"}},
      {"a finished paragraph stays finished", "Văn phòng thông báo để các cơ quan thực hiện./.\f2\nNơi nhận:\n- Như trên;",
       {"Văn phòng thông báo để các cơ quan thực hiện./.", "Nơi nhận:", "- Như trên;"}},
      {"a page number with dashes", "Báo cáo kết quả thực hiện trong\f- 3 -\nquý I/2026.",
       {"Báo cáo kết quả thực hiện trong quý I/2026."}},
      {"a number that is not next to a page break stays", "Số lượng:\n2\nghi chú.", {"Số lượng:", "2 ghi chú."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Blocks(c.in), c.blocks) << c.name;
}

// OCR reads a speck at a line's start as a dash (seed-000-scan: "- trò cơ quan ..."). On
// an OCR'd page such a "bullet" inside a sentence joins the line above, without the dash;
// typed pages, and real items, keep their bullets.
TEST(UnwrapTest, OcrSpeckReadAsADashInsideASentence) {
  struct Case {
    const char* name;
    std::string in;
    bool ocr;  // page 1 was read by OCR
    std::vector<std::string> blocks;
  } cases[] = {
      {"a speck before a lowercase word, under a sentence that goes on",
       "- Trong thời gian tới, Sở Khoa học và Công nghệ cần tiếp tục phát huy vai\n"
       "- trò cơ quan tham mưu; tiếp tục thực hiện tốt những nội dung sau:\n"
       "+ Khẩn trương rà soát toàn bộ nhiệm vụ.",
       true,
       {"- Trong thời gian tới, Sở Khoa học và Công nghệ cần tiếp tục phát huy vai trò cơ quan tham mưu; "
        "tiếp tục thực hiện tốt những nội dung sau:",
        "+ Khẩn trương rà soát toàn bộ nhiệm vụ."}},
      {"the same on a typed page: a bullet",
       "- Trong thời gian tới, Sở Khoa học và Công nghệ cần tiếp tục phát huy vai\n- trò cơ quan tham mưu.",
       false,
       {"- Trong thời gian tới, Sở Khoa học và Công nghệ cần tiếp tục phát huy vai", "- trò cơ quan tham mưu."}},
      {"after a line that ends its sentence or a lead-in: an item",
       "Các sở thực hiện những nội dung sau:\n- rà soát hồ sơ;\n- báo cáo kết quả.", true,
       {"Các sở thực hiện những nội dung sau:", "- rà soát hồ sơ;", "- báo cáo kết quả."}},
      {"a capital after the dash: an item", "Các sở cần phối hợp với\n- Sở Tài chính rà soát.", true,
       {"Các sở cần phối hợp với", "- Sở Tài chính rà soát."}},
  };
  for (const Case& c : cases) {
    ingest::DecodedText d = Decoded(c.in);
    if (c.ocr) d.ocr_pages.push_back({1, ingest::OcrReason::kScan, 90, 0});
    NormalizedText n = Normalize(d, *ruleset::RuleSet::Builtin().value(), {});
    EXPECT_EQ(Blocks(n), c.blocks) << c.name;
    // The dropped dash maps nowhere: every byte left still maps into the input.
    for (size_t k = 0; k < n.text.size(); ++k) ASSERT_LE(n.to_decoded.ToSource(k), c.in.size()) << c.name;
  }
}

TEST(UnwrapTest, HeaderSubjectAndLists) {
  struct Case {
    const char* name;
    std::string in;
    std::vector<std::string> blocks;
  } cases[] = {
      {"the subject after the type heading is one paragraph",
       "THÔNG BÁO\nKết luận của đồng chí Nguyễn Tuấn Anh - Phó Bí thư Tỉnh ủy, Chủ tịch\n"
       "Ủy ban nhân dân tỉnh tại cuộc họp về tình hình triển khai\ncác cụm công nghiệp trên địa bàn tỉnh\n"
       "_____________\nNgày 19 tháng 6 năm 2026, Ủy ban nhân dân tỉnh tổ chức cuộc họp.",
       {"THÔNG BÁO",
        "Kết luận của đồng chí Nguyễn Tuấn Anh - Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh tại "
        "cuộc họp về tình hình triển khai các cụm công nghiệp trên địa bàn tỉnh",
        "Ngày 19 tháng 6 năm 2026, Ủy ban nhân dân tỉnh tổ chức cuộc họp."}},
      {"a V/v subject over three lines",
       "V/v triển khai thực hiện Nghị định số\n 178/2026/NĐ-CP ngày 20/5/2026\n           của Chính phủ\n\nKính gửi:",
       {"V/v triển khai thực hiện Nghị định số 178/2026/NĐ-CP ngày 20/5/2026 của Chính phủ", "Kính gửi:"}},
      {"a recipient item that wraps",
       "Nơi nhận:\n- Chủ tịch, các Phó Chủ tịch UBND tỉnh;\n- C, PVP UBND tỉnh, các Phòng:\nKGVX, KTCN, NC, TTTT;\n"
       "- Lưu: VT, KGVX(HTHT).\n\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nVi Thiện Việt",
       {"Nơi nhận:", "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "- C, PVP UBND tỉnh, các Phòng: KGVX, KTCN, NC, TTTT;",
        "- Lưu: VT, KGVX(HTHT).", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Vi Thiện Việt"}},
      {"the addressee label does not run on into the text",
       "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố\nNgày 25 tháng 3 năm 2026, Bộ Công Thương ban hành Thông tư số 15/2026/TT-BCT.",
       {"Kính gửi: Ủy ban nhân dân các tỉnh, thành phố",
        "Ngày 25 tháng 3 năm 2026, Bộ Công Thương ban hành Thông tư số 15/2026/TT-BCT."}},
      {"list glyphs are written - and +",
       "• Như trên;\n-Tiếp tục thực hiện;\n+Chủ trì thực hiện;\n▪ Lưu: VT.",
       {"- Như trên;", "- Tiếp tục thực hiện;", "+ Chủ trì thực hiện;", "- Lưu: VT."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Blocks(c.in), c.blocks) << c.name;
}

TEST(UnwrapTest, OneParagraphPerLineTextsKeepTheirLines) {
  // The reference texts of the real PDFs hold one paragraph per line (tb-1894 is the
  // pdftotext -layout text of devset 28): nothing may be joined or split.
  std::filesystem::path dir = std::filesystem::path(NOTICES_SHARED_DIR) / "real-pdf" / "text";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().rfind("tb-1894", 0) == 0) continue;
    std::vector<std::string> lines;
    for (std::string& l : Lines(ReadFile(e.path().string())))
      if (l.find_first_not_of(" \t") != std::string::npos) lines.push_back(l);
    EXPECT_EQ(Norm(ReadFile(e.path().string())).blocks.size(), lines.size()) << e.path();
    ++files;
  }
  EXPECT_GT(files, 0u);
}

// ---------------------------------------------------------------------------------------
// Layout: columns, table cells, rule lines, OCR debris

TEST(LayoutTest, ColumnsCellsAndDebris) {
  struct Case {
    const char* name;
    std::string in;
    std::vector<std::string> blocks;
  } cases[] = {
      {"two columns: the right one comes after its run of lines",
       "  UBND TỈNH LÀO CAI             CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       " SỞ CÔNG THƯƠNG                          Độc lập - Tự do - Hạnh phúc\n\n"
       "  Số: 1894 /TB-SCT                   Lào Cai, ngày 09 tháng 4 năm 2026\n",
       {"UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 1894 /TB-SCT", "Lào Cai, ngày 09 tháng 4 năm 2026"}},
      {"signature beside the recipients",
       "Nơi nhận:                                           KT. GIÁM ĐỐC\n"
       "- Công ty CP XD Giao thông Yên Bái;\n"
       "- Tổng công ty xây dựng Trường Sơn;                 PHÓ GIÁM ĐỐC\n"
       "- Lưu: VT, CN(M.Cường).\n\n\n                                                    Hoàng Văn Thuân\n",
       {"Nơi nhận:", "- Công ty CP XD Giao thông Yên Bái;", "- Tổng công ty xây dựng Trường Sơn;",
        "- Lưu: VT, CN(M.Cường).", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân"}},
      {"a blank form field is not a column gap", "    Lào Cai, ngày      tháng 6 năm 2026",
       {"Lào Cai, ngày tháng 6 năm 2026"}},
      {"header table cells", "VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                             "Số: 3148/VPCP-CN | Hà Nội, ngày 05 tháng 04 năm 2018 |",
       {"VĂN PHÒNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 3148/VPCP-CN",
        "Hà Nội, ngày 05 tháng 04 năm 2018"}},
      {"a table row with three filled cells stays one line; rows are not joined",
       "TT | Đơn vị | Nội dung | Thời hạn\n1 | Sở Tài chính | Rà soát hồ sơ | 25/3/2026\n2 | Sở Xây dựng | Kiểm tra | 27/3/2026",
       {"TT | Đơn vị | Nội dung | Thời hạn", "1 | Sở Tài chính | Rà soát hồ sơ | 25/3/2026",
        "2 | Sở Xây dựng | Kiểm tra | 27/3/2026"}},
      {"a glued closing mark", "Văn phòng xin thông báo để thực hiện./.Nơi nhận:\n- Như trên;",
       {"Văn phòng xin thông báo để thực hiện./.", "Nơi nhận:", "- Như trên;"}},
      {"rule lines are dropped and end a paragraph",
       "VĂN PHÒNG CHÍNH PHỦ\n--------\nSố: 910/VPCP-KGVX", {"VĂN PHÒNG CHÍNH PHỦ", "Số: 910/VPCP-KGVX"}},
      {"OCR debris is dropped",
       "a) Theo chuc nang, nhiem vu duoc giao, nghiem tuc trien khai thuc hien\n"
       "                              i\n"
       "nhanh, hieu qua.\n   •                          **                    J\n"
       "         9                                 <       r                     I\n"
       "b) Truoc ngay 15 thang 02 nam 2023.",
       {"a) Theo chuc nang, nhiem vu duoc giao, nghiem tuc trien khai thuc hien nhanh, hieu qua.",
        "b) Truoc ngay 15 thang 02 nam 2023."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Blocks(c.in), c.blocks) << c.name;
}

TEST(LayoutTest, TextWithoutMarksUsesFoldedRules) {
  // An OCR layer that lost its diacritics: "Dieu 1." and "NGHI QUYET" are still found.
  std::string ocr = Wrap(
      "Can cu Luat To chuc Chinh phu ngay 19 thang 6 nam 2015 Luat sua doi bo sung mot so "
      "dieu cua Luat To chuc Chinh phu va Luat To chuc chinh quyen dia phuong ngay 22 thang "
      "11 nam 2019 Can cu Nghi quyet so 26-NQ/TW ngay 03 thang 11 nam 2022 cua Bo Chinh tri "
      "ve phat trien kinh te xa hoi va bao dam quoc phong an ninh vung Bac Trung Bo va duyen "
      "hai Trung Bo den nam 2030 tam nhin den nam 2045 theo de nghi cua Bo truong Bo Ke hoach",
      78);
  std::vector<std::string> got = Blocks("NGHI QUYET\n" + ocr + "\nDieu 1. Ban hanh kem theo Nghi quyet nay.");
  ASSERT_EQ(got.size(), 3u) << ::testing::PrintToString(got);
  EXPECT_EQ(got[0], "NGHI QUYET");
  EXPECT_EQ(got[2], "Dieu 1. Ban hanh kem theo Nghi quyet nay.");
}

// ---------------------------------------------------------------------------------------
// Footnotes

TEST(FootnoteTest, SuperscriptBodyInOneParagraphPerLineText) {
  // Seed 000: the body sits between the two halves of a sentence.
  NormalizedText n = Norm(
      "- Giao Sở Khoa học và Công nghệ tham mưu đẩy nhanh giải ngân nguồn vốn năm 2026¹; kèm theo biểu tiến độ.\n\n"
      "- Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính khẩn trương rà soát, hoàn\n\n"
      "¹ Trong đó yêu cầu các cơ quan có trách nhiệm đăng ký tiến độ thực hiện theo từng tháng.\n\n"
      "thiện hồ sơ, thủ tục chuẩn bị đầu tư.\n\nVăn phòng UBND tỉnh thông báo để thực hiện./.");
  EXPECT_THAT(Blocks(n),
              ElementsAre("- Giao Sở Khoa học và Công nghệ tham mưu đẩy nhanh giải ngân nguồn vốn năm 2026¹; kèm theo biểu tiến độ.",
                          "- Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính khẩn trương rà soát, "
                          "hoàn thiện hồ sơ, thủ tục chuẩn bị đầu tư.",
                          "Văn phòng UBND tỉnh thông báo để thực hiện./.",
                          "¹ Trong đó yêu cầu các cơ quan có trách nhiệm đăng ký tiến độ thực hiện theo từng tháng."));
  const Block& fn = n.blocks.back();
  EXPECT_EQ(fn.kind, BlockKind::kFootnote);
  EXPECT_EQ(fn.marker, "1");
  ASSERT_NE(fn.ref, std::string::npos);
  EXPECT_EQ(n.text.substr(fn.ref, 2), "¹");
  EXPECT_EQ(n.text.substr(fn.ref - 4, 6), "2026¹");
  EXPECT_TRUE(n.warnings.empty()) << ::testing::PrintToString(n.warnings);
}

TEST(FootnoteTest, PlainNumberedBodiesAfterASeparator) {
  // Seed 001: every line wrapped and followed by a blank line; a separator line of
  // spaces, a body over two lines, then the sentence goes on after a page-break cue.
  std::vector<std::string> body = Lines(Wrap(std::string(kLongParagraph) + " " + std::string(kLongParagraph), 78));
  ASSERT_GE(body.size(), 18u);
  const size_t last = body.size() - 1;  // the short last line is left out
  std::string text;
  for (size_t k = 0; k < 8; ++k) text += body[k] + " \n\n";
  text += "trong năm 2025 đạt nhiều kết quả nổi bật1; qua đó tạo chuyển biến, còn một số hạn \n\n";
  text += std::string(43, ' ') + "\n";
  text += "1 Như các đề tài khoa học và công nghệ trong lĩnh vực y tế, mô hình Phòng truyền thống số của Công an tỉnh, \n\n";
  text += "việc thực hiện chiến dịch “90 ngày làm giàu, làm sạch cơ sở dữ liệu đất đai”… \n";
  text += " chế như: dữ liệu chuyên ngành2 chưa đầy đủ, diện tích 100 m2 đất chưa được cập nhật. \n\n";
  for (size_t k = 8; k < last; ++k) text += body[k] + " \n\n";
  text += std::string(43, ' ') + "\n";
  text += "2 Trên địa bàn tỉnh còn lại 5 xã  chưa được xây dựng bất kỳ thành phần nào của cơ sở dữ liệu (xã Bắc \n\n";
  text += "Sơn, xã Hữu Lũng, phường Tam Thanh và phường Lương Văn Tri) \n";
  text += " 06 đối với các xã.";
  NormalizedText n = Norm(text);
  std::string expected_body = JoinLines(body, 0, 8, " ") +
                              " trong năm 2025 đạt nhiều kết quả nổi bật¹; qua đó tạo chuyển biến, còn một số hạn chế "
                              "như: dữ liệu chuyên ngành² chưa đầy đủ, diện tích 100 m2 đất chưa được cập nhật. " +
                              JoinLines(body, 8, last, " ") + " 06 đối với các xã.";
  EXPECT_THAT(Blocks(n),
              ElementsAre(expected_body,
                          "¹ Như các đề tài khoa học và công nghệ trong lĩnh vực y tế, mô hình Phòng truyền thống số của "
                          "Công an tỉnh, việc thực hiện chiến dịch “90 ngày làm giàu, làm sạch cơ sở dữ liệu đất đai”…",
                          "² Trên địa bàn tỉnh còn lại 5 xã chưa được xây dựng bất kỳ thành phần nào của cơ sở dữ liệu "
                          "(xã Bắc Sơn, xã Hữu Lũng, phường Tam Thanh và phường Lương Văn Tri)"));
  ASSERT_EQ(n.blocks.size(), 3u);
  EXPECT_EQ(n.blocks[1].marker, "1");
  EXPECT_EQ(n.blocks[2].marker, "2");
  EXPECT_EQ(n.text.substr(n.blocks[1].ref, 2), "¹");
  EXPECT_EQ(n.text.substr(n.blocks[2].ref, 2), "²");
}

TEST(FootnoteTest, References) {
  struct Case {
    const char* name;
    std::string body;       // running text; a footnote 1 (and 2) body follows
    bool second_footnote;
    std::string expected;   // the running text as written
  } cases[] = {
      {"glued to a word", "đạt nhiều kết quả nổi bật1; qua đó", false, "đạt nhiều kết quả nổi bật¹; qua đó"},
      {"glued to a word before a space", "dữ liệu chuyên ngành2 chưa đầy đủ", true, "dữ liệu chuyên ngành² chưa đầy đủ"},
      {"glued to a year", "chuyển đổi số năm 20261; kèm theo", false, "chuyển đổi số năm 2026¹; kèm theo"},
      {"glued to a year at the end", "chuyển đổi số năm 20261", false, "chuyển đổi số năm 2026¹"},
      {"already superscript", "chuyển đổi số năm 2026¹; kèm theo", false, "chuyển đổi số năm 2026¹; kèm theo"},
      {"a year alone is a year", "trong năm 2026; kèm theo", false, "trong năm 2026; kèm theo"},
      {"a unit is not a reference", "diện tích 100 m2 đất", true, "diện tích 100 m2 đất"},
      {"a code is not a reference", "kho học liệu K12Online và cúm A(H1N1) năm 2026", false,
       "kho học liệu K12Online và cúm A(H1N1) năm 2026"},
      {"a number with no body is left", "đạt nhiều kết quả nổi bật3; qua đó", false, "đạt nhiều kết quả nổi bật3; qua đó"},
      {"only the first place refers", "nổi bật1; và nổi bật1 nữa", false, "nổi bật¹; và nổi bật1 nữa"},
  };
  for (const Case& c : cases) {
    std::string text = c.body + "\n\n¹ Trong đó có ghi chú.";
    if (c.second_footnote) text += "\n² Ghi chú thứ hai.";
    NormalizedText n = Norm(text);
    ASSERT_FALSE(n.blocks.empty()) << c.name;
    EXPECT_EQ(BlockText(n, n.blocks[0]), c.expected) << c.name;
  }
}

TEST(FootnoteTest, YearTrapWithoutFootnoteBody) {
  // Without a body numbered 1, "20261" is not rewritten (nothing says it is a reference).
  EXPECT_EQ(Norm("chuyển đổi số năm 20261; kèm theo").text, "chuyển đổi số năm 20261; kèm theo");
}

TEST(FootnoteTest, PlainNumberedBodyWithoutSeparatorNeedsAGluedReference) {
  // Legacy encodings have no superscripts: the body "1 Trong đó ..." sits mid-text where
  // the page ended. It is a footnote only because "năm 20261" refers to it.
  EXPECT_THAT(Blocks("Giao Sở Tài chính rà soát năm 20261; báo cáo.\n\n1 Trong đó có ghi chú.\n\nHết."),
              ElementsAre("Giao Sở Tài chính rà soát năm 2026¹; báo cáo.", "Hết.", "¹ Trong đó có ghi chú."));
  EXPECT_THAT(Blocks("Giao Sở Tài chính rà soát năm 2026; báo cáo.\n\n1 Trong đó có ghi chú.\n\nHết."),
              ElementsAre("Giao Sở Tài chính rà soát năm 2026; báo cáo.", "1 Trong đó có ghi chú.", "Hết."));
}

TEST(FootnoteTest, OrderWarningsAndOption) {
  NormalizedText n = Norm("Nội dung thứ nhất².\n\n² Ghi chú hai.\n¹ Ghi chú một.\n");
  EXPECT_THAT(Blocks(n), ElementsAre("Nội dung thứ nhất².", "¹ Ghi chú một.", "² Ghi chú hai."));
  EXPECT_THAT(n.warnings, ElementsAre("footnote_unreferenced: footnote 1 has no reference in the text"));

  Options keep;
  keep.extract_footnotes = false;
  EXPECT_THAT(Blocks("Nội dung thứ nhất1.\n\n¹ Ghi chú một.", keep),
              ElementsAre("Nội dung thứ nhất1.", "¹ Ghi chú một."));
}

// ---------------------------------------------------------------------------------------
// Offsets

TEST(OffsetTest, BlocksPointAtTheirSourceWords) {
  struct Case {
    std::string in;
    std::vector<std::string> sources;  // decoded text of each block's range
  } cases[] = {
      {"  Sở   Tài\xC2\xA0" "chính  \n", {"Sở   Tài\xC2\xA0" "chính"}},
      {"Văn hoá và\nthuỷ lợi", {"Văn hoá và\nthuỷ lợi"}},
      {"• Như trên;\n- Lưu: VT.", {"• Như trên;", "- Lưu: VT."}},
      {"Số: 12/TB      Lào Cai, ngày 5 tháng 5 năm 2026", {"Số: 12/TB", "Lào Cai, ngày 5 tháng 5 năm 2026"}},
      {"trong ngày **26/5/2026**.", {"trong ngày **26/5/2026**."}},
  };
  for (const Case& c : cases) {
    NormalizedText n = Norm(c.in);
    ASSERT_EQ(n.blocks.size(), c.sources.size()) << c.in;
    for (size_t k = 0; k < n.blocks.size(); ++k) {
      Range src = n.to_decoded.ToSource(n.blocks[k].range);
      EXPECT_EQ(c.in.substr(src.begin, src.size()), c.sources[k]) << c.in;
    }
  }
}

TEST(OffsetTest, RewrittenCharactersPointAtWhatTheyReplace) {
  std::string in = "Văn hoá, nổi bật1; thêm\xC2\xA0từ\n\n¹ Ghi chú.";
  NormalizedText n = Norm(in);
  auto source_of = [&](std::string_view piece) {
    size_t at = n.text.find(piece);
    EXPECT_NE(at, std::string::npos) << piece;
    Range r = n.to_decoded.ToSource(Range{at, at + piece.size()});
    return in.substr(r.begin, r.size());
  };
  EXPECT_EQ(source_of("hóa"), "hoá");
  EXPECT_EQ(source_of("¹;"), "1;");
  EXPECT_EQ(source_of("thêm từ"), "thêm\xC2\xA0từ");
  EXPECT_EQ(source_of("Ghi chú."), "Ghi chú.");
}

TEST(OffsetTest, EveryByteMapsInsideTheInput) {
  std::vector<std::string> inputs = {Wrap(kLongParagraph, 70), "a\f\fb\r\n\r\nc", "Hoa\xCC\x80 \xFF x"};
  inputs.push_back(ReadFile(NOTICES_SAMPLES_DIR "/seed-000.txt"));
  inputs.push_back(ReadFile(NOTICES_SAMPLES_DIR "/seed-001.txt"));
  inputs.push_back(ReadFile(NOTICES_SAMPLES_DIR "/kh-bang-qua-trang.layout.txt"));  // layout tables
  inputs.push_back(ReadFile(NOTICES_SAMPLES_DIR "/kh-phu-luc-nhiem-vu.layout.txt"));
  for (const std::string& in : inputs) {
    NormalizedText n = Norm(in);
    EXPECT_EQ(n.to_decoded.dst_size(), n.text.size());
    for (size_t i = 0; i < n.text.size(); ++i) ASSERT_LE(n.to_decoded.ToSource(i), in.size());
    for (const Block& b : n.blocks) {
      Range src = n.to_decoded.ToSource(b.range);
      ASSERT_LE(src.end, in.size());
      // A block starts at its own first character in the input (or at the glyph it rewrote).
      std::string first = BlockText(n, b).substr(0, 1);
      if (b.kind == BlockKind::kParagraph && first != "-" && first != "+") {
        EXPECT_EQ(in.substr(src.begin, 1), first) << BlockText(n, b);
      }
    }
  }
}

TEST(OffsetTest, SeedsBlocksStartAndEndOnTheirWords) {
  for (const char* name : {"/seed-000.txt", "/seed-001.txt"}) {
    std::string in = ReadFile(std::string(NOTICES_SAMPLES_DIR) + name);
    NormalizedText n = Norm(in);
    for (const Block& b : n.blocks) {
      std::string text = BlockText(n, b);
      Range src = n.to_decoded.ToSource(b.range);
      std::string source = in.substr(src.begin, src.size());
      size_t head = text.find(' ');
      size_t tail = text.rfind(' ');
      ASSERT_NE(head, std::string::npos) << text;
      if (b.kind == BlockKind::kParagraph) {
        EXPECT_EQ(source.substr(0, head), text.substr(0, head)) << name << ": " << text;
      }
      std::string last = text.substr(tail + 1);
      source.erase(std::remove(source.begin(), source.end(), '*'), source.end());  // emphasis
      EXPECT_EQ(source.substr(source.size() - std::min(source.size(), last.size())), last) << name << ": " << text;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Random mixes of what makes normalization hard: the output keeps its invariants.

TEST(RobustnessTest, RandomInputsKeepTheInvariants) {
  const std::vector<std::string> tokens = {
      "Sở", "Tài", "chính", "hoà", "thuỷ", "Qúy", "và", "2026", "1", "2", "20261", "nổi bật1;", "¹", "²",
      "THÔNG BÁO", "Nơi nhận:", "KT. CHỦ TỊCH", "1.", "2.1.", "a)", "- ", "+ ", "• ", "* ", "**", "(**)",
      " | ", "|", "./.", ".", ",", ";", ":", "-", "_____", "--------", " ", "  ", "     ", "\t", "\n",
      "\n\n", "\r\n", "\r", "\f", "\xC2\xA0", "\xE2\x80\x8B", "\xC2\xAD", "\xEF\xBB\xBF",
      "\xFF", "\xC3", "\xE1\xBA", "a\xCC\x80", "\xCC\x81", "\xE2\x80\xA8", std::string(43, ' ') + "\n",
      "V/v ", "Số: 12/TB", "Lào Cai, ngày 5 tháng 5 năm 2026", "\x01", "m2", "K12Online",
  };
  testing::XorShift next(0x9E3779B97F4A7C15ull);
  for (int round = 0; round < 1500; ++round) {
    std::string in;
    size_t n = next() % 80;
    for (size_t k = 0; k < n; ++k) in += tokens[next() % tokens.size()];
    NormalizedText out = Norm(in);
    ASSERT_EQ(out.to_decoded.dst_size(), out.text.size()) << ::testing::PrintToString(in);
    for (size_t i = 0; i < out.text.size(); ++i) ASSERT_LE(out.to_decoded.ToSource(i), in.size());
    EXPECT_TRUE(IsValidUtf8(out.text)) << ::testing::PrintToString(in);
    EXPECT_EQ(out.text.find("\n\n"), std::string::npos) << ::testing::PrintToString(in);
    EXPECT_EQ(out.text.find("  "), std::string::npos) << ::testing::PrintToString(in);
    size_t end = 0;
    for (const Block& b : out.blocks) {
      ASSERT_GE(b.range.begin, end);
      ASSERT_LE(b.range.end, out.text.size());
      std::string t = BlockText(out, b);
      ASSERT_FALSE(t.empty()) << ::testing::PrintToString(in);
      EXPECT_NE(t.front(), ' ');
      EXPECT_NE(t.back(), ' ');
      EXPECT_EQ(t.find('\n'), std::string::npos);
      if (b.kind == BlockKind::kFootnote && b.ref != std::string::npos) {
        EXPECT_LT(b.ref, out.text.size());
      }
      end = b.range.end;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Idempotence and options

std::vector<std::string> IdempotenceInputs() {
  std::vector<std::string> inputs = {
      Wrap(kLongParagraph, 78),
      "THÔNG BÁO\nKết luận của Chủ tịch\nỦy ban nhân dân tỉnh\n\nNgày 5/5/2026, họp.",
      "Nội dung thứ nhất².\n\n² Ghi chú hai.\n¹ Ghi chú một.\n",
      "Nơi nhận:             KT. GIÁM ĐỐC\n- Công ty A;          PHÓ GIÁM ĐỐC\n- Lưu: VT.\n\n    Hoàng Văn Thuân",
      ReadFile(NOTICES_SAMPLES_DIR "/seed-000.txt"),
      ReadFile(NOTICES_SAMPLES_DIR "/seed-001.txt"),
      ReadFile(NOTICES_SAMPLES_DIR "/kh-bang-qua-trang.layout.txt"),
      ReadFile(NOTICES_SAMPLES_DIR "/kh-o-gop.layout.txt"),
      ReadFile(NOTICES_SAMPLES_DIR "/kh-phu-luc-nhiem-vu.layout.txt"),
  };
  // The real texts, when the shared material is there: devset documents and the
  // reference texts of the real PDFs (one paragraph per line).
  for (const char* dir : {"devset/docs", "real-pdf/text"}) {
    std::filesystem::path path = std::filesystem::path(NOTICES_SHARED_DIR) / dir;
    if (!std::filesystem::is_directory(path)) continue;
    for (const auto& e : std::filesystem::directory_iterator(path)) inputs.push_back(ReadFile(e.path().string()));
  }
  return inputs;
}

TEST(IdempotenceTest, NormalizingTwiceChangesNothing) {
  for (const std::string& in : IdempotenceInputs()) {
    NormalizedText once = Norm(in);
    NormalizedText twice = Norm(once.text);
    EXPECT_EQ(twice.text, once.text) << in.substr(0, 120);
    EXPECT_EQ(twice.blocks.size(), once.blocks.size()) << in.substr(0, 120);
  }
}

TEST(OptionsTest, NoUnwrappingGivesOneBlockPerLine) {
  Options opt;
  opt.unwrap_lines = false;
  std::vector<std::string> lines = Lines(Wrap(kLongParagraph, 78));
  EXPECT_THAT(Blocks(JoinLines(lines, 0, lines.size()), opt), ElementsAreArray(lines));
}

TEST(OptionsTest, RulesWithoutStructurePatternsStillNormalize) {
  auto rules = ruleset::RuleSet::LoadFiles(std::vector<ruleset::SourceFile>{});
  ASSERT_TRUE(rules) << rules.error().message;
  NormalizedText n = Normalize(Decoded("Văn hoá\n\nthuỷ lợi."), **rules, {});
  EXPECT_EQ(n.text, "Văn hóa thủy lợi.");
  ASSERT_FALSE(n.warnings.empty());
  EXPECT_THAT(n.warnings[0], ::testing::StartsWith("structure_rules_missing: "));
  EXPECT_FALSE(Normalizer::Create(*rules, {}));
}

TEST(OptionsTest, NormalizerAndFreeFunctionAgree) {
  auto rules = ruleset::RuleSet::Builtin().value();
  auto normalizer = Normalizer::Create(rules, {});
  ASSERT_TRUE(normalizer);
  std::string in = ReadFile(NOTICES_SAMPLES_DIR "/seed-001.txt");
  EXPECT_EQ(normalizer->Run(Decoded(in)).text, Norm(in).text);
}

}  // namespace
}  // namespace notices::normalize
