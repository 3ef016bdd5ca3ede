// RecordToJson (a DOM) and RecordToJsonLine (written directly, the same bytes as the
// DOM's dump). Tested by tests/emit/json_line_test.cc (line == dump) and, against the
// JSON Schema, by tests/cli/schema_test.py.
#include "pipeline/emit/json_writer.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "pipeline/common/error.h"
#include "pipeline/common/utf8.h"

namespace notices::emit {

namespace {

using Json = nlohmann::ordered_json;

Json Span(const CodePointIndex& idx, const Range& r) {
  return Json::array({idx.ToCodePoint(r.begin), idx.ToCodePoint(r.end)});
}

Json CellJson(const CodePointIndex& idx, const TaskCell& c) {
  Json cj;
  cj["column"] = c.column;
  cj["span"] = Span(idx, c.span);
  if (c.page) {
    cj["page"] = *c.page;
    auto tenth = [](double v) { return std::round(v * 10) / 10; };  // 0.1 pt is plenty
    cj["box"] = {tenth(c.x), tenth(c.y), tenth(c.width), tenth(c.height)};
  }
  return cj;
}

Json OptString(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json OptDate(const std::optional<PartialDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

Json Agencies(const CodePointIndex& idx, const std::vector<Agency>& list) {
  Json out = Json::array();
  for (const Agency& a : list) {
    Json j;
    j["name"] = a.name;
    j["text"] = a.text;
    j["collective"] = a.collective;
    j["known"] = a.known;
    j["span"] = Span(idx, a.span);
    out.push_back(std::move(j));
  }
  return out;
}

// Which pages were OCRed and why (ASCII only, with doubles: the line writer dumps this DOM).
Json OcrPagesJson(const SourceInfo& s) {
  Json pages = Json::array();
  for (const OcrPageInfo& p : s.ocr)
    pages.push_back({{"page", p.page},
                     {"reason", p.reason},
                     {"confidence", std::round(p.confidence * 10) / 10},
                     {"typed_words", p.typed_words}});
  return pages;
}

Json BoxJson(const PageBox& b) {
  auto pt = [](double v) { return std::round(v * 10) / 10; };
  return {{"page", b.page}, {"x", pt(b.x)}, {"y", pt(b.y)}, {"width", pt(b.width)}, {"height", pt(b.height)}};
}

Json Source(const SourceInfo& s) {
  Json j;
  j["path"] = s.path;
  j["sha256"] = s.sha256.empty() ? Json(nullptr) : Json(s.sha256);  // unread file
  j["format"] = s.format == SourceFormat::kPdf ? "pdf" : "text";
  j["encoding"] = s.encoding.empty() ? Json(nullptr) : Json(s.encoding);
  j["pages"] = s.pages ? Json(*s.pages) : Json(nullptr);
  j["bytes"] = s.bytes;
  if (!s.ocr.empty()) j["ocr"] = OcrPagesJson(s);
  return j;
}

Json Document(const DocumentInfo& d) {
  Json j;
  j["type"] = OptString(d.type);
  j["number"] = OptString(d.number);
  j["issuer"] = OptString(d.issuer);
  j["place"] = OptString(d.place);
  j["date"] = OptDate(d.date);
  j["subject"] = OptString(d.subject);
  if (d.meeting) {
    j["meeting"] = {{"date", OptDate(d.meeting->date)}, {"chair", OptString(d.meeting->chair)}};
  } else {
    j["meeting"] = nullptr;
  }
  if (d.signer) {
    j["signer"] = {{"name", d.signer->name.empty() ? Json(nullptr) : Json(d.signer->name)},
                   {"title", d.signer->title}};
  } else {
    j["signer"] = nullptr;
  }
  j["recipients"] = d.recipients;
  return j;
}

Json Task(const CodePointIndex& idx, const notices::Task& t) {
  Json j;
  j["id"] = t.id;
  j["section"] = OptString(t.section);
  j["text"] = t.text;
  j["span"] = Span(idx, t.span);
  j["page"] = t.page ? Json(*t.page) : Json(nullptr);
  if (t.box) j["box"] = BoxJson(*t.box);
  j["lead"] = Agencies(idx, t.lead);
  j["coordinate"] = Agencies(idx, t.coordinate);
  j["requested"] = Agencies(idx, t.requested);
  j["report_to"] = Agencies(idx, t.report_to);
  if (t.deadline) {
    const Deadline& d = *t.deadline;
    Json dj;
    dj["text"] = d.text;
    dj["due"] = OptDate(d.due);
    dj["before"] = d.before;
    dj["kind"] = DeadlineKindName(d.kind);
    dj["recurrence"] = d.recurrence == Recurrence::kNone ? Json(nullptr) : Json(RecurrenceName(d.recurrence));
    dj["span"] = Span(idx, d.span);
    j["deadline"] = std::move(dj);
  } else {
    j["deadline"] = nullptr;
  }
  if (t.product) j["product"] = *t.product;
  if (!t.cells.empty()) {
    Json cells = Json::array();
    for (const TaskCell& c : t.cells) cells.push_back(CellJson(idx, c));
    j["cells"] = std::move(cells);
  }
  if (!t.extra_spans.empty()) {
    Json also = Json::array();
    for (const Range& r : t.extra_spans) also.push_back(Span(idx, r));
    j["also_at"] = std::move(also);
  }
  j["warnings"] = t.warnings;
  return j;
}

}  // namespace

nlohmann::ordered_json RecordToJson(const Record& record, const JsonOptions& options) {
  Json j;
  j["schema"] = "notices/1";
  j["source"] = Source(record.source);
  if (record.error) {
    Json e;
    e["code"] = ErrorCodeName(record.error->code);
    e["message"] = record.error->message;
    if (!record.error->detail.empty()) e["detail"] = record.error->detail;
    j["error"] = std::move(e);
    if (!record.warnings.empty()) j["warnings"] = record.warnings;
    return j;
  }
  CodePointIndex idx(record.text);
  j["document"] = Document(record.document);
  Json refs = Json::array();
  for (const Reference& r : record.references) {
    Json rj;
    rj["kind"] = r.kind;
    rj["number"] = r.number;
    rj["date"] = OptDate(r.date);
    rj["span"] = Span(idx, r.span);
    refs.push_back(std::move(rj));
  }
  j["references"] = std::move(refs);
  Json tasks = Json::array();
  for (const notices::Task& t : record.tasks) tasks.push_back(Task(idx, t));
  j["tasks"] = std::move(tasks);
  j["warnings"] = record.warnings;
  if (options.with_text) j["text"] = record.text;
  return j;
}

namespace {

// Writes the same bytes as RecordToJson(...).dump(-1, ' ', false, replace), without
// building the DOM: one string grows, nothing else is allocated per value.
class LineWriter {
 public:
  explicit LineWriter(std::string& out) : out_(out) {}

  void Raw(std::string_view s) { out_ += s; }
  // `"key":`, preceded by a comma unless it opens the object.
  void Key(std::string_view key, bool first = false) {
    if (!first) out_ += ',';
    out_ += '"';
    out_ += key;  // keys are ASCII literals of this file
    out_ += "\":";
  }
  void Null() { out_ += "null"; }
  void Bool(bool b) { out_ += b ? "true" : "false"; }
  void Uint(uint64_t v) {
    char buf[24];
    char* end = buf + sizeof buf;
    char* p = end;
    do {
      *--p = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    out_.append(p, static_cast<size_t>(end - p));
  }
  void Int(int64_t v) {
    if (v < 0) {
      out_ += '-';
      Uint(static_cast<uint64_t>(0) - static_cast<uint64_t>(v));
    } else {
      Uint(static_cast<uint64_t>(v));
    }
  }
  void String(std::string_view s) {
    // The JSON library decides what invalid UTF-8 becomes; valid text is escaped here.
    if (!IsValidUtf8(s)) {
      out_ += nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false,
                                                           nlohmann::json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < s.size(); ++i) {
      // Eight bytes at a time while none needs escaping (the usual case).
      while (i + 8 <= s.size() && !NeedsEscape8(s.data() + i)) i += 8;
      if (i >= s.size()) break;
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out_.append(esc, sizeof esc);
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }
  void OptString(const std::optional<std::string>& s) { s ? String(*s) : Null(); }
  void OptDate(const std::optional<PartialDate>& d) { d ? String(d->ToString()) : Null(); }
  void Strings(const std::vector<std::string>& list) {
    out_ += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i != 0) out_ += ',';
      String(list[i]);
    }
    out_ += ']';
  }

 private:
  // Whether one of p[0, 8) is a control character, '"' or '\\' (SWAR: a byte below n
  // sets bit 7 of (x - n) & ~x, for n <= 128).
  static bool NeedsEscape8(const char* p) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    uint64_t w;
    std::memcpy(&w, p, 8);
    auto below = [&](uint64_t x, uint64_t n) { return (x - kOnes * n) & ~x & kHigh; };
    return (below(w, 0x20) | below(w ^ (kOnes * '"'), 1) | below(w ^ (kOnes * '\\'), 1)) != 0;
  }

  static bool IsValidUtf8(std::string_view s) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        ++i;
        continue;
      }
      char32_t cp = 0;
      size_t len = 0;
      if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
      else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
      else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
      else return false;
      if (i + len > n) return false;
      for (size_t k = 1; k < len; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (cc & 0x3F);
      }
      // Overlong forms, surrogates and code points past U+10FFFF are invalid.
      if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
          (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
      i += len;
    }
    return true;
  }

