// Helpers shared by the normalize tests: run the stage on a string with the built-in
// rules, list its blocks, read test files.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ingest/decoded_text.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::normalize::testing {

inline ingest::DecodedText Decoded(std::string_view text) {
  ingest::DecodedText d;
  d.text = std::string(text);
  d.encoding = "utf-8";
  d.page_starts.push_back(0);
  for (size_t k = 0; k < d.text.size(); ++k)
    if (d.text[k] == '\f') d.page_starts.push_back(k + 1);
  return d;
}

inline NormalizedText Norm(std::string_view text, const Options& options = {}) {
  return Normalize(Decoded(text), *ruleset::RuleSet::Builtin().value(), options);
}

inline std::string BlockText(const NormalizedText& n, const Block& b) {
  return n.text.substr(b.range.begin, b.range.size());
}

// The blocks' texts, footnotes included, in order.
inline std::vector<std::string> Blocks(const NormalizedText& n) {
  std::vector<std::string> out;
  for (const Block& b : n.blocks) out.push_back(BlockText(n, b));
  return out;
}

inline std::vector<std::string> Blocks(std::string_view text, const Options& options = {}) {
  return Blocks(Norm(text, options));
}

// A xorshift64 generator: damaged and random inputs that are the same on every run.
class XorShift {
 public:
  explicit XorShift(uint64_t seed) : state_(seed) {}
  uint64_t operator()() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }

 private:
  uint64_t state_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Hard-wraps `text` at `width` columns (code points), as a converter would.
inline std::string Wrap(std::string_view text, size_t width) {
  std::string out, line;
  size_t line_cols = 0;
  size_t i = 0;
  auto cols = [](std::string_view w) {
    size_t n = 0;
    for (char c : w) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view word = text.substr(i, j - i);
    size_t w = cols(word);
    if (line_cols > 0 && line_cols + 1 + w > width) {
      out += line + "\n";
      line.clear();
      line_cols = 0;
    }
    if (line_cols > 0) {
      line += ' ';
      ++line_cols;
    }
    line += word;
    line_cols += w;
    i = j + 1;
  }
  out += line;
  return out;
}

}  // namespace notices::normalize::testing
