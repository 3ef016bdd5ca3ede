// `notices normalize FILE...`: prints the normalized text (or, with --json, its blocks
// with source offsets; footnotes also carry `ref_source`, the input bytes of their first
// reference marker). Tested by tests/cli/cli_test.py and tests/normalize/golden_test.cc.
#include <iostream>

#include <nlohmann/json.hpp>

#include "pipeline/cli/commands.h"
#include "pipeline/ingest/input.h"
#include "pipeline/ingest/text_decoder.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::cli {

namespace {
struct NormalizeArgs {
  std::vector<std::string> inputs;
  bool json = false;
  std::string encoding;
};
}  // namespace

void AddNormalizeCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd = app.add_subcommand("normalize", "Print the normalized text of each input");
  cmd->add_option("inputs", args->inputs, "Text files ('-' for standard input)")->required();
  cmd->add_flag("--json", args->json, "Print blocks (paragraphs, footnotes) with source offsets");
  cmd->add_option("--encoding", args->encoding, "Force the input encoding instead of detecting it");
  cmd->callback([args, &state] {
    auto rules = ruleset::RuleSet::Builtin();
    if (!rules) {
      std::cerr << "notices: " << rules.error().message << "\n";
      state.exit_code = kExitUsage;
      return;
    }
    for (const std::string& path : args->inputs) {
      auto bytes = ingest::ReadInput(path, {});
      Result<ingest::DecodedText> decoded =
          bytes ? ingest::DecodeText(*bytes, {args->encoding}) : Result<ingest::DecodedText>(bytes.error());
      if (!decoded) {
        std::cerr << "notices: " << path << ": " << decoded.error().message << "\n";
        state.exit_code = decoded.error().code == ErrorCode::kUsage ? kExitUsage : kExitInputFailed;
        continue;
      }
      normalize::NormalizedText n = normalize::Normalize(*decoded, **rules, {});
      if (!args->json) {
        std::cout << n.text << "\n";
        continue;
      }
      nlohmann::ordered_json doc;
      doc["path"] = path;
      doc["encoding"] = decoded->encoding;
      nlohmann::ordered_json blocks = nlohmann::ordered_json::array();
      for (const normalize::Block& b : n.blocks) {
        Range dec = n.to_decoded.ToSource(b.range);
        Range src = decoded->to_source.ToSource(dec);
        nlohmann::ordered_json jb;
        jb["kind"] = b.kind == normalize::BlockKind::kFootnote ? "footnote" : "paragraph";
        if (!b.marker.empty()) jb["marker"] = b.marker;
        jb["text"] = n.text.substr(b.range.begin, b.range.size());
        jb["source"] = {src.begin, src.end};
        jb["page"] = decoded->PageAt(dec.begin);
        if (b.kind == normalize::BlockKind::kFootnote) {
          // Where the reference to this footnote sits in the input ("1" of "bật1;"), or null.
          if (b.ref == std::string::npos) {
            jb["ref_source"] = nullptr;
          } else {
            size_t len = 1;
            while (b.ref + len < n.text.size() && (static_cast<unsigned char>(n.text[b.ref + len]) & 0xC0) == 0x80) ++len;
            Range ref = decoded->to_source.ToSource(n.to_decoded.ToSource(Range{b.ref, b.ref + len}));
            jb["ref_source"] = {ref.begin, ref.end};
          }
        }
        blocks.push_back(std::move(jb));
      }
      doc["blocks"] = std::move(blocks);
      doc["warnings"] = n.warnings;
      for (const auto& w : decoded->warnings) doc["warnings"].push_back(w);
      std::cout << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  });
}

}  // namespace notices::cli
