// RecordToJsonLine writes without a DOM; these tests hold it to the DOM's bytes
// (RecordToJson(...).dump with invalid UTF-8 replaced) on hand-made records with every
// optional part and awkward strings, and on the records of the samples.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "pipeline/emit/json_writer.h"
#include "pipeline/pipeline.h"

namespace notices::emit {
namespace {

std::string Dump(const Record& r, const JsonOptions& opt) {
  return RecordToJson(r, opt).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Record Full(const std::string& s) {
  Record r;
  r.source.path = s;
  r.source.sha256 = std::string(64, 'a');
  r.source.format = SourceFormat::kPdf;
  r.source.encoding = "utf-8";
  r.source.pages = 3;
  r.source.bytes = 18446744073709551615ull;
  r.text = "Sở Tài chính " + s + " trước ngày 20/4/2026.";
  r.document.type = s;
  r.document.date = PartialDate{2026, 4, 0};
  r.document.meeting = Meeting{PartialDate{2026, 3, 2}, std::nullopt};
  r.document.signer = Person{"", s};
  r.document.recipients = {s, "Như trên"};
  r.references.push_back({"Nghị quyết", s, std::nullopt, {0, 3}});
  Task t;
  t.id = "abc-1";
  t.section = "2.2";
  t.text = s;
  t.span = {0, r.text.size()};
  t.page = -2;
  t.lead.push_back({"Sở Tài chính", s, false, true, {0, 14}});
  t.coordinate.push_back({s, s, true, false, {1, 2}});
  t.deadline = Deadline{};
  t.deadline->text = s;
  t.deadline->due = PartialDate{2026, 4, 20};
  t.deadline->before = true;
  t.deadline->recurrence = Recurrence::kYearly;
  t.product = s;
  t.extra_spans = {{1, 5}, {6, 9}};
  t.warnings = {s, "lead_inherited"};
  r.tasks.push_back(t);
  r.tasks.push_back(Task{});
  r.warnings = {s};
  return r;
}

TEST(JsonLine, MatchesTheDomDump) {
  const std::string strings[] = {
      "",
      "plain",
      "Ủy ban nhân dân tỉnh “Lạng Sơn”",
      "quote \" backslash \\ slash /",
      std::string("controls \b\f\n\r\t \x01 \x1f \x7f end"),
      std::string("nul \0 inside", 13),
      "invalid \xC3 lone lead",
      "invalid \xFF\xFE bytes",
      "overlong \xC0\xAF and surrogate \xED\xA0\x80",
      "truncated at the end \xE1\xBB",
      "four bytes 😀 and U+10FFFF \xF4\x8F\xBF\xBF",
  };
  std::vector<std::string> all(std::begin(strings), std::end(strings));
  // The writer skips eight bytes at a time: an escaped byte at each place of a window,
  // after ASCII and after multi-byte letters.
  for (const char* special : {"\"", "\\", "\n", "\x1f", "\x7f"})
    for (size_t at = 0; at < 17; ++at) {
      all.push_back(std::string(at, 'x') + special + "tail of the string");
      all.push_back(std::string("Sở ") + std::string(at, 'a') + special + "ở");
    }
  for (const std::string& s : all) {
    Record r = Full(s);
    for (bool with_text : {false, true}) {
      JsonOptions opt{with_text};
      EXPECT_EQ(RecordToJsonLine(r, opt), Dump(r, opt)) << s;
    }
    Record failed;
    failed.source.path = s;
    failed.error = Error(ErrorCode::kBadEncoding, s);
    failed.error->detail = s;
    failed.warnings = {s};
    EXPECT_EQ(RecordToJsonLine(failed, {}), Dump(failed, {})) << s;
  }
}

TEST(JsonLine, MatchesTheDomDumpOnTheSamples) {
  auto rules = ruleset::RuleSet::Builtin();
  ASSERT_TRUE(rules) << rules.error().message;
  auto pipeline = Pipeline::Create(*rules, {});
  ASSERT_TRUE(pipeline) << pipeline.error().message;
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(NOTICES_SAMPLES_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Record r = pipeline->RunBytes(entry.path().filename().string(), ss.str());
    EXPECT_EQ(RecordToJsonLine(r, {true}), Dump(r, {true})) << entry.path();
    ++compared;
  }
  EXPECT_GT(compared, 5);
}

}  // namespace
}  // namespace notices::emit
