// DeadlineFinder: deadline forms, vetoes and date mentions from rules/deadlines.toml,
// read through the named groups and attributes documented there. Tested by
// tests/extract/deadline_finder_test.cc (forms, traps, Binding, folded text) and
// tests/extract/deadline_devset_test.cc (the annotated devset).
#include "pipeline/extract/deadline_finder.h"

#include <algorithm>
#include <array>

#include <re2/set.h>

#include "pipeline/extract/dates.h"
#include "pipeline/extract/dates_scan.h"

namespace notices::extract {

namespace {

// The named groups the engine reads; rules/deadlines.toml documents their meaning (kG*:
// the groups whose names Term::Type also uses).
enum Group {
  kM, kGDay, kGMonth, kGYear, kDayword, kGQuarter, kFirstHalf, kSecondHalf,
  kFromDay, kFromMonth, kFromYear, kN, kUDay, kUWeek, kUMonth, kWorkday,
  kFromReceived, kFromIssued, kBefore,
  kRDaily, kRWeekly, kRMonthly, kRQuarterly, kRHalfYearly, kRYearly,
  kGroupCount
};
constexpr std::string_view kGroupNames[kGroupCount] = {
    "m", "day", "month", "year", "dayword", "quarter", "first_half", "second_half",
    "from_day", "from_month", "from_year", "n", "u_day", "u_week", "u_month", "workday",
    "from_received", "from_issued", "before",
    "r_daily", "r_weekly", "r_monthly", "r_quarterly", "r_half_yearly", "r_yearly"};
constexpr Recurrence kGroupRecurrence[] = {Recurrence::kDaily,     Recurrence::kWeekly,
                                           Recurrence::kMonthly,   Recurrence::kQuarterly,
                                           Recurrence::kHalfYearly, Recurrence::kYearly};

// A day written without a year lands in the document's year unless that puts it more
// than this many days before the document date; then it is next year's.
constexpr int kPastSlackDays = 62;

constexpr std::string_view kFormPrefix = "deadline.form.";
constexpr std::string_view kVetoPrefix = "deadline.veto.";
constexpr std::string_view kDatePrefix = "deadline.date.";

struct Rule {
  const ruleset::Pattern* pattern = nullptr;
  std::array<int, kGroupCount> group[2];  // per MatchMode: capture index or -1
  int ncaptures[2] = {0, 0};              // including group 0
  std::optional<DeadlineKind> kind;
  bool before = false;
  bool weak = false;
  bool exact_only = false;
  Recurrence recurrence = Recurrence::kNone;

