// SqliteStore: the records of many import runs in one SQLite database, for queries,
// trackers and full-text search. Crash-safe, idempotent, readable while it is written.
//
//   auto store = emit::SqliteStore::Open("notices.db", {}).value();   // creates or migrates
//   store->BeginRun({.source = "pipeline", .inputs = paths.size()});
//   for (const Record& r : records) {
//     Result<emit::AddOutcome> o = store->Add(r);    // kAdded, kNewVersion, kUnchanged, ...
//     if (!o) return o.error();                      // the database itself failed (disk full)
//   }
//   store->FinishRun();                              // commits, marks the run completed
//   emit::RunCounts c = store->counts();
//
// Most callers use emit::ImportRecords / ImportJsonLines (importer.h) instead.
//
// Tables (schema version 2; `sqlite3 notices.db .schema` shows them with comments):
//   documents       one row per distinct input (by sha256 of its bytes): source and
//                   document fields, `text` (the normalized text, when the record had
//                   it), `supersedes` (the previous version of the same notice) and
//                   `run_id` (the run that added it)
//   tasks           one row per task: `task_id` ("<12 hex>-<n>", the contract's id),
//                   document_id, ordinal, section, text, span, page, product, warnings
//   agencies        one row per canonical agency name (collective, known)
//   task_agencies   task x agency x role (lead, coordinate, requested, report_to), with
//                   position, the text as written and its span
//   deadlines       at most one per task: text, due (YYYY-MM-DD), before, kind,
//                   recurrence, span
//   doc_references  the documents' references (kind, number, date, span)
//   errors          inputs that produced no document: path, sha256, code, message, detail
//   runs            one row per import run: started, finished, status (running,
//                   completed, interrupted), counts, and last_input (where it stopped)
//   schema_version  one row per applied migration
//   task_fts        FTS5 index over task text (see "Full-text search"); it stores no copy
//                   of the text: its content is the view task_fts_source over `tasks`
//   views: current_documents (the latest version of each notice), current_tasks (tasks
//   of current documents with due, deadline and lead names), task_roles (task x role x
//   agency name).
// Spans are [start, end) code point offsets into documents.text, as in the JSON.
// Optional values are NULL; JSON arrays (recipients, warnings, also_at) are JSON text.
// Foreign keys are declared for readers and tools; the store writes whole documents in
// savepoints and does not turn on SQLite's (per-connection) enforcement.
//
// Idempotence and versions. A record whose source sha256 is already in `documents` adds
// nothing (kUnchanged), whatever its path: the same bytes give the same task ids. A
// record with new bytes whose path (other than "-") or whose series (document number +
// issuer + year of the document date: numbers restart every year and every office
// numbers its own) matches an existing document is a new version (kNewVersion): a new
// row with `supersedes` = the newest matching document. "Latest" means most recently
// imported; current_documents is every document no other one supersedes. An error
// record goes to `errors` once per (path, sha256, code).
//
// Transactions and crashes. Records are written in batches of options.batch_size
// documents per transaction (default 50), each document inside a savepoint: a document
// is fully in or fully out. The run row's counts and last_input are updated in the same
// transaction as the batch, so after a kill (SIGKILL, power loss) the database holds
// exactly the committed batches and the run row says how far it got; its status stays
// "running" until the next BeginRun, which marks runs whose process is gone as
// "interrupted". Running the same import again adds what is missing (the rest is
// kUnchanged). WAL journal with synchronous=NORMAL: a kill loses nothing committed; a
// power loss may lose the last batches but never corrupts the file.
// If the database refuses a record (a constraint, e.g. a task id already used by another
// document), that document is rolled back alone and recorded in `errors` with code
// "internal" (kRejected); the batch goes on.
//
// Concurrency. WAL mode: readers (sqlite3 CLI, other processes, other connections) can
// query at any time and see the last committed batch. One writer at a time: a second
// SqliteStore on the same file waits up to options.busy_timeout_ms for the lock.
//
// Full-text search. task_fts(text, folded) uses the unicode61 tokenizer with
// remove_diacritics 2, which strips every combining mark after NFD, so "ra soat"
// matches "rà soát" and "thuy loi" matches "thủy lợi" (and "rà soát" still matches
// itself: the query is folded the same way). It cannot fold "đ": U+0111 has no
// decomposition, so "duong" would not find "đường". The `folded` column holds the task
// text with đ/Đ spelled d/D (NULL when it has none); a query term may match either
// column, so "duong", "đường" and "Đường" all find it, and so does the phrase
// "\"bao cao dinh ky\"". The price is about twice the index work per task. Query with
//   SELECT ... FROM task_fts WHERE task_fts MATCH 'ra soat' ORDER BY rank
// and join tasks on tasks.id = task_fts.rowid.
//
// SQL injection. Every value is a bound parameter of a statement prepared once; no SQL
// is ever built from record text.
//
// Schema migrations. Migrations() is the ordered list of steps; Open applies the
// missing ones in one transaction and records each in schema_version. A database newer
// than this program is refused (kUsage), never downgraded.
//
// Errors: Open returns kIo when the file cannot be opened or is not a database, kUsage
// for a newer schema; Add/FinishRun return kIo when SQLite fails (disk full, I/O error).
// Thread-safety: one SqliteStore per thread (it owns one SQLite connection).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "pipeline/common/error.h"
#include "pipeline/extract/record.h"

namespace notices::emit {

struct SqliteOptions {
  size_t batch_size = 50;     // documents per transaction
  bool store_text = true;     // keep the normalized text in documents.text
  int busy_timeout_ms = 10000;
  int schema_version = 0;     // migrate up to this version only (tests); 0: the latest
};

struct RunInfo {
  std::string source = "pipeline";     // "pipeline" or "jsonl"
  std::optional<uint64_t> inputs;      // announced number of inputs, when known
};

enum class AddOutcome {
  kAdded,       // a new document
  kNewVersion,  // a new document that supersedes an earlier version
  kUnchanged,   // these bytes were imported before: nothing added
  kError,       // an error record (stored in `errors` unless already there)
  kRejected,    // the database refused the record: stored in `errors` as "internal"
};
std::string_view AddOutcomeName(AddOutcome outcome);

struct RunCounts {
  uint64_t records = 0;       // every Add and AddRejectedInput
  uint64_t added = 0;         // kAdded + kNewVersion
  uint64_t new_versions = 0;  // kNewVersion
  uint64_t unchanged = 0;
  uint64_t errors = 0;        // kError + kRejected + AddRejectedInput
};

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

class SqliteStore {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const SqliteOptions& options);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // The ordered migration steps; the last one's version is the latest schema.
  static std::span<const Migration> Migrations();
  static int LatestVersion();
  int version() const;

  // Starts a run (a committed "running" row). Runs of dead processes become "interrupted".
  Result<int64_t> BeginRun(const RunInfo& info);
  // Adds one record to the current batch; commits every batch_size documents.
  Result<AddOutcome> Add(const Record& record);
  // An input that is not a record at all (a malformed JSON line): stored in `errors`
  // with `where` as its path ("shard.jsonl:17") and the sha256 of `content`.
  Status AddRejectedInput(const std::string& where, std::string_view content, const Error& error);
  // Commits the open batch and marks the run completed.
  Status FinishRun();

  const RunCounts& counts() const;
  int64_t run_id() const;

 private:
  struct Impl;
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace notices::emit
