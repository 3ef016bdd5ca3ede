// ParseRun, DiffRuns, FormatDiff, DiffToJson. Tested by tests/eval/diff_test.cc.
#include "pipeline/eval/diff.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/eval/evaluator.h"

namespace notices::eval {

namespace {

using Json = nlohmann::ordered_json;

const char* const kRoles[] = {"lead", "coordinate", "requested", "report_to"};

Json Get(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? Json(nullptr) : *it;
}

Json Names(const Json& list) {
  Json out = Json::array();
  if (list.is_array())
    for (const Json& a : list)
      if (a.is_object() && a.contains("name")) out.push_back(a["name"]);
  return out;
}

RunTask ReadTask(const Json& t) {
  RunTask task;
  task.id = t.value("id", "");
  task.text = t.value("text", "");
  Json& f = task.fields;
  f["section"] = Get(t, "section");
  f["text"] = task.text;
  f["page"] = Get(t, "page");
  for (const char* role : kRoles) f[role] = Names(Get(t, role));
  Json d = Get(t, "deadline");
  f["deadline.due"] = d.is_object() ? Get(d, "due") : Json(nullptr);
  f["deadline.kind"] = d.is_object() ? Get(d, "kind") : Json(nullptr);
  f["deadline.recurrence"] = d.is_object() ? Get(d, "recurrence") : Json(nullptr);
  Json warnings = Get(t, "warnings");
  f["warnings"] = warnings.is_array() ? warnings : Json::array();
  return task;
}

std::vector<FieldChange> Compare(const Json& before, const Json& after) {
  std::vector<FieldChange> out;
  for (const auto& [key, value] : after.items()) {
    Json old = Get(before, key.c_str());
    if (old != value) out.push_back({key, old, value});
  }
  return out;
}

std::set<std::string> WordSet(std::string_view text) {
  std::set<std::string> words;
  std::string folded = Fold(text);
  size_t i = 0;
  while (i < folded.size()) {
    size_t sp = folded.find(' ', i);
    if (sp == std::string::npos) sp = folded.size();
    if (sp > i) words.insert(folded.substr(i, sp - i));
    i = sp + 1;
  }
  return words;
}

double Dice(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t common = 0;
  for (const std::string& w : a) common += b.count(w);
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

void DiffTasks(const RunDocument& before, const RunDocument& after, DocumentDiff& out) {
  const auto& olds = before.tasks;
  const auto& news = after.tasks;
  std::vector<int> pair_of_old(olds.size(), -1), pair_of_new(news.size(), -1);
  std::vector<double> sim_of_new(news.size(), 1.0);
  std::vector<bool> by_text(news.size(), false);
  auto link = [&](size_t o, size_t n, double sim, bool text) {
    pair_of_old[o] = static_cast<int>(n);
    pair_of_new[n] = static_cast<int>(o);
    sim_of_new[n] = sim;
    by_text[n] = text;
  };
  std::map<std::string, size_t> new_by_id;
  for (size_t n = 0; n < news.size(); ++n) new_by_id.emplace(news[n].id, n);
  // 1. same id, same text
  for (size_t o = 0; o < olds.size(); ++o) {
    auto it = new_by_id.find(olds[o].id);
    if (it != new_by_id.end() && pair_of_new[it->second] < 0 && news[it->second].text == olds[o].text)
      link(o, it->second, 1.0, false);
  }
  // 2. same text, ids shifted
  for (size_t o = 0; o < olds.size(); ++o) {
    if (pair_of_old[o] >= 0) continue;
    for (size_t n = 0; n < news.size(); ++n)
      if (pair_of_new[n] < 0 && news[n].text == olds[o].text) {
        link(o, n, 1.0, olds[o].id != news[n].id);
        break;
      }
  }
  std::vector<std::set<std::string>> old_words(olds.size()), new_words(news.size());
  for (size_t o = 0; o < olds.size(); ++o)
    if (pair_of_old[o] < 0) old_words[o] = WordSet(olds[o].text);
  for (size_t n = 0; n < news.size(); ++n)
    if (pair_of_new[n] < 0) new_words[n] = WordSet(news[n].text);
  // 3. same id, similar text
  for (size_t o = 0; o < olds.size(); ++o) {
    if (pair_of_old[o] >= 0) continue;
    auto it = new_by_id.find(olds[o].id);
    if (it == new_by_id.end() || pair_of_new[it->second] >= 0) continue;
    double sim = Dice(old_words[o], new_words[it->second]);
    if (sim >= kMinSimilarity) link(o, it->second, sim, false);
  }
  // 4. the most similar remaining texts first
  struct Candidate {
    double sim;
    size_t o, n;
  };
  std::vector<Candidate> candidates;
  for (size_t o = 0; o < olds.size(); ++o) {
    if (pair_of_old[o] >= 0) continue;
    for (size_t n = 0; n < news.size(); ++n) {
      if (pair_of_new[n] >= 0) continue;
      double sim = Dice(old_words[o], new_words[n]);
      if (sim >= kMinSimilarity) candidates.push_back({sim, o, n});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.sim > b.sim; });
  for (const Candidate& c : candidates)
    if (pair_of_old[c.o] < 0 && pair_of_new[c.n] < 0) link(c.o, c.n, c.sim, true);

  for (size_t n = 0; n < news.size(); ++n) {
    if (pair_of_new[n] < 0) {
      out.added.push_back(news[n]);
      continue;
    }
    const RunTask& old = olds[static_cast<size_t>(pair_of_new[n])];
    std::vector<FieldChange> fields = Compare(old.fields, news[n].fields);
    if (fields.empty()) continue;
    TaskChange change;
    change.old_id = old.id;
    change.new_id = news[n].id;
    change.text = news[n].text;
    if (news[n].fields["section"].is_string()) change.section = news[n].fields["section"].get<std::string>();
    change.by_text = by_text[n];
    change.similarity = sim_of_new[n];
    change.fields = std::move(fields);
    out.changed.push_back(std::move(change));
  }
  for (size_t o = 0; o < olds.size(); ++o)
    if (pair_of_old[o] < 0) out.removed.push_back(olds[o]);
}

DocumentDiff DiffDocument(const RunDocument& before, const RunDocument& after) {
  DocumentDiff d;
  d.path = after.path;
  d.old_tasks = before.tasks.size();
  d.new_tasks = after.tasks.size();
  d.old_error = before.error;
  d.new_error = after.error;
  if (before.error && after.error) {
    d.status = *before.error == *after.error ? DocumentStatus::kSame : DocumentStatus::kErrorChanged;
    return d;
  }
  if (after.error) {
    d.status = DocumentStatus::kNowFailing;
    return d;
  }
  if (before.error) {
    d.status = DocumentStatus::kNowPassing;
    return d;
  }
  d.fields = Compare(before.fields, after.fields);
  DiffTasks(before, after, d);
  bool changed = !d.fields.empty() || !d.added.empty() || !d.removed.empty() || !d.changed.empty();
  d.status = changed ? DocumentStatus::kChanged : DocumentStatus::kSame;
  return d;
}

// Documents keyed by path and occurrence ("a.txt" twice: "a.txt", "a.txt#2").
std::vector<std::pair<std::string, const RunDocument*>> Keyed(const Run& run) {
  std::map<std::string, int> seen;
  std::vector<std::pair<std::string, const RunDocument*>> out;
  for (const RunDocument& d : run.documents) {
    int n = ++seen[d.path];
    out.emplace_back(n == 1 ? d.path : d.path + "#" + std::to_string(n), &d);
  }
  return out;
}

std::string Show(const Json& v) {
  if (v.is_null()) return "none";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    if (v.empty()) return "none";
    std::string out;
    for (const Json& x : v) out += (out.empty() ? "" : "; ") + Show(x);
    return out;
  }
  return v.dump();
}

std::string Clip(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end)) + "…";
}

