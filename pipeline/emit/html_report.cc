// RenderHtmlDocument, HtmlReportWriter, ScriptSafeJson, Utf16Offsets. Tested by
// tests/audit/html_report_test.cc (escaping, offsets, blocks) and, in a real browser, by
// tests/audit/browser_test.py.
#include "pipeline/emit/html_report.h"

#include <filesystem>
#include <set>

#include "pipeline/common/sha256.h"
#include "pipeline/common/utf8.h"
#include "pipeline/eval/gold_writer.h"

namespace notices::emit {

// Generated from html_report_template.html by cmake/EmbedTemplates.cmake.
std::string_view HtmlReportTemplate();

namespace {

using Json = nlohmann::ordered_json;

// Where the template takes the document blocks and the batch index.
constexpr std::string_view kDocumentsMark = "<!--@DOCUMENTS@-->";
constexpr std::string_view kIndexMark = "<!--@INDEX@-->";
// In the Content-Security-Policy: replaced by the hash of the page's script.
constexpr std::string_view kHashMark = "@SCRIPT_HASH@";

// "sha256-<base64>" of the template's one executable <script> (after the index mark),
// as a CSP source; empty when the template has no such script.
std::string ScriptHashSource(std::string_view page, size_t after) {
  constexpr std::string_view kOpen = "<script>", kClose = "</script>";
  size_t open = page.find(kOpen, after);
  if (open == std::string_view::npos) return "";
  size_t begin = open + kOpen.size(), end = page.find(kClose, begin);
  if (end == std::string_view::npos) return "";
  std::string hex = Sha256Hex(page.substr(begin, end - begin));
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes.push_back(static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
  static const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "sha256-";
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kBase64[n & 63] : '=';
  }
  return out;
}

Json OptString(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json OptDate(const std::optional<PartialDate>& d) { return d ? Json(d->ToString()) : Json(nullptr); }

struct Spans {
  const std::vector<uint32_t>& at;  // byte offset -> UTF-16 offset
  void Put(Json& j, const Range& r) const {
    size_t b = std::min(r.begin, at.size() - 1), e = std::min(r.end, at.size() - 1);
    j["s"] = at[b];
    j["e"] = at[std::max(b, e)];
  }
};

Json Agencies(const Spans& spans, const std::vector<Agency>& list) {
  Json out = Json::array();
  for (const Agency& a : list) {
    Json j;
    j["name"] = a.name;
    j["text"] = a.text;
    j["known"] = a.known;
    j["collective"] = a.collective;
    spans.Put(j, a.span);
    out.push_back(std::move(j));
  }
  return out;
}

Json TaskJson(const Spans& spans, const Task& t, const eval::AnchorChooser& anchors) {
  Json j;
  j["id"] = t.id;
  j["section"] = OptString(t.section);
  j["page"] = t.page ? Json(*t.page) : Json(nullptr);
  spans.Put(j, t.span);
  if (!t.extra_spans.empty()) {
    Json also = Json::array();
    for (const Range& r : t.extra_spans) {
      Json a;
      spans.Put(a, r);
      also.push_back(std::move(a));
    }
    j["also"] = std::move(also);
  }
  j["lead"] = Agencies(spans, t.lead);
  j["coordinate"] = Agencies(spans, t.coordinate);
  j["requested"] = Agencies(spans, t.requested);
  j["report_to"] = Agencies(spans, t.report_to);
  if (t.deadline) {
    const Deadline& d = *t.deadline;
    Json dj;
    dj["text"] = d.text;
    dj["due"] = OptDate(d.due);
    dj["before"] = d.before;
    dj["kind"] = DeadlineKindName(d.kind);
    dj["recurrence"] = d.recurrence == Recurrence::kNone ? Json(nullptr) : Json(RecurrenceName(d.recurrence));
    spans.Put(dj, d.span);
    j["deadline"] = std::move(dj);
  } else {
    j["deadline"] = nullptr;
  }
  if (t.product) j["product"] = *t.product;
  j["warnings"] = t.warnings;
  // The gold draft the page starts corrections from.
  j["gold"] = eval::GoldTaskToJson(eval::GoldFromTask(t, anchors));
  return j;
}

// The per-task facets the filters and the summary read without opening documents.
Json TaskFacets(const Task& t) {
  std::set<std::string> lead, other;
  for (const Agency& a : t.lead) lead.insert(a.name);
  for (const auto* list : {&t.coordinate, &t.requested})
    for (const Agency& a : *list)
      if (!lead.count(a.name)) other.insert(a.name);
  bool unknown = false;
  for (const auto* list : {&t.lead, &t.coordinate, &t.requested, &t.report_to})
    for (const Agency& a : *list) unknown |= !a.known;
  Json f;
  f["l"] = lead;
  f["o"] = other;
  std::string month;
  if (t.deadline && t.deadline->due) month = t.deadline->due->ToString().substr(0, 7);
  f["m"] = month;
  f["w"] = !t.warnings.empty() || unknown;
  return f;
}

}  // namespace

std::vector<uint32_t> Utf16Offsets(std::string_view text) {
  std::vector<uint32_t> at(text.size() + 1);
  uint32_t units = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = DecodeUtf8(text, i);
    for (size_t k = start; k < i; ++k) at[k] = units;
    units += c >= 0x10000 ? 2 : 1;
  }
  at[text.size()] = units;
  return at;
}

std::string ScriptSafeJson(const Json& value) {
  std::string raw = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size() + raw.size() / 16);
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < raw.size() && raw[i + 1] == '\x80' &&
               (raw[i + 2] == '\xA8' || raw[i + 2] == '\xA9')) {
      out += raw[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

HtmlDocumentPart RenderHtmlDocument(const Record& record, size_t index) {
  std::vector<uint32_t> at = Utf16Offsets(record.text);
  Spans spans{at};
  const SourceInfo& src = record.source;
  std::string name = std::filesystem::path(src.path).filename().string();
  if (name.empty()) name = src.path;

  Json doc;
  doc["i"] = index;
  doc["path"] = src.path;
  doc["sha256"] = src.sha256;
  doc["format"] = src.format == SourceFormat::kPdf ? "pdf" : "text";
  doc["pages"] = src.pages ? Json(*src.pages) : Json(nullptr);
  Json entry;
  entry["path"] = src.path;
  entry["name"] = name;
  entry["sha256"] = src.sha256;
  entry["format"] = doc["format"];
  entry["pages"] = doc["pages"];
  entry["warnings"] = record.warnings;
  doc["warnings"] = record.warnings;
  if (record.error) {
    Json e = {{"code", ErrorCodeName(record.error->code)}, {"message", record.error->message}};
    entry["error"] = e;
    doc["error"] = std::move(e);
    entry["tasks"] = Json::array();
    doc["text"] = "";
    doc["tasks"] = Json::array();
    doc["references"] = Json::array();
  } else {
    const DocumentInfo& d = record.document;
    entry["error"] = nullptr;
    doc["error"] = nullptr;
    doc["document"] = {{"type", OptString(d.type)},       {"number", OptString(d.number)},
                       {"issuer", OptString(d.issuer)},   {"place", OptString(d.place)},
                       {"date", OptDate(d.date)},         {"subject", OptString(d.subject)},
                       {"signer", d.signer ? Json(d.signer->name) : Json(nullptr)}};
    entry["type"] = OptString(d.type);
    entry["number"] = OptString(d.number);
    entry["date"] = OptDate(d.date);
    entry["subject"] = OptString(d.subject);
    eval::AnchorChooser anchors(record.text);
    Json tasks = Json::array(), facets = Json::array();
    for (const Task& t : record.tasks) {
      tasks.push_back(TaskJson(spans, t, anchors));
      facets.push_back(TaskFacets(t));
    }
    doc["tasks"] = std::move(tasks);
    entry["tasks"] = std::move(facets);
    Json refs = Json::array();
    for (const Reference& r : record.references) {
      Json rj = {{"kind", r.kind}, {"number", r.number}, {"date", OptDate(r.date)}};
      spans.Put(rj, r.span);
      refs.push_back(std::move(rj));
    }
    doc["references"] = std::move(refs);
    doc["text"] = record.text;
  }
  // What the page's gold download starts from (names, file) besides the tasks.
  eval::GoldDocument gold;
  gold.file = name;
  if (!record.error) {
    gold.number = record.document.number;
    if (record.document.date) gold.date = record.document.date->ToString();
    gold.type = record.document.type;
  }
  Json gold_doc = eval::GoldToJson(gold);
  gold_doc.erase("tasks");
  doc["gold"] = std::move(gold_doc);
  doc["gold_file"] = eval::GoldFileName(gold.file);

  HtmlDocumentPart part;
  part.block = "<script type=\"application/json\" id=\"doc-" + std::to_string(index) + "\">" +
               ScriptSafeJson(doc) + "</script>\n";
  part.index_entry = std::move(entry);
  return part;
}

HtmlReportWriter::HtmlReportWriter(std::ostream& out, HtmlReportOptions options)
    : out_(out), options_(std::move(options)) {
  std::string_view page = HtmlReportTemplate();
  size_t docs = page.find(kDocumentsMark);
  size_t index = page.find(kIndexMark);
  size_t hash = page.find(kHashMark);
  template_ok_ = docs != std::string_view::npos && index != std::string_view::npos && docs < index &&
                 hash != std::string_view::npos && hash < docs;
  if (!template_ok_) return;
  std::string source = ScriptHashSource(page, index);
  template_ok_ = !source.empty();
  if (template_ok_)
    out_ << page.substr(0, hash) << source << page.substr(hash + kHashMark.size(), docs - hash - kHashMark.size());
}

void HtmlReportWriter::Add(HtmlDocumentPart part) {
  if (!template_ok_) return;
  out_ << part.block;
  documents_.push_back(std::move(part.index_entry));
  ++count_;
}

Status HtmlReportWriter::Finish() {
  if (!template_ok_) return Error(ErrorCode::kInternal, "the built-in page template lacks its placeholders");
  std::string_view page = HtmlReportTemplate();
  size_t docs = page.find(kDocumentsMark);
  size_t index = page.find(kIndexMark);
  Json j;
  j["title"] = options_.title;
  j["generator"] = options_.generator;
  j["documents"] = std::move(documents_);
  documents_ = Json::array();
  out_ << page.substr(docs + kDocumentsMark.size(), index - docs - kDocumentsMark.size());
  out_ << "<script type=\"application/json\" id=\"index\">" << ScriptSafeJson(j) << "</script>";
  out_ << page.substr(index + kIndexMark.size());
  out_.flush();
  if (!out_) return Error(ErrorCode::kIo, "cannot write the page");
  return {};
}

}  // namespace notices::emit
