// Segment and DocumentTree. Tested by tests/segment/segmenter_test.cc.
//
// Two passes over the blocks: first every block gets a line class from the
// segment.* patterns; then the zones are cut (header, title, body, closing, signature,
// recipients) and the body is nested by numbering style.
#include "pipeline/segment/segmenter.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>

#include <re2/re2.h>
#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"

namespace notices::segment {

namespace {

enum class LineClass {
  kText,
  kHeading,
  kBullet,
  kRuleLine,
  kNumberLine,
  kPlaceDate,
  kMotto,
  kDocType,
  kSubjectVv,
  kAddressee,
  kRecipients,
  kSignatureTitle,
  kPersonName,
};

struct Line {
  LineClass cls = LineClass::kText;
  int block = -1;
  Range range;
  Range body;           // without the marker
  std::string label;    // "2.1", "a", "II", "-"
  std::string style;    // decimal1.., roman, alpha, dash, plus, bullet
  bool closing = false;
  bool upper = false;   // all letters are capitals
};

constexpr std::string_view kRequired[] = {
    "segment.heading",     "segment.bullet",         "segment.rule_line",
    "segment.number_line", "segment.place_date",     "segment.motto",
    "segment.doc_type",    "segment.subject_vv",     "segment.addressee",
    "segment.closing",     "segment.recipients",     "segment.signature_title",
    "segment.person_name", "segment.opening_lead", "segment.heading_undotted",
};

bool Matches(const ruleset::RuleSet& rules, std::string_view name, std::string_view text) {
  const ruleset::Pattern* p = rules.FindPattern(name);
  return p != nullptr && RE2::PartialMatch(text, p->regex());
}

// The line patterns Classify asks about, read in one pass (RuleSet::MatchSet).
constexpr std::string_view kLinePatterns[] = {
    "segment.closing", "segment.rule_line",  "segment.doc_type",    "segment.number_line",
    "segment.motto",   "segment.place_date", "segment.subject_vv",  "segment.addressee",
    "segment.recipients", "segment.signature_title", "segment.person_name",
};

// Which of kLinePatterns match `text`, as a bit mask indexed like kLinePatterns.
uint32_t LineHits(const ruleset::RuleSet& rules, std::string_view text) {
  uint32_t mask = 0;
  if (const RE2::Set* set = rules.MatchSet(kLinePatterns)) {
    std::vector<int> hits;
    RE2::Set::ErrorInfo error{RE2::Set::kNoError};
    if (set->Match(re2::StringPiece(text.data(), text.size()), &hits, &error) ||
        error.kind == RE2::Set::kNoError) {
      for (int h : hits) mask |= 1u << h;
      return mask;
    }
  }
  for (size_t i = 0; i < std::size(kLinePatterns); ++i)
    if (Matches(rules, kLinePatterns[i], text)) mask |= 1u << i;
  return mask;
}

// True when the text has letters and none of them is lowercase.
bool IsUpperText(std::string_view text) {
  bool upper = false;
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      if (b >= 'a' && b <= 'z') return false;
      upper |= b >= 'A' && b <= 'Z';
      continue;
    }
    auto c = static_cast<UChar32>(DecodeUtf8(text, i));
    if (u_islower(c)) return false;
    upper |= static_cast<bool>(u_isupper(c));
  }
  return upper;
}

