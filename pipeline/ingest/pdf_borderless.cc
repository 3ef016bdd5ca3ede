// pdf::ColumnVocabulary and pdf::BorderlessRules: task tables drawn without ruling lines
// -> the ruling lines TakeTables reads. Tested by tests/ingest/pdf_borderless_test.cc
// (pages built by hand) and, end to end, tests/golden/golden_test.py (the borderless
// samples give the same tasks as the text).
#include "pipeline/ingest/pdf_borderless.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

namespace notices::ingest::pdf {

using Column = ColumnVocabulary::Column;

Result<std::shared_ptr<const ColumnVocabulary>> ColumnVocabulary::Create(
    std::shared_ptr<const ruleset::RuleSet> rules) {
  if (!rules) return Error(ErrorCode::kInternal, "ColumnVocabulary::Create: no rules");
  auto table = ruleset::LoadTableRules(*rules);
  if (!table) return table.error();
  auto v = std::make_shared<ColumnVocabulary>();
  v->table_ = std::move(table).value();
  v->rules_ = std::move(rules);
  return std::shared_ptr<const ColumnVocabulary>(std::move(v));
}

namespace {

// The patterns are anchored (^...$): a partial match is a whole-cell match.
bool Whole(const ruleset::Pattern* p, std::string_view cell) {
  return p != nullptr && RE2::PartialMatch(re2::StringPiece(cell.data(), cell.size()), p->regex());
}

}  // namespace

Column ColumnVocabulary::Classify(std::string_view cell) const {
  for (const ruleset::TableColumn& c : table_.columns)
    if (Whole(c.pattern, cell)) return c.kind;
  return Column::kOther;
}
bool ColumnVocabulary::Names(std::string_view cell, Column column) const {
  const std::vector<ruleset::TableColumn>& columns = table_.columns;
  size_t last = columns.size();
  while (last > 0 && columns[last - 1].kind != column) --last;
  for (size_t i = 0; i < last; ++i)
    if (Whole(columns[i].pattern, cell)) return columns[i].kind == column;
  return false;
}
bool ColumnVocabulary::IsRowNumber(std::string_view cell) const { return Whole(table_.row_number, cell); }
bool ColumnVocabulary::IsSectionLabel(std::string_view cell) const { return Whole(table_.section_label, cell); }
bool ColumnVocabulary::IsColumnNumber(std::string_view cell) const { return Whole(table_.column_number, cell); }

namespace {

constexpr size_t kMaxHeaderLines = 3;
constexpr size_t kMaxHeaderWords = 8;  // words in one piece of a header line
constexpr size_t kMaxIndexWords = 3;   // words of the index column's name ("Số thứ tự")
constexpr double kPieceGap = 0.5;      // x type size: a wider gap between words parts pieces
constexpr double kHeaderPitch = 1.8;   // x type size between the baselines of a header's lines
constexpr double kRowGap = 2.0;        // x type size between baselines: the table has ended
constexpr double kSizeChange = 1.5;    // pt of type size: another text
constexpr double kCross = 0.5;         // pt a word must reach past an edge to cross it
constexpr double kSame = 1.0;          // pt: word starts this close start one column
constexpr double kRiver = 1.5;         // pt left of a column start that no word may cover
constexpr double kMargin = 0.12;       // of the page height: the top margin (page numbers)
constexpr double kBottom = 0.9;        // of the page height: below it, the bottom margin

// A line across the page: the words on one baseline, whatever block Poppler put them in.
struct VLine {
  std::vector<const Word*> words;  // left to right
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0, base = 0, size = 0;
};

std::vector<VLine> Lines(const Page& page) {
  std::vector<const Word*> words;
  for (const Block& b : page.blocks) {
    if (b.rotated) continue;
    for (const Line& l : b.lines)
      for (const Word& w : l.words)
        // Non-finite coordinates (a damaged PDF) would break the sorts.
        if (!w.text.empty() && std::isfinite(w.base) && std::isfinite(w.x0) && std::isfinite(w.x1) &&
            std::isfinite(w.y0) && std::isfinite(w.y1) && std::isfinite(w.size))
          words.push_back(&w);
  }
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    return a->base != b->base ? a->base < b->base : a->x0 < b->x0;
  });
  std::vector<VLine> out;
  for (const Word* w : words) {
    if (!out.empty()) {
      const Word* first = out.back().words.front();
      if (std::fabs(w->base - first->base) <= 0.3 * std::min(w->size, first->size)) {
        out.back().words.push_back(w);
        continue;
      }
    }
    out.emplace_back();
    out.back().words.push_back(w);
  }
  for (VLine& l : out) {
    std::sort(l.words.begin(), l.words.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
    l.x0 = l.y0 = 1e18;
    l.x1 = l.y1 = -1e18;
    std::vector<double> sizes;
    for (const Word* w : l.words) {
      l.x0 = std::min(l.x0, w->x0);
      l.x1 = std::max(l.x1, w->x1);
      l.y0 = std::min(l.y0, w->y0);
      l.y1 = std::max(l.y1, w->y1);
      sizes.push_back(w->size);
    }
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
    l.size = sizes[sizes.size() / 2];
    l.base = l.words.front()->base;
  }
  return out;
}

// Words [from, to) of a line, apart from the next piece by a gap of half the type size.
struct Piece {
  size_t line = 0, from = 0, to = 0;
  double x0 = 0, x1 = 0;
};

bool Overlap(const Piece& a, const Piece& b) { return a.x0 < b.x1 - kCross && b.x0 < a.x1 - kCross; }

std::string Join(const VLine& l, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) {
    if (!s.empty()) s.push_back(' ');
    s += l.words[i]->text;
  }
  return s;
}

