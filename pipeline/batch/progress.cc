// Progress. Tested by tests/batch/progress_test.cc and, under a pseudo-terminal, by
// tests/cli/cli_test.py.
#include "pipeline/batch/progress.h"

#include <string>

namespace notices::batch {

Progress::Progress(size_t total, bool enabled, std::FILE* out)
    : total_(total), enabled_(enabled), out_(out), start_(std::chrono::steady_clock::now()) {}

std::string Progress::Line() const {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = secs > 0 ? static_cast<double>(done_) / secs : 0;
  char buf[160];
  int n = std::snprintf(buf, sizeof buf, "[%5zu/%zu] %7.1f docs/s", done_, total_, rate);
  std::string line(buf, static_cast<size_t>(n));
  if (rate > 0 && done_ < total_) {
    long left = static_cast<long>(static_cast<double>(total_ - done_) / rate + 0.5);
    std::snprintf(buf, sizeof buf, "  ETA %ld:%02ld", left / 60, left % 60);
    line += buf;
  }
  if (failed_ > 0) {
    std::snprintf(buf, sizeof buf, "  %zu failed", failed_);
    line += buf;
  }
  return line;
}

void Progress::Done(bool failed) {
  ++done_;
  failed_ += failed;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (done_ < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  std::string line = Line();
  std::fprintf(out_, "\r%s\x1b[K", line.c_str());
  std::fflush(out_);
}

void Progress::Finish() {
  if (!enabled_) return;
  std::fprintf(out_, "\r\x1b[K");
  std::fflush(out_);
}

}  // namespace notices::batch
