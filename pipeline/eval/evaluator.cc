// Gold loading, task matching and scoring. Tested by tests/eval/evaluator_test.cc.
#include "pipeline/eval/evaluator.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/common/utf8.h"
#include "pipeline/eval/gold_writer.h"
#include "pipeline/normalize/tone.h"

namespace notices::eval {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

std::vector<std::string> Strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const Json& v : j[key])
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::optional<std::string> OptString(const Json& j, const char* key) {
  if (j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
  return std::nullopt;
}

// At most `max_bytes` of `s`, cut at a code point boundary.
std::string Clip(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string Names(const std::vector<Agency>& v) {
  std::vector<std::string> n;
  for (const Agency& a : v) n.push_back(a.text);
  return Join(n);
}

}  // namespace

std::string Fold(std::string_view text) {
  std::string folded = normalize::FoldDiacritics(normalize::CanonicalForm(text));
  std::string out;
  out.reserve(folded.size());
  bool space = true;
  for (unsigned char c : folded) {
    bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (word) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      space = false;
    } else if (!space) {
      out.push_back(' ');
      space = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Result<GoldDocument> ParseGold(const Json& j, const std::string& where, const std::string& fallback_file) {
  if (!j.is_object()) return Error(ErrorCode::kUsage, where + ": not a JSON object");
  GoldDocument g;
  g.file = j.contains("file") && j["file"].is_string() ? j["file"].get<std::string>() : fallback_file;
  if (j.contains("document") && j["document"].is_object()) {
    g.number = OptString(j["document"], "number");
    g.date = OptString(j["document"], "date");
    g.type = OptString(j["document"], "type");
  }
  if (!j.contains("tasks") || !j["tasks"].is_array())
    return Error(ErrorCode::kUsage, where + ": no \"tasks\" array");
  for (const Json& t : j["tasks"]) {
    if (!t.is_object() || !t.contains("anchor") || !t["anchor"].is_string())
      return Error(ErrorCode::kUsage, where + ": a task without an \"anchor\" string");
    GoldTask gt;
    gt.anchor = t["anchor"].get<std::string>();
    gt.lead = Strings(t, "lead");
    gt.coordinate = Strings(t, "coordinate");
    gt.requested = Strings(t, "requested");
    gt.deadline = OptString(t, "deadline");
    gt.deadline_text = OptString(t, "deadline_text");
    gt.recurring = OptString(t, "recurring");
    gt.note = OptString(t, "note");
    g.tasks.push_back(std::move(gt));
  }
  return g;
}

Result<GoldDocument> LoadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error(ErrorCode::kIo, path + ": cannot read the gold file");
  Json j = Json::parse(in, nullptr, false);
  if (j.is_discarded()) return Error(ErrorCode::kUsage, path + ": not valid JSON");
  return ParseGold(j, path, fs::path(path).stem().string() + ".txt");
}

Result<std::map<std::string, GoldDocument>> LoadGoldDir(const std::string& dir) {
  std::error_code ec;
  if (fs::is_regular_file(dir, ec)) {  // a bundle downloaded from the audit page
    std::ifstream in(dir);
    Json j = Json::parse(in, nullptr, false);
    if (j.is_discarded()) return Error(ErrorCode::kUsage, dir + ": not valid JSON");
    auto docs = ParseGoldBundle(j, dir);
    if (!docs) return docs.error();
    std::map<std::string, GoldDocument> out;
    for (GoldDocument& g : *docs) out[g.file] = std::move(g);
    return out;
  }
  if (!fs::is_directory(dir, ec)) return Error(ErrorCode::kUsage, dir + ": no such gold folder or bundle");
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::map<std::string, GoldDocument> out;
  for (const std::string& f : files) {
    auto g = LoadGold(f);
    if (!g) return g.error();
    out[g->file] = std::move(g).value();
  }
  return out;
}

const GoldDocument* FindGold(const std::map<std::string, GoldDocument>& gold,
                             const std::string& input_path) {
  std::string name = fs::path(input_path).filename().string();
  auto it = gold.find(name);
  if (it != gold.end()) return &it->second;
  std::string stem = fs::path(input_path).stem().string();
  for (const auto& [file, g] : gold)
    if (fs::path(file).stem().string() == stem) return &g;
  return nullptr;
}

int Evaluator::MatchNames(const std::vector<std::string>& gold, const std::vector<Agency>& got) const {
  std::vector<bool> used(got.size(), false);
  int matched = 0;
  for (const std::string& g : gold) {
    std::string fg = Fold(g);
    std::string canonical = agencies_ ? agencies_->Canonical(g) : std::string();
    for (size_t k = 0; k < got.size(); ++k) {
      if (used[k]) continue;
      if (fg == Fold(got[k].text) || fg == Fold(got[k].name) ||
          (!canonical.empty() && canonical == got[k].name)) {
        used[k] = true;
        ++matched;
        break;
      }
    }
  }
  return matched;
}

void Evaluator::Add(const Record& record, const GoldDocument* gold) {
  ++report_.documents;
  if (gold == nullptr) {
    ++report_.documents_without_gold;
    return;
  }
  DocumentScore doc;
  doc.file = fs::path(record.source.path).filename().string();
  doc.failed = record.error.has_value();
  doc.gold = static_cast<int>(gold->tasks.size());
  doc.predicted = static_cast<int>(record.tasks.size());
  const std::string& file = doc.file;
  auto field = [](FieldCount& f, bool ok) {
    ++f.total;
    f.correct += ok;
  };
  if (!doc.failed) {
    field(report_.doc_number, gold->number == record.document.number);
    std::optional<std::string> date;
    if (record.document.date) date = record.document.date->ToString();
    field(report_.doc_date, gold->date == date);
    field(report_.doc_type, gold->type == record.document.type);
  }

  std::vector<std::string> folded_tasks;
  for (const Task& t : record.tasks) folded_tasks.push_back(Fold(t.text));
  std::vector<bool> used(record.tasks.size(), false);
  for (const GoldTask& g : gold->tasks) {
    // Anchors may start or end mid-word: plain substring search on folded text.
    std::string anchor = Fold(g.anchor);
    int hit = -1;
    for (size_t k = 0; k < record.tasks.size(); ++k) {
      if (!used[k] && folded_tasks[k].find(anchor) != std::string::npos) {
        hit = static_cast<int>(k);
        break;
      }
    }
    if (hit < 0) {
      report_.misses.push_back({file, "missed", g.anchor, "", ""});
      continue;
    }
    used[static_cast<size_t>(hit)] = true;
    ++doc.matched;
    const Task& t = record.tasks[static_cast<size_t>(hit)];
    auto check = [&](FieldCount& total, FieldCount& per_doc, NameCount& names, const char* kind,
                     const std::vector<std::string>& want, const std::vector<Agency>& got) {
      int same = MatchNames(want, got);
      names.gold += static_cast<int>(want.size());
      names.predicted += static_cast<int>(got.size());
      names.matched += same;
      bool ok = same == static_cast<int>(want.size()) && want.size() == got.size();
      field(total, ok);
      field(per_doc, ok);
      if (!ok) report_.misses.push_back({file, kind, g.anchor, Join(want), Names(got)});
    };
    check(report_.lead, doc.lead, report_.lead_names, "lead", g.lead, t.lead);
    check(report_.coordinate, doc.coordinate, report_.coordinate_names, "coordinate", g.coordinate, t.coordinate);
    check(report_.requested, doc.requested, report_.requested_names, "requested", g.requested, t.requested);
    std::string due = t.deadline && t.deadline->due ? t.deadline->due->ToString() : "";
    bool deadline_ok = g.deadline.value_or("") == due;
    field(report_.deadline, deadline_ok);
    field(doc.deadline, deadline_ok);
    if (!deadline_ok)
      report_.misses.push_back({file, "deadline", g.anchor,
                                g.deadline.value_or("none") + (g.deadline_text ? " (" + *g.deadline_text + ")" : ""),
                                due.empty() ? "none" : due + " (" + t.deadline->text + ")"});
    std::string rec = t.deadline ? GoldRecurring(*t.deadline) : "";
    bool rec_ok = g.recurring.value_or("") == rec;
    field(report_.recurring, rec_ok);
    if (!rec_ok)
      report_.misses.push_back({file, "recurring", g.anchor, g.recurring.value_or("none"), rec.empty() ? "none" : rec});
  }
  for (size_t k = 0; k < record.tasks.size(); ++k)
    if (!used[k]) report_.misses.push_back({file, "spurious", Clip(record.tasks[k].text, 160), "", ""});
  report_.gold_tasks += doc.gold;
  report_.predicted_tasks += doc.predicted;
  report_.matched += doc.matched;
  report_.per_document.push_back(std::move(doc));
}

std::string FormatReport(const Report& r, bool list_misses) {
  std::ostringstream out;
  char buf[512];
  if (list_misses && !r.misses.empty()) {
    out << "Differences:\n";
    for (const Miss& m : r.misses) {
      out << "  " << m.file << ": " << m.kind << ": " << m.text;
      if (!m.expected.empty() || !m.got.empty())
        out << "\n      expected: " << m.expected << "\n      got:      " << m.got;
      out << "\n";
    }
    out << "\n";
  }
  if (!r.per_document.empty()) {
    size_t width = 8;
    for (const DocumentScore& d : r.per_document) width = std::max(width, CountCodePoints(d.file));
    std::snprintf(buf, sizeof buf, "%-*s %5s %5s %5s %6s %6s %6s  %-7s %-7s %-7s %-7s\n", static_cast<int>(width),
                  "document", "gold", "pred", "match", "recall", "prec", "F1", "lead", "coord", "request", "deadl");
    out << buf;
    auto frac = [](const FieldCount& f) { return std::to_string(f.correct) + "/" + std::to_string(f.total); };
    for (const DocumentScore& d : r.per_document) {
      std::string name = d.file + std::string(width - CountCodePoints(d.file), ' ');
      std::snprintf(buf, sizeof buf, "%s %5d %5d %5d %6.3f %6.3f %6.3f  %-7s %-7s %-7s %-7s%s\n", name.c_str(), d.gold,
                    d.predicted, d.matched, d.recall(), d.precision(), d.f1(), frac(d.lead).c_str(),
                    frac(d.coordinate).c_str(), frac(d.requested).c_str(), frac(d.deadline).c_str(),
                    d.failed ? "  (input failed)" : "");
      out << buf;
    }
    out << "\n";
  }
  std::snprintf(buf, sizeof buf, "Documents: %d (%d without gold)\n", r.documents, r.documents_without_gold);
  out << buf;
  std::snprintf(buf, sizeof buf, "Document fields: number %d/%d, date %d/%d, type %d/%d\n", r.doc_number.correct,
                r.doc_number.total, r.doc_date.correct, r.doc_date.total, r.doc_type.correct, r.doc_type.total);
  out << buf;
  std::snprintf(buf, sizeof buf, "Tasks: gold %d, predicted %d, matched %d\n", r.gold_tasks, r.predicted_tasks,
                r.matched);
  out << buf;
  std::snprintf(buf, sizeof buf,
                "Field accuracy on matched tasks: lead %.3f (%d/%d), coordinate %.3f (%d/%d), requested %.3f "
                "(%d/%d), deadline %.3f (%d/%d), recurring %.3f (%d/%d)\n",
                r.lead.accuracy(), r.lead.correct, r.lead.total, r.coordinate.accuracy(), r.coordinate.correct,
                r.coordinate.total, r.requested.accuracy(), r.requested.correct, r.requested.total,
                r.deadline.accuracy(), r.deadline.correct, r.deadline.total, r.recurring.accuracy(),
                r.recurring.correct, r.recurring.total);
  out << buf;
  auto names = [&](const char* role, const NameCount& n) {
    std::snprintf(buf, sizeof buf, " %s %d gold, %d predicted, %d agree (recall %.3f, precision %.3f);", role, n.gold,
                  n.predicted, n.matched, n.recall(), n.precision());
    out << buf;
  };
  out << "Agency names on matched tasks:";
  names("lead", r.lead_names);
  names("coordinate", r.coordinate_names);
  names("requested", r.requested_names);
  out << "\n";
  std::snprintf(buf, sizeof buf, "Task recall %.3f, precision %.3f, F1 %.3f\n", r.recall(), r.precision(), r.f1());
  out << buf;
  return out.str();
}

nlohmann::ordered_json ReportToJson(const Report& r) {
  using OJson = nlohmann::ordered_json;
  OJson j;
  j["documents"] = r.documents;
  j["documents_without_gold"] = r.documents_without_gold;
  j["tasks"] = {{"gold", r.gold_tasks}, {"predicted", r.predicted_tasks}, {"matched", r.matched},
                {"recall", r.recall()}, {"precision", r.precision()}, {"f1", r.f1()}};
  auto f = [](const FieldCount& c) {
    return OJson{{"correct", c.correct}, {"total", c.total}, {"accuracy", c.accuracy()}};
  };
  auto n = [](const NameCount& c) {
    return OJson{{"gold", c.gold}, {"predicted", c.predicted}, {"matched", c.matched},
                 {"recall", c.recall()}, {"precision", c.precision()}};
  };
  j["fields"] = {{"lead", f(r.lead)},         {"coordinate", f(r.coordinate)}, {"requested", f(r.requested)},
                 {"deadline", f(r.deadline)}, {"recurring", f(r.recurring)}};
  j["agency_names"] = {{"lead", n(r.lead_names)}, {"coordinate", n(r.coordinate_names)},
                       {"requested", n(r.requested_names)}};
  j["document_fields"] = {{"number", f(r.doc_number)}, {"date", f(r.doc_date)}, {"type", f(r.doc_type)}};
  OJson per = OJson::array();
  for (const DocumentScore& d : r.per_document)
    per.push_back({{"file", d.file}, {"failed", d.failed}, {"gold", d.gold}, {"predicted", d.predicted},
                   {"matched", d.matched}, {"recall", d.recall()}, {"precision", d.precision()}, {"f1", d.f1()},
                   {"lead", f(d.lead)}, {"coordinate", f(d.coordinate)}, {"requested", f(d.requested)},
                   {"deadline", f(d.deadline)}});
  j["per_document"] = per;
  OJson misses = OJson::array();
  for (const Miss& m : r.misses)
    misses.push_back({{"file", m.file}, {"kind", m.kind}, {"text", m.text}, {"expected", m.expected}, {"got", m.got}});
  j["differences"] = misses;
  return j;
}

}  // namespace notices::eval
