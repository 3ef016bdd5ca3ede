// The `notices` subcommands. Each file cli/<name>_command.cc registers one subcommand
// on the CLI11 app and keeps only argument handling there; the work is in the library.
//
// Exit codes (every subcommand): 0 every input was read, 1 some input failed (its
// error record was written and the batch went on), 2 usage error.
#pragma once

#include <CLI/CLI.hpp>

namespace notices::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputFailed = 1;
inline constexpr int kExitUsage = 2;

// Where a subcommand leaves its exit code.
struct RunState {
  int exit_code = kExitOk;
};

void AddNormalizeCommand(CLI::App& app, RunState& state);
void AddExtractCommand(CLI::App& app, RunState& state);
void AddEvalCommand(CLI::App& app, RunState& state);

}  // namespace notices::cli
