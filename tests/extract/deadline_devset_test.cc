// The deadline finder against the annotated devset (../shared/devset and
// ../shared/real-pdf): for each gold task, the paragraph around its anchor goes through
// FindAll and Binding, and the binding due date is compared with the gold one. Prints
// the figures; asserts floors the rules reach. Skips when ../shared is absent.
//
// The stand-in for normalize/segment is deliberately simple (lines joined into
// paragraphs at list markers and sentence ends, the task's clause starting at the last
// ';' before its anchor), so the figure measures the deadline rules, not segmentation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/common/utf8.h"
#include "pipeline/extract/deadline_finder.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Trim(std::string_view s) {
  const char* ws = " \t\r\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

bool StartsItem(const std::string& t) {
  if (t.size() >= 2 && std::string_view("-+•*").find(t[0]) != std::string_view::npos && t[1] == ' ')
    return true;
  if (t.rfind("•", 0) == 0) return true;
  size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i > 0 && i < t.size() && (t[i] == '.' || t[i] == ')')) return true;
  if (t.size() >= 2 && t[0] >= 'a' && t[0] <= 'z' && t[1] == ')') return true;
  if (t.rfind("đ)", 0) == 0) return true;
  return false;
}

// Lines -> one paragraph per line; "**" (converter leftovers) removed; canonical tones.
std::string Paragraphs(const std::string& raw) {
  std::string out, footnotes;
  bool ended = true;
  std::istringstream in(raw);
  for (std::string line; std::getline(in, line);) {
    std::string t = Trim(line);
    for (size_t p; (p = t.find("**")) != std::string::npos;) t.erase(p, 2);
    for (size_t p; (p = t.find('\f')) != std::string::npos;) t.erase(p, 1);
    if (t.empty()) continue;
    // A footnote body ("¹ Trong đó ...") leaves the running text, which goes on after it.
    if (t.rfind("¹", 0) == 0 || t.rfind("²", 0) == 0 || t.rfind("³", 0) == 0) {
      footnotes += '\n' + t;
      continue;
    }
    if (!out.empty()) out += (ended || StartsItem(t)) ? '\n' : ' ';
    out += t;
    ended = t.back() == '.';
  }
  return normalize::CanonicalForm(out + footnotes);
}

// A matching key: letters and digits only, no marks, lower case; with the byte offset
// in `text` of each key character.
std::string Key(std::string_view text, std::vector<size_t>* offsets) {
  std::string key;
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = i;
    const char32_t c = DecodeUtf8(text, i);
    std::string one;
    AppendUtf8(one, c);
    const std::string folded = normalize::FoldDiacritics(one);
    for (char f : folded) {
      const unsigned char u = static_cast<unsigned char>(f);
      if (!std::isalnum(u)) continue;
      key += static_cast<char>(std::tolower(u));
      if (offsets) offsets->push_back(at);
    }
  }
  return key;
}

bool MostlyWithoutMarks(std::string_view text) {
  size_t ascii = 0, other = 0;
  for (unsigned char c : text) {
    if (std::isalpha(c)) ++ascii;
    else if (c >= 0xC0) ++other;  // a lead byte of a non-ASCII letter
  }
  return other * 50 < ascii;
}

std::optional<PartialDate> ParseGoldDate(const nlohmann::json& j) {
  if (!j.is_string()) return std::nullopt;
  const std::string s = j.get<std::string>();
  PartialDate d;
  if (std::sscanf(s.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day) < 2) return std::nullopt;
  return d;
}

std::string_view GoldRecurrence(const std::string& r) {
  if (r == "biannual") return "half_yearly";
  return r;
}

