// AnchorChooser, GoldFromRecord, GoldToJson, ParseGoldBundle, WriteGoldFiles. Tested by
// tests/eval/gold_writer_test.cc (anchors unique and in range; a record's own gold scores
// F1 1.0) and, through the page, tests/audit/browser_test.py.
#include "pipeline/eval/gold_writer.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "pipeline/common/utf8.h"

namespace notices::eval {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

bool HasLetterOrDigit(std::string_view word) {
  for (unsigned char c : word)
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return false;
}

// A list marker opening a line: "-", "+", "1.", "2.1.", "a)", "b.", "(3)".
bool IsMarker(std::string_view word) {
  if (!HasLetterOrDigit(word)) return true;
  if (word.size() > 8) return false;
  char last = word.back();
  if (last != '.' && last != ')') return false;
  size_t letters = 0;
  for (unsigned char c : word) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    else if (c >= 0x80) return false;
  }
  return letters <= 1 || std::string_view("IVXivx").find(word.front()) != std::string_view::npos;
}

// Trailing characters an anchor should not end with.
bool IsTrailingPunct(unsigned char c) { return c == ',' || c == ';' || c == ':' || c == '.' || c == '('; }

struct Word {
  size_t begin, end;  // bytes in the line
};

std::vector<Word> SplitWords(std::string_view line) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > b) words.push_back({b, i});
  }
  return words;
}

std::optional<std::string> OptNonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

Json OptJson(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

}  // namespace

AnchorChooser::AnchorChooser(std::string_view document)
    : document_(document), folded_(" " + Fold(document) + " ") {}

size_t AnchorChooser::Count(std::string_view anchor) const {
  std::string f = Fold(anchor);
  if (f.empty()) return 0;
  size_t n = 0;
  for (size_t at = folded_.find(f); at != std::string::npos; at = folded_.find(f, at + 1)) ++n;
  return n;
}

std::string AnchorChooser::For(std::string_view task_text) const {
  std::string best_short;  // the longest unique run under the minimum length
  std::string first;       // the text's first run, when nothing is unique
  size_t line_begin = 0;
  while (line_begin <= task_text.size()) {
    size_t nl = task_text.find('\n', line_begin);
    if (nl == std::string_view::npos) nl = task_text.size();
    std::string_view line = task_text.substr(line_begin, nl - line_begin);
    line_begin = nl + 1;
    std::vector<Word> words = SplitWords(line);
    size_t start = 0;
    auto word = [&](size_t k) { return line.substr(words[k].begin, words[k].end - words[k].begin); };
    while (start < words.size() && start < 3 && IsMarker(word(start))) ++start;
    for (size_t i = start; i < words.size(); ++i) {
      // The longest run of whole words from word i that fits in the maximum length.
      std::string run;
      for (size_t j = i; j < words.size(); ++j) {
        std::string_view cand = line.substr(words[i].begin, words[j].end - words[i].begin);
        while (!cand.empty() && IsTrailingPunct(static_cast<unsigned char>(cand.back()))) cand.remove_suffix(1);
        if (CountCodePoints(cand) > kMaxAnchorLength) break;
        run.assign(cand);
      }
      if (run.empty() || !HasLetterOrDigit(run)) continue;
      if (first.empty()) first = run;
      size_t length = CountCodePoints(run);
      if (Count(run) != 1) continue;
      if (length >= kMinAnchorLength) return run;
      if (length > CountCodePoints(best_short)) best_short = run;
    }
    if (nl == task_text.size()) break;
  }
  if (!best_short.empty()) return best_short;
  if (!first.empty()) return first;
  return std::string(task_text.substr(0, std::min<size_t>(task_text.size(), 4 * kMaxAnchorLength)));
}

