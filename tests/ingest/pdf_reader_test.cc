// Tests for pipeline/ingest/pdf_reader.h on the sample PDFs (samples/*.pdf, made by
// scripts/make-sample-pdfs), the error-path and legacy-font PDFs in tests/data/pdf/, and
// PDFs built here.
#include "pipeline/ingest/pdf_reader.h"

#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ingest/pdf_text_check.h"

namespace notices::ingest {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Sample(const std::string& name) { return ReadFile(std::string(NOTICES_SAMPLES_DIR) + "/" + name); }
std::string TestPdf(const std::string& name) {
  return ReadFile(std::string(NOTICES_TESTDATA_DIR) + "/pdf/" + name);
}

// A PDF whose page tree is empty.
const char kZeroPages[] =
    "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

TEST(PdfReader, LooksLikePdf) {
  EXPECT_TRUE(LooksLikePdf("%PDF-1.7\n..."));
  EXPECT_TRUE(LooksLikePdf("\xEF\xBB\xBF junk before %PDF-1.4"));
  EXPECT_FALSE(LooksLikePdf("Thông báo số 12/TB-VP"));
  EXPECT_FALSE(LooksLikePdf(""));
}

TEST(PdfReader, ErrorCodes) {
  std::string seed = Sample("seed-000.pdf");
  ASSERT_FALSE(seed.empty());
  struct Case {
    const char* name;
    std::string bytes;
    std::string password;
    int max_pages;
    ErrorCode code;
    const char* message_part;
  };
  const Case cases[] = {
      {"text file", "Thông báo số 12/TB-VP\n", "", 2000, ErrorCode::kNotPdf, "not a PDF"},
      {"truncated", seed.substr(0, seed.size() * 2 / 5), "", 2000, ErrorCode::kPdfCorrupt, "truncated"},
      {"encrypted, no password", TestPdf("encrypted.pdf"), "", 2000, ErrorCode::kPdfEncrypted,
       "--password"},
      {"encrypted, wrong password", TestPdf("encrypted.pdf"), "wrong", 2000,
       ErrorCode::kPdfEncrypted, "--password"},
      {"scan", TestPdf("scan.pdf"), "", 2000, ErrorCode::kPdfNoText, "scan"},
      {"zero pages", kZeroPages, "", 2000, ErrorCode::kPdfNoPages, "no pages"},
      {"too many pages", seed, "", 2, ErrorCode::kPdfTooManyPages, "more than the limit of 2"},
  };
  for (const Case& c : cases) {
    PdfOptions opt;
    opt.password = c.password;
    opt.max_pages = c.max_pages;
    opt.ocr.mode = OcrMode::kNever;  // the text layer's verdicts (OCR: ocr_reader_test.cc)
    Result<DecodedText> r = ReadPdf(c.bytes, opt);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().code, c.code) << c.name << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(c.message_part), std::string::npos)
        << c.name << ": " << r.error().message;
  }
}

TEST(PdfReader, ScanNeedsOcr) {
  PdfReport report;
  PdfOptions text_only;
  text_only.ocr.mode = OcrMode::kNever;
  Result<DecodedText> r = ReadPdf(TestPdf("scan.pdf"), text_only, &report);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("OCR"), std::string::npos) << r.error().message;
  ASSERT_EQ(report.pages.size(), 1u);
  EXPECT_EQ(report.pages[0].kind, PdfPageKind::kScan);
  EXPECT_TRUE(report.pages[0].page_image);
  EXPECT_EQ(report.OcrPages(), std::vector<int>{1});
}

TEST(PdfReader, EncryptedOpensWithPassword) {
  PdfOptions opt;
  opt.password = "secret";
  Result<DecodedText> r = ReadPdf(TestPdf("encrypted.pdf"), opt);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->text.rfind("UBND TỈNH LẠNG SƠN\n", 0), 0u) << r->text.substr(0, 200);
}