// What a table line is, by its index column and the column edges.
enum class Role { kNo, kRow, kSection, kMore };

// Per line, computed once: its pieces, and whether its first word labels a row.
struct LineInfo {
  std::vector<Piece> pieces;
  size_t longest = 0;  // words in its longest piece
  bool label = false;  // first word: a row number, section label or column number
  bool section = false;
  bool index = false;  // first piece: the index column's name ("STT")
};

struct Header {
  size_t first = 0, count = 0;
  int named = -1;
  std::vector<Piece> pieces;  // every piece of the band
  std::vector<Piece> leaves;  // left to right
};

class Finder {
 public:
  Finder(const Page& page, const ColumnVocabulary& vocab) : page_(page), vocab_(vocab), lines_(Lines(page)) {
    info_.resize(lines_.size());
    for (size_t i = 0; i < lines_.size(); ++i) {
      const VLine& l = lines_[i];
      LineInfo& in = info_[i];
      size_t from = 0;
      for (size_t k = 1; k <= l.words.size(); ++k) {
        if (k < l.words.size() && l.words[k]->x0 - l.words[k - 1]->x1 < kPieceGap * l.size) continue;
        in.pieces.push_back({i, from, k, l.words[from]->x0, l.words[k - 1]->x1});
        in.longest = std::max(in.longest, k - from);
        from = k;
      }
      const std::string& first = l.words.front()->text;
      in.section = vocab_.IsSectionLabel(first);
      in.label = in.section || vocab_.IsRowNumber(first) || vocab_.IsColumnNumber(first);
      const Piece& p = in.pieces.front();
      in.index = !in.label && p.to - p.from <= kMaxIndexWords &&
                 vocab_.Names(Join(l, p.from, p.to), Column::kIndex);
    }
  }

  std::vector<Rule> Run(BorderlessCarry& carry) {
    std::vector<Rule> out;
    size_t i = 0;
    if (carry.open) {
      BorderlessCarry in = carry;
      carry.open = false;
      i = Continue(in, carry, out);
    } else {
      carry.open = false;
    }
    while (i < lines_.size()) {
      std::optional<Header> h = FindHeader(i);
      if (!h) {
        ++i;
        continue;
      }
      size_t end = Table(*h, carry, out);
      i = std::max(end, h->first + h->count);
    }
    return out;
  }

 private:
  // ---- header

  std::optional<Header> FindHeader(size_t i) const {
    std::optional<Header> best;
    for (size_t s = i; s < i + kMaxHeaderLines && s < lines_.size(); ++s)
      for (size_t k = 1; k <= kMaxHeaderLines && s + k <= lines_.size(); ++k) {
        // The index column's name starts one of the band's lines: a cheap test first.
        bool index = false;
        for (size_t j = s; j < s + k; ++j) index = index || info_[j].index;
        std::optional<Header> h = index ? ReadHeader(s, k) : std::nullopt;
        if (!h) {
          if (k == 1 && (info_[s].label || info_[s].longest > kMaxHeaderWords)) break;
          continue;
        }
        // Most columns named; from one start, the longest band ("phẩm" under "Kết quả/sản").
        if (!best || h->named > best->named || (h->named == best->named && h->first == best->first))
          best = std::move(h);
      }
    return best;
  }

