// The pipeline on scans (label slow): the record of the scan of 18/TB-LN-VP (skipped
// when NOTICES_SHARED_DIR/real-pdf is absent) gives its number and date (typed text and
// OCR combined) and says which page OCR read, why, and how confidently; the ruled task
// table of the generated scan kh-phu-luc-bang-scan is read row by row (ocr_grid.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

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

// The table of Phụ lục (page 2), drawn with ruling lines and scanned turned by 0.6
// degree: its header and nine task rows come out as rows of six cells, and each row
// gives a task with its lead; before the grid was found, no row did (4/13 tasks of the
// text path, those of the prose). OCR's own slips ("Thế thao", "Quý IH/2026") remain.
TEST(OcrPipelineSlow, RuledTaskTableOfAScan) {
  std::string path = std::string(NOTICES_SAMPLES_DIR) + "/scans/kh-phu-luc-bang-scan.pdf";
  auto p = Pipeline::Create(ruleset::RuleSet::Builtin().value(), {}).value();
  Record r = p.Run(path);
  ASSERT_FALSE(r.error) << r.error->message;
  ASSERT_EQ(r.source.ocr.size(), 2u);
  EXPECT_NE(r.text.find("\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | "
                        "Sản phẩm\n"),
            std::string::npos)
      << r.text;
  std::istringstream lines(r.text);
  int six_cells = 0;  // rows of six cells at least (a stray "|" inside a cell adds one)
  for (std::string line; std::getline(lines, line);) six_cells += std::count(line.begin(), line.end(), '|') >= 5;
  EXPECT_GE(six_cells, 10) << r.text;  // measured: 10
  int table_tasks = 0, with_lead = 0;
  for (const Task& t : r.tasks) {
    if (t.cells.empty()) continue;
    ++table_tasks;
    with_lead += !t.lead.empty();
  }
  EXPECT_EQ(table_tasks, 9);
  EXPECT_EQ(with_lead, 9);
  auto row3 = std::find_if(r.tasks.begin(), r.tasks.end(),
                           [](const Task& t) { return t.text.find("Đầu tư nâng cấp đường giao thông") != std::string::npos; });
  ASSERT_NE(row3, r.tasks.end());
  ASSERT_EQ(row3->lead.size(), 1u);
  EXPECT_EQ(row3->lead[0].name, "Sở Xây dựng");
  ASSERT_EQ(row3->coordinate.size(), 2u);
  EXPECT_EQ(row3->coordinate[0].name, "Sở Tài chính");
  ASSERT_TRUE(row3->deadline && row3->deadline->due);
  EXPECT_EQ(row3->deadline->due->ToString(), "2030-12-31");
}

}  // namespace
}  // namespace notices