  std::string& out_;
};

void WriteSpan(LineWriter& w, const CodePointIndex& idx, const Range& r) {
  w.Raw("[");
  w.Uint(idx.ToCodePoint(r.begin));
  w.Raw(",");
  w.Uint(idx.ToCodePoint(r.end));
  w.Raw("]");
}

void WriteAgencies(LineWriter& w, const CodePointIndex& idx, const std::vector<Agency>& list) {
  w.Raw("[");
  for (size_t i = 0; i < list.size(); ++i) {
    const Agency& a = list[i];
    if (i != 0) w.Raw(",");
    w.Raw("{");
    w.Key("name", true);
    w.String(a.name);
    w.Key("text");
    w.String(a.text);
    w.Key("collective");
    w.Bool(a.collective);
    w.Key("known");
    w.Bool(a.known);
    w.Key("span");
    WriteSpan(w, idx, a.span);
    w.Raw("}");
  }
  w.Raw("]");
}

void WriteSource(LineWriter& w, const SourceInfo& s) {
  w.Raw("{");
  w.Key("path", true);
  w.String(s.path);
  w.Key("sha256");
  s.sha256.empty() ? w.Null() : w.String(s.sha256);
  w.Key("format");
  w.String(s.format == SourceFormat::kPdf ? "pdf" : "text");
  w.Key("encoding");
  s.encoding.empty() ? w.Null() : w.String(s.encoding);
  w.Key("pages");
  s.pages ? w.Int(*s.pages) : w.Null();
  w.Key("bytes");
  w.Uint(s.bytes);
  if (!s.ocr.empty()) {
    w.Key("ocr");
    w.Raw(OcrPagesJson(s).dump());
  }
  w.Raw("}");
}

void WriteDocument(LineWriter& w, const DocumentInfo& d) {
  w.Raw("{");
  w.Key("type", true);
  w.OptString(d.type);
  w.Key("number");
  w.OptString(d.number);
  w.Key("issuer");
  w.OptString(d.issuer);
  w.Key("place");
  w.OptString(d.place);
  w.Key("date");
  w.OptDate(d.date);
  w.Key("subject");
  w.OptString(d.subject);
  w.Key("meeting");
  if (d.meeting) {
    w.Raw("{");
    w.Key("date", true);
    w.OptDate(d.meeting->date);
    w.Key("chair");
    w.OptString(d.meeting->chair);
    w.Raw("}");
  } else {
    w.Null();
  }
  w.Key("signer");
  if (d.signer) {
    w.Raw("{");
    w.Key("name", true);
    d.signer->name.empty() ? w.Null() : w.String(d.signer->name);
    w.Key("title");
    w.String(d.signer->title);
    w.Raw("}");
  } else {
    w.Null();
  }
  w.Key("recipients");
  w.Strings(d.recipients);
  w.Raw("}");
}

void WriteTask(LineWriter& w, const CodePointIndex& idx, const notices::Task& t) {
  w.Raw("{");
  w.Key("id", true);
  w.String(t.id);
  w.Key("section");
  w.OptString(t.section);
  w.Key("text");
  w.String(t.text);
  w.Key("span");
  WriteSpan(w, idx, t.span);
  w.Key("page");
  t.page ? w.Int(*t.page) : w.Null();
  if (t.box) {
    w.Key("box");
    w.Raw(BoxJson(*t.box).dump());
  }
  w.Key("lead");
  WriteAgencies(w, idx, t.lead);
  w.Key("coordinate");
  WriteAgencies(w, idx, t.coordinate);
  w.Key("requested");
  WriteAgencies(w, idx, t.requested);
  w.Key("report_to");
  WriteAgencies(w, idx, t.report_to);
  w.Key("deadline");
  if (t.deadline) {
    const Deadline& d = *t.deadline;
    w.Raw("{");
    w.Key("text", true);
    w.String(d.text);
    w.Key("due");
    w.OptDate(d.due);
    w.Key("before");
    w.Bool(d.before);
    w.Key("kind");
    w.String(DeadlineKindName(d.kind));
    w.Key("recurrence");
    d.recurrence == Recurrence::kNone ? w.Null() : w.String(RecurrenceName(d.recurrence));
    w.Key("span");
    WriteSpan(w, idx, d.span);
    w.Raw("}");
  } else {
    w.Null();
  }
  if (t.product) {
    w.Key("product");
    w.String(*t.product);
  }
  if (!t.cells.empty()) {
    // Cells are rare and hold doubles: the DOM writes them, so both paths agree.
    w.Key("cells");
    w.Raw("[");
    for (size_t i = 0; i < t.cells.size(); ++i) {
      if (i != 0) w.Raw(",");
      w.Raw(CellJson(idx, t.cells[i]).dump());
    }
    w.Raw("]");
  }
  if (!t.extra_spans.empty()) {
    w.Key("also_at");
    w.Raw("[");
    for (size_t i = 0; i < t.extra_spans.size(); ++i) {
      if (i != 0) w.Raw(",");
      WriteSpan(w, idx, t.extra_spans[i]);
    }
    w.Raw("]");
  }
  w.Key("warnings");
  w.Strings(t.warnings);
  w.Raw("}");
}

}  // namespace

