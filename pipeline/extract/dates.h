// Civil-date arithmetic for the deadline finder and the working-day calendar. Internal
// to pipeline/extract/.
//
//   int d = dates::ToDays({2026, 2, 13});            // days since 1970-01-01
//   PartialDate p = dates::FromDays(d + 5);          // 2026-02-18
//   dates::LastDayOfMonth(2026, 2)                   // 28
//   dates::Weekday(d)                                // 0 = Monday ... 6 = Sunday
//
// Proleptic Gregorian calendar (Howard Hinnant's days_from_civil). Functions taking a
// PartialDate need a full day (year, month and day set) unless they say otherwise.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string_view>

#include "pipeline/extract/record.h"

namespace notices::extract::dates {

int ToDays(const PartialDate& day);
PartialDate FromDays(int days);
int LastDayOfMonth(int year, int month);
bool IsValid(int year, int month, int day);
// 0 = Monday ... 6 = Sunday.
int Weekday(int days);
// "2026-02-17" -> 2026-02-17; nullopt for anything else.
std::optional<PartialDate> ParseIso(std::string_view iso);
// The same day n months later, clamped to the end of a shorter month (31/1 + 1 -> 28/2).
PartialDate AddMonths(const PartialDate& day, int n);

// The first and last day of a partial date's period: a day is itself; "2026-05" is
// 2026-05-01 .. 2026-05-31; "2026" is 2026-01-01 .. 2026-12-31.
PartialDate FirstDay(const PartialDate& period);
PartialDate LastDay(const PartialDate& period);

}  // namespace notices::extract::dates
