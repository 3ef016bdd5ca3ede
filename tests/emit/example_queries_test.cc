// The example queries given for the README, run on a sample database. Each query is
// written as a user types it (date('now')); the test pins "now" to 2026-01-10.
#include <gtest/gtest.h>

#include "pipeline/emit/sqlite_store.h"
#include "tests/emit/sample_records.h"
#include "tests/emit/sqlite_test_util.h"

namespace notices::emit {
namespace {

// All open tasks of Sở Tài chính due this month (tasks of the current version of each
// notice; a task is open while its notice is current).
constexpr char kLeadDueThisMonth[] = R"sql(
SELECT t.due, t.task_id, t.text, t.path
FROM current_tasks t
WHERE t.due BETWEEN date('now', 'start of month') AND date('now', 'start of month', '+1 month', '-1 day')
  AND EXISTS (SELECT 1 FROM task_roles r
              WHERE r.task = t.id AND r.role = 'lead' AND r.name = 'Sở Tài chính')
ORDER BY t.due, t.task_id;
)sql";

// Tasks due in the next 14 days, by lead.
constexpr char kDueSoonByLead[] = R"sql(
SELECT r.name AS lead, t.due, t.task_id, t.text
FROM current_tasks t JOIN task_roles r ON r.task = t.id AND r.role = 'lead'
WHERE t.due BETWEEN date('now') AND date('now', '+14 days')
ORDER BY r.name, t.due, t.task_id;
)sql";

// Full-text search, without diacritics, best match first.
constexpr char kSearch[] = R"sql(
SELECT t.task_id, t.leads, snippet(task_fts, 0, '[', ']', '…', 8) AS excerpt
FROM task_fts JOIN current_tasks t ON t.id = task_fts.rowid
WHERE task_fts MATCH 'ra soat duong dien'
ORDER BY rank;
)sql";

// Inputs that failed and never imported since.
constexpr char kFailed[] = R"sql(
SELECT e.path, e.code, e.message, r.started
FROM errors e JOIN runs r ON r.id = e.run_id
WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = e.sha256)
ORDER BY e.path;
)sql";

std::string PinNow(std::string sql) {
  for (size_t at = sql.find("'now'"); at != std::string::npos; at = sql.find("'now'", at))
    sql.replace(at, 5, "'2026-01-10'");
  return sql;
}

TEST(ExampleQueriesTest, RunOnASampleDatabase) {
  testing::TempDb db("queries");
  {
    auto store = SqliteStore::Open(db.path(), {});
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->BeginRun({}).ok());
    std::vector<Record> records = {testing::SampleNoticeVersion(1), testing::SampleError(),
                                   testing::HostileNotice()};
    for (Record& r : testing::SyntheticBatch(30, 4)) records.push_back(std::move(r));
    records.push_back(testing::SampleNoticeVersion(2));  // supersedes version 1
    for (const Record& r : records) ASSERT_TRUE((*store)->Add(r).ok());
    ASSERT_TRUE((*store)->FinishRun().ok());
  }
  testing::Reader r(db.path());
  const Record current = testing::SampleNoticeVersion(2);
  const std::string& t1 = current.tasks[0].id;
  const std::string& t2 = current.tasks[1].id;
  const Record hostile = testing::HostileNotice();

  EXPECT_EQ(r.Query(PinNow(kLeadDueThisMonth)),
            (testing::Rows{{"2026-01-15", t1, current.tasks[0].text, current.source.path}}));

  testing::Rows soon = r.Query(PinNow(kDueSoonByLead));
  testing::Rows want = {{"Sở Nội vụ", "2026-01-20", t2, current.tasks[1].text},
                        {"Sở Tài chính", "2026-01-15", t1, current.tasks[0].text},
                        {"Sở Tư pháp", "2026-01-20", t2, current.tasks[1].text},
                        {"Sở Y tế", "2026-01-20", t2, current.tasks[1].text},
                        {hostile.tasks[0].lead[0].name, "2026-01-15", hostile.tasks[0].id, hostile.tasks[0].text}};
  std::sort(want.begin(), want.end());  // SQLite's BINARY collation orders by bytes, as std::string does
  EXPECT_EQ(soon, want);

  testing::Rows found = r.Query(kSearch);
  ASSERT_EQ(found.size(), 1u) << (found.empty() ? "" : found[0][0]);
  EXPECT_EQ(found[0][0], t1);
  EXPECT_EQ(found[0][1], "Sở Tài chính");
  EXPECT_NE(found[0][2].find("[rà] [soát]"), std::string::npos) << found[0][2];

  testing::Rows failed = r.Query(kFailed);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0][0], "scans/khoa.pdf");
  EXPECT_EQ(failed[0][1], "pdf_encrypted");
}

}  // namespace
}  // namespace notices::emit
