// JSON Lines emitter for the `notices/1` contract (schema/notices-1.schema.json).
//
//   emit::JsonOptions opt;           // with_text = false
//   std::string line = emit::RecordToJsonLine(record, opt);   // one line, no '\n'
//   nlohmann::ordered_json j = emit::RecordToJson(record, opt);
//
// Keys come in the contract's order, so output is byte-identical for identical records.
// RecordToJsonLine writes the line directly (no DOM; the hot path of `notices extract`)
// and gives exactly the bytes of RecordToJson(record, opt).dump(-1, ' ', false,
// error_handler_t::replace); RecordToJson is for callers that want to edit the record.
// Spans are converted from the record's byte offsets to code point offsets into the
// normalized text. Strings taken from documents are escaped by the JSON library; any
// invalid UTF-8 (there should be none) is replaced, never emitted raw.
//
// Thread-safety: reentrant.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/extract/record.h"

namespace notices::emit {

struct JsonOptions {
  bool with_text = false;  // include the normalized text (--with-text)
};

nlohmann::ordered_json RecordToJson(const Record& record, const JsonOptions& options);
std::string RecordToJsonLine(const Record& record, const JsonOptions& options);

}  // namespace notices::emit