std::string TaskLine(char mark, const RunTask& t) {
  std::string section = t.fields.contains("section") && t.fields["section"].is_string()
                            ? " [" + t.fields["section"].get<std::string>() + "]"
                            : "";
  return std::string("  ") + mark + " " + t.id + section + " \"" + Clip(t.text, 120) + "\"\n";
}

Json TaskJson(const RunTask& t) {
  Json j;
  j["id"] = t.id;
  for (const auto& [k, v] : t.fields.items()) j[k] = v;
  return j;
}

Json ChangesJson(const std::vector<FieldChange>& fields) {
  Json out = Json::array();
  for (const FieldChange& f : fields) out.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
  return out;
}

}  // namespace

std::string_view DocumentStatusName(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::kSame: return "same";
    case DocumentStatus::kChanged: return "changed";
    case DocumentStatus::kAdded: return "added";
    case DocumentStatus::kRemoved: return "removed";
    case DocumentStatus::kNowFailing: return "now_failing";
    case DocumentStatus::kNowPassing: return "now_passing";
    case DocumentStatus::kErrorChanged: return "error_changed";
  }
  return "same";
}

Result<Run> ParseRun(std::istream& in, const std::string& name) {
  Run run;
  run.name = name;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json j = Json::parse(line, nullptr, false);
    std::string where = name + ":" + std::to_string(number);
    if (j.is_discarded() || !j.is_object()) return Error(ErrorCode::kUsage, where + ": not a JSON object");
    if (j.value("schema", "") != "notices/1") return Error(ErrorCode::kUsage, where + ": not a notices/1 record");
    Json source = Get(j, "source");
    if (!source.is_object() || !source.contains("path") || !source["path"].is_string())
      return Error(ErrorCode::kUsage, where + ": a record without source.path");
    RunDocument d;
    d.path = source["path"].get<std::string>();
    d.fields["sha256"] = Get(source, "sha256");
    Json error = Get(j, "error");
    if (error.is_object()) {
      d.error = error.value("code", "error") + ": " + error.value("message", "");
    } else {
      Json doc = Get(j, "document");
      d.fields["type"] = doc.is_object() ? Get(doc, "type") : Json(nullptr);
      d.fields["number"] = doc.is_object() ? Get(doc, "number") : Json(nullptr);
      d.fields["date"] = doc.is_object() ? Get(doc, "date") : Json(nullptr);
      Json tasks = Get(j, "tasks");
      if (tasks.is_array())
        for (const Json& t : tasks)
          if (t.is_object()) d.tasks.push_back(ReadTask(t));
    }
    run.documents.push_back(std::move(d));
  }
  if (in.bad()) return Error(ErrorCode::kIo, name + ": cannot read");
  return run;
}

