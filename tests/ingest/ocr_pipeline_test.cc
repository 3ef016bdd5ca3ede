// OCR through the whole pipeline: tolerant agency matching on OCR text, --ocr never on a
// scan, and (label slow, ocr_pipeline_slow_test) OCR provenance in the record of a scan:
// pages read and why, task boxes, low-confidence warnings.
#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/normalize/normalizer.h"
#include "pipeline/pipeline.h"
#include "pipeline/segment/segmenter.h"
#include "tests/ingest/ocr_test_util.h"

namespace notices {
namespace {

using ingest::testing_ocr::Sample;

std::shared_ptr<const ruleset::RuleSet> Rules() {
  static std::shared_ptr<const ruleset::RuleSet> rules = ruleset::RuleSet::Builtin().value();
  return rules;
}

Record ExtractText(const std::string& text, bool tolerant) {
  auto extractor = extract::Extractor::Create(Rules());
  EXPECT_TRUE(extractor) << extractor.error().message;
  ingest::DecodedText decoded;
  decoded.text = text;
  decoded.encoding = "utf-8";
  decoded.page_starts = {0};
  normalize::NormalizedText n = normalize::Normalize(decoded, *Rules(), {});
  segment::DocumentTree tree = segment::Segment(n, *Rules());
  extract::ExtractOptions opt;
  opt.ocr_tolerant = tolerant;
  Record record;
  record.source.sha256 = std::string(64, '0');
  extractor->Extract(n, tree, opt, record);
  return record;
}

// The lead agencies (canonical names, known or not) of each task of `text`.
std::vector<std::string> Leads(const std::string& text, bool tolerant) {
  Record record = ExtractText(text, tolerant);
  std::vector<std::string> out;
  for (const Task& t : record.tasks)
    for (const Agency& a : t.lead) out.push_back(a.name + (a.known ? "" : " (unknown)"));
  return out;
}

// OCR's usual slips on marks: the marked form misses the gazetteer, the folded one
// finds the canonical body; marked text that matches is left as it was.
TEST(OcrPipeline, TolerantAgencyMatching) {
  struct Case {
    std::string body;                   // the task line
    std::vector<std::string> exact;     // leads without tolerance
    std::vector<std::string> tolerant;  // leads with it
  };
  const Case cases[] = {
      {"1. Giao Sở Công Thuong chủ trì, rà soát các dự án điện gió trên địa bàn.",
       {"Sở Công Thuong (unknown)"}, {"Sở Công Thương"}},
      {"1. Giao Sở Tài chinh chủ trì, tham mưu bố trí kinh phí thực hiện.",
       {"Sở Tài chinh (unknown)"}, {"Sở Tài chính"}},
      {"1. Giao Sở Xây dựng chủ trì, hướng dẫn các địa phương thực hiện.",
       {"Sở Xây dựng"}, {"Sở Xây dựng"}},
      // A task table's lead cell (kh-phu-luc-bang-scan: "Thế thao" for "Thể thao").
      {"STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
       "1 | Rà soát, công nhận điểm du lịch cộng đồng | Sở Văn hóa, Thế thao và Du lịch | Công an tỉnh | "
       "Quý III/2026",
       {"Sở Văn hóa (unknown)"}, {"Sở Văn hóa, Thể thao và Du lịch"}},
  };
  for (const Case& c : cases) {
    std::string text = "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n" + c.body + "\n";
    EXPECT_EQ(Leads(text, false), c.exact) << c.body;
    EXPECT_EQ(Leads(text, true), c.tolerant) << c.body;
  }
}

// The due date (or "none") of each task of `text`.
std::vector<std::string> Dues(const std::string& text, bool tolerant) {
  std::vector<std::string> out;
  for (const Task& t : ExtractText(text, tolerant).tasks)
    out.push_back(t.deadline && t.deadline->due ? t.deadline->due->ToString() : "none");
  return out;
}

// A deadline whose marks OCR misread is found through the rules' folded forms, with a
// valid date; one the marked forms find is left alone.
TEST(OcrPipeline, TolerantDeadlineMatching) {
  struct Case {
    std::string body;
    std::vector<std::string> exact, tolerant;
  };
  const Case cases[] = {
      {"1. Giao Sở Xây dựng chủ trì rà soát quy hoạch, hoàn thành trước ngày 15 thảng 6 năm 2026.",
       {"none"}, {"2026-06-15"}},
      {"1. Giao Sở Xây dựng chủ trì rà soát quy hoạch, hoàn thành trước ngày 15 tháng 6 năm 2026.",
       {"2026-06-15"}, {"2026-06-15"}},
  };
  for (const Case& c : cases) {
    std::string text = "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n" + c.body + "\n";
    EXPECT_EQ(Dues(text, false), c.exact) << c.body;
    EXPECT_EQ(Dues(text, true), c.tolerant) << c.body;
  }
}

// --ocr never restores the text-layer-only behaviour: a scan has no text.
TEST(OcrPipeline, NeverModeGivesNoTextError) {
  PipelineOptions opt;
  opt.pdf.ocr.mode = ingest::OcrMode::kNever;
  auto p = Pipeline::Create(Rules(), opt).value();
  Record r = p.RunBytes("scan.pdf", Sample("scans/tb-ket-luan-ubnd-scan.pdf"));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, ErrorCode::kPdfNoText);
  EXPECT_TRUE(r.source.ocr.empty());
}

// A text PDF: task boxes from the text layer, no OCR pages, no OCR warnings.
TEST(OcrPipeline, TextPdfTasksHaveBoxes) {
  auto p = Pipeline::Create(Rules(), {}).value();
  Record r = p.RunBytes("t.pdf", Sample("seed-001.pdf"));
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_TRUE(r.source.ocr.empty());
  ASSERT_FALSE(r.tasks.empty());
  for (const Task& t : r.tasks) {
    ASSERT_TRUE(t.box) << t.text;
    EXPECT_EQ(t.box->page, t.page.value_or(0)) << t.text;
    EXPECT_GT(t.box->width, 0) << t.text;
    EXPECT_GT(t.box->height, 0) << t.text;
    for (const std::string& w : t.warnings) EXPECT_EQ(w.find("low_ocr_confidence"), std::string::npos) << w;
  }
}

}  // namespace
}  // namespace notices
