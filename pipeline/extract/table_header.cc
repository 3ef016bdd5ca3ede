// SplitCells, StripEdges, TableVocabulary (column names and row patterns of
// rules/tables.toml). Tested by tests/extract/table_header_test.cc.
#include "pipeline/extract/table_header.h"

#include <algorithm>
#include <string>

namespace notices::extract {

namespace {

constexpr std::string_view kRequired[] = {
    "table.row.number",          "table.row.section_label", "table.row.section_cell",
    "table.row.separator_cell",  "table.row.column_number_cell", "table.cell.requested",
};
constexpr std::string_view kRequiredLists[] = {"table.time_cues"};

Range TrimSpaces(std::string_view text, Range r) {
  while (r.begin < r.end && text[r.begin] == ' ') ++r.begin;
  while (r.end > r.begin && text[r.end - 1] == ' ') --r.end;
  return r;
}

std::string_view Slice(std::string_view text, Range r) { return text.substr(r.begin, r.size()); }

}  // namespace

int TableHeader::Find(ColumnKind kind) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == kind) return static_cast<int>(i);
  return -1;
}

std::vector<Range> SplitCells(std::string_view text, Range line) {
  line.end = std::min(line.end, text.size());
  std::vector<Range> cells;
  size_t start = line.begin;
  const std::string_view upto = text.substr(0, line.end);  // find() stops at the line's end
  for (size_t i = upto.find('|', line.begin); i != std::string_view::npos; i = upto.find('|', i + 1)) {
    bool left = i == line.begin || text[i - 1] == ' ';
    bool right = i + 1 == line.end || text[i + 1] == ' ';
    if (!left || !right) continue;
    cells.push_back(TrimSpaces(text, {start, i}));
    start = i + 1;
  }
  cells.push_back(TrimSpaces(text, {start, line.end}));
  return cells;
}

void StripEdges(std::string_view text, Range line, std::vector<Range>& cells) {
  Range t = TrimSpaces(text, line);
  if (cells.size() >= 2 && t.size() > 0 && text[t.end - 1] == '|' && cells.back().size() == 0)
    cells.pop_back();
  if (cells.size() >= 2 && t.size() > 0 && text[t.begin] == '|' && cells.front().size() == 0)
    cells.erase(cells.begin());
}

Result<TableVocabulary> TableVocabulary::Create(std::shared_ptr<const ruleset::RuleSet> rules) {
  if (!rules) return Error(ErrorCode::kInternal, "TableVocabulary::Create: no rules");
  if (auto st = rules->Require(kRequired, kRequiredLists); !st) return st.error();
  auto table = ruleset::LoadTableRules(*rules);
  if (!table) return table.error();
  if (table->columns.empty())
    return Error(ErrorCode::kRuleSyntax, "the rules have no table.column.* pattern (rules/tables.toml)");
  TableVocabulary v;
  v.columns_ = table->columns;
  v.row_number_ = table->row_number;
  v.section_label_ = table->section_label;
  v.section_cell_ = rules->FindPattern("table.row.section_cell");
  v.separator_ = rules->FindPattern("table.row.separator_cell");
  v.column_number_ = table->column_number;
  v.requested_ = rules->FindPattern("table.cell.requested");
  v.time_cues_ = rules->list("table.time_cues").items;
  v.rules_ = std::move(rules);
  return v;
}

bool TableVocabulary::Full(const ruleset::Pattern* p, std::string_view cell, MatchMode mode) const {
  const RE2& re = mode == MatchMode::kFolded ? p->folded_regex() : p->regex();
  return RE2::PartialMatch(re2::StringPiece(cell.data(), cell.size()), re);
}

ColumnKind TableVocabulary::Classify(std::string_view cell, MatchMode mode) const {
  if (cell.empty()) return ColumnKind::kOther;
  for (const ruleset::TableColumn& c : columns_)
    if (Full(c.pattern, cell, mode)) return c.kind;
  return ColumnKind::kOther;
}

std::optional<TableHeader> TableVocabulary::ReadHeader(std::string_view text,
                                                       const std::vector<std::vector<Range>>& lines,
                                                       MatchMode mode) const {
  size_t width = 0;
  for (const auto& l : lines) width = std::max(width, l.size());
  if (width == 0) return std::nullopt;
  auto cell = [&](size_t line, size_t col) -> std::string_view {
    if (col >= lines[line].size()) return {};
    return Slice(text, lines[line][col]);
  };
  TableHeader h;
  h.columns.assign(width, ColumnKind::kOther);
  bool any = false;
  for (size_t c = 0; c < width; ++c) {
    ColumnKind kind = ColumnKind::kOther;
    // The lowest line that names the column on its own.
    for (size_t l = lines.size(); l-- > 0 && kind == ColumnKind::kOther;) kind = Classify(cell(l, c), mode);
    if (kind == ColumnKind::kOther && lines.size() > 1) {
      std::string joined;
      for (size_t l = 0; l < lines.size(); ++l) {
        std::string_view t = cell(l, c);
        if (t.empty()) continue;
        if (!joined.empty()) joined.push_back(' ');
        joined.append(t);
      }
      kind = Classify(joined, mode);
    }
    // Each kind once: a second "Chủ trì" column is not a second lead.
    if (kind != ColumnKind::kOther && h.Find(kind) >= 0) kind = ColumnKind::kOther;
    h.columns[c] = kind;
    any = any || kind != ColumnKind::kOther;
  }
  if (!any) return std::nullopt;
  return h;
}

bool TableVocabulary::IsRowNumber(std::string_view cell, MatchMode mode) const {
  return Full(row_number_, cell, mode);
}

bool TableVocabulary::IsSectionLabel(std::string_view cell, MatchMode mode) const {
  return Full(section_label_, cell, mode);
}

bool TableVocabulary::SplitSectionCell(std::string_view cell, MatchMode mode, std::string_view& label,
                                       std::string_view& title) const {
  const RE2& re = mode == MatchMode::kFolded ? section_cell_->folded_regex() : section_cell_->regex();
  int gl = section_cell_->group("label"), gt = section_cell_->group("title");
  if (gl <= 0 || gt <= 0) return false;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(std::max(gl, gt)) + 1);
  re2::StringPiece input(cell.data(), cell.size());
  if (!re.Match(input, 0, input.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
    return false;
  const re2::StringPiece& l = groups[static_cast<size_t>(gl)];
  const re2::StringPiece& t = groups[static_cast<size_t>(gt)];
  if (l.data() == nullptr || t.data() == nullptr) return false;
  label = std::string_view(l.data(), l.size());
  title = std::string_view(t.data(), t.size());
  return true;
}

bool TableVocabulary::IsSeparatorCell(std::string_view cell, MatchMode mode) const {
  return Full(separator_, cell, mode);
}

bool TableVocabulary::IsColumnNumberCell(std::string_view cell, MatchMode mode) const {
  return Full(column_number_, cell, mode);
}

size_t TableVocabulary::RequestPrefix(std::string_view cell, MatchMode mode) const {
  const RE2& re = mode == MatchMode::kFolded ? requested_->folded_regex() : requested_->regex();
  int g = std::max(requested_->group("m"), 0);
  std::vector<re2::StringPiece> groups(static_cast<size_t>(g) + 1);
  re2::StringPiece input(cell.data(), cell.size());
  if (!re.Match(input, 0, input.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
    return 0;
  const re2::StringPiece& m = groups[static_cast<size_t>(g)];
  return m.data() == nullptr ? 0 : static_cast<size_t>(m.data() - cell.data()) + m.size();
}

}  // namespace notices::extract