  std::optional<Header> ReadHeader(size_t first, size_t count) const {
    Header h;
    h.first = first;
    h.count = count;
    for (size_t k = first; k < first + count; ++k) {
      const LineInfo& in = info_[k];
      if (in.label || in.longest > kMaxHeaderWords) return std::nullopt;
      if (k > first) {
        double gap = lines_[k].base - lines_[k - 1].base;
        if (gap <= 0 || gap > kHeaderPitch * std::max(lines_[k].size, lines_[k - 1].size)) return std::nullopt;
      }
      h.pieces.insert(h.pieces.end(), in.pieces.begin(), in.pieces.end());
    }
    if (h.pieces.size() < 3) return std::nullopt;
    // Columns: pieces that overlap, line to line.
    size_t n = h.pieces.size();
    std::vector<size_t> group(n);
    for (size_t a = 0; a < n; ++a) group[a] = a;
    auto find = [&](size_t a) {
      while (group[a] != a) a = group[a] = group[group[a]];
      return a;
    };
    for (size_t a = 0; a < n; ++a)
      for (size_t b = a + 1; b < n; ++b)
        if (h.pieces[a].line != h.pieces[b].line && Overlap(h.pieces[a], h.pieces[b])) group[find(a)] = find(b);
    struct Col {
      double x0 = 1e18;
      std::vector<size_t> pieces;  // in line order, left to right
    };
    std::vector<Col> cols;
    std::vector<int> col_of(n, -1);
    for (size_t a = 0; a < n; ++a) {
      size_t r = find(a);
      if (col_of[r] < 0) {
        col_of[r] = static_cast<int>(cols.size());
        cols.emplace_back();
      }
      Col& c = cols[static_cast<size_t>(col_of[r])];
      c.pieces.push_back(a);
      c.x0 = std::min(c.x0, h.pieces[a].x0);
    }
    if (cols.size() < 3) return std::nullopt;
    std::sort(cols.begin(), cols.end(), [](const Col& a, const Col& b) { return a.x0 < b.x0; });
    bool task = false, lead_or_time = false;
    h.named = 0;
    for (size_t c = 0; c < cols.size(); ++c) {
      Column kind = Name(h, cols[c].pieces);
      if (c == 0 && kind != Column::kIndex) return std::nullopt;
      task = task || kind == Column::kTask;
      lead_or_time = lead_or_time || kind == Column::kLead || kind == Column::kTime;
      h.named += kind != Column::kOther;
    }
    if (!task || !lead_or_time || static_cast<size_t>(h.named) * 2 < cols.size()) return std::nullopt;
    for (size_t a = 0; a < n; ++a) {
      bool under = false;
      for (size_t b = 0; b < n && !under; ++b)
        under = h.pieces[b].line > h.pieces[a].line && Overlap(h.pieces[a], h.pieces[b]);
      if (!under) h.leaves.push_back(h.pieces[a]);
    }
    std::sort(h.leaves.begin(), h.leaves.end(), [](const Piece& a, const Piece& b) { return a.x0 < b.x0; });
    return h;
  }

  // A column's name: its lowest line that names anything on its own, else all its lines.
  Column Name(const Header& h, const std::vector<size_t>& pieces) const {
    std::string all;
    for (size_t k = h.first + h.count; k-- > h.first;) {
      std::string text;
      for (size_t p : pieces) {
        const Piece& pc = h.pieces[p];
        if (pc.line != k) continue;
        if (!text.empty()) text.push_back(' ');
        text += Join(lines_[k], pc.from, pc.to);
      }
      if (text.empty()) continue;
      Column c = vocab_.Classify(text);
      if (c != Column::kOther) return c;
      all = all.empty() ? text : text + " " + all;
    }
    return vocab_.Classify(all);
  }

  // ---- lines under a header

  // The role of line `k` under column edges `cuts` (inner edges, left to right).
  Role RoleOf(size_t k, const std::vector<double>& cuts, bool in_section) const {
    const VLine& l = lines_[k];
    size_t index_words = 0;
    while (index_words < l.words.size() && l.words[index_words]->x0 < cuts.front()) ++index_words;
    Role role = Role::kMore;
    if (index_words > 0) {
      if (!info_[k].label) return Role::kNo;
      if (info_[k].section) role = Role::kSection;
      else if (index_words > 1) return Role::kNo;
      else role = Role::kRow;
    }
    bool section = role == Role::kSection || (role == Role::kMore && in_section);
    if (!section)
      for (const Word* w : l.words)
        for (double c : cuts)
          if (w->x0 < c - kCross && w->x1 > c + kCross) return Role::kNo;
    return role;
  }

