// BuildLines, AnalyzeLines. Tested by tests/normalize/normalizer_test.cc (LayoutTest.*,
// UnwrapTest.*) and the golden files.
#include "pipeline/normalize/layout.h"

#include <algorithm>
#include <array>

#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"

namespace notices::normalize::internal {

namespace {

constexpr uint32_t kSeparatorColumns = 10;  // a white-space-only line this wide: footnote separator
constexpr uint32_t kGapColumns = 4;         // spaces that may separate two layout columns
constexpr uint32_t kWideGapColumns = 10;    // spaces that always do
constexpr uint32_t kMinColumnText = 5;      // visible characters before a gap for it to cut the line

inline bool IsBlankByte(char c) { return c == ' ' || c == '\t'; }

// What the line scan of BuildLines does with a byte. Most bytes of Vietnamese text are
// kPlain and are counted without a branch, through the tables below.
enum class ByteClass : uint8_t {
  kPlain,    // visible ASCII but '|' and '.', continuation bytes, leads of U+0080..U+02FF
  kSpace,    // ' '
  kE1,       // lead of U+1000..U+1FFF: Vietnamese letters at U+1E00..U+1EFF
  kSpecial,  // line ends, tab, '|', '.', control characters, other leads
};

struct ByteTables {
  std::array<ByteClass, 256> cls{};
  std::array<uint8_t, 256> column{};  // 1 when the byte starts a character
  std::array<uint8_t, 256> letter{};  // 1 for an ASCII letter
  std::array<uint8_t, 256> marked{};  // 1 for a lead of U+00C0..U+01BF
};

constexpr ByteTables MakeByteTables() {
  ByteTables t{};
  for (int b = 0; b < 256; ++b) {
    auto i = static_cast<size_t>(b);
    ByteClass k = ByteClass::kPlain;
    if (b < 0x20 || b == 0x7F || b == '|' || b == '.') k = ByteClass::kSpecial;
    if (b == ' ') k = ByteClass::kSpace;
    if (b >= 0xC0 && b != 0xE1 && !(b >= 0xC2 && b <= 0xCB)) k = ByteClass::kSpecial;
    if (b == 0xE1) k = ByteClass::kE1;
    t.cls[i] = k;
    t.column[i] = (b & 0xC0) != 0x80;
    t.letter[i] = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
    t.marked[i] = b >= 0xC3 && b <= 0xC6;
  }
  return t;
}
constexpr ByteTables kBytes = MakeByteTables();

struct Cut {
  size_t begin, end;
  Fragment kind;
  uint32_t col_begin, col_end;
  bool table_row = false;
};

inline uint32_t CountChars(std::string_view t) {
  uint32_t n = 0;
  for (char c : t) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool StartsLowerOrDigit(std::string_view s, size_t i) {
  size_t k = i;
  char32_t c = DecodeUtf8(s, k);
  return (c >= '0' && c <= '9') || u_islower(static_cast<UChar32>(c));
}

// A capital letter at s[i]: what follows a "./." glued to the next paragraph.
bool StartsUpper(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  size_t k = i;
  return u_isupper(static_cast<UChar32>(DecodeUtf8(s, k)));
}

// Cuts the content s[cs, ce) of one line (starting at column `indent`) into fragments.
void CutLine(std::string_view s, size_t cs, size_t ce, uint32_t indent, std::vector<Cut>& cuts) {
  cuts.clear();
  // A pipe separates table cells; rows with three or more filled cells stay whole.
  bool pipe_cuts = false, table_row = false;
  if (std::string_view(s.data() + cs, ce - cs).find('|') != std::string_view::npos) {
    int filled = 0, pipes = 0;
    bool cell_has_text = false;
    for (size_t i = cs; i < ce; ++i) {
      bool pipe = s[i] == '|' && (i == cs || s[i - 1] == ' ') && (i + 1 == ce || s[i + 1] == ' ');
      if (pipe) {
        ++pipes;
        filled += cell_has_text;
        cell_has_text = false;
      } else if (!IsBlankByte(s[i])) {
        cell_has_text = true;
      }
    }
    filled += cell_has_text;
    pipe_cuts = pipes > 0 && filled <= 2;
    table_row = pipes > 0 && filled > 2;
  }
  size_t frag = cs;
  uint32_t frag_col = indent, col = indent, frag_chars = 0;
  Fragment kind = Fragment::kLine;
  auto cut = [&](size_t end, uint32_t end_col) {
    while (end > frag && IsBlankByte(s[end - 1])) {
      --end;
      --end_col;
    }
    if (end > frag) cuts.push_back({frag, end, kind, frag_col, end_col, table_row});
  };
  size_t i = cs;
  while (i < ce) {
    char b = s[i];
    if (IsBlankByte(b)) {
      size_t j = i;
      bool tab = false;
      while (j < ce && IsBlankByte(s[j])) tab |= s[j++] == '\t';
      uint32_t width = static_cast<uint32_t>(j - i);
      // A blank form field ("ngày      tháng 6") is a gap followed by lowercase or a
      // digit; a column gap is wide, or followed by something else.
      bool wide = width >= kWideGapColumns ||
                  ((width >= kGapColumns || tab) && j < ce && !StartsLowerOrDigit(s, j));
      if (wide && frag_chars >= kMinColumnText) {
        cut(i, col);
        kind = Fragment::kRight;
        frag = j;
        frag_col = col + width;
        frag_chars = 0;
      }
      col += width;
      i = j;
      continue;
    }
    if (b == '|' && pipe_cuts && (i == frag || s[i - 1] == ' ') && (i + 1 == ce || s[i + 1] == ' ')) {
      cut(i, col);
      kind = Fragment::kCell;
      ++i;
      ++col;
      while (i < ce && IsBlankByte(s[i])) {
        ++i;
        ++col;
      }
      frag = i;
      frag_col = col;
      frag_chars = 0;
      continue;
    }
    if (b == '.' && i + 3 < ce && s[i + 1] == '/' && s[i + 2] == '.' && StartsUpper(s, i + 3)) {
      cut(i + 3, col + 3);
      kind = Fragment::kCell;
      i += 3;
      col += 3;
      frag = i;
      frag_col = col;
      frag_chars = 0;
      continue;
    }
    if ((static_cast<unsigned char>(b) & 0xC0) != 0x80) {
      ++col;
      ++frag_chars;
    }
    ++i;
  }
  cut(ce, col);
}

bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return u_isalnum(static_cast<UChar32>(c));
}

// Lines of OCR debris ("9   <   r   I", "•", "**   J") have no two letters or digits in a row.
bool HasWord(std::string_view t) {
  size_t i = 0;
  bool prev = false;
  while (i < t.size()) {
    unsigned char b = static_cast<unsigned char>(t[i]);
    char32_t c = b < 0x80 ? (++i, b) : DecodeUtf8(t, i);
    bool cur = IsLetterOrDigit(c);
    if (cur && prev) return true;
    prev = cur;
  }
  return false;
}

bool EndsWith(std::string_view t, std::string_view suffix) {
  return t.size() >= suffix.size() && !suffix.empty() && t.back() == suffix.back() &&
         t.compare(t.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Strips closing quotes and brackets: "(năm 2026)." ends a sentence, so does "tỉnh”…".
std::string_view StripClosers(std::string_view t) {
  while (t.size() > 1) {
    char b = t.back();
    if (b == ')' || b == '"' || b == '\'' || b == ']') {
      t.remove_suffix(1);
    } else if (EndsWith(t, "”") || EndsWith(t, "’") || EndsWith(t, "»")) {
      t.remove_suffix(EndsWith(t, "»") ? 2 : 3);
    } else {
      break;
    }
  }
  return t;
}

void SetEdges(const LineClassifier& classifier, std::string_view t, Line& l) {
  if (t.empty()) return;
  std::string_view stripped = StripClosers(t);
  for (const std::string& mark : classifier.sentence_end_marks()) {
    if (EndsWith(stripped, mark)) {
      l.ends_sentence = true;
      break;
    }
  }
  l.ends_comma = t.back() == ',';
  // "(như:" at a line end: the bracket's content runs on to the next line.
  int depth = 0;
  for (char c : t) depth += c == '(' ? 1 : c == ')' ? (depth > 0 ? -1 : 0) : 0;
  l.open_bracket = depth > 0;
  l.ends_hyphen = t.size() >= 2 && t.back() == '-' && t[t.size() - 2] != ' ';
  size_t i = 0;
  char32_t first = DecodeUtf8(t, i);
  l.starts_lower = u_islower(static_cast<UChar32>(first));
  l.starts_digit = first >= '0' && first <= '9';
  l.starts_upper_or_digit = u_isupper(static_cast<UChar32>(first)) || l.starts_digit;
  l.starts_closing = first == ',' || first == '.' || first == ';' || first == ':' || first == ')';
}

// Line ends in s[a, b), counted as BuildLines counts them.
uint32_t CountLineEnds(std::string_view s, size_t a, size_t b, bool& form_feed) {
  uint32_t n = 0;
  for (size_t i = a; i < b; ++i) {
    char c = s[i];
    if (c == '\n' || c == '\f' || (c == '\r' && !(i + 1 < b && s[i + 1] == '\n'))) {
      ++n;
      form_feed |= c == '\f';
    }
  }
  return n;
}

// Appends a cell's pieces (its words on successive lines) joined by single spaces; each
// space maps to the position of the piece after it.
void AppendCell(CharNormalizer& chars, std::string_view s, const std::vector<Range>& pieces, MappedText& out) {
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (k > 0) out.Replace(" ", pieces[k].begin, 0);
    chars.Append(s, pieces[k].begin, pieces[k].end, false, out);
  }
}

// Writes the rows of a layout table as " | " lines (layout_table.h). Every character maps
// to the bytes it came from; the separators map to the position of the text after them.
void EmitTable(CharNormalizer& chars, const LayoutTable& t, uint32_t raw_index, uint32_t& blanks, bool& page_break,
               Document& doc) {
  std::string_view s = doc.decoded;
  size_t line_start = t.begin;
  uint32_t raw = raw_index;
  for (const LayoutRow& r : t.rows) {
    raw += CountLineEnds(s, line_start, r.line_begin, page_break);
    line_start = r.line_begin;
    size_t filled = r.cells.size();
    while (filled > 0 && r.cells[filled - 1].empty()) --filled;
    if (filled == 0) continue;
    // A section row is written as its text form is read: "I. Title" as one line, a
    // bare label ("A", "II") and its title as two, as a " | " row of two cells is cut.
    if (r.section) {
      const Range& label = r.cells[0].empty() ? Range{0, 0} : r.cells[0].front();
      bool glued = label.size() > 0 && (s[label.end - 1] == '.' || s[label.end - 1] == ')');
      for (size_t c = 0; c < filled; ++c) {
        if (r.cells[c].empty()) continue;
        Line l;
        bool joined = glued && c > 0 && !doc.lines.empty() && doc.lines.back().raw_index == raw;
        if (joined) {
          doc.text.Replace(" ", r.cells[c].front().begin, 0);
          Line& prev = doc.lines.back();
          AppendCell(chars, s, r.cells[c], doc.text);
          prev.text_end = doc.text.size();
          prev.src_end = r.cells[c].back().end;
          prev.chars = prev.end_col = CountChars(doc.TextOf(prev));
          continue;
        }
        l.text_begin = doc.text.size();
        AppendCell(chars, s, r.cells[c], doc.text);
        l.text_end = doc.text.size();
        l.src_begin = r.cells[c].front().begin;
        l.src_end = r.cells[c].back().end;
        l.raw_index = raw;
        l.chars = l.end_col = CountChars(doc.TextOf(l));
        l.fragment = c == 0 ? Fragment::kLine : Fragment::kCell;
        l.split = !glued;
        l.blanks_before = blanks;
        l.page_break_before = page_break;
        blanks = 0;
        page_break = false;
        doc.lines.push_back(l);
      }
      continue;
    }
    Line l;
    l.text_begin = doc.text.size();
    size_t at = r.cells[0].empty() ? r.line_begin : r.cells[0].front().begin;
    size_t src_begin = std::string::npos, src_end = 0;
    for (size_t c = 0; c < filled; ++c) {
      const std::vector<Range>& pieces = r.cells[c];
      if (!pieces.empty()) at = pieces.front().begin;
      // "a | | b": an empty cell between two pipes, one space, as normalized text has it.
      if (c > 0) doc.text.Replace(r.cells[c - 1].empty() ? "| " : " | ", at, 0);
      AppendCell(chars, s, pieces, doc.text);
      for (const Range& p : pieces) {
        src_begin = std::min(src_begin, p.begin);
        src_end = std::max(src_end, p.end);
        at = p.end;
      }
    }
    l.text_end = doc.text.size();
    l.src_begin = src_begin == std::string::npos ? r.line_begin : src_begin;
    l.src_end = std::max(src_end, l.src_begin);
    l.raw_index = raw;
    l.chars = CountChars(doc.TextOf(l));
    l.end_col = l.chars;
    l.table_row = true;
    l.blanks_before = blanks;
    l.page_break_before = page_break;
    blanks = 0;
    page_break = false;
    doc.lines.push_back(l);
  }
}

}  // namespace

void BuildLines(CharNormalizer& chars, Document& doc, const std::vector<LayoutTable>& tables) {
  std::string_view s = doc.decoded;
  size_t ascii_letters = 0, marked_letters = 0;
  doc.text.Reserve(s.size() + s.size() / 32 + 16);
  std::vector<Cut> cuts;
  uint32_t raw_index = 0, blanks = 0;
  bool page_break = false, separator = false;
  size_t pos = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t next_table = 0;
  while (pos < n) {
    if (next_table < tables.size() && pos == tables[next_table].begin) {
      const LayoutTable& t = tables[next_table++];
      EmitTable(chars, t, raw_index, blanks, page_break, doc);
      bool unused = false;
      raw_index += CountLineEnds(s, pos, t.end, unused);
      page_break = t.end > pos && s[t.end - 1] == '\f';
      separator = false;
      pos = t.end;
      continue;
    }
    // One pass finds the line end, counts characters, notes what may need cutting and
    // whether NFC could change anything (characters outside the ranges it leaves alone).
    size_t eol = pos;
    uint32_t columns = 0, spaces = 0;
    bool maybe_cut = false, nfc_safe = true;
    while (eol < n) {
      unsigned char c = p[eol];
      ByteClass k = kBytes.cls[c];
      if (k == ByteClass::kPlain) {
        columns += kBytes.column[c];
        ascii_letters += kBytes.letter[c];
        marked_letters += kBytes.marked[c];
        spaces = 0;
        ++eol;
        continue;
      }
      if (k == ByteClass::kSpace) {
        ++spaces;
        ++columns;
        // A run of spaces after some text may separate two columns.
        maybe_cut |= spaces >= kGapColumns && columns > spaces;
        ++eol;
        continue;
      }
      spaces = 0;
      if (k == ByteClass::kE1) {
        bool vietnamese = eol + 1 < n && p[eol + 1] >= 0xB8 && p[eol + 1] <= 0xBB;
        marked_letters += vietnamese;
        nfc_safe &= vietnamese;
        ++columns;
        ++eol;
        continue;
      }
      if (c == '\n' || c == '\r' || c == '\f') break;
      if (c == 0xE2) {
        if (eol + 2 < n && p[eol + 1] == 0x80 && (p[eol + 2] == 0xA8 || p[eol + 2] == 0xA9)) break;
        nfc_safe &= eol + 2 < n && ((p[eol + 1] == 0x80 && p[eol + 2] >= 0x82) || p[eol + 1] == 0x81);
      } else if (c >= 0x80) {
        nfc_safe = false;  // leads NFC has to look at (combining marks ...)
      } else if (c == '\t' || c == '|') {
        maybe_cut = true;
      } else if (c == '.') {
        maybe_cut |= eol + 2 < n && p[eol + 1] == '/' && p[eol + 2] == '.';
      }
      ++columns;
      ++eol;
    }
    size_t cs = pos;
    uint32_t indent = 0;
    while (cs < eol && IsBlankByte(s[cs])) {
      ++cs;
      ++indent;
    }
    size_t ce = eol;
    while (ce > cs && IsBlankByte(s[ce - 1])) --ce;
    bool produced = false;
    if (ce > cs) {
      if (maybe_cut) {
        CutLine(s, cs, ce, indent, cuts);
        // Two column gaps on one line: maybe the header of a layout table.
        size_t right = 0;
        for (const Cut& c : cuts) right += c.kind == Fragment::kRight;
        doc.stats.table_layout |= right >= 2;
      } else
        cuts.assign(1, {cs, ce, Fragment::kLine, indent, columns - static_cast<uint32_t>(eol - ce)});
      for (const Cut& cut : cuts) {
        Line l;
        l.text_begin = doc.text.size();
        bool verbatim = false;
        if (chars.Append(s, cut.begin, cut.end, nfc_safe, doc.text, &verbatim) == 0) continue;
        l.text_end = doc.text.size();
        l.src_begin = cut.begin;
        l.src_end = cut.end;
        l.raw_index = raw_index;
        l.indent = cut.col_begin;
        l.end_col = cut.col_end;
        l.chars = verbatim ? cut.col_end - cut.col_begin : CountChars(doc.TextOf(l));
        l.fragment = cut.kind;
        l.split = cuts.size() > 1;
        l.table_row = cut.table_row;
        if (!produced) {
          l.blanks_before = blanks;
          l.page_break_before = page_break;
          l.separator_before = separator;
        }
        produced = true;
        doc.lines.push_back(l);
      }
    }
    if (produced) {
      blanks = 0;
      page_break = separator = false;
    } else {
      ++blanks;
      separator |= eol - pos >= kSeparatorColumns && ce == cs;
    }
    if (eol >= n) break;
    if (s[eol] == '\r' && eol + 1 < n && s[eol + 1] == '\n') {
      pos = eol + 2;
    } else if (s[eol] == '\xE2') {
      pos = eol + 3;
    } else {
      if (s[eol] == '\f') page_break = true;
      pos = eol + 1;
    }
    ++raw_index;
  }
  // An OCR layer that lost its marks: fewer than one marked letter in fifty.
  size_t letters = ascii_letters + marked_letters;
  doc.stats.folded = letters >= 200 && marked_letters * 50 < letters;
}

void AnalyzeLines(const LineClassifier& classifier, Document& doc, std::vector<int>& scratch) {
  std::vector<uint32_t> ends, indents;
  for (Line& l : doc.lines) {
    std::string_view t = doc.TextOf(l);
    l.cls = classifier.Classify(t, doc.stats.folded, scratch);
    SetEdges(classifier, t, l);
    // OCR debris may look like a title ("A A •A") or a list item ("• **"); headings
    // ("a)"), page numbers and footnote markers are short on purpose.
    if (l.cls.kind != LineKind::kHeading && l.cls.kind != LineKind::kPageNumber &&
        l.cls.kind != LineKind::kFootnoteBody && l.cls.kind != LineKind::kRule)
      l.noise = !HasWord(t);
    if (l.cls.kind == LineKind::kRule || l.noise) l.role = Role::kDropped;
    if (l.fragment == Fragment::kLine && !l.split && !l.noise && l.cls.kind != LineKind::kRule &&
        l.cls.kind != LineKind::kPageNumber) {
      ends.push_back(l.end_col);
      indents.push_back(l.indent);
    }
  }

  DocStats& st = doc.stats;
  if (ends.size() >= 6) {
    std::vector<uint32_t> sorted = ends;
    std::sort(sorted.begin(), sorted.end());
    uint32_t w = sorted[sorted.size() * 3 / 4];
    size_t over = 0, near = 0;
    for (uint32_t e : ends) {
      over += e * 5 > w * 6;
      near += e * 4 >= w * 3;
    }
    st.width = w;
    st.wrapped = w >= 40 && w <= 130 && over * 10 <= ends.size() && near * 2 >= ends.size();
  }
  if (st.wrapped) {
    std::array<uint32_t, 64> counts{};
    for (uint32_t in : indents) counts[std::min<uint32_t>(in, 63)]++;
    st.margin = static_cast<uint32_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    size_t at_margin = 0;
    for (uint32_t in : indents) at_margin += in <= st.margin + 2;
    st.indent_cue = at_margin * 2 >= indents.size();
  }
  size_t pairs = 0, spaced = 0;
  for (size_t i = 1; i < doc.lines.size(); ++i) {
    if (doc.lines[i].raw_index == doc.lines[i - 1].raw_index) continue;
    ++pairs;
    spaced += doc.lines[i].blanks_before >= 1;
  }
  st.double_spaced = pairs >= 4 && spaced * 10 >= pairs * 6;

  // Page numbers count only next to a page break, or centred far right of the margin in
  // a wrapped text; elsewhere "2" is text.
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    Line& l = doc.lines[i];
    if (l.cls.kind != LineKind::kPageNumber) continue;
    bool next_break = i + 1 < doc.lines.size() && doc.lines[i + 1].page_break_before;
    bool centred = st.wrapped && l.indent * 3 >= st.width && !l.split;
    if (l.page_break_before || next_break || centred)
      l.role = Role::kDropped;
    else
      l.cls.kind = LineKind::kText;
  }
}

}  // namespace notices::normalize::internal
