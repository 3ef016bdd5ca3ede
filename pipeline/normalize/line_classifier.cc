// LineClassifier. Tested by tests/normalize/normalizer_test.cc (ParagraphStartTest.*) and
// the examples in rules/structure.toml.
#include "pipeline/normalize/line_classifier.h"

#include <algorithm>

#include "pipeline/normalize/tone.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::normalize::internal {

namespace {

struct Spec {
  std::string_view name;
  LineKind kind;
};

// The patterns a line is classified by. Their names are the contract with
// rules/structure.toml (and with the segment stage, which reads the same ones).
constexpr Spec kSpecs[] = {
    {"structure.footnote_body", LineKind::kFootnoteBody},
    {"structure.rule_line", LineKind::kRule},
    {"structure.page_number", LineKind::kPageNumber},
    {"structure.heading_number", LineKind::kHeading},
    {"structure.heading_number_nodot", LineKind::kHeading},
    {"structure.heading_roman", LineKind::kHeading},
    {"structure.heading_letter", LineKind::kHeading},
    {"structure.heading_article", LineKind::kHeading},
    {"structure.bullet", LineKind::kBullet},
    {"structure.bullet_plus", LineKind::kBullet},
    {"structure.header_number", LineKind::kHeader},
    {"structure.header_place_date", LineKind::kHeader},
    {"structure.motto", LineKind::kHeader},
    {"structure.header_subject", LineKind::kSubject},
    {"structure.addressee", LineKind::kAddressee},
    {"structure.recipients", LineKind::kRecipients},
    {"structure.signature_delegation", LineKind::kSignature},
    {"structure.signature_title", LineKind::kSignature},
    {"structure.doc_type", LineKind::kDocType},
    {"structure.title_line", LineKind::kTitle},
    {"structure.signer_name", LineKind::kSignerName},
    {"structure.footnote_body_plain", LineKind::kFootnotePlain},
    {"structure.footnote_body_star", LineKind::kFootnoteStar},
};

constexpr std::string_view kRefPatterns[] = {
    "structure.footnote_ref_superscript", "structure.footnote_ref_glued", "structure.footnote_ref_year"};
constexpr std::string_view kLists[] = {"structure.sentence_end_marks", "structure.unit_words"};

// The range of group `g` of `re` matched at the start of `line`; empty when no match.
Range GroupRange(const RE2& re, int g, std::string_view line) {
  constexpr int kMaxGroups = 16;
  if (g <= 0 || g >= kMaxGroups) return {};
  re2::StringPiece groups[kMaxGroups];
  if (!re.Match(line, 0, line.size(), RE2::ANCHOR_START, groups, g + 1) || groups[g].data() == nullptr)
    return {};
  size_t b = static_cast<size_t>(groups[g].data() - line.data());
  return {b, b + groups[g].size()};
}

RE2::Options SetOptions() {
  RE2::Options opt;
  opt.set_case_sensitive(true);  // case-insensitive patterns carry (?i)
  opt.set_log_errors(false);
  opt.set_max_mem(64 << 20);  // \p{Lu} and \p{Ll} classes make large automata
  return opt;
}

std::string SetSource(const ruleset::Pattern& p, bool folded) {
  std::string prefix = p.regex().options().case_sensitive() ? "" : "(?i)";
  return prefix + (folded ? FoldDiacritics(p.source()) : p.source());
}

}  // namespace

LineClassifier::~LineClassifier() = default;

const RE2::Set* LineClassifier::FoldedSet() const {
  std::call_once(folded_once_, [this] {
    auto set = std::make_unique<RE2::Set>(SetOptions(), RE2::ANCHOR_START);
    for (const Entry& e : entries_) {
      std::string error;
      // The loader compiled every folded pattern alone, so a failure here is unexpected;
      // the unfolded set then serves.
      if (set->Add(SetSource(*e.pattern, true), &error) < 0) return;
    }
    if (set->Compile()) folded_set_ = std::move(set);
  });
  return folded_set_ ? folded_set_.get() : set_.get();
}

std::unique_ptr<const LineClassifier> LineClassifier::Empty() {
  auto c = std::unique_ptr<LineClassifier>(new LineClassifier());
  c->sentence_end_marks_ = {".", ":", ";", "!", "?", "…"};
  return c;
}

