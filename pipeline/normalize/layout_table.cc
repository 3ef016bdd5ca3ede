// LayoutTableFinder: task tables in `pdftotext -layout` text -> rows of cells as source
// ranges. Tested by tests/normalize/layout_table_test.cc and the golden files of the
// samples' .layout.txt forms.
#include "pipeline/normalize/layout_table.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include <re2/re2.h>
#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"

namespace notices::normalize::internal {

namespace {

// Column kinds, as the attr.kind of table.column.* names them.
enum Kind : int { kNone = -1, kIndex, kTask, kLead, kCoordinate, kTime, kProduct, kNote };
constexpr std::array<std::string_view, 7> kKindNames = {"index", "task",    "lead", "coordinate",
                                                        "time",  "product", "note"};

constexpr size_t kMaxHeaderLines = 3;
constexpr size_t kMaxColumns = 16;
constexpr uint32_t kMaxWidth = 400;     // columns; wider lines are not tables
constexpr uint32_t kJitter = 2;         // columns a cell start may drift for free
constexpr int kLowerStart = 3;          // cost of a narrow boundary before a lowercase word
constexpr int kNarrowBoundary = 1;      // cost of a cell boundary at a single space
constexpr long kCrowd = 5;              // a capitalised word this close to the next edge starts it
constexpr long kReach = 2;              // a word this close to the next edge overshoots
constexpr int kOvershoot = 3;           // cost per column of that overshoot
constexpr int kMaxLineCost = 12;        // a line costing more does not fit the columns

struct Word {
  uint32_t col = 0, end_col = 0;  // [col, end_col) in code points
  size_t b = 0, e = 0;            // decoded bytes
  uint32_t gap = 0;               // columns of space before it (its column for the first)
  bool upper = false;             // starts with a capital letter or a digit
  bool lower = false;             // starts with a lowercase letter
};

struct RawLine {
  size_t begin = 0, next = 0;  // start of the line, start of the next one
  bool after_ff = false, before_ff = false;
  std::vector<Word> words;
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

void ReadWords(std::string_view s, RawLine& l, size_t end) {
  l.words.clear();
  uint32_t col = 0, last_end = 0;
  size_t i = l.begin;
  while (i < end) {
    if (IsBlank(s[i])) {
      ++col;
      ++i;
      continue;
    }
    Word w;
    w.b = i;
    w.col = col;
    w.gap = l.words.empty() ? col : col - last_end;
    size_t k = i;
    char32_t c = DecodeUtf8(s, k);
    w.upper = u_isupper(static_cast<UChar32>(c)) || (c >= '0' && c <= '9');
    w.lower = u_islower(static_cast<UChar32>(c));
    while (i < end && !IsBlank(s[i])) {
      col += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
      ++i;
    }
    w.e = i;
    w.end_col = last_end = col;
    l.words.push_back(w);
  }
}

// All lines of the text, split as BuildLines splits them.
std::vector<RawLine> SplitLines(std::string_view s) {
  std::vector<RawLine> lines;
  size_t pos = 0;
  bool after_ff = false;
  while (pos <= s.size()) {
    size_t eol = pos;
    while (eol < s.size() && s[eol] != '\n' && s[eol] != '\r' && s[eol] != '\f') ++eol;
    RawLine l;
    l.begin = pos;
    l.after_ff = after_ff;
    l.before_ff = eol < s.size() && s[eol] == '\f';
    ReadWords(s, l, eol);
    after_ff = l.before_ff;
    if (eol >= s.size()) {
      l.next = s.size();
      lines.push_back(std::move(l));
      break;
    }
    l.next = s[eol] == '\r' && eol + 1 < s.size() && s[eol + 1] == '\n' ? eol + 2 : eol + 1;
    pos = l.next;
    lines.push_back(std::move(l));
  }
  return lines;
}

// The text of words [a, b) of a line, joined by single spaces.
std::string Join(std::string_view s, const std::vector<Word>& w, size_t a, size_t b) {
  std::string out;
  for (size_t k = a; k < b; ++k) {
    if (k > a) out += ' ';
    out.append(s.substr(w[k].b, w[k].e - w[k].b));
  }
  return out;
}

struct Phrase {
  size_t a = 0, b = 0;  // words [a, b) of its line
  int kind = kNone;
};

// A header column: its name's words, line by line.
struct HeaderColumn {
  uint32_t col = 0, end_col = 0;                  // of its line-1 phrase
  std::vector<std::pair<size_t, size_t>> words;  // {line, word}
  int kind = kNone;
};

struct Header {
  std::vector<HeaderColumn> columns;
  size_t first_line = 0, end_line = 0;  // lines [first_line, end_line)
};

// The median of v (v not empty; reordered).
uint32_t Median(std::vector<uint32_t>& v) {
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The first quartile of v (v not empty; reordered): cells start at their column's left
// edge or, pushed by the text before them, to its right.
uint32_t Quartile(std::vector<uint32_t>& v) {
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 4), v.end());
  return v[v.size() / 4];
}

}  // namespace

class FinderImpl {
 public:
  FinderImpl(const LayoutTableFinder& f, std::string_view s) : f_(f), s_(s), lines_(SplitLines(s)) {}

