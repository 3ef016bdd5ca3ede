#include "pipeline/batch/inputs.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace notices::batch {
namespace {

namespace fs = std::filesystem;

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("notices-inputs-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "b" / "deep");
    for (const char* f : {"b/deep/z.txt", "b/a.PDF", "b/skip.jpg", "c.txt", "d.txt"})
      std::ofstream(root_ / f) << "x";
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string P(const std::string& rel) const { return (root_ / rel).string(); }
  fs::path root_;
};

TEST_F(InputsTest, FoldersAreWalkedSortedAndFiltered) {
  std::vector<std::string> out;
  ASSERT_TRUE(ExpandInputs({P("b")}, {}, out));
  EXPECT_EQ(out, (std::vector<std::string>{P("b/a.PDF"), P("b/deep/z.txt")}));
}

TEST_F(InputsTest, GlobsFilesStdinAndMissingKeepArgumentOrder) {
  std::vector<std::string> out;
  ASSERT_TRUE(ExpandInputs({P("d.txt"), P("*.txt"), "-", P("missing.txt")}, {}, out));
  EXPECT_EQ(out, (std::vector<std::string>{P("d.txt"), P("c.txt"), P("d.txt"), "-", P("missing.txt")}));
}

TEST_F(InputsTest, GlobWithoutMatchIsAUsageError) {
  std::vector<std::string> out;
  Status st = ExpandInputs({P("*.nothing")}, {}, out);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kUsage);
}

TEST_F(InputsTest, ListFileSkipsBlanksAndComments) {
  std::ofstream(root_ / "list") << "one.txt\n\n# comment\ntwo.pdf\r\n";
  std::vector<std::string> out;
  ASSERT_TRUE(ReadInputList(P("list"), out));
  EXPECT_EQ(out, (std::vector<std::string>{"one.txt", "two.pdf"}));
  EXPECT_FALSE(ReadInputList(P("nope"), out));
}

}  // namespace
}  // namespace notices::batch
