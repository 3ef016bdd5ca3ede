#include "pipeline/batch/ordered_map.h"

#include <atomic>
#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace notices::batch {
namespace {

TEST(OrderedParallelMapTest, SinkSeesInputOrderWhateverTheJobCount) {
  for (int jobs : {1, 2, 4, 8}) {
    std::vector<size_t> order;
    std::vector<std::string> values;
    OrderedParallelMap<std::string>(
        100, jobs,
        [](size_t i) {
          // Uneven work so that later items often finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 300));
          return "v" + std::to_string(i);
        },
        [&](size_t i, std::string&& v) {
          order.push_back(i);
          values.push_back(std::move(v));
        });
    ASSERT_EQ(order.size(), 100u) << jobs;
    for (size_t i = 0; i < 100; ++i) {
      EXPECT_EQ(order[i], i);
      EXPECT_EQ(values[i], "v" + std::to_string(i));
    }
  }
}

TEST(OrderedParallelMapTest, WorkersNeverRunFurtherAheadThanTheWindow) {
  std::atomic<size_t> emitted{0};
  std::atomic<size_t> max_ahead{0};
  OrderedParallelMap<int>(
      200, 4,
      [&](size_t i) {
        size_t ahead = i - std::min(i, emitted.load());
        size_t prev = max_ahead.load();
        while (ahead > prev && !max_ahead.compare_exchange_weak(prev, ahead)) {}
        return static_cast<int>(i);
      },
      [&](size_t, int&&) { emitted.fetch_add(1); }, 8);
  EXPECT_LE(max_ahead.load(), 8u);
}

TEST(OrderedParallelMapTest, EmptyBatch) {
  int calls = 0;
  OrderedParallelMap<int>(0, 4, [](size_t) { return 0; }, [&](size_t, int&&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace notices::batch
