#include "pipeline/emit/sqlite_store.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "pipeline/common/utf8.h"
#include "pipeline/emit/importer.h"
#include "tests/emit/sample_records.h"
#include "tests/emit/sqlite_test_util.h"

namespace notices::emit {
namespace {

using testing::Reader;
using testing::TempDb;

std::unique_ptr<SqliteStore> OpenStore(const std::string& path, SqliteOptions options = {}) {
  Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path, options);
  EXPECT_TRUE(s.ok()) << s.error().message;
  return s.ok() ? std::move(s).value() : nullptr;
}

std::vector<AddOutcome> Import(SqliteStore& store, const std::vector<Record>& records) {
  std::vector<AddOutcome> out;
  EXPECT_TRUE(store.BeginRun({}).ok());
  for (const Record& r : records) {
    Result<AddOutcome> o = store.Add(r);
    EXPECT_TRUE(o.ok()) << o.error().message;
    if (o) out.push_back(*o);
  }
  Status st = store.FinishRun();
  EXPECT_TRUE(st.ok()) << st.error().message;
  return out;
}

TEST(SqliteStoreTest, CreatesTheLatestSchema) {
  TempDb db("create");
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  EXPECT_EQ(store->version(), SqliteStore::LatestVersion());
  Reader r(db.path());
  EXPECT_EQ(r.Scalar("SELECT group_concat(version) FROM schema_version"), "1,2");
  EXPECT_EQ(r.Scalar("PRAGMA journal_mode"), "wal");
  for (const char* name : {"documents", "tasks", "agencies", "task_agencies", "deadlines", "doc_references",
                           "errors", "runs", "task_fts", "current_documents", "current_tasks", "task_roles"}) {
    EXPECT_EQ(r.Scalar("SELECT count(*) FROM sqlite_master WHERE name = ?1", {name}), "1") << name;
  }
}

TEST(SqliteStoreTest, MigratesAnOldDatabaseAndKeepsItsRows) {
  TempDb db("migrate");
  {
    SqliteOptions v1;
    v1.schema_version = 1;
    auto store = OpenStore(db.path(), v1);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->version(), 1);
    Import(*store, {testing::SampleNotice()});
  }
  {
    Reader r(db.path());
    EXPECT_EQ(r.Scalar("SELECT max(version) FROM schema_version"), "1");
    EXPECT_EQ(r.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'task_fts'"), "0");
  }
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  EXPECT_EQ(store->version(), 2);
  Reader r(db.path());
  EXPECT_EQ(r.Scalar("SELECT group_concat(version) FROM schema_version"), "1,2");
  EXPECT_EQ(r.Count("tasks"), 3);
  // The migration indexed the rows that were there: a search finds the old task.
  EXPECT_EQ(r.Scalar("SELECT t.task_id FROM task_fts JOIN tasks t ON t.id = task_fts.rowid "
                     "WHERE task_fts MATCH 'ra soat'"),
            testing::SampleNotice().tasks[0].id);
  // And new rows are indexed by the store, the same way.
  Import(*store, {testing::HostileNotice()});
  EXPECT_EQ(r.Scalar("SELECT count(*) FROM task_fts WHERE task_fts MATCH 'ra soat'"), "2");
  EXPECT_EQ(testing::FtsIntegrity(db.path()), "ok");
}

TEST(SqliteStoreTest, RefusesANewerSchema) {
  TempDb db("newer");
  { ASSERT_TRUE(OpenStore(db.path())); }
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.path().c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "INSERT INTO schema_version VALUES(99, 'x', 'from the future')", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(db.path(), {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUsage);
  EXPECT_NE(s.error().message.find("99"), std::string::npos) << s.error().message;
}

TEST(SqliteStoreTest, NotADatabaseIsAnIoError) {
  TempDb db("garbage");
  {
    FILE* f = std::fopen(db.path().c_str(), "wb");
    ASSERT_TRUE(f);
    std::fputs("this is not a database, just text that is long enough to have a header\n", f);
    std::fclose(f);
  }
  Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(db.path(), {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kIo);
}

TEST(SqliteStoreTest, StoresEveryField) {
  TempDb db("fields");
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  const Record rec = testing::SampleNotice();
  EXPECT_EQ(Import(*store, {rec}), std::vector<AddOutcome>{AddOutcome::kAdded});
  Reader r(db.path());
  EXPECT_EQ(r.Query("SELECT number, issuer, date, meeting_date, signer_name, recipients, series, supersedes "
                    "FROM documents"),
            (testing::Rows{{"229/TB-VP", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "2026-01-06", "2026-01-05",
                            "Nguyễn Văn A", "[\"Các sở, ban, ngành\",\"Lưu: VT\"]",
                            "229/TB-VP|ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN|2026", "NULL"}}));
  EXPECT_EQ(r.Query("SELECT role, position, name FROM task_roles WHERE task_id = ?1 ORDER BY role, position",
                    {rec.tasks[0].id}),
            (testing::Rows{{"coordinate", "0", "Sở Kế hoạch và Đầu tư"},
                           {"coordinate", "1", "Sở Xây dựng"},
                           {"lead", "0", "Sở Tài chính"},
                           {"report_to", "0", "Ủy ban nhân dân tỉnh"}}));
  EXPECT_EQ(r.Query("SELECT due, before, kind, recurrence FROM deadlines ORDER BY task"),
            (testing::Rows{{"2026-01-15", "1", "date", "NULL"},
                           {"2026-01-20", "1", "recurring", "monthly"},
                           {"NULL", "0", "urgent", "NULL"}}));
  EXPECT_EQ(r.Query("SELECT kind, number, date FROM doc_references"),
            (testing::Rows{{"Nghị quyết", "57-NQ/TW", "2024-12-22"}}));
  // Spans are code points into documents.text, as in the JSON.
  CodePointIndex idx(rec.text);
  EXPECT_EQ(r.Query("SELECT span_start, span_end FROM tasks WHERE ordinal = 1"),
            (testing::Rows{{std::to_string(idx.ToCodePoint(rec.tasks[0].span.begin)),
                            std::to_string(idx.ToCodePoint(rec.tasks[0].span.end))}}));
  EXPECT_EQ(r.Scalar("SELECT substr(d.text, t.span_start + 1, t.span_end - t.span_start) FROM tasks t "
                     "JOIN documents d ON d.id = t.document_id WHERE t.ordinal = 1"),
            rec.tasks[0].text);
  EXPECT_EQ(r.Query("SELECT status, inputs, records, documents_added, errors FROM runs"),
            (testing::Rows{{"completed", "1", "1", "1", "0"}}));
}

TEST(SqliteStoreTest, ImportingTheSameNoticesAgainAddsNothing) {
  TempDb db("idempotent");
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  const std::vector<Record> batch = {testing::SampleNotice(), testing::SampleError(), testing::HostileNotice()};
  EXPECT_EQ(Import(*store, batch),
            (std::vector<AddOutcome>{AddOutcome::kAdded, AddOutcome::kError, AddOutcome::kAdded}));
  Reader r(db.path());
  const std::string before = r.Dump();
  // Same bytes under another path are the same document too.
  Record copy = testing::SampleNotice();
  copy.source.path = "elsewhere/copy.txt";
  EXPECT_EQ(Import(*store, {batch[0], batch[1], batch[2], copy}),
            (std::vector<AddOutcome>{AddOutcome::kUnchanged, AddOutcome::kError, AddOutcome::kUnchanged,
                                     AddOutcome::kUnchanged}));
  EXPECT_EQ(r.Dump(), before);
  EXPECT_EQ(r.Count("errors"), 1);
  EXPECT_EQ(r.Query("SELECT records, documents_added, documents_unchanged, errors FROM runs ORDER BY id"),
            (testing::Rows{{"3", "2", "0", "1"}, {"4", "0", "3", "1"}}));
}

TEST(SqliteStoreTest, ANewVersionSupersedesTheOldOne) {
  struct Case {
    std::string name;
    bool same_path;
    bool same_number;
  } cases[] = {{"path", true, false}, {"number", false, true}};
  for (const Case& c : cases) {
    TempDb db("version-" + c.name);
    auto store = OpenStore(db.path());
    ASSERT_TRUE(store);
    Record v1 = testing::SampleNoticeVersion(1), v2 = testing::SampleNoticeVersion(2);
    if (!c.same_path) v2.source.path = "other/place.txt";
    if (!c.same_number) v2.document.number = "230/TB-VP";
    EXPECT_EQ(Import(*store, {v1}), std::vector<AddOutcome>{AddOutcome::kAdded});
    EXPECT_EQ(Import(*store, {v2}), std::vector<AddOutcome>{AddOutcome::kNewVersion}) << c.name;
    Reader r(db.path());
    EXPECT_EQ(r.Query("SELECT id, supersedes FROM documents ORDER BY id"),
              (testing::Rows{{"1", "NULL"}, {"2", "1"}}));
    EXPECT_EQ(r.Scalar("SELECT group_concat(id) FROM current_documents"), "2");
    EXPECT_EQ(r.Count("tasks"), 6);
    EXPECT_EQ(r.Scalar("SELECT group_concat(task_id, ' ') FROM current_tasks ORDER BY id"),
              v2.tasks[0].id + " " + v2.tasks[1].id + " " + v2.tasks[2].id);
    EXPECT_EQ(r.Scalar("SELECT documents_new_versions FROM runs WHERE id = 2"), "1");
  }
}

TEST(SqliteStoreTest, UnrelatedNoticesWithTheSameNumberFromOtherOfficesAreNotVersions) {
  TempDb db("series");
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  Record a = testing::SampleNoticeVersion(1), b = testing::SampleNoticeVersion(2), c = testing::SampleNoticeVersion(3);
  b.source.path = "b.txt";
  b.document.issuer = "UBND HUYỆN CAO LỘC";
  c.source.path = "c.txt";
  c.document.date = PartialDate{2027, 1, 6};  // numbers restart every year
  EXPECT_EQ(Import(*store, {a, b, c}),
            (std::vector<AddOutcome>{AddOutcome::kAdded, AddOutcome::kAdded, AddOutcome::kAdded}));
}

TEST(SqliteStoreTest, HostileTextImportsVerbatim) {
  TempDb db("hostile");
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  const Record h = testing::HostileNotice();
  Import(*store, {h, testing::SampleNotice()});
  Reader r(db.path());
  EXPECT_EQ(r.Query("SELECT path, number, warnings FROM documents WHERE id = 1"),
            (testing::Rows{{h.source.path, *h.document.number, "[\"'); DELETE FROM documents; --\"]"}}));
  EXPECT_EQ(r.Scalar("SELECT text FROM tasks WHERE task_id = ?1", {h.tasks[0].id}), h.tasks[0].text);
  EXPECT_EQ(r.Scalar("SELECT section FROM tasks WHERE task_id = ?1", {h.tasks[0].id}), "=1+1");
  EXPECT_EQ(r.Scalar("SELECT name FROM task_roles WHERE task_id = ?1", {h.tasks[0].id}), h.tasks[0].lead[0].name);
  EXPECT_EQ(r.Scalar("SELECT text FROM documents WHERE id = 1"), h.text);
  EXPECT_EQ(r.Count("documents"), 2);
  EXPECT_EQ(r.Count("tasks"), 4);
}

TEST(SqliteStoreTest, FullTextSearchIgnoresDiacritics) {
  TempDb db("fts");
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  const Record rec = testing::SampleNotice();
  Import(*store, {rec});
  Reader r(db.path());
  struct Case {
    std::string query;
    std::string task_ids;  // ordinals of the matching tasks, in order
  } cases[] = {
      {"ra soat", "1"},            // rà soát
      {"rà soát", "1"},
      {"duong dien", "1"},         // đường điện: đ folded by the `folded` column
      {"đường điện", "1"},
      {"ĐƯỜNG", "1"},
      {"huong dan", "2"},          // hướng dẫn
      {"khan truong", "3"},        // khẩn trương
      {"de nghi", "3"},            // Đề nghị
      {"bao cao", "1,2"},
      {"\"bao cao dinh ky\"", "2"},  // a phrase
      {"thuy loi", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(r.Scalar("SELECT coalesce(group_concat(t.ordinal), '') FROM task_fts "
                       "JOIN tasks t ON t.id = task_fts.rowid WHERE task_fts MATCH ?1 ORDER BY t.ordinal",
                       {c.query}),
              c.task_ids)
        << c.query;
  }
}

TEST(SqliteStoreTest, AReaderReadsWhileAWriteTransactionIsOpen) {
  TempDb db("wal");
  SqliteOptions opt;
  opt.batch_size = 1000;  // keep the transaction open
  auto store = OpenStore(db.path(), opt);
  ASSERT_TRUE(store);
  Import(*store, {testing::SampleNotice()});
  ASSERT_TRUE(store->BeginRun({}).ok());
  for (const Record& rec : testing::SyntheticBatch(20)) ASSERT_TRUE(store->Add(rec).ok());
  // The writer holds an open transaction with 20 documents; a reader is not blocked and
  // sees the last committed state.
  Reader r(db.path());
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(r.Scalar("SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(r.Scalar("SELECT count(*) FROM current_tasks"), "3");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));  // no busy wait
  ASSERT_TRUE(store->FinishRun().ok());
  EXPECT_EQ(r.Scalar("SELECT count(*) FROM documents"), "21");
}

TEST(SqliteStoreTest, ARecordTheDatabaseRefusesIsRolledBackAlone) {
  TempDb db("rejected");
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  Record a = testing::SampleNotice();
  Record b = testing::HostileNotice();
  b.tasks[0].id = a.tasks[0].id;  // a task id another document already has
  Record c = testing::SyntheticBatch(1)[0];
  EXPECT_EQ(Import(*store, {a, b, c}),
            (std::vector<AddOutcome>{AddOutcome::kAdded, AddOutcome::kRejected, AddOutcome::kAdded}));
  Reader r(db.path());
  EXPECT_EQ(r.Count("documents"), 2);
  EXPECT_EQ(r.Scalar("SELECT count(*) FROM documents WHERE sha256 = ?1", {b.source.sha256}), "0");
  EXPECT_EQ(r.Scalar("SELECT count(*) FROM agencies WHERE name = ?1", {b.tasks[0].lead[0].name}), "0");
  EXPECT_EQ(r.Query("SELECT path, code FROM errors"), (testing::Rows{{b.source.path, "internal"}}));
  EXPECT_EQ(r.Scalar("SELECT count(*) FROM task_fts WHERE task_fts MATCH 'ra soat'"),
            std::to_string(1 + c.tasks.size()));
  EXPECT_EQ(testing::FtsIntegrity(db.path()), "ok");
}

// Kills an import (SIGKILL) in the middle of a batch, checks that the database holds
// whole batches only and that the run row says where it stopped, then runs the import
// again and compares every table with a clean import.
TEST(SqliteStoreTest, KilledImportLeavesWholeBatchesAndARerunCompletesIt) {
  const std::vector<Record> records = testing::SyntheticBatch(300, 4);
  constexpr size_t kBatch = 10;
  TempDb killed("killed"), clean("clean");
  { ASSERT_TRUE(OpenStore(killed.path())); }  // schema created before the child starts

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    SqliteOptions opt;
    opt.batch_size = kBatch;
    auto store = SqliteStore::Open(killed.path(), opt);
    if (!store) _exit(3);
    auto run = [&](size_t i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(3));  // a slow extraction
      return records[i];
    };
    std::vector<std::string> paths(records.size());
    (void)ImportBatch(**store, paths, run, 1, {});
    _exit(0);
  }
  {
    Reader r(killed.path());
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::stoll(r.Scalar("SELECT count(*) FROM documents")) < 35 &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::this_thread::sleep_for(std::chrono::milliseconds(7));  // somewhere inside the next batch
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it was killed";

  long long committed = 0;
  {
    Reader r(killed.path());
    EXPECT_EQ(r.Scalar("PRAGMA integrity_check"), "ok");
    committed = r.Count("documents");
    EXPECT_GE(committed, 35);
    EXPECT_LT(committed, 300);
    EXPECT_EQ(committed % kBatch, 0u) << "a batch was half committed";
    EXPECT_EQ(r.Count("tasks"), committed * 4);
    EXPECT_EQ(r.Query("SELECT status, records, last_input FROM runs"),
              (testing::Rows{{"running", std::to_string(committed), records[committed - 1].source.path}}));
  }
  {
    SqliteOptions opt;
    opt.batch_size = kBatch;
    auto store = OpenStore(killed.path(), opt);
    ASSERT_TRUE(store);
    std::vector<std::string> paths(records.size());
    auto s = ImportBatch(*store, paths, [&](size_t i) { return records[i]; }, 1, {});
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->counts.unchanged, static_cast<uint64_t>(committed));
    EXPECT_EQ(s->counts.added, 300u - static_cast<uint64_t>(committed));
  }
  {
    auto store = OpenStore(clean.path());
    ASSERT_TRUE(store);
    std::vector<std::string> paths(records.size());
    ASSERT_TRUE(ImportBatch(*store, paths, [&](size_t i) { return records[i]; }, 1, {}).ok());
  }
  Reader a(killed.path()), b(clean.path());
  EXPECT_EQ(a.Query("SELECT id, status FROM runs ORDER BY id"),
            (testing::Rows{{"1", "interrupted"}, {"2", "completed"}}));
  EXPECT_EQ(a.Count("documents"), 300);
  EXPECT_EQ(testing::FtsIntegrity(killed.path()), "ok");
  const std::string dump = a.Dump();
  EXPECT_EQ(dump, b.Dump());
  EXPECT_GT(dump.size(), 10000u);
}

}  // namespace
}  // namespace notices::emit
