// ReadDocumentInfo. Tested by tests/extract/document_info_test.cc and the golden tests.
#include "pipeline/extract/document_info.h"

#include <array>

#include "pipeline/extract/reference_finder.h"

namespace notices::extract {

namespace {

std::string_view Line(const normalize::NormalizedText& text, const segment::DocumentTree& tree,
                      int id) {
  const segment::Node& n = tree.node(id);
  return std::string_view(text.text).substr(n.line.begin, n.line.size());
}

// The texts of named groups of `pattern`'s first match in `s` (one match for all), ""
// for a group that is missing or did not take part.
template <size_t N>
std::array<std::string, N> Groups(const ruleset::Pattern* pattern, std::string_view s,
                                  const std::array<std::string_view, N>& names, MatchMode mode) {
  std::array<std::string, N> out;
  if (pattern == nullptr) return out;
  const RE2& re = mode == MatchMode::kFolded ? pattern->folded_regex() : pattern->regex();
  std::vector<re2::StringPiece> groups(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  if (!re.Match(s, 0, s.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
    return out;
  for (size_t i = 0; i < N; ++i) {
    int g = pattern->group(names[i]);
    if (g < 0) continue;
    const re2::StringPiece& sp = groups[static_cast<size_t>(g)];
    if (sp.data()) out[i] = std::string(sp);
  }
  return out;
}

// The text of a named group of `pattern` matched in `s`, or "".
std::string Group(const ruleset::Pattern* pattern, std::string_view s, std::string_view group,
                  MatchMode mode) {
  return Groups<1>(pattern, s, {group}, mode)[0];
}

std::string Strip(std::string_view s, std::string_view chars) {
  size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(chars);
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

DocumentInfo ReadDocumentInfo(const normalize::NormalizedText& text,
                              const segment::DocumentTree& tree, const ruleset::RuleSet& rules,
                              const DeadlineFinder& dates, MatchMode mode) {
  DocumentInfo info;
  const segment::Header& h = tree.header;
  if (h.title) {
    std::string type = Group(rules.FindPattern("segment.doc_type"), Line(text, tree, *h.title), "type", mode);
    if (!type.empty()) info.type = type;
  }
  if (h.number_line) {
    std::string number = NormalizeDocumentNumber(
        Group(rules.FindPattern("segment.number_line"), Line(text, tree, *h.number_line), "number", mode));
    if (!number.empty()) info.number = number;
  }
  if (!h.issuer_lines.empty()) {
    std::string issuer;
    for (int id : h.issuer_lines) {
      if (!issuer.empty()) issuer += ' ';
      issuer += Line(text, tree, id);
    }
    info.issuer = issuer;
  }
  if (h.place_date_line) {
    std::string_view line = Line(text, tree, *h.place_date_line);
    std::string place = Group(rules.FindPattern("segment.place_date"), line, "place", mode);
    if (!place.empty()) info.place = Strip(place, " ");
    const segment::Node& n = tree.node(*h.place_date_line);
    auto found = dates.FindDates(text.text, n.line, {}, mode);
    if (!found.empty()) info.date = found.back().date;
  }
  if (!h.subject.empty()) {
    std::string subject;
    for (int id : h.subject) {
      if (!subject.empty()) subject += ' ';
      std::string_view s = Line(text, tree, id);
      for (std::string_view prefix : {"V/v ", "V/V ", "Về việc "}) {
        if (s.substr(0, prefix.size()) == prefix) s.remove_prefix(prefix.size());
      }
      subject += s;
    }
    info.subject = subject;
  }
  // The meeting: an opening paragraph starting with its date ("Ngày 20/3/2026, đồng chí
  // ..."), with the chair named there.
  const ruleset::Pattern* opening = rules.FindPattern("document.meeting_opening");
  const ruleset::Pattern* chair = rules.FindPattern("document.meeting_chair");
  for (int id : h.opening) {
    std::string_view para = Line(text, tree, id);
    if (opening == nullptr ||
        !RE2::PartialMatch(para, mode == MatchMode::kFolded ? opening->folded_regex() : opening->regex()))
      continue;
    const segment::Node& n = tree.node(id);
    Meeting m;
    auto found = dates.FindDates(text.text, {n.line.begin, std::min(n.line.end, n.line.begin + 40)}, {}, mode);
    if (!found.empty()) m.date = found.front().date;
    auto [name, title] = Groups<2>(chair, para, {"name", "title"}, mode);
    if (!name.empty()) m.chair = title.empty() ? name : name + ", " + title;
    info.meeting = m;
    break;
  }
  // Signer: title lines, then the name.
  if (!h.signature.empty()) {
    const ruleset::Pattern* person = rules.FindPattern("segment.person_name");
    Person signer;
    for (size_t i = 0; i < h.signature.size(); ++i) {
      std::string_view line = Line(text, tree, h.signature[i]);
      bool last = i + 1 == h.signature.size();
      bool is_name = last && h.signature.size() > 1 && person != nullptr &&
                     RE2::PartialMatch(line, mode == MatchMode::kFolded ? person->folded_regex()
                                                                        : person->regex());
      if (is_name) {
        signer.name = std::string(line);
      } else {
        if (!signer.title.empty()) signer.title += " / ";
        signer.title += line;
      }
    }
    if (!signer.name.empty() || !signer.title.empty()) info.signer = signer;
  }
  // Recipients: the "Kính gửi" addressees, then the "Nơi nhận" items; a line without a
  // bullet continues the item above it.
  auto add_items = [&](const std::vector<int>& ids, bool skip_first_label) {
    for (size_t i = 0; i < ids.size(); ++i) {
      const segment::Node& n = tree.node(ids[i]);
      std::string_view body = std::string_view(text.text).substr(n.body.begin, n.body.size());
      if (skip_first_label && i == 0) {
        size_t colon = body.find(':');
        if (colon == std::string_view::npos) continue;
        body = body.substr(colon + 1);
      }
      std::string item = Strip(body, " ;.,:");
      if (item.empty()) continue;
      info.recipients.push_back(item);
    }
  };
  add_items(h.addressees, true);
  // Continuation lines of a recipient item are separate nodes right after it.
  for (int id : h.recipients) {
    const segment::Node& n = tree.node(id);
    std::string item = Strip(std::string_view(text.text).substr(n.body.begin, n.body.size()), " ;.,");
    for (int next = id + 1; next < tree.size(); ++next) {
      const segment::Node& c = tree.node(next);
      if (c.kind != segment::NodeKind::kRecipients || !c.label.empty()) break;
      item += ' ' + Strip(std::string_view(text.text).substr(c.body.begin, c.body.size()), " ;.,");
    }
    if (!item.empty()) info.recipients.push_back(item);
  }
  return info;
}

}  // namespace notices::extract