TEST(PdfReader, PopplerMessagesAreCapturedNotPrinted) {
  std::string seed = Sample("seed-000.pdf");
  size_t at = seed.rfind("startxref");
  ASSERT_NE(at, std::string::npos);
  std::string bad_xref = seed.substr(0, at) + "startxref\n12345\n%%EOF\n";  // Poppler repairs it
  std::string truncated = seed.substr(0, seed.size() / 3);
  testing::internal::CaptureStderr();
  Result<DecodedText> repaired = ReadPdf(bad_xref, {});
  Result<DecodedText> broken = ReadPdf(truncated, {});
  std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "");
  ASSERT_TRUE(repaired.ok()) << repaired.error().message;
  bool poppler_warning = false;
  for (const std::string& w : repaired->warnings) poppler_warning |= w.rfind("poppler: ", 0) == 0;
  EXPECT_TRUE(poppler_warning);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().detail.find("poppler: "), std::string::npos) << broken.error().detail;
}

// The text with every run of white space (line breaks, page breaks) as one space.
std::string Collapse(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\f' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Legacy-encoded text in PDFs made by LibreOffice (scripts/make-sample-pdfs): the text
// of tests/data/pdf/legacy-fonts.txt in TCVN3 or VNI bytes read as Windows-1252
// ("Th«ng b¸o", tcvn3.txt and vni.txt), once in Liberation Serif (the font is found by
// its text), once with the font renamed like a .VnTime or VNI-Times font (found by its
// name). LibreOffice renumbers the glyphs of the fonts it subsets, so the bytes come from
// the ToUnicode map, including TCVN3's "ư" (0xAD, a soft hyphen in Latin-1), "ạ" (0xB9,
// "¹") and the capitals TCVN3 lacks ("KÕT" -> "KẾT", restored word by word).
TEST(PdfReader, LegacyFontsDecoded) {
  struct Case {
    const char* file;
    const char* legacy_font;  // PdfReport::legacy_fonts
  };
  const Case cases[] = {
      {"tcvn3.pdf", "BAAAAA+LiberationSerif: tcvn3"},
      {"tcvn3-vntime.pdf", "BAAAAA+VnTimeLiberatio: tcvn3"},
      {"vni.pdf", "BAAAAA+LiberationSerif: vni"},
      {"vni-times.pdf", "BAAAAA+VNI-TimesLibera: vni"},
  };
  std::string expected = Collapse(TestPdf("legacy-fonts.txt"));
  ASSERT_NE(expected.find("phương án"), std::string::npos);
  for (const Case& c : cases) {
    PdfReport report;
    Result<DecodedText> r = ReadPdf(TestPdf(c.file), {}, &report);
    ASSERT_TRUE(r.ok()) << c.file << ": " << r.error().message;
    EXPECT_EQ(report.legacy_fonts, std::vector<std::string>{c.legacy_font}) << c.file;
    EXPECT_EQ(report.garbled_fonts, std::vector<std::string>{}) << c.file;
    ASSERT_EQ(report.pages.size(), 1u) << c.file;
    EXPECT_EQ(report.pages[0].kind, PdfPageKind::kText) << c.file;
    EXPECT_EQ(Collapse(r->text), expected) << c.file << " gave:\n" << r->text;
    EXPECT_EQ(r->warnings, std::vector<std::string>{}) << c.file;
  }
}

// A one-page PDF showing `lines` in a simple TrueType font named `font`, not embedded,
// in WinAnsiEncoding and without a ToUnicode map: the character codes are the bytes of
// the text, as Word writes its simple fonts (WinAnsi codes, no ToUnicode map), .VnTime
// and VNI-Times included. Poppler's Unicode for the codes comes from WinAnsi's glyph
// names, which call 0xAD "hyphen" ('-').
std::string SimpleFontPdf(std::string_view font, const std::vector<std::string>& lines) {
  std::string content = "BT /F1 6 Tf 8 TL 40 800 Td\n";
  for (const std::string& line : lines) {
    content += '(';
    for (char ch : line) {
      auto b = static_cast<unsigned char>(ch);
      if (b < 0x20 || b >= 0x7F || ch == '(' || ch == ')' || ch == '\\') {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\%03o", b);
        content += esc;
      } else {
        content += ch;
      }
    }
    content += ") Tj T*\n";
  }
  content += "ET\n";
  std::string widths;
  for (int c = 32; c <= 255; ++c) widths += "500 ";
  const std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R "
      ">> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /TrueType /BaseFont /" + std::string(font) +
          " /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [" + widths + "] >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < std::size(objects); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t at : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", at);
    pdf += entry;
  }
  pdf += "trailer << /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// The lines of a test file, as the bytes they stand for (the file holds them read as
