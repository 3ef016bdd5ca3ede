// RecordFromJson / RecordFromJsonLine and SpanIndex. Tested by
// tests/emit/json_reader_test.cc (round trips through json_writer).
#include "pipeline/emit/json_reader.h"

#include <charconv>
#include <string>
#include <vector>

namespace notices::emit {

namespace {

using Json = nlohmann::json;

// Thrown inside this file only, caught in RecordFromJson: the path of the bad field.
struct BadField {
  std::string message;
};

[[noreturn]] void Fail(std::string_view where, std::string_view what) {
  throw BadField{std::string(where) + ": " + std::string(what)};
}

const Json& Field(const Json& obj, const char* key, std::string_view where) {
  auto it = obj.find(key);
  if (it == obj.end()) Fail(where, std::string("missing \"") + key + "\"");
  return *it;
}

std::string Str(const Json& j, std::string_view where) {
  if (!j.is_string()) Fail(where, "expected a string");
  return j.get<std::string>();
}

std::optional<std::string> OptStr(const Json& obj, const char* key, std::string_view where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return Str(*it, std::string(where) + "." + key);
}

bool Bool(const Json& j, std::string_view where) {
  if (!j.is_boolean()) Fail(where, "expected true or false");
  return j.get<bool>();
}

int64_t Int(const Json& j, std::string_view where) {
  if (!j.is_number_integer()) Fail(where, "expected an integer");
  return j.get<int64_t>();
}

std::optional<int> OptInt(const Json& obj, const char* key, std::string_view where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return static_cast<int>(Int(*it, std::string(where) + "." + key));
}

std::vector<std::string> StrList(const Json& obj, const char* key, std::string_view where,
                                 bool required) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Fail(where, std::string("missing \"") + key + "\"");
    return out;
  }
  if (!it->is_array()) Fail(std::string(where) + "." + key, "expected an array");
  out.reserve(it->size());
  for (const Json& s : *it) out.push_back(Str(s, std::string(where) + "." + key));
  return out;
}

int ParseDigits(std::string_view s, std::string_view where) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) Fail(where, "not a date");
  return v;
}

// "2026", "2026-05", "2026-05-26".
PartialDate ParseDate(const std::string& s, std::string_view where) {
  PartialDate d;
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) Fail(where, "not a date: " + s);
  d.year = ParseDigits(std::string_view(s).substr(0, 4), where);
  if (s.size() >= 7) {
    if (s[4] != '-') Fail(where, "not a date: " + s);
    d.month = ParseDigits(std::string_view(s).substr(5, 2), where);
  }
  if (s.size() == 10) {
    if (s[7] != '-') Fail(where, "not a date: " + s);
    d.day = ParseDigits(std::string_view(s).substr(8, 2), where);
  }
  if (d.month > 12 || d.day > 31 || (s.size() >= 7 && d.month == 0) || (s.size() == 10 && d.day == 0))
    Fail(where, "not a date: " + s);
  return d;
}

std::optional<PartialDate> OptDate(const Json& obj, const char* key, std::string_view where) {
  std::optional<std::string> s = OptStr(obj, key, where);
  if (!s) return std::nullopt;
  return ParseDate(*s, std::string(where) + "." + key);
}

// Code point offsets -> byte offsets of one text. Without a text, the identity (see the
// header: spans of a record without text stay in code points).
class ByteIndex {
 public:
  explicit ByteIndex(const std::string* text) : has_text_(text != nullptr) {
    if (!text) return;
    starts_.reserve(text->size() + 1);
    for (size_t i = 0; i < text->size(); ++i) {
      if ((static_cast<unsigned char>((*text)[i]) & 0xC0) != 0x80) starts_.push_back(i);
    }
    starts_.push_back(text->size());
  }

  Range Span(const Json& j, std::string_view where) const {
    if (!j.is_array() || j.size() != 2) Fail(where, "expected a span [begin, end]");
    int64_t b = Int(j[0], where), e = Int(j[1], where);
    if (b < 0 || e < b) Fail(where, "span out of order");
    if (!has_text_) return Range{static_cast<size_t>(b), static_cast<size_t>(e)};
    if (static_cast<size_t>(e) >= starts_.size()) Fail(where, "span past the end of the text");
    return Range{starts_[static_cast<size_t>(b)], starts_[static_cast<size_t>(e)]};
  }

 private:
  bool has_text_;
  std::vector<size_t> starts_;  // byte offset of each code point, then the text size
};

