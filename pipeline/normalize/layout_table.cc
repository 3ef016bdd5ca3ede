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

// Column kinds (ruleset/table_rules.h), short names; kNone: names no column.
using ruleset::ColumnKind;
constexpr ColumnKind kNone = ColumnKind::kOther, kIndex = ColumnKind::kIndex, kTask = ColumnKind::kTask,
                     kLead = ColumnKind::kLead, kCoordinate = ColumnKind::kCoordinate,
                     kTime = ColumnKind::kTime;

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
// Cell content, where a split point is doubtful (layout_table.h).
constexpr uint32_t kContentReach = 10;  // columns left of an edge where a cell's continuation is read
constexpr uint32_t kFreshReach = 7;     // ... where a phrase alone is read
constexpr uint32_t kLateStart = 5;      // columns right of an edge where a phrase may still start
constexpr int kPhraseStart = 5;         // bonus: a cell starts where a phrase of its kind does
constexpr int kInsidePhrase = 5;        // a boundary inside a phrase
constexpr int kJoinPhrase = 4;          // no boundary where a phrase starts after other words
constexpr int kAfterDeadline = 6;       // a capitalised word after a deadline stays in its cell
constexpr uint32_t kAfterDrift = 2;     // the drift such a word pays for starting the next cell
constexpr size_t kMaxPrefixProbe = 32;  // names sharing a prefix looked at before giving up
constexpr size_t kMaxPhraseWords = 12;  // words of a line read for one phrase

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

// Words [a, b) of a line after `head` (may be empty), joined by single spaces, into
// `out`; `ends` gets the offset in `out` just past each word.
void JoinAfter(std::string_view s, std::string_view head, const std::vector<Word>& w, size_t a, size_t b,
               std::string& out, std::vector<size_t>& ends) {
  out.assign(head);
  ends.clear();
  for (size_t k = a; k < b; ++k) {
    if (!out.empty()) out += ' ';
    out.append(s.substr(w[k].b, w[k].e - w[k].b));
    ends.push_back(out.size());
  }
}

// What the words of one line read as, for the columns whose split points content can
// decide (FinderImpl::ReadContent).
struct Content {
  enum : uint8_t { kInside = 1, kAfter = 2, kSplit = 4 };
  std::vector<uint32_t> starts;  // [k]: bit c set: a phrase of column c's kind starts at word k
  std::vector<uint8_t> flags;    // [k]: kInside (continues a phrase begun before it), kAfter
                                 // (capitalised, one space after a complete deadline), kSplit
                                 // (one space after a word, starts a phrase, continues none)
  uint32_t time = 0;             // bit c set: column c is a time column
  bool Has(size_t k, uint8_t flag) const { return (flags[k] & flag) != 0; }
};

struct Phrase {
  size_t a = 0, b = 0;  // words [a, b) of its line
  ColumnKind kind = kNone;
};

