#include "pipeline/emit/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/emit/json_reader.h"
#include "pipeline/emit/json_writer.h"
#include "tests/emit/sample_records.h"

namespace notices::emit {
namespace {

std::string Csv(const std::vector<Record>& records, const CsvOptions& options,
                std::string* errors_out = nullptr) {
  std::ostringstream tasks, errors;
  CsvWriter w(tasks, options, &errors);
  w.Begin();
  for (const Record& r : records) w.Write(r);
  w.Finish();
  if (errors_out) *errors_out = errors.str();
  return tasks.str();
}

// One task, one field: how a cell is written.
TEST(CsvWriterTest, Quoting) {
  struct Case {
    std::string task_text;
    bool excel;
    char separator;
    std::string cell;  // as it appears in the row
  } cases[] = {
      {"plain", false, ',', ",plain,"},
      {"a, b", false, ',', ",\"a, b\","},
      {"a; b", false, ',', ",a; b,"},
      {"a; b", false, ';', ";\"a; b\";"},
      {"say \"hi\"", false, ',', ",\"say \"\"hi\"\"\","},
      {"two\nlines", false, ',', ",\"two\nlines\","},
      {"-1 + 2", false, ',', ",-1 + 2,"},
      {"-1 + 2", true, ',', ",'-1 + 2,"},
      {"=SUM(A1)", true, ',', ",'=SUM(A1),"},
      {"=a,b", true, ',', ",\"'=a,b\","},
      {"@cmd", true, ';', ";'@cmd;"},
  };
  for (const Case& c : cases) {
    Record r = testing::SampleNotice();
    r.tasks.resize(1);
    r.tasks[0].text = c.task_text;
    CsvOptions opt;
    opt.excel = c.excel;
    opt.separator = c.separator;
    std::string out = Csv({r}, opt);
    EXPECT_NE(out.find(c.cell), std::string::npos) << c.task_text << "\n" << out;
  }
}

TEST(CsvWriterTest, HeaderRowsAndLineEnds) {
  std::string errors;
  std::string out = Csv({testing::SampleNotice(), testing::SampleError()}, {}, &errors);
  EXPECT_EQ(out.rfind("task_id,lead,coordinate,requested,report_to,deadline,due,before,deadline_kind,"
                      "recurrence,section,task,product,source_path,document_number,document_date,page,"
                      "span_start,span_end,warnings\r\n",
                      0),
            0u);
  // 1 header + 3 tasks; every row ends in CRLF and no bare LF ends a row.
  size_t crlf = 0;
  for (size_t at = out.find("\r\n"); at != std::string::npos; at = out.find("\r\n", at + 2)) ++crlf;
  EXPECT_EQ(crlf, 4u);
  EXPECT_EQ(errors,
            "source_path,sha256,code,message,detail\r\n"
            "scans/khoa.pdf," + testing::SampleError().source.sha256 +
                ",pdf_encrypted,scans/khoa.pdf: tệp PDF có mật khẩu,Encrypted\r\n");
}

TEST(CsvWriterTest, ExcelStartsWithBom) {
  CsvOptions opt;
  opt.excel = true;
  std::string out = Csv({testing::SampleNotice()}, opt);
  EXPECT_EQ(out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(out.substr(3, 8), "task_id,");
  EXPECT_NE(Csv({testing::SampleNotice()}, {}).substr(0, 3), "\xEF\xBB\xBF");
}

TEST(CsvWriterTest, OneLeadPerRowSplitsThreeLeads) {
  CsvOptions opt;
  opt.one_lead_per_row = true;
  std::ostringstream tasks;
  CsvWriter w(tasks, opt);
  w.Begin();
  w.Write(testing::SampleNotice());
  EXPECT_EQ(w.rows(), 5u);  // 1 + 3 + 1 (no lead)
  std::string out = tasks.str();
  const std::string id2 = testing::SampleNotice().tasks[1].id;
  EXPECT_NE(out.find(id2 + ",1,3,Sở Nội vụ,"), std::string::npos) << out;
  EXPECT_NE(out.find(id2 + ",2,3,Sở Tư pháp,"), std::string::npos);
  EXPECT_NE(out.find(id2 + ",3,3,Sở Y tế,"), std::string::npos);
  EXPECT_NE(out.find(testing::SampleNotice().tasks[2].id + ",0,0,,"), std::string::npos);
}

// A record read back from JSON Lines without its text (spans in code points) gives the
// same rows as the record itself.
TEST(CsvWriterTest, SameRowsFromJsonLinesWithoutText) {
  std::vector<Record> original = {testing::SampleNotice(), testing::HostileNotice(), testing::SampleError()};
  std::vector<Record> from_json;
  for (const Record& r : original) {
    Result<Record> back = RecordFromJsonLine(RecordToJsonLine(r, {}));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_TRUE(back->text.empty());
    from_json.push_back(std::move(back).value());
  }
  std::string e1, e2;
  EXPECT_EQ(Csv(original, {}, &e1), Csv(from_json, {}, &e2));
  EXPECT_EQ(e1, e2);
}

TEST(CsvWriterTest, ErrorRecordsWithoutErrorStreamAreCounted) {
  std::ostringstream tasks;
  CsvWriter w(tasks, {});
  w.Begin();
  w.Write(testing::SampleError());
  EXPECT_EQ(w.error_records(), 1u);
  EXPECT_EQ(w.rows(), 0u);
}

}  // namespace
}  // namespace notices::emit
