// `notices extract INPUTS...`: one `notices/1` JSON record per input, in input order.
// Tested by tests/cli/cli_test.py and the golden tests.
#include <chrono>
#include <cstdio>
#include <iostream>

#include <unistd.h>

#include "pipeline/batch/ordered_map.h"
#include "pipeline/batch/progress.h"
#include "pipeline/cli/batch_options.h"
#include "pipeline/cli/commands.h"
#include "pipeline/emit/json_writer.h"

namespace notices::cli {

namespace {
struct ExtractArgs {
  BatchArgs batch;
  bool with_text = false;
};

// What a worker hands back: the JSON line and the counts for the summary.
struct Emitted {
  std::string line;
  size_t tasks = 0;
  bool failed = false;
};
}  // namespace

void AddExtractCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract tasks, agencies, deadlines and references as notices/1 JSON Lines");
  AddBatchOptions(*cmd, args->batch);
  cmd->add_flag("--with-text", args->with_text, "Include the normalized text in each record");
  cmd->callback([args, &state] {
    auto pipeline = MakePipeline(args->batch);
    if (!pipeline) {
      std::cerr << "notices: " << pipeline.error().message << "\n";
      state.exit_code = kExitUsage;
      return;
    }
    auto inputs = CollectInputs(args->batch);
    if (!inputs) {
      std::cerr << "notices: " << inputs.error().message << "\n";
      state.exit_code = kExitUsage;
      return;
    }
    auto start = std::chrono::steady_clock::now();
    size_t tasks = 0, errors = 0;
    emit::JsonOptions json;
    json.with_text = args->with_text;
    const Pipeline& p = **pipeline;
    const std::vector<std::string>& paths = *inputs;
    batch::Progress progress(paths.size(), !args->batch.quiet && isatty(STDERR_FILENO));
    batch::OrderedParallelMap<Emitted>(
        paths.size(), JobCount(args->batch),
        [&](size_t i) {
          Record r = p.Run(paths[i]);
          return Emitted{emit::RecordToJsonLine(r, json), r.tasks.size(), r.error.has_value()};
        },
        [&](size_t, Emitted&& e) {
          std::fwrite(e.line.data(), 1, e.line.size(), stdout);
          std::fputc('\n', stdout);
          tasks += e.tasks;
          errors += e.failed;
          progress.Done(e.failed);
        });
    progress.Finish();
    std::fflush(stdout);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!args->batch.quiet) {
      std::fprintf(stderr, "notices: %zu documents, %zu tasks, %zu errors, %.2f s\n", paths.size(),
                   tasks, errors, secs);
    }
    state.exit_code = errors > 0 ? kExitInputFailed : kExitOk;
  });
}

}  // namespace notices::cli
