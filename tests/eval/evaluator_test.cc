// Evaluator on hand-made records and gold whose figures are known, and the gold loader
// on the devset shape and on bundles.
#include "pipeline/eval/evaluator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace notices::eval {
namespace {

namespace fs = std::filesystem;

Agency A(const std::string& name) {
  Agency a;
  a.name = name;
  a.text = name;
  a.known = true;
  return a;
}

Task T(const std::string& text, std::vector<std::string> lead, std::optional<PartialDate> due = std::nullopt) {
  Task t;
  t.text = text;
  for (const std::string& n : lead) t.lead.push_back(A(n));
  if (due) {
    Deadline d;
    d.text = "trước ngày " + due->ToString();
    d.due = due;
    t.deadline = d;
  }
  return t;
}

GoldTask G(const std::string& anchor, std::vector<std::string> lead, std::optional<std::string> due = std::nullopt) {
  GoldTask g;
  g.anchor = anchor;
  g.lead = std::move(lead);
  g.deadline = std::move(due);
  return g;
}

Record R(const std::string& path, std::vector<Task> tasks) {
  Record r;
  r.source.path = path;
  r.tasks = std::move(tasks);
  return r;
}

struct Case {
  const char* name;
  std::vector<Task> predicted;
  std::vector<GoldTask> gold;
  int matched;
  double recall, precision, f1;
  int lead_correct, lead_total;
  int deadline_correct, deadline_total;
  std::vector<std::string> miss_kinds;  // in the order listed
};

TEST(EvaluatorTest, FiguresOfHandMadeGold) {
  const PartialDate may20{2026, 5, 20}, may31{2026, 5, 31};
  const Case cases[] = {
      {"all right",
       {T("1. Giao Sở Y tế chủ trì rà soát danh mục thuốc.", {"Sở Y tế"}, may20)},
       {G("Sở Y tế chủ trì rà soát danh mục", {"Sở Y tế"}, "2026-05-20")},
       1,
       1.0,
       1.0,
       1.0,
       1,
       1,
       1,
       1,
       {}},
      {"diacritics, case and punctuation fold away in anchors",
       {T("Giao Sở Y tế: chủ trì, rà soát.", {"Sở Y tế"})},
       {G("so y te chu tri ra soat", {"sở y tế"})},
       1,
       1.0,
       1.0,
       1.0,
       1,
       1,
       1,
       1,
       {}},
      {"one missed, one spurious, one wrong lead, one wrong deadline",
       {T("Giao Sở Tài chính chủ trì bố trí kinh phí thực hiện.", {"Sở Tài chính"}, may31),
        T("Giao Sở Nội vụ hướng dẫn thi đua khen thưởng năm 2026.", {"Sở Nội vụ"}, may20),
        T("Các đơn vị khẩn trương báo cáo kết quả.", {})},
       {G("Sở Tài chính chủ trì bố trí kinh phí", {"Sở Tài chính", "Sở Kế hoạch và Đầu tư"}, "2026-05-31"),
        G("Sở Nội vụ hướng dẫn thi đua khen thưởng", {"Sở Nội vụ"}, "2026-05-31"),
        G("Công an tỉnh bảo đảm an ninh trật tự", {"Công an tỉnh"})},
       2,
       2.0 / 3,
       2.0 / 3,
       2.0 / 3,
       1,
       2,
       1,
       2,
       {"lead", "deadline", "missed", "spurious"}},
      {"a task matches one gold task only",
       {T("Giao Sở Công Thương kiểm tra thị trường.", {"Sở Công Thương"})},
       {G("Sở Công Thương kiểm tra", {"Sở Công Thương"}), G("Công Thương kiểm tra thị trường", {"Sở Công Thương"})},
       1,
       0.5,
       1.0,
       2.0 / 3,
       1,
       1,
       1,
       1,
       {"missed"}},
      {"no gold tasks, no predictions", {}, {}, 0, 1.0, 1.0, 1.0, 0, 0, 0, 0, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    GoldDocument gold;
    gold.file = "a.txt";
    gold.tasks = c.gold;
    Evaluator ev(nullptr);
    ev.Add(R("dir/a.txt", c.predicted), &gold);
    Report r = ev.Finish();
    EXPECT_EQ(r.matched, c.matched);
    EXPECT_EQ(r.gold_tasks, static_cast<int>(c.gold.size()));
    EXPECT_EQ(r.predicted_tasks, static_cast<int>(c.predicted.size()));
    EXPECT_NEAR(r.recall(), c.recall, 1e-9);
    EXPECT_NEAR(r.precision(), c.precision, 1e-9);
    EXPECT_NEAR(r.f1(), c.f1, 1e-9);
    EXPECT_EQ(r.lead.correct, c.lead_correct);
    EXPECT_EQ(r.lead.total, c.lead_total);
    EXPECT_EQ(r.deadline.correct, c.deadline_correct);
    EXPECT_EQ(r.deadline.total, c.deadline_total);
    std::vector<std::string> kinds;
    for (const Miss& m : r.misses) kinds.push_back(m.kind);
    EXPECT_EQ(kinds, c.miss_kinds);
    ASSERT_EQ(r.per_document.size(), 1u);
    EXPECT_EQ(r.per_document[0].file, "a.txt");
    EXPECT_EQ(r.per_document[0].matched, c.matched);
  }
}

TEST(EvaluatorTest, MissesCarryTheTextAndBothSides) {
  GoldDocument gold;
  gold.file = "a.txt";
  gold.tasks = {G("Sở Nội vụ hướng dẫn thi đua khen thưởng", {"Sở Nội vụ"}, "2026-05-31"),
                G("Công an tỉnh bảo đảm an ninh trật tự", {"Công an tỉnh"})};
  Evaluator ev(nullptr);
  ev.Add(R("a.txt", {T("Giao Sở Nội vụ hướng dẫn thi đua khen thưởng.", {"Sở Tư pháp"}, PartialDate{2026, 5, 20})}),
         &gold);
  Report r = ev.Finish();
  ASSERT_EQ(r.misses.size(), 3u);
  EXPECT_EQ(r.misses[0].kind, "lead");
  EXPECT_EQ(r.misses[0].text, "Sở Nội vụ hướng dẫn thi đua khen thưởng");
  EXPECT_EQ(r.misses[0].expected, "Sở Nội vụ");
  EXPECT_EQ(r.misses[0].got, "Sở Tư pháp");
  EXPECT_EQ(r.misses[1].kind, "deadline");
  EXPECT_EQ(r.misses[1].expected, "2026-05-31");
  EXPECT_EQ(r.misses[1].got.substr(0, 10), "2026-05-20");
  EXPECT_EQ(r.misses[2].kind, "missed");
  EXPECT_EQ(r.misses[2].text, "Công an tỉnh bảo đảm an ninh trật tự");
  EXPECT_EQ(r.lead_names.gold, 1);
  EXPECT_EQ(r.lead_names.predicted, 1);
  EXPECT_EQ(r.lead_names.matched, 0);

  std::string text = FormatReport(r);
  EXPECT_NE(text.find("Công an tỉnh bảo đảm an ninh trật tự"), std::string::npos) << text;
  EXPECT_NE(text.find("Task recall 0.500, precision 1.000, F1 0.667"), std::string::npos) << text;
  EXPECT_EQ(FormatReport(r, false).find("Differences:"), std::string::npos);
  nlohmann::ordered_json j = ReportToJson(r);
  EXPECT_EQ(j["tasks"]["matched"], 1);
  EXPECT_NEAR(j["tasks"]["f1"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_EQ(j["fields"]["lead"]["correct"], 0);
  EXPECT_EQ(j["differences"].size(), 3u);
  EXPECT_EQ(j["per_document"][0]["file"], "a.txt");
}

TEST(EvaluatorTest, DocumentsWithoutGoldAreCountedNotScored) {
  Evaluator ev(nullptr);
  ev.Add(R("b.txt", {T("Giao Sở Y tế chủ trì.", {"Sở Y tế"})}), nullptr);
  Report r = ev.Finish();
  EXPECT_EQ(r.documents, 1);
  EXPECT_EQ(r.documents_without_gold, 1);
  EXPECT_EQ(r.predicted_tasks, 0);
  EXPECT_TRUE(r.per_document.empty());
}

TEST(EvaluatorTest, LoadsGoldFoldersAndBundles) {
  fs::path dir = fs::temp_directory_path() /
                 ("notices-eval-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(dir);
  fs::create_directories(dir / "gold");
  {
    std::ofstream(dir / "gold" / "a.json")
        << R"({"file": "a.txt", "document": {"number": "1/TB", "date": null, "type": "THÔNG BÁO"},
              "tasks": [{"anchor": "Sở Y tế chủ trì rà soát", "lead": ["Sở Y tế"], "coordinate": [],
                         "requested": [], "deadline": "2026-05-20", "deadline_text": "trước ngày 20/5/2026",
                         "recurring": null, "note": "checked"}]})";
    std::ofstream(dir / "bundle.json")
        << R"({"notices_gold_bundle": 1, "documents": [{"file": "b.pdf", "document": {}, "tasks": []}]})";
    std::ofstream(dir / "bad.json") << R"({"notices_gold_bundle": 1, "documents": [{"tasks": []}]})";
  }
  auto gold = LoadGoldDir((dir / "gold").string());
  ASSERT_TRUE(gold) << gold.error().message;
  ASSERT_EQ(gold->count("a.txt"), 1u);
  const GoldDocument& a = gold->at("a.txt");
  EXPECT_EQ(a.number, "1/TB");
  EXPECT_EQ(a.date, std::nullopt);
  ASSERT_EQ(a.tasks.size(), 1u);
  EXPECT_EQ(a.tasks[0].deadline, "2026-05-20");
  EXPECT_EQ(a.tasks[0].note, "checked");
  EXPECT_EQ(FindGold(*gold, "x/y/a.txt"), &a);
  EXPECT_EQ(FindGold(*gold, "a.pdf"), &a) << "matches by stem";
  EXPECT_EQ(FindGold(*gold, "c.txt"), nullptr);

  auto bundle = LoadGoldDir((dir / "bundle.json").string());
  ASSERT_TRUE(bundle) << bundle.error().message;
  EXPECT_EQ(bundle->count("b.pdf"), 1u);

  auto bad = LoadGoldDir((dir / "bad.json").string());
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("document 1"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(LoadGoldDir((dir / "missing").string()));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace notices::eval
