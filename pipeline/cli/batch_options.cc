// Shared batch options. Tested through tests/cli/cli_test.py.
#include "pipeline/cli/batch_options.h"

#include <thread>

#include "pipeline/batch/inputs.h"

namespace notices::cli {

void AddBatchOptions(CLI::App& cmd, BatchArgs& args) {
  cmd.add_option("inputs", args.inputs,
                 "Files, folders (walked recursively), globs; '-' for standard input");
  cmd.add_option("--from-list", args.from_list, "Read input paths from FILE, one a line ('-': stdin)");
  cmd.add_option("-j,--jobs", args.jobs, "Worker threads (default: the number of cores)")
      ->check(CLI::Range(0, 256));
  cmd.add_option("--encoding", args.encoding, "Force the text encoding (utf-8, utf-16le, utf-16be, "
                                              "windows-1258, tcvn3, vni, utf-8-mojibake)");
  cmd.add_option("--password", args.password, "Password for encrypted PDFs");
  cmd.add_option("--received", args.received,
                 "Day the notices were received (YYYY-MM-DD): relative deadlines count from it");
  cmd.add_option("--rules", args.rules_dir, "Load the rules from DIR instead of the built-in ones");
  cmd.add_option("--max-bytes", args.max_bytes, "Largest input accepted, in bytes (default 256 MiB)");
  cmd.add_option("--max-pages", args.max_pages, "Largest PDF accepted, in pages (default 2000)");
  cmd.add_option("--timeout", args.timeout_s,
                 "CPU seconds one document may take; past it its record is a 'timeout' error "
                 "(default 60, 0: no limit)")
      ->check(CLI::Range(0.0, 1e6));
  cmd.add_option("--ocr", args.ocr,
                 "OCR of PDF pages: auto (pages without a usable text layer; default), "
                 "always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd.add_option("--ocr-lang", args.ocr_lang, "Tesseract language(s) for OCR (default vie)");
  cmd.add_option("--ocr-dpi", args.ocr_dpi, "Resolution PDF pages are rendered at for OCR (default 300)")
      ->check(CLI::Range(72, 600));
  cmd.add_option("--ocr-budget", args.ocr_budget,
                 "Seconds of OCR allowed per document (default: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd.add_flag("-q,--quiet", args.quiet, "No progress or summary on standard error");
}

Result<std::shared_ptr<Pipeline>> MakePipeline(const BatchArgs& args) {
  auto rules = args.rules_dir.empty() ? ruleset::RuleSet::Builtin()
                                      : ruleset::RuleSet::LoadDirectory(args.rules_dir);
  if (!rules) return rules.error();
  PipelineOptions opt;
  opt.text.encoding = args.encoding;
  opt.pdf.password = args.password;
  opt.pdf.max_pages = args.max_pages;
  opt.pdf.ocr.mode = args.ocr == "always"  ? ingest::OcrMode::kAlways
                     : args.ocr == "never" ? ingest::OcrMode::kNever
                                           : ingest::OcrMode::kAuto;
  opt.pdf.ocr.language = args.ocr_lang;
  opt.pdf.ocr.dpi = args.ocr_dpi;
  opt.pdf.ocr.time_budget_ms = static_cast<long>(args.ocr_budget * 1000);
  opt.limits.max_bytes = args.max_bytes;
  opt.time_budget = std::chrono::milliseconds(static_cast<int64_t>(args.timeout_s * 1000.0 + 0.5));
  if (args.timeout_s > 0 && opt.time_budget.count() == 0) opt.time_budget = std::chrono::milliseconds(1);
  if (!args.received.empty()) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(args.received.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 ||
        m > 12 || d < 1 || d > 31)
      return Error(ErrorCode::kUsage, "--received wants a date YYYY-MM-DD, not '" + args.received + "'");
    opt.extract.received = PartialDate{y, m, d};
  }
  if (!args.encoding.empty()) {
    const auto& names = ingest::SupportedEncodings();
    if (std::find(names.begin(), names.end(), args.encoding) == names.end())
      return Error(ErrorCode::kUsage, "unknown encoding '" + args.encoding + "'");
  }
  auto pipeline = Pipeline::Create(std::move(rules).value(), std::move(opt));
  if (!pipeline) return pipeline.error();
  return std::make_shared<Pipeline>(std::move(pipeline).value());
}

Result<std::vector<std::string>> CollectInputs(const BatchArgs& args) {
  std::vector<std::string> inputs;
  if (!args.from_list.empty()) {
    if (auto st = batch::ReadInputList(args.from_list, inputs); !st) return st.error();
  }
  if (auto st = batch::ExpandInputs(args.inputs, {}, inputs); !st) return st.error();
  if (inputs.empty()) return Error(ErrorCode::kUsage, "no input: name files, folders or --from-list");
  return inputs;
}

int JobCount(const BatchArgs& args) {
  if (args.jobs > 0) return args.jobs;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace notices::cli