// Windows-1252).
std::vector<std::string> LegacyLines(const std::string& name) {
  std::vector<std::string> lines;
  std::istringstream in(TestPdf(name));
  for (std::string line; std::getline(in, line);) lines.push_back(ToLegacyBytes(line));
  return lines;
}

// Fonts whose codes are the legacy bytes (Word's PDFs): the codes, not Poppler's Unicode,
// are decoded (through WinAnsi's names, TCVN3's "ư" would come out '-': "ph-ơng").
TEST(PdfReader, LegacyFontCodesDecoded) {
  struct Case {
    const char* font;
    const char* text_file;
    const char* legacy_font;
  };
  const Case cases[] = {
      {".VnTime", "tcvn3.txt", ".VnTime: tcvn3"},
      {"VNI-Times", "vni.txt", "VNI-Times: vni"},
  };
  std::string expected = Collapse(TestPdf("legacy-fonts.txt"));
  for (const Case& c : cases) {
    PdfReport report;
    Result<DecodedText> r = ReadPdf(SimpleFontPdf(c.font, LegacyLines(c.text_file)), {}, &report);
    ASSERT_TRUE(r.ok()) << c.font << ": " << r.error().message;
    EXPECT_EQ(report.legacy_fonts, std::vector<std::string>{c.legacy_font});
    EXPECT_EQ(Collapse(r->text), expected) << c.font << " gave:\n" << r->text;
  }
}

