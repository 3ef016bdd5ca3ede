// Gold loading, task matching and scoring. Tested by tests/eval/evaluator_test.cc.
#include "pipeline/eval/evaluator.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/common/utf8.h"
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

std::string Recurring(const Deadline& d) {
  if (d.kind == DeadlineKind::kOngoing) return "ongoing";
  switch (d.recurrence) {
    case Recurrence::kNone: return "";
    case Recurrence::kDaily: return "daily";
    case Recurrence::kWeekly: return "weekly";
    case Recurrence::kMonthly: return "monthly";
    case Recurrence::kQuarterly: return "quarterly";
    case Recurrence::kHalfYearly: return "biannual";
    case Recurrence::kYearly: return "yearly";
  }
  return "";
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

Result<GoldDocument> LoadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error(ErrorCode::kIo, path + ": cannot read the gold file");
  Json j = Json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Error(ErrorCode::kUsage, path + ": not a JSON object");
  GoldDocument g;
  g.file = j.value("file", fs::path(path).stem().string() + ".txt");
  if (j.contains("document") && j["document"].is_object()) {
    g.number = OptString(j["document"], "number");
    g.date = OptString(j["document"], "date");
    g.type = OptString(j["document"], "type");
  }
  if (!j.contains("tasks") || !j["tasks"].is_array())
    return Error(ErrorCode::kUsage, path + ": no \"tasks\" array");
  for (const Json& t : j["tasks"]) {
    if (!t.is_object() || !t.contains("anchor") || !t["anchor"].is_string())
      return Error(ErrorCode::kUsage, path + ": a task without an \"anchor\" string");
    GoldTask gt;
    gt.anchor = t["anchor"].get<std::string>();
    gt.lead = Strings(t, "lead");
    gt.coordinate = Strings(t, "coordinate");
    gt.requested = Strings(t, "requested");
    gt.deadline = OptString(t, "deadline");
    gt.deadline_text = OptString(t, "deadline_text");
    gt.recurring = OptString(t, "recurring");
    g.tasks.push_back(std::move(gt));
  }
  return g;
}