Result<std::unique_ptr<const LineClassifier>> LineClassifier::Create(const ruleset::RuleSet& rules) {
  std::vector<std::string_view> names;
  for (const Spec& s : kSpecs) names.push_back(s.name);
  for (std::string_view n : kRefPatterns) names.push_back(n);
  if (Status st = rules.Require(names, kLists); !st) return st.error();

  auto c = std::unique_ptr<LineClassifier>(new LineClassifier());
  c->set_ = std::make_unique<RE2::Set>(SetOptions(), RE2::ANCHOR_START);
  for (const Spec& s : kSpecs) {
    const ruleset::Pattern& p = rules.pattern(s.name);
    std::string error;
    if (c->set_->Add(SetSource(p, false), &error) < 0)
      return Error(ErrorCode::kRuleSyntax,
                   p.origin().ToString() + ": pattern " + p.name() + " cannot join the line set: " + error);
    c->entries_.push_back({&p, s.kind, p.attr_string("normalized")});
    if (s.kind == LineKind::kFootnotePlain) c->footnote_plain_ = &p;
    if (s.kind == LineKind::kFootnoteStar) c->footnote_star_ = &p;
  }
  if (!c->set_->Compile())
    return Error(ErrorCode::kRuleSyntax, "the structure.* line patterns do not compile as one set");
  c->ref_superscript_ = &rules.pattern(kRefPatterns[0]);
  c->ref_glued_ = &rules.pattern(kRefPatterns[1]);
  c->ref_year_ = &rules.pattern(kRefPatterns[2]);
  c->sentence_end_marks_ = rules.list(kLists[0]).items;
  // Longest first: "./." is checked before ".".
  std::stable_sort(c->sentence_end_marks_.begin(), c->sentence_end_marks_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  c->unit_words_ = rules.list(kLists[1]).items;
  return std::unique_ptr<const LineClassifier>(std::move(c));
}

bool LineClassifier::IsUnitWord(std::string_view word) const {
  for (const std::string& u : unit_words_) {
    if (u.size() != word.size()) continue;
    bool same = true;
    for (size_t i = 0; i < u.size() && same; ++i) {
      unsigned char a = static_cast<unsigned char>(u[i]), b = static_cast<unsigned char>(word[i]);
      if (a < 0x80 && b < 0x80) same = (a | 0x20) == (b | 0x20);
      else same = a == b;
    }
    if (same) return true;
  }
  return false;
}

LineClass LineClassifier::Classify(std::string_view line, bool folded, std::vector<int>& hits) const {
  LineClass out;
  if (!set_ || line.empty()) return out;
  const RE2::Set& set = folded ? *FoldedSet() : *set_;
  if (!set.Match(line, &hits)) return out;
  int best = -1;
  for (int h : hits) {
    const Entry& e = entries_[static_cast<size_t>(h)];
    if (e.kind == LineKind::kFootnotePlain) out.footnote_plain = true;
    if (e.kind == LineKind::kFootnoteStar) out.footnote_star = true;
    if (e.kind == LineKind::kSignerName) out.signer_name = true;
    if (best < 0 || e.kind < entries_[static_cast<size_t>(best)].kind) best = h;
  }
  const Entry& e = entries_[static_cast<size_t>(best)];
  if (e.kind == LineKind::kFootnotePlain || e.kind == LineKind::kFootnoteStar) return out;
  out.kind = e.kind;
  out.normalized = e.normalized;
  const RE2& re = folded ? e.pattern->folded_regex() : e.pattern->regex();
  // Only list items (their glyph) and footnote bodies (their marker) need the match;
  // running the full regex for every heading would cost more than the set did.
  if (e.kind == LineKind::kBullet || e.kind == LineKind::kFootnoteBody)
    out.m = GroupRange(re, e.pattern->group("m"), line);
  return out;
}

Range LineClassifier::FootnoteMarker(std::string_view line, bool star, bool folded) const {
  const ruleset::Pattern* p = star ? footnote_star_ : footnote_plain_;
  if (p == nullptr) return {};
  return GroupRange(folded ? p->folded_regex() : p->regex(), p->group("marker"), line);
}

}  // namespace notices::normalize::internal
