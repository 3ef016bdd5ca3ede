// Tests for pipeline/ingest/pdf_reader.h on the sample PDFs (samples/*.pdf, made by
// scripts/make-sample-pdfs) and the error-path PDFs in tests/data/pdf/.
#include "pipeline/ingest/pdf_reader.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ingest/text_decoder.h"

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

// TCVN3 text ("Th«ng b¸o" for "Thông báo"), once in a font found by its text only, once
// in a font named like ".VnTime" (its raw bytes are kept through Poppler). Decoding is
// DecodeText's: until it knows "tcvn3", such pages count as unreadable.
TEST(PdfReader, LegacyTcvn3FontsDetected) {
  const std::vector<std::string>& names = SupportedEncodings();
  bool can_decode = std::find(names.begin(), names.end(), "tcvn3") != names.end();
  PdfOptions text_only;
  text_only.ocr.mode = OcrMode::kNever;
  for (const char* file : {"tcvn3.pdf", "tcvn3-vntime.pdf"}) {
    PdfReport report;
    Result<DecodedText> r = ReadPdf(TestPdf(file), text_only, &report);
    ASSERT_EQ(report.legacy_fonts.size(), 1u) << file;
    EXPECT_NE(report.legacy_fonts[0].find(": tcvn3"), std::string::npos) << report.legacy_fonts[0];
    if (can_decode) {
      ASSERT_TRUE(r.ok()) << file << ": " << r.error().message;
      EXPECT_NE(r->text.find("Thông báo kết luận của đồng chí"), std::string::npos) << r->text;
      if (std::string(file) == "tcvn3-vntime.pdf") {
        EXPECT_NE(r->text.find("tại buổi làm việc"), std::string::npos) << r->text;
      }
    } else {
      ASSERT_FALSE(r.ok()) << file << " gave " << r->text;
      EXPECT_EQ(r.error().code, ErrorCode::kPdfNoText);
      EXPECT_NE(r.error().message.find("legacy Vietnamese encoding (tcvn3)"), std::string::npos)
          << r.error().message;
      EXPECT_EQ(report.pages[0].kind, PdfPageKind::kGarbled);
    }
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
