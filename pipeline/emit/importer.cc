// ImportBatch and ImportJsonLines. Tested by tests/emit/importer_test.cc.
#include "pipeline/emit/importer.h"

#include <atomic>
#include <optional>

#include "pipeline/batch/ordered_map.h"
#include "pipeline/emit/json_reader.h"

namespace notices::emit {

Result<ImportSummary> ImportBatch(SqliteStore& store, const std::vector<std::string>& inputs,
                                  const RecordFn& run, int jobs, const ImportOptions& options) {
  RunInfo info;
  info.source = "pipeline";
  info.inputs = inputs.size();
  Result<int64_t> run_id = store.BeginRun(info);
  if (!run_id) return run_id.error();
  // After a database failure the workers stop extracting; the sink drains the rest.
  std::atomic<bool> stop{false};
  std::optional<Error> failure;
  batch::OrderedParallelMap<Record>(
      inputs.size(), jobs,
      [&](size_t i) { return stop.load(std::memory_order_relaxed) ? Record{} : run(i); },
      [&](size_t i, Record&& record) {
        if (failure) return;
        Result<AddOutcome> outcome = store.Add(record);
        if (!outcome) {
          failure = outcome.error();
          stop.store(true, std::memory_order_relaxed);
          return;
        }
        if (options.on_record) options.on_record(i, record, *outcome);
      });
  if (failure) return *failure;
  if (Status st = store.FinishRun(); !st) return st.error();
  return ImportSummary{*run_id, store.counts()};
}

Result<ImportSummary> ImportJsonLines(SqliteStore& store, std::istream& in, const std::string& name,
                                      const ImportOptions& options) {
  RunInfo info;
  info.source = "jsonl";
  Result<int64_t> run_id = store.BeginRun(info);
  if (!run_id) return run_id.error();
  std::string line;
  size_t line_no = 0, index = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Result<Record> record = RecordFromJsonLine(line);
    if (!record) {
      Status st = store.AddRejectedInput(name + ":" + std::to_string(line_no), line, record.error());
      if (!st) return st.error();
      ++index;
      continue;
    }
    Result<AddOutcome> outcome = store.Add(*record);
    if (!outcome) return outcome.error();
    if (options.on_record) options.on_record(index, *record, *outcome);
    ++index;
  }
  if (in.bad()) return Error(ErrorCode::kIo, "cannot read " + name);
  if (Status st = store.FinishRun(); !st) return st.error();
  return ImportSummary{*run_id, store.counts()};
}

}  // namespace notices::emit
