// Trie and Vocabulary: the compiled gazetteer and word lists of the agency finder.
// Tested through tests/extract/agency_finder_test.cc (VocabularyTest and the finder
// cases).
#include "pipeline/extract/agency_vocabulary.h"

#include <algorithm>
#include <utility>

namespace notices::extract::agency {

namespace {

struct ListRole {
  std::string_view list;
  Role role;
};

// Which list feeds which role. rules/agency_patterns.toml documents each list.
constexpr ListRole kListRoles[] = {
    {"agency.office_holders", Role::kHolder},
    {"agency.collective_nouns", Role::kCollNoun},
    {"agency.collective_qualifiers", Role::kQual},
    {"agency.collective_open_qualifiers", Role::kOpenQual},
    {"agency.collective_links", Role::kLink},
    {"agency.plural_markers", Role::kPlural},
    {"agency.head_nouns", Role::kHead},
    {"agency.outside_head_nouns", Role::kOutsideHead},
    {"agency.people_committees", Role::kPcHead},
    {"agency.local_levels", Role::kLevel},
    {"agency.place_levels", Role::kPlaceLevel},
    {"agency.provinces_2025", Role::kPlace},
    {"agency.provinces_before_2025", Role::kPlace},
    {"agency.province_words", Role::kProvinceWord},
    {"agency.province_word_compounds", Role::kCompound},
    {"agency.name_end_verbs", Role::kStopVerb},
    {"agency.name_end_words", Role::kStopWord},
    {"agency.name_openers", Role::kOpener},
    {"agency.name_words", Role::kNameWord},
    {"agency.collective_traps", Role::kTrap},
    {"agency.person_titles", Role::kPersonTitle},
    {"agency.person_intros", Role::kPersonIntro},
    {"agency.bare_heads", Role::kBareHead},
};
constexpr std::string_view kSeparatorList = "agency.list_separators";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

Error RuleError(const ruleset::Origin& at, const std::string& message) {
  return Error(ErrorCode::kRuleSyntax, at.ToString() + ": " + message);
}

}  // namespace

Trie::Trie() {
  nodes_.emplace_back();
  building_.emplace_back();
}

Terminal& Trie::Add(std::string_view key) {
  uint32_t node = 0;
  for (char ch : key) {
    auto b = static_cast<unsigned char>(ch);
    auto& children = building_[node];
    auto it = children.find(b);
    if (it == children.end()) {
      auto next = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      building_.emplace_back();
      building_[node][b] = next;  // `children` may dangle after emplace_back
      node = next;
    } else {
      node = it->second;
    }
  }
  if (nodes_[node].terminal < 0) {
    nodes_[node].terminal = static_cast<int32_t>(terminals_.size());
    terminals_.emplace_back();
  }
  return terminals_[static_cast<size_t>(nodes_[node].terminal)];
}

void Trie::Freeze() {
  edges_.clear();
  dense_.clear();
  for (size_t n = 0; n < nodes_.size(); ++n) {
    Node& node = nodes_[n];
    node.first = static_cast<uint32_t>(edges_.size());
    node.count = static_cast<uint32_t>(building_[n].size());
    for (auto [b, child] : building_[n]) edges_.push_back({b, child});
    if (n == 0 || node.count >= kDenseFrom) {
      node.dense = static_cast<int32_t>(dense_.size() / 256);
      dense_.resize(dense_.size() + 256, kNone);
      for (auto [b, child] : building_[n]) dense_[static_cast<size_t>(node.dense) * 256 + b] = child;
    }
  }
  // Children are created after their parents, so one backward pass fills `below`.
  for (size_t n = nodes_.size(); n-- > 0;) {
    Node& node = nodes_[n];
    if (node.terminal >= 0) node.below |= terminals_[static_cast<size_t>(node.terminal)].mask;
    for (auto [b, child] : building_[n]) node.below |= nodes_[child].below;
  }
  building_.clear();
  building_.shrink_to_fit();
}

uint32_t Trie::Descend(uint32_t node, std::string_view bytes) const {
  for (char c : bytes) {
    if (node == kNone) return kNone;
    node = Child(node, static_cast<unsigned char>(c));
  }
  return node;
}

std::vector<std::string_view> Vocabulary::RequiredLists() {
  std::vector<std::string_view> out;
  for (const ListRole& lr : kListRoles) out.push_back(lr.list);
  out.push_back(kSeparatorList);
  return out;
}

int32_t Vocabulary::Meaning(Role role, const std::string& meaning) {
  auto& v = meanings_[static_cast<size_t>(role)];
  auto it = std::find(v.begin(), v.end(), meaning);
  if (it != v.end()) return static_cast<int32_t>(it - v.begin());
  v.push_back(meaning);
  return static_cast<int32_t>(v.size() - 1);
}

Status Vocabulary::AddForm(std::string_view form, Role role, int32_t index, const std::string& what) {
  for (bool folded : {false, true}) {
    std::string key = KeyOf(form, folded);
    if (key.empty()) return Error(ErrorCode::kRuleSyntax, what + ": empty written form");
    Terminal& t = (folded ? folded_ : exact_).Add(key);
    int32_t& slot = t.index[static_cast<size_t>(role)];
    if (slot >= 0 && slot != index) {
      // Without diacritics two forms may meet ("bo" for several words): the first
      // keeps the folded key. With diacritics it is a mistake in the rules.
      if (folded) continue;
      std::string other = (role == Role::kEntry || role == Role::kTemplate)
                              ? entries_[static_cast<size_t>(slot)].name + " (" +
                                    entries_[static_cast<size_t>(slot)].origin.ToString() + ")"
                              : meanings_[static_cast<size_t>(role)][static_cast<size_t>(slot)];
      return Error(ErrorCode::kRuleSyntax,
                   what + ": the form '" + std::string(form) + "' already stands for " + other);
    }
    slot = index;
    t.mask |= 1u << static_cast<unsigned>(role);
  }
  return {};
}

Result<Vocabulary> Vocabulary::Create(const ruleset::RuleSet& rules) {
  std::vector<std::string_view> lists = RequiredLists();
  if (Status st = rules.Require({}, lists); !st) return st.error();
  Vocabulary v;

  for (const ruleset::AgencyEntry& a : rules.agencies()) {
    EntryInfo info{a.name, a.kind, a.collective, a.outside, false, a.origin};
    info.is_template = a.name.find(kProvinceSlot) != std::string::npos;
    v.entries_.push_back(info);
    auto index = static_cast<int32_t>(v.entries_.size() - 1);
    std::vector<std::string> forms{a.name};
    forms.insert(forms.end(), a.aliases.begin(), a.aliases.end());
    for (const std::string& form : forms) {
      size_t slot = form.find(kProvinceSlot);
      bool is_template = slot != std::string::npos;
      if (is_template != info.is_template)
        return RuleError(a.origin, "agency '" + a.name + "': every form or none must hold " +
                                       std::string(kProvinceSlot) + " ('" + form + "')");
      std::string_view written = form;
      if (is_template) {
        if (Trim(written.substr(slot + kProvinceSlot.size())).size() != 0)
          return RuleError(a.origin, "agency '" + a.name + "': " + std::string(kProvinceSlot) +
                                         " must end the form ('" + form + "')");
        written = Trim(written.substr(0, slot));
      }
      Status st = v.AddForm(written, is_template ? Role::kTemplate : Role::kEntry, index,
                            a.origin.ToString() + ": agency '" + a.name + "'");
      if (!st) return st.error();
    }
  }

  for (const ListRole& lr : kListRoles) {
    const ruleset::List& list = rules.list(lr.list);
    for (const std::string& item : list.items) {
      std::string_view written = item, meaning = item;
      if (size_t arrow = item.find("=>"); arrow != std::string::npos) {
        written = Trim(std::string_view(item).substr(0, arrow));
        meaning = Trim(std::string_view(item).substr(arrow + 2));
      }
      int32_t index = v.Meaning(lr.role, std::string(meaning));
      Status st = v.AddForm(written, lr.role, index, list.origin.ToString() + ": list " +
                                                         std::string(lr.list));
      if (!st) return st.error();
    }
  }

  for (const std::string& item : rules.list(kSeparatorList).items) {
    std::string_view s = Trim(item);
    if (s.size() == 1 && !std::isalnum(static_cast<unsigned char>(s[0]))) {
      v.separator_chars_ += s[0];
      continue;
    }
    int32_t index = v.Meaning(Role::kConj, std::string(s));
    Status st = v.AddForm(s, Role::kConj, index, "list " + std::string(kSeparatorList));
    if (!st) return st.error();
  }

  v.exact_.Freeze();
  v.folded_.Freeze();
  return v;
}

}  // namespace notices::extract::agency
