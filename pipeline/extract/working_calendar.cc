// WorkingCalendar (declared in deadline_finder.h): working days from
// rules/holidays.toml. Tested by tests/extract/calendar_test.cc.
#include <algorithm>

#include "pipeline/extract/dates.h"
#include "pipeline/extract/deadline_finder.h"

namespace notices::extract {

namespace {

bool Contains(const std::vector<int>& sorted, int value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

// The holidays fixed in the solar calendar (Labour Code 2019, art. 112), used for years
// the table does not cover; Tết and Giỗ Tổ follow the lunar calendar and are unknown
// there.
constexpr int kFixedHolidays[][2] = {{1, 1}, {4, 30}, {5, 1}, {9, 2}};

}  // namespace

WorkingCalendar::WorkingCalendar(const ruleset::RuleSet& rules) {
  for (const ruleset::HolidayYear& year : rules.holidays()) {
    years_.push_back(year.year);
    for (const std::string& iso : year.off)
      if (auto d = dates::ParseIso(iso)) off_.push_back(dates::ToDays(*d));
    for (const std::string& iso : year.work)
      if (auto d = dates::ParseIso(iso)) work_.push_back(dates::ToDays(*d));
  }
  for (std::vector<int>* v : {&off_, &work_, &years_}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
}

bool WorkingCalendar::Covers(int year) const { return Contains(years_, year); }

bool WorkingCalendar::IsWorkingDay(const PartialDate& day) const {
  if (!day.has_day()) return false;
  const int days = dates::ToDays(day);
  if (Contains(work_, days)) return true;
  if (dates::Weekday(days) >= 5) return false;
  if (Covers(day.year)) return !Contains(off_, days);
  for (const auto& [month, dom] : kFixedHolidays)
    if (day.month == month && day.day == dom) return false;
  return true;
}

PartialDate WorkingCalendar::AddWorkingDays(const PartialDate& day, int n) const {
  int days = dates::ToDays(day);
  // A year has about 250 working days; the bound only guards against a table that
  // marks everything off.
  for (int guard = 0; n > 0 && guard < 4000; ++guard) {
    ++days;
    if (IsWorkingDay(dates::FromDays(days))) --n;
  }
  return dates::FromDays(days);
}

}  // namespace notices::extract