Result<std::map<std::string, GoldDocument>> LoadGoldDir(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error(ErrorCode::kUsage, dir + ": no such gold folder");
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

bool Evaluator::SameAgencies(const std::vector<std::string>& gold, const std::vector<Agency>& got) const {
  if (gold.size() != got.size()) return false;
  std::vector<bool> used(got.size(), false);
  for (const std::string& g : gold) {
    std::string fg = Fold(g);
    std::string canonical = agencies_ ? agencies_->Canonical(g) : std::string();
    bool found = false;
    for (size_t k = 0; k < got.size() && !found; ++k) {
      if (used[k]) continue;
      if (fg == Fold(got[k].text) || fg == Fold(got[k].name) ||
          (!canonical.empty() && canonical == got[k].name)) {
        used[k] = true;
        found = true;
      }
    }
    if (!found) return false;
  }
  return true;
}

void Evaluator::Add(const Record& record, const GoldDocument* gold) {
  ++report_.documents;
  if (gold == nullptr) {
    ++report_.documents_without_gold;
    return;
  }
  std::string file = fs::path(record.source.path).filename().string();
  report_.gold_tasks += static_cast<int>(gold->tasks.size());
  report_.predicted_tasks += static_cast<int>(record.tasks.size());
  auto field = [](FieldCount& f, bool ok) {
    ++f.total;
    f.correct += ok;
  };
  field(report_.doc_number, gold->number == record.document.number);
  field(report_.doc_date, gold->date == (record.document.date ? std::optional<std::string>(record.document.date->ToString())
                                                              : std::nullopt));
  field(report_.doc_type, gold->type == record.document.type);

  std::vector<std::string> folded_tasks;
  for (const Task& t : record.tasks) folded_tasks.push_back(" " + Fold(t.text) + " ");
  std::vector<bool> used(record.tasks.size(), false);
  int matched_here = 0;
  for (const GoldTask& g : gold->tasks) {
    std::string anchor = " " + Fold(g.anchor);
    // Anchors may start or end mid-word; match on the folded text without edges.
    anchor = Fold(g.anchor);
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
    ++matched_here;
    const Task& t = record.tasks[static_cast<size_t>(hit)];
    auto check = [&](FieldCount& f, const char* kind, const std::vector<std::string>& want,
                     const std::vector<Agency>& got) {
      bool ok = SameAgencies(want, got);
      field(f, ok);
      if (!ok) report_.misses.push_back({file, kind, g.anchor, Join(want), Names(got)});
    };
    check(report_.lead, "lead", g.lead, t.lead);
    check(report_.coordinate, "coordinate", g.coordinate, t.coordinate);
    check(report_.requested, "requested", g.requested, t.requested);
    std::string due = t.deadline && t.deadline->due ? t.deadline->due->ToString() : "";
    bool deadline_ok = g.deadline.value_or("") == due;
    field(report_.deadline, deadline_ok);
    if (!deadline_ok)
      report_.misses.push_back({file, "deadline", g.anchor,
                                g.deadline.value_or("none") + (g.deadline_text ? " (" + *g.deadline_text + ")" : ""),
                                due.empty() ? "none" : due + " (" + t.deadline->text + ")"});
    std::string rec = t.deadline ? Recurring(*t.deadline) : "";
    bool rec_ok = g.recurring.value_or("") == rec;
    field(report_.recurring, rec_ok);
    if (!rec_ok)
      report_.misses.push_back({file, "recurring", g.anchor, g.recurring.value_or("none"), rec.empty() ? "none" : rec});
  }
  for (size_t k = 0; k < record.tasks.size(); ++k)
    if (!used[k]) report_.misses.push_back({file, "spurious", record.tasks[k].text.substr(0, 160), "", ""});
  report_.matched += matched_here;
  report_.per_file[file] = {matched_here, static_cast<int>(gold->tasks.size())};
}

std::string FormatReport(const Report& r, bool list_misses) {
  std::ostringstream out;
  char buf[256];
  if (list_misses && !r.misses.empty()) {
    out << "Differences:\n";
    for (const Miss& m : r.misses) {
      out << "  " << m.file << ": " << m.kind << ": " << m.text;
      if (!m.expected.empty() || !m.got.empty())
        out << "\n      expected: " << m.expected << "\n      got:      " << m.got;
      out << "\n";
    }
  }
  out << "Per file (matched/gold):";
  for (const auto& [file, mg] : r.per_file) out << " " << file << " " << mg.first << "/" << mg.second << ";";
  out << "\n";
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
  std::snprintf(buf, sizeof buf, "Task recall %.3f, precision %.3f, F1 %.3f\n", r.recall(), r.precision(), r.f1());
  out << buf;
  return out.str();
}

nlohmann::ordered_json ReportToJson(const Report& r) {
  nlohmann::ordered_json j;
  j["documents"] = r.documents;
  j["documents_without_gold"] = r.documents_without_gold;
  j["tasks"] = {{"gold", r.gold_tasks}, {"predicted", r.predicted_tasks}, {"matched", r.matched},
                {"recall", r.recall()}, {"precision", r.precision()}, {"f1", r.f1()}};
  auto f = [](const FieldCount& c) {
    return nlohmann::ordered_json{{"correct", c.correct}, {"total", c.total}, {"accuracy", c.accuracy()}};
  };
  j["fields"] = {{"lead", f(r.lead)},         {"coordinate", f(r.coordinate)}, {"requested", f(r.requested)},
                 {"deadline", f(r.deadline)}, {"recurring", f(r.recurring)}};
  j["document_fields"] = {{"number", f(r.doc_number)}, {"date", f(r.doc_date)}, {"type", f(r.doc_type)}};
  nlohmann::ordered_json per = nlohmann::ordered_json::object();
  for (const auto& [file, mg] : r.per_file) per[file] = {{"matched", mg.first}, {"gold", mg.second}};
  j["per_file"] = per;
  nlohmann::ordered_json misses = nlohmann::ordered_json::array();
  for (const Miss& m : r.misses)
    misses.push_back({{"file", m.file}, {"kind", m.kind}, {"text", m.text}, {"expected", m.expected}, {"got", m.got}});
  j["differences"] = misses;
  return j;
}

}  // namespace notices::eval
