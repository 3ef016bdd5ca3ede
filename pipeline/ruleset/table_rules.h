// The task-table vocabulary of rules/tables.toml, read once for the three stages that
// look for task tables: extract (header rows of " | " text, extract/table_header.h),
// normalize (columns of `pdftotext -layout` text, normalize/layout_table.h) and ingest
// (PDF tables printed without lines, ingest/pdf_borderless.h).
//
//   auto t = ruleset::LoadTableRules(*rules).value();
//   for (const ruleset::TableColumn& c : t.columns)   // table.column.*, in file order
//     if (RE2::FullMatch(cell, c.pattern->regex())) return c.kind;   // ColumnKind::kLead
//
// Errors (kRuleSyntax): a table.column.* pattern whose attr.kind is not one of the
// names ColumnKindName gives (file and line in the message); column patterns without the
// row patterns table.row.number, table.row.section_label and
// table.row.column_number_cell. Rules without any table.column.* pattern load as an
// empty `columns` (the stages then find no tables).
//
// Thread-safety: plain values; the patterns belong to the RuleSet, which must outlive them.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::ruleset {

enum class ColumnKind {
  kOther,       // named, but nothing a task needs ("Kinh phí"), or unnamed
  kIndex,       // "STT", "TT"
  kTask,        // "Nội dung nhiệm vụ"
  kLead,        // "Cơ quan chủ trì", "Đơn vị thực hiện"
  kCoordinate,  // "Cơ quan phối hợp"
  kTime,        // "Thời gian hoàn thành", "Thời hạn", "Tiến độ"
  kProduct,     // "Sản phẩm", "Kết quả/sản phẩm"
  kNote,        // "Ghi chú"
};
std::string_view ColumnKindName(ColumnKind kind);  // "other", "index", "task", ...

struct TableColumn {
  const Pattern* pattern = nullptr;
  ColumnKind kind = ColumnKind::kOther;  // never kOther once loaded
};

struct TableRules {
  std::vector<TableColumn> columns;            // table.column.*, in file order
  const Pattern* row_number = nullptr;         // table.row.number: "1", "2.3"
  const Pattern* section_label = nullptr;      // table.row.section_label: "I", "II."
  const Pattern* column_number = nullptr;      // table.row.column_number_cell: "(1)"
};

Result<TableRules> LoadTableRules(const RuleSet& rules);

}  // namespace notices::ruleset
