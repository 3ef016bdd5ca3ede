// Importing a batch into a SqliteStore, from the pipeline or from JSON Lines shards.
//
//   auto store = emit::SqliteStore::Open("notices.db", {}).value();
//
//   // Run the pipeline over inputs (2 worker threads); records reach the store in input order.
//   Result<emit::ImportSummary> s = emit::ImportBatch(
//       *store, paths, [&](size_t i) { return pipeline.Run(paths[i]); }, /*jobs=*/2, {});
//
//   // Or merge shards written by `notices extract` on other machines.
//   std::ifstream shard("part-01.jsonl");
//   s = emit::ImportJsonLines(*store, shard, "part-01.jsonl", {});
//
//   if (!s) return s.error();          // the database failed (disk full, I/O, locked)
//   s->counts.added, s->counts.errors  // what the run did; also in the `runs` table
//
// Each call is one run of the store (BeginRun ... FinishRun). Records that failed in the
// pipeline, and JSON lines that are not notices/1 records ("shard.jsonl:17"), are kept
// in the `errors` table and counted; they never stop the run. Only a failure of the
// database stops it, and then what was committed stays (see sqlite_store.h, "Transactions
// and crashes"): run the same import again to finish it.
//
// Thread-safety: `run` is called from `jobs` threads at once when jobs > 1 and must be
// thread-safe (Pipeline::Run is); the store is only touched from the calling thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/emit/sqlite_store.h"
#include "pipeline/extract/record.h"

namespace notices::emit {

struct ImportOptions {
  // Called on the calling thread after each record is added, in input order (progress
  // lines, per-input messages). `index` counts records from 0.
  std::function<void(size_t index, const Record& record, AddOutcome outcome)> on_record;
};

struct ImportSummary {
  int64_t run_id = 0;
  RunCounts counts;
};

// The record of input `index` (0 .. inputs.size() - 1).
using RecordFn = std::function<Record(size_t index)>;

Result<ImportSummary> ImportBatch(SqliteStore& store, const std::vector<std::string>& inputs,
                                  const RecordFn& run, int jobs, const ImportOptions& options);

// Reads notices/1 JSON Lines from `in` (blank lines are skipped); `name` labels the
// stream in `errors` ("-" for standard input).
Result<ImportSummary> ImportJsonLines(SqliteStore& store, std::istream& in, const std::string& name,
                                      const ImportOptions& options);

}  // namespace notices::emit
