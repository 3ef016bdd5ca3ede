// Helpers shared by the tests that run the whole pipeline on small texts: one pipeline
// with the built-in rules for the test binary, and agency names in one string.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"

namespace notices::testing {

// Built once per test binary and kept (a Pipeline is safe to share).
inline const Pipeline& SharedPipeline() {
  static const Pipeline* p = [] {
    auto rules = ruleset::RuleSet::Builtin();
    EXPECT_TRUE(rules) << rules.error().message;
    auto pipeline = Pipeline::Create(rules.value(), {});
    EXPECT_TRUE(pipeline) << pipeline.error().message;
    return new Pipeline(std::move(pipeline).value());
  }();
  return *p;
}

// "Sở Tài chính; Sở Nội vụ": canonical names in order, for one comparison a field.
inline std::string JoinNames(const std::vector<Agency>& agencies) {
  std::string out;
  for (const Agency& a : agencies) out += (out.empty() ? "" : "; ") + a.name;
  return out;
}

}  // namespace notices::testing