// A header column: its name's words, line by line.
struct HeaderColumn {
  uint32_t col = 0, end_col = 0;                  // of its line-1 phrase
  std::vector<std::pair<size_t, size_t>> words;  // {line, word}
  ColumnKind kind = kNone;
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
  ColumnKind Classify(std::string_view text) const {
    for (const ruleset::TableColumn& c : f_.columns_)
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
  // `content` (may be null) adds the costs of what the words read as.
  int Assign(const RawLine& l, const std::vector<uint32_t>& edges, bool label, std::vector<int>& cols,
             const Content* content = nullptr) const {
    const std::vector<Word>& w = l.words;
    const size_t n = edges.size();
    cols.assign(w.size(), 0);
    if (w.empty()) return 0;
    constexpr int kInf = 1 << 28;
    cost_.assign(w.size() * n, kInf);
    from_.assign(w.size() * n, -1);
    auto drift = [&](size_t k, size_t c) {
      uint32_t d = w[k].col > edges[c] ? w[k].col - edges[c] : edges[c] - w[k].col;
      d = d > kJitter ? d - kJitter : 0;
      if (content && content->Has(k, Content::kAfter)) d = std::min(d, kAfterDrift);
      return static_cast<int>(d);
    };
    auto bonus = [&](size_t k, size_t c) { return content && (content->starts[k] >> c & 1u) ? kPhraseStart : 0; };
    auto inside = [&](size_t k) { return content && content->Has(k, Content::kInside); };
    auto overshoot = [&](size_t k, size_t c) {
      if (c + 1 >= n) return 0;
      long over = static_cast<long>(w[k].col) + kReach - static_cast<long>(edges[c + 1]);
      return over > 0 ? kOvershoot * static_cast<int>(over) : 0;
    };
    // A cell boundary at a single space, more so before a lowercase word.
    auto narrow = [&](size_t k, size_t c) {
      return kNarrowBoundary + (w[k].lower && bonus(k, c) == 0 ? kLowerStart : 0) + (inside(k) ? kInsidePhrase : 0);
    };
    // A capitalised word one space after the text before it, close to the next edge,
    // starts the next cell.
    auto crowd = [&](size_t k, size_t c) {
      if (c + 1 >= n || k == 0 || w[k].gap >= 2 || !w[k].upper || inside(k)) return 0;
      long over = static_cast<long>(w[k].col) + kCrowd - static_cast<long>(edges[c + 1]);
      return over >= 0 ? 2 * static_cast<int>(over + 1) : 0;
    };
    for (size_t c = 0; c < (label ? 1 : n); ++c) cost_[c] = drift(0, c) + overshoot(0, c) - bonus(0, c);
    for (size_t k = 1; k < w.size(); ++k) {
      int best_prev = kInf, best_c = -1;  // min over columns < c of the previous word
      for (size_t c = 0; c < n; ++c) {
        int stay = label && k == 1 ? kInf : cost_[(k - 1) * n + c];
        if (stay < kInf && content) {
          if (content->Has(k, Content::kAfter) && (content->time >> c & 1u)) stay += kAfterDeadline;
          if (content->Has(k, Content::kSplit)) stay += kJoinPhrase;
        }
        int move = best_prev < kInf ? best_prev + drift(k, c) + (w[k].gap < 2 ? narrow(k, c) : 0) - bonus(k, c) : kInf;
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

  // The bytes of a deadline that starts where `text` does, 0 if none: a deadline.form.*
  // match (its group m) at the start of the text, or of the text after a time cue.
  size_t DeadlineBytes(std::string_view text) const {
    size_t best = 0;
    auto probe = [&](std::string_view t, size_t skip) {
      // The set says which forms match somewhere (most probes: none); only those are
      // run for their group m.
      hits_.clear();
      RE2::Set::ErrorInfo error{};
      if (f_.deadline_set_ != nullptr && !f_.deadline_set_->Match(re2::StringPiece(t.data(), t.size()), &hits_, &error) &&
          error.kind == RE2::Set::kNoError)
        return;
      if (f_.deadline_set_ == nullptr || error.kind != RE2::Set::kNoError) {
        hits_.resize(f_.deadline_forms_.size());
        for (size_t i = 0; i < hits_.size(); ++i) hits_[i] = static_cast<int>(i);
      }
      for (int i : hits_) {
        const ruleset::Pattern* p = f_.deadline_forms_[static_cast<size_t>(i)];
        int g = std::max(p->group("m"), 0);
        std::array<re2::StringPiece, 16> sub;
        if (g >= static_cast<int>(sub.size())) continue;
        if (!p->regex().Match(re2::StringPiece(t.data(), t.size()), 0, t.size(), RE2::UNANCHORED, sub.data(), g + 1))
          continue;
        size_t b = static_cast<size_t>(sub[g].data() - t.data()), e = b + sub[g].size();
        if ((b == 0 || b == skip) && e > skip) best = std::max(best, e - skip);
      }
    };
    // A form that matches the text alone also matches it after a cue: one probe
    // suffices.
    if (f_.time_cues_.empty()) probe(text, 0);
    for (const std::string& cue : f_.time_cues_) {
      if (best > 0) break;
      probe_.assign(cue);
      probe_ += ' ';
      probe_.append(text);
      probe(probe_, cue.size() + 1);
    }
    return best;
  }

  // Whether `q` (trailing ",;." ignored) is a word prefix of a gazetteer name, alias or
  // head word as written; `whole`: it is one.
  bool AgencyPrefix(std::string_view q, bool& whole) const {
    while (!q.empty() && (q.back() == ',' || q.back() == ';' || q.back() == '.')) q.remove_suffix(1);
    whole = false;
    if (q.empty()) return false;
    const std::vector<std::string>& v = f_.agency_words_;
    auto it = std::lower_bound(v.begin(), v.end(), q);
    for (size_t probes = 0; it != v.end() && probes < kMaxPrefixProbe; ++it, ++probes) {
      std::string_view e = *it;
      if (e.substr(0, q.size()) != q) return false;
      if (e.size() == q.size()) {
        whole = true;
        return true;
      }
      if (e[q.size()] == ' ' || e[q.size()] == ',') return true;
    }
    return false;
  }

  // Words of a phrase that starts at word k of `l` (0 if none) in a column of kind
  // `kind`, alone (`head` empty) or continuing the cell text `head` of the lines above.
  // `complete`: a deadline that ends there.
  size_t PhraseWords(const RawLine& l, size_t k, ColumnKind kind, std::string_view head, bool& complete) const {
    complete = false;
    const std::vector<Word>& w = l.words;
    std::vector<size_t>& ends = ends_;
    if (kind == kTime) {
      if (f_.deadline_forms_.empty()) return 0;
      JoinAfter(s_, head, w, k, std::min(w.size(), k + kMaxPhraseWords), join_, ends);
      size_t bytes = DeadlineBytes(join_);
      size_t words = 0;
      while (words < ends.size() && ends[words] <= bytes) ++words;
      complete = words > 0 && words < ends.size() && ends[words - 1] == bytes;
      return words;
    }
    // An agency: the longest run of words that keeps the text a word prefix of a name.
    if (head.empty()) {  // most words start no name: a look at the first words rejects them
      std::string_view first = s_.substr(w[k].b, w[k].e - w[k].b);
      while (!first.empty() && (first.back() == ',' || first.back() == ';' || first.back() == '.'))
        first.remove_suffix(1);
      if (!std::binary_search(f_.agency_first_words_.begin(), f_.agency_first_words_.end(), first)) return 0;
    }
    std::string& q = join_;
    q.assign(head);
    size_t words = 0;
    bool whole = false, last_whole = false;
    for (size_t j = k; j < w.size() && j < k + kMaxPhraseWords; ++j) {
      if (!q.empty()) q += ' ';
      q.append(s_.substr(w[j].b, w[j].e - w[j].b));
      if (!AgencyPrefix(q, whole)) break;
      words = j - k + 1;
      last_whole = whole;
    }
    // A single word alone reads as an agency only when it is one ("Sở", "Hội").
    if (head.empty() && words == 1 && !last_whole) return 0;
    return words;
  }

  // The text of a row's cell, its pieces joined; a lead cell without its "Đề nghị".
  std::string CellText(const std::vector<Range>& pieces, size_t column, ColumnKind kind) {
    std::string out;
    for (const Range& r : pieces) {
      if (!out.empty()) out += ' ';
      out.append(s_.substr(r.begin, r.size()));
    }
    if (kind != kTime && f_.requested_ != nullptr && !out.empty()) {
      // The cue is read once per cell: the text of its first line only grows.
      auto [seen_at, seen_cut] = cue_cut_[column];
      if (seen_at == pieces.front().begin) {
        out.erase(0, std::min(seen_cut, out.size()));
        return out;
      }
      cue_cut_[column] = {pieces.front().begin, 0};
      const ruleset::Pattern* p = f_.requested_;
      int g = std::max(p->group("m"), 0);
      std::array<re2::StringPiece, 8> sub;
      if (g < static_cast<int>(sub.size()) &&
          p->regex().Match(re2::StringPiece(out.data(), out.size()), 0, out.size(), RE2::UNANCHORED, sub.data(), g + 1) &&
          sub[g].data() == out.data()) {
        size_t cut = sub[g].size();
        while (cut < out.size() && out[cut] == ' ') ++cut;
        cue_cut_[column].second = cut;
        out.erase(0, cut);
      }
    }
    return out;
  }

  // What the words of `l` read as near the time, lead and coordinate columns; `row`: the
  // row the line continues (null on a row's first line). Only words in packed runs (one
  // space from a neighbour) are read: elsewhere position is clear.
  void ReadContent(const RawLine& l, const std::vector<uint32_t>& edges, const LayoutRow* row, Content& ct) {
    const size_t n = edges.size(), m = l.words.size();
    const std::vector<Word>& w = l.words;
    ct.starts.assign(m, 0);
    ct.flags.assign(m, 0);
    ct.time = 0;
    fresh_agency_.assign(m, -1);
    for (size_t c = 0; c < n; ++c) {
      ColumnKind kind = kinds_[c];
      if (kind == kTime) ct.time |= 1u << c;
      if (kind != kTime && kind != kLead && kind != kCoordinate) continue;
      uint32_t lo = edges[c] > kContentReach ? edges[c] - kContentReach : 0;
      uint32_t hi = c + 1 < n ? edges[c + 1] : UINT32_MAX;
      hi = std::min(hi, edges[c] + kLateStart + 1);  // a cell starts near its edge
      std::string head;
      bool head_read = false;  // read on the first packed word of the window
      for (size_t k = 0; k < m; ++k) {
        if (w[k].col < lo || w[k].col >= hi) continue;
        bool packed = (k > 0 && w[k].gap == 1) || (k + 1 < m && w[k + 1].gap == 1);
        if (!packed) continue;
        if (!head_read && row != nullptr) {
          head = CellText(row->cells[c], c, kind);
          bool whole = false;
          if (kind != kTime && !AgencyPrefix(head, whole)) head.clear();  // continues no name
        }
        head_read = true;
        bool complete = false, cont_complete = false;
        // A time cell starts with a capital or a digit ("Quý", "31/8/2026"); the text
        // that continues one does not start with a capital letter ("xuyên", "năm 2026").
        bool digit = s_[w[k].b] >= '0' && s_[w[k].b] <= '9';
        bool fresh = (kind != kTime || w[k].upper) && w[k].col + kFreshReach >= edges[c];
        bool more = kind != kTime || !w[k].upper || digit;
        size_t len = 0;
        if (fresh && kind == kTime) {
          len = PhraseWords(l, k, kind, {}, complete);
        } else if (fresh) {  // the same for the lead and the coordinate column
          if (fresh_agency_[k] < 0) fresh_agency_[k] = static_cast<int>(PhraseWords(l, k, kind, {}, complete));
          len = static_cast<size_t>(fresh_agency_[k]);
        }
        size_t cont = head.empty() || !more ? 0 : PhraseWords(l, k, kind, head, cont_complete);
        if (cont > len) {
          len = cont;
          complete = cont_complete;
        }
        if (len == 0) continue;
        ct.starts[k] |= 1u << c;
        if (k > 0 && w[k].gap == 1) ct.flags[k] |= Content::kSplit;
        for (size_t j = k + 1; j < k + len && j < m; ++j) ct.flags[j] |= Content::kInside;
        size_t j = k + len;
        if (kind == kTime && complete && j < m && w[j].gap == 1 && w[j].upper) ct.flags[j] |= Content::kAfter;
      }
    }
    for (uint8_t& f : ct.flags)
      if (f & Content::kInside) f &= static_cast<uint8_t>(~Content::kSplit);
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
    kinds_.clear();
    cue_cut_.fill({SIZE_MAX, 0});
    for (const HeaderColumn& c : h.columns) kinds_.push_back(c.kind);
    bool read_content = false;
    for (ColumnKind k : kinds_) read_content |= k == kTime || k == kLead || k == kCoordinate;
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
      const std::vector<uint32_t>& line_edges = label ? first_edges : edges;
      const Content* content = nullptr;
      if (read_content) {
        // The row this line continues: known before assigning with an index column.
        bool continues = index_col >= 0 && !label && t.rows.size() > 1 && !t.rows.back().section;
        ReadContent(l, line_edges, continues ? &t.rows.back() : nullptr, content_);
        content = &content_;
      }
      int cost = Assign(l, line_edges, label, cols, content);
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
  mutable std::vector<size_t> ends_;
  mutable std::string join_, probe_;  // reused by PhraseWords and DeadlineBytes
  std::vector<int> fresh_agency_;     // [k]: words of an agency phrase at word k alone; -1: unread
  // [column]: where the cell's first piece begins, the bytes of its "Đề nghị" cue.
  std::array<std::pair<size_t, size_t>, kMaxColumns> cue_cut_{};
  mutable std::vector<int> hits_;
  Content content_;
  std::vector<ColumnKind> kinds_;  // of the table's columns
  bool index0_ = false;  // the table's first column is its index
};

Result<LayoutTableFinder> LayoutTableFinder::Create(const ruleset::RuleSet& rules) {
  auto table = ruleset::LoadTableRules(rules);
  if (!table) return table.error();
  LayoutTableFinder f;
  if (table->columns.empty()) return f;
  f.columns_ = std::move(table->columns);
  f.row_number_ = table->row_number;
  f.section_label_ = table->section_label;
  f.column_number_ = table->column_number;
  f.deadline_forms_ = rules.PatternsWithPrefix("deadline.form.");
  std::vector<std::string_view> names;
  for (const ruleset::Pattern* p : f.deadline_forms_) names.push_back(p->name());
  f.deadline_set_ = rules.MatchSet(names);  // compiled now, not in the first document
  if (const ruleset::List* cues = rules.FindList("table.time_cues")) f.time_cues_ = cues->items;
  f.requested_ = rules.FindPattern("table.cell.requested");
  // Names as written: a list item "UBND => Ủy ban nhân dân" is written "UBND".
  auto written = [](std::string_view item) {
    size_t arrow = item.find("=>");
    if (arrow != std::string_view::npos) item = item.substr(0, arrow);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    return std::string(item);
  };
  for (const ruleset::AgencyEntry& a : rules.agencies()) {
    f.agency_words_.push_back(a.name);
    f.agency_words_.insert(f.agency_words_.end(), a.aliases.begin(), a.aliases.end());
  }
  for (std::string_view list : {"agency.head_nouns", "agency.people_committees"})
    if (const ruleset::List* l = rules.FindList(list))
      for (const std::string& item : l->items) f.agency_words_.push_back(written(item));
  std::sort(f.agency_words_.begin(), f.agency_words_.end());
  f.agency_words_.erase(std::unique(f.agency_words_.begin(), f.agency_words_.end()), f.agency_words_.end());
  for (const std::string& name : f.agency_words_) {
    std::string_view first = std::string_view(name).substr(0, name.find(' '));
    while (!first.empty() && first.back() == ',') first.remove_suffix(1);
    f.agency_first_words_.emplace_back(first);
  }
  std::sort(f.agency_first_words_.begin(), f.agency_first_words_.end());
  f.agency_first_words_.erase(std::unique(f.agency_first_words_.begin(), f.agency_first_words_.end()),
                              f.agency_first_words_.end());
  return f;
}

std::vector<LayoutTable> LayoutTableFinder::Find(std::string_view decoded) const {
  if (columns_.empty()) return {};
  return FinderImpl(*this, decoded).Run();
}

}  // namespace notices::normalize::internal
