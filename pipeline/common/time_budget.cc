// TimeBudget, TimeBudgetScope, OutOfTime. Tested by tests/common/time_budget_test.cc and
// the timeout cases of tests/hostile/hostile_test.py.
#include "pipeline/common/time_budget.h"

#include <time.h>

namespace notices {

namespace {
int64_t ThreadCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

thread_local const TimeBudget* current = nullptr;
thread_local bool expired = false;
thread_local unsigned calls = 0;
}  // namespace

TimeBudget TimeBudget::Start(std::chrono::nanoseconds budget) {
  TimeBudget d;
  if (budget.count() > 0) d.end_ns_ = ThreadCpuNanos() + budget.count();
  return d;
}

bool TimeBudget::Expired() const { return end_ns_ >= 0 && ThreadCpuNanos() >= end_ns_; }

TimeBudgetScope::TimeBudgetScope(const TimeBudget& budget)
    : previous_(current), previous_expired_(expired), previous_calls_(calls) {
  current = &budget;
  expired = false;
  calls = 0;
}

TimeBudgetScope::~TimeBudgetScope() {
  current = previous_;
  expired = previous_expired_;
  calls = previous_calls_;
}

bool OutOfTime() {
  if (expired) return true;
  if (current == nullptr || current->unlimited()) return false;
  if (calls++ % 16 != 0) return false;
  expired = current->Expired();
  return expired;
}

}  // namespace notices
