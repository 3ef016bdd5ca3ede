// Extractor: walks the document tree, decides which units are tasks, assigns roles
// with inheritance from headings and lead-ins, splits items, and attaches deadlines.
// Tested by tests/extract/extractor_test.cc and the golden tests (tests/golden/).
#include "pipeline/extract/extractor.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <unordered_map>

#include "pipeline/common/time_budget.h"
#include "pipeline/common/utf8.h"
#include "pipeline/extract/document_info.h"
#include "pipeline/extract/role_assigner.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {

namespace {

constexpr std::string_view kPatterns[] = {
    "task.lead_in",    "task.directive.strong", "task.directive.compound", "task.directive.imperative_start",
    "task.assessment", "task.split",            "task.split.subject",
    "task.veto",       "task.opening_lead_in",  "task.non_task_section",
    "role.enumeration_rest", "role.list_cue",       "task.closing_assignment",
    "task.year_written",     "role.addressee_prefix", "task.section_title",
    "task.shared_deadline",  "task.report_item",     "role.central_issuer",
    "role.local_government",
};

// The index of a pattern in kPatterns, at compile time (a name not there does not
// compile).
consteval size_t P(std::string_view name) {
  for (size_t i = 0; i < std::size(kPatterns); ++i)
    if (kPatterns[i] == name) return i;
  throw "not in kPatterns";
}

// The addressees and roles a unit passes on to the units under it.
struct Context {
  RoleLists roles;
  std::string origin;  // where they were named, for the warning ("heading 2.2")
  int origin_node = -1;
};

// The assignee named first (lead or requested), or nullptr.
const Agency* FirstAssignee(const RoleLists& r) {
  const Agency* first = nullptr;
  for (const auto* list : {&r.lead, &r.requested})
    for (const Agency& a : *list)
      if (first == nullptr || a.span.begin < first->span.begin) first = &a;
  return first;
}

// Whether `name` is among the assignees of `r`.
bool Names(const RoleLists& r, const std::string& name) {
  for (const auto* list : {&r.lead, &r.requested})
    for (const Agency& a : *list)
      if (a.name == name) return true;
  return false;
}

bool SameLead(const RoleLists& a, const RoleLists& b) {
  auto names = [](const RoleLists& r) {
    std::vector<std::string> n;
    for (const Agency& x : r.lead) n.push_back(x.name);
    for (const Agency& x : r.requested) n.push_back(x.name);
    std::sort(n.begin(), n.end());
    return n;
  };
  return names(a) == names(b);
}

// Whether the text has lost its diacritics (an OCR layer, a careless converter): many
// letters, almost none outside ASCII.
MatchMode DetectMode(std::string_view text) {
  // Byte counts suffice: a Vietnamese letter with a mark is a 2- or 3-byte sequence, so
  // its lead byte (0xC3..0xE1) stands for it. One table lookup and add a byte: ASCII
  // letters count in the low 32 bits, lead bytes in the high ones; chunks of 1 GiB keep
  // the low count from overflowing.
  static constexpr std::array<uint64_t, 256> kCount = [] {
    std::array<uint64_t, 256> t{};
    for (unsigned c = 0; c < 256; ++c)
      t[c] = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 1 : (c >= 0xC3 && c <= 0xE1) ? uint64_t{1} << 32 : 0;
    return t;
  }();
  size_t ascii_letters = 0, marked = 0;
  for (size_t at = 0; at < text.size(); at += size_t{1} << 30) {
    uint64_t sum = 0;
    for (unsigned char c : text.substr(at, size_t{1} << 30)) sum += kCount[c];
    ascii_letters += sum & 0xFFFFFFFFu;
    marked += sum >> 32;
  }
  if (ascii_letters + marked < 200) return MatchMode::kExact;
  return marked * 200 < ascii_letters ? MatchMode::kFolded : MatchMode::kExact;
}

class DocumentRun {
 public:
  DocumentRun(const Extractor& ex, const RoleAssigner& roles, const ruleset::RuleSet& rules,
              const normalize::NormalizedText& text, const segment::DocumentTree& tree,
              const ExtractOptions& options, Record& record)
      : ex_(ex), roles_(roles), rules_(rules), text_(text), tree_(tree), options_(options),
        record_(record) {
    for (size_t i = 0; i < std::size(kPatterns); ++i) patterns_[i] = &rules.pattern(kPatterns[i]);
  }

