// RoleAssigner. Tested by tests/extract/role_assigner_test.cc and the golden tests.
#include "pipeline/extract/role_assigner.h"

#include <algorithm>
#include <numeric>

#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"
#include "pipeline/extract/dates_scan.h"


namespace notices::extract {

namespace {

// Whether a ':' follows text[at, end) after spaces.
bool ColonAfter(std::string_view text, size_t at, size_t end) {
  while (at < end && text[at] == ' ') ++at;
  return at < end && text[at] == ':';
}

constexpr std::string_view kPatterns[] = {"role.list_separator",
                                          "role.subject_suffix", "role.outside",
                                          "role.subject_skip", "role.subject_blocked",
                                          "role.subject_issuer", "role.clause_opener"};

const RE2& Regex(const ruleset::Pattern& p, MatchMode mode) {
  return mode == MatchMode::kFolded ? p.folded_regex() : p.regex();
}

enum class R { kNone, kLead, kCoordinate, kRequested, kReportTo, kSubject };

R RoleOf(std::string_view name) {
  if (name == "lead") return R::kLead;
  if (name == "coordinate") return R::kCoordinate;
  if (name == "requested") return R::kRequested;
  if (name == "report_to") return R::kReportTo;
  return R::kNone;
}

}  // namespace

Agency ToAgency(const AgencyMention& m) {
  Agency a;
  a.name = m.name;
  a.text = m.text;
  a.collective = m.collective;
  a.known = m.known;
  a.span = m.span;
  return a;
}

void AddUnique(std::vector<Agency>& list, const Agency& a) {
  for (const Agency& x : list)
    if (x.name == a.name) return;
  list.push_back(a);
}

RoleAssigner::RoleAssigner(std::shared_ptr<const ruleset::RuleSet> rules) : rules_(std::move(rules)) {}

Result<RoleAssigner> RoleAssigner::Create(std::shared_ptr<const ruleset::RuleSet> rules) {
  if (auto st = rules->Require(kPatterns, {}); !st) return st.error();
  RoleAssigner r(rules);
  r.prefix_rules_ = rules->PatternsWithPrefix("role.prefix.");
  std::vector<std::string_view> prefix_names;
  for (const ruleset::Pattern* p : r.prefix_rules_) prefix_names.push_back(p->name());
  r.prefix_set_[0] = rules->MatchSet(prefix_names);
  r.prefix_set_[1] = rules->MatchSet(prefix_names, /*folded=*/true);
  r.separator_ = rules->FindPattern("role.list_separator");
  r.subject_suffix_ = rules->FindPattern("role.subject_suffix");
  r.outside_ = rules->FindPattern("role.outside");
  r.subject_skip_ = rules->FindPattern("role.subject_skip");
  r.subject_blocked_ = rules->FindPattern("role.subject_blocked");
  r.subject_issuer_ = rules->FindPattern("role.subject_issuer");
  r.clause_opener_ = rules->FindPattern("role.clause_opener");
  return r;
}

bool RoleAssigner::OpensClause(std::string_view before, MatchMode mode) const {
  const RE2& opener = Regex(*clause_opener_, mode);
  size_t boundary = before.find_last_of(";.:");
  if (boundary == std::string_view::npos) return RE2::PartialMatch(before, opener);
  if (RE2::PartialMatch(before.substr(boundary + 1), opener)) return true;
  // "Đối với các Cụm công nghiệp: Phú Thịnh 5 và Phú Thịnh 6, giao X": the topic
  // before a colon opens the clause after it.
  if (before[boundary] != ':' || boundary == 0) return false;
  size_t earlier = before.find_last_of(";.", boundary - 1);
  return RE2::PartialMatch(earlier == std::string_view::npos ? before : before.substr(earlier + 1), opener);
}

RoleLists RoleAssigner::Assign(std::string_view text, Range range,
                               const std::vector<AgencyMention>& mentions, MatchMode mode) const {
  RoleLists out;
  // Mentions inside the range, in order, grouped into lists.
  std::vector<std::vector<const AgencyMention*>> lists;
  size_t prev_end = range.begin;
  // Mentions come sorted by position: start at the first one inside the range.
  auto first = std::lower_bound(mentions.begin(), mentions.end(), range.begin,
                                [](const AgencyMention& m, size_t at) { return m.span.begin < at; });
  for (auto it = first; it != mentions.end() && it->span.begin < range.end; ++it) {
    const AgencyMention& m = *it;
    if (m.span.end > range.end) continue;
    bool joins = false;
    // A shared-head list joins the list before it at its head ("các sở, ngành liên quan
    // và UBND các phường: Yên Bái, Văn Phú").
    size_t at = m.head_begin() >= prev_end ? m.head_begin() : m.span.begin;
    if (!lists.empty() && at >= prev_end) {
      std::string_view sep = text.substr(prev_end, at - prev_end);
      joins = sep.size() < 24 && RE2::FullMatch(sep, Regex(*separator_, mode));
    }
    if (joins) lists.back().push_back(&m);
    else lists.push_back({&m});
    prev_end = m.span.end;
  }
  size_t list_start_floor = range.begin;
  bool lead_named = false;
  std::vector<int> hits;
  for (const auto& list : lists) {
    size_t begin = list.front()->span.begin;
    size_t end = list.back()->span.end;
    std::string_view prefix = text.substr(list_start_floor, begin - list_start_floor);
    // Only the last words matter, and a clause boundary resets the prefix.
    if (prefix.size() > 160) prefix = prefix.substr(prefix.size() - 160);
    R role = R::kNone;
    bool decided = false;
    // "phối hợp với các Sở: Tài chính, Nội vụ": the cue stands before the shared head,
    // so the words before the head are tried first.
    size_t head = list.front()->head_begin();
    std::string_view before_head;
    if (head > list_start_floor && head < begin) {
      before_head = text.substr(list_start_floor, head - list_start_floor);
      if (before_head.size() > 160) before_head = before_head.substr(before_head.size() - 160);
    }
    for (std::string_view words : {before_head, prefix}) {
      if (decided || words.empty()) continue;
      // The rules the set says match somewhere in `words`, in rule order.
      const RE2::Set* set = prefix_set_[static_cast<int>(mode)];
      if (set == nullptr) {
        hits.resize(prefix_rules_.size());
        std::iota(hits.begin(), hits.end(), 0);
      } else if (!SetHits(set, prefix_rules_.size(), words, hits)) {
        continue;
      }
      std::sort(hits.begin(), hits.end());
      for (int index : hits) {
        const ruleset::Pattern* p = prefix_rules_[static_cast<size_t>(index)];
        re2::StringPiece cue;
        if (Regex(*p, mode).Match(words, 0, words.size(), RE2::UNANCHORED, &cue, 1)) {
          // A cue that holds only before a colon ("Đối với X: ..."): else the next rule.
          if (p->attr_bool("colon_after") && !ColonAfter(text, end, range.end)) continue;
          role = RoleOf(p->attr_string("role"));
          decided = true;
          if (role == R::kLead) {
            // "giao X" names a new assignee only at the start of its clause; "khẩn trương
            // giao X" inside a task is the assignee delegating its own work.
            size_t cue_at = static_cast<size_t>(cue.data() - words.data());
            if (!OpensClause(words.substr(0, cue_at), mode)) role = R::kNone;
          }
          break;
        }
      }
    }
    if (!decided && OpensClause(prefix, mode)) {
      size_t suffix_end = std::min(range.end, end + 300);
      std::string_view suffix = text.substr(end, suffix_end - end);
      re2::StringPiece input(suffix);
      if (RE2::Consume(&input, Regex(*subject_skip_, mode))) suffix = std::string_view(input.data(), input.size());
      if (suffix.size() > 60) suffix = suffix.substr(0, 60);
      bool at_end = suffix.find_first_not_of(" .;") == std::string_view::npos;
      // A verb follows: one of role.subject_suffix, or any lowercase word that is not
      // blocked (past, passive, preposition ...).
      bool verb_follows = RE2::PartialMatch(suffix, Regex(*subject_suffix_, mode));
      if (!verb_follows && !RE2::PartialMatch(suffix, Regex(*subject_blocked_, mode))) {
        size_t w = suffix.find_first_not_of(' ');
        if (w != std::string_view::npos && w < suffix.size()) {
          size_t k = w;
          char32_t c = DecodeUtf8(suffix, k);
          verb_follows = u_islower(static_cast<UChar32>(c));
        }
      }
      if (verb_follows && RE2::PartialMatch(suffix, Regex(*subject_issuer_, mode))) {
        // "Ủy ban nhân dân tỉnh yêu cầu ...": the issuer speaking, not an assignee.
      } else if (at_end || verb_follows) {
        std::string_view s = suffix.substr(std::min(suffix.size(), suffix.find_first_not_of(' ')));
        bool coordinates = s.rfind("phối hợp", 0) == 0 || s.rfind("phoi hop", 0) == 0;
        role = (coordinates && lead_named) ? R::kCoordinate : R::kSubject;
      }
    }
    for (const AgencyMention* m : list) {
      Agency a = ToAgency(*m);
      if (role == R::kLead || role == R::kRequested) {
        out.cued = true;
        out.cued_spans.push_back(m->span);
      }
      switch (role) {
        case R::kLead:
        case R::kSubject:
          AddUnique(out.lead, a);
          lead_named = true;
          break;
        case R::kCoordinate: AddUnique(out.coordinate, a); break;
        case R::kReportTo: AddUnique(out.report_to, a); break;
        case R::kRequested: {
          bool outside = m->outside || RE2::PartialMatch(m->text, Regex(*outside_, mode));
          if (outside) {
            AddUnique(out.requested, a);
          } else {
            AddUnique(out.lead, a);
            lead_named = true;
          }
          break;
        }
        case R::kNone: break;
      }
    }
    list_start_floor = end;
  }
  // An agency keeps its strongest role only.
  auto drop = [](std::vector<Agency>& from, const std::vector<Agency>& keep) {
    from.erase(std::remove_if(from.begin(), from.end(),
                              [&](const Agency& a) {
                                return std::any_of(keep.begin(), keep.end(),
                                                   [&](const Agency& k) { return k.name == a.name; });
                              }),
               from.end());
  };
  drop(out.coordinate, out.lead);
  drop(out.coordinate, out.requested);
  drop(out.report_to, out.lead);
  drop(out.report_to, out.coordinate);
  return out;
}

}  // namespace notices::extract
