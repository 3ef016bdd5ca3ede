// BuildParagraphs, JoinFootnoteLines. Tested by tests/normalize/normalizer_test.cc
// (UnwrapTest.*, ParagraphStartTest.*) and the golden files.
#include "pipeline/normalize/paragraphs.h"

namespace notices::normalize::internal {

namespace {

constexpr uint32_t kSubjectLineChars = 100;  // subject lines are short, centred lines
constexpr uint32_t kIndentColumns = 3;       // a first-line indent is at least this deep

enum class Glue { kBreak, kSpace, kTight };

// What lies between two body lines.
struct Gap {
  uint32_t blanks = 0;
  bool page_break = false;  // a form feed or a dropped page number
  bool footnote = false;    // a footnote body was taken out
  bool rule = false;        // a rule line ("-------") that is not a footnote separator
  bool soft() const { return page_break || footnote; }
};

bool StartsParagraph(LineKind k) {
  return k != LineKind::kText && k != LineKind::kSignerName && k != LineKind::kPageNumber;
}

// Lines after which a paragraph never goes on.
bool EndsParagraph(const Document& doc, const Line& a) {
  switch (a.cls.kind) {
    case LineKind::kTitle:
    case LineKind::kDocType:
    case LineKind::kHeader:
    case LineKind::kSignature:
    case LineKind::kSignerName:
      return true;
    case LineKind::kAddressee:
    case LineKind::kRecipients: {
      std::string_view t = doc.TextOf(a);
      return !t.empty() && t.back() == ':';
    }
    default:
      return false;
  }
}

bool EndsItem(std::string_view t) { return !t.empty() && (t.back() == ';' || t.back() == '.'); }

struct Context {
  bool subject = false;  // the open paragraph is a subject (after "THÔNG BÁO", or "V/v")
  bool list = false;     // the open paragraph is an item of a "Kính gửi" / "Nơi nhận" list
};

Glue Decide(const Document& doc, const Line& a, const Line& b, const Gap& gap, const Context& ctx) {
  const DocStats& st = doc.stats;
  if (StartsParagraph(b.cls.kind) || a.table_row || b.table_row) return Glue::kBreak;
  if (EndsParagraph(doc, a)) return Glue::kBreak;
  // What the words say comes first: a sentence that goes on goes on, even past a table
  // cell border or a rule line. (The output keeps no trace of those, so this also keeps
  // normalizing twice from joining what once was split.)
  if (a.ends_hyphen && b.starts_upper_or_digit) return Glue::kTight;
  if (b.starts_closing) return Glue::kTight;
  if (a.ends_comma || a.open_bracket) return Glue::kSpace;
  if ((b.starts_lower || b.starts_digit) && !a.ends_sentence) return Glue::kSpace;
  if (b.fragment == Fragment::kCell || gap.rule) return Glue::kBreak;
  if (ctx.list && b.chars < kSubjectLineChars && !EndsItem(doc.TextOf(a))) return Glue::kSpace;
  bool blank_break = !gap.soft() && gap.blanks >= (st.double_spaced ? 2u : 1u);
  // A subject goes on over short lines; a short line that ends a sentence is the text
  // after it.
  if (ctx.subject && a.chars < kSubjectLineChars && b.chars < kSubjectLineChars && !a.ends_sentence &&
      !b.ends_sentence && !blank_break)
    return Glue::kSpace;
  if (blank_break) return Glue::kBreak;
  if (st.wrapped) {
    // A first-line indent: past the usual margin, or past the line above.
    if (st.indent_cue && b.indent >= st.margin + kIndentColumns) return Glue::kBreak;
    if (b.indent >= a.indent + kIndentColumns) return Glue::kBreak;
    if (doc.IsShort(a)) return Glue::kBreak;
    return Glue::kSpace;
  }
  if (gap.soft() && !a.ends_sentence) return Glue::kSpace;
  return Glue::kBreak;
}

}  // namespace

std::vector<Paragraph> BuildParagraphs(const Document& doc, bool unwrap) {
  std::vector<Paragraph> out;
  std::vector<uint32_t> deferred;  // right-hand layout pieces waiting for their run to end
  bool flush = false;
  Paragraph open;
  Context ctx;
  bool in_list = false;  // inside a "Kính gửi" / "Nơi nhận" list
  LineKind open_kind = LineKind::kText;  // kind of the open paragraph's first line
  Gap gap;

  auto close = [&]() {
    if (!open.lines.empty()) out.push_back(std::move(open));
    open = Paragraph{};
    if (flush) {
      for (uint32_t r : deferred) out.push_back(Paragraph{{r}, {false}});
      deferred.clear();
      flush = false;
    }
  };
  auto start = [&](uint32_t i) {
    const Line& l = doc.lines[i];
    bool after_type = open_kind == LineKind::kDocType;
    close();
    open.lines.push_back(i);
    open.tight.push_back(false);
    ctx.subject = after_type || l.cls.kind == LineKind::kSubject;
    // A list item of "Kính gửi" / "Nơi nhận" may wrap; the label line itself does not
    // run on into the text after it.
    if (l.cls.kind == LineKind::kAddressee || l.cls.kind == LineKind::kRecipients)
      in_list = true;
    else if (l.cls.kind != LineKind::kBullet)
      in_list = false;
    ctx.list = in_list && l.cls.kind == LineKind::kBullet;
    open_kind = l.cls.kind;
  };

  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Line& l = doc.lines[i];
    uint32_t idx = static_cast<uint32_t>(i);
    if (l.fragment == Fragment::kRight && l.role != Role::kFootnote) {
      if (l.role == Role::kBody) {
        if (unwrap)
          deferred.push_back(idx);
        else
          out.push_back(Paragraph{{idx}, {false}});
      }
      continue;
    }
    gap.blanks += l.blanks_before;
    gap.page_break |= l.page_break_before;
    if (l.role == Role::kFootnote) {
      gap.footnote = true;
      continue;
    }
    if (l.role == Role::kDropped) {
      if (l.cls.kind == LineKind::kRule) {
        // A rule right above a footnote separates it; it does not end the paragraph.
        bool separator = i + 1 < doc.lines.size() && doc.lines[i + 1].role == Role::kFootnote;
        gap.rule |= !separator;
      }
      if (l.cls.kind == LineKind::kPageNumber) gap.page_break = true;
      continue;
    }
    if ((gap.blanks > 0 || gap.page_break) && !deferred.empty()) flush = true;
    if (!unwrap || open.lines.empty()) {
      start(idx);
    } else {
      Glue g = Decide(doc, doc.lines[open.lines.back()], l, gap, ctx);
      if (g == Glue::kBreak) {
        start(idx);
      } else {
        open.lines.push_back(idx);
        open.tight.push_back(g == Glue::kTight);
      }
    }
    gap = Gap{};
  }
  flush = true;
  close();
  return out;
}

Paragraph JoinFootnoteLines(const Document& doc, const std::vector<uint32_t>& lines) {
  Paragraph p;
  for (size_t k = 0; k < lines.size(); ++k) {
    p.lines.push_back(lines[k]);
    bool tight = k > 0 && doc.lines[lines[k - 1]].ends_hyphen && doc.lines[lines[k]].starts_upper_or_digit;
    p.tight.push_back(tight);
  }
  return p;
}

}  // namespace notices::normalize::internal
