// CSV of tasks for trackers and spreadsheets: one row per task (or one per lead), streamed.
//
//   std::ofstream tasks("tasks.csv", std::ios::binary), errors("errors.csv", std::ios::binary);
//   emit::CsvOptions opt;                  // RFC 4180, UTF-8, ',' ; see below for Excel
//   emit::CsvWriter csv(tasks, opt, &errors);
//   csv.Begin();                           // the header rows
//   for (...) csv.Write(record);           // rows of one record; nothing is kept in memory
//   csv.Finish();                          // flushes both streams
//
// Columns of the tasks file, in this order (names are the contract's, flattened):
//   task_id        the task's id ("<12 hex>-<n>"), the key shared with JSON and SQLite
//   lead_index     only with one_lead_per_row: 1..lead_count, 0 for a task without a lead
//   lead_count     only with one_lead_per_row: how many leads the task has
//   lead, coordinate, requested, report_to
//                  canonical agency names, joined by "; " (with one_lead_per_row, `lead`
//                  holds one name)
//   deadline       the deadline phrase as written
//   due            the deadline as a day, YYYY-MM-DD (empty when none)
//   before         "true" when the task must be done before `due`, else "false"
//   deadline_kind  date, month, quarter, half_year, year, recurring, relative, urgent, ongoing
//   recurrence     daily, weekly, monthly, quarterly, half_yearly, yearly (empty: none)
//   section        "2.2", "I.1", ...
//   task           the task text
//   product        the "Sản phẩm" column of task tables (empty when none)
//   source_path, document_number, document_date (YYYY, YYYY-MM or YYYY-MM-DD), page
//   span_start, span_end   code point offsets into the normalized text
//   warnings       the task's warnings joined by "; "
// Empty cell = absent value. Records without tasks give no rows.
//
// one_lead_per_row: for trackers that require exactly one lead per task, a task with
// several leads becomes one row per lead. Every other cell is repeated; task_id stays
// the task's own id, and (task_id, lead_index) is the unique key of a row.
//
// Error records (inputs that failed) never become task rows: they go to the `errors`
// stream, one row each with columns source_path, sha256, code, message, detail (the
// same names as the JSON record's "error"). Without an errors stream they are counted
// only (error_records()).
//
// Format: RFC 4180. Fields are quoted when they hold the separator, a double quote, CR
// or LF (quotes doubled); rows end in CRLF; text is UTF-8.
//
// Excel (options.excel). Excel decides two things when it opens a .csv by double-click:
//  - the encoding: UTF-8 only when the file starts with the UTF-8 byte order mark
//    (EF BB BF); without it, the ANSI code page (cp1258 on Vietnamese Windows), which
//    garbles every accented letter. So excel writes the BOM.
//  - the separator: the "list separator" of the Windows regional format, not a property
//    of the file. It is ',' under English (United States) and ';' under Vietnamese
//    (Vietnam), whose decimal separator is ','. Excel on the web and Excel for Mac use
//    ','. A first line "sep=;" would force it, but Excel only honours "sep=" when it is
//    the very first bytes of the file, so it cannot follow the BOM: with both, Excel
//    either shows "sep=;" as data or drops the BOM and reads ANSI. The BOM wins (no
//    garbled Vietnamese), and the separator is an option: ',' by default, ';' for offices
//    whose Windows uses the Vietnamese regional format.
//    A wrong separator is visible at once (every row in column A) and Data > Text to
//    Columns recovers it; a wrong encoding silently garbles text, hence this priority.
//  - Excel also runs cells that start with = + - @ as formulas (a task text starting
//    with "-" would show #NAME?, and a crafted one could run a formula). With excel,
//    such a cell is prefixed with an apostrophe ('), OWASP's advice for CSV injection.
// Without excel: no BOM, no apostrophes: the bytes a program reading RFC 4180 expects.
//
// Thread-safety: one writer per thread; Write must not be called concurrently.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "pipeline/extract/record.h"

namespace notices::emit {

struct CsvOptions {
  bool excel = false;             // UTF-8 BOM and inert formula-like cells (see above)
  char separator = ',';           // ';' for Excel under the Vietnamese regional format;
                                  // never '"', CR or LF
  bool one_lead_per_row = false;  // a row per lead; adds lead_index and lead_count
};

class CsvWriter {
 public:
  // The streams must outlive the writer; open files in binary mode (CRLF is written
  // as is). `errors` may be null.
  CsvWriter(std::ostream& tasks, const CsvOptions& options, std::ostream* errors = nullptr);

  void Begin();                      // BOM (excel) and the header row of each stream
  void Write(const Record& record);  // the record's rows
  void Finish();                     // flushes

  size_t rows() const { return rows_; }
  size_t error_records() const { return error_records_; }

 private:
  void Field(std::string& row, std::string_view value, bool first = false) const;
  void EndRow(std::string& row, std::ostream& out) const;

  std::ostream& tasks_;
  std::ostream* errors_;
  CsvOptions options_;
  size_t rows_ = 0;
  size_t error_records_ = 0;
};

}  // namespace notices::emit
