// LoadTableRules, ColumnKindName. Tested through the stages that use them:
// tests/extract/table_header_test.cc, tests/normalize/layout_table_test.cc and
// tests/ingest/pdf_borderless_test.cc (rules with an unknown kind or a missing row pattern).
#include "pipeline/ruleset/table_rules.h"

#include <string>

namespace notices::ruleset {

namespace {

constexpr ColumnKind kNamed[] = {ColumnKind::kIndex, ColumnKind::kTask,    ColumnKind::kLead,
                                 ColumnKind::kCoordinate, ColumnKind::kTime, ColumnKind::kProduct,
                                 ColumnKind::kNote};

}  // namespace

std::string_view ColumnKindName(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kOther: return "other";
    case ColumnKind::kIndex: return "index";
    case ColumnKind::kTask: return "task";
    case ColumnKind::kLead: return "lead";
    case ColumnKind::kCoordinate: return "coordinate";
    case ColumnKind::kTime: return "time";
    case ColumnKind::kProduct: return "product";
    case ColumnKind::kNote: return "note";
  }
  return "other";
}

Result<TableRules> LoadTableRules(const RuleSet& rules) {
  TableRules t;
  for (const Pattern* p : rules.PatternsWithPrefix("table.column.")) {
    const std::string kind = p->attr_string("kind");
    const ColumnKind* named = nullptr;
    for (const ColumnKind& k : kNamed)
      if (ColumnKindName(k) == kind) named = &k;
    if (named == nullptr)
      return Error(ErrorCode::kRuleSyntax, "rule file " + p->origin().ToString() + ": pattern " + p->name() +
                                               ": unknown kind '" + kind + "'");
    t.columns.push_back({p, *named});
  }
  if (t.columns.empty()) return t;
  t.row_number = rules.FindPattern("table.row.number");
  t.section_label = rules.FindPattern("table.row.section_label");
  t.column_number = rules.FindPattern("table.row.column_number_cell");
  if (!t.row_number || !t.section_label || !t.column_number)
    return Error(ErrorCode::kRuleSyntax,
                 "the rules have table.column.* patterns but not table.row.number, "
                 "table.row.section_label and table.row.column_number_cell (rules/tables.toml)");
  return t;
}

}  // namespace notices::ruleset