Line Classify(const ruleset::RuleSet& rules, std::string_view text, int block, Range range) {
  Line line;
  line.block = block;
  line.range = range;
  line.body = range;
  line.upper = IsUpperText(text);
  const uint32_t hits = LineHits(rules, text);
  auto hit = [&](std::string_view name) {
    for (size_t i = 0; i < std::size(kLinePatterns); ++i)
      if (kLinePatterns[i] == name) return (hits >> i & 1u) != 0;
    return Matches(rules, name, text);
  };
  line.closing = hit("segment.closing");
  auto marker = [&](const ruleset::Pattern& p, std::string_view& m, std::string_view* groups, int n) {
    std::vector<re2::StringPiece> g(static_cast<size_t>(n));
    if (!p.regex().Match(text, 0, text.size(), RE2::ANCHOR_START, g.data(), n)) return false;
    int mi = p.group("m");
    m = std::string_view(g[static_cast<size_t>(mi)].data(), g[static_cast<size_t>(mi)].size());
    for (int i = 0; i < n; ++i)
      groups[i] = std::string_view(g[static_cast<size_t>(i)].data(), g[static_cast<size_t>(i)].size());
    return true;
  };
  const ruleset::Pattern& heading = rules.pattern("segment.heading");
  const ruleset::Pattern& bullet = rules.pattern("segment.bullet");
  std::string_view m;
  std::string_view groups[8];
  int nh = std::min(8, heading.regex().NumberOfCapturingGroups() + 1);
  int nb = std::min(8, bullet.regex().NumberOfCapturingGroups() + 1);
  if (!hit("segment.rule_line") && marker(heading, m, groups, nh)) {
    line.cls = LineClass::kHeading;
    auto group = [&](const char* name) {
      int g = heading.group(name);
      return g > 0 && g < nh ? groups[g] : std::string_view();
    };
    if (!group("roman").empty()) {
      line.label = std::string(group("roman"));
      line.style = "roman";
    } else if (!group("dec").empty()) {
      line.label = std::string(group("dec"));
      line.style = "decimal" + std::to_string(std::count(line.label.begin(), line.label.end(), '.') + 1);
    } else {
      line.label = std::string(group("alpha"));
      line.style = "alpha";
    }
    line.body = {range.begin + m.size(), range.end};
  } else if (!hit("segment.rule_line") && marker(bullet, m, groups, nb)) {
    line.cls = LineClass::kBullet;
    int g = bullet.group("bullet");
    std::string_view b = g > 0 && g < nb ? groups[g] : std::string_view("-");
    line.label = b == "+" ? "+" : "-";
    line.style = b == "+" ? "plus" : (b == "-" ? "dash" : "bullet");
    line.body = {range.begin + m.size(), range.end};
  } else if (hit("segment.rule_line")) {
    line.cls = LineClass::kRuleLine;
  } else if (hit("segment.doc_type")) {
    line.cls = LineClass::kDocType;
  } else if (hit("segment.number_line")) {
    line.cls = LineClass::kNumberLine;
  } else if (hit("segment.motto")) {
    line.cls = LineClass::kMotto;
  } else if (hit("segment.place_date")) {
    line.cls = LineClass::kPlaceDate;
  } else if (hit("segment.subject_vv")) {
    line.cls = LineClass::kSubjectVv;
  } else if (hit("segment.addressee")) {
    line.cls = LineClass::kAddressee;
  } else if (hit("segment.recipients")) {
    line.cls = LineClass::kRecipients;
  } else if (hit("segment.signature_title")) {
    line.cls = LineClass::kSignatureTitle;
  } else if (hit("segment.person_name")) {
    line.cls = LineClass::kPersonName;
  }
  return line;
}

bool IsHeaderish(const Line& l) {
  switch (l.cls) {
    case LineClass::kRuleLine:
    case LineClass::kNumberLine:
    case LineClass::kPlaceDate:
    case LineClass::kMotto:
    case LineClass::kDocType:
    case LineClass::kSubjectVv:
    case LineClass::kAddressee:
      return true;
    default:
      return false;
  }
}

}  // namespace

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kRoot: return "root";
    case NodeKind::kHeaderLine: return "header_line";
    case NodeKind::kTitle: return "title";
    case NodeKind::kSubject: return "subject";
    case NodeKind::kAddressee: return "addressee";
    case NodeKind::kParagraph: return "paragraph";
    case NodeKind::kHeading: return "heading";
    case NodeKind::kItem: return "item";
    case NodeKind::kClosing: return "closing";
    case NodeKind::kSignature: return "signature";
    case NodeKind::kRecipients: return "recipients";
    case NodeKind::kFootnote: return "footnote";
  }
  return "paragraph";
}

class Segmenter {
 public:
  Segmenter(const normalize::NormalizedText& text, const ruleset::RuleSet& rules)
      : text_(text), rules_(rules) {}

