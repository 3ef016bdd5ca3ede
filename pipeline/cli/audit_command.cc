// `notices audit INPUTS... -o report.html`: runs the pipeline over a batch and writes the
// audit page (pipeline/emit/html_report.h). Tested by tests/audit/audit_cli_test.py and,
// in a browser, tests/audit/browser_test.py.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <unistd.h>

#include "pipeline/batch/ordered_map.h"
#include "pipeline/cli/batch_options.h"
#include "pipeline/cli/commands.h"
#include "pipeline/emit/html_report.h"

namespace notices::cli {

namespace fs = std::filesystem;

namespace {
struct AuditArgs {
  BatchArgs batch;
  std::string output;
  std::string title;
};

// True when `output` names the same file as one of the inputs (existing files only:
// an output that does not exist yet cannot be an input).
bool IsAnInput(const std::string& output, const std::vector<std::string>& inputs) {
  std::error_code ec;
  if (!fs::exists(output, ec)) return false;
  for (const std::string& in : inputs) {
    if (in == "-") continue;
    if (fs::equivalent(output, in, ec)) return true;
  }
  return false;
}
}  // namespace

void AddAuditCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<AuditArgs>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "Write one self-contained HTML page to review a batch: highlighted text, tasks, corrections");
  AddBatchOptions(*cmd, args->batch);
  cmd->add_option("-o,--output", args->output, "The HTML file to write (replaced atomically)")->required();
  cmd->add_option("--title", args->title, "Heading of the page (default: a generic one)");
  cmd->callback([args, &state] {
    auto fail = [&](const std::string& message) {
      std::cerr << "notices: " << message << "\n";
      state.exit_code = kExitUsage;
    };
    auto pipeline = MakePipeline(args->batch);
    if (!pipeline) return fail(pipeline.error().message);
    auto inputs = CollectInputs(args->batch);
    if (!inputs) return fail(inputs.error().message);
    if (args->output == "-") return fail("audit writes a file: give -o FILE.html");
    if (IsAnInput(args->output, *inputs))
      return fail("refusing to overwrite the input " + args->output + " with the report");
    std::error_code ec;
    if (fs::is_directory(args->output, ec)) return fail(args->output + " is a folder: give -o FILE.html");

    // Written beside the target, then renamed: a reader never sees half a page, and a
    // failed run leaves the previous report in place.
    fs::path target(args->output);
    fs::path tmp = target;
    tmp += ".tmp" + std::to_string(::getpid());
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fail("cannot write " + tmp.string());

    emit::HtmlReportOptions options;
    options.title = args->title;
    options.generator = std::string("notices ") + NOTICES_VERSION;
    emit::HtmlReportWriter page(out, options);
    const Pipeline& p = **pipeline;
    const std::vector<std::string>& paths = *inputs;
    size_t tasks = 0, errors = 0;
    struct Part {
      emit::HtmlDocumentPart part;
      size_t tasks = 0;
      bool failed = false;
    };
    batch::OrderedParallelMap<Part>(
        paths.size(), JobCount(args->batch),
        [&](size_t i) {
          Record r = p.Run(paths[i]);
          return Part{emit::RenderHtmlDocument(r, i), r.tasks.size(), r.error.has_value()};
        },
        [&](size_t, Part&& part) {
          page.Add(std::move(part.part));
          tasks += part.tasks;
          errors += part.failed;
        });
    Status st = page.Finish();
    out.close();
    if (!st || !out) {
      fs::remove(tmp, ec);
      std::cerr << "notices: " << (st ? "cannot write " + tmp.string() : st.error().message) << "\n";
      state.exit_code = kExitInputFailed;
      return;
    }
    fs::rename(tmp, target, ec);
    if (ec) {
      fs::remove(tmp, ec);
      return fail("cannot write " + target.string() + ": " + ec.message());
    }
    if (!args->batch.quiet)
      std::fprintf(stderr, "notices: %zu documents, %zu tasks, %zu errors -> %s\n", paths.size(), tasks, errors,
                   target.string().c_str());
    state.exit_code = errors > 0 ? kExitInputFailed : kExitOk;
  });
}

}  // namespace notices::cli
