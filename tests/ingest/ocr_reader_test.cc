// Tests for OCR in ReadPdf (pipeline/ingest/ocr_reader.h, pdf_reader.h) on the generated
// scans of samples/scans/ (scripts/make-scanned-samples). Kept fast: at most one page is
// OCRed per test, at 150 dpi; the long runs are in ocr_accuracy_test.cc (label slow).
#include "pipeline/ingest/ocr_reader.h"

#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ingest/pdf_reader.h"
#include "tests/ingest/ocr_test_util.h"

// Rendering a page whose fonts are not embedded asks fontconfig, whose configuration,
// loaded once per process, LeakSanitizer reports as leaked (inside libfontconfig's XML
// parser, not ours).
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace notices::ingest {
namespace {

using testing_ocr::PageText;
using testing_ocr::Sample;
using testing_ocr::WordAccuracy;

PdfOptions Fast() {
  PdfOptions opt;
  opt.ocr.dpi = 150;
  return opt;
}

TEST(OcrReader, ChooseOcrPages) {
  auto page = [](PdfPageKind kind, size_t letters, size_t marked, bool image = false) {
    PdfPageReport p;
    p.kind = kind;
    p.letters = letters;
    p.marked = marked;
    p.page_image = image;
    return p;
  };
  using R = std::optional<OcrReason>;
  const PdfPageReport text = page(PdfPageKind::kText, 2000, 400), plain = page(PdfPageKind::kText, 900, 0),
                      short_plain = page(PdfPageKind::kText, 120, 0), scan = page(PdfPageKind::kScan, 40, 3),
                      garbled = page(PdfPageKind::kGarbled, 1500, 0), blank = page(PdfPageKind::kBlank, 0, 0),
                      layered = page(PdfPageKind::kText, 900, 0, true);
  struct Case {
    const char* name;
    std::vector<PdfPageReport> pages;
    OcrMode mode;
    std::vector<R> expected;
  };
  const Case cases[] = {
      {"text only", {text, text}, OcrMode::kAuto, {R(), R()}},
      {"scan and garbled pages", {text, scan, garbled}, OcrMode::kAuto, {R(), OcrReason::kScan, OcrReason::kGarbled}},
      {"a page lost its marks", {text, plain}, OcrMode::kAuto, {R(), OcrReason::kNoDiacritics}},
      {"too short to tell", {text, short_plain}, OcrMode::kAuto, {R(), R()}},
      {"a document without marks", {plain, plain}, OcrMode::kAuto, {R(), R()}},
      {"a one-page document without marks", {plain}, OcrMode::kAuto, {R()}},
      {"a scan under a layer without marks", {layered}, OcrMode::kAuto, {OcrReason::kNoDiacritics}},
      {"blank beside text", {text, blank}, OcrMode::kAuto, {R(), R()}},
      {"nothing but blank pages", {blank, blank}, OcrMode::kAuto, {OcrReason::kNoText, OcrReason::kNoText}},
      {"never", {scan, garbled}, OcrMode::kNever, {R(), R()}},
      {"always", {text, scan}, OcrMode::kAlways, {OcrReason::kAlways, OcrReason::kAlways}},
  };
  for (const Case& c : cases) EXPECT_EQ(ChooseOcrPages(c.pages, c.mode), c.expected) << c.name;
}

// Pages 1-3 keep their text layer, page 4 (a scan) is OCRed: its words match the text
// layer of the same page of seed-001.pdf; its boxes are per word with confidences.
TEST(OcrReader, AutoModeOcrsOnlyScanPages) {
  PdfReport report;
  Result<DecodedText> r = ReadPdf(Sample("scans/seed-001-mixed.pdf"), Fast(), &report);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->ocr_pages.size(), 1u);
  EXPECT_EQ(r->ocr_pages[0].page, 4);
  EXPECT_EQ(r->ocr_pages[0].reason, OcrReason::kScan);
  EXPECT_GT(r->ocr_pages[0].confidence, 80);
  PdfOptions never;
  never.ocr.mode = OcrMode::kNever;
  Result<DecodedText> source = ReadPdf(Sample("seed-001.pdf"), never);
  ASSERT_TRUE(source.ok());
  for (int p = 1; p <= 3; ++p) EXPECT_EQ(PageText(*r, p), PageText(*source, p)) << "page " << p;
  testing_ocr::Accuracy acc = WordAccuracy(PageText(*r, 4), PageText(*source, 4));
  // OCR reads the running header too, which the text layers lose as a repeated line: the
  // share of the page's words found counts.
  std::cout << "seed-001-mixed page 4 at 150 dpi: " << acc.matched << " of " << acc.reference
            << " words found (" << acc.recall() << "), " << acc.ocr << " read\n";
  EXPECT_GE(acc.recall(), 0.85);
  size_t boxes = 0;
  bool doubt = false;
  for (const Box& b : r->boxes) {
    EXPECT_GE(b.confidence, 0);
    EXPECT_LE(b.confidence, 100);
    if (b.page != 4) {
      EXPECT_EQ(b.confidence, 100);
      continue;
    }
    ++boxes;
    doubt = doubt || b.confidence < 100;
    EXPECT_EQ(r->text.substr(b.begin, b.end - b.begin).find('\n'), std::string::npos);
  }
  EXPECT_GE(boxes, testing_ocr::Words(PageText(*r, 4)).size() - 2) << "a box per word";
  EXPECT_TRUE(doubt);
  EXPECT_LT(r->MinConfidence(r->page_starts[3], r->text.size()), 100);
  EXPECT_EQ(r->MinConfidence(0, r->page_starts[3]), 100);
  for (const std::string& w : r->warnings) EXPECT_EQ(w.find("pdf_scanned_pages"), std::string::npos) << w;
}

// The number and the day typed over the scan come from the text layer, whatever OCR
// reads there; their boxes are sure.
TEST(OcrReader, TypedTextWinsOverOcr) {
  Result<DecodedText> r = ReadPdf(Sample("scans/tb-ket-luan-ubnd-typed.pdf"), Fast());
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->ocr_pages.size(), 1u);
  EXPECT_EQ(r->ocr_pages[0].typed_words, 2u);
  size_t number = r->text.find("Số: 45 ");
  ASSERT_NE(number, std::string::npos) << r->text.substr(0, 300);
  size_t digits = r->text.find("45", number);
  EXPECT_EQ(r->MinConfidence(digits, digits + 2), 100);
  size_t date = r->text.find("ngày 12 tháng 3 năm 2026");
  ASSERT_NE(date, std::string::npos) << r->text.substr(0, 300);
  size_t day = r->text.find("12", date);
  EXPECT_EQ(r->MinConfidence(day, day + 2), 100);
}

