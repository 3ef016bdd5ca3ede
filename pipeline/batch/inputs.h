// Expanding what a user names on the command line into the list of inputs of a batch.
//
//   std::vector<std::string> inputs;
//   Status st = batch::ExpandInputs({"notices/", "extra/*.pdf", "one.txt", "-"}, {}, inputs);
//   // notices/ is walked recursively (files ending in .txt, .pdf, .md, .text, in path
//   // order), the glob is expanded (sorted), one.txt is kept as given (even when it does
//   // not exist: it becomes an error record), "-" is standard input.
//
//   batch::ReadInputList("list.txt", inputs);   // --from-list: one path a line ("-": stdin)
//
// Order is deterministic: arguments in the order given, each folder and glob sorted.
// Errors: kIo when a --from-list file cannot be read, kUsage when a glob matches nothing.
#pragma once

#include <string>
#include <vector>

#include "pipeline/common/error.h"

namespace notices::batch {

struct ExpandOptions {
  // File extensions taken from folders (lowercase, with the dot).
  std::vector<std::string> extensions = {".txt", ".pdf", ".text", ".md"};
};

Status ExpandInputs(const std::vector<std::string>& args, const ExpandOptions& options,
                    std::vector<std::string>& out);

// Appends the paths listed in `list_path` (one per line; blank lines and lines starting
// with '#' are skipped; "-" reads standard input).
Status ReadInputList(const std::string& list_path, std::vector<std::string>& out);

}  // namespace notices::batch
