// `notices diff OLD.jsonl NEW.jsonl`: what changed between two runs over the same inputs
// (pipeline/eval/diff.h). Exit codes: 0 identical, 1 differences, 2 usage error (a file
// that cannot be read or is not notices/1 JSON Lines). Tested by tests/eval/diff_test.cc
// and tests/audit/audit_cli_test.py.
#include <iostream>

#include "pipeline/cli/commands.h"
#include "pipeline/eval/diff.h"

namespace notices::cli {

namespace {
struct DiffArgs {
  std::string before, after;
  bool json = false;
};
}  // namespace

void AddDiffCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "Compare two runs (JSON Lines from extract): tasks added, removed, changed field by field.\n"
              "Exit codes: 0 identical, 1 differences, 2 usage error");
  cmd->add_option("old", args->before, "The earlier run (notices/1 JSON Lines; '-': standard input)")->required();
  cmd->add_option("new", args->after, "The later run")->required();
  cmd->add_flag("--json", args->json, "Print the differences as JSON");
  cmd->callback([args, &state] {
    if (args->before == "-" && args->after == "-") {
      std::cerr << "notices: only one run can come from standard input\n";
      state.exit_code = kExitUsage;
      return;
    }
    auto before = eval::LoadRun(args->before);
    auto after = before ? eval::LoadRun(args->after) : Result<eval::Run>(before.error());
    if (!after) {
      std::cerr << "notices: " << after.error().message << "\n";
      state.exit_code = kExitUsage;
      return;
    }
    eval::RunDiff diff = eval::DiffRuns(*before, *after);
    if (args->json) {
      std::cout << eval::DiffToJson(diff).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << eval::FormatDiff(diff);
    }
    state.exit_code = diff.identical() ? kExitOk : kExitInputFailed;
  });
}

}  // namespace notices::cli
