// Normalize: decoded text -> clean paragraphs for extraction, with provenance.
//
//   auto rules = ruleset::RuleSet::Builtin().value();
//   normalize::NormalizedText n = normalize::Normalize(decoded, *rules, {});
//   for (const normalize::Block& b : n.blocks)
//     std::cout << n.text.substr(b.range.begin, b.range.size()) << "\n";
//   Range src = n.to_decoded.ToSource(b.range);   // back to the decoded text
//
// What it does, in order:
//   1. characters: NFC; one canonical tone-mark placement (the classic one, "hòa",
//      "thủy", "khỏe"; see tone.h) and repair of misplaced marks ("qúy" -> "quý");
//      NBSP, tabs and other spaces -> ' ', zero-width characters and soft hyphens
//      removed, CR/LF unified, converter leftovers (`**26/5/2026**`) removed;
//   2. lines -> paragraphs: hard-wrapped lines are joined; a line starts a new paragraph
//      when it is a numbered heading ("1.", "2.1.", "I.", "a)"), a bullet ("-", "+",
//      "•", "*"), a title line, a signature or "Nơi nhận:" line (patterns in
//      rules/structure.toml), or follows a line that ended a sentence and was short;
//   3. footnotes: bodies ("¹ Trong đó ...", "1 Như các đề tài ...") leave the running
//      text and become footnote blocks at the end; references glued to a word or a year
//      ("nổi bật1;", "năm 2026¹") become superscript markers ("nổi bật¹;", "năm 2026¹"),
//      so a year never reads "20261"; a paragraph cut by a footnote body and a page
//      break is joined again.
//
// Layout of `text`: one block per line, separated by '\n', body blocks in document
// order, then the footnote blocks in marker order. Every byte of `text` maps back to
// the decoded text through `to_decoded`. Normalizing a normalized text changes nothing.
//
// Never fails: any UTF-8 input gives some text (possibly empty).
// Thread-safety: Normalize is reentrant; the RuleSet is shared read-only.
#pragma once

#include <string>
#include <vector>

#include "pipeline/common/offset_map.h"
#include "pipeline/ingest/decoded_text.h"

namespace notices::ruleset {
class RuleSet;
}

namespace notices::normalize {

struct Options {
  bool unwrap_lines = true;     // join hard-wrapped lines into paragraphs
  bool extract_footnotes = true;
};

enum class BlockKind {
  kParagraph,  // a paragraph, heading, list item, title or signature line of the body
  kFootnote,   // a footnote body; `marker` is its number
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Range range;              // bytes in NormalizedText::text, without the '\n'
  std::string marker;       // footnotes: "1", "2", "*"
  size_t ref = std::string::npos;  // footnotes: byte offset of the reference marker in
                                   // the body, npos when no reference was found
};

struct NormalizedText {
  std::string text;
  OffsetMap to_decoded;     // bytes of `text` -> bytes of DecodedText::text
  std::vector<Block> blocks;
  std::vector<std::string> warnings;
};

NormalizedText Normalize(const ingest::DecodedText& input, const ruleset::RuleSet& rules,
                         const Options& options);

}  // namespace notices::normalize