Result<Run> LoadRun(const std::string& path) {
  if (path == "-") return ParseRun(std::cin, "<stdin>");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::kUsage, path + ": cannot read the run");
  return ParseRun(in, path);
}

double TextSimilarity(std::string_view a, std::string_view b) { return Dice(WordSet(a), WordSet(b)); }

size_t RunDiff::Count(DocumentStatus status) const {
  return static_cast<size_t>(
      std::count_if(documents.begin(), documents.end(), [&](const DocumentDiff& d) { return d.status == status; }));
}

RunDiff DiffRuns(const Run& before, const Run& after) {
  RunDiff diff;
  diff.old_documents = before.documents.size();
  diff.new_documents = after.documents.size();
  auto olds = Keyed(before);
  std::map<std::string, const RunDocument*> old_by_key(olds.begin(), olds.end());
  std::set<std::string> seen;
  for (const auto& [key, doc] : Keyed(after)) {
    seen.insert(key);
    auto it = old_by_key.find(key);
    DocumentDiff d;
    if (it == old_by_key.end()) {
      d.path = doc->path;
      d.status = DocumentStatus::kAdded;
      d.new_tasks = doc->tasks.size();
      d.new_error = doc->error;
    } else {
      d = DiffDocument(*it->second, *doc);
    }
    if (d.status == DocumentStatus::kSame) continue;
    diff.tasks_added += d.added.size();
    diff.tasks_removed += d.removed.size();
    diff.tasks_changed += d.changed.size();
    diff.documents.push_back(std::move(d));
  }
  for (const auto& [key, doc] : olds) {
    if (seen.count(key)) continue;
    DocumentDiff d;
    d.path = doc->path;
    d.status = DocumentStatus::kRemoved;
    d.old_tasks = doc->tasks.size();
    d.old_error = doc->error;
    diff.documents.push_back(std::move(d));
  }
  return diff;
}

