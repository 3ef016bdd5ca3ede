// OrderedParallelMap: runs a function over a batch on N threads and hands the results
// to a sink in input order, holding at most `window` results in memory.
//
//   batch::OrderedParallelMap<Record>(
//       inputs.size(), jobs,
//       [&](size_t i) { return pipeline.Run(inputs[i]); },     // on worker threads
//       [&](size_t i, Record&& r) { write(r); });               // on the calling thread, i = 0, 1, ...
//
// With jobs <= 1 everything runs on the calling thread. The output is the same for any
// job count, which is what makes a batch byte-identical whatever --jobs is.
// `fn` must be thread-safe; `sink` is never called concurrently.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace notices::batch {

template <typename R>
void OrderedParallelMap(size_t n, int jobs, const std::function<R(size_t)>& fn,
                        const std::function<void(size_t, R&&)>& sink, size_t window = 0) {
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) sink(i, fn(i));
    return;
  }
  if (window == 0) window = static_cast<size_t>(jobs) * 4;
  std::mutex mu;
  std::condition_variable cv;
  std::map<size_t, R> done;
  size_t next_task = 0;     // next index a worker takes
  size_t next_emit = 0;     // next index the sink receives
  auto worker = [&] {
    while (true) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        // Bound memory: do not run ahead of the sink by more than `window`.
        cv.wait(lock, [&] { return next_task >= n || next_task < next_emit + window; });
        if (next_task >= n) return;
        i = next_task++;
      }
      R result = fn(i);
      {
        std::lock_guard<std::mutex> lock(mu);
        done.emplace(i, std::move(result));
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  int count = static_cast<int>(std::min<size_t>(static_cast<size_t>(jobs), n));
  for (int t = 0; t < count; ++t) threads.emplace_back(worker);
  while (next_emit < n) {
    R result;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return done.count(next_emit) > 0; });
      auto it = done.find(next_emit);
      result = std::move(it->second);
      done.erase(it);
    }
    sink(next_emit, std::move(result));
    {
      std::lock_guard<std::mutex> lock(mu);
      ++next_emit;
    }
    cv.notify_all();
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace notices::batch