  bool Crosses(size_t k, const std::vector<double>& cuts) const {
    for (const Word* w : lines_[k].words)
      for (double c : cuts)
        if (w->x0 < c - kCross && w->x1 > c + kCross) return true;
    return false;
  }

  // Lines [from, end) that may belong to a table whose rows are `size` pt: no big gap,
  // no change of type size.
  size_t Reach(size_t from, double size) const {
    size_t end = from;
    while (end < lines_.size()) {
      const VLine& l = lines_[end];
      if (std::fabs(l.size - size) > kSizeChange) break;
      if (end > from && l.base - lines_[end - 1].base > kRowGap * std::max(size, lines_[end - 1].size)) break;
      ++end;
    }
    return end;
  }

  // Walks lines [from, end) with the edges `cuts`: the end of the table's lines.
  size_t Walk(size_t from, size_t end, const std::vector<double>& cuts) const {
    bool in_section = false;
    size_t k = from;
    for (; k < end; ++k) {
      Role r = RoleOf(k, cuts, in_section);
      if (r == Role::kNo) break;
      if (r != Role::kMore) in_section = r == Role::kSection;
    }
    return k;
  }

  // Column edges between the header's leaves, from the words of lines [from, end).
  std::vector<double> Cuts(const Header& h, size_t from, size_t end) const {
    struct Start {
      double x;
      size_t line;
    };
    std::vector<Start> starts;
    std::vector<std::pair<double, double>> spans;
    bool in_section = false;
    for (size_t k = from; k < end; ++k) {
      // Section titles may run across the edges: no evidence of them.
      if (info_[k].label) in_section = info_[k].section;
      if (in_section) continue;
      for (const Word* w : lines_[k].words) {
        starts.push_back({w->x0, k});
        spans.push_back({w->x0, w->x1});
      }
    }
    std::sort(starts.begin(), starts.end(), [](const Start& a, const Start& b) { return a.x < b.x; });
    // River test in log time: spans by start, with the furthest end reached so far.
    std::sort(spans.begin(), spans.end());
    std::vector<double> reach(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) reach[i] = std::max(spans[i].second, i ? reach[i - 1] : -1e18);
    auto river = [&](double edge) {
      size_t n = static_cast<size_t>(std::lower_bound(spans.begin(), spans.end(), std::make_pair(edge - 0.3, -1e18)) -
                                     spans.begin());
      return n == 0 || reach[n - 1] <= edge - kRiver;
    };
    struct Candidate {
      double edge;
      size_t support;
    };
    std::vector<Candidate> candidates;
    for (size_t a = 0; a < starts.size();) {
      size_t b = a;
      std::vector<size_t> seen;
      while (b < starts.size() && starts[b].x - starts[a].x <= kSame) seen.push_back(starts[b++].line);
      std::sort(seen.begin(), seen.end());
      size_t support = static_cast<size_t>(std::unique(seen.begin(), seen.end()) - seen.begin());
      double edge = starts[a].x;
      a = b;
      if (support < 2) continue;
      bool cuts_leaf = std::any_of(h.leaves.begin(), h.leaves.end(),
                                   [&](const Piece& p) { return p.x0 + kSame < edge && edge < p.x1 - kSame; });
      if (!cuts_leaf && river(edge)) candidates.push_back({edge, support});
    }
    double size = lines_[from < end ? from : h.first].size;
    std::vector<double> cuts;
    for (size_t i = 0; i + 1 < h.leaves.size(); ++i) {
      double lo = h.leaves[i].x1 - kSame, hi = h.leaves[i + 1].x0 + kSame;
      std::vector<Candidate> here;
      for (const Candidate& c : candidates) {
        if (c.edge <= lo || c.edge > hi) continue;
        if (!here.empty() && c.edge - here.back().edge < 1.5 * size) {
          if (c.support > here.back().support) here.back() = c;
          continue;
        }
        here.push_back(c);
      }
      if (!here.empty()) {
        // One edge between two leaves: the best supported start; more only under a
        // header cell spanning columns (whose sub-headers may sit anywhere).
        const Candidate* best = nullptr;
        for (const Candidate& c : here) {
          bool spanned = std::any_of(h.pieces.begin(), h.pieces.end(),
                                     [&](const Piece& p) { return p.x0 + kSame < c.edge && c.edge < p.x1 - kSame; });
          if (spanned) cuts.push_back(c.edge - 0.25);
          else if (best == nullptr || c.support > best->support) best = &c;
        }
        if (best != nullptr) cuts.push_back(best->edge - 0.25);
        continue;
      }
      cuts.push_back(EmptiestX(spans, h.leaves[i].x1, h.leaves[i + 1].x0));
    }
    std::sort(cuts.begin(), cuts.end());
    return cuts;
  }

