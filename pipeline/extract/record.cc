// Names of the record enums and PartialDate formatting. Tested by
// tests/extract/record_test.cc.
#include "pipeline/extract/record.h"

#include <cstdio>

namespace notices {

std::string PartialDate::ToString() const {
  char buf[16];
  if (day != 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month != 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kLead: return "lead";
    case Role::kCoordinate: return "coordinate";
    case Role::kRequested: return "requested";
    case Role::kReportTo: return "report_to";
  }
  return "lead";
}

std::string_view DeadlineKindName(DeadlineKind kind) {
  switch (kind) {
    case DeadlineKind::kDate: return "date";
    case DeadlineKind::kMonth: return "month";
    case DeadlineKind::kQuarter: return "quarter";
    case DeadlineKind::kHalfYear: return "half_year";
    case DeadlineKind::kYear: return "year";
    case DeadlineKind::kRecurring: return "recurring";
    case DeadlineKind::kRelative: return "relative";
    case DeadlineKind::kUrgent: return "urgent";
    case DeadlineKind::kOngoing: return "ongoing";
  }
  return "date";
}

std::string_view RecurrenceName(Recurrence r) {
  switch (r) {
    case Recurrence::kNone: return "";
    case Recurrence::kDaily: return "daily";
    case Recurrence::kWeekly: return "weekly";
    case Recurrence::kMonthly: return "monthly";
    case Recurrence::kQuarterly: return "quarterly";
    case Recurrence::kHalfYearly: return "half_yearly";
    case Recurrence::kYearly: return "yearly";
  }
  return "";
}

}  // namespace notices
