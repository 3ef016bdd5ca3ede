// FindFootnotes, FindReferences, SuperscriptDigits. Tested by
// tests/normalize/normalizer_test.cc (FootnoteTest.*) and the golden files.
#include "pipeline/normalize/footnotes.h"

#include <algorithm>
#include <array>

#include "pipeline/common/utf8.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::normalize::internal {

namespace {

constexpr std::string_view kSuperscripts[10] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c == 0xB9) return 1;
  if (c == 0xB2) return 2;
  if (c == 0xB3) return 3;
  if (c == 0x2070) return 0;
  if (c >= 0x2074 && c <= 0x2079) return static_cast<int>(c - 0x2070);
  return -1;
}

// The value of a marker written in plain or superscript digits ("12", "¹²"); -1 for
// anything else. `ascii` receives the plain digits.
long MarkerValue(std::string_view m, std::string* ascii) {
  long v = 0;
  bool any = false;
  for (size_t i = 0; i < m.size();) {
    int d = DigitValue(DecodeUtf8(m, i));
    if (d < 0) return -1;
    v = v * 10 + d;
    any = true;
    if (ascii) ascii->push_back(static_cast<char>('0' + d));
    if (v > 9999) return -1;
  }
  return any ? v : -1;
}

constexpr size_t kNone = static_cast<size_t>(-1);

bool IsNumber(long v, const std::vector<long>& sorted_numbers) {
  return std::binary_search(sorted_numbers.begin(), sorted_numbers.end(), v);
}

// A quick look for what the reference patterns need: superscript digits, or one or two
// digits glued to the character before, or a 5-6 digit run ending in a footnote number.
// Lines without any skip the regular expressions.
constexpr std::array<bool, 256> MakeInteresting() {
  std::array<bool, 256> t{};
  for (int b = '0'; b <= '9'; ++b) t[static_cast<size_t>(b)] = true;
  t[0xC2] = t[0xE2] = true;
  return t;
}
constexpr std::array<bool, 256> kInteresting = MakeInteresting();

bool MayHoldReference(std::string_view t, const std::vector<long>& numbers) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const size_t n = t.size();
  for (size_t i = 0; i < n; ++i) {
    while (i < n && !kInteresting[p[i]]) ++i;
    if (i >= n) break;
    unsigned char b = p[i];
    if (b == 0xC2) {
      if (i + 1 < n && (p[i + 1] == 0xB2 || p[i + 1] == 0xB3 || p[i + 1] == 0xB9)) return true;
      continue;
    }
    if (b == 0xE2) {
      if (i + 2 < n && p[i + 1] == 0x81 && p[i + 2] >= 0xB0 && p[i + 2] <= 0xB9) return true;
      continue;
    }
    size_t j = i;
    while (j < n && p[j] >= '0' && p[j] <= '9') ++j;
    size_t len = j - i;
    bool glued = i > 0 && p[i - 1] != ' ';
    long value = len == 1 ? p[i] - '0' : (p[i] - '0') * 10 + (p[i + 1] - '0');
    if (glued && len <= 2 && IsNumber(value, numbers)) return true;
    if (len >= 5 && len <= 6 &&
        (IsNumber(p[j - 1] - '0', numbers) || IsNumber((p[j - 2] - '0') * 10 + (p[j - 1] - '0'), numbers)))
      return true;
    i = j - 1;  // the loop steps to p[j], which may be a superscript ("2026¹")
  }
  return false;
}

