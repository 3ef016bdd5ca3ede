// SqliteStore: schema and migrations, batched crash-safe import of Records. Tested by
// tests/emit/sqlite_store_test.cc (schema, migration, idempotence, versions, kill and
// re-run, hostile text, FTS, concurrent reader) and tests/emit/example_queries_test.cc.
#include "pipeline/emit/sqlite_store.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <iterator>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/common/sha256.h"
#include "pipeline/emit/json_reader.h"

namespace notices::emit {

namespace {

// Version 1: the records. Comments are kept by SQLite and shown by `.schema`.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,                  -- UTC, ISO 8601
  finished TEXT,                          -- NULL while running or when interrupted
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
  source TEXT NOT NULL,                   -- 'pipeline' or 'jsonl'
  pid INTEGER NOT NULL,                   -- the importing process (to detect a dead run)
  inputs INTEGER,                         -- announced number of inputs; NULL when unknown
  records INTEGER NOT NULL DEFAULT 0,     -- records committed so far
  documents_added INTEGER NOT NULL DEFAULT 0,
  documents_new_versions INTEGER NOT NULL DEFAULT 0,
  documents_unchanged INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  last_input TEXT                         -- path of the last committed record: where it stopped
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,            -- of the input bytes: the identity of a document
  path TEXT NOT NULL,
  format TEXT NOT NULL,                   -- 'text' or 'pdf'
  encoding TEXT,
  pages INTEGER,
  bytes INTEGER NOT NULL,
  type TEXT,
  number TEXT,
  issuer TEXT,
  place TEXT,
  date TEXT,                              -- YYYY, YYYY-MM or YYYY-MM-DD
  subject TEXT,
  meeting_date TEXT,
  meeting_chair TEXT,
  signer_name TEXT,
  signer_title TEXT,
  recipients TEXT NOT NULL,               -- JSON array of strings
  warnings TEXT NOT NULL,                 -- JSON array of strings
  text TEXT,                              -- the normalized text spans point into
  series TEXT,                            -- number|issuer|year: versions of one notice share it
  supersedes INTEGER REFERENCES documents(id),
  run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX documents_path ON documents(path);
CREATE INDEX documents_series ON documents(series) WHERE series IS NOT NULL;
CREATE INDEX documents_supersedes ON documents(supersedes) WHERE supersedes IS NOT NULL;
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  task_id TEXT NOT NULL UNIQUE,           -- the contract's id: <12 hex of sha256>-<ordinal>
  document_id INTEGER NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL,               -- 1-based position in the document
  section TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,            -- code points into documents.text
  span_end INTEGER NOT NULL,
  page INTEGER,
  product TEXT,
  also_at TEXT,                           -- JSON array of spans, NULL when none
  warnings TEXT NOT NULL                  -- JSON array of strings
);
CREATE INDEX tasks_document ON tasks(document_id);
CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,              -- canonical name
  collective INTEGER NOT NULL,
  known INTEGER NOT NULL                  -- in the gazetteer (in any record seen)
);
CREATE TABLE task_agencies (
  task INTEGER NOT NULL REFERENCES tasks(id),
  agency INTEGER NOT NULL REFERENCES agencies(id),
  role TEXT NOT NULL CHECK (role IN ('lead', 'coordinate', 'requested', 'report_to')),
  position INTEGER NOT NULL,              -- order within the role, from 0
  text TEXT NOT NULL,                     -- as written
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (task, role, position)
) WITHOUT ROWID;
CREATE INDEX task_agencies_agency ON task_agencies(agency, role);
CREATE TABLE deadlines (
  task INTEGER PRIMARY KEY REFERENCES tasks(id),
  text TEXT NOT NULL,                     -- the phrase as written
  due TEXT,                               -- YYYY-MM-DD
  before INTEGER NOT NULL,                -- 1: to be done before `due`
  kind TEXT NOT NULL,
  recurrence TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL
);
CREATE INDEX deadlines_due ON deadlines(due) WHERE due IS NOT NULL;
CREATE TABLE doc_references (
  document INTEGER NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  number TEXT NOT NULL,
  date TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document, position)
) WITHOUT ROWID;
CREATE TABLE errors (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,                   -- empty when the input could not be read
  code TEXT NOT NULL,                     -- the contract's error code
  message TEXT NOT NULL,
  detail TEXT,
  UNIQUE (path, sha256, code)
);
CREATE VIEW current_documents AS
  SELECT d.* FROM documents d
  WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.supersedes = d.id);
