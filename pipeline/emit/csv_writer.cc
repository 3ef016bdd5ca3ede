// CsvWriter. Tested by tests/emit/csv_writer_test.cc, whose output is parsed back by
// Python's csv module in tests/emit/check_csv.py.
#include "pipeline/emit/csv_writer.h"

#include <algorithm>
#include <vector>

#include "pipeline/emit/json_reader.h"

namespace notices::emit {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string JoinNames(const std::vector<Agency>& list) {
  std::string out;
  for (const Agency& a : list) {
    if (!out.empty()) out += "; ";
    out += a.name;
  }
  return out;
}

std::string Join(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) {
    if (!out.empty()) out += "; ";
    out += s;
  }
  return out;
}

}  // namespace

CsvWriter::CsvWriter(std::ostream& tasks, const CsvOptions& options, std::ostream* errors)
    : tasks_(tasks), errors_(errors), options_(options) {}

void CsvWriter::Field(std::string& row, std::string_view value, bool first) const {
  if (!first) row += options_.separator;
  bool formula = options_.excel && !value.empty() &&
                 (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@');
  bool quote = value.find_first_of(std::string{'"', '\r', '\n', options_.separator}) !=
               std::string_view::npos;
  if (quote) row += '"';
  if (formula) row += '\'';
  for (char c : value) {
    if (c == '"') row += '"';
    row += c;
  }
  if (quote) row += '"';
}

void CsvWriter::EndRow(std::string& row, std::ostream& out) const {
  row += "\r\n";
  out.write(row.data(), static_cast<std::streamsize>(row.size()));
  row.clear();
}

void CsvWriter::Begin() {
  static constexpr std::string_view kTaskColumns[] = {
      "lead", "coordinate", "requested", "report_to", "deadline", "due", "before",
      "deadline_kind", "recurrence", "section", "task", "product", "source_path",
      "document_number", "document_date", "page", "span_start", "span_end", "warnings"};
  static constexpr std::string_view kErrorColumns[] = {"source_path", "sha256", "code", "message",
                                                       "detail"};
  std::string row;
  if (options_.excel) row += kBom;
  Field(row, "task_id", true);
  if (options_.one_lead_per_row) {
    Field(row, "lead_index");
    Field(row, "lead_count");
  }
  for (std::string_view c : kTaskColumns) Field(row, c);
  EndRow(row, tasks_);
  if (errors_) {
    if (options_.excel) row += kBom;
    bool first = true;
    for (std::string_view c : kErrorColumns) {
      Field(row, c, first);
      first = false;
    }
    EndRow(row, *errors_);
  }
}

void CsvWriter::Write(const Record& record) {
  std::string row;
  if (record.error) {
    ++error_records_;
    if (!errors_) return;
    Field(row, record.source.path, true);
    Field(row, record.source.sha256);
    Field(row, ErrorCodeName(record.error->code));
    Field(row, record.error->message);
    Field(row, record.error->detail);
    EndRow(row, *errors_);
    return;
  }
  SpanIndex spans(record);
  const std::string doc_number = record.document.number.value_or("");
  const std::string doc_date = record.document.date ? record.document.date->ToString() : "";
  for (const Task& t : record.tasks) {
    // Cells after `lead`, identical for every row of the task.
    std::string tail;
    Field(tail, JoinNames(t.coordinate));
    Field(tail, JoinNames(t.requested));
    Field(tail, JoinNames(t.report_to));
    const Deadline* d = t.deadline ? &*t.deadline : nullptr;
    Field(tail, d ? std::string_view(d->text) : "");
    Field(tail, d && d->due ? d->due->ToString() : "");
    Field(tail, d && d->before ? "true" : "false");
    Field(tail, d ? DeadlineKindName(d->kind) : "");
    Field(tail, d ? RecurrenceName(d->recurrence) : "");
    Field(tail, t.section.value_or(""));
    Field(tail, t.text);
    Field(tail, t.product.value_or(""));
    Field(tail, record.source.path);
    Field(tail, doc_number);
    Field(tail, doc_date);
    Field(tail, t.page ? std::to_string(*t.page) : "");
    CodePointSpan s = spans(t.span);
    Field(tail, std::to_string(s.begin));
    Field(tail, std::to_string(s.end));
    Field(tail, Join(t.warnings));

    if (!options_.one_lead_per_row) {
      Field(row, t.id, true);
      Field(row, JoinNames(t.lead));
      row += tail;
      EndRow(row, tasks_);
      ++rows_;
      continue;
    }
    const size_t n = t.lead.size();
    for (size_t i = 0; i < std::max<size_t>(n, 1); ++i) {
      Field(row, t.id, true);
      Field(row, std::to_string(n == 0 ? 0 : i + 1));
      Field(row, std::to_string(n));
      Field(row, n == 0 ? "" : std::string_view(t.lead[i].name));
      row += tail;
      EndRow(row, tasks_);
      ++rows_;
    }
  }
}

void CsvWriter::Finish() {
  tasks_.flush();
  if (errors_) errors_->flush();
}

}  // namespace notices::emit