  const RE2& regex(MatchMode mode) const {
    return mode == MatchMode::kExact ? pattern->regex() : pattern->folded_regex();
  }
};

// What a match says, before the context turns it into dates.
struct Term {
  enum Type { kNone, kDayOfPeriod, kDay, kMonth, kQuarter, kHalf, kYear, kRelative };
  Type type = kNone;
  int day = 0, month = 0, year = 0;  // year 0: not written
  int quarter = 0;
  int half = 0;                      // 1 or 2
  int n = 0;
  enum Unit { kDays, kWeeks, kMonths } unit = kDays;
  bool workdays = false;
  enum Anchor { kNoAnchor, kReceived, kIssued, kDate } anchor = kNoAnchor;
  bool dayword = false;
};

struct Candidate {
  size_t begin = 0, end = 0;  // the phrase (group m), bytes in the searched text
  size_t rule = 0;
  Term term;
  Deadline deadline;
};

int ParseNumber(std::string_view s) {
  int v = 0;
  bool any = false;
  for (char c : s) {
    if (c < '0' || c > '9') continue;
    v = v * 10 + (c - '0');
    any = true;
    if (v > 100000) break;
  }
  return any ? v : 0;
}

// "I".."IV" in either case, or "1".."4".
int ParseQuarter(std::string_view s) {
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') return ParseNumber(s);
  int ones = 0;
  bool v = false;
  for (char c : s) {
    if (c == 'I' || c == 'i') ++ones;
    else if (c == 'V' || c == 'v') v = true;
  }
  if (v) return ones == 1 ? 4 : 0;
  return ones;
}

std::optional<DeadlineKind> KindFromName(std::string_view name) {
  for (DeadlineKind k : {DeadlineKind::kDate, DeadlineKind::kMonth, DeadlineKind::kQuarter,
                         DeadlineKind::kHalfYear, DeadlineKind::kYear, DeadlineKind::kRecurring,
                         DeadlineKind::kRelative, DeadlineKind::kUrgent, DeadlineKind::kOngoing})
    if (DeadlineKindName(k) == name) return k;
  return std::nullopt;
}

std::optional<Recurrence> RecurrenceFromName(std::string_view name) {
  for (Recurrence r : kGroupRecurrence)
    if (RecurrenceName(r) == name) return r;
  return std::nullopt;
}

Error RuleError(const ruleset::Pattern& p, const std::string& what) {
  return Error(ErrorCode::kRuleSyntax,
               "rule file " + p.origin().ToString() + ": pattern " + p.name() + ": " + what);
}

Result<Rule> MakeRule(const ruleset::Pattern& p) {
  Rule rule;
  rule.pattern = &p;
  // Both forms have the same groups, known from the parse: nothing is compiled here.
  for (int mode = 0; mode < 2; ++mode) {
    rule.group[mode].fill(-1);
    rule.ncaptures[mode] = p.capturing_groups() + 1;
    for (const auto& [name, index] : p.named_groups()) {
      auto it = std::find(std::begin(kGroupNames), std::end(kGroupNames), name);
      if (it == std::end(kGroupNames))
        return RuleError(p, "unknown group '" + name + "' (see the list in deadlines.toml)");
      rule.group[mode][static_cast<size_t>(it - std::begin(kGroupNames))] = index;
    }
  }
  if (p.has_attr("kind")) {
    rule.kind = KindFromName(p.attr_string("kind"));
    if (!rule.kind) return RuleError(p, "unknown kind '" + p.attr_string("kind") + "'");
  }
  if (p.has_attr("recurrence")) {
    auto r = RecurrenceFromName(p.attr_string("recurrence"));
    if (!r) return RuleError(p, "unknown recurrence '" + p.attr_string("recurrence") + "'");
    rule.recurrence = *r;
  }
  rule.before = p.attr_bool("before");
  rule.weak = p.attr_bool("weak");
  rule.exact_only = p.attr_bool("exact_only");
  return rule;
}

// Memory budget of each pattern set (RE2's default is 8 MB): the sets' automata hold
// every state a text has led them to, and six of them share the process.
constexpr int64_t kSetMemory = 16 << 20;

// One RE2::Set of `rules` for `mode`, so that a line is read once to learn which rules
// can match it. `index` maps set indices back to rules (exact_only rules are left out of
// the folded set).
Result<std::unique_ptr<RE2::Set>> BuildSet(const std::vector<Rule>& rules, MatchMode mode,
                                           std::vector<size_t>& index) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kSetMemory);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  index.clear();
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    if (mode == MatchMode::kFolded && rule.exact_only) continue;
    std::string error;
    if (set->Add(rule.pattern->set_source(mode == MatchMode::kFolded), &error) < 0)
      return RuleError(*rule.pattern, "cannot join the pattern set: " + error);
    index.push_back(i);
  }
  // An empty set cannot be compiled: no set, nothing can match.
  if (index.empty()) return std::unique_ptr<RE2::Set>();
  if (!set->Compile())
    return Error(ErrorCode::kRuleSyntax, "deadline patterns: the pattern set does not compile");
  return set;
}

// Runs one rule over a line; calls f(begin, end, captures) for each match, spans in
// line coordinates of group m (or the whole match).
template <typename F>
void ScanRule(const Rule& rule, MatchMode mode, std::string_view line,
              std::vector<re2::StringPiece>& caps, F&& f) {
  const int m = static_cast<int>(mode);
  const RE2& re = rule.regex(mode);
  caps.assign(static_cast<size_t>(rule.ncaptures[m]), re2::StringPiece());
  const re2::StringPiece piece(line.data(), line.size());
  const int phrase = rule.group[m][kM] > 0 ? rule.group[m][kM] : 0;
  size_t pos = 0;
  while (pos <= line.size() &&
         re.Match(piece, pos, line.size(), RE2::UNANCHORED, caps.data(), rule.ncaptures[m])) {
    const re2::StringPiece whole = caps[static_cast<size_t>(phrase)];
    if (whole.data() == nullptr) break;
    const size_t b = static_cast<size_t>(whole.data() - line.data());
    const size_t e = b + whole.size();
    f(b, e, caps);
    // Resume after the phrase, not after the trailing edge character the rule consumed,
    // so that the next phrase can use it as its left edge.
    pos = std::max(e, static_cast<size_t>(caps[0].data() - line.data()) + 1);
  }
}

