// How the date, deadline and reference finders walk a text: by line, then by sentence.
// Internal to pipeline/extract/.
//
//   ForEachLine(text, range, [&](size_t begin, std::string_view line) {
//     ForEachSentence(line, [&](size_t offset, std::string_view sentence) { ... });
//   });
//
// Rules see one sentence at a time: ^ and $ are its edges. A sentence ends in ". ",
// "; ", "! " or "? " (the terminator kept, the space dropped); no date, deadline or
// document number spans such a break, and a pattern set then tells which rules to run
// on a sentence rather than on a whole paragraph.
//
// Thread-safety: pure functions.
#pragma once

#include <algorithm>
#include <numeric>
#include <string_view>
#include <vector>

#include <re2/set.h>

#include "pipeline/common/offset_map.h"

namespace notices::extract {

// Which of the `size` patterns of `set` match `text`, into `hits`; false when none. When
// the set's automaton runs out of memory (a pathological line), every pattern counts as
// a hit: the caller then runs each one, slower but complete.
inline bool SetHits(const RE2::Set* set, size_t size, std::string_view text, std::vector<int>& hits) {
  hits.clear();
  if (set == nullptr) return false;
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  if (set->Match(re2::StringPiece(text.data(), text.size()), &hits, &error)) return true;
  if (error.kind == RE2::Set::kNoError) return false;
  hits.resize(size);
  std::iota(hits.begin(), hits.end(), 0);
  return size > 0;
}

inline bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Calls f(begin, line) for each non-empty line of text[range] (clamped to the text).
template <typename F>
void ForEachLine(std::string_view text, Range range, F&& f) {
  const size_t end = std::min(range.end, text.size());
  size_t pos = std::min(range.begin, end);
  while (pos < end) {
    const size_t nl = text.find('\n', pos);
    const size_t stop = nl == std::string_view::npos || nl > end ? end : nl;
    if (stop > pos) f(pos, text.substr(pos, stop - pos));
    pos = stop + 1;
  }
}

// Calls f(offset, sentence) for each sentence of a line, offset in the line.
template <typename F>
void ForEachSentence(std::string_view line, F&& f) {
  size_t begin = 0;
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    const char c = line[i];
    if ((c == '.' || c == ';' || c == '!' || c == '?') && line[i + 1] == ' ') {
      f(begin, line.substr(begin, i + 1 - begin));
      begin = i + 2;
    }
  }
  if (begin < line.size()) f(begin, line.substr(begin));
}

}  // namespace notices::extract
