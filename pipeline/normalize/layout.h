// Layout: decoded text -> lines and fragments with normalized characters (BuildLines),
// then their classes, the document's statistics and the lines that are not text
// (AnalyzeLines). Internal to normalize.
//
// Line ends: LF, CR LF, CR, U+2028, U+2029; a form feed ends a line and a page. A line
// is cut into fragments at a layout gap (4+ spaces or a tab, once the piece before has
// 5+ characters; the piece after is Fragment::kRight), at a table pipe " | " when the
// row has at most two filled cells (Fragment::kCell), and after a "./." glued to the
// next word ("thực hiện./.Nơi nhận:").
//
// Statistics: the wrap width is the 75th percentile of the line end columns; a text is
// hard-wrapped when that width is 40..130 columns, half the lines reach 3/4 of it and at
// most a tenth overshoot it by a fifth. It is double-spaced when 60% of the lines are
// followed by a blank line; it has an indent cue (first-line indents, `pdftotext
// -layout`) when it is wrapped and half its lines sit at the usual margin.
//
// Thread-safety: functions of their arguments.
#pragma once

#include <vector>

#include "pipeline/normalize/char_normalizer.h"
#include "pipeline/normalize/document.h"
#include "pipeline/normalize/layout_table.h"
#include "pipeline/normalize/line_classifier.h"

namespace notices::normalize::internal {

// `tables` (sorted, from LayoutTableFinder::Find on doc.decoded) replace their lines by
// one table_row line per row, "c1 | c2 | ... | cn" (trailing empty cells left out).
void BuildLines(CharNormalizer& chars, Document& doc, const std::vector<LayoutTable>& tables = {});
void AnalyzeLines(const LineClassifier& classifier, Document& doc, std::vector<int>& scratch);

}  // namespace notices::normalize::internal
