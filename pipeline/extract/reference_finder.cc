// ReferenceFinder and NormalizeDocumentNumber: citations of other documents from
// rules/references.toml, dated with DeadlineFinder::FindDates. Tested by
// tests/extract/reference_finder_test.cc.
#include "pipeline/extract/reference_finder.h"

#include <algorithm>

#include <re2/set.h>

#include "pipeline/extract/dates_scan.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {

namespace {

constexpr std::string_view kCitation = "reference.citation";
constexpr std::string_view kAbbreviated = "reference.abbreviated";
constexpr std::string_view kDateGap = "reference.date_gap";
constexpr std::string_view kKinds = "reference.kinds";
constexpr std::string_view kCodes = "reference.codes";
// How far after a number its date may start and end, in bytes.
constexpr size_t kDateWindow = 96;

// The comparison key of a type word: no marks, ASCII lower case, single spaces, so
// "NGHỊ QUYẾT", "Nghị quyết" and "Nghi quyet" meet.
std::string Key(std::string_view written) {
  std::string folded = normalize::FoldDiacritics(written);
  std::string key;
  key.reserve(folded.size());
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!key.empty() && key.back() != ' ') key += ' ';
      continue;
    }
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

struct Groups {
  int m = -1, kind = -1, code = -1, number = -1, count = 0;
};

Groups GroupsOf(const RE2& re) {
  Groups g;
  g.count = re.NumberOfCapturingGroups() + 1;
  const auto& named = re.NamedCapturingGroups();
  auto find = [&](const char* name) {
    auto it = named.find(name);
    return it == named.end() ? -1 : it->second;
  };
  g.m = find("m");
  g.kind = find("kind");
  g.code = find("code");
  g.number = find("number");
  return g;
}

std::string_view Piece(const std::vector<re2::StringPiece>& caps, int index) {
  if (index <= 0 || caps[static_cast<size_t>(index)].data() == nullptr) return {};
  return {caps[static_cast<size_t>(index)].data(), caps[static_cast<size_t>(index)].size()};
}

}  // namespace

std::string NormalizeDocumentNumber(std::string_view written) {
  std::string out;
  out.reserve(written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (c == '\xC2' && i + 1 < written.size() && written[i + 1] == '\xA0') {  // NBSP
      ++i;
      continue;
    }
    out += c;
  }
  while (!out.empty() && std::string_view(".,;:)").find(out.back()) != std::string_view::npos)
    out.pop_back();
  // A number starts with its digits; "/TB-VP" is a draft's blank.
  if (out.empty() || out[0] < '0' || out[0] > '9') return "";
  return out;
}

struct ReferenceFinder::Impl {
  std::shared_ptr<const ruleset::RuleSet> rules;
  const ruleset::Pattern* citation = nullptr;
  const ruleset::Pattern* abbreviated = nullptr;
  const ruleset::Pattern* date_gap = nullptr;
  Groups citation_groups[2], abbreviated_groups[2];
  // Per MatchMode: {citation, abbreviated} in one RE2::Set, set index = which pattern.
  std::unique_ptr<RE2::Set> set[2];
  std::vector<std::pair<std::string, std::string>> kinds;  // key -> canonical
  std::vector<std::pair<std::string, std::string>> codes;  // key of code -> kind

  std::string KindOf(std::string_view written) const {
    const std::string key = Key(written);
    for (const auto& [k, canonical] : kinds)
      if (k == key) return canonical;
    return std::string(written);
  }
  std::string KindOfCode(std::string_view code) const {
    const std::string key = Key(code);
    for (const auto& [k, kind] : codes)
      if (k == key) return kind;
    return "";
  }
};

ReferenceFinder::ReferenceFinder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReferenceFinder::ReferenceFinder(ReferenceFinder&&) noexcept = default;
ReferenceFinder& ReferenceFinder::operator=(ReferenceFinder&&) noexcept = default;
ReferenceFinder::~ReferenceFinder() = default;

Result<ReferenceFinder> ReferenceFinder::Create(std::shared_ptr<const ruleset::RuleSet> rules) {
  if (!rules) return Error(ErrorCode::kInternal, "ReferenceFinder::Create: no rules");
  const std::string_view patterns[] = {kCitation, kAbbreviated, kDateGap};
  const std::string_view lists[] = {kKinds, kCodes};
  if (auto st = rules->Require(patterns, lists); !st) return st.error();
  auto impl = std::make_unique<Impl>();
  impl->rules = rules;
  impl->citation = &rules->pattern(kCitation);
  impl->abbreviated = &rules->pattern(kAbbreviated);
  impl->date_gap = &rules->pattern(kDateGap);
  for (int m = 0; m < 2; ++m) {
    impl->citation_groups[m] =
        GroupsOf(m == 0 ? impl->citation->regex() : impl->citation->folded_regex());
    impl->abbreviated_groups[m] =
        GroupsOf(m == 0 ? impl->abbreviated->regex() : impl->abbreviated->folded_regex());
  }
  if (impl->citation_groups[0].number < 0 || impl->citation_groups[0].kind < 0 ||
      impl->abbreviated_groups[0].number < 0 || impl->abbreviated_groups[0].code < 0)
    return Error(ErrorCode::kRuleSyntax,
                 "references.toml: reference.citation needs groups 'kind' and 'number', "
                 "reference.abbreviated 'code' and 'number'");
  for (int m = 0; m < 2; ++m) {
    RE2::Options options;
    options.set_log_errors(false);
    impl->set[m] = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const ruleset::Pattern* p : {impl->citation, impl->abbreviated}) {
      const RE2& re = m == 0 ? p->regex() : p->folded_regex();
      std::string error;
      if (impl->set[m]->Add((re.options().case_sensitive() ? "" : "(?i)") + re.pattern(), &error) < 0)
        return Error(ErrorCode::kRuleSyntax, "rule file " + p->origin().ToString() + ": pattern " +
                                                 p->name() + ": " + error);
    }
    if (!impl->set[m]->Compile())
      return Error(ErrorCode::kRuleSyntax, "references.toml: the pattern set does not compile");
  }
  for (const std::string& kind : rules->list(kKinds).items)
    impl->kinds.emplace_back(Key(kind), kind);
  for (const std::string& item : rules->list(kCodes).items) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      return Error(ErrorCode::kRuleSyntax, "references.toml: list reference.codes: item '" +
                                               item + "' is not CODE=Kind");
    impl->codes.emplace_back(Key(item.substr(0, eq)), item.substr(eq + 1));
  }
  return ReferenceFinder(std::move(impl));
}