std::string_view Cap(const Rule& rule, MatchMode mode, const std::vector<re2::StringPiece>& caps,
                     Group g) {
  const int index = rule.group[static_cast<int>(mode)][g];
  if (index <= 0) return {};
  const re2::StringPiece& s = caps[static_cast<size_t>(index)];
  return s.data() == nullptr ? std::string_view() : std::string_view(s.data(), s.size());
}

bool Has(const Rule& rule, MatchMode mode, const std::vector<re2::StringPiece>& caps, Group g) {
  const int index = rule.group[static_cast<int>(mode)][g];
  return index > 0 && caps[static_cast<size_t>(index)].data() != nullptr;
}

Term ReadTerm(const Rule& rule, MatchMode mode, const std::vector<re2::StringPiece>& caps) {
  auto cap = [&](Group g) { return Cap(rule, mode, caps, g); };
  auto has = [&](Group g) { return Has(rule, mode, caps, g); };
  Term t;
  // "từ ngày 02/3 đến 06/3": the range's start day vouches for its end.
  t.dayword = has(kDayword) || has(kFromDay);
  t.day = ParseNumber(cap(kGDay));
  t.month = ParseNumber(cap(kGMonth));
  t.year = ParseNumber(cap(kGYear));
  if (t.year == 0 && has(kFromYear)) {
    // "từ ngày 20/12/2025 đến ngày 05/01": the end takes the start's year, or the next.
    t.year = ParseNumber(cap(kFromYear));
    const int from_month = ParseNumber(cap(kFromMonth));
    const int from_day = ParseNumber(cap(kFromDay));
    if (t.month != 0 && (t.month < from_month || (t.month == from_month && t.day < from_day)))
      ++t.year;
  }
  if (has(kN)) {
    t.type = Term::kRelative;
    t.n = ParseNumber(cap(kN));
    t.unit = has(kUWeek) ? Term::kWeeks : has(kUMonth) ? Term::kMonths : Term::kDays;
    t.workdays = has(kWorkday);
    t.anchor = has(kFromReceived) ? Term::kReceived
               : has(kFromIssued) ? Term::kIssued
               : t.day != 0       ? Term::kDate
                                  : Term::kNoAnchor;
  } else if (t.day != 0 && t.month != 0) {
    t.type = Term::kDay;
  } else if (t.day != 0) {
    t.type = Term::kDayOfPeriod;
  } else if (has(kGQuarter)) {
    t.type = Term::kQuarter;
    t.quarter = ParseQuarter(cap(kGQuarter));
  } else if (has(kFirstHalf) || has(kSecondHalf)) {
    t.type = Term::kHalf;
    t.half = has(kFirstHalf) ? 1 : 2;
  } else if (t.month != 0) {
    t.type = Term::kMonth;
  } else if (t.year != 0) {
    t.type = Term::kYear;
  }
  return t;
}

// The last day of the period a term names in `year`, to place a year-less term.
std::optional<PartialDate> PeriodEnd(const Term& t, int year) {
  switch (t.type) {
    case Term::kDay:
      if (!dates::IsValid(year, t.month, t.day)) {
        // 29/2 of a year that lacks it: not a date in that year.
        return std::nullopt;
      }
      return PartialDate{year, t.month, t.day};
    case Term::kMonth:
      if (t.month < 1 || t.month > 12) return std::nullopt;
      return PartialDate{year, t.month, dates::LastDayOfMonth(year, t.month)};
    case Term::kQuarter:
      if (t.quarter < 1 || t.quarter > 4) return std::nullopt;
      return PartialDate{year, t.quarter * 3, dates::LastDayOfMonth(year, t.quarter * 3)};
    case Term::kHalf:
      return t.half == 1 ? PartialDate{year, 6, 30} : PartialDate{year, 12, 31};
    case Term::kYear:
      return PartialDate{year, 12, 31};
    default:
      return std::nullopt;
  }
}

