// AgencyFinder: Create, FindAll, Canonical. Tested by tests/extract/agency_finder_test.cc
// (table cases, seeds) and tests/extract/agency_gold_test.cc (gold names of the devset).
//
// The work is done by agency_key (the key text), agency_vocabulary (the tries) and
// agency_parser (the grammar); this file holds them together.
#include "pipeline/extract/agency_finder.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "pipeline/extract/agency_key.h"
#include "pipeline/extract/agency_parser.h"
#include "pipeline/extract/agency_vocabulary.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {

namespace {
constexpr std::string_view kPersonPattern = "agency.person";
}  // namespace

struct AgencyFinder::Impl {
  std::shared_ptr<const ruleset::RuleSet> rules;  // owns `person`
  agency::Vocabulary vocab;
  const ruleset::Pattern* person = nullptr;
};

AgencyFinder::AgencyFinder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AgencyFinder::AgencyFinder(AgencyFinder&&) noexcept = default;
AgencyFinder& AgencyFinder::operator=(AgencyFinder&&) noexcept = default;
AgencyFinder::~AgencyFinder() = default;

Result<AgencyFinder> AgencyFinder::Create(std::shared_ptr<const ruleset::RuleSet> rules) {
  if (!rules) return Error(ErrorCode::kInternal, "AgencyFinder::Create: no rules");
  std::string_view patterns[] = {kPersonPattern};
  if (Status st = rules->Require(patterns, {}); !st) return st.error();
  auto vocab = agency::Vocabulary::Create(*rules);
  if (!vocab) return vocab.error();
  auto impl = std::make_unique<Impl>();
  impl->vocab = std::move(vocab).value();
  impl->person = &rules->pattern(kPersonPattern);
  impl->rules = std::move(rules);
  return AgencyFinder(std::move(impl));
}

std::vector<AgencyMention> AgencyFinder::FindAll(std::string_view text, Range range,
                                                 MatchMode mode, bool ocr) const {
  std::vector<AgencyMention> out;
  range.end = std::min(range.end, text.size());
  range.begin = std::min(range.begin, range.end);
  if (range.begin == range.end) return out;
  thread_local agency::KeyText key;  // reused: its buffers keep their capacity across calls
  bool folded = mode == MatchMode::kFolded;
  agency::BuildKey(text, range, folded, key, ocr);
  agency::ParseMentions(impl_->vocab, *impl_->person, text, key, folded, range.end, out);
  return out;
}

std::vector<AgencyMention> AgencyFinder::FindAllOcr(std::string_view text, Range range) const {
  std::vector<AgencyMention> exact = FindAll(text, range, MatchMode::kExact, /*ocr=*/true);
  std::vector<AgencyMention> folded = FindAll(text, range, MatchMode::kFolded, /*ocr=*/true);
  auto overlaps = [](const Range& a, const Range& b) { return a.begin < b.end && b.begin < a.end; };
  std::vector<AgencyMention> added;
  for (AgencyMention& f : folded) {
    if (!f.known) continue;
    bool blocked = std::any_of(exact.begin(), exact.end(), [&](const AgencyMention& e) {
      return e.known && overlaps(e.span, f.span);
    });
    if (!blocked) added.push_back(std::move(f));
  }
  if (added.empty()) return exact;
  std::erase_if(exact, [&](const AgencyMention& e) {
    return std::any_of(added.begin(), added.end(),
                       [&](const AgencyMention& f) { return overlaps(e.span, f.span); });
  });
  exact.insert(exact.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  std::sort(exact.begin(), exact.end(),
            [](const AgencyMention& a, const AgencyMention& b) { return a.span.begin < b.span.begin; });
  return exact;
}

std::string AgencyFinder::Canonical(std::string_view written) const {
  std::string s = normalize::CanonicalForm(written);
  auto inner = [](char c) { return !(c == ' ' || c == '\n' || c == '\t' || c == ';' || c == '.' ||
                                     c == ':' || c == ',' || c == '-'); };
  size_t b = 0, e = s.size();
  while (b < e && !inner(s[b])) ++b;
  while (e > b && !inner(s[e - 1])) --e;
  if (b == e) return "";
  for (MatchMode mode : {MatchMode::kExact, MatchMode::kFolded}) {
    std::vector<AgencyMention> ms = FindAll(s, {b, e}, mode);
    if (ms.size() == 1 && ms[0].span.begin == b && ms[0].span.end == e) return ms[0].name;
  }
  return "";
}

}  // namespace notices::extract
