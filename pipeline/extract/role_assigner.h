// RoleAssigner: which of the agencies named in a clause leads, coordinates, is
// requested, or receives the report.
//
//   auto roles = extract::RoleAssigner::Create(rules).value();
//   std::string_view t = "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng báo cáo UBND tỉnh";
//   auto mentions = agency_finder.FindAll(t, {0, t.size()}, MatchMode::kExact);
//   RoleLists r = roles.Assign(t, {0, t.size()}, mentions);
//   // r.lead = [Sở Tài chính], r.coordinate = [So Xây dựng], r.report_to = [UBND tỉnh]
//
// The mentions are grouped into lists (names joined by ",", "và", ";": the
// role.list_separator rule). Each list takes its role from the words before it
// (role.prefix.* rules, first match wins) or, when only an introduction precedes it
// (role.clause_opener) and a verb follows (role.subject_suffix), it is the clause's
// subject: the lead, or a coordinator when a lead was already named and the verb is
// "phối hợp". After "đề nghị", outside bodies (enterprises, Party and Front bodies:
// AgencyMention::outside or the role.outside rule) are requested and
// subordinate ones lead. Agencies in no role (objects: "đôn đốc các Bộ, ngành") are
// dropped. An agency appears once per task, in its strongest role.
//
// Thread-safety: immutable after Create.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/extract/agency_finder.h"
#include "pipeline/extract/record.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::extract {

struct RoleLists {
  std::vector<Agency> lead, coordinate, requested, report_to;
  // True when an assignee was named by a cue ("giao X", "yêu cầu X", "đề nghị X"), not
  // only as the subject of a verb.
  bool cued = false;
  std::vector<Range> cued_spans;  // the spans of the assignees named by a cue
  bool has_assignee() const { return !lead.empty() || !requested.empty(); }
  bool empty() const {
    return lead.empty() && coordinate.empty() && requested.empty() && report_to.empty();
  }
};

class RoleAssigner {
 public:
  static Result<RoleAssigner> Create(std::shared_ptr<const ruleset::RuleSet> rules);

  // Roles of the mentions that lie inside `range` of `text`. `mentions` must be sorted
  // by position (AgencyFinder returns them so).
  RoleLists Assign(std::string_view text, Range range, const std::vector<AgencyMention>& mentions,
                   MatchMode mode) const;

 private:
  // Whether the text before a list or cue, from the last clause boundary, opens the
  // clause (role.clause_opener).
  bool OpensClause(std::string_view before, MatchMode mode) const;
  explicit RoleAssigner(std::shared_ptr<const ruleset::RuleSet> rules);
  std::shared_ptr<const ruleset::RuleSet> rules_;
  std::vector<const ruleset::Pattern*> prefix_rules_;
  // prefix_rules_ as one RE2::Set per MatchMode (index i = prefix_rules_[i]): one pass
  // over the words before a list tells which cue rules to run. nullptr: run them all.
  const RE2::Set* prefix_set_[2] = {nullptr, nullptr};
  const ruleset::Pattern* separator_ = nullptr;
  const ruleset::Pattern* subject_suffix_ = nullptr;
  const ruleset::Pattern* outside_ = nullptr;
  const ruleset::Pattern* subject_skip_ = nullptr;
  const ruleset::Pattern* subject_blocked_ = nullptr;
  const ruleset::Pattern* subject_issuer_ = nullptr;
  const ruleset::Pattern* clause_opener_ = nullptr;
};

// Appends `a` to `list` unless an agency of the same name is there already.
void AddUnique(std::vector<Agency>& list, const Agency& a);

// The record's Agency for a mention the finder returned.
Agency ToAgency(const AgencyMention& m);

}  // namespace notices::extract
