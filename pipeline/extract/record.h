// The typed records of the `notices/1` contract: what extraction produces and what
// every emitter (JSON Lines, CSV, iCalendar, SQLite, HTML) consumes.
//
//   Record r = pipeline.Run(input);          // see pipeline/pipeline.h
//   for (const Task& t : r.tasks)
//     for (const Agency& a : t.lead) std::cout << a.name << "\n";
//
// Only pipeline/emit/ turns these into JSON (docs/schema/notices-1.schema.json is the
// contract). Offsets here are BYTE offsets into Record::text (the normalized text);
// emitters convert them to the code point offsets the contract promises.
//
// Plain values; no shared state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/common/offset_map.h"

namespace notices {

// A calendar date with the precision it was written with: "2026" (year), "2026-05"
// (month) or "2026-05-26" (day). month/day are 0 when absent.
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;

  bool has_day() const { return day != 0; }
  bool has_month() const { return month != 0; }
  std::string ToString() const;  // ISO 8601: "2026", "2026-05", "2026-05-26"
  bool operator==(const PartialDate&) const = default;
  auto operator<=>(const PartialDate&) const = default;
};

enum class Role { kLead, kCoordinate, kRequested, kReportTo };
std::string_view RoleName(Role role);  // "lead", "coordinate", "requested", "report_to"

struct Agency {
  std::string name;         // canonical full name ("Sở Khoa học và Công nghệ")
  std::string text;         // as written ("Sở KH&CN")
  bool collective = false;  // a class of addressees ("các sở, ban, ngành")
  bool known = false;       // found in the gazetteer (false: fallback guess)
  Range span;               // bytes in Record::text
};

enum class DeadlineKind {
  kDate,      // a day: "chậm nhất trong ngày 15/01/2026"
  kMonth,     // "trong tháng 01/2026" -> last day of the month
  kQuarter,   // "trong quý I/2026"
  kHalfYear,  // "6 tháng đầu năm 2026"
  kYear,      // "trong năm 2026"
  kRecurring, // "trước ngày 20 hằng tháng"
  kRelative,  // "trong 05 ngày làm việc kể từ ngày nhận được văn bản"
  kUrgent,    // "khẩn trương", "ngay" without a date
  kOngoing,   // "thường xuyên"
};
std::string_view DeadlineKindName(DeadlineKind kind);

enum class Recurrence { kNone, kDaily, kWeekly, kMonthly, kQuarterly, kHalfYearly, kYearly };
std::string_view RecurrenceName(Recurrence r);  // "" for kNone

struct Deadline {
  std::string text;                  // the phrase as written (normalized text)
  std::optional<PartialDate> due;    // always a full day when set (end of the period)
  bool before = false;               // "trước ngày ...": done before `due`
  DeadlineKind kind = DeadlineKind::kDate;
  Recurrence recurrence = Recurrence::kNone;
  Range span;
};

// A cell of the table row a task comes from (task tables, table_extractor.h).
struct TaskCell {
  std::string column;       // what the header names it: "index", "task", "lead", "coordinate",
                            // "time", "product", "note", "other"
  Range span;               // its text; an empty range where the cell is empty
  std::optional<int> page;  // PDF: the page and box the cell is drawn in (points from
  double x = 0, y = 0, width = 0, height = 0;  // the page's top-left corner)
};

// Where something lies on a PDF page: 1-based page, points from the page's top-left.
struct PageBox {
  int page = 0;
  double x = 0, y = 0, width = 0, height = 0;
};

struct Task {
  std::string id;                      // "<first 12 hex of sha256>-<ordinal from 1>"
  std::optional<std::string> section;  // "2.2", "I.1", "a" ...
  std::string text;                    // the task's own text, normalized
  Range span;
  std::optional<int> page;             // 1-based, from the source where pages exist
  std::optional<PageBox> box;          // PDF: the task's extent on its first page
  std::vector<Agency> lead, coordinate, requested, report_to;
  std::optional<Deadline> deadline;
  std::optional<std::string> product;  // task tables: the "Sản phẩm" column
  std::vector<Range> extra_spans;      // the same task found elsewhere (prose + annex)
  std::vector<TaskCell> cells;         // task tables: the cells of the task's row
  std::vector<std::string> warnings;   // where the extractor guessed
};

struct Reference {
  std::string kind;    // "Nghị quyết", "Thông báo", "Nghị định", ...
  std::string number;  // "57-NQ/TW"
  std::optional<PartialDate> date;
  Range span;
};

struct Person {
  std::string name;
  std::string title;
};

struct Meeting {
  std::optional<PartialDate> date;
  std::optional<std::string> chair;
};

struct DocumentInfo {
  std::optional<std::string> type;     // "THÔNG BÁO"; null for a công văn
  std::optional<std::string> number;   // "229/TB-VP"; null when blank
  std::optional<std::string> issuer;   // "VĂN PHÒNG UBND TỈNH LẠNG SƠN"
  std::optional<std::string> place;    // "Lạng Sơn"
  std::optional<PartialDate> date;     // day or month precision
  std::optional<std::string> subject;
  std::optional<Meeting> meeting;
  std::optional<Person> signer;
  std::vector<std::string> recipients;
};

enum class SourceFormat { kText, kPdf };

// A PDF page whose text comes from OCR.
struct OcrPageInfo {
  int page = 0;             // 1-based
  std::string reason;       // "scan", "garbled", "no_diacritics", "no_text", "always"
  float confidence = 0;     // mean word confidence, 0-100
  size_t typed_words = 0;   // words of a typed-over text layer kept instead of OCR's
};

struct SourceInfo {
  std::string path;      // as given on the command line ("-" for stdin)
  std::string sha256;    // of the input bytes
  SourceFormat format = SourceFormat::kText;
  std::string encoding;  // "utf-8", "tcvn3", ... ; empty when never decoded
  std::optional<int> pages;
  uint64_t bytes = 0;
  std::vector<OcrPageInfo> ocr;  // PDF pages read by OCR, in page order
};

// One per input. Either `error` is set (and the rest is empty) or the extraction fields
// are filled.
struct Record {
  SourceInfo source;
  std::optional<Error> error;
  DocumentInfo document;
  std::vector<Reference> references;
  std::vector<Task> tasks;
  std::vector<std::string> warnings;
  std::string text;  // the normalized text every span points into
};

}  // namespace notices
