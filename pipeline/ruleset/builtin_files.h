// The files under rules/, embedded into the binary at build time by
// cmake/EmbedFiles.cmake, so `notices` needs no data folder at run time.
//
//   for (const EmbeddedFile& f : BuiltinRuleFiles())
//     std::cout << f.path << " " << f.content.size() << "\n";   // "deadlines.toml 5120"
#pragma once

#include <span>
#include <string_view>

namespace notices::ruleset {

struct EmbeddedFile {
  std::string_view path;     // relative to rules/, '/' separated, e.g. "encodings/vni.tsv"
  std::string_view content;  // the bytes, as committed
};

// Sorted by path.
std::span<const EmbeddedFile> BuiltinRuleFiles();

}  // namespace notices::ruleset
