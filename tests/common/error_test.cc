#include "pipeline/common/error.h"

#include <set>

#include <gtest/gtest.h>

namespace notices {
namespace {

TEST(ErrorTest, CodeNamesAreDistinctSnakeCase) {
  std::set<std::string_view> names;
  for (int c = 0; c <= static_cast<int>(ErrorCode::kInternal); ++c) {
    std::string_view name = ErrorCodeName(static_cast<ErrorCode>(c));
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
    for (char ch : name) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || ch == '_') << name;
  }
  EXPECT_EQ(ErrorCodeName(ErrorCode::kPdfEncrypted), "pdf_encrypted");
}

TEST(ResultTest, HoldsValueOrError) {
  Result<int> ok = 42;
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 42);
  Result<int> bad = Error(ErrorCode::kIo, "x.txt: no such file");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kIo);
  EXPECT_EQ(bad.error().message, "x.txt: no such file");
  Status st;
  EXPECT_TRUE(st);
  Status failed = Error(ErrorCode::kUsage, "bad flag");
  EXPECT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kUsage);
}

}  // namespace
}  // namespace notices
