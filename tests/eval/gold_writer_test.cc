// Gold written from records: anchors unique and 25-60 code points, devset key order,
// bundles split into files, and a record's own gold scoring F1 1.0 through the loader.
#include "pipeline/eval/gold_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/common/utf8.h"

namespace notices::eval {
namespace {

namespace fs = std::filesystem;

const char* kDocument =
    "THÔNG BÁO\n"
    "1. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát danh mục thuốc thiết yếu.\n"
    "2. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát danh mục vật tư y tế.\n"
    "a) Báo cáo.\n"
    "- Giao Công an tỉnh bảo đảm an ninh trật tự dịp lễ, báo cáo trước ngày 20/5/2026.\n";

TEST(AnchorChooserTest, AnchorsAreUniqueAndInRange) {
  AnchorChooser anchors(kDocument);
  struct Case {
    const char* task;
    const char* want;  // nullptr: only check uniqueness and length
  };
  const Case cases[] = {
      // The shared opening is not unique: the anchor starts later.
      {"1. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát danh mục thuốc thiết yếu.", nullptr},
      {"2. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát danh mục vật tư y tế.", nullptr},
      {"- Giao Công an tỉnh bảo đảm an ninh trật tự dịp lễ, báo cáo trước ngày 20/5/2026.",
       "Giao Công an tỉnh bảo đảm an ninh trật tự dịp lễ, báo cáo"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.task);
    std::string a = anchors.For(c.task);
    EXPECT_EQ(anchors.Count(a), 1u) << a;
    EXPECT_GE(CountCodePoints(a), kMinAnchorLength) << a;
    EXPECT_LE(CountCodePoints(a), kMaxAnchorLength) << a;
    EXPECT_NE(std::string(c.task).find(a), std::string::npos) << "copied from the task: " << a;
    if (c.want) {
      EXPECT_EQ(a, c.want);
    }
  }
  // Too short to reach the minimum: the longest unique run, never empty.
  EXPECT_EQ(anchors.For("a) Báo cáo."), "Báo cáo");
  EXPECT_EQ(anchors.Count("Sở Y tế chủ trì"), 2u);
  EXPECT_EQ(anchors.Count("..."), 0u);
}

Record SampleRecord() {
  Record r;
  r.source.path = "in/tb-1.txt";
  r.text = kDocument;
  r.document.number = "5/TB-UBND";
  r.document.date = PartialDate{2026, 4, 2};
  r.document.type = "THÔNG BÁO";
  auto task = [&](const char* line, const char* lead) {
    Task t;
    t.text = line;
    size_t at = r.text.find(line);
    t.span = {at, at + t.text.size()};
    Agency a;
    a.name = a.text = lead;
    a.known = true;
    t.lead.push_back(a);
    return t;
  };
  r.tasks.push_back(
      task("1. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát danh mục thuốc thiết yếu.", "Sở Y tế"));
  r.tasks.push_back(
      task("2. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát danh mục vật tư y tế.", "Sở Y tế"));
  Task t = task("- Giao Công an tỉnh bảo đảm an ninh trật tự dịp lễ, báo cáo trước ngày 20/5/2026.", "Công an tỉnh");
  Deadline d;
  d.text = "trước ngày 20/5/2026";
  d.due = PartialDate{2026, 5, 20};
  d.before = true;
  t.deadline = d;
  r.tasks.push_back(t);
  return r;
}

TEST(GoldWriterTest, RecordToGoldInTheDevsetShape) {
  GoldDocument g = GoldFromRecord(SampleRecord());
  EXPECT_EQ(g.file, "tb-1.txt");
  EXPECT_EQ(GoldFileName(g.file), "tb-1.json");
  EXPECT_EQ(GoldFileName("a.b.pdf"), "a.b.json");
  nlohmann::ordered_json j = GoldToJson(g);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"file", "document", "tasks"}));
  EXPECT_EQ(j["document"]["date"], "2026-04-02");
  ASSERT_EQ(j["tasks"].size(), 3u);
  keys.clear();
  for (const auto& [k, v] : j["tasks"][2].items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"anchor", "lead", "coordinate", "requested", "deadline", "deadline_text",
                                            "recurring"}));
  EXPECT_EQ(j["tasks"][2]["deadline"], "2026-05-20");
  EXPECT_EQ(j["tasks"][2]["deadline_text"], "trước ngày 20/5/2026");
  EXPECT_TRUE(j["tasks"][0]["deadline"].is_null());
  EXPECT_TRUE(j["tasks"][0]["deadline_text"].is_null());
}

TEST(GoldWriterTest, OwnGoldScoresPerfectlyThroughTheLoader) {
  Record r = SampleRecord();
  auto parsed = ParseGold(nlohmann::json::parse(GoldToJson(GoldFromRecord(r)).dump()), "self");
  ASSERT_TRUE(parsed) << parsed.error().message;
  Evaluator ev(nullptr);
  ev.Add(r, &*parsed);
  Report rep = ev.Finish();
  EXPECT_EQ(rep.matched, 3);
  EXPECT_DOUBLE_EQ(rep.f1(), 1.0);
  EXPECT_EQ(rep.lead.correct, 3);
  EXPECT_EQ(rep.deadline.correct, 3);
  EXPECT_EQ(rep.doc_number.correct, 1);
  EXPECT_EQ(rep.doc_date.correct, 1);
  EXPECT_TRUE(rep.misses.empty());
}

TEST(GoldWriterTest, BundlesSplitIntoFiles) {
  fs::path dir = fs::temp_directory_path() /
                 ("notices-gold-writer-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(dir);
  nlohmann::ordered_json bundle = {{"notices_gold_bundle", 1}, {"documents", nlohmann::ordered_json::array()}};
  GoldDocument a = GoldFromRecord(SampleRecord());
  GoldDocument b = a;
  b.file = "tb-1.pdf";  // same stem: written under its full name
  bundle["documents"].push_back(GoldToJson(a));
  bundle["documents"].push_back(GoldToJson(b));
  auto docs = ParseGoldBundle(nlohmann::json::parse(bundle.dump()), "bundle");
  ASSERT_TRUE(docs) << docs.error().message;
  ASSERT_EQ(docs->size(), 2u);
  auto written = WriteGoldFiles(*docs, dir.string());
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(*written, (std::vector<std::string>{(dir / "tb-1.json").string(), (dir / "tb-1.pdf.json").string()}));
  auto loaded = LoadGoldDir(dir.string());
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->size(), 2u);
  EXPECT_EQ(loaded->at("tb-1.txt").tasks.size(), 3u);

  const char* bad[] = {R"({"documents": []})", R"({"notices_gold_bundle": 1, "documents": [{"file": "x.txt"}]})",
                       R"({"notices_gold_bundle": 1, "documents": [{"tasks": []}]})"};
  for (const char* text : bad) EXPECT_FALSE(ParseGoldBundle(nlohmann::json::parse(text), "b")) << text;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace notices::eval
