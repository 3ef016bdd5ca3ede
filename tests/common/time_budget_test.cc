#include "pipeline/common/time_budget.h"

#include <chrono>

#include <gtest/gtest.h>

namespace notices {
namespace {

// Burns CPU time on this thread until `budget` says it is spent (bounded, so a broken
// clock fails the test instead of hanging it).
int SpinUntilOutOfTime() {
  volatile unsigned x = 0;
  for (int i = 0; i < 100'000'000; ++i) {
    for (int j = 0; j < 1000; ++j) x = x + static_cast<unsigned>(j);
    if (OutOfTime()) return i;
  }
  return -1;
}

TEST(TimeBudgetTest, Cases) {
  struct Case {
    const char* name;
    std::chrono::nanoseconds budget;
    bool scoped;
    bool expect_out_of_time;
  };
  const Case cases[] = {
      {"no scope: never out of time", std::chrono::milliseconds(1), false, false},
      {"zero budget: no limit", std::chrono::nanoseconds(0), true, false},
      {"negative budget: no limit", std::chrono::nanoseconds(-5), true, false},
      {"5 ms budget runs out", std::chrono::milliseconds(5), true, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TimeBudget budget = TimeBudget::Start(c.budget);
    if (c.scoped) {
      TimeBudgetScope scope(budget);
      if (c.expect_out_of_time) {
        EXPECT_GE(SpinUntilOutOfTime(), 0);
        EXPECT_TRUE(budget.Expired());
        EXPECT_TRUE(OutOfTime()) << "sticky once spent";
      } else {
        for (int i = 0; i < 100; ++i) EXPECT_FALSE(OutOfTime());
        EXPECT_FALSE(budget.Expired());
      }
    } else {
      for (int i = 0; i < 100; ++i) EXPECT_FALSE(OutOfTime());
    }
  }
}

TEST(TimeBudgetTest, ScopesNestAndRestore) {
  TimeBudget spent = TimeBudget::Start(std::chrono::nanoseconds(1));
  TimeBudget ample = TimeBudget::Start(std::chrono::hours(1));
  TimeBudgetScope outer(ample);
  {
    TimeBudgetScope inner(spent);
    EXPECT_GE(SpinUntilOutOfTime(), 0);
  }
  EXPECT_FALSE(OutOfTime()) << "the outer, ample budget is current again";
  EXPECT_TRUE(TimeBudget().unlimited());
  EXPECT_FALSE(TimeBudget().Expired());
}

}  // namespace
}  // namespace notices
