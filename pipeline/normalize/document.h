// The model one Normalize run works on: the lines of the decoded text (cut into layout
// fragments), their normalized text with its map, their classification, and the
// statistics the paragraph decisions use. Internal to normalize.
//
//   Document doc(decoded.text);
//   BuildLines(char_normalizer, doc);          // layout.h: lines, fragments, characters
//   AnalyzeLines(classifier, doc, scratch);    // layout.h: classes, stats, dropped lines
//   FindFootnotes(classifier, doc);            // footnotes.h
//   BuildParagraphs(doc, options);             // paragraphs.h
//
// Thread-safety: a plain value owned by one run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/normalize/line_classifier.h"
#include "pipeline/normalize/mapped_text.h"

namespace notices::normalize::internal {

enum class Fragment : uint8_t {
  kLine,   // a line, or the first piece of a line cut by the layout
  kRight,  // a piece after a layout gap (4+ spaces, a tab): a column to its right
  kCell,   // a piece after a table pipe " | " or after a glued "./.": starts a paragraph
};

enum class Role : uint8_t {
  kBody,      // running text
  kFootnote,  // part of a footnote body
  kDropped,   // page number, rule line, OCR noise: not written
};

struct Line {
  size_t text_begin = 0, text_end = 0;  // normalized text, in Document::text
  size_t src_begin = 0, src_end = 0;    // the fragment, in the decoded text
  uint32_t raw_index = 0;               // input line number, 0-based
  uint32_t indent = 0;                  // columns before the fragment in its input line
  uint32_t end_col = 0;                 // column where the fragment ends
  uint32_t chars = 0;                   // code points of the normalized text
  Fragment fragment = Fragment::kLine;
  bool split = false;                   // its input line was cut into several fragments
  bool table_row = false;               // a table row of three or more cells (" | ")
  // Between the previous line and this one:
  uint32_t blanks_before = 0;           // blank or white-space-only input lines
  bool page_break_before = false;       // a form feed
  bool separator_before = false;        // a white-space-only line of 10+ columns
  LineClass cls;
  bool noise = false;                   // no two letters or digits in a row
  bool ends_sentence = false;           // ends with a structure.sentence_end_marks mark
  bool ends_comma = false;
  bool open_bracket = false;            // a "(" opened on the line is still open at its end
  bool ends_hyphen = false;             // ends with '-' glued to a word ("NĐ-")
  bool starts_lower = false;            // first character is a lowercase letter
  bool starts_upper_or_digit = false;
  bool starts_digit = false;
  bool starts_closing = false;          // starts with , . ; : ) (a break before punctuation)
  Role role = Role::kBody;
};

struct DocStats {
  bool wrapped = false;        // hard-wrapped at `width` (not one paragraph per line)
  uint32_t width = 0;          // estimated wrap width, in columns
  bool double_spaced = false;  // a blank line after (nearly) every line
  bool indent_cue = false;     // an indented line starts a paragraph (pdftotext -layout)
  uint32_t margin = 0;         // the usual indentation of wrapped lines
  bool folded = false;         // the text has (nearly) no diacritics: match folded rules
  bool table_layout = false;   // a line with two column gaps: look for layout tables
};

struct Document {
  explicit Document(std::string_view d) : decoded(d) {}
  std::string_view decoded;
  MappedText text;
  std::vector<Line> lines;
  DocStats stats;

  std::string_view TextOf(const Line& l) const {
    return std::string_view(text.text()).substr(l.text_begin, l.text_end - l.text_begin);
  }
  // A line is short when it ends well before the wrap width: the line after it was not
  // pushed down by the width, so the paragraph may have ended there.
  bool IsShort(const Line& l) const { return l.end_col * 5 < stats.width * 4; }
};

}  // namespace notices::normalize::internal