std::optional<PartialDate> PeriodStart(const Term& t, int year) {
  switch (t.type) {
    case Term::kDay: return PeriodEnd(t, year);
    case Term::kMonth: return PartialDate{year, t.month, 1};
    case Term::kQuarter: return PartialDate{year, t.quarter * 3 - 2, 1};
    case Term::kHalf: return PartialDate{year, t.half == 1 ? 1 : 7, 1};
    case Term::kYear: return PartialDate{year, 1, 1};
    default: return std::nullopt;
  }
}

// The year for a term written without one. Recurring terms take their next occurrence
// after the document date (in or after its month when only the month is known); others the document's year, or the next when that
// would put them well before the document date. nullopt without a document date.
std::optional<int> InferYear(const Term& t, const DateContext& ctx, bool recurring) {
  if (!ctx.document_date || ctx.document_date->year == 0) return std::nullopt;
  const PartialDate& doc = *ctx.document_date;
  auto end = PeriodEnd(t, doc.year);
  if (!end) {
    // 29/2 outside a leap year: try the next year only.
    return PeriodEnd(t, doc.year + 1) ? std::optional<int>(doc.year + 1) : std::nullopt;
  }
  if (recurring) {
    // Due on the very day the document is signed cannot be met: the next one binds.
    if (doc.has_day()) return *end <= doc ? doc.year + 1 : doc.year;
    if (doc.has_month()) return end->month < doc.month ? doc.year + 1 : doc.year;
    return doc.year;
  }
  const int reference = dates::ToDays(dates::FirstDay(doc));
  return dates::ToDays(*end) < reference - kPastSlackDays ? doc.year + 1 : doc.year;
}

// A full-day base date for relative terms.
std::optional<PartialDate> FullDay(const std::optional<PartialDate>& d) {
  if (d && d->has_day()) return d;
  return std::nullopt;
}

}  // namespace

struct DeadlineFinder::Impl {
  std::shared_ptr<const ruleset::RuleSet> rules;
  WorkingCalendar calendar;
  std::vector<Rule> forms, vetoes, dates;
  // Per MatchMode: which forms (vetoes) a line can match at all, in one pass; set
  // index -> rule index.
  std::unique_ptr<RE2::Set> form_set[2], veto_set[2], date_set[2];
  std::vector<size_t> form_of_set_index[2], veto_of_set_index[2], date_of_set_index[2];

  explicit Impl(std::shared_ptr<const ruleset::RuleSet> r)
      : rules(std::move(r)), calendar(*rules) {}

  // Turns a term into a due date; false when the match is no date at all.
  bool Resolve(const Term& t, bool before, Recurrence recurrence, const DateContext& ctx,
               std::optional<PartialDate>& due, bool& year_inferred) const;
  bool Interpret(const Rule& rule, MatchMode mode, const std::vector<re2::StringPiece>& caps,
                 const DateContext& ctx, Candidate& out) const;
  // Buffers reused across the lines of one call.
  struct Scratch {
    std::vector<int> hits;
    std::vector<re2::StringPiece> caps;
    std::vector<Candidate> found, kept;
    std::vector<Range> vetoed;
  };
  // Appends to scratch.kept the candidates of one sentence that no veto touches.
  // `hits_known`: scratch.hits already holds the form set's answer for `sentence` (the
  // sentence is its whole line, which FindInLine has just matched).
  void FindInSentence(size_t begin, std::string_view sentence, const DateContext& ctx,
                      MatchMode mode, Scratch& scratch, bool hits_known = false) const;
  void FindInLine(std::string_view text, size_t line_begin, std::string_view line,
                  const DateContext& ctx, MatchMode mode, std::vector<Deadline>& out,
                  Scratch& scratch) const;
};

