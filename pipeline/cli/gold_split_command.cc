// `notices gold-split BUNDLE -o DIR`: writes the gold files of a bundle downloaded from
// the audit page ("Tải toàn bộ chỉnh sửa") as one NAME.json per document, the devset
// format `notices eval --gold DIR` and the golden tests read (pipeline/eval/gold_writer.h).
// `notices eval --gold BUNDLE` also takes the bundle as it is. Tested by
// tests/audit/audit_cli_test.py.
#include <fstream>
#include <iostream>

#include "pipeline/cli/commands.h"
#include "pipeline/eval/gold_writer.h"

namespace notices::cli {

namespace {
struct GoldSplitArgs {
  std::string bundle;
  std::string output_dir;
};
}  // namespace

void AddGoldSplitCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<GoldSplitArgs>();
  CLI::App* cmd = app.add_subcommand(
      "gold-split", "Split a gold bundle downloaded from the audit page into one NAME.json per document");
  cmd->add_option("bundle", args->bundle, "The bundle (notices-gold.json)")->required();
  cmd->add_option("-o,--output", args->output_dir, "Folder for the gold files (created when missing)")->required();
  cmd->callback([args, &state] {
    auto fail = [&](const Error& e) {
      std::cerr << "notices: " << e.message << "\n";
      state.exit_code = e.code == ErrorCode::kIo ? kExitInputFailed : kExitUsage;
    };
    std::ifstream in(args->bundle, std::ios::binary);
    if (!in) return fail(Error(ErrorCode::kUsage, args->bundle + ": cannot read"));
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) return fail(Error(ErrorCode::kUsage, args->bundle + ": not valid JSON"));
    auto docs = eval::ParseGoldBundle(j, args->bundle);
    if (!docs) return fail(docs.error());
    auto written = eval::WriteGoldFiles(*docs, args->output_dir);
    if (!written) return fail(written.error());
    for (const std::string& path : *written) std::cout << path << "\n";
  });
}

}  // namespace notices::cli
