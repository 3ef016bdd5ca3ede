// The audit page's writer: script-safe JSON, UTF-16 offsets, the per-document blocks and
// the assembled page. The page's behaviour in a browser is tests/audit/browser_test.py.
#include "pipeline/emit/html_report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace notices::emit {
namespace {

using Json = nlohmann::ordered_json;

TEST(HtmlReportTest, ScriptSafeJsonEscapesWhatCouldCloseTheBlock) {
  struct Case {
    std::string in, want;
  };
  const Case cases[] = {
      {"</script><script>alert(1)</script>", R"("\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e")"},
      {"<!-- x -->", R"("\u003c!-- x --\u003e")"},
      {"a & b", R"("a \u0026 b")"},
      {"line\xE2\x80\xA8sep\xE2\x80\xA9par", R"("line\u2028sep\u2029par")"},
      {"Sở Y tế", "\"Sở Y tế\""},
      {"bad \xC3 byte", "\"bad \xEF\xBF\xBD byte\""},
  };
  for (const Case& c : cases) {
    std::string got = ScriptSafeJson(Json(c.in));
    EXPECT_EQ(got, c.want) << c.in;
    EXPECT_EQ(got.find('<'), std::string::npos);
    if (c.in.find('\xC3') == std::string::npos) {
      EXPECT_EQ(Json::parse(got).get<std::string>(), c.in) << "same value";
    }
  }
}

TEST(HtmlReportTest, Utf16OffsetsCountSurrogatePairsAsTwo) {
  struct Case {
    std::string text;
    std::vector<uint32_t> want;
  };
  const Case cases[] = {
      {"ab", {0, 1, 2}},
      {"ở", {0, 0, 0, 1}},  // 3 bytes, 1 unit
      {"\xF0\x9F\x93\x8C"
       "a",
       {0, 0, 0, 0, 2, 3}},  // U+1F4CC: 4 bytes, 2 units
      {"", {0}},
  };
  for (const Case& c : cases) EXPECT_EQ(Utf16Offsets(c.text), c.want) << c.text;
}

Record HostileRecord() {
  Record r;
  r.source.path = "dir/x<y>.txt";
  r.source.sha256 = "00ff";
  r.text = "1. Giao Sở </script><b>X</b> chủ trì \xF0\x9F\x93\x8C trước ngày 20/4/2026.";
  Task t;
  t.id = "00ff-1";
  t.text = r.text;
  t.span = {0, r.text.size()};
  Agency a;
  a.name = a.text = "Sở </script><b>X</b>";
  a.span = {r.text.find("Sở"), r.text.find(" chủ")};
  t.lead.push_back(a);
  Deadline d;
  d.text = "trước ngày 20/4/2026";
  d.due = PartialDate{2026, 4, 20};
  d.span = {r.text.find("trước"), r.text.size() - 1};
  t.deadline = d;
  t.warnings.push_back("unknown_agency");
  r.tasks.push_back(t);
  return r;
}

std::string BlockJson(const std::string& block) {
  size_t open = block.find('>') + 1, close = block.rfind("</script>");
  return block.substr(open, close - open);
}

TEST(HtmlReportTest, DocumentBlockHoldsTextSpansAndGoldDraft) {
  Record r = HostileRecord();
  HtmlDocumentPart part = RenderHtmlDocument(r, 7);
  EXPECT_EQ(part.block.rfind("<script type=\"application/json\" id=\"doc-7\">", 0), 0u) << part.block.substr(0, 60);
  EXPECT_EQ(part.block.find("</script>"), part.block.size() - 10) << "one closing tag only, at the end";
  Json doc = Json::parse(BlockJson(part.block));
  EXPECT_EQ(doc["text"], r.text);
  const Json& task = doc["tasks"][0];
  // Spans are UTF-16 offsets: slicing the text as JavaScript would gives the phrase.
  std::u16string text16 = u"1. Giao Sở </script><b>X</b> chủ trì \U0001F4CC trước ngày 20/4/2026.";
  auto slice = [&](const Json& j) {
    return text16.substr(j["s"].get<size_t>(), j["e"].get<size_t>() - j["s"].get<size_t>());
  };
  EXPECT_EQ(slice(task["lead"][0]), u"Sở </script><b>X</b>");
  EXPECT_EQ(slice(task["deadline"]), u"trước ngày 20/4/2026");
  EXPECT_EQ(task["deadline"]["due"], "2026-04-20");
  EXPECT_EQ(task["gold"]["lead"], Json::array({"Sở </script><b>X</b>"}));
  EXPECT_EQ(task["gold"]["deadline"], "2026-04-20");
  EXPECT_EQ(doc["gold_file"], "x<y>.json");
  // The index entry: per-task facets for the filters.
  EXPECT_EQ(part.index_entry["name"], "x<y>.txt");
  EXPECT_EQ(part.index_entry["tasks"][0]["m"], "2026-04");
  EXPECT_EQ(part.index_entry["tasks"][0]["w"], true);
  EXPECT_EQ(part.index_entry["tasks"][0]["l"], Json::array({"Sở </script><b>X</b>"}));
}

TEST(HtmlReportTest, FailedInputGivesAnErrorBlockWithoutText) {
  Record r;
  r.source.path = "broken.pdf";
  r.source.format = SourceFormat::kPdf;
  r.error = Error(ErrorCode::kPdfEncrypted, "broken.pdf: encrypted");
  HtmlDocumentPart part = RenderHtmlDocument(r, 0);
  Json doc = Json::parse(BlockJson(part.block));
  EXPECT_EQ(doc["text"], "");
  EXPECT_EQ(doc["error"]["message"], "broken.pdf: encrypted");
  EXPECT_EQ(part.index_entry["error"]["code"], std::string(ErrorCodeName(ErrorCode::kPdfEncrypted)));
  EXPECT_TRUE(part.index_entry["tasks"].empty());
}

TEST(HtmlReportTest, PageHasEveryBlockOnceAndNoExternalResource) {
  std::ostringstream out;
  HtmlReportWriter page(out, {"Đợt <kiểm tra>", "notices test"});
  page.Add(HostileRecord());
  page.Add(HostileRecord());
  ASSERT_TRUE(page.Finish());
  std::string html = out.str();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("id=\"doc-0\""), std::string::npos);
  EXPECT_NE(html.find("id=\"doc-1\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"doc-2\""), std::string::npos);
  EXPECT_EQ(html.find("<!--@DOCUMENTS@-->"), std::string::npos);
  EXPECT_EQ(html.find("<!--@INDEX@-->"), std::string::npos);
  size_t index = html.find("<script type=\"application/json\" id=\"index\">");
  ASSERT_NE(index, std::string::npos);
  size_t open = html.find('>', index) + 1;
  Json j = Json::parse(html.substr(open, html.find("</script>", open) - open));
  EXPECT_EQ(j["title"], "Đợt <kiểm tra>");
  EXPECT_EQ(j["documents"].size(), 2u);
  EXPECT_EQ(html.find("<b>X</b>"), std::string::npos) << "document markup never reaches the page as markup";
  for (const char* external : {"http://", "https://", "src=\"//", "@import"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  // Only the page's own script may run: its hash, no 'unsafe-inline' for scripts.
  size_t csp = html.find("script-src 'sha256-");
  ASSERT_NE(csp, std::string::npos);
  EXPECT_EQ(html.find("@SCRIPT_HASH@"), std::string::npos);
  EXPECT_EQ(html.substr(csp, html.find(';', csp) - csp).find("unsafe-inline"), std::string::npos);
}

}  // namespace
}  // namespace notices::emit