  // Fills the record's document and tasks; returns how the rules met the text.
  MatchMode Run() {
    mode_ = DetectMode(text_.text);
    if (mode_ == MatchMode::kFolded)
      record_.warnings.push_back("no_diacritics: the text has no Vietnamese diacritics; rules matched without them");
    for (const normalize::Block& b : text_.blocks) {
      auto found = Agencies(b.range);
      mentions_.insert(mentions_.end(), std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
    }
    record_.document = ReadDocumentInfo(text_, tree_, rules_, ex_.deadlines(), mode_);
    // A ministry's "đề nghị" to provincial People's Committees is a request: they are not
    // under it.
    if (IssuedCentrally())
      for (AgencyMention& m : mentions_)
        if (RE2::PartialMatch(m.text, Re(P("role.local_government")))) m.outside = true;
    dates_.document_date = record_.document.date;
    dates_.received = options_.received;
    for (int id = 1; id < tree_.size(); ++id) {
      const segment::Node& n = tree_.node(id);
      if (n.in_body && (n.kind == segment::NodeKind::kHeading || n.kind == segment::NodeKind::kItem))
        structured_ = true;
    }
    tables_ = ex_.tables().Find(text_, mode_);
    Walk(tree_.root(), Context{});
    for (int id = 1; id < tree_.size() && !OutOfTime(); ++id) {
      if (tree_.node(id).kind == segment::NodeKind::kFootnote) Unit(id, Context{});
    }
    if (tree_.header.closing) Unit(*tree_.header.closing, Context{});
    ex_.tables().AddTasks(text_.text, tables_,
                          {ex_.agencies(), ex_.deadlines(), roles_, dates_, mode_, options_.ocr_tolerant}, tasks_);
    std::stable_sort(tasks_.begin(), tasks_.end(),
                     [](const Task& a, const Task& b) { return a.span.begin < b.span.begin; });
    std::string prefix = record_.source.sha256.substr(0, 12);
    for (size_t i = 0; i < tasks_.size(); ++i) tasks_[i].id = prefix + "-" + std::to_string(i + 1);
    record_.tasks = std::move(tasks_);
    return mode_;
  }

 private:
  std::string_view Text(Range r) const { return std::string_view(text_.text).substr(r.begin, r.size()); }

  // Whether a ministry or one of its departments issued the document: its issuer, or,
  // when that was not read (a scan whose e-signature stamp stands above it), one of the
  // header lines before the body.
  bool IssuedCentrally() const {
    const RE2& central = Re(P("role.central_issuer"));
    if (record_.document.issuer) return RE2::PartialMatch(*record_.document.issuer, central);
    for (int id : tree_.node(tree_.root()).children) {
      const segment::Node& n = tree_.node(id);
      if (n.in_body) break;
      if (n.kind == segment::NodeKind::kHeaderLine && RE2::PartialMatch(Text(n.line), central)) return true;
    }
    return false;
  }

  const RE2& Re(size_t pattern) const {
    const ruleset::Pattern& p = *patterns_[pattern];
    return mode_ == MatchMode::kFolded ? p.folded_regex() : p.regex();
  }

  // A paragraph of a task table: its rows are read by the TableExtractor.
  bool InTable(int block) const {
    return std::any_of(tables_.begin(), tables_.end(),
                       [&](const Table& t) { return block >= t.first_block && block <= t.last_block; });
  }

  // The agencies named in `r`; OCR'd text is also searched without marks.
  std::vector<AgencyMention> Agencies(Range r) const {
    if (options_.ocr_tolerant && mode_ == MatchMode::kExact) return ex_.agencies().FindAllOcr(text_.text, r);
    return ex_.agencies().FindAll(text_.text, r, mode_, options_.ocr_tolerant);
  }

  bool Has(size_t pattern, Range r) const { return RE2::PartialMatch(Text(r), Re(pattern)); }

  // Whether `body` starts with an assignment and its first cued assignee ("Giao Sở X ...").
  bool OpensWithCue(Range body, const RoleLists& r) const {
    size_t first = std::string::npos;
    for (const Range& c : r.cued_spans) first = std::min(first, c.begin);
    return first != std::string::npos && first > body.begin && Has(P("task.closing_assignment"), {body.begin, first});
  }

  // A directive word that is not the start of a compound noun ("giao thông", "sự cần
  // thiết", task.directive.compound): the first such makes the unit an instruction.
  bool Strong(Range r) const {
    const RE2& strong = Re(P("task.directive.strong"));
    const RE2& compound = Re(P("task.directive.compound"));
    int g = std::max(patterns_[P("task.directive.strong")]->group("m"), 0);
    std::vector<re2::StringPiece> groups(static_cast<size_t>(g) + 1);
    re2::StringPiece input = Text(r);
    size_t pos = 0;
    while (pos < input.size() &&
           strong.Match(input, pos, input.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
      const re2::StringPiece& m = groups[static_cast<size_t>(g)];
      size_t at = static_cast<size_t>(m.data() - input.data());
      re2::StringPiece from(m.data(), input.size() - at);
      if (!RE2::PartialMatch(from, compound)) return true;
      pos = at + std::max<size_t>(m.size(), 1);
    }
    return false;
  }

  // Roles of a range, memoized: units, clauses and split candidates ask for the same
  // ranges again.
  const RoleLists& Roles(Range r) const {
    auto key = (static_cast<uint64_t>(r.begin) << 32) | static_cast<uint32_t>(r.end);
    auto it = roles_cache_.find(key);
    if (it != roles_cache_.end()) return it->second;
    return roles_cache_.emplace(key, roles_.Assign(text_.text, r, mentions_, mode_)).first->second;
  }

  static Range Trim(std::string_view text, Range r) {
    while (r.begin < r.end && (text[r.begin] == ' ' || text[r.begin] == ';' || text[r.begin] == ','))
      ++r.begin;
    while (r.end > r.begin && text[r.end - 1] == ' ') --r.end;
    return r;
  }

  static Context Merge(const Context& base, const RoleLists& r, std::string origin, int node = -1) {
    Context out = base;
    if (r.has_assignee()) {
      out.roles.lead = r.lead;
      out.roles.requested = r.requested;
      out.roles.coordinate = r.coordinate;
      out.origin = std::move(origin);
      out.origin_node = node;
    } else if (!r.coordinate.empty()) {
      out.roles.coordinate = r.coordinate;
    }
    return out;
  }

  std::string Describe(int id) const {
    const segment::Node& n = tree_.node(id);
    std::string section = tree_.SectionOf(id);
    if (n.kind == segment::NodeKind::kHeading) return "heading " + section;
    return section.empty() ? "the lead-in above" : "the lead-in in section " + section;
  }

  // The agencies of an item that only enumerates addressees ("- Sở Công Thương (đối
  // với ...);"), or nothing.
  std::vector<Agency> Enumerated(int id) const {
    const segment::Node& n = tree_.node(id);
    std::vector<Agency> out;
    if (n.kind != segment::NodeKind::kItem && n.kind != segment::NodeKind::kHeading) return out;
    Range body = Trim(text_.text, n.body);
    std::string rest;
    size_t at = body.begin;
    for (const AgencyMention& m : mentions_) {
      if (m.span.begin < body.begin || m.span.end > body.end) continue;
      rest.append(text_.text, at, m.span.begin - at);
      at = m.span.end;
      out.push_back(ToAgency(m));
    }
    rest.append(text_.text, at, body.end - at);
    // Parentheses qualify a name ("(đối với tài sản ...)"); they are not the rest.
    std::string flat;
    int depth = 0;
    for (char c : rest) {
      if (c == '(') ++depth;
      else if (c == ')') depth = std::max(0, depth - 1);
      else if (depth == 0) flat.push_back(c);
    }
    if (out.empty() || !RE2::FullMatch(flat, Re(P("role.enumeration_rest")))) out.clear();
    return out;
  }

  void Walk(int id, const Context& inherited) {
    Context local = inherited;
    std::vector<Agency> enumeration;
    for (int c : tree_.node(id).children) {
      if (OutOfTime()) return;
      const segment::Node& n = tree_.node(c);
      if (!n.in_body) continue;
      if (InTable(n.block)) {  // a table row or section row: read by the TableExtractor
        Walk(c, local);
        continue;
      }
      // Items that only name agencies, after a lead-in, become the addressees of what
      // follows ("Giao các sở ... gồm: - Sở A; - Sở B. Có trách nhiệm: a) ...").
      if (local_lead_in_ && n.children.empty()) {
        std::vector<Agency> named = Enumerated(c);
        if (!named.empty()) {
          for (Agency& a : named) AddUnique(enumeration, a);
          continue;
        }
      }
      if (!enumeration.empty()) {
        RoleLists r;
        r.lead = std::move(enumeration);
        enumeration.clear();
        local = Merge(local, r, "the list of agencies in " + Describe(c));
      }
      if (n.kind == segment::NodeKind::kHeading && IsNonTaskSection(c)) continue;
      bool lead_in = false;
      Context child = Unit(c, local, &lead_in);
      Walk(c, child);
      // A lead-in paragraph without children of its own speaks for the siblings after it.
      if (lead_in && n.children.empty()) local = child;
      local_lead_in_ = lead_in && n.children.empty();
    }
  }

  // "I. MỤC ĐÍCH, YÊU CẦU": nothing under such a heading is a task.
  bool IsNonTaskSection(int id) const {
    const segment::Node& n = tree_.node(id);
    return Has(P("task.non_task_section"), Trim(text_.text, n.body)) && !n.children.empty();
  }

  bool InOpening(int id) const {
    const auto& o = tree_.header.opening;
    return std::find(o.begin(), o.end(), id) != o.end();
  }

  // Processes one node's own text; returns the context for the nodes under it.
  Context Unit(int id, const Context& ctx, bool* lead_in_out = nullptr) {
    const segment::Node& n = tree_.node(id);
    Range body = Trim(text_.text, n.body);
    if (n.kind == segment::NodeKind::kFootnote) {
      // Skip the superscript marker at the start of the footnote.
      size_t sp = Text(body).find(' ');
      if (sp != std::string_view::npos && sp < 8) body = Trim(text_.text, {body.begin + sp, body.end});
    }
    if (body.size() == 0) return ctx;
    if (Has(P("task.veto"), body) || (InOpening(id) && Has(P("task.opening_lead_in"), body))) {
      if (lead_in_out) *lead_in_out = true;  // a lead-in that passes nothing on
      return ctx;
    }
    // "Sở X: ..." / "2.4. Sở Giáo dục và Đào tạo:" — an addressee before a colon.
    Context here = ctx;
    Range content = body;
    size_t colon = Text(body).find(':');
    if (colon != std::string_view::npos && colon < 400) {
      Range head{body.begin, body.begin + colon};
      const RoleLists& addressee = Roles(head);
      if (addressee.has_assignee() && AddresseeOnly(head, addressee)) {
        here = Merge(ctx, addressee, Describe(id), id);
        content = Trim(text_.text, {body.begin + colon + 1, body.end});
      }
    } else if (n.kind == segment::NodeKind::kHeading && !n.children.empty()) {
      // Only a heading with items under it can hand them an addressee; one without is
      // an item of its own ("1. Giao các sở, ngành; UBND các huyện, thành phố báo cáo").
      const RoleLists& addressee = Roles(body);
      if (addressee.has_assignee() && AddresseeOnly(body, addressee)) {
        here = Merge(ctx, addressee, Describe(id));
        content = {body.end, body.end};
      }
    }
    if (content.size() == 0) {
      // "2.4. Sở Giáo dục và Đào tạo:", "Giao các sở ... gồm:": an addressee announcing
      // what follows.
      if (lead_in_out) *lead_in_out = Has(P("task.lead_in"), body);
      return here;
    }
    // "Báo cáo của các cơ quan, đơn vị gửi về UBND tỉnh trước ngày 12/6/2026": the
    // deadline of the report items above, no task of its own.
    if (n.kind == segment::NodeKind::kParagraph && Has(P("task.shared_deadline"), content) &&
        ShareDeadline(id, content))
      return here;
    bool lead_in = Has(P("task.lead_in"), content);
    if (lead_in_out) *lead_in_out = lead_in;
    if (lead_in) return Merge(here, Roles(content), Describe(id));

    bool strong = Strong(content);
    bool imperative = Has(P("task.directive.imperative_start"), content);
    bool assessment = Has(P("task.assessment"), content);
    const RoleLists& own = Roles(content);
    bool listed = n.kind == segment::NodeKind::kItem || n.kind == segment::NodeKind::kHeading ||
                  n.parent != tree_.root();
    // A heading with items under it and a short text of its own is a title
    // ("1. Hoàn thiện hạ tầng và dữ liệu"), not a task.
    if (n.kind == segment::NodeKind::kHeading && !n.children.empty() && content == body && !strong &&
        content.size() < 120 && Text(content).find_last_of(".;") != content.size() - 1)
      return here;
    // "3. Tổ chức thực hiện" whose paragraph went to the closing: a title alone.
    if (n.kind == segment::NodeKind::kHeading && content == body && Has(P("task.section_title"), content))
      return here;
    bool is_task;
    if (n.kind == segment::NodeKind::kFootnote) {
      is_task = strong && !assessment;
    } else if (n.kind == segment::NodeKind::kClosing) {
      // The closing formula ("... thông báo để các cơ quan liên quan thực hiện./.", "Yêu
      // cầu Thủ trưởng các sở ... nghiêm túc triển khai thực hiện./.") is no task, unless
      // it is a paragraph of its own whose subjects get a duty with someone to report to
      // ("người đứng đầu ... chịu trách nhiệm ...; kịp thời báo cáo Sở Xây dựng"), or one
      // that opens with an assignment ("Giao Sở X chủ trì, ... báo cáo UBND tỉnh trước
      // ngày 10/7/2024./.": the only paragraph of a short notice), or a request to named
      // bodies in a letter that asks nothing else ("Bộ Công Thương đề nghị Ủy ban nhân dân
      // các tỉnh, thành phố hướng dẫn, tổ chức thực hiện ...  theo đúng quy định./.").
      bool own_paragraph = body.begin == 0 || text_.text[body.begin - 1] == '\n';
      bool only_request = own.cued && tasks_.empty() && tables_.empty();
      is_task = own_paragraph && strong && own.has_assignee() && !assessment &&
                ((!own.cued && !own.report_to.empty()) || OpensWithCue(body, own) || only_request);
    } else if (InOpening(id) && structured_) {
      // Before the numbered items of a structured document: only an explicit
      // assignment ("Giao Sở X ...") is a task there.
      is_task = own.cued && !assessment;
    } else {
      is_task = !(assessment && !strong) &&
                (strong || imperative || own.has_assignee() || (listed && here.roles.has_assignee()));
    }
    if (!is_task) return here;
    EmitTasks(id, content, here);
    // The items under a task item inherit its assignees.
    RoleLists effective = own.has_assignee() ? own : here.roles;
    return Merge(here, effective, Describe(id));
  }

  // Whether node `id` is `ancestor` or lies under it.
  bool Within(int id, int ancestor) const {
    for (; id >= 0; id = tree_.node(id).parent)
      if (id == ancestor) return true;
    return false;
  }

  // Gives the binding deadline of paragraph `id` (task.shared_deadline) to the report
  // tasks just above it that have none: those of its preceding siblings and, for a
  // paragraph under an item, of that item and the items before it, back to the first
  // sibling that gave no task. Returns whether any task took it.
  bool ShareDeadline(int id, Range content) {
    std::vector<Deadline> found = ex_.deadlines().FindAll(text_.text, content, dates_, mode_);
    auto binding = DeadlineFinder::Binding(found);
    if (!binding) return false;
    auto gave_task = [&](int root) {
      return std::any_of(task_nodes_.begin(), task_nodes_.end(), [&](int t) { return Within(t, root); });
    };
    // The siblings before `node` that gave tasks, nearest first; true when they reach
    // the first child (nothing without a task stands between).
    std::vector<int> roots;
    auto siblings_before = [&](int node) {
      const std::vector<int>& kids = tree_.node(tree_.node(node).parent).children;
      auto at = std::find(kids.begin(), kids.end(), node);
      while (at != kids.begin()) {
        if (!gave_task(*--at)) return false;
        roots.push_back(*at);
      }
      return true;
    };
    int parent = tree_.node(id).parent;
    segment::NodeKind parent_kind = tree_.node(parent).kind;
    if (siblings_before(id) &&
        (parent_kind == segment::NodeKind::kHeading || parent_kind == segment::NodeKind::kItem)) {
      roots.push_back(parent);
      siblings_before(parent);
    }
    // Where the reports go ("gửi về Ủy ban nhân dân tỉnh"), for the tasks that say none.
    const std::vector<Agency>& report_to = Roles(content).report_to;
    bool shared = false;
    for (size_t i = 0; i < tasks_.size(); ++i) {
      Task& t = tasks_[i];
      if (t.deadline || !Has(P("task.report_item"), t.span)) continue;
      if (std::none_of(roots.begin(), roots.end(), [&](int r) { return Within(task_nodes_[i], r); })) continue;
      t.deadline = found[*binding];
      if (t.report_to.empty()) t.report_to = report_to;
      t.warnings.push_back("deadline_shared: deadline taken from the paragraph after the list ('" +
                           t.deadline->text + "')");
      shared = true;
    }
    return shared;
  }

  // True when the agencies cover the head: nothing but list separators and role words
  // ("Đề nghị", "Giao") outside them.
  bool AddresseeOnly(Range head, const RoleLists& r) const {
    // "Trách nhiệm của Sở X:" — the prefix only says whose duties follow.
    re2::StringPiece prefix;
    if (RE2::PartialMatch(Text(head), Re(P("role.addressee_prefix")), &prefix)) head.begin += prefix.size();
    size_t covered = 0;
    for (const auto* list : {&r.lead, &r.requested, &r.coordinate})
      for (const Agency& a : *list) covered += a.span.size();
    return covered * 10 >= head.size() * 6;
  }

  // Clause boundaries inside a range: after ';' and after a sentence's '.'.
  std::vector<Range> Clauses(Range r) const {
    std::vector<Range> out;
    size_t start = r.begin;
    for (size_t i = r.begin; i < r.end; ++i) {
      char c = text_.text[i];
      bool boundary = c == ';' || (c == '.' && i + 1 < r.end && text_.text[i + 1] == ' ');
      if (boundary) {
        out.push_back({start, i});
        start = i + 1;
      }
    }
    out.push_back({start, r.end});
    return out;
  }

  // The roles of a part: the assignees of its first clause that names any (later
  // clauses' subjects are details: "Cơ quan, đơn vị chịu trách nhiệm ..."), coordinators
  // and report recipients from anywhere in it.
  // When the unit has addressees from above (`inherited`), a subject in a later clause
  // ("Trên cơ sở ..., các doanh nghiệp tham gia ...") does not replace them; a cue does
  // ("... Ủy ban nhân dân tỉnh yêu cầu Lãnh đạo các sở ...").
  RoleLists PartRoles(Range part, bool inherited = false) const {
    RoleLists all = Roles(part);
    if (!all.has_assignee()) return all;
    // The first clause holding an assignee.
    size_t first_at = std::string::npos;
    for (const auto* list : {&all.lead, &all.requested})
      for (const Agency& a : *list) first_at = std::min(first_at, a.span.begin);
    std::vector<Range> clauses = Clauses(part);
    size_t index = 0;
    while (index + 1 < clauses.size() && clauses[index].end <= first_at) ++index;
    const size_t first_clause = index;
    Range clause = clauses[index];
    // "Thủ trưởng các sở ...; Chủ tịch UBND các xã ...; người đứng đầu ... chịu trách
    // nhiệm ...", "Giao các sở, ngành tỉnh; UBND các huyện, thành phố; ... báo cáo ...":
    // clauses that only name agencies (after a cue) continue the list.
    while (index + 1 < clauses.size() && OnlyAgencies(clause, /*cue_allowed=*/true))
      clause.end = clauses[++index].end;
    auto inside = [&](const Agency& a) { return a.span.begin >= clause.begin && a.span.end <= clause.end + 1; };
    bool cued = false;
    for (const Range& c : all.cued_spans)
      if (c.begin >= clause.begin && c.end <= clause.end + 1) cued = true;
    if (first_clause > 0 && inherited && !cued) {
      all.lead.clear();
      all.requested.clear();
      return all;
    }
    std::erase_if(all.lead, [&](const Agency& a) { return !inside(a); });
    std::erase_if(all.requested, [&](const Agency& a) { return !inside(a); });
    all.cued = cued;
    return all;
  }

  // Whether a range holds agency names and nothing else but separators; with
  // `cue_allowed`, also an assignment cue before the first name ("Giao ...").
  bool OnlyAgencies(Range r, bool cue_allowed = false) const {
    std::string rest;
    size_t at = r.begin;
    bool any = false;
    auto first = std::lower_bound(mentions_.begin(), mentions_.end(), r.begin,
                                  [](const AgencyMention& m, size_t pos) { return m.span.begin < pos; });
    for (auto it = first; it != mentions_.end() && it->span.begin < r.end; ++it) {
      if (it->span.end > r.end || it->span.begin < at) continue;
      if (!any && cue_allowed && Has(P("role.list_cue"), {at, it->span.begin})) at = it->span.begin;
      rest.append(text_.text, at, it->span.begin - at);
      at = it->span.end;
      any = true;
    }
    rest.append(text_.text, at, r.end - at);
    return any && RE2::FullMatch(rest, Re(P("role.enumeration_rest")));
  }

  // Whether an agency mention starts in [from, to) and ends by `limit`.
  bool MentionStartsIn(size_t from, size_t to, size_t limit) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), from,
                               [](const AgencyMention& m, size_t pos) { return m.span.begin < pos; });
    for (; it != mentions_.end() && it->span.begin < to; ++it)
      if (it->span.end <= limit) return true;
    return false;
  }