std::vector<Agency> Agencies(const Json& task, const char* key, const ByteIndex& idx,
                             const std::string& where) {
  const std::string here = where + "." + key;
  const Json& list = Field(task, key, where);
  if (!list.is_array()) Fail(here, "expected an array");
  std::vector<Agency> out;
  out.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& a = list[i];
    const std::string at = here + "[" + std::to_string(i) + "]";
    if (!a.is_object()) Fail(at, "expected an object");
    Agency ag;
    ag.name = Str(Field(a, "name", at), at + ".name");
    ag.text = Str(Field(a, "text", at), at + ".text");
    ag.collective = Bool(Field(a, "collective", at), at + ".collective");
    auto known = a.find("known");
    if (known != a.end()) ag.known = Bool(*known, at + ".known");
    ag.span = idx.Span(Field(a, "span", at), at + ".span");
    out.push_back(std::move(ag));
  }
  return out;
}

std::optional<DeadlineKind> KindByName(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(DeadlineKind::kOngoing); ++k) {
    if (DeadlineKindName(static_cast<DeadlineKind>(k)) == name) return static_cast<DeadlineKind>(k);
  }
  return std::nullopt;
}

std::optional<Recurrence> RecurrenceByName(std::string_view name) {
  for (int k = 1; k <= static_cast<int>(Recurrence::kYearly); ++k) {
    if (RecurrenceName(static_cast<Recurrence>(k)) == name) return static_cast<Recurrence>(k);
  }
  return std::nullopt;
}

std::optional<ErrorCode> ErrorCodeByName(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(ErrorCode::kInternal); ++k) {
    if (ErrorCodeName(static_cast<ErrorCode>(k)) == name) return static_cast<ErrorCode>(k);
  }
  return std::nullopt;
}

Deadline ParseDeadline(const Json& d, const ByteIndex& idx, const std::string& at) {
  if (!d.is_object()) Fail(at, "expected an object or null");
  Deadline out;
  out.text = Str(Field(d, "text", at), at + ".text");
  out.due = OptDate(d, "due", at);
  if (out.due && !out.due->has_day()) Fail(at + ".due", "expected a full date");
  out.before = Bool(Field(d, "before", at), at + ".before");
  std::string kind = Str(Field(d, "kind", at), at + ".kind");
  std::optional<DeadlineKind> k = KindByName(kind);
  if (!k) Fail(at + ".kind", "unknown deadline kind: " + kind);
  out.kind = *k;
  std::optional<std::string> rec = OptStr(d, "recurrence", at);
  if (rec) {
    std::optional<Recurrence> r = RecurrenceByName(*rec);
    if (!r) Fail(at + ".recurrence", "unknown recurrence: " + *rec);
    out.recurrence = *r;
  }
  out.span = idx.Span(Field(d, "span", at), at + ".span");
  return out;
}

Task ParseTask(const Json& t, const ByteIndex& idx, const std::string& at) {
  if (!t.is_object()) Fail(at, "expected an object");
  Task out;
  out.id = Str(Field(t, "id", at), at + ".id");
  out.section = OptStr(t, "section", at);
  out.text = Str(Field(t, "text", at), at + ".text");
  out.span = idx.Span(Field(t, "span", at), at + ".span");
  out.page = OptInt(t, "page", at);
  out.lead = Agencies(t, "lead", idx, at);
  out.coordinate = Agencies(t, "coordinate", idx, at);
  out.requested = Agencies(t, "requested", idx, at);
  out.report_to = Agencies(t, "report_to", idx, at);
  const Json& dl = Field(t, "deadline", at);
  if (!dl.is_null()) out.deadline = ParseDeadline(dl, idx, at + ".deadline");
  out.product = OptStr(t, "product", at);
  auto also = t.find("also_at");
  if (also != t.end()) {
    if (!also->is_array()) Fail(at + ".also_at", "expected an array");
    for (const Json& s : *also) out.extra_spans.push_back(idx.Span(s, at + ".also_at"));
  }
  out.warnings = StrList(t, "warnings", at, true);
  return out;
}

SourceInfo ParseSource(const Json& s) {
  const std::string at = "source";
  if (!s.is_object()) Fail(at, "expected an object");
  SourceInfo out;
  out.path = Str(Field(s, "path", at), "source.path");
  Field(s, "sha256", at);
  out.sha256 = OptStr(s, "sha256", at).value_or("");  // null: a file that could not be read
  std::string format = Str(Field(s, "format", at), "source.format");
  if (format == "pdf") {
    out.format = SourceFormat::kPdf;
  } else if (format == "text") {
    out.format = SourceFormat::kText;
  } else {
    Fail("source.format", "unknown format: " + format);
  }
  out.encoding = OptStr(s, "encoding", at).value_or("");
  out.pages = OptInt(s, "pages", at);
  auto bytes = s.find("bytes");
  if (bytes != s.end()) {
    int64_t b = Int(*bytes, "source.bytes");
    if (b < 0) Fail("source.bytes", "negative");
    out.bytes = static_cast<uint64_t>(b);
  }
  return out;
}

