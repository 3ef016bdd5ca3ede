// Segment: normalized text -> the document tree of a Vietnamese administrative document
// (layout of Nghị định 30/2020/NĐ-CP).
//
//   segment::DocumentTree tree = segment::Segment(normalized, *rules);
//   for (int id : tree.node(tree.body()).children) {
//     const segment::Node& n = tree.node(id);
//     // n.kind == kHeading, n.label == "2.1", n.children: its items ...
//   }
//   if (tree.header.number_line) ...   // the "Số: 229/TB-VP" block
//
// Zones, in document order: the header (issuing body, "Số: ...", national motto, place
// and date), the title (document type "THÔNG BÁO" and subject, or "V/v ..." for a công
// văn), "Kính gửi: ...", the body (opening paragraphs, then numbered sections "1.",
// "2.1.", "I.", "a)" and bullets "-", "+", nested by their numbering style), the closing
// formula ("... thông báo để các cơ quan liên quan thực hiện./."), the signature block
// and the recipients ("Nơi nhận:"); footnotes come last. Each node keeps its span. Line
// classes come from rules/structure.toml (patterns named structure.*).
//
// Never fails: text without any recognisable layout is one body of paragraphs.
// Thread-safety: Segment is reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/common/offset_map.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::segment {

enum class NodeKind {
  kRoot,        // the whole document; children are the zones' nodes in order
  kHeaderLine,  // a line of the header zone (issuer, number, motto, place and date)
  kTitle,       // the document type line ("THÔNG BÁO")
  kSubject,     // the subject ("Kết luận của ...", "V/v ...")
  kAddressee,   // "Kính gửi: ..." (and its list items)
  kParagraph,   // a body paragraph that is not a list item
  kHeading,     // a numbered heading or item ("1.", "2.1.", "I.", "a)") and its children
  kItem,        // a bullet item ("-", "+", "•") and its children
  kClosing,     // the closing formula
  kSignature,   // a line of the signature block
  kRecipients,  // "Nơi nhận:" or one of its items
  kFootnote,    // a footnote body
};
const char* NodeKindName(NodeKind kind);

struct Node {
  NodeKind kind = NodeKind::kParagraph;
  Range line;          // the node's own block (bytes in the normalized text)
  Range body;          // `line` without its marker ("2.1. ", "- ")
  Range span;          // the node and all its descendants
  std::string label;   // numbering without punctuation: "2.1", "I", "a"; bullets: "-", "+"
  std::string style;   // numbering style: "roman", "decimal1", "decimal2", ..., "alpha",
                       // "dash", "plus", "bullet"; "" for unnumbered nodes
  int block = -1;      // index into NormalizedText::blocks
  int parent = -1;
  std::vector<int> children;
  bool in_body = false;  // between the title/opening and the closing formula
};

struct Header {
  std::vector<int> issuer_lines;     // the issuing body (left column, above "Số:")
  std::optional<int> number_line;    // "Số: 229/TB-VP"
  std::optional<int> place_date_line;// "Lạng Sơn, ngày 05 tháng 4 năm 2026"
  std::optional<int> title;          // "THÔNG BÁO"
  std::vector<int> subject;          // subject paragraphs ("Kết luận ...", "V/v ...")
  std::vector<int> addressees;       // "Kính gửi: ..." nodes
  std::vector<int> opening;          // body paragraphs before the first heading/item
  std::optional<int> closing;
  std::vector<int> signature;        // signature lines, title first, name last
  std::vector<int> recipients;       // "Nơi nhận:" items (without the "Nơi nhận:" line)
};

class DocumentTree {
 public:
  const Node& node(int id) const { return nodes_[static_cast<size_t>(id)]; }
  int root() const { return 0; }
  int size() const { return static_cast<int>(nodes_.size()); }
  const std::vector<Node>& nodes() const { return nodes_; }
  // Nodes of the body in document order (headings, items, paragraphs), footnotes last.
  std::vector<int> BodyNodes() const;
  // The chain of numbered headings above a node, e.g. "2.2" or "3.a"; "" when none.
  std::string SectionOf(int id) const;

  Header header;

 private:
  friend class Segmenter;
  std::vector<Node> nodes_;
};

DocumentTree Segment(const normalize::NormalizedText& text, const ruleset::RuleSet& rules);

}  // namespace notices::segment
