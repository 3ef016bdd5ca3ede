// `notices import --db FILE INPUTS...`: runs the pipeline over the inputs and imports the
// records into a SQLite database; `--jsonl FILE|-` imports notices/1 JSON Lines (shards
// from `notices extract`, possibly made elsewhere) instead. The work is in
// pipeline/emit/importer.h and sqlite_store.h (tests/emit/); tested as a command by
// tests/cli/cli_test.py.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include <unistd.h>

#include "pipeline/batch/progress.h"
#include "pipeline/cli/batch_options.h"
#include "pipeline/cli/commands.h"
#include "pipeline/emit/importer.h"
#include "pipeline/emit/sqlite_store.h"

namespace notices::cli {

namespace {

struct ImportArgs {
  BatchArgs batch;
  std::string db;
  std::vector<std::string> jsonl;
  size_t batch_size = 50;
  bool no_text = false;
};

void Add(emit::RunCounts& total, const emit::RunCounts& c) {
  total.records += c.records;
  total.added += c.added;
  total.new_versions += c.new_versions;
  total.unchanged += c.unchanged;
  total.errors += c.errors;
}

}  // namespace

void AddImportCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Extract and import into a SQLite database (tasks, agencies, deadlines, full-text search); "
      "importing a notice again adds nothing, a new version supersedes the old one");
  AddBatchOptions(*cmd, args->batch);
  cmd->add_option("--db", args->db, "The SQLite database (created when missing)")->required();
  cmd->add_option("--jsonl", args->jsonl,
                  "Import notices/1 JSON Lines from FILE ('-': stdin) instead of running the pipeline; "
                  "repeat for several shards")
      ->allow_extra_args(false);  // one file per --jsonl: INPUTS after it stay INPUTS
  cmd->add_option("--batch-size", args->batch_size, "Documents per transaction (default 50)")
      ->check(CLI::Range(1, 100000));
  cmd->add_flag("--no-text", args->no_text, "Do not keep the normalized text of each document");
  cmd->callback([args, &state] {
    const BatchArgs& b = args->batch;
    if (!args->jsonl.empty() && (!b.inputs.empty() || !b.from_list.empty())) {
      std::cerr << "notices: import takes either INPUTS or --jsonl, not both\n";
      state.exit_code = kExitUsage;
      return;
    }
    emit::SqliteOptions opt;
    opt.batch_size = args->batch_size;
    opt.store_text = !args->no_text;
    auto store = emit::SqliteStore::Open(args->db, opt);
    if (!store) {
      std::cerr << "notices: " << store.error().message << "\n";
      state.exit_code = store.error().code == ErrorCode::kUsage ? kExitUsage : kExitInputFailed;
      return;
    }
    // A progress line when importing inputs (their number is known); none for JSON Lines.
    const bool terminal = !b.quiet && isatty(STDERR_FILENO);
    std::unique_ptr<batch::Progress> progress;
    std::vector<std::string> failures;  // printed after the progress line is cleared
    emit::ImportOptions import;
    if (!b.quiet) {
      import.on_record = [&](size_t, const Record& r, emit::AddOutcome) {
        if (r.error) failures.push_back(r.error->message);
        if (progress) progress->Done(r.error.has_value());
      };
    }
    auto start = std::chrono::steady_clock::now();
    emit::RunCounts total;
    std::optional<Error> failure;
    if (args->jsonl.empty()) {
      auto pipeline = MakePipeline(b);
      auto inputs = pipeline ? CollectInputs(b) : Result<std::vector<std::string>>(pipeline.error());
      if (!inputs) {
        std::cerr << "notices: " << inputs.error().message << "\n";
        state.exit_code = kExitUsage;
        return;
      }
      const Pipeline& p = **pipeline;
      const std::vector<std::string>& paths = *inputs;
      progress = std::make_unique<batch::Progress>(paths.size(), terminal);
      auto s = emit::ImportBatch(**store, paths, [&](size_t i) { return p.Run(paths[i]); }, JobCount(b),
                                 import);
      if (s) Add(total, s->counts); else failure = s.error();
    } else {
      for (const std::string& name : args->jsonl) {
        std::ifstream file;
        if (name != "-") {
          file.open(name, std::ios::binary);
          if (!file) {
            failure = Error(ErrorCode::kIo, "cannot open " + name);
            break;
          }
        }
        auto s = emit::ImportJsonLines(**store, name == "-" ? std::cin : file, name, import);
        if (!s) {
          failure = s.error();
          break;
        }
        Add(total, s->counts);
      }
    }
    if (progress) progress->Finish();
    for (const std::string& f : failures) std::cerr << "notices: " << f << "\n";
    if (failure) {
      // What was committed stays; running the same import again completes it.
      std::cerr << "notices: " << failure->message << "\n";
      state.exit_code = kExitInputFailed;
      return;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!b.quiet) {
      std::fprintf(stderr,
                   "notices: %llu records, %llu documents added (%llu new versions), %llu unchanged, "
                   "%llu errors, %.2f s\n",
                   static_cast<unsigned long long>(total.records), static_cast<unsigned long long>(total.added),
                   static_cast<unsigned long long>(total.new_versions),
                   static_cast<unsigned long long>(total.unchanged),
                   static_cast<unsigned long long>(total.errors), secs);
    }
    state.exit_code = total.errors > 0 ? kExitInputFailed : kExitOk;
  });
}

}  // namespace notices::cli