  // Whether text_[begin, end) ends with an agency name (trailing spaces aside).
  bool EndsWithAgency(size_t begin, size_t end) const {
    Range r = Trim(text_.text, {begin, end});
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), r.end,
                               [](const AgencyMention& m, size_t pos) { return m.span.begin < pos; });
    while (it != mentions_.begin()) {
      --it;
      if (it->span.end == r.end) return true;
      if (it->span.end < r.begin) break;
    }
    return false;
  }

  // The clause that ends at `end`: from the last "; " or ". " after `begin`.
  Range ClauseBefore(size_t begin, size_t end) const {
    size_t start = end;
    while (start > begin + 1 &&
           !((text_.text[start - 2] == ';' || text_.text[start - 2] == '.') && text_.text[start - 1] == ' '))
      --start;
    return Trim(text_.text, {start > begin + 1 ? start : begin, end});
  }

  void EmitTasks(int id, Range content, const Context& ctx) {
    // Split where a later clause gives a new assignee ("...; giao Văn phòng ..."): an
    // assignment cue, or a subject that is a specific agency (not a class of them).
    std::vector<Range> parts;
    Range rest = content;
    bool split = content.size() <= options_.max_split_bytes;
    if (!split)
      record_.warnings.push_back("paragraph_not_split: a paragraph of " + std::to_string(content.size()) +
                                 " bytes was kept as one task");
    while (split && !OutOfTime()) {
      size_t split_at = std::string::npos, cut_at = 0;
      for (size_t rule : {P("task.split"), P("task.split.subject")}) {
        bool subject_rule = rule == P("task.split.subject");
        const ruleset::Pattern& p = *patterns_[rule];
        const RE2& re = Re(rule);
        int g = p.group("m");
        re2::StringPiece input(text_.text.data() + rest.begin, rest.size());
        std::vector<re2::StringPiece> groups(static_cast<size_t>(std::max(g, 0)) + 1);
        size_t pos = 0;
        while (pos < input.size() &&
               re.Match(input, pos, input.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
          const re2::StringPiece& m = groups[static_cast<size_t>(std::max(g, 0))];
          size_t sep_begin = rest.begin + static_cast<size_t>(m.data() - input.data());
          size_t clause = sep_begin + m.size();
          pos = clause - rest.begin;
          if (clause >= split_at) break;
          // The new clause's first assignee must start within 40 bytes of it: where no
          // agency does, the roles below need not be read (most sentence breaks).
          if (!MentionStartsIn(clause, std::min(clause + 40, rest.end), rest.end)) continue;
          RoleLists before = PartRoles({rest.begin, sep_begin});
          const RoleLists& running = before.has_assignee() ? before : ctx.roles;
          const RoleLists& later = Roles({clause, rest.end});
          const Agency* first = FirstAssignee(later);
          if (first == nullptr || first->span.begin >= clause + 40 || Names(running, first->name)) continue;
          if (subject_rule && first->collective) continue;
          // "Giao Sở Tài chính; Sở Xây dựng; Sở Nội vụ báo cáo ...": one list of leads.
          if (subject_rule && OnlyAgencies(ClauseBefore(rest.begin, sep_begin), /*cue_allowed=*/true)) continue;
          // "phối hợp các Sở: A, B; Ban Quản lý khu kinh tế tỉnh; UBND các huyện: ...": a
          // name right after ';' that follows a name continues that list.
          if (subject_rule && first->span.begin == clause && EndsWithAgency(rest.begin, sep_begin)) continue;
          split_at = clause;
          cut_at = sep_begin;
          break;
        }
      }
      if (split_at == std::string::npos) break;
      parts.push_back(Trim(text_.text, {rest.begin, cut_at}));
      rest = Trim(text_.text, {split_at, rest.end});
    }
    parts.push_back(rest);
    // Deadlines are read over the whole item, then dealt to its parts: a recurrence
    // named once ("Báo cáo 6 tháng: A gửi ... trước ngày 05/7; B tổng hợp ... trước ngày
    // 10/7") holds for every part.
    std::vector<Deadline> content_deadlines = ex_.deadlines().FindAll(text_.text, content, dates_, mode_);

    for (size_t k = 0; k < parts.size() && !OutOfTime(); ++k) {
      Range part = parts[k];
      if (part.size() == 0) continue;
      RoleLists own = PartRoles(part, k == 0 && ctx.roles.has_assignee());
      // "1. Nhất trí chủ trương ...; Giao UBND phường X chủ trì ...": a part before the
      // split that names no one and directs nothing is a preamble, not a task.
      if (parts.size() > 1 && !own.has_assignee() && !ctx.roles.has_assignee() && !Strong(part) &&
          !Has(P("task.directive.imperative_start"), part))
        continue;
      Task t;
      // The first part's text starts with its item's marker and addressee ("a) ...",
      // "2.3. Công an tỉnh: ..."), as the document prints it.
      Range shown = part;
      if (k == 0) shown.begin = std::min(shown.begin, tree_.node(id).line.begin);
      t.text = std::string(Text(shown));
      t.span = shown;
      std::string section = tree_.SectionOf(id);
      if (!section.empty()) t.section = section;
      bool inherited = false;
      if (own.has_assignee()) {
        t.lead = own.lead;
        t.requested = own.requested;
      } else if (k == 0) {
        t.lead = ctx.roles.lead;
        t.requested = ctx.roles.requested;
        inherited = ctx.roles.has_assignee();
      }
      bool same_as_ctx = !own.has_assignee() || SameLead(own, ctx.roles);
      if (!own.coordinate.empty()) t.coordinate = own.coordinate;
      else if (k == 0 && same_as_ctx) t.coordinate = ctx.roles.coordinate;
      t.report_to = own.report_to;
      // An agency keeps one role: the lead wins over an inherited coordinator.
      t.coordinate.erase(std::remove_if(t.coordinate.begin(), t.coordinate.end(),
                                        [&](const Agency& a) {
                                          return std::any_of(t.lead.begin(), t.lead.end(),
                                                             [&](const Agency& l) { return l.name == a.name; });
                                        }),
                         t.coordinate.end());
      if (inherited && ctx.origin_node != id)
        t.warnings.push_back("lead_inherited: assignee taken from " + ctx.origin);
      if (t.lead.empty() && t.requested.empty())
        t.warnings.push_back("no_agency: no lead or requested body found");
      for (const auto* list : {&t.lead, &t.coordinate, &t.requested})
        for (const Agency& a : *list)
          if (!a.known) {
            t.warnings.push_back("unknown_agency: '" + a.text + "' is not in the gazetteer");
          }
      std::vector<Deadline> deadlines;
      for (const Deadline& d : content_deadlines)
        if (d.span.begin >= part.begin && d.span.end <= part.end) deadlines.push_back(d);
      if (deadlines.empty() && options_.ocr_tolerant && mode_ == MatchMode::kExact)
        deadlines = FoldedDeadlines(part);
      if (auto b = DeadlineFinder::Binding(deadlines)) {
        t.deadline = deadlines[*b];
        // "trước ngày 20/4": the year comes from the document date, a guess to check.
        DeadlineKind kind = t.deadline->kind;
        bool calendar = kind == DeadlineKind::kDate || kind == DeadlineKind::kMonth ||
                        kind == DeadlineKind::kQuarter || kind == DeadlineKind::kHalfYear;
        if (calendar && t.deadline->due && !Has(P("task.year_written"), t.deadline->span))
          t.warnings.push_back("year_inferred: the deadline '" + t.deadline->text + "' has no year; " +
                               std::to_string(t.deadline->due->year) + " assumed");
      }
      tasks_.push_back(std::move(t));
      task_nodes_.push_back(id);
    }
  }

  // OCR text whose marks were misread ("thảng 6"): the deadlines the rules' folded
  // forms find in the folded copy of `part`, their spans and texts mapped back to the
  // text. Only for tasks the marked forms gave no deadline.
  std::vector<Deadline> FoldedDeadlines(Range part) const {
    std::string folded;
    std::vector<size_t> origin;  // byte of folded -> byte of text_.text
    std::string_view text = text_.text;
    for (size_t i = part.begin; i < part.end && i < text.size();) {
      size_t start = i;
      DecodeUtf8(text, i);
      std::string one = normalize::FoldDiacritics(text.substr(start, i - start));
      for (size_t k = 0; k < one.size(); ++k) origin.push_back(start);
      folded += one;
    }
    origin.push_back(std::min(part.end, text.size()));
    std::vector<Deadline> found = ex_.deadlines().FindAll(folded, {0, folded.size()}, dates_, MatchMode::kFolded);
    for (Deadline& d : found) {
      size_t end = d.span.end < origin.size() ? origin[d.span.end] : origin.back();
      d.span = {origin[d.span.begin], end};
      d.text = std::string(text.substr(d.span.begin, d.span.end - d.span.begin));
    }
    return found;
  }

  const Extractor& ex_;
  const RoleAssigner& roles_;
  const ruleset::RuleSet& rules_;
  const normalize::NormalizedText& text_;
  const segment::DocumentTree& tree_;
  const ExtractOptions& options_;
  Record& record_;
  std::array<const ruleset::Pattern*, std::size(kPatterns)> patterns_{};
  MatchMode mode_ = MatchMode::kExact;
  std::vector<AgencyMention> mentions_;
  DateContext dates_;
  std::vector<Task> tasks_;
  std::vector<int> task_nodes_;  // the node each of tasks_ came from
  std::vector<Table> tables_;
  bool local_lead_in_ = false;  // the previous sibling was a lead-in ("... gồm:")
  bool structured_ = false;     // the body has numbered headings or bullets
  mutable std::unordered_map<uint64_t, RoleLists> roles_cache_;
};

}  // namespace