// Whether a body line before `end` carries a reference glued to a word or a year with
// number `v` ("năm 20261"). Legacy 8-bit encodings have no superscripts, so their
// footnote bodies start with a plain number and often without a separator line (a
// footnote that sat at the foot of a page lands mid-text); such a reference is what
// tells the body from a number that starts a line.
bool GluedReferenceBefore(const LineClassifier& classifier, const Document& doc, size_t end, long v) {
  const std::vector<long> numbers{v};
  constexpr int kMaxGroups = 16;
  re2::StringPiece groups[kMaxGroups];
  for (size_t k = 0; k < end; ++k) {
    const Line& l = doc.lines[k];
    if (l.role != Role::kBody) continue;
    std::string_view t = doc.TextOf(l);
    if (!MayHoldReference(t, numbers)) continue;
    for (const ruleset::Pattern* p : {classifier.ref_glued(), classifier.ref_year()}) {
      if (p == nullptr) continue;
      int gm = p->group("m"), gw = p->group("word");
      int ng = std::max(gm, gw) + 1;
      if (gm <= 0 || ng > kMaxGroups) continue;
      size_t pos = 0;
      while (pos <= t.size() && p->regex().Match(t, pos, t.size(), RE2::UNANCHORED, groups, ng)) {
        size_t match_end = static_cast<size_t>(groups[0].data() - t.data()) + groups[0].size();
        if (groups[gm].data() != nullptr) {
          std::string_view word;
          if (gw > 0 && groups[gw].data() != nullptr) word = std::string_view(groups[gw].data(), groups[gw].size());
          if (MarkerValue(std::string_view(groups[gm].data(), groups[gm].size()), nullptr) == v &&
              (word.empty() || !classifier.IsUnitWord(word)))
            return true;
          match_end = static_cast<size_t>(groups[gm].data() - t.data()) + groups[gm].size();
        }
        pos = match_end > pos ? match_end : pos + 1;
      }
    }
  }
  return false;
}

}  // namespace

std::string SuperscriptDigits(std::string_view digits) {
  std::string out;
  for (char c : digits)
    if (c >= '0' && c <= '9') out.append(kSuperscripts[c - '0']);
  return out;
}

std::vector<Footnote> FindFootnotes(const LineClassifier& classifier, Document& doc) {
  std::vector<Footnote> notes;
  std::vector<Line>& lines = doc.lines;
  const size_t n = lines.size();
  auto separated = [&](size_t i) {
    return lines[i].separator_before || (i > 0 && lines[i - 1].cls.kind == LineKind::kRule);
  };
  auto plain_value = [&](size_t i, Range* range) {
    const Line& l = lines[i];
    std::string_view t = doc.TextOf(l);
    bool star = !l.cls.footnote_plain;
    Range r = classifier.FootnoteMarker(t, star, doc.stats.folded);
    if (range) *range = r;
    if (r.size() == 0) return -2L;
    return star ? -1L : MarkerValue(t.substr(r.begin, r.size()), nullptr);
  };
  // The widest first line of a footnote: footnotes are set smaller, so their lines run
  // longer than the body's.
  uint32_t width = doc.stats.width;
  for (size_t i = 0; i < n; ++i) {
    const Line& l = lines[i];
    if (l.role == Role::kBody && (l.cls.kind == LineKind::kFootnoteBody ||
                                  ((l.cls.footnote_plain || l.cls.footnote_star) && separated(i))))
      width = std::max(width, l.end_col);
  }

  size_t last_end = kNone;
  long last_number = -2;
  for (size_t i = 0; i < n; ++i) {
    Line& l = lines[i];
    if (l.role != Role::kBody) continue;
    std::string_view t = doc.TextOf(l);
    Footnote f;
    if (l.cls.kind == LineKind::kFootnoteBody) {
      f.superscript = true;
      f.marker_range = l.cls.m;
      f.number = MarkerValue(t.substr(l.cls.m.begin, l.cls.m.size()), &f.marker);
      if (f.number < 0) continue;
    } else if (l.cls.footnote_plain || l.cls.footnote_star) {
      long v = plain_value(i, &f.marker_range);
      if (v == -2) continue;
      bool right_after = false;
      if (last_end != kNone && v >= 0 && v == last_number + 1) {
        right_after = true;
        for (size_t k = last_end + 1; k < i; ++k)
          if (lines[k].role != Role::kDropped) right_after = false;
      }
      if (!separated(i) && !right_after && (v < 0 || !GluedReferenceBefore(classifier, doc, i, v))) continue;
      f.number = v;
      if (v >= 0)
        f.marker = std::to_string(v);
      else
        f.marker = std::string(t.substr(f.marker_range.begin, f.marker_range.size()));
    } else {
      continue;
    }
    l.role = Role::kFootnote;
    f.lines.push_back(static_cast<uint32_t>(i));
    size_t j = i;
    while (doc.stats.wrapped) {
      size_t k = j + 1;
      bool page_cut = false;
      for (; k < n && lines[k].role == Role::kDropped; ++k) page_cut |= !lines[k].noise;
      if (k >= n || page_cut) break;
      const Line& a = lines[j];
      const Line& b = lines[k];
      if (b.role != Role::kBody || b.fragment != Fragment::kLine) break;
      if (b.page_break_before || b.separator_before) break;
      if (b.cls.kind != LineKind::kText && b.cls.kind != LineKind::kSignerName) break;
      if (b.cls.footnote_plain && f.number >= 0 && plain_value(k, nullptr) == f.number + 1) break;
      if (a.ends_sentence || a.end_col * 5 < width * 4) break;
      bool cue = doc.stats.double_spaced ? b.blanks_before == 0 : b.blanks_before >= 1;
      if (cue) break;
      lines[k].role = Role::kFootnote;
      f.lines.push_back(static_cast<uint32_t>(k));
      j = k;
    }
    last_end = f.lines.back();
    last_number = f.number;
    notes.push_back(std::move(f));
  }
  return notes;
}

