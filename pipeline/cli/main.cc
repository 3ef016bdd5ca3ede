// notices: Vietnamese administrative notices -> structured, auditable task records.
// Entry point: parses the command line and dispatches to a subcommand.
#include <iostream>

#include "pipeline/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "notices: turns Vietnamese administrative notices (text or PDF) into task records.\n"
      "Use '-' for standard input. Exit codes: 0 ok, 1 some input failed, 2 usage error.",
      "notices"};
  app.set_version_flag("--version", std::string("notices ") + NOTICES_VERSION + " (schema notices/1)");
  app.require_subcommand(1);
  notices::cli::RunState state;
  notices::cli::AddExtractCommand(app, state);
  notices::cli::AddNormalizeCommand(app, state);
  notices::cli::AddEvalCommand(app, state);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : notices::cli::kExitUsage;
  }
  return state.exit_code;
}
