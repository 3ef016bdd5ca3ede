// Evaluation against gold annotations (the devset format, see README.md "Gold format").
//
//   auto gold = eval::LoadGoldDir("samples/gold").value();        // NAME.json files
//   eval::Evaluator ev(pipeline.extractor().agencies());
//   for (const Record& r : records) ev.Add(r, eval::FindGold(gold, r.source.path));
//   eval::Report rep = ev.Finish();
//   std::cout << eval::FormatReport(rep);     // recall, precision, F1, field accuracy, misses
//   if (rep.f1() < 0.9) ...                   // `notices eval --min-f1 0.9`
//
// Matching, as the devset README defines it: a predicted task matches a gold task when
// its text contains the gold anchor, both folded (case, diacritics and punctuation
// away, spaces collapsed). Each gold task takes the first unmatched prediction that
// contains its anchor, in document order. Agencies compare as sets: a gold name equals
// a predicted agency when their folded texts or canonical names agree.
//
// What is scored, on matched tasks: lead, coordinate and requested (a task is right when
// the whole set is), the deadline (the due date, "none" on both sides counts as right),
// the recurrence; per role, the agency names themselves (gold, predicted, in both),
// which gives name-level precision and recall; the document's number, date and type.
// Every difference is listed (Miss) with the task's text; every document gets a row.
//
// Thread-safety: an Evaluator is used from one thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/common/error.h"
#include "pipeline/extract/agency_finder.h"
#include "pipeline/extract/record.h"

namespace notices::eval {

struct GoldTask {
  std::string anchor;
  std::vector<std::string> lead, coordinate, requested;
  std::optional<std::string> deadline;       // YYYY-MM-DD
  std::optional<std::string> deadline_text;
  std::optional<std::string> recurring;      // daily ... yearly, ongoing
  std::optional<std::string> note;           // why a doubtful call was made
};

struct GoldDocument {
  std::string file;                   // "NAME.txt" (or the PDF's name)
  std::optional<std::string> number, date, type;
  std::vector<GoldTask> tasks;
};

// Parses one gold file. Errors: kIo, kUsage (malformed JSON or shape), naming the file.
Result<GoldDocument> LoadGold(const std::string& path);
// Parses gold already read; `where` names it in messages. `file` defaults to `fallback_file`.
Result<GoldDocument> ParseGold(const nlohmann::json& j, const std::string& where,
                               const std::string& fallback_file = "");
// Every *.json under `dir`, keyed by their "file" field. `dir` may also name a bundle
// file as the audit page downloads it (see gold_writer.h).
Result<std::map<std::string, GoldDocument>> LoadGoldDir(const std::string& dir);
// The gold for an input path: by file name, then by stem (a.pdf matches gold for a.txt).
const GoldDocument* FindGold(const std::map<std::string, GoldDocument>& gold,
                             const std::string& input_path);

// Folding used for anchors and names: lowercase, no diacritics, đ -> d, punctuation to
// spaces, spaces collapsed.
std::string Fold(std::string_view text);

struct FieldCount {
  int correct = 0;
  int total = 0;
  double accuracy() const { return total ? static_cast<double>(correct) / total : 1.0; }
};

// Agency names of one role on matched tasks: how many the gold names, how many were
// predicted, how many of those agree.
struct NameCount {
  int gold = 0, predicted = 0, matched = 0;
  double recall() const { return gold ? static_cast<double>(matched) / gold : 1.0; }
  double precision() const { return predicted ? static_cast<double>(matched) / predicted : 1.0; }
};

struct Miss {
  std::string file;
  std::string kind;    // "missed" (gold task not found), "spurious" (no gold task),
                       // "lead", "coordinate", "requested", "deadline", "recurring"
  std::string text;    // anchor or predicted text
  std::string expected, got;
};

// One row of the per-document table.
struct DocumentScore {
  std::string file;
  bool failed = false;  // the input could not be read: every gold task is missed
  int gold = 0, predicted = 0, matched = 0;
  FieldCount lead, coordinate, requested, deadline;
  double recall() const { return gold ? static_cast<double>(matched) / gold : 1.0; }
  double precision() const { return predicted ? static_cast<double>(matched) / predicted : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Report {
  int documents = 0;
  int documents_without_gold = 0;
  int gold_tasks = 0, predicted_tasks = 0, matched = 0;
  FieldCount lead, coordinate, requested, deadline, recurring;
  FieldCount doc_number, doc_date, doc_type;
  NameCount lead_names, coordinate_names, requested_names;
  std::vector<Miss> misses;
  std::vector<DocumentScore> per_document;  // documents with gold, in the order added
  double recall() const { return gold_tasks ? static_cast<double>(matched) / gold_tasks : 1.0; }
  double precision() const {
    return predicted_tasks ? static_cast<double>(matched) / predicted_tasks : 1.0;
  }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

class Evaluator {
 public:
  explicit Evaluator(const extract::AgencyFinder* agencies) : agencies_(agencies) {}
  // Adds one document; `gold` may be null (counted, not scored).
  void Add(const Record& record, const GoldDocument* gold);
  Report Finish() { return std::move(report_); }

 private:
  // How many gold names find a predicted agency (each used once).
  int MatchNames(const std::vector<std::string>& gold, const std::vector<Agency>& got) const;
  const extract::AgencyFinder* agencies_;
  Report report_;
};

// The text report: differences (unless !list_misses), the per-document table, totals.
std::string FormatReport(const Report& report, bool list_misses = true);
nlohmann::ordered_json ReportToJson(const Report& report);

}  // namespace notices::eval
