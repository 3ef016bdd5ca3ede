// Helpers of the OCR tests: files, page texts, word accuracy against a reference.
#pragma once

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/ingest/decoded_text.h"

namespace notices::ingest::testing_ocr {

inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline std::string Sample(const std::string& name) {
  return ReadFile(std::string(NOTICES_SAMPLES_DIR) + "/" + name);
}

// The text of page `page` (1-based) of a DecodedText.
inline std::string PageText(const DecodedText& t, int page) {
  size_t p = static_cast<size_t>(page - 1);
  if (p >= t.page_starts.size()) return "";
  size_t begin = t.page_starts[p];
  size_t end = p + 1 < t.page_starts.size() ? t.page_starts[p + 1] - 1 : t.text.size();
  return t.text.substr(begin, end - begin);
}

// Whitespace-separated words; a word ending a line in "-" goes on on the next line
// ("57-" "NQ/TW"), as normalize joins them; "**" bold markers of the samples go.
inline std::vector<std::string> Words(std::string text) {
  for (size_t at; (at = text.find("**")) != std::string::npos;) text.erase(at, 2);
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '\r';
    if (!space) {
      cur.push_back(c);
    } else if (c == '\n' && cur.size() > 1 && cur.back() == '-') {
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

struct Accuracy {
  size_t ocr = 0, reference = 0, matched = 0;  // matched: longest common subsequence
  double recall() const { return reference ? static_cast<double>(matched) / static_cast<double>(reference) : 1; }
  double precision() const { return ocr ? static_cast<double>(matched) / static_cast<double>(ocr) : 1; }
  // Word accuracy: 2 * matched / (ocr + reference); 1 when every word is read right.
  double f() const {
    return ocr + reference ? 2.0 * static_cast<double>(matched) / static_cast<double>(ocr + reference) : 1;
  }
};

// Words of `ocr` against `reference`, in order (an LCS over whole words).
inline Accuracy WordAccuracy(const std::string& ocr, const std::string& reference) {
  std::vector<std::string> a = Words(ocr), b = Words(reference);
  size_t n = a.size(), m = b.size();
  std::vector<uint32_t> prev(m + 1, 0), cur(m + 1, 0);
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) cur[j] = a[i] == b[j] ? prev[j + 1] + 1 : std::max(prev[j], cur[j + 1]);
    std::swap(prev, cur);
  }
  Accuracy acc;
  acc.ocr = n;
  acc.reference = m;
  acc.matched = prev[0];
  return acc;
}

}  // namespace notices::ingest::testing_ocr
