// FindTables: task tables of a normalized text, header to last row, with sections and
// continuation rows. Tested by tests/extract/table_extractor_test.cc.
#include "pipeline/extract/table_rows.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"

namespace notices::extract {

namespace {

// Longest paragraph read as one cell of a row that normalize cut (a section title, or
// the text of a row with only a number and a text).
constexpr size_t kMaxCutCellBytes = 700;
constexpr size_t kMaxTitleBytes = 250;

std::string_view Slice(std::string_view text, Range r) { return text.substr(r.begin, r.size()); }

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  return u_islower(static_cast<UChar32>(DecodeUtf8(s, i)));
}

class Assembler {
 public:
  Assembler(const normalize::NormalizedText& text, const TableVocabulary& vocab, MatchMode mode)
      : text_(text), t_(text.text), vocab_(vocab), mode_(mode) {}

  std::vector<Table> Run() {
    std::vector<Table> out;
    size_t n = text_.blocks.size();
    size_t i = 0;
    while (i < n) {
      size_t next = 0;
      std::optional<Table> table = Header(i, next);
      if (!table) {
        ++i;
        continue;
      }
      size_t end = Body(*table, next);
      if (!table->rows.empty()) {
        table->span = {text_.blocks[static_cast<size_t>(table->first_block)].range.begin,
                       text_.blocks[static_cast<size_t>(table->last_block)].range.end};
        out.push_back(std::move(*table));
      }
      i = std::max(end, i + 1);
    }
    return out;
  }

 private:
  bool IsParagraph(size_t b) const { return text_.blocks[b].kind == normalize::BlockKind::kParagraph; }
  Range BlockRange(size_t b) const { return text_.blocks[b].range; }
  std::string_view BlockText(size_t b) const { return Slice(t_, BlockRange(b)); }

  // Cells of a block, edge pipes dropped when the row is written with them.
  std::vector<Range> Cells(size_t b) const {
    std::vector<Range> cells = SplitCells(t_, BlockRange(b));
    StripEdges(t_, BlockRange(b), cells);
    return cells;
  }
  bool IsRow(size_t b) const { return IsParagraph(b) && SplitCells(t_, BlockRange(b)).size() >= 3; }

  // A Markdown row without its edge pipes: "| 1 | a |" -> "1 | a", so that the row's
  // text is the same whichever form the table came in.
  Range WithoutEdgePipes(Range r) const {
    auto space = [&](size_t i) { return t_[i] == ' '; };
    if (r.size() > 0 && t_[r.begin] == '|') {
      ++r.begin;
      while (r.begin < r.end && space(r.begin)) ++r.begin;
    }
    if (r.size() > 0 && t_[r.end - 1] == '|') {
      --r.end;
      while (r.end > r.begin && space(r.end - 1)) --r.end;
    }
    return r;
  }

  // "|---|---|" (normalize sees no pipe in it) or "| --- | --- |".
  bool IsSeparatorBlock(size_t b) const {
    std::string_view s = BlockText(b);
    if (s.find("--") == std::string_view::npos) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
  }

  int Filled(const std::vector<Range>& cells) const {
    return static_cast<int>(std::count_if(cells.begin(), cells.end(), [](const Range& r) { return r.size() > 0; }));
  }

  // Every filled cell names a column (a header line, or its repetition on a new page).
  bool AllNames(const std::vector<Range>& cells) const {
    int named = 0;
    for (const Range& c : cells) {
      if (c.size() == 0) continue;
      if (vocab_.Classify(Slice(t_, c), mode_) == ColumnKind::kOther) return false;
      ++named;
    }
    return named > 0;
  }

  bool AllMatch(const std::vector<Range>& cells, bool (TableVocabulary::*test)(std::string_view, MatchMode) const) const {
    int filled = 0;
    for (const Range& c : cells) {
      if (c.size() == 0) continue;
      if (!(vocab_.*test)(Slice(t_, c), mode_)) return false;
      ++filled;
    }
    return filled >= 2;
  }

  static int Named(const TableHeader& h) {
    return static_cast<int>(std::count_if(h.columns.begin(), h.columns.end(),
                                          [](ColumnKind k) { return k != ColumnKind::kOther; }));
  }

