// Normalize: first version, one block per non-blank line, NFC and canonical tones.
// Tested by tests/normalize/normalizer_test.cc.
#include "pipeline/normalize/normalizer.h"

#include "pipeline/normalize/tone.h"

namespace notices::normalize {

NormalizedText Normalize(const ingest::DecodedText& input, const ruleset::RuleSet& /*rules*/,
                         const Options& /*options*/) {
  NormalizedText out;
  MappedBuilder b;
  std::string_view text = input.text;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find_first_of("\n\f", pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    size_t lb = line.find_first_not_of(" \t\r");
    size_t le = line.find_last_not_of(" \t\r");
    if (lb != std::string_view::npos) {
      line = line.substr(lb, le - lb + 1);
      if (b.size() > 0) b.Insert("\n", pos + lb);
      size_t begin = b.size();
      std::string canonical = CanonicalForm(line);
      if (canonical == line) b.Copy(line, pos + lb);
      else b.Replace(canonical, pos + lb, line.size());
      out.blocks.push_back({BlockKind::kParagraph, {begin, b.size()}, {}, std::string::npos});
    }
    pos = eol + 1;
  }
  auto [t, map] = std::move(b).Finish();
  out.text = std::move(t);
  out.to_decoded = std::move(map);
  return out;
}

}  // namespace notices::normalize
