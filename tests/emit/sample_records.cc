// Hand-built Records shared by the tests in tests/emit.
#include "tests/emit/sample_records.h"

#include <cstdio>
#include <cstdlib>

#include "pipeline/common/sha256.h"

namespace notices::testing {

Range SpanOf(const std::string& text, const std::string& needle, int n) {
  size_t at = text.find(needle);
  for (int i = 0; i < n && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  if (at == std::string::npos) {
    std::fprintf(stderr, "fixture: \"%s\" not in text\n", needle.c_str());
    std::abort();
  }
  return Range{at, at + needle.size()};
}

namespace {

Agency Ag(const std::string& text, const std::string& name, const std::string& as_written,
          int n = 0) {
  Agency a;
  a.name = name;
  a.text = as_written;
  a.known = true;
  a.span = SpanOf(text, as_written, n);
  return a;
}

std::string TaskId(const std::string& sha, int ordinal) {
  return sha.substr(0, 12) + "-" + std::to_string(ordinal);
}

const char kNoticeText[] =
    "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n"
    "Số: 229/TB-VP\n"
    "THÔNG BÁO\n"
    "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp ngày 05/01/2026\n"
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n"
    "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Xây dựng rà soát, "
    "đề xuất phương án đầu tư đường điện, báo cáo UBND tỉnh trước ngày 15/01/2026.\n"
    "2. Giao Sở Nội vụ, Sở Tư pháp và Sở Y tế chủ trì hướng dẫn, kiểm tra; báo cáo định kỳ "
    "trước ngày 20 hằng tháng.\n"
    "3. Đề nghị Công an tỉnh khẩn trương triển khai.\n";

}  // namespace

Record SampleNoticeVersion(int version) {
  Record r;
  r.text = kNoticeText;
  if (version > 1) r.text += "(Bản sửa đổi lần " + std::to_string(version) + ")\n";
  const std::string& t = r.text;
  r.source.path = "notices/229-TB-VP.txt";
  r.source.sha256 = Sha256Hex(t);
  r.source.format = SourceFormat::kText;
  r.source.encoding = "utf-8";
  r.source.bytes = t.size();
  r.document.type = "THÔNG BÁO";
  r.document.number = "229/TB-VP";
  r.document.issuer = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN";
  r.document.place = "Lạng Sơn";
  r.document.date = PartialDate{2026, 1, 6};
  r.document.subject = "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp ngày 05/01/2026";
  r.document.meeting = Meeting{PartialDate{2026, 1, 5}, std::string("Chủ tịch UBND tỉnh")};
  r.document.signer = Person{"Nguyễn Văn A", "Chánh Văn phòng"};
  r.document.recipients = {"Các sở, ban, ngành", "Lưu: VT"};
  Reference ref;
  ref.kind = "Nghị quyết";
  ref.number = "57-NQ/TW";
  ref.date = PartialDate{2024, 12, 22};
  ref.span = SpanOf(t, "Nghị quyết số 57-NQ/TW ngày 22/12/2024");
  r.references.push_back(ref);

  Task t1;
  t1.id = TaskId(r.source.sha256, 1);
  t1.section = "1";
  t1.text = "Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Xây dựng rà soát, "
            "đề xuất phương án đầu tư đường điện, báo cáo UBND tỉnh trước ngày 15/01/2026.";
  t1.span = SpanOf(t, t1.text);
  t1.page = 1;
  t1.lead = {Ag(t, "Sở Tài chính", "Sở Tài chính")};
  t1.coordinate = {Ag(t, "Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
                   Ag(t, "Sở Xây dựng", "Sở Xây dựng")};
  t1.report_to = {Ag(t, "Ủy ban nhân dân tỉnh", "UBND tỉnh", 1)};
  Deadline d1;
  d1.text = "trước ngày 15/01/2026";
  d1.due = PartialDate{2026, 1, 15};
  d1.before = true;
  d1.kind = DeadlineKind::kDate;
  d1.span = SpanOf(t, d1.text);
  t1.deadline = d1;
  r.tasks.push_back(t1);

  Task t2;
  t2.id = TaskId(r.source.sha256, 2);
  t2.section = "2";
  t2.text = "Giao Sở Nội vụ, Sở Tư pháp và Sở Y tế chủ trì hướng dẫn, kiểm tra; báo cáo định kỳ "
            "trước ngày 20 hằng tháng.";
  t2.span = SpanOf(t, t2.text);
  t2.page = 1;
  t2.lead = {Ag(t, "Sở Nội vụ", "Sở Nội vụ"), Ag(t, "Sở Tư pháp", "Sở Tư pháp"),
             Ag(t, "Sở Y tế", "Sở Y tế")};
  Deadline d2;
  d2.text = "trước ngày 20 hằng tháng";
  d2.due = PartialDate{2026, 1, 20};
  d2.before = true;
  d2.kind = DeadlineKind::kRecurring;
  d2.recurrence = Recurrence::kMonthly;
  d2.span = SpanOf(t, d2.text);
  t2.deadline = d2;
  t2.warnings = {"lead list split on \"và\""};
  r.tasks.push_back(t2);

  Task t3;
  t3.id = TaskId(r.source.sha256, 3);
  t3.section = "3";
  t3.text = "Đề nghị Công an tỉnh khẩn trương triển khai.";
  t3.span = SpanOf(t, t3.text);
  t3.requested = {Ag(t, "Công an tỉnh", "Công an tỉnh")};
  Deadline d3;
  d3.text = "khẩn trương";
  d3.kind = DeadlineKind::kUrgent;
  d3.span = SpanOf(t, d3.text);
  t3.deadline = d3;
  r.tasks.push_back(t3);
  return r;
}

Record SampleNotice() { return SampleNoticeVersion(1); }

Record SampleError() {
  Record r;
  r.source.path = "scans/khoa.pdf";
  r.source.sha256 = Sha256Hex("encrypted bytes");
  r.source.format = SourceFormat::kPdf;
  r.source.bytes = 15;
  r.error = Error(ErrorCode::kPdfEncrypted, "scans/khoa.pdf: tệp PDF có mật khẩu", "Encrypted");
  return r;
}

Record HostileNotice() {
  Record r;
  // Everything a naive CSV, iCalendar or SQL writer gets wrong, in one notice.
  const std::string task =
      "Giao Sở \"Tài chính\" chủ trì; '); DROP TABLE tasks; -- rà soát, báo cáo\\n "
      "O'Brien, \"trích\" 50% ngày 15/01/2026\nxuống dòng; hết.";
  r.text = "Số: 7/TB-\"X\";\n=1+1 " + task + "\n";
  const std::string& t = r.text;
  r.source.path = "hostile/it's \"quoted\";.txt";
  r.source.sha256 = Sha256Hex(t);
  r.source.encoding = "utf-8";
  r.source.bytes = t.size();
  r.document.number = "7/TB-\"X\";";
  r.document.date = PartialDate{2026, 1, 0};
  Task x;
  x.id = r.source.sha256.substr(0, 12) + "-1";
  x.section = "=1+1";
  x.text = task;
  x.span = SpanOf(t, task);
  Agency a;
  a.name = "Sở \"Tài chính\"; ');--";
  a.text = "Sở \"Tài chính\"";
  a.span = SpanOf(t, a.text);
  x.lead = {a};
  Deadline d;
  d.text = "ngày 15/01/2026";
  d.due = PartialDate{2026, 1, 15};
  d.span = SpanOf(t, d.text);
  x.deadline = d;
  x.warnings = {"a; b", "c,\"d\""};
  r.tasks.push_back(x);
  r.warnings = {"'); DELETE FROM documents; --"};
  return r;
}

std::vector<Record> SyntheticBatch(size_t n, size_t tasks_per_document) {
  static const char* const kAgencies[] = {"Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ",
                                          "Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh",
                                          "Sở Tư pháp", "Sở Công Thương"};
  std::vector<Record> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Record r;
    std::string body;
    for (size_t k = 0; k < tasks_per_document; ++k) {
      body += std::to_string(k + 1) + ". Giao " + kAgencies[(i + k) % 8] +
              " chủ trì, phối hợp với " + kAgencies[(i + k + 3) % 8] +
              " rà soát, đề xuất phương án đầu tư đường giao thông số " + std::to_string(i) +
              ", báo cáo Ủy ban nhân dân tỉnh trước ngày " + std::to_string(1 + k % 28) +
              "/02/2026.\n";
    }
    r.text = "Số: " + std::to_string(i + 1) + "/TB-VP\nTHÔNG BÁO\n" + body;
    r.source.path = "batch/notice-" + std::to_string(i) + ".txt";
    r.source.sha256 = Sha256Hex(r.text);
    r.source.encoding = "utf-8";
    r.source.bytes = r.text.size();
    r.document.type = "THÔNG BÁO";
    r.document.number = std::to_string(i + 1) + "/TB-VP";
    r.document.issuer = "VĂN PHÒNG UBND TỈNH";
    r.document.date = PartialDate{2026, 1, 1 + static_cast<int>(i % 28)};
    for (size_t k = 0; k < tasks_per_document; ++k) {
      Task t;
      t.id = r.source.sha256.substr(0, 12) + "-" + std::to_string(k + 1);
      t.section = std::to_string(k + 1);
      std::string line_start = std::to_string(k + 1) + ". Giao ";
      Range line = SpanOf(r.text, line_start + kAgencies[(i + k) % 8]);
      size_t end = r.text.find('\n', line.begin);
      t.span = Range{line.begin + (std::to_string(k + 1) + ". ").size(), end};
      t.text = r.text.substr(t.span.begin, t.span.size());
      Agency lead;
      lead.name = lead.text = kAgencies[(i + k) % 8];
      lead.known = true;
      size_t at = r.text.find(lead.text, t.span.begin);
      lead.span = Range{at, at + lead.text.size()};
      t.lead.push_back(lead);
      Agency co;
      co.name = co.text = kAgencies[(i + k + 3) % 8];
      co.known = true;
      at = r.text.find(co.text, lead.span.end);
      co.span = Range{at, at + co.text.size()};
      t.coordinate.push_back(co);
      Deadline d;
      d.due = PartialDate{2026, 2, 1 + static_cast<int>(k % 28)};
      d.before = true;
      d.text = "trước ngày " + std::to_string(1 + k % 28) + "/02/2026";
      at = r.text.find(d.text, t.span.begin);
      d.span = Range{at, at + d.text.size()};
      t.deadline = d;
      r.tasks.push_back(std::move(t));
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace notices::testing
