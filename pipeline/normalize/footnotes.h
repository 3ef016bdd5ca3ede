// Footnotes: bodies taken out of the running text, and the references to them in it.
// Internal to normalize.
//
//   std::vector<Footnote> notes = FindFootnotes(classifier, doc);   // marks Role::kFootnote
//   std::vector<Substitution> subs;
//   FindReferences(classifier, doc, notes, subs);   // "bật1;" -> "bật¹;" (a substitution)
//
// A body starts at a line beginning with superscript digits ("¹ Trong đó"), or with a
// plain number or asterisks ("1 Như các đề tài", "(*) ...") right after a separator (a
// white-space-only line of 10+ columns or a rule line) or right after the body of the
// footnote numbered one less. In a wrapped text it goes on over the next lines until a
// line ends a sentence or is short (against the widest first line of a footnote), a page
// break or a separator, a paragraph start, or a page-break cue (in a double-spaced text,
// a line not followed by a blank line; in a single-spaced one, a blank line). In a text
// with one paragraph per line a body is one line.
//
// A reference is the first place in the body text, in document order, where the
// footnote's number appears as superscript digits, as digits glued to a word
// (structure.footnote_ref_glued; not after a unit word such as "m" or "km") or to a year
// (structure.footnote_ref_year). Numbers with no body are left alone.
//
// Thread-safety: functions of their arguments.
#pragma once

#include <string>
#include <vector>

#include "pipeline/normalize/document.h"
#include "pipeline/normalize/line_classifier.h"

namespace notices::normalize::internal {

struct Footnote {
  std::string marker;          // "1", "12", "*"
  long number = -1;            // the marker's value; -1 for asterisks
  std::vector<uint32_t> lines; // indices in Document::lines, in order
  Range marker_range;          // the marker in the first line's text (relative)
  bool superscript = false;    // the marker is written in superscript digits
  size_t ref = static_cast<size_t>(-1);  // output offset of the reference (set when written)
};

// A change applied when a line is written: text()[at, at + len) of Document::text is
// written as `text` (or kept, when `keep`). `footnote` >= 0 marks the reference of that
// footnote, whose output offset is recorded.
struct Substitution {
  size_t at = 0;
  size_t len = 0;
  std::string text;
  bool keep = false;
  int footnote = -1;
};

std::vector<Footnote> FindFootnotes(const LineClassifier& classifier, Document& doc);
void FindReferences(const LineClassifier& classifier, const Document& doc,
                    std::vector<Footnote>& notes, std::vector<Substitution>& subs);

// "12" -> "¹²".
std::string SuperscriptDigits(std::string_view digits);

}  // namespace notices::normalize::internal
