// Differences between two runs over the same inputs: two JSON Lines files of notices/1
// records, as `notices extract` writes them (`notices diff OLD.jsonl NEW.jsonl`).
//
//   auto before = eval::LoadRun("old.jsonl");         // Result<Run>
//   auto after = eval::LoadRun("new.jsonl");
//   eval::RunDiff d = eval::DiffRuns(*before, *after);
//   std::cout << eval::FormatDiff(d);                  // human-readable
//   std::cout << eval::DiffToJson(d).dump(2);          // the same, as JSON
//   return d.identical() ? 0 : 1;
//
// Matching. Records pair by source path (the n-th record of a path with the n-th record
// of that path in the other run). Tasks pair in four passes, each over what is still
// unpaired: same id and same text; same text (ids shifted because a task was added or
// removed before them); same id and similar text; then the most similar texts first.
// Texts are similar when the Dice coefficient of their folded word sets (see Fold in
// evaluator.h) is at least kMinSimilarity. Unpaired tasks are added or removed.
//
// Compared, on paired tasks: section, text, page, the agency names of each role (lead,
// coordinate, requested, report_to; canonical names, in order), the deadline's due date,
// kind and recurrence, the warnings (where the extractor guessed). A task whose id alone
// changed is not a change. On documents: type, number, date, the input's sha256, and the
// error (a document that now fails, passes again, or fails differently).
//
// Thread-safety: plain functions over values.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/common/error.h"

namespace notices::eval {

inline constexpr double kMinSimilarity = 0.5;

// What a run says about one task; values keep their JSON form (null, string, array).
struct RunTask {
  std::string id;
  std::string text;
  nlohmann::ordered_json fields;  // section, text, page, lead, ..., deadline.due, ...
};

struct RunDocument {
  std::string path;
  nlohmann::ordered_json fields;  // type, number, date, sha256
  std::optional<std::string> error;  // "code: message"
  std::vector<RunTask> tasks;
};

struct Run {
  std::string name;  // the file it came from, for messages
  std::vector<RunDocument> documents;
};

// Parses JSON Lines of notices/1 records (blank lines skipped). Errors: kUsage naming
// the line that is not a notices/1 record; kIo when the file cannot be read.
Result<Run> ParseRun(std::istream& in, const std::string& name);
Result<Run> LoadRun(const std::string& path);

struct FieldChange {
  std::string field;  // "lead", "deadline.due", ...
  nlohmann::ordered_json before, after;
};

struct TaskChange {
  std::string old_id, new_id;
  std::string text;          // the new text
  std::optional<std::string> section;
  bool by_text = false;      // paired by text similarity, not by id
  double similarity = 1.0;
  std::vector<FieldChange> fields;
};

enum class DocumentStatus {
  kSame,         // nothing differs
  kChanged,      // fields or tasks differ
  kAdded,        // only in the new run
  kRemoved,      // only in the old run
  kNowFailing,   // read before, an error record now
  kNowPassing,   // an error record before, read now
  kErrorChanged, // an error in both runs, not the same one
};
std::string_view DocumentStatusName(DocumentStatus status);  // "same", "changed", "added", ...

struct DocumentDiff {
  std::string path;
  DocumentStatus status = DocumentStatus::kSame;
  std::optional<std::string> old_error, new_error;
  std::vector<FieldChange> fields;  // document fields
  std::vector<RunTask> added, removed;
  std::vector<TaskChange> changed;
  size_t old_tasks = 0, new_tasks = 0;
};

struct RunDiff {
  size_t old_documents = 0, new_documents = 0;
  std::vector<DocumentDiff> documents;  // every document that differs, in the new run's order
                                        // (removed ones last)
  size_t tasks_added = 0, tasks_removed = 0, tasks_changed = 0;
  bool identical() const { return documents.empty(); }
  size_t Count(DocumentStatus status) const;
};

RunDiff DiffRuns(const Run& before, const Run& after);

// Dice coefficient of the folded word sets of two texts, in [0, 1].
double TextSimilarity(std::string_view a, std::string_view b);

// Lines like "  ~ a1b2-3 [1.2] lead: Sở X -> Sở Y", then a summary; "no differences" when
// identical.
std::string FormatDiff(const RunDiff& diff);
nlohmann::ordered_json DiffToJson(const RunDiff& diff);

}  // namespace notices::eval