DocumentInfo ParseDocument(const Json& d) {
  const std::string at = "document";
  if (!d.is_object()) Fail(at, "expected an object");
  DocumentInfo out;
  out.type = OptStr(d, "type", at);
  out.number = OptStr(d, "number", at);
  out.issuer = OptStr(d, "issuer", at);
  out.place = OptStr(d, "place", at);
  out.date = OptDate(d, "date", at);
  out.subject = OptStr(d, "subject", at);
  auto meeting = d.find("meeting");
  if (meeting != d.end() && !meeting->is_null()) {
    if (!meeting->is_object()) Fail("document.meeting", "expected an object or null");
    Meeting m;
    m.date = OptDate(*meeting, "date", "document.meeting");
    m.chair = OptStr(*meeting, "chair", "document.meeting");
    out.meeting = std::move(m);
  }
  auto signer = d.find("signer");
  if (signer != d.end() && !signer->is_null()) {
    if (!signer->is_object()) Fail("document.signer", "expected an object or null");
    Person p;
    Field(*signer, "name", "document.signer");
    p.name = OptStr(*signer, "name", "document.signer").value_or("");  // null: unsigned
    p.title = Str(Field(*signer, "title", "document.signer"), "document.signer.title");
    out.signer = std::move(p);
  }
  out.recipients = StrList(d, "recipients", at, true);
  return out;
}

Record Parse(const Json& j) {
  if (!j.is_object()) Fail("record", "expected a JSON object");
  auto schema = j.find("schema");
  if (schema == j.end() || !schema->is_string() || schema->get<std::string>() != "notices/1")
    Fail("schema", "expected \"notices/1\"");
  Record r;
  r.source = ParseSource(Field(j, "source", "record"));
  auto error = j.find("error");
  if (error != j.end()) {
    if (!error->is_object()) Fail("error", "expected an object");
    std::string code = Str(Field(*error, "code", "error"), "error.code");
    std::optional<ErrorCode> c = ErrorCodeByName(code);
    if (!c) Fail("error.code", "unknown error code: " + code);
    Error e(*c, Str(Field(*error, "message", "error"), "error.message"));
    auto detail = error->find("detail");
    if (detail != error->end()) e.detail = Str(*detail, "error.detail");
    r.error = std::move(e);
    r.warnings = StrList(j, "warnings", "record", false);
    return r;
  }
  auto text = j.find("text");
  if (text != j.end()) r.text = Str(*text, "text");
  ByteIndex idx(text != j.end() ? &r.text : nullptr);
  r.document = ParseDocument(Field(j, "document", "record"));
  const Json& refs = Field(j, "references", "record");
  if (!refs.is_array()) Fail("references", "expected an array");
  for (size_t i = 0; i < refs.size(); ++i) {
    const std::string at = "references[" + std::to_string(i) + "]";
    const Json& rj = refs[i];
    if (!rj.is_object()) Fail(at, "expected an object");
    Reference ref;
    ref.kind = Str(Field(rj, "kind", at), at + ".kind");
    ref.number = Str(Field(rj, "number", at), at + ".number");
    ref.date = OptDate(rj, "date", at);
    ref.span = idx.Span(Field(rj, "span", at), at + ".span");
    r.references.push_back(std::move(ref));
  }
  const Json& tasks = Field(j, "tasks", "record");
  if (!tasks.is_array()) Fail("tasks", "expected an array");
  r.tasks.reserve(tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i)
    r.tasks.push_back(ParseTask(tasks[i], idx, "tasks[" + std::to_string(i) + "]"));
  r.warnings = StrList(j, "warnings", "record", true);
  return r;
}

}  // namespace

Result<Record> RecordFromJson(const nlohmann::json& json) {
  try {
    return Parse(json);
  } catch (const BadField& bad) {
    return Error(ErrorCode::kUsage, "not a notices/1 record: " + bad.message);
  } catch (const nlohmann::json::exception& e) {
    return Error(ErrorCode::kUsage, "not a notices/1 record", e.what());
  }
}

Result<Record> RecordFromJsonLine(std::string_view line) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    std::string head(line.substr(0, 60));
    return Error(ErrorCode::kUsage, "not a notices/1 record: invalid JSON", head);
  }
  return RecordFromJson(j);
}

SpanIndex::SpanIndex(const Record& record)
    : identity_(record.text.empty()), index_(record.text) {}

CodePointSpan SpanIndex::operator()(const Range& r) const {
  if (identity_) return {r.begin, r.end};
  return {index_.ToCodePoint(r.begin), index_.ToCodePoint(r.end)};
}

}  // namespace notices::emit