Extractor::Extractor(std::shared_ptr<const ruleset::RuleSet> rules, AgencyFinder agencies,
                     DeadlineFinder deadlines, ReferenceFinder references, RoleAssigner roles)
    : rules_(std::move(rules)), agencies_(std::move(agencies)), deadlines_(std::move(deadlines)),
      references_(std::move(references)), roles_(std::make_unique<RoleAssigner>(std::move(roles))) {}

Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Result<Extractor> Extractor::Create(std::shared_ptr<const ruleset::RuleSet> rules) {
  if (auto st = rules->Require(kPatterns, {}); !st) return st.error();
  auto agencies = AgencyFinder::Create(rules);
  if (!agencies) return agencies.error();
  auto deadlines = DeadlineFinder::Create(rules);
  if (!deadlines) return deadlines.error();
  auto references = ReferenceFinder::Create(rules);
  if (!references) return references.error();
  auto roles = RoleAssigner::Create(rules);
  if (!roles) return roles.error();
  auto tables = TableExtractor::Create(rules);
  if (!tables) return tables.error();
  Extractor ex(rules, std::move(agencies).value(), std::move(deadlines).value(),
               std::move(references).value(), std::move(roles).value());
  ex.tables_ = std::make_shared<const TableExtractor>(std::move(tables).value());
  return ex;
}

void Extractor::Extract(const normalize::NormalizedText& text, const segment::DocumentTree& tree,
                        const ExtractOptions& options, Record& record) const {
  MatchMode mode = DocumentRun(*this, *roles_, *rules_, text, tree, options, record).Run();
  // References: each cited document once, at its first mention.
  DateContext ctx{record.document.date, options.received};
  for (const Reference& r : references_.FindAll(text.text, {0, text.text.size()}, deadlines_, ctx, mode)) {
    if (record.document.number && r.number == *record.document.number) continue;  // itself
    auto same = std::find_if(record.references.begin(), record.references.end(),
                             [&](const Reference& x) { return x.number == r.number; });
    if (same == record.references.end()) {
      record.references.push_back(r);
    } else if (!same->date && r.date) {
      same->date = r.date;
    }
  }
  record.text = text.text;
}

}  // namespace notices::extract
