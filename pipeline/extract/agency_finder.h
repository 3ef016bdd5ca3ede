// AgencyFinder: finds the agencies named in a stretch of normalized text and gives each
// its canonical name from the gazetteer (rules/agencies.toml).
//
//   auto finder = extract::AgencyFinder::Create(rules).value();
//   std::string_view text = "Giao Sở KH&CN chủ trì, phối hợp với các Sở: Tài chính, Nội vụ";
//   for (const AgencyMention& m : finder.FindAll(text, {0, text.size()}, MatchMode::kExact))
//     std::cout << m.name << " [" << m.span.begin << "," << m.span.end << ")\n";
//   // Sở Khoa học và Công nghệ, Sở Tài chính, Sở Nội vụ
//
// What it handles (each with tests in tests/extract/agency_finder_test.cc):
//   - canonical names, aliases and abbreviations (UBND, HĐND, KH&CN, GD&ĐT, NN&MT,
//     VH,TT&DL, ...), with the names before and after the 2025 restructuring;
//   - names with commas inside ("Sở Văn hóa, Thể thao và Du lịch") versus lists joined
//     by commas and "và";
//   - a shared head noun: "các Sở: Tài chính, Nội vụ" -> "Sở Tài chính", "Sở Nội vụ";
//     "Giám đốc các Sở: ..." likewise;
//   - the end of a name where the verb starts ("Sở Tài chính tham mưu ...");
//   - collective addressees ("các sở, ban, ngành", "UBND các xã, phường", "các cơ quan,
//     đơn vị liên quan"), marked collective;
//   - a fallback for bodies the gazetteer does not know: a head noun from the rules
//     ("Sở", "Ban", "Trung tâm", "Công ty", ...) followed by capitalised words; such a
//     mention has known = false and its name as written;
//   - glued words ("BộTài chính") and, in MatchMode::kFolded, text without diacritics
//     ("Bo Tai chinh") -> still the canonical name.
// Mentions never overlap; they come in text order. Spans are byte offsets into `text`.
//
// Thread-safety: an AgencyFinder is immutable after Create; share it across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/common/offset_map.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::extract {

// How rules meet text: kExact for normal text; kFolded for text that lost its
// diacritics (the rules' folded regexes run on it).
enum class MatchMode { kExact, kFolded };

struct AgencyMention {
  Range span;                 // bytes in the searched text
  std::string name;           // canonical ("Sở Khoa học và Công nghệ"), or as written
  std::string text;           // as written, e.g. "Sở KH&CN"
  std::string kind;           // gazetteer kind; "" for fallback mentions
  bool collective = false;
  bool known = false;         // found in the gazetteer
  bool outside = false;       // an outside body (enterprise, central agency ...)
};

class AgencyFinder {
 public:
  static Result<AgencyFinder> Create(std::shared_ptr<const ruleset::RuleSet> rules);

  std::vector<AgencyMention> FindAll(std::string_view text, Range range, MatchMode mode) const;

  // The canonical name for a name as written, or "" when unknown ("Sở KH&CN" ->
  // "Sở Khoa học và Công nghệ"). Used by eval to compare gold names.
  std::string Canonical(std::string_view written) const;

  AgencyFinder(AgencyFinder&&) noexcept;
  AgencyFinder& operator=(AgencyFinder&&) noexcept;
  ~AgencyFinder();

 private:
  struct Impl;
  explicit AgencyFinder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace notices::extract
