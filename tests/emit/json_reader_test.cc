#include "pipeline/emit/json_reader.h"

#include <gtest/gtest.h>

#include "pipeline/emit/json_writer.h"
#include "tests/emit/sample_records.h"

namespace notices::emit {
namespace {

// Record -> JSON (with text) -> Record -> JSON: byte-identical, and the spans come back
// as the same byte offsets.
TEST(JsonReaderTest, RoundTripWithTextIsByteIdentical) {
  JsonOptions with_text;
  with_text.with_text = true;
  Record unsigned_draft = testing::SampleNotice();
  unsigned_draft.document.signer->name.clear();  // "name": null
  Record unread = testing::SampleError();
  unread.source.sha256.clear();  // "sha256": null
  unread.error = Error(ErrorCode::kIo, "missing.txt: không mở được tệp");
  const Record records[] = {testing::SampleNotice(), testing::SampleError(), testing::HostileNotice(),
                            testing::SyntheticBatch(1)[0], unsigned_draft, unread};
  for (const Record& original : records) {
    std::string line = RecordToJsonLine(original, with_text);
    Result<Record> back = RecordFromJsonLine(line);
    ASSERT_TRUE(back.ok()) << back.error().message << "\n" << line;
    EXPECT_EQ(RecordToJsonLine(*back, with_text), line);
    EXPECT_EQ(RecordToJsonLine(*back, {}), RecordToJsonLine(original, {}));
    ASSERT_EQ(back->tasks.size(), original.tasks.size());
    for (size_t i = 0; i < original.tasks.size(); ++i) {
      EXPECT_EQ(back->tasks[i].span, original.tasks[i].span);
      ASSERT_EQ(back->tasks[i].lead.size(), original.tasks[i].lead.size());
      for (size_t k = 0; k < original.tasks[i].lead.size(); ++k)
        EXPECT_EQ(back->tasks[i].lead[k].span, original.tasks[i].lead[k].span);
    }
  }
}

// Without text, spans stay in code points and SpanIndex reads them as such: every
// emitter then sees the same code point spans as for the original record.
TEST(JsonReaderTest, WithoutTextSpansStayInCodePoints) {
  Record original = testing::SampleNotice();
  Result<Record> back = RecordFromJsonLine(RecordToJsonLine(original, {}));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(back->text.empty());
  SpanIndex from_original(original), from_json(*back);
  for (size_t i = 0; i < original.tasks.size(); ++i) {
    CodePointSpan a = from_original(original.tasks[i].span);
    CodePointSpan b = from_json(back->tasks[i].span);
    EXPECT_EQ(a.begin, b.begin);
    EXPECT_EQ(a.end, b.end);
    EXPECT_LT(a.end - a.begin, original.tasks[i].span.size());  // Vietnamese: fewer code points than bytes
  }
  EXPECT_EQ(back->document.number, original.document.number);
  EXPECT_EQ(back->tasks[1].deadline->recurrence, Recurrence::kMonthly);
  EXPECT_EQ(back->tasks[0].deadline->due, (PartialDate{2026, 1, 15}));
}

TEST(JsonReaderTest, RejectsWhatIsNotARecord) {
  const std::string good = RecordToJsonLine(testing::SampleNotice(), {});
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
  };
  struct Case {
    std::string line;
    std::string message;  // a fragment of the error message
  } cases[] = {
      {"", "invalid JSON"},
      {"{\"schema\": \"notices/1\"", "invalid JSON"},
      {"[1, 2]", "expected a JSON object"},
      {"{\"schema\": \"notices/2\"}", "schema"},
      {replace("\"schema\":\"notices/1\",", ""), "schema"},
      {replace("\"tasks\":", "\"tasks_\":"), "missing \"tasks\""},
      {replace("\"kind\":\"date\"", "\"kind\":\"someday\""), "unknown deadline kind"},
      {replace("\"due\":\"2026-01-15\"", "\"due\":\"2026-01\""), "expected a full date"},
      {replace("\"due\":\"2026-01-15\"", "\"due\":\"15/01/2026\""), "not a date"},
      {replace("\"collective\":false", "\"collective\":\"no\""), "tasks[0].lead[0].collective"},
      {replace("\"format\":\"text\"", "\"format\":\"docx\""), "unknown format"},
  };
  for (const Case& c : cases) {
    Result<Record> r = RecordFromJsonLine(c.line);
    ASSERT_FALSE(r.ok()) << c.line;
    EXPECT_EQ(r.error().code, ErrorCode::kUsage);
    EXPECT_NE(r.error().message.find(c.message), std::string::npos)
        << r.error().message << " (wanted " << c.message << ")";
  }
}

TEST(JsonReaderTest, SpanPastTheTextIsRejected) {
  JsonOptions with_text;
  with_text.with_text = true;
  Record r = testing::SampleNotice();
  nlohmann::json j = nlohmann::json::parse(RecordToJsonLine(r, with_text));
  j["tasks"][0]["span"] = {0, 100000};
  Result<Record> back = RecordFromJson(j);
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.error().message.find("tasks[0].span"), std::string::npos) << back.error().message;
}

TEST(JsonReaderTest, ErrorRecordKeepsCodeAndDetail) {
  Result<Record> back = RecordFromJsonLine(RecordToJsonLine(testing::SampleError(), {}));
  ASSERT_TRUE(back.ok());
  ASSERT_TRUE(back->error.has_value());
  EXPECT_EQ(back->error->code, ErrorCode::kPdfEncrypted);
  EXPECT_EQ(back->error->detail, "Encrypted");
  EXPECT_EQ(back->source.format, SourceFormat::kPdf);
}

}  // namespace
}  // namespace notices::emit
