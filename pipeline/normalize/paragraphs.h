// Paragraphs: which body lines join into one paragraph, and in what order paragraphs are
// written. Internal to normalize. The rules are listed in normalizer.h; the decision for
// two consecutive body lines A and B is, in order:
//   - B starts a paragraph by its pattern (heading, list item, title, header,
//     signature ...), or A or B is a table row: new paragraph;
//   - A is a title, type heading, header, signature line or a bare "Kính gửi:" /
//     "Nơi nhận:" label: new paragraph;
//   - A ends with a '-' glued to a word and B starts with a capital or digit: joined
//     without a space ("NĐ-" + "CP");
//   - B starts with , . ; : ) : joined without a space ("- VPCP" + ": BTCN");
//   - A ends with ',', or B starts in lowercase or with a digit and A did not end a
//     sentence: joined (also after a numbered heading: a heading that wraps goes on
//     in lowercase, "... quản lý, sử" + "dụng hoặc khai thác ...");
//   - B is a table cell or comes after a rule line ("-------"): new paragraph;
//   - in a "Kính gửi"/"Nơi nhận" list, a short B continues a "-" item that did not end
//     with ';' or '.'; in the subject after a type heading or "V/v", short lines that do
//     not end a sentence join;
//   - a blank line (two in a double-spaced text) not caused by a page break or a
//     footnote: new paragraph;
//   - wrapped text: B indented past the margin (first-line indent) or A short: new
//     paragraph, else joined; one paragraph per line: new paragraph, unless a page break
//     or footnote cut a sentence.
// Right-hand layout pieces (Fragment::kRight) are paragraphs of their own, written after
// the run of lines they sit in (at the next blank line or page break).
//
// Thread-safety: functions of their arguments.
#pragma once

#include <cstdint>
#include <vector>

#include "pipeline/normalize/document.h"

namespace notices::normalize::internal {

struct Paragraph {
  std::vector<uint32_t> lines;  // indices in Document::lines
  std::vector<bool> tight;      // tight[k]: line k joins line k-1 without a space
};

std::vector<Paragraph> BuildParagraphs(const Document& doc, bool unwrap);
// One paragraph per footnote, its lines joined as body lines are.
Paragraph JoinFootnoteLines(const Document& doc, const std::vector<uint32_t>& lines);

}  // namespace notices::normalize::internal
