// `notices eval --gold DIR INPUTS...`: task recall, precision, F1 and field accuracy
// against gold annotations. Tested by tests/cli/cli_test.py and tests/eval/.
#include <iostream>

#include "pipeline/batch/ordered_map.h"
#include "pipeline/cli/batch_options.h"
#include "pipeline/cli/commands.h"
#include "pipeline/eval/evaluator.h"

namespace notices::cli {

namespace {
struct EvalArgs {
  BatchArgs batch;
  std::string gold_dir;
  bool json = false;
  double min_f1 = -1;
  bool no_misses = false;
};
}  // namespace

void AddEvalCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand("eval", "Score extraction against gold annotations (devset format)");
  AddBatchOptions(*cmd, args->batch);
  cmd->add_option("--gold", args->gold_dir, "Folder of gold files NAME.json")->required();
  cmd->add_flag("--json", args->json, "Print the report as JSON");
  cmd->add_option("--min-f1", args->min_f1, "Exit with status 1 when task F1 is below this");
  cmd->add_flag("--summary", args->no_misses, "Leave out the list of differences");
  cmd->callback([args, &state] {
    auto gold = eval::LoadGoldDir(args->gold_dir);
    if (!gold) {
      std::cerr << "notices: " << gold.error().message << "\n";
      state.exit_code = kExitUsage;
      return;
    }
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
    const Pipeline& p = **pipeline;
    eval::Evaluator ev(&p.extractor().agencies());
    bool failed_input = false;
    batch::OrderedParallelMap<Record>(
        inputs->size(), JobCount(args->batch), [&](size_t i) { return p.Run((*inputs)[i]); },
        [&](size_t, Record&& r) {
          if (r.error) {
            std::cerr << "notices: " << r.error->message << "\n";
            failed_input = true;
          }
          ev.Add(r, eval::FindGold(*gold, r.source.path));
        });
    eval::Report report = ev.Finish();
    if (args->json) {
      std::cout << eval::ReportToJson(report).dump(2) << "\n";
    } else {
      std::cout << eval::FormatReport(report, !args->no_misses);
    }
    state.exit_code = failed_input ? kExitInputFailed : kExitOk;
    if (args->min_f1 >= 0 && report.f1() < args->min_f1) {
      std::cerr << "notices: task F1 " << report.f1() << " is below --min-f1 " << args->min_f1 << "\n";
      state.exit_code = kExitInputFailed;
    }
  });
}

}  // namespace notices::cli