void FindReferences(const LineClassifier& classifier, const Document& doc,
                    std::vector<Footnote>& notes, std::vector<Substitution>& subs) {
  if (notes.empty()) return;
  struct Candidate {
    size_t begin, end;
    bool superscript;
    std::string_view word;
  };
  const ruleset::Pattern* patterns[] = {classifier.ref_superscript(), classifier.ref_glued(),
                                        classifier.ref_year()};
  std::vector<bool> referenced(notes.size(), false);
  std::vector<long> numbers;
  for (const Footnote& f : notes) numbers.push_back(f.number);
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  // For each number, its footnotes in document order; the next reference goes to the
  // first one not yet referenced.
  std::vector<std::pair<long, size_t>> by_number;
  for (size_t k = 0; k < notes.size(); ++k) by_number.push_back({notes[k].number, k});
  std::sort(by_number.begin(), by_number.end());
  size_t open = notes.size();
  std::vector<Candidate> candidates;
  constexpr int kMaxGroups = 16;
  re2::StringPiece groups[kMaxGroups];
  for (const Line& l : doc.lines) {
    if (open == 0) break;
    if (l.role != Role::kBody) continue;
    std::string_view t = doc.TextOf(l);
    if (!MayHoldReference(t, numbers)) continue;
    candidates.clear();
    for (const ruleset::Pattern* p : patterns) {
      if (p == nullptr) continue;
      const RE2& re = p->regex();
      int gm = p->group("m"), gw = p->group("word");
      int ng = std::max(gm, gw) + 1;
      if (gm <= 0 || ng > kMaxGroups) continue;
      size_t pos = 0;
      while (pos <= t.size() && re.Match(t, pos, t.size(), RE2::UNANCHORED, groups, ng)) {
        size_t match_end = static_cast<size_t>(groups[0].data() - t.data()) + groups[0].size();
        if (groups[gm].data() != nullptr) {
          size_t b = static_cast<size_t>(groups[gm].data() - t.data());
          std::string_view word;
          if (gw > 0 && groups[gw].data() != nullptr) word = std::string_view(groups[gw].data(), groups[gw].size());
          candidates.push_back({b, b + groups[gm].size(), p == patterns[0], word});
          // The next search starts after the marker: the right edge a pattern consumes
          // may be the left edge of the next reference.
          match_end = b + groups[gm].size();
        }
        pos = match_end > pos ? match_end : pos + 1;
      }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    for (const Candidate& c : candidates) {
      std::string digits;
      long v = MarkerValue(t.substr(c.begin, c.end - c.begin), &digits);
      if (v < 0 || (!c.word.empty() && classifier.IsUnitWord(c.word))) continue;
      auto it = std::lower_bound(by_number.begin(), by_number.end(), std::pair<long, size_t>{v, 0});
      while (it != by_number.end() && it->first == v && referenced[it->second]) ++it;
      if (it == by_number.end() || it->first != v) continue;
      size_t k = it->second;
      referenced[k] = true;
      --open;
      Substitution sub;
      sub.at = l.text_begin + c.begin;
      sub.len = c.end - c.begin;
      sub.keep = c.superscript;
      if (!c.superscript) sub.text = SuperscriptDigits(digits);
      sub.footnote = static_cast<int>(k);
      subs.push_back(std::move(sub));
    }
  }
}

}  // namespace notices::normalize::internal