  DocumentTree Run() {
    tree_.nodes_.push_back(Node{NodeKind::kRoot, {0, text_.text.size()}, {0, text_.text.size()},
                                {0, text_.text.size()}, "", "", -1, -1, {}, false});
    if (!rules_.Require(kRequired, {})) {
      // Rules without the segment patterns: everything is one body of paragraphs.
      for (size_t b = 0; b < text_.blocks.size(); ++b) {
        const auto& blk = text_.blocks[b];
        int id = Add(blk.kind == normalize::BlockKind::kFootnote ? NodeKind::kFootnote : NodeKind::kParagraph,
                     static_cast<int>(b), blk.range, blk.range, 0);
        tree_.nodes_[static_cast<size_t>(id)].in_body = true;
      }
      FinishSpans();
      return std::move(tree_);
    }
    std::vector<int> footnotes;
    for (size_t b = 0; b < text_.blocks.size(); ++b) {
      const auto& blk = text_.blocks[b];
      if (blk.kind == normalize::BlockKind::kFootnote) {
        footnotes.push_back(static_cast<int>(b));
        continue;
      }
      std::string_view s(text_.text.data() + blk.range.begin, blk.range.size());
      lines_.push_back(Classify(rules_, s, static_cast<int>(b), blk.range));
    }
    PromoteUndottedHeadings();
    size_t body_begin = CutHeader();
    size_t body_end = CutTail(body_begin);
    BuildBody(body_begin, body_end);
    BuildTail(body_end);
    for (int b : footnotes) {
      const auto& blk = text_.blocks[static_cast<size_t>(b)];
      Add(NodeKind::kFootnote, b, blk.range, blk.range, 0);
    }
    FinishSpans();
    return std::move(tree_);
  }

 private:
  // "6.2 Đối với ..." right after "6.1. ...": an item number that lost its final dot
  // (segment.heading_undotted) but continues the numbering is a heading too. Alone, such
  // a number may be an amount or a clause cited in running text.
  void PromoteUndottedHeadings() {
    const ruleset::Pattern& undotted = rules_.pattern("segment.heading_undotted");
    const int m_group = undotted.group("m"), dec_group = undotted.group("dec");
    if (m_group < 0 || dec_group < 0) return;
    const int n = std::max(m_group, dec_group) + 1;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
    std::map<std::string, std::string, std::less<>> last;  // decimal style -> last label
    for (Line& l : lines_) {
      if (l.cls == LineClass::kHeading) {
        if (l.style.starts_with("decimal")) last[l.style] = l.label;
        continue;
      }
      std::string_view text = TextOf(l);
      if (l.cls != LineClass::kText || text.empty() || text[0] < '1' || text[0] > '9') continue;
      if (!undotted.regex().Match(text, 0, text.size(), RE2::ANCHOR_START, groups.data(), n)) continue;
      std::string label(groups[static_cast<size_t>(dec_group)].data(), groups[static_cast<size_t>(dec_group)].size());
      std::string style = "decimal" + std::to_string(std::count(label.begin(), label.end(), '.') + 1);
      auto prev = last.find(style);
      if (prev == last.end() || !Precedes(prev->second, label)) continue;
      l.cls = LineClass::kHeading;
      l.body = {l.range.begin + groups[static_cast<size_t>(m_group)].size(), l.range.end};
      l.label = label;
      l.style = style;
      last[style] = std::move(label);
    }
  }

  // Whether decimal label `next` is the one after `prev` ("6.1" -> "6.2").
  static bool Precedes(std::string_view prev, std::string_view next) {
    const size_t a = prev.rfind('.'), b = next.rfind('.');
    if (a == std::string_view::npos || b == std::string_view::npos || prev.substr(0, a) != next.substr(0, b))
      return false;
    auto number = [](std::string_view s) {
      int v = 0;
      for (char c : s) v = v * 10 + (c - '0');
      return v;
    };
    return number(prev.substr(a + 1)) + 1 == number(next.substr(b + 1));
  }

  int Add(NodeKind kind, int block, Range line, Range body, int parent, std::string label = {},
          std::string style = {}) {
    Node n;
    n.kind = kind;
    n.block = block;
    n.line = line;
    n.body = body;
    n.span = line;
    n.parent = parent;
    n.label = std::move(label);
    n.style = std::move(style);
    int id = static_cast<int>(tree_.nodes_.size());
    tree_.nodes_.push_back(std::move(n));
    tree_.nodes_[static_cast<size_t>(parent)].children.push_back(id);
    return id;
  }

  int AddLine(NodeKind kind, const Line& l, int parent = 0) {
    return Add(kind, l.block, l.range, l.body, parent, l.label, l.style);
  }

  std::string_view TextOf(const Line& l) const {
    return std::string_view(text_.text.data() + l.range.begin, l.range.size());
  }