  std::vector<LayoutTable> Run() {
    std::vector<LayoutTable> out;
    size_t i = 0;
    while (i < lines_.size()) {
      Header h;
      if (!LooksLikeHeaderLine(lines_[i]) || !ReadHeader(i, h)) {
        ++i;
        continue;
      }
      LayoutTable t;
      size_t end = ReadBody(h, t);
      if (end == 0) {
        ++i;
        continue;
      }
      out.push_back(std::move(t));
      i = end;
    }
    return out;
  }

 private:
  bool Full(const ruleset::Pattern* p, std::string_view text) const {
    return p != nullptr && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), p->regex());
  }
  int Classify(std::string_view text) const {
    for (const LayoutTableFinder::Column& c : f_.columns_)
      if (Full(c.pattern, text)) return c.kind;
    return kNone;
  }

  // Three or more pieces apart by gaps of two or more spaces, not too many words.
  static bool LooksLikeHeaderLine(const RawLine& l) {
    if (l.words.size() < 3 || l.words.size() > 24) return false;
    int chunks = 1;
    for (size_t k = 1; k < l.words.size(); ++k) chunks += l.words[k].gap >= 2;
    return chunks >= 3;
  }

  // Cuts a line into names: at gaps of 2+ spaces, and before a capitalised word that
  // starts a name of its own.
  std::vector<Phrase> Phrases(const RawLine& l) const {
    std::vector<Phrase> out;
    const std::vector<Word>& w = l.words;
    size_t a = 0;
    while (a < w.size()) {
      size_t chunk_end = a + 1;
      while (chunk_end < w.size() && w[chunk_end].gap < 2) ++chunk_end;
      size_t start = a;
      for (size_t k = a + 1; k < chunk_end; ++k) {
        if (!w[k].upper || w[k].lower) continue;
        if (Classify(Join(s_, w, k, chunk_end)) == kNone) continue;
        out.push_back({start, k, Classify(Join(s_, w, start, k))});
        start = k;
      }
      out.push_back({start, chunk_end, Classify(Join(s_, w, start, chunk_end))});
      a = chunk_end;
    }
    return out;
  }

  bool IsRowStartCell(std::string_view cell) const {
    return Full(f_.row_number_, cell) || Full(f_.section_label_, cell);
  }
  bool IsNumberingLine(const RawLine& l) const {
    if (l.words.size() < 3) return false;
    for (const Word& w : l.words)
      if (!Full(f_.column_number_, s_.substr(w.b, w.e - w.b))) return false;
    return true;
  }
  // A page number: one number alone on a line next to a form feed.
  bool IsPageNumber(size_t i) const {
    const RawLine& l = lines_[i];
    if (l.words.size() != 1) return false;
    bool near_ff = l.after_ff || l.before_ff || (i > 0 && lines_[i - 1].before_ff && lines_[i - 1].words.empty());
    if (!near_ff) return false;
    for (size_t k = l.words[0].b; k < l.words[0].e; ++k)
      if (s_[k] < '0' || s_[k] > '9') return false;
    return true;
  }

  // Lines under a header's first line that continue it: every piece starts in lowercase
  // or names a column.
  bool IsHeaderContinuation(const RawLine& l) const {
    if (l.words.empty()) return false;
    if (IsRowStartCell(s_.substr(l.words[0].b, l.words[0].e - l.words[0].b))) return false;
    if (IsNumberingLine(l)) return false;
    for (const Phrase& p : Phrases(l))
      if (!l.words[p.a].lower && p.kind == kNone) return false;
    return true;
  }

  bool ReadHeader(size_t first, Header& h) const {
    const RawLine& l1 = lines_[first];
    std::vector<Phrase> top = Phrases(l1);
    bool named = false;
    for (const Phrase& p : top) named |= p.kind != kNone;
    if (!named || top.size() > kMaxColumns) return false;
    for (const Phrase& p : top) {
      HeaderColumn c;
      c.col = l1.words[p.a].col;
      c.end_col = l1.words[p.b - 1].end_col;
      for (size_t k = p.a; k < p.b; ++k) c.words.push_back({first, k});
      h.columns.push_back(std::move(c));
    }
    size_t end = first + 1;
    while (end < lines_.size() && end - first < kMaxHeaderLines && IsHeaderContinuation(lines_[end])) ++end;
    // Lines below: capitalised names (sub-headers) and lowercase continuations.
    std::vector<HeaderColumn> subs;
    std::vector<std::pair<size_t, size_t>> rest;
    for (size_t li = first + 1; li < end; ++li) {
      const RawLine& l = lines_[li];
      for (const Phrase& p : Phrases(l)) {
        if (l.words[p.a].upper && p.kind != kNone) {
          HeaderColumn c;
          c.col = l.words[p.a].col;
          c.end_col = l.words[p.b - 1].end_col;
          for (size_t k = p.a; k < p.b; ++k) c.words.push_back({li, k});
          c.kind = p.kind;
          subs.push_back(std::move(c));
        } else {
          for (size_t k = p.a; k < p.b; ++k) rest.push_back({li, k});
        }
      }
    }
    auto lead = std::find_if(top.begin(), top.end(), [](const Phrase& p) { return p.kind == kLead; });
    if (subs.size() >= 2 && lead != top.end()) {
      size_t at = static_cast<size_t>(lead - top.begin());
      h.columns.erase(h.columns.begin() + static_cast<long>(at));
      h.columns.insert(h.columns.begin() + static_cast<long>(at), subs.begin(), subs.end());
    } else {
      for (const HeaderColumn& c : subs) rest.insert(rest.end(), c.words.begin(), c.words.end());
      std::sort(rest.begin(), rest.end());
    }
    for (auto [li, k] : rest) {
      const Word& w = lines_[li].words[k];
      size_t best = 0;
      long best_score = -1000000;
      for (size_t c = 0; c < h.columns.size(); ++c) {
        long overlap = static_cast<long>(std::min(w.end_col, h.columns[c].end_col)) -
                       static_cast<long>(std::max(w.col, h.columns[c].col));
        if (overlap > best_score) {
          best_score = overlap;
          best = c;
        }
      }
      h.columns[best].words.push_back({li, k});
    }
    bool task = false, lead_col = false;
    for (HeaderColumn& c : h.columns) {
      if (c.kind == kNone) {
        std::string text;
        for (auto [li, k] : c.words) {
          if (!text.empty()) text += ' ';
          const Word& w = lines_[li].words[k];
          text.append(s_.substr(w.b, w.e - w.b));
        }
        c.kind = Classify(text);
      }
      task |= c.kind == kTask;
      lead_col |= c.kind == kLead;
    }
    if (!task || !lead_col || h.columns.size() < 3 || h.columns.size() > kMaxColumns) return false;
    h.first_line = first;
    h.end_line = end;
    return true;
  }

  // The cheapest assignment of a line's words to columns (non-decreasing); `cols[k]` is
  // word k's column. `label`: word 0 is a row number or section label, alone in column
  // 0. Returns how badly the line fits: the drift of its cells' starts beyond the
  // jitter and the overshoot of its words towards the next edge.
  int Assign(const RawLine& l, const std::vector<uint32_t>& edges, bool label, std::vector<int>& cols) const {
    const std::vector<Word>& w = l.words;
    const size_t n = edges.size();
    cols.assign(w.size(), 0);
    if (w.empty()) return 0;
    constexpr int kInf = 1 << 28;
    cost_.assign(w.size() * n, kInf);
    from_.assign(w.size() * n, -1);
    auto drift = [&](size_t k, size_t c) {
      uint32_t d = w[k].col > edges[c] ? w[k].col - edges[c] : edges[c] - w[k].col;
      return static_cast<int>(d > kJitter ? d - kJitter : 0);
    };
    auto overshoot = [&](size_t k, size_t c) {
      if (c + 1 >= n) return 0;
      long over = static_cast<long>(w[k].col) + kReach - static_cast<long>(edges[c + 1]);
      return over > 0 ? kOvershoot * static_cast<int>(over) : 0;
    };
    // A cell boundary at a single space, more so before a lowercase word.
    auto narrow = [&](size_t k) { return kNarrowBoundary + (w[k].lower ? kLowerStart : 0); };
    // A capitalised word one space after the text before it, close to the next edge,
    // starts the next cell.
    auto crowd = [&](size_t k, size_t c) {
      if (c + 1 >= n || k == 0 || w[k].gap >= 2 || !w[k].upper) return 0;
      long over = static_cast<long>(w[k].col) + kCrowd - static_cast<long>(edges[c + 1]);
      return over >= 0 ? 2 * static_cast<int>(over + 1) : 0;
    };
    for (size_t c = 0; c < (label ? 1 : n); ++c) cost_[c] = drift(0, c) + overshoot(0, c);
    for (size_t k = 1; k < w.size(); ++k) {
      int best_prev = kInf, best_c = -1;  // min over columns < c of the previous word
      for (size_t c = 0; c < n; ++c) {
        int stay = label && k == 1 ? kInf : cost_[(k - 1) * n + c];
        int move = best_prev < kInf ? best_prev + drift(k, c) + (w[k].gap < 2 ? narrow(k) : 0) : kInf;
        int wc = overshoot(k, c) + crowd(k, c);
        if (stay <= move) {
          cost_[k * n + c] = stay < kInf ? stay + wc : kInf;
          from_[k * n + c] = static_cast<int>(c);
        } else {
          cost_[k * n + c] = move + wc;
          from_[k * n + c] = best_c;
        }
        int prev = cost_[(k - 1) * n + c];
        if (prev < best_prev) {
          best_prev = prev;
          best_c = static_cast<int>(c);
        }
      }
    }
    size_t last = w.size() - 1;
    size_t best = 0;
    for (size_t c = 1; c < n; ++c)
      if (cost_[last * n + c] < cost_[last * n + best]) best = c;
    for (size_t k = w.size(); k-- > 0;) {
      cols[k] = static_cast<int>(best);
      if (k > 0) best = static_cast<size_t>(from_[k * n + best]);
    }
    int fit = 0;
    for (size_t k = 0; k < w.size(); ++k) {
      size_t c = static_cast<size_t>(cols[k]);
      fit += overshoot(k, c) + (k == 0 || cols[k] != cols[k - 1] ? drift(k, c) : 0);
    }
    return fit;
  }

  // A row number or section label where a line starts: alone in the index column.
  bool StartsWithLabel(const RawLine& l) const {
    return !l.words.empty() && IsRowStartCell(s_.substr(l.words[0].b, l.words[0].e - l.words[0].b));
  }

  bool IsSectionLabel(const RawLine& l) const {
    std::string_view w = s_.substr(l.words[0].b, l.words[0].e - l.words[0].b);
    return !Full(f_.row_number_, w) && Full(f_.section_label_, w);
  }

  // Prose: words one space apart from the first column to the last.
  static bool IsProse(const RawLine& l, const std::vector<uint32_t>& edges) {
    if (l.words.size() < 4 || l.words.front().col > edges[1] || l.words.back().col < edges.back()) return false;
    for (size_t k = 1; k < l.words.size(); ++k)
      if (l.words[k].gap > 1) return false;
    return true;
  }

  // Left edges of `n` columns from where cell text starts on `body` lines.
  bool Edges(const std::vector<size_t>& body, size_t n, std::vector<uint32_t>& edges,
             std::vector<uint32_t>& first_edges) const {
    std::vector<int> hist(kMaxWidth + 8, 0);
    for (size_t li : body) {
      const std::vector<Word>& w = lines_[li].words;
      for (size_t k = 0; k < w.size(); ++k) {
        if (w[k].col >= kMaxWidth) break;
        int weight = k == 0 || w[k].gap >= 2 ? 2 : (w[k].upper ? 1 : 0);
        hist[w[k].col] += weight;
      }
    }
    std::vector<int> smooth(hist.size(), 0);
    for (size_t x = 0; x < kMaxWidth; ++x)
      for (int d = -2; d <= 2; ++d) {
        long y = static_cast<long>(x) + d;
        if (y >= 0) smooth[x] += hist[static_cast<size_t>(y)] * (3 - std::abs(d));
      }
    edges.clear();
    for (size_t k = 0; k < n; ++k) {
      auto it = std::max_element(smooth.begin(), smooth.end());
      if (*it <= 0) return false;
      size_t x = static_cast<size_t>(it - smooth.begin());
      edges.push_back(static_cast<uint32_t>(x));
      for (size_t y = x > 3 ? x - 3 : 0; y <= x + 3 && y < smooth.size(); ++y) smooth[y] = 0;
    }
    std::sort(edges.begin(), edges.end());
    // Refine: each edge becomes the first quartile of the starts of the cells it
    // receives, apart for the lines that start rows (pdftotext packs them tighter) and
    // the wrapped lines under them.
    std::vector<std::vector<uint32_t>> starts(2 * n);
    std::vector<int> cols;
    for (size_t li : body) {
      const RawLine& l = lines_[li];
      bool label = index0_ && StartsWithLabel(l);
      Assign(l, edges, label, cols);
      if (label && IsSectionLabel(l)) continue;  // a title runs across the columns
      for (size_t k = 0; k < cols.size(); ++k)
        if (k == 0 || cols[k] != cols[k - 1])
          starts[static_cast<size_t>(cols[k]) + (label ? 0 : n)].push_back(l.words[k].col);
    }
    first_edges = edges;
    for (size_t c = 0; c < n; ++c) {
      std::vector<uint32_t> all = starts[c];
      all.insert(all.end(), starts[c + n].begin(), starts[c + n].end());
      if (!all.empty()) edges[c] = Quartile(all);
      first_edges[c] = starts[c].size() >= 2 ? Median(starts[c]) : edges[c];
      if (starts[c + n].size() >= 2) edges[c] = Quartile(starts[c + n]);
    }
    for (size_t c = 1; c < n; ++c)
      if (edges[c] <= edges[c - 1] || first_edges[c] <= first_edges[c - 1]) return false;
    return true;
  }

  // Reads the rows under header `h` into `t`; returns the index of the line after the
  // table, 0 when there is no table.
  size_t ReadBody(const Header& h, LayoutTable& t) {
    const size_t n = h.columns.size();
    int index_col = -1;
    for (size_t c = 0; c < n; ++c)
      if (h.columns[c].kind == kIndex) {
        index_col = static_cast<int>(c);
        break;
      }
    // The candidate body: up to two blank lines, or a blank line before a line that
    // does not start with a row number; page numbers and repeated headers left out.
    std::vector<size_t> body;
    size_t i = h.end_line;
    while (i < lines_.size()) {
      const RawLine& l = lines_[i];
      if (l.words.empty()) {
        size_t j = i + 1;
        while (j < lines_.size() && lines_[j].words.empty() && !lines_[j - 1].before_ff) ++j;
        bool page = false;
        for (size_t k = i; k < j; ++k) page |= lines_[k].before_ff;
        if (j >= lines_.size() || (!page && j - i >= 2)) break;
        if (!page && !StartsWithLabel(lines_[j])) break;
        i = j;
        continue;
      }
      if (IsPageNumber(i) || IsNumberingLine(l)) {
        ++i;
        continue;
      }
      if ((l.after_ff || (i > 0 && IsPageNumber(i - 1))) && LooksLikeHeaderLine(l)) {
        Header again;
        if (ReadHeader(i, again) && again.columns.size() == n) {
          i = again.end_line;
          continue;
        }
      }
      body.push_back(i);
      ++i;
    }
    if (body.empty()) return 0;
    index0_ = index_col == 0;
    std::vector<uint32_t> edges, first_edges;  // for wrapped lines, for lines that start rows
    if (!Edges(body, n, edges, first_edges)) return 0;

    // Cells, rows; the table ends at the first line that does not fit.
    t.begin = lines_[h.first_line].begin;
    LayoutRow header;
    header.header = true;
    header.line_begin = t.begin;
    header.cells.resize(n);
    for (size_t c = 0; c < n; ++c) {
      size_t prev_line = SIZE_MAX;
      for (auto [li, k] : h.columns[c].words) {
        const Word& w = lines_[li].words[k];
        std::vector<Range>& pieces = header.cells[c];
        if (li == prev_line && !pieces.empty())
          pieces.back().end = w.e;
        else
          pieces.push_back({w.b, w.e});
        prev_line = li;
      }
    }
    t.rows.push_back(std::move(header));
    size_t last_line = h.end_line - 1;
    std::vector<int> cols;
    for (size_t li : body) {
      const RawLine& l = lines_[li];
      if (IsProse(l, edges)) break;
      bool label = index0_ && StartsWithLabel(l);
      int cost = Assign(l, label ? first_edges : edges, label, cols);
      if (cost > kMaxLineCost) break;
      std::vector<std::pair<int, Range>> cells;  // one per filled column, left to right
      for (size_t k = 0; k < cols.size(); ++k) {
        if (k > 0 && cols[k] == cols[k - 1])
          cells.back().second.end = l.words[k].e;
        else
          cells.push_back({cols[k], {l.words[k].b, l.words[k].e}});
      }
      bool starts = false, section = false;
      if (index_col >= 0) {
        if (cells.front().first == index_col) {
          std::string_view cell = s_.substr(cells.front().second.begin, cells.front().second.size());
          section = !Full(f_.row_number_, cell) && Full(f_.section_label_, cell);
          starts = section || Full(f_.row_number_, cell);
        }
      } else {
        bool capitals = cells.size() >= 2;
        for (const auto& [c, r] : cells) {
          size_t k = r.begin;
          char32_t ch = DecodeUtf8(s_, k);
          capitals &= u_isupper(static_cast<UChar32>(ch)) || (ch >= '0' && ch <= '9');
        }
        starts = capitals;
      }
      if (starts || t.rows.size() == 1) {
        LayoutRow r;
        r.line_begin = l.begin;
        r.section = section;
        r.cells.resize(n);
        t.rows.push_back(std::move(r));
      }
      LayoutRow& r = t.rows.back();
      for (const auto& [c, range] : cells) {
        size_t col = static_cast<size_t>(c);
        // A section's title goes to the column after its label, whatever its position.
        if (r.section && c != index_col) col = static_cast<size_t>(index_col) + 1 < n ? static_cast<size_t>(index_col) + 1 : col;
        std::vector<Range>& pieces = r.cells[col];
        if (r.section && !pieces.empty() && pieces.back().end <= range.begin &&
            s_.substr(pieces.back().end, range.begin - pieces.back().end).find_first_of("\n\r\f") ==
                std::string_view::npos)
          pieces.back().end = range.end;  // the same line: one piece
        else
          pieces.push_back(range);
      }
      last_line = li;
    }
    if (t.rows.size() < 2) return 0;
    t.end = lines_[last_line].next;
    return last_line + 1;
  }

  const LayoutTableFinder& f_;
  std::string_view s_;
  std::vector<RawLine> lines_;
  mutable std::vector<int> cost_, from_;
  bool index0_ = false;  // the table's first column is its index
};

