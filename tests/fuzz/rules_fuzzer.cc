// libFuzzer target: an arbitrary rule file (TOML) through the rules loader. Built with
// -DNOTICES_FUZZ=ON; run by scripts/fuzz rules SECONDS.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/ruleset/ruleset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;
  notices::ruleset::SourceFile file{"fuzz.toml", std::string(reinterpret_cast<const char*>(data), size)};
  auto rules = notices::ruleset::RuleSet::LoadFiles({&file, 1});
  // A file that fails to load must say why, naming the file.
  if (!rules && rules.error().message.find("fuzz.toml") == std::string::npos) __builtin_trap();
  return 0;
}