  // Finds where the body starts; emits header, title, subject and addressee nodes.
  size_t CutHeader() {
    size_t n = lines_.size();
    // The header lives before the first numbered heading or bullet of the body.
    size_t limit = n;
    for (size_t i = 0; i < n; ++i) {
      if (lines_[i].cls == LineClass::kHeading) { limit = i; break; }
    }
    size_t end = 0;  // one past the last header-ish line
    std::optional<size_t> doc_type, addressee;
    for (size_t i = 0; i < limit; ++i) {
      const Line& l = lines_[i];
      if (!IsHeaderish(l)) continue;
      // A "Kính gửi" or a title deep inside the text is not the header's.
      if (i > 40) break;
      end = i + 1;
      if (l.cls == LineClass::kDocType && !doc_type) doc_type = i;
      if (l.cls == LineClass::kAddressee) addressee = i;
    }
    if (doc_type && *doc_type + 1 < n && *doc_type + 1 >= end) {
      const Line& next = lines_[*doc_type + 1];
      if (next.cls == LineClass::kText) end = *doc_type + 2;  // the subject paragraph
    }
    // The addressee list: "Kính gửi:" followed by its bullet items.
    if (addressee && *addressee + 1 == end) {
      std::string_view a = TextOf(lines_[*addressee]);
      if (!a.empty() && a.back() == ':') {
        while (end < n && lines_[end].cls == LineClass::kBullet) ++end;
      }
    }
    // Issuer lines: capitals above the number line.
    std::optional<size_t> number_line;
    for (size_t i = 0; i < end; ++i)
      if (lines_[i].cls == LineClass::kNumberLine) { number_line = i; break; }
    bool in_addressee = false;
    for (size_t i = 0; i < end; ++i) {
      const Line& l = lines_[i];
      NodeKind kind = NodeKind::kHeaderLine;
      if (l.cls == LineClass::kDocType) {
        kind = NodeKind::kTitle;
      } else if (l.cls == LineClass::kSubjectVv || (doc_type && i == *doc_type + 1 && l.cls == LineClass::kText)) {
        kind = NodeKind::kSubject;
      } else if (l.cls == LineClass::kAddressee || (in_addressee && l.cls == LineClass::kBullet)) {
        kind = NodeKind::kAddressee;
        in_addressee = true;
      }
      int id = AddLine(kind, l);
      switch (kind) {
        case NodeKind::kTitle: tree_.header.title = id; break;
        case NodeKind::kSubject: tree_.header.subject.push_back(id); break;
        case NodeKind::kAddressee: tree_.header.addressees.push_back(id); break;
        default:
          if (l.cls == LineClass::kNumberLine) tree_.header.number_line = id;
          else if (l.cls == LineClass::kPlaceDate) tree_.header.place_date_line = id;
          else if ((l.cls == LineClass::kText || l.cls == LineClass::kSignatureTitle) && l.upper &&
                   number_line && i < *number_line)
            tree_.header.issuer_lines.push_back(id);
          break;
      }
    }
    return end;
  }

  // Finds where the body ends: the closing formula, or the first signature or
  // recipients line after the last body structure.
  size_t CutTail(size_t body_begin) {
    size_t n = lines_.size();
    for (size_t i = body_begin; i < n; ++i) {
      if (lines_[i].closing) return i;
    }
    // No closing formula: the tail starts at "Nơi nhận:" or a signature title followed
    // by nothing but tail lines.
    for (size_t i = body_begin; i < n; ++i) {
      LineClass c = lines_[i].cls;
      if (c == LineClass::kRecipients) return i;
      if (c == LineClass::kSignatureTitle) {
        bool tail = true;
        for (size_t k = i + 1; k < n && tail; ++k) {
          LineClass ck = lines_[k].cls;
          tail = ck != LineClass::kHeading && !(ck == LineClass::kText && lines_[k].range.size() > 120);
        }
        if (tail) return i;
      }
    }
    return n;
  }

  void BuildBody(size_t begin, size_t end) {
    // stack of open list nodes: (style, node id); a new node of a style already open
    // closes everything down to it and becomes its sibling.
    std::vector<std::pair<std::string, int>> stack;
    bool structure_seen = false;
    for (size_t i = begin; i < end; ++i) {
      const Line& l = lines_[i];
      int id;
      if (l.cls == LineClass::kHeading || l.cls == LineClass::kBullet) {
        structure_seen = true;
        auto it = std::find_if(stack.begin(), stack.end(),
                               [&](const auto& e) { return e.first == l.style; });
        if (it != stack.end()) stack.erase(it, stack.end());
        int parent = stack.empty() ? 0 : stack.back().second;
        id = AddLine(l.cls == LineClass::kHeading ? NodeKind::kHeading : NodeKind::kItem, l, parent);
        stack.emplace_back(l.style, id);
      } else {
        // A plain paragraph belongs to the innermost numbered heading, not to a bullet.
        while (!stack.empty() && tree_.nodes_[static_cast<size_t>(stack.back().second)].kind == NodeKind::kItem)
          stack.pop_back();
        int parent = stack.empty() ? 0 : stack.back().second;
        id = AddLine(NodeKind::kParagraph, l, parent);
        if (!structure_seen) tree_.header.opening.push_back(id);
      }
      tree_.nodes_[static_cast<size_t>(id)].in_body = true;
    }
  }