// A scan under the text layer of OCR software without Vietnamese ("CONG HOA XA HOI"):
// OCR replaces the layer. A page typed without marks keeps its layer (OCR finds no
// marks either).
TEST(OcrReader, LayerWithoutMarks) {
  Result<DecodedText> r = ReadPdf(Sample("scans/tb-ket-luan-ubnd-nomarks-layer.pdf"), Fast());
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->ocr_pages.size(), 1u);
  EXPECT_EQ(r->ocr_pages[0].reason, OcrReason::kNoDiacritics);
  EXPECT_NE(r->text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos) << r->text.substr(0, 300);
  EXPECT_EQ(r->text.find("CONG HOA"), std::string::npos);

  Result<DecodedText> kept = ReadPdf(Sample("scans/seed-001-nomarks.pdf"), Fast());
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_TRUE(kept->ocr_pages.empty());
  bool warned = false;
  for (const std::string& w : kept->warnings) warned = warned || w.rfind("ocr_kept_text_layer: page(s) 4", 0) == 0;
  EXPECT_TRUE(warned);
  PdfOptions never;
  never.ocr.mode = OcrMode::kNever;
  Result<DecodedText> layer = ReadPdf(Sample("scans/seed-001-nomarks.pdf"), never);
  ASSERT_TRUE(layer.ok());
  EXPECT_EQ(PageText(*kept, 4), PageText(*layer, 4));
}