  // The middle of the widest stretch of [lo, hi] that no word covers (centred cells),
  // or of [lo, hi] when words cover all of it. `spans`: the words' [x0, x1], by x0.
  static double EmptiestX(const std::vector<std::pair<double, double>>& spans, double lo, double hi) {
    double best_lo = lo, best_hi = lo, at = lo;
    for (const auto& [a, b] : spans) {
      if (b <= at) continue;
      if (a >= hi) break;
      if (a > at && a - at > best_hi - best_lo) best_lo = at, best_hi = a;
      at = std::max(at, b);
    }
    if (hi > at && hi - at > best_hi - best_lo) best_lo = at, best_hi = hi;
    if (best_hi <= best_lo) return (lo + hi) / 2;
    return (best_lo + best_hi) / 2;
  }

  // The first inner edge (index | next column), from the most common word start
  // between the first two leaves: enough to tell the table's lines from the prose under it.
  double FirstCut(const Header& h, size_t from, size_t end) const {
    double lo = h.leaves[0].x1 - kSame, hi = h.leaves[1].x0 + kSame;
    std::vector<std::pair<double, size_t>> starts;
    for (size_t k = from; k < end; ++k)
      for (const Word* w : lines_[k].words)
        if (w->x0 > lo && w->x0 <= hi) starts.push_back({w->x0, k});
    std::sort(starts.begin(), starts.end());
    double best = (h.leaves[0].x1 + h.leaves[1].x0) / 2;
    size_t best_n = 0;
    for (size_t a = 0; a < starts.size();) {
      size_t b = a;
      std::vector<size_t> seen;
      while (b < starts.size() && starts[b].first - starts[a].first <= kSame) seen.push_back(starts[b++].second);
      std::sort(seen.begin(), seen.end());
      size_t n = static_cast<size_t>(std::unique(seen.begin(), seen.end()) - seen.begin());
      if (n > best_n) best = starts[a].first - 0.25, best_n = n;
      a = b;
    }
    return best;
  }

  // Reads the table under `h`: appends its ruling lines, sets `carry`; returns the line
  // after it (h's first line when there is no table).
  size_t Table(const Header& h, BorderlessCarry& carry, std::vector<Rule>& out) const {
    size_t body = h.first + h.count;
    if (body >= lines_.size()) return h.first + 1;
    double size = lines_[body].size;
    size_t reach = Reach(body, size);
    if (reach == body) return h.first + 1;
    std::vector<double> cuts{FirstCut(h, body, reach)};
    size_t end = Walk(body, reach, cuts);
    // Edges from the table's lines; a line they show to cross ends the table sooner.
    for (int round = 0; round < 3 && end > body; ++round) {
      cuts = Cuts(h, body, end);
      size_t again = Walk(body, end, cuts);
      if (again == end) break;
      end = again;
    }
    bool rows = false;
    for (size_t k = body; k < end && !rows; ++k) rows = info_[k].label && !info_[k].section;
    if (!rows) return h.first + 1;
    double left = 1e18, right = -1e18;
    for (size_t k = h.first; k < end; ++k) left = std::min(left, lines_[k].x0), right = std::max(right, lines_[k].x1);
    std::vector<double> xs{left - 0.5};
    xs.insert(xs.end(), cuts.begin(), cuts.end());
    xs.push_back(right + 0.5);
    Emit(&h, body, end, xs, out);
    Carry(end, xs, size, carry);
    return end;
  }

  // A continuation page: its first lines in the carried columns. Returns the line after.
  size_t Continue(const BorderlessCarry& in, BorderlessCarry& carry, std::vector<Rule>& out) const {
    size_t from = 0;
    while (from < lines_.size() && lines_[from].y1 <= page_.height * kMargin &&
           IsPageNumberText(Join(lines_[from], 0, lines_[from].words.size())))
      ++from;
    if (from >= lines_.size() || std::fabs(lines_[from].size - in.size) > kSizeChange) return 0;
    std::vector<double> cuts(in.xs.begin() + 1, in.xs.end() - 1);
    size_t end = Walk(from, Reach(from, in.size), cuts);
    if (end == from) return 0;
    Emit(nullptr, from, end, in.xs, out);
    Carry(end, in.xs, in.size, carry);
    return end;
  }