bool DeadlineFinder::Impl::Resolve(const Term& t, bool before, Recurrence recurrence,
                                   const DateContext& ctx, std::optional<PartialDate>& due,
                                   bool& year_inferred) const {
  due.reset();
  year_inferred = false;
  switch (t.type) {
    case Term::kNone:
    case Term::kDayOfPeriod:
      return true;
    case Term::kRelative: {
      std::optional<PartialDate> base;
      if (t.anchor == Term::kDate) {
        Term day = t;
        day.type = Term::kDay;
        day.dayword = true;  // "kể từ ngày 15/3"
        bool unused = false;
        if (!Resolve(day, false, Recurrence::kNone, ctx, base, unused)) return false;
      } else if (t.anchor == Term::kReceived) {
        base = FullDay(ctx.received) ? ctx.received : FullDay(ctx.document_date);
      } else {
        base = FullDay(ctx.document_date);
      }
      if (!base) return true;
      if (t.workdays) due = calendar.AddWorkingDays(*base, t.n);
      else if (t.unit == Term::kMonths) due = dates::AddMonths(*base, t.n);
      else due = dates::FromDays(dates::ToDays(*base) + t.n * (t.unit == Term::kWeeks ? 7 : 1));
      return true;
    }
    default:
      break;
  }
  // A day and month with neither a year nor the word "ngày" is a fraction ("2/3").
  if (t.type == Term::kDay && t.year == 0 && !t.dayword) return false;
  int year = t.year;
  if (year == 0) {
    auto inferred = InferYear(t, ctx, recurrence != Recurrence::kNone);
    // No document date to place it: a deadline without a due date, if it is a date at all
    // (2004 is a leap year, so 29/2 counts).
    if (!inferred) return PeriodEnd(t, 2004).has_value();
    year = *inferred;
    year_inferred = true;
  }
  auto end = PeriodEnd(t, year);
  if (!end) return false;
  due = before ? PeriodStart(t, year) : end;
  return true;
}

bool DeadlineFinder::Impl::Interpret(const Rule& rule, MatchMode mode,
                                     const std::vector<re2::StringPiece>& caps,
                                     const DateContext& ctx, Candidate& out) const {
  Term t = ReadTerm(rule, mode, caps);
  Deadline& d = out.deadline;
  d.before = rule.before || Has(rule, mode, caps, kBefore);
  d.recurrence = rule.recurrence;
  for (int g = kRDaily; g <= kRYearly; ++g)
    if (Has(rule, mode, caps, static_cast<Group>(g))) d.recurrence = kGroupRecurrence[g - kRDaily];
  if (rule.kind) {
    d.kind = *rule.kind;
  } else {
    switch (t.type) {
      case Term::kDay: d.kind = DeadlineKind::kDate; break;
      case Term::kMonth: d.kind = DeadlineKind::kMonth; break;
      case Term::kQuarter: d.kind = DeadlineKind::kQuarter; break;
      case Term::kHalf: d.kind = DeadlineKind::kHalfYear; break;
      case Term::kYear: d.kind = DeadlineKind::kYear; break;
      case Term::kRelative: d.kind = DeadlineKind::kRelative; break;
      default:
        d.kind = d.recurrence != Recurrence::kNone ? DeadlineKind::kRecurring : DeadlineKind::kDate;
    }
  }
  bool year_inferred = false;
  if (!Resolve(t, d.before, d.recurrence, ctx, d.due, year_inferred)) return false;
  // A weak cue for a period that was over before the document was written is a
  // narrative ("trong năm 2025, ... đã ..."), not a deadline.
  if (rule.weak && d.due && !year_inferred && ctx.document_date && ctx.document_date->year != 0 &&
      dates::ToDays(*d.due) < dates::ToDays(dates::FirstDay(*ctx.document_date)))
    return false;
  if (year_inferred) t.year = 0;
  out.term = t;
  return true;
}