TEST(DeadlineDevsetTest, BindingDeadlineMatchesGold) {
  const fs::path shared = NOTICES_SHARED_DIR;
  const std::pair<fs::path, fs::path> sets[] = {
      {shared / "devset" / "gold", shared / "devset" / "docs"},
      {shared / "real-pdf" / "gold", shared / "real-pdf" / "text"},
  };
  if (!fs::is_directory(sets[0].first)) GTEST_SKIP() << "no devset at " << sets[0].first;
  auto rules = ruleset::RuleSet::Builtin();
  ASSERT_TRUE(rules) << rules.error().message;
  auto finder = DeadlineFinder::Create(rules.value());
  ASSERT_TRUE(finder) << finder.error().message;

  int with_date = 0, hits = 0, without_date = 0, false_dates = 0, recurring = 0, recurring_hits = 0;
  int anchors_missing = 0;
  std::ostringstream misses;
  for (const auto& [gold_dir, text_dir] : sets) {
    if (!fs::is_directory(gold_dir)) continue;
    std::vector<fs::path> golds;
    for (const auto& e : fs::directory_iterator(gold_dir))
      if (e.path().extension() == ".json") golds.push_back(e.path());
    std::sort(golds.begin(), golds.end());
    for (const fs::path& gold_path : golds) {
      const auto gold = nlohmann::json::parse(ReadFile(gold_path));
      const fs::path text_path = text_dir / (gold_path.stem().string() + ".txt");
      if (!fs::exists(text_path)) continue;
      std::string text = Paragraphs(ReadFile(text_path));
      MatchMode mode = MatchMode::kExact;
      if (MostlyWithoutMarks(text)) {
        mode = MatchMode::kFolded;
        text = normalize::FoldDiacritics(text);
      }
      std::vector<size_t> offsets;
      const std::string key = Key(text, &offsets);
      DateContext ctx;
      ctx.document_date = ParseGoldDate(gold["document"]["date"]);
      for (const auto& task : gold["tasks"]) {
        const std::string anchor = task["anchor"].get<std::string>();
        const std::optional<PartialDate> want = ParseGoldDate(task["deadline"]);
        const std::string want_rec = task["recurring"].is_string()
                                         ? std::string(GoldRecurrence(task["recurring"].get<std::string>()))
                                         : "";
        const size_t k = key.find(Key(normalize::CanonicalForm(anchor), nullptr));
        if (k == std::string::npos) {
          ++anchors_missing;
          misses << "  " << gold_path.filename().string() << ": anchor not found: " << anchor << "\n";
          continue;
        }
        const size_t at = offsets[k];
        const size_t para_begin = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
        const size_t para_end = std::min(text.find('\n', at), text.size());
        const size_t semicolon = text.rfind(';', at);
        const size_t clause_begin = semicolon != std::string::npos && semicolon >= para_begin ? semicolon + 1 : para_begin;
        std::vector<Deadline> all = finder->FindAll(text, {para_begin, para_end}, ctx, mode);
        std::vector<Deadline> mine;
        for (Deadline& d : all)
          if (d.span.begin >= clause_begin) mine.push_back(std::move(d));
        const auto b = DeadlineFinder::Binding(mine);
        const std::optional<PartialDate> got = b ? mine[*b].due : std::nullopt;
        if (want) {
          ++with_date;
          if (got == want) {
            ++hits;
          } else {
            misses << "  " << gold_path.filename().string() << ": want " << want->ToString() << " got "
                   << (got ? got->ToString() : "null") << " (" << (b ? mine[*b].text : "nothing")
                   << ") anchor: " << anchor << "\n";
          }
        } else {
          ++without_date;
          if (got) {
            ++false_dates;
            misses << "  " << gold_path.filename().string() << ": false deadline " << got->ToString()
                   << " (" << mine[*b].text << ") anchor: " << anchor << "\n";
          }
        }
        if (!want_rec.empty()) {
          ++recurring;
          std::string got_rec;
          if (b) {
            got_rec = mine[*b].kind == DeadlineKind::kOngoing ? "ongoing"
                                                              : std::string(RecurrenceName(mine[*b].recurrence));
          }
          if (got_rec == want_rec) ++recurring_hits;
          else
            misses << "  " << gold_path.filename().string() << ": want recurring " << want_rec << " got '"
                   << got_rec << "' anchor: " << anchor << "\n";
        }
      }
    }
  }
  std::cout << "[devset] deadline hit rate: " << hits << "/" << with_date << " gold tasks with a date\n"
            << "[devset] false deadlines: " << false_dates << "/" << without_date
            << " gold tasks without a date got one\n"
            << "[devset] recurrence: " << recurring_hits << "/" << recurring << "\n"
            << "[devset] anchors not found: " << anchors_missing << "\n"
            << misses.str();
  EXPECT_GE(with_date, 20);
  EXPECT_GE(hits * 100, with_date * 85) << "deadline hit rate fell below 85%";
  EXPECT_LE(false_dates, 3);
}

}  // namespace
}  // namespace notices::extract