std::string RecordToJsonLine(const Record& record, const JsonOptions& options) {
  std::string out;
  out.reserve(4096 + record.text.size() / 2 + (options.with_text ? record.text.size() + 64 : 0));
  LineWriter w(out);
  w.Raw("{");
  w.Key("schema", true);
  w.String("notices/1");
  w.Key("source");
  WriteSource(w, record.source);
  if (record.error) {
    w.Key("error");
    w.Raw("{");
    w.Key("code", true);
    w.String(ErrorCodeName(record.error->code));
    w.Key("message");
    w.String(record.error->message);
    if (!record.error->detail.empty()) {
      w.Key("detail");
      w.String(record.error->detail);
    }
    w.Raw("}");
    if (!record.warnings.empty()) {
      w.Key("warnings");
      w.Strings(record.warnings);
    }
    w.Raw("}");
    return out;
  }
  CodePointIndex idx(record.text);
  w.Key("document");
  WriteDocument(w, record.document);
  w.Key("references");
  w.Raw("[");
  for (size_t i = 0; i < record.references.size(); ++i) {
    const Reference& r = record.references[i];
    if (i != 0) w.Raw(",");
    w.Raw("{");
    w.Key("kind", true);
    w.String(r.kind);
    w.Key("number");
    w.String(r.number);
    w.Key("date");
    w.OptDate(r.date);
    w.Key("span");
    WriteSpan(w, idx, r.span);
    w.Raw("}");
  }
  w.Raw("]");
  w.Key("tasks");
  w.Raw("[");
  for (size_t i = 0; i < record.tasks.size(); ++i) {
    if (i != 0) w.Raw(",");
    WriteTask(w, idx, record.tasks[i]);
  }
  w.Raw("]");
  w.Key("warnings");
  w.Strings(record.warnings);
  if (options.with_text) {
    w.Key("text");
    w.String(record.text);
  }
  w.Raw("}");
  return out;
}

}  // namespace notices::emit
