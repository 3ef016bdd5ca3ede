// A time budget for one document, checked cooperatively by the stages' long loops.
//
//   TimeBudget budget = TimeBudget::Start(std::chrono::seconds(60));   // --timeout 60
//   {
//     TimeBudgetScope scope(budget);   // this thread's current budget
//     ... run the stages ...
//     // inside a stage's loop over pages, paragraphs or clauses:
//     if (OutOfTime()) break;          // or return Error(ErrorCode::kTimeout, ...)
//   }
//   if (budget.Expired()) ...          // report ErrorCode::kTimeout
//
// Nothing is ever killed: a stage that sees the budget spent stops early and returns
// what it has; the caller (Pipeline) then throws the partial result away and reports
// ErrorCode::kTimeout. A stage that never checks simply runs to its end.
//
// The clock is the CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), not wall
// time: whether a document times out then does not depend on how loaded the machine is
// or on --jobs, which keeps a batch's output the same from run to run (to the extent a
// document near its budget allows). Time spent waiting (reading a slow disk) does not
// count; reading is bounded by the size limit instead.
//
// Cost: OutOfTime() reads the clock (a system call, ~0.2 us) on one call in 16
// and is a thread-local load otherwise, so it fits in per-paragraph and per-clause loops.
//
// Thread-safety: a TimeBudget is a value; the current budget is per thread. Scopes nest
// (the inner one is current until it ends).
#pragma once

#include <chrono>
#include <cstdint>

namespace notices {

class TimeBudget {
 public:
  TimeBudget() = default;  // never expires

  // Expires when the calling thread has used `budget` more CPU time. A budget of zero or
  // less means no limit.
  static TimeBudget Start(std::chrono::nanoseconds budget);

  bool unlimited() const { return end_ns_ < 0; }
  // Reads the clock. Meant for the thread that started the budget.
  bool Expired() const;

 private:
  int64_t end_ns_ = -1;
};

// Makes `budget` the calling thread's current budget for the scope's lifetime.
class TimeBudgetScope {
 public:
  explicit TimeBudgetScope(const TimeBudget& budget);
  ~TimeBudgetScope();
  TimeBudgetScope(const TimeBudgetScope&) = delete;
  TimeBudgetScope& operator=(const TimeBudgetScope&) = delete;

 private:
  const TimeBudget* previous_;
  bool previous_expired_;
  unsigned previous_calls_;
};

// True once the calling thread's current budget is spent (false without one).
// Sticky: after it returned true it keeps returning true within the same scope.
bool OutOfTime();

}  // namespace notices