  // A table whose header starts at block i; `next` gets the first block after the header.
  std::optional<Table> Header(size_t i, size_t& next) const {
    if (!IsRow(i)) return std::nullopt;
    std::vector<std::vector<Range>> lines{Cells(i)};
    next = i + 1;
    std::optional<TableHeader> one = vocab_.ReadHeader(t_, lines, mode_);
    size_t n = text_.blocks.size();
    if (next < n && IsRow(next)) {
      // A second header line: no row number, short cells, and more columns named.
      std::vector<Range> second = Cells(next);
      bool numbered = std::any_of(second.begin(), second.end(), [&](const Range& c) {
        return vocab_.IsRowNumber(Slice(t_, c), mode_);
      });
      bool short_cells = std::all_of(second.begin(), second.end(), [](const Range& c) { return c.size() < 80; });
      if (!numbered && short_cells) {
        auto two = vocab_.ReadHeader(t_, {lines[0], second}, mode_);
        if (two && two->IsTaskTable() && (!one || !one->IsTaskTable() || Named(*two) > Named(*one))) {
          lines.push_back(std::move(second));
          one = two;
          ++next;
        }
      }
    } else if (next < n && one) {
      // Sub-headers that normalize cut into paragraphs ("Chủ trì", "Phối hợp") under a
      // named cell followed by empty ones (the merged cell over them).
      // Slots: the empty cells after a named cell, with that cell.
      const std::vector<Range>& top = lines[0];
      std::vector<size_t> slots;
      for (size_t c = 0; c + 1 < top.size(); ++c) {
        if (top[c].size() == 0 || top[c + 1].size() != 0) continue;
        size_t span_end = c + 1;
        while (span_end < top.size() && top[span_end].size() == 0) ++span_end;
        for (size_t s = c; s < span_end; ++s) slots.push_back(s);
        c = span_end - 1;
      }
      std::vector<size_t> subs;
      for (size_t b = next; b < n && subs.size() < slots.size() && !IsRow(b) && IsParagraph(b); ++b) {
        if (vocab_.Classify(BlockText(b), mode_) == ColumnKind::kOther) break;
        subs.push_back(b);
      }
      if (!subs.empty()) {
        std::vector<Range> second(top.size(), Range{});
        size_t k = 0;
        for (; k < subs.size(); ++k) second[slots[k]] = BlockRange(subs[k]);
        if (k == subs.size()) {
          auto two = vocab_.ReadHeader(t_, {top, second}, mode_);
          if (two && two->IsTaskTable()) {
            lines.push_back(std::move(second));
            one = two;
            next += subs.size();
          }
        }
      }
    }
    if (!one || !one->IsTaskTable()) return std::nullopt;
    Table t;
    t.header = *one;
    t.first_block = static_cast<int>(i);
    t.last_block = static_cast<int>(next - 1);
    return t;
  }