Result<LayoutTableFinder> LayoutTableFinder::Create(const ruleset::RuleSet& rules) {
  LayoutTableFinder f;
  for (const ruleset::Pattern* p : rules.PatternsWithPrefix("table.column.")) {
    std::string kind = p->attr_string("kind");
    auto it = std::find(kKindNames.begin(), kKindNames.end(), kind);
    if (it == kKindNames.end())
      return Error(ErrorCode::kRuleSyntax, "rule file " + p->origin().ToString() + ": pattern " + p->name() +
                                               ": unknown kind '" + kind + "'");
    f.columns_.push_back({p, static_cast<int>(it - kKindNames.begin())});
  }
  if (f.columns_.empty()) return f;
  f.row_number_ = rules.FindPattern("table.row.number");
  f.section_label_ = rules.FindPattern("table.row.section_label");
  f.column_number_ = rules.FindPattern("table.row.column_number_cell");
  if (!f.row_number_ || !f.section_label_ || !f.column_number_)
    return Error(ErrorCode::kRuleSyntax,
                 "the rules have table.column.* patterns but not table.row.number, "
                 "table.row.section_label and table.row.column_number_cell (rules/tables.toml)");
  return f;
}

std::vector<LayoutTable> LayoutTableFinder::Find(std::string_view decoded) const {
  if (columns_.empty()) return {};
  return FinderImpl(*this, decoded).Run();
}

}  // namespace notices::normalize::internal
