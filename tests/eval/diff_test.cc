// DiffRuns on two crafted runs: tasks added, removed, changed field by field; documents
// added, removed, failing; ids shifting without a change.
#include "pipeline/eval/diff.h"

#include <gtest/gtest.h>

#include <sstream>

namespace notices::eval {
namespace {

using Json = nlohmann::ordered_json;

Json TaskJ(const std::string& id, const std::string& text, const std::string& lead, const char* due = nullptr) {
  Json t;
  t["id"] = id;
  t["section"] = nullptr;
  t["text"] = text;
  t["page"] = nullptr;
  t["lead"] = lead.empty() ? Json::array() : Json::array({{{"name", lead}, {"text", lead}}});
  t["coordinate"] = Json::array();
  t["requested"] = Json::array();
  t["report_to"] = Json::array();
  t["deadline"] = due ? Json{{"text", "x"}, {"due", due}, {"kind", "date"}, {"recurrence", nullptr}} : Json(nullptr);
  return t;
}

std::string Line(const std::string& path, const Json& tasks, const char* number = "1/TB") {
  Json r;
  r["schema"] = "notices/1";
  r["source"] = {{"path", path}, {"sha256", "abc"}};
  r["document"] = {{"type", "THÔNG BÁO"}, {"number", number}, {"date", "2026-04-01"}};
  r["tasks"] = tasks;
  return r.dump() + "\n";
}

std::string ErrorLine(const std::string& path) {
  return R"({"schema": "notices/1", "source": {"path": ")" + path +
         R"(", "sha256": "abc"}, "error": {"code": "pdf_encrypted", "message": "locked"}})" + "\n";
}

eval::Run Parse(const std::string& text, const char* name) {
  std::istringstream in(text);
  auto run = ParseRun(in, name);
  EXPECT_TRUE(run) << run.error().message;
  return run ? *run : eval::Run{};
}

const char* kT1 = "Giao Sở Y tế chủ trì rà soát danh mục thuốc thiết yếu.";
const char* kT2 = "Giao Sở Tài chính bố trí kinh phí thực hiện đề án.";
const char* kT3 = "Giao Công an tỉnh bảo đảm an ninh trật tự dịp lễ.";
const char* kT4 = "Đề nghị các huyện báo cáo kết quả về Sở Nội vụ.";

TEST(DiffTest, TasksAddedRemovedAndChangedFieldByField) {
  eval::Run before =
      Parse(Line("a.txt", Json::array({TaskJ("h-1", kT1, "Sở Y tế", "2026-05-20"), TaskJ("h-2", kT2, "Sở Tài chính"),
                                       TaskJ("h-3", kT3, "Công an tỉnh")})),
            "old");
  // Task 1's deadline and lead change; task 2 is gone, so task 3 becomes h-2 (same
  // text: no change); a new task 4 appears.
  eval::Run after = Parse(Line("a.txt", Json::array({TaskJ("h-1", kT1, "Sở Tư pháp", "2026-05-31"),
                                                     TaskJ("h-2", kT3, "Công an tỉnh"), TaskJ("h-3", kT4, "")})),
                          "new");
  RunDiff d = DiffRuns(before, after);
  ASSERT_EQ(d.documents.size(), 1u);
  const DocumentDiff& doc = d.documents[0];
  EXPECT_EQ(doc.status, DocumentStatus::kChanged);
  ASSERT_EQ(doc.added.size(), 1u);
  EXPECT_EQ(doc.added[0].text, kT4);
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(doc.removed[0].text, kT2);
  ASSERT_EQ(doc.changed.size(), 1u);
  const TaskChange& c = doc.changed[0];
  EXPECT_EQ(c.old_id, "h-1");
  ASSERT_EQ(c.fields.size(), 2u);
  EXPECT_EQ(c.fields[0].field, "lead");
  EXPECT_EQ(c.fields[0].before, Json::array({"Sở Y tế"}));
  EXPECT_EQ(c.fields[0].after, Json::array({"Sở Tư pháp"}));
  EXPECT_EQ(c.fields[1].field, "deadline.due");
  EXPECT_EQ(c.fields[1].before, "2026-05-20");
  EXPECT_EQ(c.fields[1].after, "2026-05-31");
  EXPECT_EQ(d.tasks_added, 1u);
  EXPECT_EQ(d.tasks_removed, 1u);
  EXPECT_EQ(d.tasks_changed, 1u);

  std::string text = FormatDiff(d);
  for (const char* want :
       {"a.txt: 3 -> 3 tasks; 1 added, 1 removed, 1 changed", "lead: Sở Y tế -> Sở Tư pháp",
        "deadline.due: 2026-05-20 -> 2026-05-31", "+ h-3", "- h-2", "Tasks: 1 added, 1 removed, 1 changed"})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  Json j = DiffToJson(d);
  EXPECT_EQ(j["identical"], false);
  EXPECT_EQ(j["summary"]["tasks_changed"], 1);
  EXPECT_EQ(j["documents"][0]["tasks_changed"][0]["fields"][1]["field"], "deadline.due");
}