  // Fits a row's cells to the header's columns: extra empty cells at the end go, missing
  // ones are empty.
  std::vector<std::vector<Range>> Fit(const Table& t, const std::vector<Range>& cells) const {
    size_t width = t.header.columns.size();
    std::vector<std::vector<Range>> out(width);
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].size() == 0) continue;
      size_t at = std::min(c, width - 1);
      out[at].push_back(cells[c]);
    }
    return out;
  }

  std::string_view Cell(const TableRow& r, int col) const {
    if (col < 0 || static_cast<size_t>(col) >= r.cells.size() || r.cells[static_cast<size_t>(col)].size() == 0) return {};
    return Slice(t_, r.cells[static_cast<size_t>(col)]);
  }

  void AddSection(Table& t, std::string_view label, std::string_view title, Range span) {
    TableSection s;
    s.label = std::string(label);
    while (!s.label.empty() && (s.label.back() == '.' || s.label.back() == ')')) s.label.pop_back();
    s.title = std::string(title);
    s.span = span;
    t.sections.push_back(std::move(s));
  }

  void AddRow(Table& t, std::vector<std::vector<Range>> cells, Range span) {
    TableRow r;
    r.cells.resize(cells.size());
    for (size_t c = 0; c < cells.size(); ++c) r.cells[c] = cells[c].empty() ? Range{span.begin, span.begin} : cells[c][0];
    r.span = span;
    r.section = static_cast<int>(t.sections.size()) - 1;
    t.rows.push_back(std::move(r));
    more_.push_back(std::move(cells));
  }

  // Paragraphs between two rows: a section row or a data row that normalize cut.
  // False when they cannot belong to the table.
  bool Pending(Table& t, const std::vector<size_t>& pending) {
    if (pending.empty()) return true;
    for (size_t b : pending)
      if (BlockRange(b).size() > kMaxCutCellBytes) return false;
    std::vector<std::string_view> s;
    for (size_t b : pending) s.push_back(BlockText(b));
    // Sub-headers of a header repeated on a new page.
    if (std::all_of(s.begin(), s.end(), [&](std::string_view x) {
          return std::find(header_cells_.begin(), header_cells_.end(), x) != header_cells_.end();
        }))
      return true;
    Range first = BlockRange(pending.front()), last = BlockRange(pending.back());
    Range span{first.begin, last.end};
    std::string_view label, title;
    if (s.size() == 2 && vocab_.IsSectionLabel(s[0], mode_) && s[1].size() <= kMaxTitleBytes) {
      AddSection(t, s[0], s[1], span);
      return true;
    }
    if (s.size() == 2 && vocab_.IsRowNumber(s[0], mode_)) {
      int index = t.header.Find(ColumnKind::kIndex), task = t.header.Find(ColumnKind::kTask);
      std::vector<std::vector<Range>> cells(t.header.columns.size());
      if (index >= 0) cells[static_cast<size_t>(index)].push_back(first);
      cells[static_cast<size_t>(task)].push_back(last);
      AddRow(t, std::move(cells), span);
      return true;
    }
    for (size_t k = 0; k < s.size(); ++k) {
      if (vocab_.SplitSectionCell(s[k], mode_, label, title)) {
        AddSection(t, label, title, BlockRange(pending[k]));
      } else if (vocab_.IsSectionLabel(s[k], mode_)) {
        AddSection(t, s[k], "", BlockRange(pending[k]));
      } else if (s[k].size() > kMaxTitleBytes) {
        return false;
      } else {
        AddSection(t, "", s[k], BlockRange(pending[k]));
      }
    }
    return true;
  }

  // Reads rows from block `b` on; returns the first block after the table.
  size_t Body(Table& t, size_t b) {
    more_.clear();
    header_cells_.clear();
    for (size_t h = static_cast<size_t>(t.first_block); h <= static_cast<size_t>(t.last_block); ++h)
      for (const Range& c : SplitCells(t_, BlockRange(h)))
        if (c.size() > 0) header_cells_.push_back(Slice(t_, c));
    size_t n = text_.blocks.size();
    int index = t.header.Find(ColumnKind::kIndex);
    int lead = t.header.Find(ColumnKind::kLead);
    int task = t.header.Find(ColumnKind::kTask);
    std::vector<size_t> pending;
    for (; b < n && IsParagraph(b); ++b) {
      if (IsSeparatorBlock(b)) continue;
      if (!IsRow(b)) {
        pending.push_back(b);
        if (pending.size() > 2) break;
        continue;
      }
      std::vector<Range> raw = Cells(b);
      // Another task table starts here.
      if (!AllNames(raw)) {
        auto other = vocab_.ReadHeader(t_, {raw}, mode_);
        if (other && other->IsTaskTable() && other->columns != t.header.columns) break;
      }
      if (!Pending(t, pending)) break;
      pending.clear();
      t.last_block = static_cast<int>(b);
      Range span = WithoutEdgePipes(BlockRange(b));
      if (AllNames(raw) || AllMatch(raw, &TableVocabulary::IsColumnNumberCell) ||
          AllMatch(raw, &TableVocabulary::IsSeparatorCell))
        continue;
      std::vector<std::vector<Range>> cells = Fit(t, raw);
      auto text_of = [&](int col) -> std::string_view {
        if (col < 0 || cells[static_cast<size_t>(col)].empty()) return {};
        return Slice(t_, cells[static_cast<size_t>(col)][0]);
      };
      std::string_view number = text_of(index);
      // "II | PHÁT TRIỂN HẠ TẦNG | | |": a section row that kept three cells.
      if (!number.empty() && vocab_.IsSectionLabel(number, mode_) && text_of(lead).empty()) {
        std::string_view title = text_of(task);
        if (title.empty())
          for (size_t c = 0; c < cells.size() && title.empty(); ++c)
            if (static_cast<int>(c) != index && !cells[c].empty()) title = Slice(t_, cells[c][0]);
        AddSection(t, number, title, span);
        continue;
      }
      // A row that carries on the one above: no number, its text starts in lowercase.
      if (!t.rows.empty() && number.empty()) {
        std::string_view first;
        for (const auto& c : cells)
          if (!c.empty()) {
            first = Slice(t_, c[0]);
            break;
          }
        if (StartsLower(first)) {
          TableRow& prev = t.rows.back();
          auto& prev_cells = more_.back();
          for (size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty()) continue;
            if (prev_cells[c].empty()) prev.cells[c] = cells[c][0];
            prev_cells[c].insert(prev_cells[c].end(), cells[c].begin(), cells[c].end());
          }
          prev.span.end = span.end;
          continue;
        }
      }
      AddRow(t, std::move(cells), span);
    }
    // The wrapped pieces of each cell after its first.
    for (size_t r = 0; r < t.rows.size(); ++r) {
      for (size_t c = 0; c < more_[r].size(); ++c)
        for (size_t k = 1; k < more_[r][c].size(); ++k) t.rows[r].wrapped.push_back({static_cast<int>(c), more_[r][c][k]});
    }
    return static_cast<size_t>(t.last_block) + 1;
  }

  const normalize::NormalizedText& text_;
  std::string_view t_;
  const TableVocabulary& vocab_;
  MatchMode mode_;
  std::vector<std::vector<std::vector<Range>>> more_;  // per row, per column: its pieces
  std::vector<std::string_view> header_cells_;        // the texts of the header's cells
};

}  // namespace

std::vector<Table> FindTables(const normalize::NormalizedText& text, const TableVocabulary& vocab,
                              MatchMode mode) {
  return Assembler(text, vocab, mode).Run();
}

}  // namespace notices::extract
