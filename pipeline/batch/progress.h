// Progress of a batch on standard error, for a person watching a terminal:
//
//   batch::Progress progress(total, /*enabled=*/isatty(2) && !quiet);
//   progress.Done(failed);          // after each input, from the thread that emits
//   progress.Finish();              // clears the line
//
//   [  120/1000]  45.2 docs/s  ETA 0:19  2 failed
//
// Redraws at most ten times a second. Disabled, it costs one branch per input.
// Not thread-safe: call from one thread (the batch's sink).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace notices::batch {

class Progress {
 public:
  Progress(size_t total, bool enabled, std::FILE* out = stderr);
  void Done(bool failed);
  void Finish();

  // The line that would be drawn now (also used by tests).
  std::string Line() const;

 private:
  size_t total_;
  size_t done_ = 0;
  size_t failed_ = 0;
  bool enabled_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace notices::batch