TEST(OcrReader, NeverModeKeepsScansUnread) {
  PdfOptions never;
  never.ocr.mode = OcrMode::kNever;
  Result<DecodedText> r = ReadPdf(Sample("scans/seed-000-scan.pdf"), never);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kPdfNoText);
  Result<DecodedText> mixed = ReadPdf(Sample("scans/seed-001-mixed.pdf"), never);
  ASSERT_TRUE(mixed.ok());
  EXPECT_TRUE(mixed->ocr_pages.empty());
  EXPECT_EQ(PageText(*mixed, 4), "");
}

// Past the time budget: kTimeout, and what was read in time in the report.
TEST(OcrReader, TimeBudget) {
  PdfOptions opt = Fast();
  opt.ocr.time_budget_ms = 1;
  PdfReport report;
  Result<DecodedText> r = ReadPdf(Sample("scans/seed-001-mixed.pdf"), opt, &report);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_NE(r.error().message.find("page(s) 4"), std::string::npos) << r.error().message;
  EXPECT_FALSE(PageText(report.partial_text, 1).empty());
  EXPECT_EQ(PageText(report.partial_text, 4), "");
  Result<DecodedText> scan = ReadPdf(Sample("scans/seed-000-scan.pdf"), opt);
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().code, ErrorCode::kTimeout);
}

// Without the language's model: the text pages stay, with a warning; a scan fails with
// kOcrFailed naming the package.
TEST(OcrReader, OcrUnavailable) {
  PdfOptions opt = Fast();
  opt.ocr.language = "zzz";
  Result<DecodedText> mixed = ReadPdf(Sample("scans/seed-001-mixed.pdf"), opt);
  ASSERT_TRUE(mixed.ok()) << mixed.error().message;
  bool warned = false;
  for (const std::string& w : mixed->warnings) warned = warned || w.rfind("ocr_failed: page(s) 4", 0) == 0;
  EXPECT_TRUE(warned);
  EXPECT_TRUE(mixed->ocr_pages.empty());
  Result<DecodedText> scan = ReadPdf(Sample("scans/seed-000-scan.pdf"), opt);
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().code, ErrorCode::kOcrFailed);
  EXPECT_NE(scan.error().message.find("tesseract-ocr-zzz"), std::string::npos) << scan.error().message;
}

// A text PDF is never rendered nor OCRed in auto mode.
TEST(OcrReader, TextPdfIsNotOcred) {
  Result<DecodedText> r = ReadPdf(Sample("seed-000.pdf"), {});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ocr_pages.empty());
  for (const Box& b : r->boxes) EXPECT_EQ(b.confidence, 100);
}

// A PDF of `n` empty A4 pages, with a correct cross-reference table.
std::string BlankPdf(int n) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>"};
  std::string kids;
  for (int i = 0; i < n; ++i) kids += std::to_string(3 + i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  for (int i = 0; i < n; ++i) objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::string num = std::to_string(off);
    pdf += std::string(10 - num.size(), '0') + num + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A rendered page without ink never reaches Tesseract (2,000 blank pages would take
// minutes); a page with ink does.
TEST(OcrReader, BlankPagesSkipTesseract) {
  std::string blank = BlankPdf(3);
  Deadline far = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  std::vector<OcrPageResult> results = OcrPdfPages(blank, Fast(), {1, 2, 3}, far);
  ASSERT_EQ(results.size(), 3u);
  for (const OcrPageResult& r : results) {
    EXPECT_TRUE(r.status.ok()) << r.status.error().message;
    EXPECT_EQ(r.ocr_cpu_ms, 0.0) << "page " << r.page;
    EXPECT_TRUE(r.blank) << "page " << r.page;
  }
  Result<DecodedText> whole = ReadPdf(blank, Fast());
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.error().code, ErrorCode::kOcrFailed);
  EXPECT_NE(whole.error().message.find("every page of this PDF is blank"), std::string::npos)
      << whole.error().message;

  std::vector<OcrPageResult> scan = OcrPdfPages(Sample("scans/seed-000-scan.pdf"), Fast(), {1}, far);
  ASSERT_EQ(scan.size(), 1u);
  EXPECT_GT(scan[0].ocr_cpu_ms, 0.0);
  EXPECT_FALSE(scan[0].blank);
  EXPECT_FALSE(scan[0].words.words.empty());
}

}  // namespace
}  // namespace notices::ingest
