// Command-line options shared by every subcommand that runs the pipeline over a batch
// (extract, import, audit, eval), and the code that turns them into a Pipeline and an
// input list. Keeping them in one place keeps the subcommands consistent.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline/common/error.h"
#include "pipeline/pipeline.h"

namespace notices::cli {

struct BatchArgs {
  std::vector<std::string> inputs;
  std::string from_list;
  int jobs = 0;              // 0: the number of cores
  std::string encoding;
  std::string password;
  std::string received;      // YYYY-MM-DD
  std::string rules_dir;
  uint64_t max_bytes = 256ull << 20;
  int max_pages = 2000;
  double timeout_s = 60;     // CPU seconds per document; 0: no limit
  std::string ocr = "auto";  // --ocr auto|always|never
  std::string ocr_lang = "vie";
  int ocr_dpi = 300;
  double ocr_budget = 0;     // seconds per document; 0: none
  bool quiet = false;
};

// Adds the inputs and the pipeline options to `cmd`.
void AddBatchOptions(CLI::App& cmd, BatchArgs& args);

// Builds the pipeline (built-in rules or --rules DIR). Errors are usage errors.
Result<std::shared_ptr<Pipeline>> MakePipeline(const BatchArgs& args);

// The expanded input list (folders, globs, --from-list).
Result<std::vector<std::string>> CollectInputs(const BatchArgs& args);

// The number of worker threads to use.
int JobCount(const BatchArgs& args);

}  // namespace notices::cli
