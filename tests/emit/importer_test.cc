#include "pipeline/emit/importer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/emit/json_writer.h"
#include "tests/emit/sample_records.h"
#include "tests/emit/sqlite_test_util.h"

namespace notices::emit {
namespace {

using testing::Reader;
using testing::TempDb;

std::unique_ptr<SqliteStore> OpenStore(const std::string& path) {
  auto s = SqliteStore::Open(path, {});
  EXPECT_TRUE(s.ok()) << s.error().message;
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(ImporterTest, JsonLinesShardWithABadLine) {
  TempDb db("jsonl");
  auto store = OpenStore(db.path());
  ASSERT_TRUE(store);
  JsonOptions with_text;
  with_text.with_text = true;
  const std::string shard = RecordToJsonLine(testing::SampleNotice(), {}) + "\n" +
                            RecordToJsonLine(testing::SampleError(), {}) + "\n" +
                            "{\"schema\": \"notices/1\", \"source\": tru\n" +  // a truncated line
                            "\n" +
                            RecordToJsonLine(testing::HostileNotice(), with_text) + "\n";
  std::vector<std::string> seen;
  ImportOptions opt;
  opt.on_record = [&](size_t i, const Record& r, AddOutcome o) {
    seen.push_back(std::to_string(i) + " " + r.source.path + " " + std::string(AddOutcomeName(o)));
  };
  for (int pass = 0; pass < 2; ++pass) {
    std::istringstream in(shard);
    seen.clear();
    auto s = ImportJsonLines(*store, in, "part-01.jsonl", opt);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->counts.records, 4u);
    EXPECT_EQ(s->counts.added, pass == 0 ? 2u : 0u);
    EXPECT_EQ(s->counts.unchanged, pass == 0 ? 0u : 2u);
    EXPECT_EQ(s->counts.errors, 2u);
    const std::string added = pass == 0 ? "added" : "unchanged";
    EXPECT_EQ(seen, (std::vector<std::string>{"0 notices/229-TB-VP.txt " + added, "1 scans/khoa.pdf error",
                                              "3 " + testing::HostileNotice().source.path + " " + added}));
  }
  Reader r(db.path());
  EXPECT_EQ(r.Query("SELECT path, code FROM errors ORDER BY path"),
            (testing::Rows{{"part-01.jsonl:3", "usage"}, {"scans/khoa.pdf", "pdf_encrypted"}}));
  EXPECT_EQ(r.Query("SELECT source, status, inputs, records FROM runs ORDER BY id"),
            (testing::Rows{{"jsonl", "completed", "4", "4"}, {"jsonl", "completed", "4", "4"}}));
  // Without "text" the document has no text; with it, the text is kept.
  EXPECT_EQ(r.Query("SELECT text IS NULL FROM documents ORDER BY id"), (testing::Rows{{"1"}, {"0"}}));
}

// Shards without text give the same tasks, roles and spans (code points) as records
// straight from the pipeline.
TEST(ImporterTest, JsonLinesGiveTheSameRowsAsRecords) {
  TempDb direct("direct"), shard("shard");
  const std::vector<Record> records = {testing::SampleNotice(), testing::HostileNotice(),
                                       testing::SyntheticBatch(3)[2]};
  {
    auto store = OpenStore(direct.path());
    ASSERT_TRUE(store);
    std::vector<std::string> paths(records.size());
    ASSERT_TRUE(ImportBatch(*store, paths, [&](size_t i) { return records[i]; }, 1, {}).ok());
  }
  {
    auto store = OpenStore(shard.path());
    ASSERT_TRUE(store);
    std::string lines;
    for (const Record& rec : records) lines += RecordToJsonLine(rec, {}) + "\n";
    std::istringstream in(lines);
    ASSERT_TRUE(ImportJsonLines(*store, in, "-", {}).ok());
  }
  Reader a(direct.path()), b(shard.path());
  for (const char* q : {"SELECT * FROM tasks ORDER BY id", "SELECT * FROM task_agencies ORDER BY task, role, position",
                        "SELECT * FROM deadlines ORDER BY task", "SELECT * FROM doc_references",
                        "SELECT * FROM agencies ORDER BY id", "SELECT rowid, * FROM task_fts ORDER BY rowid"}) {
    EXPECT_EQ(a.Query(q), b.Query(q)) << q;
  }
  EXPECT_EQ(b.Count("tasks"), 3 + 1 + 10);
}

TEST(ImporterTest, ParallelExtractionGivesTheSameDatabase) {
  TempDb one("jobs1"), two("jobs2");
  const std::vector<Record> records = testing::SyntheticBatch(60, 3);
  std::vector<std::string> paths(records.size());
  for (auto [path, jobs] : {std::pair{one.path(), 1}, std::pair{two.path(), 2}}) {
    auto store = OpenStore(path);
    ASSERT_TRUE(store);
    auto s = ImportBatch(*store, paths, [&](size_t i) { return records[i]; }, jobs, {});
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->counts.added, 60u);
  }
  Reader a(one.path()), b(two.path());
  EXPECT_EQ(a.Dump(), b.Dump());
}

}  // namespace
}  // namespace notices::emit
