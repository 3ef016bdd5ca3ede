// `notices extract INPUTS...`: one `notices/1` JSON record per input, in input order, or
// CSV / iCalendar (--format, record_output.h). Tested by tests/cli/cli_test.py, the
// golden tests and tests/emit/extract_output_test.py.
#include <chrono>
#include <cstdio>
#include <iostream>

#include <unistd.h>

#include "pipeline/batch/ordered_map.h"
#include "pipeline/batch/progress.h"
#include "pipeline/cli/batch_options.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/record_output.h"
#include "pipeline/emit/json_writer.h"

namespace notices::cli {

namespace {
struct ExtractArgs {
  BatchArgs batch;
  OutputArgs output;
  bool with_text = false;
};

// What a worker hands back: the formatted record and the counts for the summary.
struct Emitted {
  std::string line;
  std::string error;  // the error message of a failed input, for formats without error records
  size_t tasks = 0;
  bool failed = false;
};
}  // namespace

void AddExtractCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract tasks, agencies, deadlines and references as notices/1 JSON Lines, CSV or iCalendar");
  AddBatchOptions(*cmd, args->batch);
  AddOutputOptions(*cmd, args->output);
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
    emit::JsonOptions json;
    json.with_text = args->with_text;
    auto format = RecordFormatter::Create(args->output, json);
    auto out = format ? OutputFile::Open(args->output.output, *inputs, args->batch.from_list)
                      : Result<std::unique_ptr<OutputFile>>(format.error());
    if (!out) {
      std::cerr << "notices: " << out.error().message << "\n";
      state.exit_code = out.error().code == ErrorCode::kUsage ? kExitUsage : kExitInputFailed;
      return;
    }
    const RecordFormatter& fmt = *format;
    OutputFile& file = **out;
    file.Write(fmt.Header());
    const bool report_errors = !fmt.is_jsonl() && !args->batch.quiet;
    auto start = std::chrono::steady_clock::now();
    size_t tasks = 0, errors = 0;
    std::vector<std::string> failures;  // printed after the progress line is cleared
    const Pipeline& p = **pipeline;
    const std::vector<std::string>& paths = *inputs;
    batch::Progress progress(paths.size(), !args->batch.quiet && isatty(STDERR_FILENO));
    batch::OrderedParallelMap<Emitted>(
        paths.size(), JobCount(args->batch),
        [&](size_t i) {
          Record r = p.Run(paths[i]);
          Emitted e{fmt.Format(r), {}, r.tasks.size(), r.error.has_value()};
          if (r.error && report_errors) e.error = r.error->message;
          return e;
        },
        [&](size_t, Emitted&& e) {
          file.Write(e.line);
          if (!e.error.empty()) failures.push_back(std::move(e.error));
          tasks += e.tasks;
          errors += e.failed;
          progress.Done(e.failed);
        });
    progress.Finish();
    for (const std::string& f : failures) std::cerr << "notices: " << f << "\n";
    file.Write(fmt.Footer());
    if (Status s = file.Commit(); !s.ok()) {
      std::cerr << "notices: " << s.error().message << "\n";
      state.exit_code = kExitInputFailed;
      return;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!args->batch.quiet) {
      std::fprintf(stderr, "notices: %zu documents, %zu tasks, %zu errors, %.2f s\n", paths.size(),
                   tasks, errors, secs);
    }
    state.exit_code = errors > 0 ? kExitInputFailed : kExitOk;
  });
}

}  // namespace notices::cli
