// Writing gold annotations (the devset format, README.md "Gold format"): anchors chosen
// from a document, gold drafted from a record, and the bundles the audit page downloads.
//
//   eval::AnchorChooser anchors(record.text);
//   std::string a = anchors.For(task.text);   // 25-60 characters, unique in the text
//   eval::GoldDocument g = eval::GoldFromRecord(record);   // predictions as a gold draft
//   std::string file = eval::GoldFileName(g.file);         // "NAME.json"
//   nlohmann::ordered_json j = eval::GoldToJson(g);        // devset key order
//
//   // the audit page's "download all": {"notices_gold_bundle": 1, "documents": [gold...]}
//   auto docs = eval::ParseGoldBundle(bundle_json, "corrections.json");
//   eval::WriteGoldFiles(*docs, "gold/");                  // one NAME.json per document
//
// Anchors come from the normalized text (what the audit page shows and what `eval`
// matches against after folding); they are unique in that text after folding, which is
// what the evaluator needs. For a text input they are usually verbatim in the file too;
// where normalization rejoined wrapped lines or moved a tone mark they are not, and the
// devset's check_gold.py would flag them.
//
// Thread-safety: plain functions; an AnchorChooser is immutable after construction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/common/error.h"
#include "pipeline/eval/evaluator.h"
#include "pipeline/extract/record.h"

namespace notices::eval {

// Gold anchors are 25 to 60 code points long (the devset's rule).
inline constexpr size_t kMinAnchorLength = 25;
inline constexpr size_t kMaxAnchorLength = 60;

class AnchorChooser {
 public:
  // `document` is the text anchors must be unique in (Record::text). Keeps a view of it:
  // the caller keeps it alive.
  explicit AnchorChooser(std::string_view document);

  // A run of whole words copied from one line of `task_text`, 25-60 code points long,
  // trailing punctuation dropped, that occurs exactly once in the document after
  // folding. Prefers the task's first words after its list marker. When no run is both
  // long enough and unique (a very short task), returns the longest unique run, then
  // the start of the text; the result is never empty for a non-empty task.
  std::string For(std::string_view task_text) const;

  // How often `anchor` occurs in the document, both folded (0 when it folds to "").
  size_t Count(std::string_view anchor) const;

 private:
  std::string_view document_;
  std::string folded_;
};

// The gold vocabulary for a deadline's recurrence: "daily" ... "yearly", "ongoing" for
// "thường xuyên", "" when it does not recur.
std::string GoldRecurring(const Deadline& deadline);

// One gold task from a predicted task: names as written, the due date, the deadline
// phrase when it has a date or a recurrence (null for urgency and relative times).
GoldTask GoldFromTask(const Task& task, const AnchorChooser& anchors);
// Every task of the record; the document fields from the record; `file` is the input's
// file name. A record with an error gives a document without tasks.
GoldDocument GoldFromRecord(const Record& record);

// The devset file name for a gold document: the stem of `file` plus ".json".
std::string GoldFileName(std::string_view file);

// Devset shape and key order: file, document {number, date, type}, tasks [{anchor,
// lead, coordinate, requested, deadline, deadline_text, recurring, note?}].
nlohmann::ordered_json GoldToJson(const GoldDocument& gold);
nlohmann::ordered_json GoldTaskToJson(const GoldTask& task);

// Parses a bundle {"notices_gold_bundle": 1, "documents": [gold, ...]}. `where` names
// the source in messages. Errors: kUsage for a wrong shape, naming the document.
Result<std::vector<GoldDocument>> ParseGoldBundle(const nlohmann::json& bundle, const std::string& where);

// Writes one GoldFileName(file) per document into `dir` (created when missing); a
// second document with the same stem is written as "<file>.json". Each file is written
// to a temporary name and renamed. Returns the paths written. Errors: kIo.
Result<std::vector<std::string>> WriteGoldFiles(const std::vector<GoldDocument>& docs,
                                                const std::string& dir);

}  // namespace notices::eval