void DeadlineFinder::Impl::FindInSentence(size_t begin, std::string_view sentence,
                                          const DateContext& ctx, MatchMode mode,
                                          Scratch& scratch, bool hits_known) const {
  const int m = static_cast<int>(mode);
  std::vector<int>& hits = scratch.hits;
  if (!hits_known && !SetHits(form_set[m].get(), form_of_set_index[m].size(), sentence, hits)) return;
  std::sort(hits.begin(), hits.end());
  std::vector<Candidate>& found = scratch.found;
  found.clear();
  for (int h : hits) {
    const size_t index = form_of_set_index[m][static_cast<size_t>(h)];
    const Rule& rule = forms[index];
    ScanRule(rule, mode, sentence, scratch.caps,
             [&](size_t b, size_t e, const std::vector<re2::StringPiece>& c) {
               Candidate cand;
               cand.begin = begin + b;
               cand.end = begin + e;
               cand.rule = index;
               if (Interpret(rule, mode, c, ctx, cand)) found.push_back(std::move(cand));
             });
  }
  if (found.empty()) return;
  // Longest phrase first among those starting at the same place, then file order.
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.rule < b.rule;
  });
  // Vetoes cancel what they touch.
  std::vector<Range>& vetoed = scratch.vetoed;
  vetoed.clear();
  SetHits(veto_set[m].get(), veto_of_set_index[m].size(), sentence, hits);
  for (int h : hits) {
    const Rule& veto = vetoes[veto_of_set_index[m][static_cast<size_t>(h)]];
    ScanRule(veto, mode, sentence, scratch.caps,
             [&](size_t b, size_t e, const std::vector<re2::StringPiece>&) {
               vetoed.push_back({begin + b, begin + e});
             });
  }
  size_t last_end = 0;
  bool any = false;
  for (Candidate& c : found) {
    if (any && c.begin < last_end) continue;
    any = true;
    last_end = c.end;
    bool hit = false;
    for (const Range& v : vetoed) hit = hit || (c.begin < v.end && v.begin < c.end);
    if (!hit) scratch.kept.push_back(std::move(c));
  }
}

void DeadlineFinder::Impl::FindInLine(std::string_view text, size_t line_begin,
                                      std::string_view line, const DateContext& ctx,
                                      MatchMode mode, std::vector<Deadline>& out,
                                      Scratch& scratch) const {
  scratch.kept.clear();
  // One pass over the line first: most lines hold nothing, and a pattern-set call per
  // sentence costs more than the pass.
  const int m = static_cast<int>(mode);
  if (!SetHits(form_set[m].get(), form_of_set_index[m].size(), line, scratch.hits)) return;
  ForEachSentence(line, [&](size_t offset, std::string_view sentence) {
    FindInSentence(line_begin + offset, sentence, ctx, mode, scratch,
                   /*hits_known=*/sentence.size() == line.size());
  });
  // A dated deadline without a written year after a recurring phrase in the same
  // paragraph ("Báo cáo 6 tháng: ... trước ngày 05/7") takes its recurrence and so its
  // next occurrence.
  Recurrence pending = Recurrence::kNone;
  for (Candidate& c : scratch.kept) {
    Deadline& d = c.deadline;
    if (!d.due && d.recurrence != Recurrence::kNone) pending = d.recurrence;
    if (pending != Recurrence::kNone && d.recurrence == Recurrence::kNone && c.term.year == 0 &&
        (c.term.type == Term::kDay || c.term.type == Term::kMonth)) {
      d.recurrence = pending;
      bool inferred = false;
      Resolve(c.term, d.before, d.recurrence, ctx, d.due, inferred);
    }
    d.span = {c.begin, c.end};
    d.text = std::string(text.substr(c.begin, c.end - c.begin));
    out.push_back(std::move(d));
  }
}

DeadlineFinder::DeadlineFinder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DeadlineFinder::DeadlineFinder(DeadlineFinder&&) noexcept = default;
DeadlineFinder& DeadlineFinder::operator=(DeadlineFinder&&) noexcept = default;
DeadlineFinder::~DeadlineFinder() = default;

Result<DeadlineFinder> DeadlineFinder::Create(std::shared_ptr<const ruleset::RuleSet> rules) {
  if (!rules) return Error(ErrorCode::kInternal, "DeadlineFinder::Create: no rules");
  auto impl = std::make_unique<Impl>(rules);
  for (const ruleset::Pattern* p : rules->PatternsWithPrefix("deadline.")) {
    const std::string& name = p->name();
    std::vector<Rule>* target = nullptr;
    if (name.rfind(kFormPrefix, 0) == 0) target = &impl->forms;
    else if (name.rfind(kVetoPrefix, 0) == 0) target = &impl->vetoes;
    else if (name.rfind(kDatePrefix, 0) == 0) target = &impl->dates;
    if (target == nullptr) continue;
    auto rule = MakeRule(*p);
    if (!rule) return rule.error();
    target->push_back(std::move(rule).value());
  }
  for (int m = 0; m < 2; ++m) {
    auto forms = BuildSet(impl->forms, static_cast<MatchMode>(m), impl->form_of_set_index[m]);
    if (!forms) return forms.error();
    impl->form_set[m] = std::move(forms).value();
    auto vetoes = BuildSet(impl->vetoes, static_cast<MatchMode>(m), impl->veto_of_set_index[m]);
    if (!vetoes) return vetoes.error();
    impl->veto_set[m] = std::move(vetoes).value();
    auto dates = BuildSet(impl->dates, static_cast<MatchMode>(m), impl->date_of_set_index[m]);
    if (!dates) return dates.error();
    impl->date_set[m] = std::move(dates).value();
  }
  return DeadlineFinder(std::move(impl));
}