CREATE VIEW task_roles AS
  SELECT ta.task AS task, t.task_id, ta.role, ta.position, a.name, ta.text
  FROM task_agencies ta JOIN agencies a ON a.id = ta.agency JOIN tasks t ON t.id = ta.task;
CREATE VIEW current_tasks AS
  SELECT t.id, t.task_id, t.document_id, t.section, t.text, t.page,
         dl.due, dl.before, dl.kind AS deadline_kind, dl.text AS deadline, dl.recurrence,
         d.path, d.number AS document_number, d.date AS document_date,
         (SELECT group_concat(a.name, '; ') FROM task_agencies ta JOIN agencies a ON a.id = ta.agency
          WHERE ta.task = t.id AND ta.role = 'lead') AS leads
  FROM tasks t JOIN current_documents d ON d.id = t.document_id
  LEFT JOIN deadlines dl ON dl.task = t.id;
)sql";

// Version 2: full-text search over task text. The index keeps no copy of the text: its
// content is the view task_fts_source over `tasks` (snippet() and highlight() read it
// there). `folded` is the text with đ/Đ spelled d/D, NULL when it has neither
// (char(273) is đ, char(272) is Đ); Folded() computes the same value for new rows, and
// 'rebuild' indexes the rows already there.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE VIEW task_fts_source AS
  SELECT id, text,
         CASE WHEN instr(text, char(273)) OR instr(text, char(272))
              THEN replace(replace(text, char(273), 'd'), char(272), 'D') END AS folded
  FROM tasks;
CREATE VIRTUAL TABLE task_fts USING fts5(
  text, folded, content = 'task_fts_source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO task_fts(task_fts) VALUES('rebuild');
)sql";

constexpr Migration kMigrations[] = {
    {1, "documents, tasks, agencies, roles, deadlines, references, errors, runs", kSchemaV1},
    {2, "full-text search over task text (task_fts)", kSchemaV2},
};

// A prepared statement, reset after each use. Strings bound by reference must outlive
// the Step that follows (every call site binds and steps in one expression sequence);
// temporaries are copied.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }

  int Prepare(sqlite3* db, std::string_view sql) {
    return sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &s_, nullptr);
  }
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, std::string&& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<std::string>& v) { return v ? Bind(i, *v) : Null(i); }
  Stmt& Bind(int i, const std::optional<int>& v) { return v ? Bind(i, int64_t{*v}) : Null(i); }
  Stmt& BindDate(int i, const std::optional<PartialDate>& d) {
    return d ? Bind(i, d->ToString()) : Null(i);
  }

  // SQLITE_ROW, SQLITE_DONE or an error code. Resets after DONE or an error.
  int Step() {
    int rc = sqlite3_step(s_);
    if (rc != SQLITE_ROW) sqlite3_reset(s_);
    return rc;
  }
  void Reset() { sqlite3_reset(s_); }
  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }

 private:
  sqlite3_stmt* s_ = nullptr;
};