std::string FormatDiff(const RunDiff& diff) {
  std::ostringstream out;
  for (const DocumentDiff& d : diff.documents) {
    switch (d.status) {
      case DocumentStatus::kAdded:
        out << d.path << ": added"
            << (d.new_error ? " (failing: " + *d.new_error + ")" : " (" + std::to_string(d.new_tasks) + " tasks)")
            << "\n";
        continue;
      case DocumentStatus::kRemoved:
        out << d.path << ": removed (" << d.old_tasks << " tasks)\n";
        continue;
      case DocumentStatus::kNowFailing:
        out << d.path << ": now failing: " << *d.new_error << " (had " << d.old_tasks << " tasks)\n";
        continue;
      case DocumentStatus::kNowPassing:
        out << d.path << ": now read (was failing: " << *d.old_error << "), " << d.new_tasks << " tasks\n";
        continue;
      case DocumentStatus::kErrorChanged:
        out << d.path << ": fails differently: " << *d.old_error << " -> " << *d.new_error << "\n";
        continue;
      case DocumentStatus::kSame:
      case DocumentStatus::kChanged:
        break;
    }
    out << d.path << ": " << d.old_tasks << " -> " << d.new_tasks << " tasks; " << d.added.size() << " added, "
        << d.removed.size() << " removed, " << d.changed.size() << " changed\n";
    for (const FieldChange& f : d.fields)
      out << "  document " << f.field << ": " << Show(f.before) << " -> " << Show(f.after) << "\n";
    for (const RunTask& t : d.added) out << TaskLine('+', t);
    for (const RunTask& t : d.removed) out << TaskLine('-', t);
    for (const TaskChange& c : d.changed) {
      out << "  ~ " << c.new_id;
      if (c.old_id != c.new_id) out << " (was " << c.old_id << ")";
      if (c.section) out << " [" << *c.section << "]";
      out << " \"" << Clip(c.text, 120) << "\"\n";
      for (const FieldChange& f : c.fields) {
        if (f.field == "text") {
          out << "      text: \"" << Clip(Show(f.before), 200) << "\"\n         -> \"" << Clip(Show(f.after), 200)
              << "\"\n";
        } else {
          out << "      " << f.field << ": " << Show(f.before) << " -> " << Show(f.after) << "\n";
        }
      }
    }
  }
  if (diff.identical()) out << "No differences: ";
  out << "Documents: " << diff.old_documents << " before, " << diff.new_documents << " after; "
      << diff.Count(DocumentStatus::kChanged) << " changed, " << diff.Count(DocumentStatus::kAdded) << " added, "
      << diff.Count(DocumentStatus::kRemoved) << " removed, " << diff.Count(DocumentStatus::kNowFailing)
      << " now failing, " << diff.Count(DocumentStatus::kNowPassing) << " now read, "
      << diff.Count(DocumentStatus::kErrorChanged) << " failing differently\n";
  out << "Tasks: " << diff.tasks_added << " added, " << diff.tasks_removed << " removed, " << diff.tasks_changed
      << " changed\n";
  return out.str();
}

nlohmann::ordered_json DiffToJson(const RunDiff& diff) {
  Json j;
  j["identical"] = diff.identical();
  Json summary;
  summary["documents_before"] = diff.old_documents;
  summary["documents_after"] = diff.new_documents;
  for (DocumentStatus s : {DocumentStatus::kChanged, DocumentStatus::kAdded, DocumentStatus::kRemoved,
                           DocumentStatus::kNowFailing, DocumentStatus::kNowPassing, DocumentStatus::kErrorChanged})
    summary[std::string(DocumentStatusName(s))] = diff.Count(s);
  summary["tasks_added"] = diff.tasks_added;
  summary["tasks_removed"] = diff.tasks_removed;
  summary["tasks_changed"] = diff.tasks_changed;
  j["summary"] = std::move(summary);
  Json docs = Json::array();
  for (const DocumentDiff& d : diff.documents) {
    Json dj;
    dj["path"] = d.path;
    dj["status"] = DocumentStatusName(d.status);
    dj["error_before"] = d.old_error ? Json(*d.old_error) : Json(nullptr);
    dj["error_after"] = d.new_error ? Json(*d.new_error) : Json(nullptr);
    dj["fields"] = ChangesJson(d.fields);
    Json added = Json::array(), removed = Json::array(), changed = Json::array();
    for (const RunTask& t : d.added) added.push_back(TaskJson(t));
    for (const RunTask& t : d.removed) removed.push_back(TaskJson(t));
    for (const TaskChange& c : d.changed)
      changed.push_back({{"old_id", c.old_id}, {"new_id", c.new_id}, {"matched_by", c.by_text ? "text" : "id"},
                         {"similarity", c.similarity}, {"fields", ChangesJson(c.fields)}});
    dj["tasks_added"] = std::move(added);
    dj["tasks_removed"] = std::move(removed);
    dj["tasks_changed"] = std::move(changed);
    docs.push_back(std::move(dj));
  }
  j["documents"] = std::move(docs);
  return j;
}

}  // namespace notices::eval
