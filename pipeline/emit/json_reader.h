// JSON Lines reader for the `notices/1` contract: the inverse of json_writer.h. It turns
// records written by `notices extract` (on this machine or others) back into Records so
// that shards can be merged into one database or re-emitted as CSV / iCalendar.
//
//   std::string line;
//   while (std::getline(in, line)) {
//     Result<Record> r = emit::RecordFromJsonLine(line);
//     if (!r) { std::cerr << r.error().message << "\n"; continue; }  // "not a notices/1 record: ..."
//     store.Add(*r);
//   }
//
//   emit::SpanIndex spans(record);          // any record: from the pipeline or from JSON
//   CodePointSpan s = spans(task.span);     // {begin, end} in code points, as the contract says
//
// Spans. The JSON carries code point offsets into the normalized text; a Record carries
// byte offsets into Record::text.
//  - When the line has "text" (`extract --with-text`), spans are converted back to bytes
//    and the Record is the one the pipeline produced: RecordToJsonLine(RecordFromJsonLine(l))
//    == l, byte for byte.
//  - Without "text", byte offsets cannot be recovered. The Record then has an empty
//    Record::text and keeps the code point values in its spans. Spans into an empty text
//    have no other meaning, so "empty text: spans are code points" is unambiguous;
//    SpanIndex applies that rule, and every emitter in this folder reads spans through it.
//    (json_writer would need the same rule to re-emit such a record unchanged.)
//
// Validation: the line must be a JSON object with "schema": "notices/1" and the fields
// the schema requires, with the right types; spans must lie inside the text when there is
// one. Unknown fields are ignored (the contract may add fields). Errors are values with
// code kUsage (the input is not what the command expects) and a message naming the field.
//
// Thread-safety: reentrant.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pipeline/common/error.h"
#include "pipeline/common/utf8.h"
#include "pipeline/extract/record.h"

namespace notices::emit {

Result<Record> RecordFromJson(const nlohmann::json& json);
Result<Record> RecordFromJsonLine(std::string_view line);

// [begin, end) in code points.
struct CodePointSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Converts a record's spans to code points, whichever way the record was made (see
// "Spans" above). Holds a view of record.text: the record must outlive it.
class SpanIndex {
 public:
  explicit SpanIndex(const Record& record);
  CodePointSpan operator()(const Range& r) const;

 private:
  bool identity_;
  CodePointIndex index_;
};

}  // namespace notices::emit