std::string JsonArray(const std::vector<std::string>& list) {
  if (list.empty()) return "[]";
  return nlohmann::json(list).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `text` with đ (C4 91) and Đ (C4 90) spelled d and D, or "" when it has neither (see
// "Full-text search" in the header; the same as kFoldedSql).
std::string Folded(std::string_view text) {
  if (text.find("\xC4\x91") == std::string_view::npos && text.find("\xC4\x90") == std::string_view::npos)
    return {};
  std::string out;
  out.reserve(text.size());
  for (size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '\xC4' && k + 1 < text.size() && (text[k + 1] == '\x91' || text[k + 1] == '\x90')) {
      out += text[k + 1] == '\x91' ? 'd' : 'D';
      ++k;
    } else {
      out += text[k];
    }
  }
  return out;
}

// What makes two versions the same notice; empty when the number is unknown.
std::string Series(const DocumentInfo& d) {
  if (!d.number || d.number->empty()) return {};
  std::string s = *d.number;
  s += '|';
  s += d.issuer.value_or("");
  s += '|';
  if (d.date) s += std::to_string(d.date->year);
  return s;
}

}  // namespace

std::string_view AddOutcomeName(AddOutcome outcome) {
  switch (outcome) {
    case AddOutcome::kAdded: return "added";
    case AddOutcome::kNewVersion: return "new_version";
    case AddOutcome::kUnchanged: return "unchanged";
    case AddOutcome::kError: return "error";
    case AddOutcome::kRejected: return "rejected";
  }
  return "added";
}

struct SqliteStore::Impl {
  sqlite3* db = nullptr;
  SqliteOptions options;
  int version = 0;
  RunCounts counts;
  int64_t run_id = 0;
  bool run_open = false;
  bool in_batch = false;
  size_t pending = 0;  // records in the open batch
  std::string last_input;
  struct AgencyRow {
    int64_t id;
    bool known;
  };
  std::unordered_map<std::string, AgencyRow> agency_ids;  // cleared on any rollback
  // Tasks to index at the end of the batch. FTS5 flushes its pending terms into a new
  // segment at every savepoint it takes part in, so indexing inside the per-document
  // savepoints wrote a tiny segment per document and cost about half again as much.
  std::vector<std::pair<int64_t, std::string>> fts_batch;
  size_t fts_document_start = 0;  // where the open document's tasks start in fts_batch

  Stmt savepoint, release, rollback_to, find_sha, find_previous, insert_document, insert_reference, insert_task, upsert_agency,
      insert_role, insert_deadline, insert_fts, insert_error, update_run;

  ~Impl() {
    if (db) {
      if (run_open) {
        // Destroyed without FinishRun: keep the complete documents of the open batch.
        (void)Commit();
        Exec("UPDATE runs SET status = 'interrupted' WHERE id = " + std::to_string(run_id));
      }
      // close_v2 waits for the statements, finalized right after this body.
      sqlite3_close_v2(db);
    }
  }

  Error DbError(std::string_view what) const {
    return Error(ErrorCode::kIo, "database: " + std::string(what) + ": " + sqlite3_errmsg(db));
  }

