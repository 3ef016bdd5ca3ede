// Recall of the agency finder on the gold annotations of the shared devset and real-PDF
// texts: every agency a gold task names (lead, coordinate, requested) must be found in
// its document with the canonical name Canonical() gives the gold string. Skips when
// ../shared is absent. Prints each miss and the recall.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"
#include "pipeline/extract/agency_finder.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {
namespace {

namespace fs = std::filesystem;

// The recall measured when the test was written is printed by the test; this floor
// catches regressions.
constexpr double kMinRecall = 0.90;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The texts are raw (hard-wrapped lines, blank lines between them). The normalizer will
// join wrapped lines; until then do the safe part of it here: a line break followed by a
// lowercase letter continues the sentence, unless the letter opens an item ("a)", "đ.").
std::string Prepare(const std::string& raw) {
  std::string s = normalize::CanonicalForm(raw);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\n' || s[i] == '\r') {
      size_t j = i;
      while (j < s.size() && (s[j] == '\n' || s[j] == '\r' || s[j] == ' ' || s[j] == '\t')) ++j;
      size_t k = j;
      bool lower = j < s.size() && u_isULowercase(static_cast<UChar32>(DecodeUtf8(s, k)));
      bool item = k < s.size() && (s[k] == ')' || s[k] == '.');
      if (lower && !item) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += ' ';
      } else {
        out.append(s, i, j - i);
      }
      i = j;
      continue;
    }
    out += s[i++];
  }
  return out;
}

std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct GoldDoc {
  std::string label;
  std::string text;
  std::set<std::string> agencies;
};

std::vector<GoldDoc> LoadGold() {
  std::vector<GoldDoc> docs;
  fs::path shared = NOTICES_SHARED_DIR;
  struct Set {
    fs::path gold, texts;
  } sets[] = {{shared / "devset" / "gold", shared / "devset" / "docs"},
              {shared / "real-pdf" / "gold", shared / "real-pdf" / "text"}};
  for (const Set& set : sets) {
    if (!fs::is_directory(set.gold)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(set.gold))
      if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      nlohmann::json g = nlohmann::json::parse(ReadFile(f), nullptr, /*allow_exceptions=*/false);
      if (g.is_discarded()) continue;
      fs::path text = set.texts / g.value("file", "");
      text.replace_extension(".txt");
      GoldDoc doc;
      doc.label = f.filename().string();
      doc.text = Prepare(ReadFile(text));
      for (const auto& task : g.value("tasks", nlohmann::json::array()))
        for (const char* role : {"lead", "coordinate", "requested"})
          for (const auto& name : task.value(role, nlohmann::json::array()))
            if (name.is_string()) doc.agencies.insert(name.get<std::string>());
      docs.push_back(std::move(doc));
    }
  }
  return docs;
}

TEST(AgencyGoldTest, FindsEveryGoldAgencyWithItsCanonicalName) {
  if (!fs::is_directory(fs::path(NOTICES_SHARED_DIR) / "devset"))
    GTEST_SKIP() << "no shared devset at " << NOTICES_SHARED_DIR;
  auto rules = ruleset::RuleSet::Builtin();
  ASSERT_TRUE(rules) << rules.error().message;
  auto finder = AgencyFinder::Create(*rules);
  ASSERT_TRUE(finder) << finder.error().message;

  // found: a mention carries the gold name's canonical name. exact: moreover, when the
  // gold string is written in the text as such, a mention's text is exactly that string
  // (names expanded from a shared head, "các Sở: Tài chính", count by name alone).
  size_t total = 0, found = 0, exact = 0;
  for (const GoldDoc& doc : LoadGold()) {
    std::string squeezed_doc = Squeeze(doc.text);
    // Some texts lost their marks (OCR): the pipeline would pick kFolded for them; here
    // both modes run on every text and either may find the name.
    std::set<std::string> names;
    std::set<std::pair<std::string, std::string>> named_texts;
    for (MatchMode mode : {MatchMode::kExact, MatchMode::kFolded}) {
      for (const AgencyMention& m : finder->FindAll(doc.text, {0, doc.text.size()}, mode)) {
        names.insert(m.name);
        named_texts.insert({m.name, Squeeze(m.text)});
      }
    }
    for (const std::string& gold : doc.agencies) {
      ++total;
      std::string want = finder->Canonical(gold);
      if (!want.empty() && names.count(want)) {
        ++found;
        std::string written = Squeeze(normalize::CanonicalForm(gold));
        bool verbatim = squeezed_doc.find(written) != std::string::npos;
        if (!verbatim || named_texts.count({want, written})) {
          ++exact;
        } else {
          std::cout << "  inexact " << doc.label << ": \"" << gold << "\"\n";
        }
      } else {
        std::cout << "  miss " << doc.label << ": \"" << gold << "\""
                  << (want.empty() ? " (Canonical: none)" : " -> \"" + want + "\" not found") << "\n";
      }
    }
  }
  ASSERT_GT(total, 0u);
  double recall = static_cast<double>(found) / static_cast<double>(total);
  double exact_recall = static_cast<double>(exact) / static_cast<double>(total);
  std::cout << "agency gold recall: " << found << "/" << total << " = " << recall
            << "; with the exact written span: " << exact << "/" << total << " = " << exact_recall
            << "\n";
  EXPECT_GE(recall, kMinRecall);
  EXPECT_GE(exact_recall, kMinRecall);
}

}  // namespace
}  // namespace notices::extract
