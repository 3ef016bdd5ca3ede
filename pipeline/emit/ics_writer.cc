// IcsWriter, IcsEscapeText, AppendFoldedLine. Tested by tests/emit/ics_writer_test.cc,
// whose output is parsed back by python3-icalendar in tests/emit/check_ics.py.
#include "pipeline/emit/ics_writer.h"

#include <cstdio>
#include <vector>

#include "pipeline/common/utf8.h"

namespace notices::emit {

namespace {

constexpr size_t kMaxOctets = 75;

std::string JoinNames(const std::vector<Agency>& list, std::string_view sep) {
  std::string out;
  for (const Agency& a : list) {
    if (!out.empty()) out += sep;
    out += a.name;
  }
  return out;
}

// YYYYMMDD of a full day.
std::string Compact(const PartialDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.has_month() ? d.month : 1,
                d.has_day() ? d.day : 1);
  return buf;
}

// The first `max_chars` code points of `text`, cut after the last space when there is
// one in the second half, with an ellipsis when anything was cut.
std::string Shorten(std::string_view text, size_t max_chars) {
  size_t i = 0, chars = 0, last_space = std::string_view::npos;
  while (i < text.size() && chars < max_chars) {
    if (text[i] == ' ') last_space = i;
    i += Utf8SequenceLength(static_cast<unsigned char>(text[i]));
    ++chars;
  }
  if (i >= text.size()) return std::string(text);
  size_t cut = i;
  if (last_space != std::string_view::npos && last_space > i / 2) cut = last_space;
  std::string out(text.substr(0, cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';')) out.pop_back();
  out += "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
  return out;
}

std::string_view RRule(Recurrence r) {
  switch (r) {
    case Recurrence::kNone: return "";
    case Recurrence::kDaily: return "FREQ=DAILY";
    case Recurrence::kWeekly: return "FREQ=WEEKLY";
    case Recurrence::kMonthly: return "FREQ=MONTHLY";
    case Recurrence::kQuarterly: return "FREQ=MONTHLY;INTERVAL=3";
    case Recurrence::kHalfYearly: return "FREQ=MONTHLY;INTERVAL=6";
    case Recurrence::kYearly: return "FREQ=YEARLY";
  }
  return "";
}

}  // namespace

std::string IcsEscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        if (i + 1 >= text.size() || text[i + 1] != '\n') out += "\\n";  // a lone CR ends a line too
        break;
      case '\t': out += c; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) break;  // CONTROL is not TEXT
        out += c;
    }
  }
  return out;
}

void AppendFoldedLine(std::string& out, std::string_view line) {
  size_t pos = 0;
  size_t room = kMaxOctets;
  while (line.size() - pos > room) {
    size_t cut = pos + room;
    // Back up to the start of the sequence the cut falls into.
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + room;  // not UTF-8 at all: cut anyway rather than loop
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    room = kMaxOctets - 1;  // the leading space counts
  }
  out.append(line.substr(pos));
  out += "\r\n";
}

IcsWriter::IcsWriter(std::ostream& out, const IcsOptions& options) : out_(out), options_(options) {}

void IcsWriter::Line(std::string_view content) { AppendFoldedLine(buf_, content); }

void IcsWriter::Begin() {
  Line("BEGIN:VCALENDAR");
  Line("VERSION:2.0");
  Line(std::string("PRODID:-//notices//notices ") + NOTICES_VERSION + "//EN");
  Line("CALSCALE:GREGORIAN");
  if (!options_.calendar_name.empty()) Line("X-WR-CALNAME:" + IcsEscapeText(options_.calendar_name));
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

void IcsWriter::Write(const Record& record) {
  if (record.error) return;
  std::string dtstamp = options_.dtstamp;
  if (dtstamp.empty()) {
    dtstamp = record.document.date ? Compact(*record.document.date) + "T000000Z" : "19700101T000000Z";
  }
  const IcsLabels& l = options_.labels;
  std::string doc;
  if (record.document.number) doc = *record.document.number;
  if (record.document.date) doc += (doc.empty() ? "" : ", ") + record.document.date->ToString();
  for (const Task& t : record.tasks) {
    if (!t.deadline || !t.deadline->due) continue;
    const Deadline& d = *t.deadline;
    const std::string due = Compact(*d.due);
    std::string leads = JoinNames(t.lead, ", ");
    std::string summary = Shorten(t.text, options_.summary_chars);
    if (!leads.empty()) summary = leads + ": " + summary;

    std::string desc = t.text;
    desc += "\n";
    auto role = [&](const std::string& label, const std::vector<Agency>& list) {
      if (!list.empty()) desc += "\n" + label + ": " + JoinNames(list, "; ");
    };
    role(l.lead, t.lead);
    role(l.coordinate, t.coordinate);
    role(l.requested, t.requested);
    role(l.report_to, t.report_to);
    desc += "\n" + l.deadline + ": " + d.text;
    if (!doc.empty()) desc += "\n" + l.document + ": " + doc;
    desc += "\n" + l.source + ": " + record.source.path;
    if (t.page) desc += ", " + l.page + " " + std::to_string(*t.page);
    desc += "\n" + l.task + ": " + t.id;

    Line("BEGIN:VTODO");
    Line("UID:" + t.id + "@" + options_.uid_domain);
    Line("DTSTAMP:" + dtstamp);
    std::string_view rrule = RRule(d.recurrence);
    if (!rrule.empty()) Line("DTSTART;VALUE=DATE:" + due);
    Line("DUE;VALUE=DATE:" + due);
    if (!rrule.empty()) Line("RRULE:" + std::string(rrule));
    Line("SUMMARY:" + IcsEscapeText(summary));
    Line("DESCRIPTION:" + IcsEscapeText(desc));
    if (!t.lead.empty()) {
      std::string cats = "CATEGORIES:";
      for (size_t i = 0; i < t.lead.size(); ++i) {
        if (i) cats += ',';
        cats += IcsEscapeText(t.lead[i].name);
      }
      Line(cats);
    }
    Line("STATUS:NEEDS-ACTION");
    Line("END:VTODO");
    ++todos_;
  }
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

void IcsWriter::Finish() {
  Line("END:VCALENDAR");
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
  out_.flush();
}

}  // namespace notices::emit