  Status Exec(const std::string& sql) {
    char* msg = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
      std::string m = msg ? msg : sqlite3_errstr(rc);
      sqlite3_free(msg);
      return Error(ErrorCode::kIo, "database: " + m);
    }
    return {};
  }

  Status Prepare(Stmt& s, std::string_view sql) {
    if (s.Prepare(db, sql) != SQLITE_OK) return DbError("prepare");
    return {};
  }

  Status PrepareAll() {
    struct {
      Stmt* stmt;
      std::string_view sql;
    } list[] = {
        {&savepoint, "SAVEPOINT document"},
        {&release, "RELEASE document"},
        {&rollback_to, "ROLLBACK TO document"},
        {&find_sha, "SELECT id FROM documents WHERE sha256 = ?1"},
        {&find_previous,
         "SELECT id FROM documents WHERE (?1 <> '-' AND path = ?1) OR series = ?2 "
         "ORDER BY id DESC LIMIT 1"},
        {&insert_document,
         "INSERT INTO documents(sha256, path, format, encoding, pages, bytes, type, number, issuer, "
         "place, date, subject, meeting_date, meeting_chair, signer_name, signer_title, recipients, "
         "warnings, text, series, supersedes, run_id) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
         "?19, ?20, ?21, ?22)"},
        {&insert_reference,
         "INSERT INTO doc_references(document, position, kind, number, date, span_start, span_end) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&insert_task,
         "INSERT INTO tasks(task_id, document_id, ordinal, section, text, span_start, span_end, page, "
         "product, also_at, warnings) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
        {&upsert_agency,
         "INSERT INTO agencies(name, collective, known) VALUES(?1, ?2, ?3) "
         "ON CONFLICT(name) DO UPDATE SET known = max(known, excluded.known) RETURNING id"},
        {&insert_role,
         "INSERT INTO task_agencies(task, agency, role, position, text, span_start, span_end) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&insert_deadline,
         "INSERT INTO deadlines(task, text, due, before, kind, recurrence, span_start, span_end) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
        {&insert_error,
         "INSERT INTO errors(run_id, path, sha256, code, message, detail) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(path, sha256, code) DO NOTHING"},
        {&update_run,
         "UPDATE runs SET records = ?2, documents_added = ?3, documents_new_versions = ?4, "
         "documents_unchanged = ?5, errors = ?6, last_input = ?7 WHERE id = ?1"},
    };
    for (auto& [stmt, sql] : list) {
      if (Status st = Prepare(*stmt, sql); !st) return st;
    }
    if (version >= 2) {
      if (Status st = Prepare(insert_fts, "INSERT INTO task_fts(rowid, text, folded) VALUES(?1, ?2, ?3)"); !st)
        return st;
    }
    return {};
  }

  Result<int> ReadVersion() {
    Stmt s;
    if (s.Prepare(db, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'") != SQLITE_OK)
      return DbError("read the schema version");
    if (s.Step() != SQLITE_ROW) return DbError("read the schema version");
    bool exists = s.Int(0) > 0;
    s.Reset();
    if (!exists) return 0;
    Stmt v;
    if (v.Prepare(db, "SELECT coalesce(max(version), 0) FROM schema_version") != SQLITE_OK ||
        v.Step() != SQLITE_ROW)
      return DbError("read the schema version");
    int out = static_cast<int>(v.Int(0));
    v.Reset();
    return out;
  }

  Status Migrate(int target) {
    if (Status st = Exec("BEGIN IMMEDIATE"); !st) return st;
    auto fail = [&](Error e) {
      (void)Exec("ROLLBACK");
      return Status(std::move(e));
    };
    Result<int> current = ReadVersion();
    if (!current) return fail(current.error());
    if (*current > LatestVersion()) {
      return fail(Error(ErrorCode::kUsage,
                        "database schema version " + std::to_string(*current) +
                            " is newer than this program's (" + std::to_string(LatestVersion()) +
                            "): use a newer notices"));
    }
    if (*current == 0) {
      Status st = Exec(
          "CREATE TABLE schema_version (\n"
          "  version INTEGER PRIMARY KEY,\n"
          "  applied TEXT NOT NULL,               -- UTC, ISO 8601\n"
          "  description TEXT NOT NULL\n"
          ")");
      if (!st) return fail(st.error());
    }
    Stmt record;
    if (record.Prepare(db,
                       "INSERT INTO schema_version(version, applied, description) "
                       "VALUES(?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?2)") != SQLITE_OK)
      return fail(DbError("prepare"));
    int applied = *current;
    for (const Migration& m : kMigrations) {
      if (m.version <= *current || m.version > target) continue;
      Status st = Exec(std::string(m.sql));
      if (!st) {
        return fail(Error(ErrorCode::kIo, "database: migration to version " + std::to_string(m.version) +
                                              " failed: " + st.error().message));
      }
      if (record.Bind(1, int64_t{m.version}).Bind(2, m.description).Step() != SQLITE_DONE)
        return fail(DbError("record the migration"));
      applied = m.version;
    }
    if (Status st = Exec("COMMIT"); !st) return fail(st.error());
    version = std::max(applied, *current);
    return {};
  }

  Status Begin() {
    if (in_batch) return {};
    if (Status st = Exec("BEGIN IMMEDIATE"); !st) return st;
    in_batch = true;
    pending = 0;
    return {};
  }

  Status SaveRun() {
    int rc = update_run.Bind(1, run_id)
                 .Bind(2, static_cast<int64_t>(counts.records))
                 .Bind(3, static_cast<int64_t>(counts.added))
                 .Bind(4, static_cast<int64_t>(counts.new_versions))
                 .Bind(5, static_cast<int64_t>(counts.unchanged))
                 .Bind(6, static_cast<int64_t>(counts.errors))
                 .Bind(7, last_input)
                 .Step();
    if (rc != SQLITE_DONE) return DbError("update the run");
    return {};
  }

  Status IndexBatch() {
    for (const auto& [task, text] : fts_batch) {
      std::string folded = Folded(text);
      insert_fts.Bind(1, task).Bind(2, text);
      if (folded.empty()) insert_fts.Null(3); else insert_fts.Bind(3, folded);
      if (insert_fts.Step() != SQLITE_DONE) return DbError("index a task");
    }
    fts_batch.clear();
    return {};
  }

  // The batch's index entries, the run row and the batch, in one transaction.
  Status Commit() {
    if (!in_batch) return {};
    Status st = IndexBatch();
    if (st) st = SaveRun();
    if (st) st = Exec("COMMIT");
    if (!st) {
      (void)Exec("ROLLBACK");
      in_batch = false;
      agency_ids.clear();
      fts_batch.clear();
      return st;
    }
    in_batch = false;
    pending = 0;
    return {};
  }

  Status AfterRecord(const std::string& path) {
    ++counts.records;
    last_input = path;
    if (++pending >= options.batch_size) return Commit();
    return {};
  }

  Status InsertError(const std::string& path, const std::string& sha, std::string_view code,
                     const std::string& message, const std::string& detail) {
    insert_error.Bind(1, run_id).Bind(2, path).Bind(3, sha).Bind(4, code).Bind(5, message);
    if (detail.empty()) {
      insert_error.Null(6);
    } else {
      insert_error.Bind(6, detail);
    }
    if (insert_error.Step() != SQLITE_DONE) return DbError("record an error");
    return {};
  }

  Result<int64_t> AgencyId(const Agency& a) {
    auto it = agency_ids.find(a.name);
    if (it != agency_ids.end() && (it->second.known || !a.known)) return it->second.id;
    int rc = upsert_agency.Bind(1, a.name)
                 .Bind(2, int64_t{a.collective})
                 .Bind(3, int64_t{a.known})
                 .Step();
    if (rc != SQLITE_ROW) return DbError("insert an agency");
    int64_t id = upsert_agency.Int(0);
    upsert_agency.Step();  // DONE: resets
    agency_ids[a.name] = AgencyRow{id, a.known};
    return id;
  }

  // Everything of one document; the caller wraps it in a savepoint.
  Status InsertDocument(const Record& r, std::optional<int64_t> previous) {
    const DocumentInfo& d = r.document;
    const SourceInfo& s = r.source;
    std::string series = Series(d);
    Stmt& q = insert_document;
    q.Bind(1, s.sha256).Bind(2, s.path).Bind(3, s.format == SourceFormat::kPdf ? "pdf" : "text");
    if (s.encoding.empty()) q.Null(4); else q.Bind(4, s.encoding);
    q.Bind(5, s.pages).Bind(6, static_cast<int64_t>(s.bytes));
    q.Bind(7, d.type).Bind(8, d.number).Bind(9, d.issuer).Bind(10, d.place).BindDate(11, d.date);
    q.Bind(12, d.subject);
    if (d.meeting) {
      q.BindDate(13, d.meeting->date).Bind(14, d.meeting->chair);
    } else {
      q.Null(13).Null(14);
    }
    if (d.signer) {
      if (d.signer->name.empty()) q.Null(15); else q.Bind(15, d.signer->name);  // unsigned
      q.Bind(16, d.signer->title);
    } else {
      q.Null(15).Null(16);
    }
    q.Bind(17, JsonArray(d.recipients)).Bind(18, JsonArray(r.warnings));
    if (options.store_text && !r.text.empty()) q.Bind(19, r.text); else q.Null(19);
    if (series.empty()) q.Null(20); else q.Bind(20, series);
    if (previous) q.Bind(21, *previous); else q.Null(21);
    q.Bind(22, run_id);
    if (q.Step() != SQLITE_DONE) return DbError("insert a document");
    const int64_t doc_id = sqlite3_last_insert_rowid(db);

    SpanIndex spans(r);
    for (size_t i = 0; i < r.references.size(); ++i) {
      const Reference& ref = r.references[i];
      CodePointSpan sp = spans(ref.span);
      int rc = insert_reference.Bind(1, doc_id)
                   .Bind(2, static_cast<int64_t>(i))
                   .Bind(3, ref.kind)
                   .Bind(4, ref.number)
                   .BindDate(5, ref.date)
                   .Bind(6, static_cast<int64_t>(sp.begin))
                   .Bind(7, static_cast<int64_t>(sp.end))
                   .Step();
      if (rc != SQLITE_DONE) return DbError("insert a reference");
    }
    for (size_t i = 0; i < r.tasks.size(); ++i) {
      if (Status st = InsertTask(r.tasks[i], doc_id, static_cast<int64_t>(i + 1), spans); !st) return st;
    }
    return {};
  }

  Status InsertTask(const Task& t, int64_t doc_id, int64_t ordinal, const SpanIndex& spans) {
    CodePointSpan sp = spans(t.span);
    Stmt& q = insert_task;
    q.Bind(1, t.id).Bind(2, doc_id).Bind(3, ordinal).Bind(4, t.section).Bind(5, t.text);
    q.Bind(6, static_cast<int64_t>(sp.begin)).Bind(7, static_cast<int64_t>(sp.end));
    q.Bind(8, t.page).Bind(9, t.product);
    if (t.extra_spans.empty()) {
      q.Null(10);
    } else {
      nlohmann::json also = nlohmann::json::array();
      for (const Range& e : t.extra_spans) {
        CodePointSpan c = spans(e);
        also.push_back({c.begin, c.end});
      }
      q.Bind(10, also.dump());
    }
    q.Bind(11, JsonArray(t.warnings));
    if (q.Step() != SQLITE_DONE) return DbError("insert a task");
    const int64_t task = sqlite3_last_insert_rowid(db);

    const std::pair<Role, const std::vector<Agency>*> roles[] = {
        {Role::kLead, &t.lead},
        {Role::kCoordinate, &t.coordinate},
        {Role::kRequested, &t.requested},
        {Role::kReportTo, &t.report_to}};
    for (const auto& [role, list] : roles) {
      for (size_t i = 0; i < list->size(); ++i) {
        const Agency& a = (*list)[i];
        Result<int64_t> id = AgencyId(a);
        if (!id) return id.error();
        CodePointSpan as = spans(a.span);
        int rc = insert_role.Bind(1, task)
                     .Bind(2, *id)
                     .Bind(3, RoleName(role))
                     .Bind(4, static_cast<int64_t>(i))
                     .Bind(5, a.text)
                     .Bind(6, static_cast<int64_t>(as.begin))
                     .Bind(7, static_cast<int64_t>(as.end))
                     .Step();
        if (rc != SQLITE_DONE) return DbError("insert a role");
      }
    }
    if (t.deadline) {
      const Deadline& d = *t.deadline;
      CodePointSpan ds = spans(d.span);
      Stmt& q2 = insert_deadline;
      q2.Bind(1, task).Bind(2, d.text).BindDate(3, d.due).Bind(4, int64_t{d.before});
      q2.Bind(5, DeadlineKindName(d.kind));
      if (d.recurrence == Recurrence::kNone) q2.Null(6); else q2.Bind(6, RecurrenceName(d.recurrence));
      q2.Bind(7, static_cast<int64_t>(ds.begin)).Bind(8, static_cast<int64_t>(ds.end));
      if (q2.Step() != SQLITE_DONE) return DbError("insert a deadline");
    }
    if (version >= 2) fts_batch.emplace_back(task, t.text);
    return {};
  }

  Result<AddOutcome> Add(const Record& r) {
    if (!run_open) return Error(ErrorCode::kInternal, "SqliteStore::Add before BeginRun");
    if (Status st = Begin(); !st) return st.error();
    AddOutcome outcome;
    if (r.error) {
      Status st = InsertError(r.source.path, r.source.sha256, ErrorCodeName(r.error->code),
                              r.error->message, r.error->detail);
      if (!st) return st.error();
      ++counts.errors;
      outcome = AddOutcome::kError;
    } else {
      int rc = find_sha.Bind(1, r.source.sha256).Step();
      find_sha.Reset();
      if (rc == SQLITE_ROW) {
        ++counts.unchanged;
        outcome = AddOutcome::kUnchanged;
      } else if (rc != SQLITE_DONE) {
        return DbError("look up a document");
      } else {
        Result<AddOutcome> added = AddDocument(r);
        if (!added) return added.error();
        outcome = *added;
      }
    }
    if (Status st = AfterRecord(r.source.path); !st) return st.error();
    return outcome;
  }

  Result<AddOutcome> AddDocument(const Record& r) {
    std::optional<int64_t> previous;
    std::string series = Series(r.document);
    find_previous.Bind(1, r.source.path);
    if (series.empty()) find_previous.Null(2); else find_previous.Bind(2, series);
    int rc = find_previous.Step();
    if (rc == SQLITE_ROW) {
      previous = find_previous.Int(0);
      find_previous.Reset();
    } else if (rc != SQLITE_DONE) {
      return DbError("look up a previous version");
    }
    if (savepoint.Step() != SQLITE_DONE) return DbError("savepoint");
    fts_document_start = fts_batch.size();
    Status st = InsertDocument(r, previous);
    if (!st) {
      // Only this document goes; the batch goes on. A failure of the database itself
      // (disk full, I/O) shows again right below and ends the run.
      std::string why = st.error().message;
      agency_ids.clear();
      fts_batch.resize(fts_document_start);
      if (rollback_to.Step() != SQLITE_DONE || release.Step() != SQLITE_DONE)
        return DbError("roll back a document");
      if (Status e = InsertError(r.source.path, r.source.sha256, ErrorCodeName(ErrorCode::kInternal),
                                 "the database refused the record", why);
          !e)
        return e.error();
      ++counts.errors;
      return AddOutcome::kRejected;
    }
    if (release.Step() != SQLITE_DONE) return DbError("release a document");
    ++counts.added;
    if (previous) ++counts.new_versions;
    return previous ? AddOutcome::kNewVersion : AddOutcome::kAdded;
  }
};

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

std::span<const Migration> SqliteStore::Migrations() { return kMigrations; }
int SqliteStore::LatestVersion() { return kMigrations[std::size(kMigrations) - 1].version; }
int SqliteStore::version() const { return impl_->version; }
const RunCounts& SqliteStore::counts() const { return impl_->counts; }
int64_t SqliteStore::run_id() const { return impl_->run_id; }

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const SqliteOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.batch_size == 0) impl->options.batch_size = 1;
  int rc = sqlite3_open_v2(path.c_str(), &impl->db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = impl->db ? sqlite3_errmsg(impl->db) : sqlite3_errstr(rc);
    return Error(ErrorCode::kIo, "cannot open database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(impl->db, 1);
  // WAL must be set outside a transaction; it also proves the file is a database.
  Status st = impl->Exec("PRAGMA journal_mode = WAL");
  if (st) st = impl->Exec("PRAGMA synchronous = NORMAL");
  // The unique index on task ids takes random keys: with the default 2 MiB page cache a
  // large database reads its pages back from the file on every batch.
  if (st) st = impl->Exec("PRAGMA cache_size = -32768");
  if (!st) return Error(ErrorCode::kIo, "cannot use database " + path + ": " + st.error().message);
  int target = options.schema_version > 0 ? std::min(options.schema_version, LatestVersion())
                                          : LatestVersion();
  if (st = impl->Migrate(target); !st) return st.error();
  if (st = impl->PrepareAll(); !st) return st.error();
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

Result<int64_t> SqliteStore::BeginRun(const RunInfo& info) {
  Impl& m = *impl_;
  if (m.run_open) return Error(ErrorCode::kInternal, "SqliteStore::BeginRun: a run is already open");
  if (Status st = m.Exec("BEGIN IMMEDIATE"); !st) return st.error();
  auto fail = [&](Error e) -> Result<int64_t> {
    (void)m.Exec("ROLLBACK");
    return e;
  };
  // Runs left "running" by a process that is gone were interrupted.
  {
    Stmt running, mark;
    if (running.Prepare(m.db, "SELECT id, pid FROM runs WHERE status = 'running'") != SQLITE_OK ||
        mark.Prepare(m.db, "UPDATE runs SET status = 'interrupted' WHERE id = ?1") != SQLITE_OK)
      return fail(m.DbError("read the runs"));
    std::vector<int64_t> dead;
    while (running.Step() == SQLITE_ROW) {
      pid_t pid = static_cast<pid_t>(running.Int(1));
      if (pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH)) dead.push_back(running.Int(0));
    }
    for (int64_t id : dead) {
      if (mark.Bind(1, id).Step() != SQLITE_DONE) return fail(m.DbError("mark a run"));
    }
  }
  Stmt insert;
  if (insert.Prepare(m.db,
                     "INSERT INTO runs(started, status, source, pid, inputs) "
                     "VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'running', ?1, ?2, ?3)") != SQLITE_OK)
    return fail(m.DbError("prepare"));
  insert.Bind(1, info.source).Bind(2, int64_t{getpid()});
  if (info.inputs) insert.Bind(3, static_cast<int64_t>(*info.inputs)); else insert.Null(3);
  if (insert.Step() != SQLITE_DONE) return fail(m.DbError("start a run"));
  m.run_id = sqlite3_last_insert_rowid(m.db);
  if (Status st = m.Exec("COMMIT"); !st) return fail(st.error());
  m.run_open = true;
  m.counts = {};
  m.last_input.clear();
  return m.run_id;
}

Result<AddOutcome> SqliteStore::Add(const Record& record) { return impl_->Add(record); }

Status SqliteStore::AddRejectedInput(const std::string& where, std::string_view content,
                                     const Error& error) {
  Impl& m = *impl_;
  if (!m.run_open) return Error(ErrorCode::kInternal, "SqliteStore::AddRejectedInput before BeginRun");
  if (Status st = m.Begin(); !st) return st;
  if (Status st = m.InsertError(where, Sha256Hex(content), ErrorCodeName(error.code), error.message,
                                error.detail);
      !st)
    return st;
  ++m.counts.errors;
  return m.AfterRecord(where);
}

Status SqliteStore::FinishRun() {
  Impl& m = *impl_;
  if (!m.run_open) return Error(ErrorCode::kInternal, "SqliteStore::FinishRun without a run");
  if (Status st = m.Begin(); !st) return st;
  // Marked completed in the same transaction as the last batch.
  Stmt done;
  if (done.Prepare(m.db,
                   "UPDATE runs SET status = 'completed', finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                   "inputs = coalesce(inputs, ?2) WHERE id = ?1") != SQLITE_OK)
    return m.DbError("prepare");
  if (done.Bind(1, m.run_id).Bind(2, static_cast<int64_t>(m.counts.records)).Step() != SQLITE_DONE)
    return m.DbError("finish the run");
  if (Status st = m.Commit(); !st) return st;
  m.run_open = false;
  return {};
}

}  // namespace notices::emit