  void BuildTail(size_t begin) {
    size_t n = lines_.size();
    bool in_recipients = false, in_signature = false;
    for (size_t i = begin; i < n; ++i) {
      const Line& l = lines_[i];
      if (i == begin && l.closing) {
        tree_.header.closing = AddLine(NodeKind::kClosing, l);
        // "... thực hiện./.Nơi nhận:" glued on one line: the recipients follow.
        in_recipients = TextOf(l).find("Nơi nhận") != std::string_view::npos;
        continue;
      }
      if (l.cls == LineClass::kRecipients) {
        AddLine(NodeKind::kRecipients, l);
        in_recipients = true;
        in_signature = false;
        // Items written on the same line: "Nơi nhận: - Như trên;".
        continue;
      }
      if (l.cls == LineClass::kSignatureTitle) {
        tree_.header.signature.push_back(AddLine(NodeKind::kSignature, l));
        in_signature = true;
        in_recipients = false;
        continue;
      }
      if (in_signature && l.cls == LineClass::kPersonName) {
        tree_.header.signature.push_back(AddLine(NodeKind::kSignature, l));
        in_signature = false;
        continue;
      }
      if (in_recipients && (l.cls == LineClass::kBullet || l.cls == LineClass::kText) &&
          l.range.size() < 200) {
        int id = AddLine(NodeKind::kRecipients, l);
        // A continuation line of the previous item ("KGVX, TH, TTTT;") joins it.
        if (l.cls == LineClass::kBullet || tree_.header.recipients.empty()) tree_.header.recipients.push_back(id);
        continue;
      }
      if (l.cls == LineClass::kPersonName && !tree_.header.signature.empty()) {
        tree_.header.signature.push_back(AddLine(NodeKind::kSignature, l));
        continue;
      }
      AddLine(NodeKind::kHeaderLine, l);  // trailing chrome
    }
  }

  void FinishSpans() {
    for (int id = tree_.size() - 1; id > 0; --id) {
      Node& n = tree_.nodes_[static_cast<size_t>(id)];
      if (n.parent > 0) {
        Node& p = tree_.nodes_[static_cast<size_t>(n.parent)];
        p.span.begin = std::min(p.span.begin, n.span.begin);
        p.span.end = std::max(p.span.end, n.span.end);
      }
    }
  }

  const normalize::NormalizedText& text_;
  const ruleset::RuleSet& rules_;
  std::vector<Line> lines_;
  DocumentTree tree_;
};

std::vector<int> DocumentTree::BodyNodes() const {
  std::vector<int> out;
  for (int id = 1; id < size(); ++id) {
    const Node& n = nodes_[static_cast<size_t>(id)];
    if (n.in_body) out.push_back(id);
  }
  for (int id = 1; id < size(); ++id)
    if (nodes_[static_cast<size_t>(id)].kind == NodeKind::kFootnote) out.push_back(id);
  return out;
}

std::string DocumentTree::SectionOf(int id) const {
  std::vector<const std::string*> labels;
  for (int cur = id; cur > 0; cur = nodes_[static_cast<size_t>(cur)].parent) {
    const Node& n = nodes_[static_cast<size_t>(cur)];
    if (n.kind == NodeKind::kHeading) labels.push_back(&n.label);
  }
  std::string out;
  const std::string* last = nullptr;
  for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
    const std::string& label = **it;
    if (last != nullptr && label.rfind(*last + ".", 0) == 0) {
      // "2.2" under "2" already carries its parent: "II.1" + "1.1" -> "II.1.1".
      out.resize(out.size() - last->size());
      out += label;
    } else {
      out += (out.empty() ? "" : ".") + label;
    }
    last = &label;
  }
  return out;
}

DocumentTree Segment(const normalize::NormalizedText& text, const ruleset::RuleSet& rules) {
  return Segmenter(text, rules).Run();
}

}  // namespace notices::segment
