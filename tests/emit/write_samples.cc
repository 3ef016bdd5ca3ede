// Writes the sample records as CSV (three variants) and iCalendar (twice) into a
// folder, with expected.json: the values each task should show, taken from the Records
// directly. check_csv.py and check_ics.py parse the files with Python's own parsers and
// compare. Usage: write_samples OUT_DIR
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "pipeline/common/utf8.h"
#include "pipeline/emit/csv_writer.h"
#include "pipeline/emit/ics_writer.h"
#include "tests/emit/sample_records.h"

namespace {

using notices::Agency;
using notices::Record;

nlohmann::json Names(const std::vector<Agency>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const Agency& a : list) out.push_back(a.name);
  return out;
}

nlohmann::json Expected(const std::vector<Record>& records) {
  nlohmann::json tasks = nlohmann::json::array();
  for (const Record& r : records) {
    if (r.error) continue;
    notices::CodePointIndex idx(r.text);
    for (const notices::Task& t : r.tasks) {
      nlohmann::json j;
      j["task_id"] = t.id;
      j["lead"] = Names(t.lead);
      j["coordinate"] = Names(t.coordinate);
      j["requested"] = Names(t.requested);
      j["report_to"] = Names(t.report_to);
      j["deadline"] = t.deadline ? t.deadline->text : "";
      j["due"] = t.deadline && t.deadline->due ? t.deadline->due->ToString() : "";
      j["before"] = t.deadline && t.deadline->before;
      j["deadline_kind"] = t.deadline ? std::string(DeadlineKindName(t.deadline->kind)) : "";
      j["recurrence"] = t.deadline ? std::string(RecurrenceName(t.deadline->recurrence)) : "";
      j["section"] = t.section.value_or("");
      j["task"] = t.text;
      j["source_path"] = r.source.path;
      j["document_number"] = r.document.number.value_or("");
      j["document_date"] = r.document.date ? r.document.date->ToString() : "";
      j["page"] = t.page ? std::to_string(*t.page) : "";
      j["span_start"] = std::to_string(idx.ToCodePoint(t.span.begin));
      j["span_end"] = std::to_string(idx.ToCodePoint(t.span.end));
      j["warnings"] = t.warnings;
      tasks.push_back(j);
    }
  }
  return tasks;
}

void WriteCsv(const std::string& path, const std::vector<Record>& records,
              const notices::emit::CsvOptions& options, const std::string& errors_path = "") {
  std::ofstream out(path, std::ios::binary);
  std::ofstream errors;
  if (!errors_path.empty()) errors.open(errors_path, std::ios::binary);
  notices::emit::CsvWriter w(out, options, errors_path.empty() ? nullptr : &errors);
  w.Begin();
  for (const Record& r : records) w.Write(r);
  w.Finish();
}

void WriteIcs(const std::string& path, const std::vector<Record>& records) {
  std::ofstream out(path, std::ios::binary);
  notices::emit::IcsWriter w(out, {});
  w.Begin();
  for (const Record& r : records) w.Write(r);
  w.Finish();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_samples OUT_DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const std::vector<Record> records = {notices::testing::SampleNotice(), notices::testing::SampleError(),
                                       notices::testing::HostileNotice()};
  WriteCsv(dir + "/tasks.csv", records, {}, dir + "/errors.csv");
  notices::emit::CsvOptions excel;
  excel.excel = true;
  excel.separator = ';';
  WriteCsv(dir + "/tasks-excel.csv", records, excel);
  notices::emit::CsvOptions one_lead;
  one_lead.one_lead_per_row = true;
  WriteCsv(dir + "/tasks-one-lead.csv", records, one_lead);
  WriteIcs(dir + "/tasks.ics", records);
  WriteIcs(dir + "/tasks-again.ics", records);
  std::ofstream(dir + "/expected.json") << Expected(records).dump(1);
  return 0;
}
