// Runs the examples written beside every rule in rules/ (must match / must not match).
#include <gtest/gtest.h>

#include "pipeline/ruleset/ruleset.h"

namespace notices::ruleset {
namespace {

TEST(RuleExamplesTest, EveryBuiltinRuleMeetsItsExamples) {
  auto rules = RuleSet::Builtin();
  ASSERT_TRUE(rules) << rules.error().message;
  for (const std::string& failure : CheckExamples(**rules)) ADD_FAILURE() << failure;
}

TEST(RuleExamplesTest, EveryPatternHasPositiveExamples) {
  auto rules = RuleSet::Builtin();
  ASSERT_TRUE(rules) << rules.error().message;
  for (const auto& p : (*rules)->patterns())
    EXPECT_FALSE(p->match_examples().empty())
        << p->origin().ToString() << ": pattern " << p->name() << " has no 'match' examples";
}

}  // namespace
}  // namespace notices::ruleset
