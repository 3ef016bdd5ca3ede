// Civil-date arithmetic (dates.h). Tested by tests/extract/calendar_test.cc.
#include "pipeline/extract/dates.h"

namespace notices::extract::dates {

int ToDays(const PartialDate& day) {
  int y = day.year;
  const int m = day.month;
  const int d = day.day;
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

PartialDate FromDays(int days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2), m, d};
}

int LastDayOfMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsValid(int year, int month, int day) {
  return year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= LastDayOfMonth(year, month);
}

int Weekday(int days) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  const int w = (days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

std::optional<PartialDate> ParseIso(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      parts[k] = parts[k] * 10 + (iso[i] - '0');
    }
  }
  if (!IsValid(parts[0], parts[1], parts[2])) return std::nullopt;
  return PartialDate{parts[0], parts[1], parts[2]};
}

PartialDate AddMonths(const PartialDate& day, int n) {
  int index = day.year * 12 + (day.month - 1) + n;
  const int year = index / 12;
  const int month = index % 12 + 1;
  const int last = LastDayOfMonth(year, month);
  return {year, month, day.day > last ? last : day.day};
}

PartialDate FirstDay(const PartialDate& period) {
  return {period.year, period.has_month() ? period.month : 1,
          period.has_day() ? period.day : 1};
}

PartialDate LastDay(const PartialDate& period) {
  if (period.has_day()) return period;
  const int month = period.has_month() ? period.month : 12;
  return {period.year, month, LastDayOfMonth(period.year, month)};
}

}  // namespace notices::extract::dates
