// RecordToJson / RecordToJsonLine. Tested by tests/emit/json_writer_test.cc and, against
// the JSON Schema, by tests/cli/schema_test.py.
#include "pipeline/emit/json_writer.h"

#include <cmath>

#include "pipeline/common/error.h"
#include "pipeline/common/utf8.h"

namespace notices::emit {

namespace {

using Json = nlohmann::ordered_json;

Json Span(const CodePointIndex& idx, const Range& r) {
  return Json::array({idx.ToCodePoint(r.begin), idx.ToCodePoint(r.end)});
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

Json Source(const SourceInfo& s) {
  Json j;
  j["path"] = s.path;
  j["sha256"] = s.sha256.empty() ? Json(nullptr) : Json(s.sha256);  // unread file
  j["format"] = s.format == SourceFormat::kPdf ? "pdf" : "text";
  j["encoding"] = s.encoding.empty() ? Json(nullptr) : Json(s.encoding);
  j["pages"] = s.pages ? Json(*s.pages) : Json(nullptr);
  j["bytes"] = s.bytes;
  if (!s.ocr.empty()) {
    Json pages = Json::array();
    for (const OcrPageInfo& p : s.ocr)
      pages.push_back({{"page", p.page},
                       {"reason", p.reason},
                       {"confidence", std::round(p.confidence * 10) / 10},
                       {"typed_words", p.typed_words}});
    j["ocr"] = std::move(pages);
  }
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
  if (t.box) {
    auto pt = [](double v) { return std::round(v * 10) / 10; };
    j["box"] = {{"page", t.box->page}, {"x", pt(t.box->x)}, {"y", pt(t.box->y)},
                {"width", pt(t.box->width)}, {"height", pt(t.box->height)}};
  }
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

std::string RecordToJsonLine(const Record& record, const JsonOptions& options) {
  return RecordToJson(record, options).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace notices::emit
