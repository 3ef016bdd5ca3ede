// The pipeline on real scans (label slow; skipped when NOTICES_SHARED_DIR/real-pdf is
// absent): the record of the scan of 18/TB-LN-VP gives its number and date (typed text
// and OCR combined) and says which page OCR read, why, and how confidently.
#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/pipeline.h"

namespace notices {
namespace {

TEST(OcrPipelineSlow, Scan18Record) {
  std::string path = std::string(NOTICES_SHARED_DIR) + "/real-pdf/scan-18-TB-LN-VP-2024.pdf";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  auto p = Pipeline::Create(ruleset::RuleSet::Builtin().value(), {}).value();
  Record r = p.Run(path);
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_EQ(r.document.number, "18/TB-LN-VP");
  ASSERT_TRUE(r.document.date);
  EXPECT_EQ(r.document.date->ToString(), "2024-01-04");
  EXPECT_EQ(r.document.type, "THÔNG BÁO");
  ASSERT_EQ(r.source.ocr.size(), 1u);
  EXPECT_EQ(r.source.ocr[0].page, 1);
  EXPECT_EQ(r.source.ocr[0].reason, "scan");
  EXPECT_EQ(r.source.ocr[0].typed_words, 3u);
  EXPECT_GT(r.source.ocr[0].confidence, 50);
}

}  // namespace
}  // namespace notices
