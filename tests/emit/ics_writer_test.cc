#include "pipeline/emit/ics_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/common/utf8.h"
#include "tests/emit/sample_records.h"

namespace notices::emit {
namespace {

std::string Ics(const std::vector<Record>& records, const IcsOptions& options = {}) {
  std::ostringstream out;
  IcsWriter w(out, options);
  w.Begin();
  for (const Record& r : records) w.Write(r);
  w.Finish();
  return out.str();
}

// Unfolds RFC 5545 content lines.
std::string Unfold(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

TEST(IcsWriterTest, EscapeText) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"plain", "plain"},
      {"a, b; c", "a\\, b\\; c"},
      {"back\\slash", "back\\\\slash"},
      {"line\nnext", "line\\nnext"},
      {"crlf\r\nnext", "crlf\\nnext"},
      {"bell\x07", "bell"},
      {"tab\tkept", "tab\tkept"},
      {"Sở Tài chính, Sở Xây dựng", "Sở Tài chính\\, Sở Xây dựng"},
  };
  for (const Case& c : cases) EXPECT_EQ(IcsEscapeText(c.in), c.out) << c.in;
}

// Every physical line is at most 75 octets, is valid UTF-8 on its own, and unfolding
// gives the line back.
TEST(IcsWriterTest, FoldsAt75OctetsOnUtf8Boundaries) {
  const std::string lines[] = {
      "SUMMARY:short",
      std::string("DESCRIPTION:") + std::string(200, 'x'),
      "DESCRIPTION:Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Xây dựng "
      "rà soát, đề xuất phương án đầu tư đường điện, báo cáo Ủy ban nhân dân tỉnh trước ngày "
      "15/01/2026; ưu tiên những người ở vùng sâu, vùng xa.",
      std::string("X:") + std::string(73, 'a'),             // exactly 75
      std::string("X:") + std::string(74, 'a'),             // 76: one fold
      std::string("X:") + std::string(72, 'a') + "ở",       // the 3-byte letter straddles 75
  };
  for (const std::string& line : lines) {
    std::string out;
    AppendFoldedLine(out, line);
    ASSERT_GE(out.size(), 2u);
    EXPECT_EQ(out.substr(out.size() - 2), "\r\n");
    size_t start = 0;
    while (start < out.size()) {
      size_t end = out.find("\r\n", start);
      std::string physical = out.substr(start, end - start);
      EXPECT_LE(physical.size(), 75u) << physical;
      EXPECT_TRUE(IsValidUtf8(physical)) << physical;
      start = end + 2;
    }
    EXPECT_EQ(Unfold(out), line + "\r\n");
  }
}

TEST(IcsWriterTest, OneTodoPerTaskWithADueDay) {
  IcsOptions opt;
  opt.dtstamp = "20260101T000000Z";
  std::string out = Unfold(Ics({testing::SampleNotice(), testing::SampleError()}, opt));
  const Record r = testing::SampleNotice();
  size_t todos = 0;
  for (size_t at = out.find("BEGIN:VTODO"); at != std::string::npos; at = out.find("BEGIN:VTODO", at + 1))
    ++todos;
  EXPECT_EQ(todos, 2u);  // the urgent task has no day
  EXPECT_NE(out.find("UID:" + r.tasks[0].id + "@notices.invalid\r\n"), std::string::npos);
  EXPECT_NE(out.find("DUE;VALUE=DATE:20260115\r\n"), std::string::npos);
  EXPECT_NE(out.find("DTSTAMP:20260101T000000Z\r\n"), std::string::npos);
  EXPECT_NE(out.find("DTSTART;VALUE=DATE:20260120\r\nDUE;VALUE=DATE:20260120\r\nRRULE:FREQ=MONTHLY\r\n"),
            std::string::npos);
  EXPECT_NE(out.find("CATEGORIES:Sở Nội vụ,Sở Tư pháp,Sở Y tế\r\n"), std::string::npos);
  EXPECT_NE(out.find("SUMMARY:Sở Tài chính: Giao Sở Tài chính chủ trì\\, phối hợp"), std::string::npos);
  EXPECT_EQ(out.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_EQ(out.substr(out.size() - 15), "END:VCALENDAR\r\n");
}

TEST(IcsWriterTest, DtstampComesFromTheDocumentDateAndOutputIsDeterministic) {
  std::string a = Ics({testing::SampleNotice(), testing::HostileNotice()});
  std::string b = Ics({testing::SampleNotice(), testing::HostileNotice()});
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("DTSTAMP:20260106T000000Z\r\n"), std::string::npos);  // document date
  EXPECT_NE(a.find("DTSTAMP:20260101T000000Z\r\n"), std::string::npos);  // month precision
}

TEST(IcsWriterTest, RecurrenceRules) {
  struct Case {
    Recurrence r;
    std::string rule;
  } cases[] = {
      {Recurrence::kDaily, "RRULE:FREQ=DAILY\r\n"},
      {Recurrence::kWeekly, "RRULE:FREQ=WEEKLY\r\n"},
      {Recurrence::kQuarterly, "RRULE:FREQ=MONTHLY;INTERVAL=3\r\n"},
      {Recurrence::kHalfYearly, "RRULE:FREQ=MONTHLY;INTERVAL=6\r\n"},
      {Recurrence::kYearly, "RRULE:FREQ=YEARLY\r\n"},
  };
  for (const Case& c : cases) {
    Record r = testing::SampleNotice();
    r.tasks[0].deadline->recurrence = c.r;
    std::string out = Ics({r});
    EXPECT_NE(out.find(c.rule), std::string::npos) << c.rule;
  }
  Record none = testing::SampleNotice();
  none.tasks.resize(1);
  EXPECT_EQ(Ics({none}).find("RRULE"), std::string::npos);
}

}  // namespace
}  // namespace notices::emit