TEST(DiffTest, EditedTextPairsBySimilarity) {
  eval::Run before = Parse(Line("a.txt", Json::array({TaskJ("h-1", kT1, "Sở Y tế")})), "old");
  eval::Run after = Parse(
      Line("a.txt",
           Json::array({TaskJ("h-9", "Giao Sở Y tế chủ trì rà soát danh mục thuốc thiết yếu năm 2026.", "Sở Y tế")})),
      "new");
  RunDiff d = DiffRuns(before, after);
  ASSERT_EQ(d.documents.size(), 1u);
  ASSERT_EQ(d.documents[0].changed.size(), 1u);
  EXPECT_TRUE(d.documents[0].changed[0].by_text);
  ASSERT_EQ(d.documents[0].changed[0].fields.size(), 1u);
  EXPECT_EQ(d.documents[0].changed[0].fields[0].field, "text");
  EXPECT_TRUE(d.documents[0].added.empty());
  EXPECT_GT(TextSimilarity(kT1, kT1), 0.99);
  EXPECT_LT(TextSimilarity(kT1, kT3), kMinSimilarity);
}

TEST(DiffTest, DocumentStatuses) {
  struct Case {
    const char* name;
    std::string before, after;
    std::vector<std::pair<std::string, DocumentStatus>> want;
  };
  const Json one = Json::array({TaskJ("h-1", kT1, "Sở Y tế")});
  Json warned = one;
  warned[0]["warnings"] = Json::array({"lead_inherited: assignee taken from heading 1"});
  const Case cases[] = {
      {"identical", Line("a.txt", one), Line("a.txt", one), {}},
      {"added and removed documents",
       Line("a.txt", one),
       Line("b.txt", one),
       {{"b.txt", DocumentStatus::kAdded}, {"a.txt", DocumentStatus::kRemoved}}},
      {"now failing", Line("a.txt", one), ErrorLine("a.txt"), {{"a.txt", DocumentStatus::kNowFailing}}},
      {"now passing", ErrorLine("a.txt"), Line("a.txt", one), {{"a.txt", DocumentStatus::kNowPassing}}},
      {"same error", ErrorLine("a.txt"), ErrorLine("a.txt"), {}},
      {"a task's warnings", Line("a.txt", one), Line("a.txt", warned), {{"a.txt", DocumentStatus::kChanged}}},
      {"a document field", Line("a.txt", one), Line("a.txt", one, "2/TB"), {{"a.txt", DocumentStatus::kChanged}}},
      {"the same path twice pairs in order",
       Line("a.txt", one) + Line("a.txt", Json::array()),
       Line("a.txt", one) + Line("a.txt", one),
       {{"a.txt", DocumentStatus::kChanged}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    RunDiff d = DiffRuns(Parse(c.before, "old"), Parse(c.after, "new"));
    std::vector<std::pair<std::string, DocumentStatus>> got;
    for (const DocumentDiff& doc : d.documents) got.emplace_back(doc.path, doc.status);
    EXPECT_EQ(got, c.want);
    EXPECT_EQ(d.identical(), c.want.empty());
  }
}

TEST(DiffTest, RejectsWhatIsNotARun) {
  const char* bad[] = {"not json\n", "{\"schema\": \"other/1\"}\n", "{\"schema\": \"notices/1\"}\n", "[1, 2]\n"};
  for (const char* text : bad) {
    std::istringstream in(text);
    auto run = ParseRun(in, "x.jsonl");
    ASSERT_FALSE(run) << text;
    EXPECT_NE(run.error().message.find("x.jsonl:1"), std::string::npos) << run.error().message;
  }
  std::istringstream blank("\n  \n");
  auto run = ParseRun(blank, "blank");
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->documents.empty());
}

}  // namespace
}  // namespace notices::eval