std::string GoldRecurring(const Deadline& d) {
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

GoldTask GoldFromTask(const Task& task, const AnchorChooser& anchors) {
  GoldTask g;
  g.anchor = anchors.For(task.text);
  for (const Agency& a : task.lead) g.lead.push_back(a.text);
  for (const Agency& a : task.coordinate) g.coordinate.push_back(a.text);
  for (const Agency& a : task.requested) g.requested.push_back(a.text);
  if (task.deadline) {
    const Deadline& d = *task.deadline;
    if (d.due) g.deadline = d.due->ToString();
    g.recurring = OptNonEmpty(GoldRecurring(d));
    if (g.deadline || g.recurring) g.deadline_text = d.text;
  }
  return g;
}

GoldDocument GoldFromRecord(const Record& record) {
  GoldDocument g;
  g.file = fs::path(record.source.path).filename().string();
  if (record.error) return g;
  g.number = record.document.number;
  if (record.document.date) g.date = record.document.date->ToString();
  g.type = record.document.type;
  AnchorChooser anchors(record.text);
  for (const Task& t : record.tasks) g.tasks.push_back(GoldFromTask(t, anchors));
  return g;
}

std::string GoldFileName(std::string_view file) {
  std::string stem = fs::path(std::string(file)).stem().string();
  if (stem.empty()) stem = "gold";
  return stem + ".json";
}

Json GoldTaskToJson(const GoldTask& t) {
  Json j;
  j["anchor"] = t.anchor;
  j["lead"] = t.lead;
  j["coordinate"] = t.coordinate;
  j["requested"] = t.requested;
  j["deadline"] = OptJson(t.deadline);
  j["deadline_text"] = OptJson(t.deadline_text);
  j["recurring"] = OptJson(t.recurring);
  if (t.note) j["note"] = *t.note;
  return j;
}

Json GoldToJson(const GoldDocument& g) {
  Json j;
  j["file"] = g.file;
  j["document"] = {{"number", OptJson(g.number)}, {"date", OptJson(g.date)}, {"type", OptJson(g.type)}};
  Json tasks = Json::array();
  for (const GoldTask& t : g.tasks) tasks.push_back(GoldTaskToJson(t));
  j["tasks"] = std::move(tasks);
  return j;
}

Result<std::vector<GoldDocument>> ParseGoldBundle(const nlohmann::json& bundle, const std::string& where) {
  if (!bundle.is_object() || !bundle.contains("notices_gold_bundle") || !bundle.contains("documents") ||
      !bundle["documents"].is_array())
    return Error(ErrorCode::kUsage, where + ": not a gold bundle ({\"notices_gold_bundle\": 1, \"documents\": [...]})");
  std::vector<GoldDocument> out;
  size_t n = 0;
  for (const nlohmann::json& d : bundle["documents"]) {
    ++n;
    std::string name = d.is_object() && d.contains("file") && d["file"].is_string()
                           ? d["file"].get<std::string>()
                           : "document " + std::to_string(n);
    if (!d.is_object() || !d.contains("file") || !d["file"].is_string())
      return Error(ErrorCode::kUsage, where + ": " + name + " has no \"file\" name");
    auto g = ParseGold(d, where + ": " + name);
    if (!g) return g.error();
    out.push_back(std::move(g).value());
  }
  return out;
}

Result<std::vector<std::string>> WriteGoldFiles(const std::vector<GoldDocument>& docs, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir, ec)) return Error(ErrorCode::kIo, dir + ": cannot create the folder");
  std::set<std::string> taken;
  std::vector<std::string> written;
  for (const GoldDocument& g : docs) {
    std::string name = GoldFileName(g.file);
    if (!taken.insert(name).second) {
      name = fs::path(g.file).filename().string() + ".json";
      if (!taken.insert(name).second) return Error(ErrorCode::kUsage, g.file + ": two documents with this name");
    }
    fs::path target = fs::path(dir) / name;
    fs::path tmp = target;
    tmp += ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << GoldToJson(g).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      if (!out) return Error(ErrorCode::kIo, tmp.string() + ": cannot write");
    }
    fs::rename(tmp, target, ec);
    if (ec) return Error(ErrorCode::kIo, target.string() + ": cannot write (" + ec.message() + ")");
    written.push_back(target.string());
  }
  return written;
}

}  // namespace notices::eval
