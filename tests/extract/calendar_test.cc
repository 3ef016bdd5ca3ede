// WorkingCalendar over rules/holidays.toml, and the civil-date helpers (dates.h).
#include <gtest/gtest.h>

#include "pipeline/extract/dates.h"
#include "pipeline/extract/deadline_finder.h"

namespace notices::extract {
namespace {

const WorkingCalendar& Calendar() {
  static const WorkingCalendar* calendar = [] {
    auto rules = ruleset::RuleSet::Builtin();
    EXPECT_TRUE(rules) << rules.error().message;
    return new WorkingCalendar(*rules.value());
  }();
  return *calendar;
}

PartialDate D(int y, int m, int d) { return {y, m, d}; }

TEST(DatesTest, CivilArithmetic) {
  EXPECT_EQ(dates::ToDays(D(1970, 1, 1)), 0);
  EXPECT_EQ(dates::FromDays(dates::ToDays(D(2028, 2, 29))), D(2028, 2, 29));
  EXPECT_EQ(dates::FromDays(dates::ToDays(D(2026, 2, 28)) + 1), D(2026, 3, 1));
  EXPECT_EQ(dates::Weekday(dates::ToDays(D(2026, 2, 17))), 1);  // Tuesday
  EXPECT_EQ(dates::Weekday(dates::ToDays(D(2024, 5, 4))), 5);   // Saturday
  EXPECT_EQ(dates::LastDayOfMonth(2028, 2), 29);
  EXPECT_EQ(dates::LastDayOfMonth(2100, 2), 28);
  EXPECT_EQ(dates::AddMonths(D(2026, 1, 31), 1), D(2026, 2, 28));
  EXPECT_EQ(dates::AddMonths(D(2026, 11, 15), 3), D(2027, 2, 15));
  EXPECT_EQ(dates::ParseIso("2026-02-17"), D(2026, 2, 17));
  EXPECT_FALSE(dates::ParseIso("2026-02-30"));
  EXPECT_FALSE(dates::ParseIso("2026-2-3"));
  EXPECT_EQ(dates::LastDay({2026, 5, 0}), D(2026, 5, 31));
  EXPECT_EQ(dates::LastDay({2026, 0, 0}), D(2026, 12, 31));
  EXPECT_EQ(dates::FirstDay({2026, 0, 0}), D(2026, 1, 1));
}

struct DayCase {
  PartialDate day;
  bool working;
  const char* why;
};

TEST(WorkingCalendarTest, HolidaysWeekendsAndSwappedSaturdays) {
  const DayCase cases[] = {
      {D(2026, 2, 13), true, "Friday before Tết 2026"},
      {D(2026, 2, 16), false, "eve of Tết 2026"},
      {D(2026, 2, 17), false, "Tết 2026, mùng 1"},
      {D(2026, 2, 20), false, "Tết 2026, mùng 4"},
      {D(2026, 2, 23), true, "first working day after Tết 2026"},
      {D(2024, 2, 8), false, "Tết 2024 break"},
      {D(2024, 2, 15), true, "after Tết 2024"},
      {D(2025, 1, 27), false, "Tết 2025 break"},
      {D(2025, 2, 3), true, "after Tết 2025"},
      {D(2024, 4, 29), false, "Monday swapped off, 2024"},
      {D(2024, 5, 4), true, "Saturday worked instead, 2024"},
      {D(2025, 4, 26), true, "Saturday worked instead, 2025"},
      {D(2025, 5, 2), false, "Friday swapped off, 2025"},
      {D(2025, 9, 1), false, "day next to Quốc khánh 2025"},
      {D(2024, 9, 3), false, "day next to Quốc khánh 2024"},
      {D(2026, 1, 1), false, "New Year 2026"},
      {D(2026, 4, 27), false, "Giỗ Tổ 2026 falls on Sunday, made up Monday"},
      {D(2026, 1, 3), false, "an ordinary Saturday"},
      {D(2026, 5, 5), true, "an ordinary Tuesday"},
      {D(2030, 2, 4), false, "Tết 2030 (lunar new year 2 February in Vietnam)"},
      {D(2031, 1, 1), false, "a year not in the table keeps 1/1"},
      {D(2031, 9, 2), false, "... and 2/9"},
      {D(2031, 1, 2), true, "... and no other holiday"},
  };
  for (const DayCase& c : cases)
    EXPECT_EQ(Calendar().IsWorkingDay(c.day), c.working) << c.day.ToString() << ": " << c.why;
}

struct AddCase {
  PartialDate from;
  int n;
  PartialDate expected;
};

TEST(WorkingCalendarTest, AddWorkingDaysAcrossTetAndSwaps) {
  const AddCase cases[] = {
      {D(2026, 2, 11), 5, D(2026, 2, 25)},  // 12, 13, then Tết until 22/2, then 23, 24, 25
      {D(2026, 2, 13), 1, D(2026, 2, 23)},
      {D(2026, 2, 12), 0, D(2026, 2, 12)},
      {D(2024, 5, 2), 2, D(2024, 5, 4)},    // Fri 3/5, then the swapped Saturday 4/5
      {D(2025, 4, 29), 1, D(2025, 5, 5)},   // 30/4 - 4/5 off
      {D(2026, 5, 4), 5, D(2026, 5, 11)},   // an ordinary week
      {D(2027, 2, 4), 1, D(2027, 2, 12)},   // default rule for the unannounced Tết 2027
  };
  for (const AddCase& c : cases)
    EXPECT_EQ(Calendar().AddWorkingDays(c.from, c.n), c.expected)
        << c.from.ToString() << " + " << c.n;
}

TEST(WorkingCalendarTest, TableCoversTheLawForEveryYear) {
  auto rules = ruleset::RuleSet::Builtin();
  ASSERT_TRUE(rules);
  // Lunar new year (UTC+7) and Giỗ Tổ (10/3 lunar), from tests/extract/calendar_lunar.py.
  const struct {
    int year;
    PartialDate tet, gio_to;
  } lunar[] = {
      {2024, D(2024, 2, 10), D(2024, 4, 18)}, {2025, D(2025, 1, 29), D(2025, 4, 7)},
      {2026, D(2026, 2, 17), D(2026, 4, 26)}, {2027, D(2027, 2, 6), D(2027, 4, 16)},
      {2028, D(2028, 1, 26), D(2028, 4, 4)},  {2029, D(2029, 2, 13), D(2029, 4, 23)},
      {2030, D(2030, 2, 2), D(2030, 4, 12)},
  };
  for (const auto& y : lunar) {
    SCOPED_TRACE(y.year);
    EXPECT_TRUE(Calendar().Covers(y.year));
    // Tết: the eve and the first three days of the year are never worked, and at least
    // five weekdays around the new year are off.
    const int tet = dates::ToDays(y.tet);
    for (int d = tet - 1; d <= tet + 2; ++d)
      EXPECT_FALSE(Calendar().IsWorkingDay(dates::FromDays(d))) << dates::FromDays(d).ToString();
    int weekdays_off = 0;
    for (int d = tet - 7; d <= tet + 9; ++d)
      if (dates::Weekday(d) < 5 && !Calendar().IsWorkingDay(dates::FromDays(d))) ++weekdays_off;
    EXPECT_GE(weekdays_off, 5);
    // Giỗ Tổ: off, or on a weekend and made up on the Monday after.
    const int gio_to = dates::ToDays(y.gio_to);
    if (dates::Weekday(gio_to) < 5)
      EXPECT_FALSE(Calendar().IsWorkingDay(y.gio_to));
    else
      EXPECT_FALSE(Calendar().IsWorkingDay(dates::FromDays(gio_to + (7 - dates::Weekday(gio_to)))));
    for (PartialDate fixed : {D(y.year, 1, 1), D(y.year, 4, 30), D(y.year, 5, 1), D(y.year, 9, 2)})
      EXPECT_FALSE(Calendar().IsWorkingDay(fixed)) << fixed.ToString();
  }
  EXPECT_FALSE(Calendar().Covers(2031));
  // A swapped working day is always a weekend day, and lies in its year.
  for (const ruleset::HolidayYear& h : (*rules)->holidays()) {
    for (const std::string& iso : h.work) {
      auto d = dates::ParseIso(iso);
      ASSERT_TRUE(d) << iso;
      EXPECT_GE(dates::Weekday(dates::ToDays(*d)), 5) << iso;
      EXPECT_EQ(d->year, h.year) << iso;
    }
    for (const std::string& iso : h.off) EXPECT_EQ(iso.substr(0, 4), std::to_string(h.year));
  }
}

}  // namespace
}  // namespace notices::extract
