// iCalendar (RFC 5545) of tasks with a due date: one VTODO per task, streamed, for the
// calendars and to-do apps clerks already use (Outlook, Google Calendar, Thunderbird).
//
//   std::ofstream out("tasks.ics", std::ios::binary);
//   emit::IcsOptions opt;                  // opt.dtstamp = "20260115T000000Z" to fix it
//   emit::IcsWriter ics(out, opt);
//   ics.Begin();                           // BEGIN:VCALENDAR ...
//   for (...) ics.Write(record);           // VTODOs of one record; nothing kept in memory
//   ics.Finish();                          // END:VCALENDAR, flush
//
// What goes in. Only tasks whose deadline has a `due` day become a VTODO (an "urgent" or
// "ongoing" task has no day to put in a calendar); error records and other tasks give
// nothing. Per VTODO:
//   UID          "<task id>@<uid_domain>": stable across runs, so importing the file again
//                updates the same to-dos instead of duplicating them. A new version of a
//                notice has other bytes, hence other task ids and other UIDs.
//   DTSTAMP      see "Determinism" below.
//   DUE;VALUE=DATE:YYYYMMDD   the deadline's `due` day as the record gives it. For
//                "trước ngày 15/01" (before = true) the day stays 15/01, as in the JSON,
//                CSV and database; the SUMMARY and DESCRIPTION carry the phrase.
//   SUMMARY      "<lead names>: <task text cut at a word, ~summary_chars code points>"
//   DESCRIPTION  the full task text, then one line per role with its agencies, the
//                deadline phrase, the document (number, date), source path and page, and
//                the task id. Labels are English by default (IcsLabels) and may be set by
//                the caller.
//   CATEGORIES   the lead names.
//   STATUS:NEEDS-ACTION.
//   RRULE        when the deadline recurs: daily, weekly, monthly, yearly as FREQ=...;
//                quarterly and half_yearly as FREQ=MONTHLY;INTERVAL=3 / 6. The rule counts
//                from DTSTART, which is then written equal to DUE.
//
// Determinism. Output depends only on the records and the options, so the same inputs
// give byte-identical files (diffable, cacheable). DTSTAMP, which RFC 5545 defines as
// the time the object was created, is therefore never the clock: it is options.dtstamp
// when set (e.g. the start of the run, fixed by the caller), else the document's date
// at 00:00 UTC (the first day of a month or year given with less precision), else
// 19700101T000000Z.
//
// Format. Lines end in CRLF and are folded at 75 octets (a continuation line starts
// with one space and carries at most 74 more octets); a fold never splits a UTF-8
// sequence. TEXT values escape backslash, ';', ',' and newline (RFC 5545 3.3.11); other
// control characters are dropped.
//
// Thread-safety: one writer per thread; Write must not be called concurrently.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "pipeline/extract/record.h"

namespace notices::emit {

struct IcsLabels {
  std::string lead = "Lead";
  std::string coordinate = "Coordinate";
  std::string requested = "Requested";
  std::string report_to = "Report to";
  std::string deadline = "Deadline";
  std::string document = "Document";
  std::string source = "Source";
  std::string page = "page";
  std::string task = "Task";
};

struct IcsOptions {
  std::string uid_domain = "notices.invalid";  // RFC 2606: a name no real host has
  std::string dtstamp;                         // "YYYYMMDDTHHMMSSZ"; empty: see above
  std::string calendar_name;                   // X-WR-CALNAME when set
  size_t summary_chars = 80;                   // task text in SUMMARY, in code points
  IcsLabels labels;
};

class IcsWriter {
 public:
  // `out` must outlive the writer; open files in binary mode.
  IcsWriter(std::ostream& out, const IcsOptions& options);

  void Begin();                      // BEGIN:VCALENDAR, VERSION, PRODID, CALSCALE
  void Write(const Record& record);  // one VTODO per task with a due day
  void Finish();                     // END:VCALENDAR, flush

  size_t todos() const { return todos_; }

 private:
  void Line(std::string_view content);

  std::ostream& out_;
  IcsOptions options_;
  std::string buf_;
  size_t todos_ = 0;
};

// A TEXT value escaped per RFC 5545 3.3.11.
std::string IcsEscapeText(std::string_view text);
// Appends one content line to `out`, folded at 75 octets on UTF-8 boundaries, with CRLF.
void AppendFoldedLine(std::string& out, std::string_view line);

}  // namespace notices::emit