// ReadPdf is reentrant: two threads reading at once get what one thread gets, and each
// keeps its own Poppler messages.
TEST(PdfReader, ConcurrentReadsAgree) {
  std::string a = Sample("seed-000.pdf"), b = Sample("seed-001.pdf");
  std::string bad = a.substr(0, a.rfind("startxref")) + "startxref\n12345\n%%EOF\n";
  Result<DecodedText> ra = ReadPdf(a, {}), rb = ReadPdf(bad, {});
  ASSERT_TRUE(ra.ok());
  ASSERT_TRUE(rb.ok());
  ASSERT_FALSE(rb->warnings.empty());
  std::vector<std::string> texts(8), first_warning(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < texts.size(); ++i) {
    threads.emplace_back([&, i] {
      Result<DecodedText> r = ReadPdf(i % 2 ? bad : a, {});
      if (!r) return;
      texts[i] = r->text;
      first_warning[i] = r->warnings.empty() ? "" : r->warnings.front();
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(texts[i], i % 2 ? rb->text : ra->text) << i;
    EXPECT_EQ(first_warning[i].empty(), i % 2 == 0) << i << ": " << first_warning[i];
  }
}

class Seed000 : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<DecodedText> r = ReadPdf(Sample("seed-000.pdf"), {}, &report_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    text_ = new DecodedText(std::move(r).value());
  }
  static void TearDownTestSuite() {
    delete text_;
    text_ = nullptr;
  }
  static DecodedText* text_;
  static PdfReport report_;
};
DecodedText* Seed000::text_ = nullptr;
PdfReport Seed000::report_;

TEST_F(Seed000, HeaderColumnsComeOutAsTwoBlocks) {
  EXPECT_EQ(text_->text.rfind("UBND TỈNH LẠNG SƠN\nVĂN PHÒNG\nSố: /TB-VP\n\n"
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                              "Lạng Sơn, ngày tháng 5 năm 2026\n\nTHÔNG BÁO\n",
                              0),
            0u)
      << text_->text.substr(0, 300);
}

TEST_F(Seed000, PagesAndPageNumbers) {
  EXPECT_EQ(text_->page_count, 5);
  ASSERT_EQ(text_->page_starts.size(), 5u);
  EXPECT_EQ(text_->encoding, "pdf");
  EXPECT_TRUE(text_->to_source.empty());
  // Page numbers 2..5 sit at the top of their pages: none is left.
  for (size_t p = 1; p < text_->page_starts.size(); ++p) {
    std::string first_line =
        text_->text.substr(text_->page_starts[p], text_->text.find('\n', text_->page_starts[p]) -
                                                      text_->page_starts[p]);
    EXPECT_NE(first_line, std::to_string(p + 1));
    EXPECT_GT(first_line.size(), 3u) << "page " << p + 1;
  }
  for (const PdfPageReport& page : report_.pages) EXPECT_EQ(page.kind, PdfPageKind::kText);
  EXPECT_TRUE(report_.OcrPages().empty());
}

TEST_F(Seed000, FootnoteReferenceAndBody) {
  const std::string& t = text_->text;
  EXPECT_NE(t.find("chuyển đổi số năm 2026¹; kèm theo"), std::string::npos);
  EXPECT_EQ(t.find("20261"), std::string::npos);
  size_t body = t.find("\n¹ Trong đó yêu cầu các cơ quan");
  ASSERT_NE(body, std::string::npos);
  // After the body text of its page, before the next page.
  size_t ref = t.find("2026¹");
  EXPECT_EQ(text_->PageAt(ref), text_->PageAt(body + 1));
  size_t next_page = t.find('\f', body);
  ASSERT_NE(next_page, std::string::npos);
  EXPECT_EQ(t.substr(body - 1, 2), "\n\n");  // a paragraph of its own
  EXPECT_EQ(t.substr(body + 1, next_page - body - 1).find("\n\n"), std::string::npos);
  EXPECT_LT(t.find("dồn việc vào cuối năm.\n", body), next_page);
}

TEST_F(Seed000, LineFinalHyphenKept) {
  EXPECT_NE(text_->text.find("Nghị quyết số 57-\nNQ/TW ngày 22/12/2024"), std::string::npos);
  EXPECT_EQ(text_->text.find("57NQ"), std::string::npos);
  EXPECT_NE(text_->text.find("10/2025/NQ-HĐND"), std::string::npos);
}

TEST_F(Seed000, BoxesGiveThePageAndPosition) {
  const std::string& t = text_->text;
  struct Case {
    const char* phrase;
    int page;
  };
  const Case cases[] = {{"UBND TỈNH LẠNG SƠN", 1}, {"Ngày 20/3/2026", 1}, {"Vi Thiện Việt", 5}};
  for (const Case& c : cases) {
    size_t at = t.find(c.phrase);
    ASSERT_NE(at, std::string::npos) << c.phrase;
    EXPECT_EQ(text_->PageAt(at), c.page) << c.phrase;
    const Box* box = nullptr;
    for (const Box& b : text_->boxes)
      if (b.begin <= at && at < b.end) box = &b;
    ASSERT_NE(box, nullptr) << c.phrase;
    EXPECT_EQ(box->page, c.page) << c.phrase;
    EXPECT_GT(box->width, 0);
    EXPECT_GT(box->font_size, 9);
    EXPECT_GE(box->x, 0);
    EXPECT_LT(box->y, 842);
  }
  // A phrase on page 2: the page of its box agrees with page_starts.
  size_t p2 = text_->page_starts[1];
  size_t word = t.find(' ', p2 + 5);
  EXPECT_EQ(text_->PageAt(word), 2);
  for (const Box& b : text_->boxes)
    if (b.begin <= word && word < b.end) {
      EXPECT_EQ(b.page, 2);
    }
}

TEST(PdfReader, Seed001RunningHeaderAndTwoFootnotes) {
  Result<DecodedText> r = ReadPdf(Sample("seed-001.pdf"), {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const std::string& t = r->text;
  EXPECT_EQ(t.find("Văn phòng UBND tỉnh Lạng Sơn - Thông báo"), std::string::npos) << t.substr(0, 300);
  EXPECT_EQ(t.rfind("THÔNG BÁO\n", 0), 0u) << t.substr(0, 100);
  EXPECT_NE(t.find("kết quả nổi bật¹;"), std::string::npos);
  EXPECT_NE(t.find("chuyên\nngành² chưa đầy đủ"), std::string::npos);
  EXPECT_NE(t.find("\n¹ Như các đề tài khoa học và công nghệ"), std::string::npos);
  EXPECT_NE(t.find("\n² Trên địa bàn tỉnh còn lại 5 xã"), std::string::npos);
  EXPECT_EQ(r->page_starts.size(), static_cast<size_t>(*r->page_count));
}

}  // namespace
}  // namespace notices::ingest