  void Carry(size_t end, const std::vector<double>& xs, double size, BorderlessCarry& carry) const {
    bool last = true;
    for (size_t k = end; k < lines_.size() && last; ++k) last = lines_[k].y0 >= page_.height * kBottom;
    carry.open = last;
    carry.xs = xs;
    carry.size = size;
  }

  // The ruling lines of a table: header rows (when `h`), then rows of lines [body, end).
  void Emit(const Header* h, size_t body, size_t end, const std::vector<double>& xs, std::vector<Rule>& out) const {
    std::vector<double> cuts(xs.begin() + 1, xs.end() - 1);
    struct Band {
      size_t first, last;           // lines
      std::vector<bool> merged;     // per inner edge: no line there
    };
    std::vector<Band> bands;
    auto merged_by = [&](const std::vector<Piece>& pieces, size_t first, size_t last) {
      std::vector<bool> m(cuts.size(), false);
      for (const Piece& p : pieces)
        if (p.line >= first && p.line <= last)
          for (size_t c = 0; c < cuts.size(); ++c) m[c] = m[c] || (p.x0 < cuts[c] - kCross && p.x1 > cuts[c] + kCross);
      return m;
    };
    if (h != nullptr) {
      // A header line with a cell over several columns, and lines under that cell: two rows.
      size_t last = h->first + h->count - 1, split = last;
      for (const Piece& p : h->pieces) {
        bool spans = std::any_of(cuts.begin(), cuts.end(),
                                 [&](double c) { return p.x0 < c - kCross && p.x1 > c + kCross; });
        if (!spans || p.line >= split) continue;
        bool under = std::any_of(h->pieces.begin(), h->pieces.end(),
                                 [&](const Piece& q) { return q.line > p.line && Overlap(p, q); });
        if (under) split = p.line;
      }
      bands.push_back({h->first, split, merged_by(h->pieces, h->first, split)});
      if (split < last) bands.push_back({split + 1, last, merged_by(h->pieces, split + 1, last)});
    }
    bool in_section = false;
    for (size_t k = body; k < end; ++k) {
      Role r = RoleOf(k, cuts, in_section);
      if (r != Role::kMore) in_section = r == Role::kSection;
      bool starts = r != Role::kMore || k == body;
      if (starts) bands.push_back({k, k, std::vector<bool>(cuts.size(), false)});
      Band& b = bands.back();
      b.last = k;
      // A section row written from the index column on, or across an edge: one cell.
      if (r == Role::kSection && lines_[k].words.size() > 1 && lines_[k].words[1]->x0 < cuts.front())
        b.merged.assign(cuts.size(), true);
      if (in_section && Crosses(k, cuts)) b.merged.assign(cuts.size(), true);
    }
    double top = lines_[bands.front().first].y0 - 0.5, bottom = lines_[bands.back().last].y1 + 0.5;
    std::vector<double> ys{top};
    for (size_t b = 1; b < bands.size(); ++b)
      ys.push_back((lines_[bands[b - 1].last].y1 + lines_[bands[b].first].y0) / 2);
    ys.push_back(bottom);
    for (double y : ys) out.push_back({xs.front(), y, xs.back(), y});
    out.push_back({xs.front(), top, xs.front(), bottom});
    out.push_back({xs.back(), top, xs.back(), bottom});
    for (size_t b = 0; b < bands.size(); ++b)
      for (size_t c = 0; c < cuts.size(); ++c)
        if (!bands[b].merged[c]) out.push_back({cuts[c], ys[b], cuts[c], ys[b + 1]});
  }

  const Page& page_;
  const ColumnVocabulary& vocab_;
  std::vector<VLine> lines_;
  std::vector<LineInfo> info_;
};

}  // namespace

std::vector<Rule> BorderlessRules(const Page& page, const ColumnVocabulary& vocabulary, BorderlessCarry& carry) {
  if (vocabulary.empty()) {
    carry.open = false;
    return {};
  }
  return Finder(page, vocabulary).Run(carry);
}

}  // namespace notices::ingest::pdf
