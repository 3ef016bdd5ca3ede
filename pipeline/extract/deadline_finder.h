// Dates, deadlines and the working-day calendar.
//
//   auto finder = extract::DeadlineFinder::Create(rules).value();
//   DateContext ctx{.document_date = PartialDate{2026, 5, 0}};
//   std::string_view t = "báo cáo UBND tỉnh chậm nhất trong ngày 15/01/2026; hằng tháng";
//   std::vector<Deadline> all = finder.FindAll(t, {0, t.size()}, ctx, MatchMode::kExact);
//   // [{text "chậm nhất trong ngày 15/01/2026", due 2026-01-15, kind date},
//   //  {text "hằng tháng", kind recurring, recurrence monthly}]
//   std::optional<size_t> b = DeadlineFinder::Binding(all);   // index of the binding one
//
//   std::vector<DateMention> dates = finder.FindDates(t, {0, t.size()}, ctx, MatchMode::kExact);
//   // every date written in the text ("15/01/2026", "ngày 05 tháng 4 năm 2026",
//   // "ngày tháng 5 năm 2026" -> 2026-05), for document dates, meetings and references.
//
// Deadline forms (rules/deadlines.toml, each with examples): exact dates in every
// written form ("15/01/2026", "15-01-2026", "ngày 15 tháng 01 năm 2026", glued
// "05tháng"), "chậm nhất (trong) ngày", "trước ngày" (before = true), "hoàn thành
// trong tháng 5/2026" (-> 2026-05-31), quarters ("trong quý I/2026", "quý II năm 2026"),
// half years ("6 tháng đầu năm"), years, ranges ("từ ngày 02/3 đến hết ngày 06/3/2025"
// -> the end), a day without a year (the document's year; the next one where that would
// land well before the document date), recurring ("hằng tháng", "trước ngày 20 hằng
// tháng", "định kỳ hằng quý"), relative ("trong 05 ngày làm việc kể từ ngày nhận được
// văn bản": due counted from DateContext::received, else the document date, skipping
// weekends and holidays from rules/holidays.toml), urgent ("khẩn trương", "ngay") and
// ongoing ("thường xuyên"). Text without diacritics works in MatchMode::kFolded.
//
// What the results mean:
//   - FindAll returns only phrases with a deadline cue (trước, chậm nhất, hoàn thành,
//     thời hạn, trong tháng/quý/năm ...), in text order, never overlapping. A date cited
//     after a document number, a meeting date, a narrative period ("Trong năm 2025, ...
//     đã ..."), an event date ("dự kiến tổ chức trong tháng 6") and a plan period
//     ("giai đoạn 2026 - 2030") are not deadlines (the deadline.veto.* rules).
//   - `due` is the last day of the named period; with before = true ("trước tháng
//     6/2026", "trước năm 2027") it is the first day of the period the work must precede.
//   - A year left out is placed from DateContext::document_date (the document's year,
//     or the next when that would land more than about two months before it); without
//     a document date such a deadline has no due. A recurring date takes its next
//     occurrence after the document date ("Báo cáo 6 tháng: ... trước ngày 05/7" in a
//     notice of 10/7/2026 -> 2027-07-05): a dated phrase after a recurring one in the
//     same paragraph takes its recurrence.
//   - Relative times count from DateContext::received (else the document date) when
//     they run from receipt, from the document date when they run from signature
//     ("kể từ ngày ký"), or from a date written in the phrase; no full-day base, no due.
//   - A weak cue ("trong tháng 01/2025") for a period already over at the document date
//     is a narrative and is dropped.
//
// Thread-safety: immutable after Create; share across threads.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/extract/agency_finder.h"  // MatchMode
#include "pipeline/extract/record.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::extract {

struct DateContext {
  std::optional<PartialDate> document_date;  // may have month precision only
  std::optional<PartialDate> received;       // --received DATE, a full day
};

struct DateMention {
  Range span;          // bytes in the searched text
  PartialDate date;    // as precise as written
  bool year_inferred = false;  // the year came from the context
};

// Working days per Vietnamese law: Monday-Friday, minus public holidays, plus swapped
// working Saturdays, from rules/holidays.toml. Years missing from the table fall back
// to the fixed-date holidays only (1/1, 30/4, 1/5, 2/9); Covers() says whether a year
// is in the table, so a caller can warn when a count crosses one that is not.
class WorkingCalendar {
 public:
  explicit WorkingCalendar(const ruleset::RuleSet& rules);
  bool IsWorkingDay(const PartialDate& day) const;
  // `day` plus n working days (n >= 0), the start day itself not counted.
  PartialDate AddWorkingDays(const PartialDate& day, int n) const;
  bool Covers(int year) const;

 private:
  std::vector<int> off_;   // days since epoch, sorted
  std::vector<int> work_;
  std::vector<int> years_;
};

class DeadlineFinder {
 public:
  // Reads the deadline.form.*, deadline.veto.* and deadline.date.* patterns and the
  // holiday table. Fails with kRuleSyntax when a pattern uses a group or an attribute
  // value the engine does not know (the message names the pattern and its file:line).
  static Result<DeadlineFinder> Create(std::shared_ptr<const ruleset::RuleSet> rules);

  // `range` is a byte range of `text` (clamped to it); spans in the results are bytes
  // of `text`. Lines ('\n') are searched separately. In kFolded mode `text` must be
  // folded (normalize::FoldDiacritics) and the rules' folded regexes run on it.
  std::vector<Deadline> FindAll(std::string_view text, Range range, const DateContext& ctx,
                                MatchMode mode) const;
  std::vector<DateMention> FindDates(std::string_view text, Range range, const DateContext& ctx,
                                     MatchMode mode) const;
  // The deadline that binds the task, given what FindAll found in the task's text
  // (every candidate already carries a completion cue; cited and plain dates are not
  // candidates): the first with a due date; else the first dated kind whose year could
  // not be placed; else recurring, relative, ongoing, urgent, in that order. nullopt for
  // an empty list.
  static std::optional<size_t> Binding(const std::vector<Deadline>& found);

  const WorkingCalendar& calendar() const;

  DeadlineFinder(DeadlineFinder&&) noexcept;
  DeadlineFinder& operator=(DeadlineFinder&&) noexcept;
  ~DeadlineFinder();

 private:
  struct Impl;
  explicit DeadlineFinder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace notices::extract
