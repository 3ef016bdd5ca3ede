// TableExtractor (rows -> tasks) and MergeProseDuplicates. Tested by
// tests/extract/table_extractor_test.cc and the golden tests of the table samples.
#include "pipeline/extract/table_extractor.h"

#include <algorithm>
#include <set>
#include <string>

#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"
#include "pipeline/extract/role_assigner.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {

namespace {

// Share of a row's syllable pairs that must be found in a prose task to be the same task.
constexpr double kSameTaskShare = 0.6;
constexpr size_t kMinPairs = 3;

std::string_view Slice(std::string_view text, Range r) { return text.substr(r.begin, r.size()); }

Range Trim(std::string_view text, Range r) {
  auto blank = [](char c) { return c == ' ' || c == ';' || c == ',' || c == '.' || c == '\n'; };
  while (r.begin < r.end && blank(text[r.begin])) ++r.begin;
  while (r.end > r.begin && blank(text[r.end - 1])) --r.end;
  return r;
}

bool StartsLower(std::string_view s) {
  size_t i = 0;
  return !s.empty() && u_islower(static_cast<UChar32>(DecodeUtf8(s, i)));
}

// Lowercase syllables without marks: "Xây dựng chính sách" -> {"xay", "dung", "chinh", "sach"}.
std::vector<std::string> Syllables(std::string_view text) {
  std::string folded = normalize::FoldDiacritics(text);
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) {
      cur.push_back(static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::set<std::string> Pairs(std::string_view text) {
  std::vector<std::string> s = Syllables(text);
  std::set<std::string> out;
  for (size_t i = 1; i < s.size(); ++i) out.insert(s[i - 1] + " " + s[i]);
  return out;
}

std::set<std::string> AssigneeNames(const Task& t) {
  std::set<std::string> out;
  for (const auto* list : {&t.lead, &t.requested})
    for (const Agency& a : *list) out.insert(a.name);
  return out;
}

class RowReader {
 public:
  RowReader(std::string_view text, const TableVocabulary& vocab, const TableContext& ctx)
      : text_(text), vocab_(vocab), ctx_(ctx) {}

  // One task per data row of `t`; task_ranges gets each task's task-cell range.
  void Read(const Table& t, std::vector<Task>& out, std::vector<Range>& task_ranges) const {
    const TableHeader& h = t.header;
    int lead = h.Find(ColumnKind::kLead), coord = h.Find(ColumnKind::kCoordinate);
    int time = h.Find(ColumnKind::kTime), product = h.Find(ColumnKind::kProduct);
    int task = h.Find(ColumnKind::kTask);
    const TableRow* lead_row = nullptr;  // the last row whose lead cell was filled
    int lead_row_number = 0;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const TableRow& row = t.rows[r];
      if (lead_row != nullptr && lead_row->section != row.section) lead_row = nullptr;
      Task task_out;
      task_out.span = row.span;
      task_out.text = std::string(Slice(text_, row.span));
      if (row.section >= 0) {
        const TableSection& s = t.sections[static_cast<size_t>(row.section)];
        task_out.section = s.label.empty() ? s.title : s.label;
      }
      std::vector<Range> task_cell = Pieces(row, task);
      // Lead and requested from the lead cell, or from the merged cell above.
      std::vector<Range> lead_cell = Pieces(row, lead);
      bool inherited = false;
      if (lead_cell.empty() && lead_row != nullptr) {
        lead_cell = Pieces(*lead_row, lead);
        inherited = true;
      } else if (!lead_cell.empty()) {
        lead_row = &row;
        lead_row_number = static_cast<int>(r) + 1;
      }
      bool request = false;
      for (size_t k = 0; k < lead_cell.size(); ++k) {
        bool piece_request = false;
        auto found = CellAgencies(lead_cell[k], &piece_request);
        if (k == 0) request = piece_request;
        for (auto& [agency, outside] : found) {
          if (request || outside) AddUnique(task_out.requested, agency);
          else AddUnique(task_out.lead, agency);
        }
      }
      if (inherited && (!task_out.lead.empty() || !task_out.requested.empty()))
        task_out.warnings.push_back("lead_inherited: assignee taken from the merged lead cell of table row " +
                                    std::to_string(lead_row_number));
      for (const Range& piece : Pieces(row, coord))
        for (auto& [agency, outside] : CellAgencies(piece)) AddUnique(task_out.coordinate, agency);
      // Roles written in the task's own text: report recipients, and the lead when the
      // row has none.
      for (const Range& piece : task_cell) {
        std::vector<AgencyMention> mentions = ctx_.Agencies(text_, piece);
        if (mentions.empty()) continue;
        RoleLists roles = ctx_.roles.Assign(text_, piece, mentions, ctx_.mode);
        for (const Agency& a : roles.report_to) AddUnique(task_out.report_to, a);
        if (task_out.lead.empty() && task_out.requested.empty()) {
          task_out.lead = roles.lead;
          task_out.requested = roles.requested;
        }
      }
      // An agency keeps one role: the lead wins.
      auto is_lead = [&](const Agency& a) {
        return std::any_of(task_out.lead.begin(), task_out.lead.end(), [&](const Agency& l) { return l.name == a.name; });
      };
      task_out.coordinate.erase(std::remove_if(task_out.coordinate.begin(), task_out.coordinate.end(), is_lead),
                                task_out.coordinate.end());
      // Deadline: the time cell, else the task's own text.
      std::vector<Range> time_cell = Pieces(row, time);
      if (!time_cell.empty()) task_out.deadline = CellDeadline(time_cell[0]);
      if (!task_out.deadline) {
        for (const Range& piece : task_cell) {
          auto found = ctx_.deadlines.FindAll(text_, piece, ctx_.dates, ctx_.mode);
          if (auto b = DeadlineFinder::Binding(found)) {
            task_out.deadline = found[*b];
            break;
          }
        }
      }
      std::vector<Range> product_cell = Pieces(row, product);
      if (!product_cell.empty()) {
        std::string p;
        for (const Range& piece : product_cell) {
          if (!p.empty()) p.push_back(' ');
          p.append(Slice(text_, piece));
        }
        task_out.product = std::move(p);
      }
      for (size_t c = 0; c < row.cells.size() && c < h.columns.size(); ++c) {
        if (row.cells[c].size() == 0) continue;
        TaskCell cell;
        cell.column = std::string(ColumnKindName(h.columns[c]));
        cell.span = row.cells[c];
        task_out.cells.push_back(std::move(cell));
      }
      if (task_out.lead.empty() && task_out.requested.empty())
        task_out.warnings.push_back("no_agency: no lead or requested body found");
      for (const auto* list : {&task_out.lead, &task_out.coordinate, &task_out.requested})
        for (const Agency& a : *list)
          if (!a.known) task_out.warnings.push_back("unknown_agency: '" + a.text + "' is not in the gazetteer");
      out.push_back(std::move(task_out));
      task_ranges.push_back(task_cell.empty() ? Range{row.span.begin, row.span.begin}
                                              : Range{task_cell.front().begin, task_cell.back().end});
    }
  }

 private:
  // The pieces of a column's cell: its first line and the lines wrapped after it.
  static std::vector<Range> Pieces(const TableRow& row, int col) {
    std::vector<Range> out;
    if (col < 0 || static_cast<size_t>(col) >= row.cells.size()) return out;
    if (row.cells[static_cast<size_t>(col)].size() > 0) out.push_back(row.cells[static_cast<size_t>(col)]);
    for (const auto& [c, r] : row.wrapped)
      if (c == col) out.push_back(r);
    return out;
  }

  // The agencies of a cell, each with whether it is an outside body; `request` gets
  // whether the cell starts with "Đề nghị".
  std::vector<std::pair<Agency, bool>> CellAgencies(Range cell, bool* request = nullptr) const {
    std::vector<std::pair<Agency, bool>> out;
    cell = Trim(text_, cell);
    size_t prefix = vocab_.RequestPrefix(Slice(text_, cell), ctx_.mode);
    if (request) *request = prefix > 0;
    cell = Trim(text_, {cell.begin + prefix, cell.end});
    if (cell.size() == 0) return out;
    std::vector<AgencyMention> mentions = ctx_.Agencies(text_, cell);
    // Each ';'-separated piece of the cell.
    size_t start = cell.begin;
    for (size_t i = cell.begin; i <= cell.end; ++i) {
      if (i < cell.end && text_[i] != ';') continue;
      Range piece = Trim(text_, {start, i});
      start = i + 1;
      if (piece.size() == 0) continue;
      std::vector<const AgencyMention*> in;
      for (const AgencyMention& m : mentions)
        if (m.span.begin >= piece.begin && m.span.end <= piece.end) in.push_back(&m);
      std::string_view before = in.empty() ? std::string_view() : Slice(text_, Trim(text_, {piece.begin, in[0]->span.begin}));
      // No known name, or one known name after words the finder did not take ("Văn
      // phòng thường trực Ban Chỉ huy ..."): the piece as written.
      if (in.empty() || (in.size() == 1 && !before.empty() && before.find(',') == std::string_view::npos &&
                         !StartsLower(before))) {
        Agency a;
        a.text = std::string(Slice(text_, piece));
        a.name = a.text;
        a.span = piece;
        out.push_back({std::move(a), false});
        continue;
      }
      for (size_t k = 0; k < in.size(); ++k) {
        Agency a = ToAgency(*in[k]);
        // "UBND các xã có làng du lịch": a class of bodies and the words that narrow it,
        // up to the next name or separator.
        if (in[k]->collective) {
          size_t limit = k + 1 < in.size() ? in[k + 1]->span.begin : piece.end;
          std::string_view after = Slice(text_, {a.span.end, limit});
          size_t stop = std::min(after.find(','), after.size());
          Range rest = Trim(text_, {a.span.end, a.span.end + stop});
          std::string_view r = Slice(text_, rest);
          if (rest.size() > 0 && StartsLower(r) && r.find(" và ") == std::string_view::npos) {
            a.span.end = rest.end;
            a.text = std::string(Slice(text_, a.span));
            a.name += " " + std::string(r);
          }
        }
        out.push_back({std::move(a), in[k]->outside});
      }
    }
    return out;
  }

  std::optional<Deadline> CellDeadline(Range cell) const {
    auto found = ctx_.deadlines.FindAll(text_, cell, ctx_.dates, ctx_.mode);
    if (auto b = DeadlineFinder::Binding(found)) return found[*b];
    std::string_view cell_text = Slice(text_, cell);
    for (const std::string& cue_rule : vocab_.time_cues()) {
      std::string cue = ctx_.mode == MatchMode::kFolded ? normalize::FoldDiacritics(cue_rule) : cue_rule;
      cue.push_back(' ');
      std::string probe = cue + std::string(cell_text);
      auto cued = ctx_.deadlines.FindAll(probe, {0, probe.size()}, ctx_.dates, ctx_.mode);
      auto b = DeadlineFinder::Binding(cued);
      if (!b) continue;
      Deadline d = cued[*b];
      size_t begin = std::max(d.span.begin, cue.size()) - cue.size();
      size_t end = std::max(d.span.end, cue.size()) - cue.size();
      d.span = {cell.begin + begin, cell.begin + std::max(begin, end)};
      d.text = std::string(Slice(text_, d.span));
      return d;
    }
    return std::nullopt;
  }

  std::string_view text_;
  const TableVocabulary& vocab_;
  const TableContext& ctx_;
};

}  // namespace

Result<TableExtractor> TableExtractor::Create(std::shared_ptr<const ruleset::RuleSet> rules) {
  auto vocab = TableVocabulary::Create(std::move(rules));
  if (!vocab) return vocab.error();
  return TableExtractor(std::move(vocab).value());
}

std::vector<Task> TableExtractor::RowTasks(std::string_view text, const std::vector<Table>& tables,
                                           const TableContext& ctx) const {
  std::vector<Task> out;
  std::vector<Range> ranges;
  RowReader reader(text, vocab_, ctx);
  for (const Table& t : tables) reader.Read(t, out, ranges);
  return out;
}

void TableExtractor::AddTasks(std::string_view text, const std::vector<Table>& tables,
                              const TableContext& ctx, std::vector<Task>& tasks) const {
  if (tables.empty()) return;
  std::vector<Task> rows;
  std::vector<Range> ranges;
  RowReader reader(text, vocab_, ctx);
  for (const Table& t : tables) reader.Read(t, rows, ranges);
  MergeProseDuplicates(text, tasks, rows, ranges);
  tasks.insert(tasks.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
}

void MergeProseDuplicates(std::string_view text, std::vector<Task>& prose, std::vector<Task>& rows,
                          const std::vector<Range>& row_texts) {
  if (prose.empty() || rows.empty()) return;
  std::vector<std::set<std::string>> prose_pairs;
  prose_pairs.reserve(prose.size());
  for (const Task& p : prose) prose_pairs.push_back(Pairs(p.text));
  std::vector<Task> kept;
  for (size_t r = 0; r < rows.size(); ++r) {
    Task& row = rows[r];
    std::set<std::string> pairs = Pairs(Slice(text, row_texts[r]));
    std::set<std::string> leads = AssigneeNames(row);
    int best = -1;
    double best_share = kSameTaskShare;
    if (pairs.size() >= kMinPairs && !leads.empty()) {
      for (size_t p = 0; p < prose.size(); ++p) {
        std::set<std::string> prose_leads = AssigneeNames(prose[p]);
        if (!std::includes(prose_leads.begin(), prose_leads.end(), leads.begin(), leads.end())) continue;
        size_t common = 0;
        for (const std::string& x : pairs) common += prose_pairs[p].count(x);
        double share = static_cast<double>(common) / static_cast<double>(pairs.size());
        if (share >= best_share) {
          best_share = share;
          best = static_cast<int>(p);
        }
      }
    }
    if (best < 0) {
      kept.push_back(std::move(row));
      continue;
    }
    Task& p = prose[static_cast<size_t>(best)];
    p.extra_spans.push_back(row.span);
    if (p.cells.empty()) p.cells = std::move(row.cells);
    if (!p.deadline) p.deadline = row.deadline;
    if (p.coordinate.empty()) p.coordinate = row.coordinate;
    if (!p.product) p.product = row.product;
  }
  rows = std::move(kept);
}

}  // namespace notices::extract
