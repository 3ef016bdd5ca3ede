// Normalize: decoded text -> clean paragraphs for extraction, with provenance.
//
//   auto rules = ruleset::RuleSet::Builtin().value();
//   auto normalizer = normalize::Normalizer::Create(rules, {});   // once; compiles the
//   if (!normalizer) ...                                          // line patterns
//   normalize::NormalizedText n = normalizer->Run(decoded);       // per document
//   for (const normalize::Block& b : n.blocks)
//     std::cout << n.text.substr(b.range.begin, b.range.size()) << "\n";
//   Range src = n.to_decoded.ToSource(b.range);   // back to the decoded text
//
//   // Or, with the built-in rules (their Normalizer is built once per process):
//   normalize::NormalizedText n = normalize::Normalize(decoded, *rules, {});
//
// What it does, in order:
//   1. characters: NFC; one canonical tone-mark placement (the classic one, "hòa",
//      "thủy", "khỏe"; see tone.h) and repair of misplaced marks ("qúy" -> "quý");
//      NBSP, tabs and other Unicode spaces -> ' ', runs of spaces -> one; zero-width
//      characters (U+200B..U+200D, U+2060, U+FEFF), soft hyphens, bidi marks and control
//      characters removed; CR LF / CR / LF / U+2028 end a line, a form feed ends a page;
//      emphasis left by converters removed ("**26/5/2026**" -> "26/5/2026", but "(**)"
//      stays); invalid UTF-8 becomes U+FFFD.
//   2. layout: a line of a `pdftotext -layout` text that holds two columns (a gap of 4+
//      spaces or a tab) is cut there; the right-hand pieces (signature, national title)
//      come out after the run of lines they sit in, as paragraphs of their own. Table
//      cells joined by " | " are cut into paragraphs when a row has at most two filled
//      cells (header and signature tables); rows with more cells stay one paragraph. Page
//      numbers next to a page break, rule lines ("-------", "____"), and lines of OCR
//      noise with no two letters or digits in a row are dropped. A task table in the
//      column layout of `pdftotext -layout` (a header naming a task and a lead column
//      through the table.column.* rules, cells one or more spaces apart, wrapped over
//      lines) is rewritten as " | " rows, one paragraph per row, each character mapped
//      to the word it came from (layout_table.h); its page numbers and repeated header
//      are dropped.
//   3. lines -> paragraphs (the exact order of the decisions is in paragraphs.h):
//      hard-wrapped lines are joined with a space (with nothing after a word ending in
//      '-': "178/2026/NĐ-" + "CP"). A line starts a new paragraph when it is a numbered
//      heading ("1.", "2.1.", "I.", "a)", "Điều 1."), a list item ("-", "+", "•" ...), a
//      title line in capitals, a header line ("Số:", "V/v", "Lạng Sơn, ngày ...", "Kính
//      gửi:", "Nơi nhận:", the motto) or a signature line (patterns in
//      rules/structure.toml), a table row, or when the line before it ended a sentence
//      and was short compared to the document's line width (estimated from the line
//      lengths; texts with one paragraph per line are recognised and not joined). A line
//      starting in lowercase or with a digit, or after a line ending in ',', continues the
//      paragraph (after a numbered heading too: headings wrap). In `pdftotext -layout`
//      texts an indented line starts a paragraph. Blank lines separate paragraphs unless
//      the text puts one after every line. The subject after a type heading ("THÔNG
//      BÁO") and a "V/v" subject are one paragraph; a recipient item that wraps is one.
//      List glyphs are written as "-" ("•", "▪", "*", "–", Symbol-font bullets) or "+"
//      (a second level), followed by one space.
//   4. footnotes: bodies ("¹ Trong đó ...", or "1 Như các đề tài ..." after a separator
//      line of spaces or underscores) leave the running text and become footnote blocks at
//      the end, written "¹ Trong đó ..." (the marker as superscript digits). A body may
//      span lines; it ends at a line that ends a sentence or is short, at a page-break cue
//      or at the next footnote. References glued to a word or a year ("nổi bật1;", "năm
//      20261;") become superscript markers ("nổi bật¹;", "năm 2026¹;") when a body with
//      that number exists, so a year never reads "20261". A paragraph cut by a footnote
//      body or a page break is joined again.
//
// Layout of `text`: one block per line, separated by '\n' (no trailing '\n'), body blocks
// in document order (right-hand column pieces after their run of lines), then the
// footnote blocks in marker order. Every byte of `text` maps back to the decoded text
// through `to_decoded`: copied bytes to themselves, rewritten characters to the
// characters they came from, inserted separators (the '\n' between blocks, the space
// that replaces a line break) to the position of the text that follows them.
// Normalizing a normalized text changes nothing (tested on the seeds, the devset and the
// real-PDF texts). The output keeps no layout, so a break that only layout decided (a
// blank line inside a short subject, a right-hand column piece) may be joined by a second
// pass when the words on both sides read as one sentence.
//
// Never fails: any input gives some text (possibly empty). Doubtful calls are reported in
// `warnings` ("footnote_unreferenced: ...").
// Thread-safety: a Normalizer is immutable after Create; Run may be called from many
// threads at once. Normalize() is reentrant.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/common/offset_map.h"
#include "pipeline/ingest/decoded_text.h"

namespace notices::ruleset {
class RuleSet;
}

namespace notices::normalize {

struct Options {
  bool unwrap_lines = true;       // join hard-wrapped lines into paragraphs; false: one
                                  // block per line (fragment) of the input
  bool extract_footnotes = true;  // false: footnote bodies stay where they are, and
                                  // references are left as written
};

enum class BlockKind {
  kParagraph,  // a paragraph, heading, list item, title or signature line of the body
  kFootnote,   // a footnote body; `marker` is its number
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Range range;              // bytes in NormalizedText::text, without the '\n'
  std::string marker;       // footnotes: "1", "2", "*"
  size_t ref = std::string::npos;  // footnotes: byte offset in NormalizedText::text of
                                   // the reference marker in the body ("¹" in "2026¹"),
                                   // npos when no reference was found
};

struct NormalizedText {
  std::string text;
  OffsetMap to_decoded;     // bytes of `text` -> bytes of DecodedText::text
  std::vector<Block> blocks;
  std::vector<std::string> warnings;
};

class Normalizer {
 public:
  // Looks up and compiles the structure.* patterns of `rules` (rules/structure.toml).
  // Fails with kRuleSyntax naming the first pattern or list the rules lack.
  static Result<Normalizer> Create(std::shared_ptr<const ruleset::RuleSet> rules,
                                   const Options& options);

  NormalizedText Run(const ingest::DecodedText& input) const;

  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;
  ~Normalizer();

  struct Impl;

 private:
  friend NormalizedText Normalize(const ingest::DecodedText&, const ruleset::RuleSet&, const Options&);
  explicit Normalizer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

// Runs a Normalizer: for RuleSet::Builtin() one built once per process and options; for
// other rules one built for this call (compiling the line patterns takes milliseconds:
// use Normalizer::Create for batches). When `rules` lacks the structure patterns, lines
// are still normalized and joined by their lengths and punctuation, and a warning says
// which rule is missing.
NormalizedText Normalize(const ingest::DecodedText& input, const ruleset::RuleSet& rules,
                         const Options& options);

}  // namespace notices::normalize