std::vector<Deadline> DeadlineFinder::FindAll(std::string_view text, Range range,
                                              const DateContext& ctx, MatchMode mode) const {
  std::vector<Deadline> out;
  Impl::Scratch scratch;
  ForEachLine(text, range, [&](size_t begin, std::string_view line) {
    impl_->FindInLine(text, begin, line, ctx, mode, out, scratch);
  });
  return out;
}

std::vector<DateMention> DeadlineFinder::FindDates(std::string_view text, Range range,
                                                   const DateContext& ctx, MatchMode mode) const {
  std::vector<DateMention> out;
  std::vector<re2::StringPiece> caps;
  struct Found {
    size_t begin, end, rule;
    DateMention mention;
  };
  std::vector<Found> found;
  std::vector<int> hits;
  const int m = static_cast<int>(mode);
  auto in_line = [&](size_t line_begin, std::string_view line) {
    found.clear();
    if (!SetHits(impl_->date_set[m].get(), impl_->date_of_set_index[m].size(), line, hits)) return;
    std::sort(hits.begin(), hits.end());
    for (int h : hits) {
      const size_t r = impl_->date_of_set_index[m][static_cast<size_t>(h)];
      const Rule& rule = impl_->dates[r];
      ScanRule(rule, mode, line, caps, [&](size_t b, size_t e, const std::vector<re2::StringPiece>& c) {
        Term t = ReadTerm(rule, mode, c);
        DateMention dm;
        dm.span = {line_begin + b, line_begin + e};
        if (t.type == Term::kDay) {
          if (t.year == 0 && !t.dayword) return;
          int year = t.year;
          if (year == 0) {
            auto inferred = InferYear(t, ctx, false);
            if (!inferred) return;
            year = *inferred;
            dm.year_inferred = true;
          }
          if (!dates::IsValid(year, t.month, t.day)) return;
          dm.date = {year, t.month, t.day};
        } else if (t.type == Term::kMonth && t.year != 0) {
          dm.date = {t.year, t.month, 0};
        } else {
          return;
        }
        found.push_back({dm.span.begin, dm.span.end, r, dm});
      });
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end > b.end;
      return a.rule < b.rule;
    });
    size_t last_end = 0;
    bool any = false;
    for (const Found& f : found) {
      if (any && f.begin < last_end) continue;
      any = true;
      last_end = f.end;
      out.push_back(f.mention);
    }
  };
  ForEachLine(text, range, [&](size_t line_begin, std::string_view line) {
    // Every written date has digits; most lines of a notice have none to look at.
    if (!impl_->date_set[m] || !HasDigit(line)) return;
    in_line(line_begin, line);
  });
  return out;
}

std::optional<size_t> DeadlineFinder::Binding(const std::vector<Deadline>& found) {
  auto rank = [](const Deadline& d) {
    if (d.due) return 0;
    switch (d.kind) {
      case DeadlineKind::kRecurring: return 2;
      case DeadlineKind::kRelative: return 3;
      case DeadlineKind::kOngoing: return 4;
      case DeadlineKind::kUrgent: return 5;
      default: return 1;  // a dated kind whose year could not be placed
    }
  };
  std::optional<size_t> best;
  for (size_t i = 0; i < found.size(); ++i)
    if (!best || rank(found[i]) < rank(found[*best])) best = i;
  return best;
}

const WorkingCalendar& DeadlineFinder::calendar() const { return impl_->calendar; }

}  // namespace notices::extract
