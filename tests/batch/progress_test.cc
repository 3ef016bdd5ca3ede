#include "pipeline/batch/progress.h"

#include <cstdio>

#include <gtest/gtest.h>

namespace notices::batch {
namespace {

TEST(ProgressTest, LineCountsDoneTotalAndFailures) {
  Progress p(10, false);
  EXPECT_NE(p.Line().find("[    0/10]"), std::string::npos) << p.Line();
  for (int i = 0; i < 4; ++i) p.Done(i == 2);
  std::string line = p.Line();
  EXPECT_NE(line.find("[    4/10]"), std::string::npos) << line;
  EXPECT_NE(line.find("docs/s"), std::string::npos) << line;
  EXPECT_NE(line.find("1 failed"), std::string::npos) << line;
}

TEST(ProgressTest, DisabledWritesNothing) {
  char buf[256] = {};
  std::FILE* f = fmemopen(buf, sizeof buf, "w");
  ASSERT_NE(f, nullptr);
  Progress off(3, false, f);
  off.Done(false);
  off.Finish();
  std::fflush(f);
  EXPECT_EQ(std::string(buf), "");
  Progress on(1, true, f);
  on.Done(true);
  std::fflush(f);
  std::fclose(f);
  EXPECT_NE(std::string(buf).find("[    1/1]"), std::string::npos) << buf;
  EXPECT_NE(std::string(buf).find("1 failed"), std::string::npos) << buf;
}

}  // namespace
}  // namespace notices::batch