std::vector<Reference> ReferenceFinder::FindAll(std::string_view text, Range range,
                                                const DeadlineFinder& dates,
                                                const DateContext& ctx, MatchMode mode) const {
  std::vector<Reference> out;
  const int m = static_cast<int>(mode);
  const RE2& gap_re = mode == MatchMode::kExact ? impl_->date_gap->regex()
                                                : impl_->date_gap->folded_regex();
  std::vector<re2::StringPiece> caps, inner;
  std::vector<int> hits;
  auto in_line = [&](size_t line_begin, std::string_view line) {
    // Every number has digits: most lines of a notice can be skipped at once.
    if (!HasDigit(line)) return;
    const size_t first_of_line = out.size();
    // One pass tells which of the two patterns the line holds at all.
    if (!SetHits(impl_->set[m].get(), 2, line, hits)) return;
    for (int which : hits) {
      const ruleset::Pattern* p = which == 0 ? impl_->citation : impl_->abbreviated;
      const Groups& g = which == 0 ? impl_->citation_groups[m] : impl_->abbreviated_groups[m];
      const RE2& re = mode == MatchMode::kExact ? p->regex() : p->folded_regex();
      caps.assign(static_cast<size_t>(g.count), re2::StringPiece());
      const re2::StringPiece piece(line.data(), line.size());
      size_t at = 0;
      while (at <= line.size() &&
             re.Match(piece, at, line.size(), RE2::UNANCHORED, caps.data(), g.count)) {
        // "theo quy định tại Nghị định số 264/2025/NĐ-CP": words may stand between a type
        // and "số", so the leftmost type can be the wrong one; the one nearest the number
        // wins.
        if (g.kind > 0) {
          const std::string_view outer_number = Piece(caps, g.number);
          const size_t number_end = static_cast<size_t>(outer_number.data() - line.data()) +
                                    outer_number.size();
          inner.assign(caps.size(), re2::StringPiece());
          for (;;) {
            const std::string_view kind = Piece(caps, g.kind);
            const size_t kind_end = static_cast<size_t>(kind.data() - line.data()) + kind.size();
            if (!re.Match(piece, kind_end, number_end, RE2::UNANCHORED, inner.data(), g.count)) break;
            const std::string_view n = Piece(inner, g.number);
            if (static_cast<size_t>(n.data() - line.data()) + n.size() != number_end) break;
            caps.swap(inner);
          }
        }
        const re2::StringPiece& phrase = caps[static_cast<size_t>(g.m > 0 ? g.m : 0)];
        const std::string_view whole(phrase.data(), phrase.size());
        const std::string_view number = Piece(caps, g.number);
        const size_t b = static_cast<size_t>(whole.data() - line.data());
        at = std::max(b + whole.size(), static_cast<size_t>(caps[0].data() - line.data()) + 1);
        Reference ref;
        ref.number = NormalizeDocumentNumber(number);
        ref.kind = which == 0 ? impl_->KindOf(Piece(caps, g.kind))
                              : impl_->KindOfCode(Piece(caps, g.code));
        if (ref.number.empty() || ref.kind.empty()) continue;
        ref.span = {line_begin + b, line_begin + b + whole.size()};
        // The date written right after the number.
        const size_t number_end = line_begin + static_cast<size_t>(number.data() - line.data()) +
                                  number.size();
        size_t window_end = std::min(line_begin + line.size(), number_end + kDateWindow);
        while (window_end < line_begin + line.size() && text[window_end] != ' ') ++window_end;
        std::vector<DateMention> found = dates.FindDates(text, {number_end, window_end}, ctx, mode);
        if (!found.empty()) {
          const DateMention& d = found.front();
          const std::string_view gap = text.substr(number_end, d.span.begin - number_end);
          if (RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), gap_re)) {
            ref.date = d.date;
            ref.span.end = std::max(ref.span.end, d.span.end);
          }
        }
        out.push_back(std::move(ref));
      }
    }
    // The two patterns ran separately: put the line's references in text order.
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_of_line), out.end(),
              [](const Reference& a, const Reference& b) { return a.span.begin < b.span.begin; });
  };
  ForEachLine(text, range, in_line);
  return out;
}

}  // namespace notices::extract
