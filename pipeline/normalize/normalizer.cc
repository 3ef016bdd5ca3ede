// Normalizer and Normalize(): compose layout, footnotes and paragraphs, then write the
// blocks. Tested by tests/normalize/normalizer_test.cc, tests/normalize/golden_test.cc.
#include "pipeline/normalize/normalizer.h"

#include <algorithm>
#include <climits>
#include <mutex>
#include <optional>
#include <vector>

#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"

#include "pipeline/normalize/char_normalizer.h"
#include "pipeline/normalize/document.h"
#include "pipeline/normalize/footnotes.h"
#include "pipeline/normalize/layout.h"
#include "pipeline/normalize/layout_table.h"
#include "pipeline/normalize/line_classifier.h"
#include "pipeline/normalize/paragraphs.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::normalize {

using internal::Document;
using internal::Footnote;
using internal::Line;
using internal::LineKind;
using internal::Paragraph;
using internal::Substitution;

struct Normalizer::Impl {
  std::shared_ptr<const ruleset::RuleSet> rules;  // keeps the patterns alive
  std::unique_ptr<const internal::LineClassifier> classifier;
  internal::LayoutTableFinder tables;  // empty: finds nothing
  Options options;
  std::string missing_rules;  // set when the rules lack structure patterns
};

Normalizer::Normalizer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;
Normalizer::~Normalizer() = default;

Result<Normalizer> Normalizer::Create(std::shared_ptr<const ruleset::RuleSet> rules,
                                      const Options& options) {
  if (!rules) return Error(ErrorCode::kInternal, "Normalizer::Create: no rules");
  auto classifier = internal::LineClassifier::Create(*rules);
  if (!classifier) return classifier.error();
  auto tables = internal::LayoutTableFinder::Create(*rules);
  if (!tables) return tables.error();
  auto impl = std::make_unique<Impl>();
  impl->rules = std::move(rules);
  impl->classifier = std::move(classifier).value();
  impl->tables = std::move(tables).value();
  impl->options = options;
  return Normalizer(std::move(impl));
}

namespace {

// Writes the bytes of one line, applying the substitutions that fall in it.
void WriteLine(const Document& doc, const Line& l, const std::vector<Substitution>& subs,
               std::vector<Footnote>& notes, MappedBuilder& b) {
  size_t a = l.text_begin;
  auto it = std::lower_bound(subs.begin(), subs.end(), a,
                             [](const Substitution& s, size_t at) { return s.at < at; });
  for (; it != subs.end() && it->at < l.text_end; ++it) {
    doc.text.EmitTo(a, it->at, b);
    if (it->footnote >= 0) notes[static_cast<size_t>(it->footnote)].ref = b.size();
    if (it->keep) {
      doc.text.EmitTo(it->at, it->at + it->len, b);
    } else {
      Range src = doc.text.Source(it->at, it->at + it->len);
      b.Replace(it->text, src.begin, src.size());
    }
    a = it->at + it->len;
  }
  doc.text.EmitTo(a, l.text_end, b);
}

// Bullets are written "-" or "+" and a space: "•Như trên" -> "- Như trên".
void AddBulletSubstitution(const Document& doc, const Line& l, std::vector<Substitution>& subs) {
  if (l.cls.kind != LineKind::kBullet || l.cls.m.size() == 0 || l.cls.normalized.empty()) return;
  std::string_view t = doc.TextOf(l);
  std::string_view glyph = t.substr(l.cls.m.begin, l.cls.m.size());
  if (glyph != l.cls.normalized)
    subs.push_back({l.text_begin + l.cls.m.begin, glyph.size(), std::string(l.cls.normalized), false, -1});
  if (l.cls.m.end < t.size() && t[l.cls.m.end] != ' ')
    subs.push_back({l.text_begin + l.cls.m.end, 0, " ", false, -1});
}

// Footnote markers are written in superscript digits and followed by a space.
void AddMarkerSubstitution(const Document& doc, const Footnote& f, std::vector<Substitution>& subs) {
  const Line& l = doc.lines[f.lines.front()];
  std::string_view t = doc.TextOf(l);
  if (f.number >= 0 && !f.superscript)
    subs.push_back({l.text_begin + f.marker_range.begin, f.marker_range.size(),
                    internal::SuperscriptDigits(f.marker), false, -1});
  if (f.marker_range.end < t.size() && t[f.marker_range.end] != ' ' && f.number >= 0)
    subs.push_back({l.text_begin + f.marker_range.end, 0, " ", false, -1});
}

// OCR reads a speck at the start of a line as a dash: "- trò cơ quan ..." in the middle
// of a sentence (seed-000-scan). On an OCR'd page, a dash bullet whose text starts with a
// lowercase letter, right under a body line that does not end its sentence, is that
// sentence's next line: it becomes text and its dash is dropped. Typed pages keep every
// bullet: lowercase items exist there.
void JoinOcrSpecks(const ingest::DecodedText& input, Document& doc, std::vector<Substitution>& subs) {
  std::vector<bool> ocr;
  for (const ingest::OcrPage& p : input.ocr_pages) {
    if (p.page < 1) continue;
    if (ocr.size() <= static_cast<size_t>(p.page)) ocr.resize(static_cast<size_t>(p.page) + 1, false);
    ocr[static_cast<size_t>(p.page)] = true;
  }
  const Line* prev = nullptr;
  for (Line& l : doc.lines) {
    if (l.role != internal::Role::kBody || l.fragment == internal::Fragment::kRight) continue;
    const Line* above = prev;
    prev = &l;
    if (l.cls.kind != LineKind::kBullet || l.cls.normalized != "-" || l.cls.m.size() == 0) continue;
    if (above == nullptr || l.blanks_before > 0 || l.page_break_before || above->ends_sentence ||
        (above->cls.kind != LineKind::kText && above->cls.kind != LineKind::kBullet))
      continue;
    std::string_view before = doc.TextOf(*above);
    if (before.empty() || before.back() == ':' || before.back() == ';') continue;
    const auto page = static_cast<size_t>(input.PageAt(l.src_begin));
    if (page >= ocr.size() || !ocr[page]) continue;
    std::string_view t = doc.TextOf(l);
    size_t k = l.cls.m.end;
    while (k < t.size() && t[k] == ' ') ++k;
    if (k >= t.size() || !u_islower(static_cast<UChar32>(DecodeUtf8(t, k)))) continue;
    size_t body = l.cls.m.end;
    while (body < t.size() && t[body] == ' ') ++body;
    subs.push_back({l.text_begin + l.cls.m.begin, body - l.cls.m.begin, "", false, -1});
    l.cls = {};
    l.starts_lower = true;
    l.starts_upper_or_digit = l.starts_digit = false;
  }
}

}  // namespace

NormalizedText Normalizer::Run(const ingest::DecodedText& input) const {
  const internal::LineClassifier& classifier = *impl_->classifier;
  const Options& options = impl_->options;
  NormalizedText out;
  if (!impl_->missing_rules.empty())
    out.warnings.push_back("structure_rules_missing: " + impl_->missing_rules +
                           "; lines are joined by length and punctuation only");

  Document doc(input.text);
  internal::CharNormalizer chars;
  internal::BuildLines(chars, doc);
  if (doc.stats.table_layout) {
    // Rare (a line with two column gaps): the lines are built again around the tables.
    std::vector<internal::LayoutTable> tables = impl_->tables.Find(input.text);
    if (!tables.empty()) {
      doc = Document(input.text);
      internal::BuildLines(chars, doc, tables);
    }
  }
  std::vector<int> scratch;
  internal::AnalyzeLines(classifier, doc, scratch);

  std::vector<Footnote> notes;
  std::vector<Substitution> subs;
  if (!input.ocr_pages.empty()) JoinOcrSpecks(input, doc, subs);
  if (options.extract_footnotes) {
    notes = internal::FindFootnotes(classifier, doc);
    internal::FindReferences(classifier, doc, notes, subs);
  }
  std::vector<Paragraph> paragraphs = internal::BuildParagraphs(doc, options.unwrap_lines);
  for (const Paragraph& p : paragraphs) AddBulletSubstitution(doc, doc.lines[p.lines.front()], subs);
  for (const Footnote& f : notes) AddMarkerSubstitution(doc, f, subs);
  std::stable_sort(subs.begin(), subs.end(),
                   [](const Substitution& a, const Substitution& b) { return a.at < b.at; });

  MappedBuilder b;
  b.Reserve(doc.text.size() + paragraphs.size() + 16);
  auto write = [&](const Paragraph& p, BlockKind kind) {
    const Line& first = doc.lines[p.lines.front()];
    if (b.size() > 0) b.Insert("\n", first.src_begin);
    size_t begin = b.size();
    for (size_t k = 0; k < p.lines.size(); ++k) {
      const Line& l = doc.lines[p.lines[k]];
      if (k > 0 && !p.tight[k]) b.Insert(" ", l.src_begin);
      WriteLine(doc, l, subs, notes, b);
    }
    out.blocks.push_back({kind, {begin, b.size()}, {}, std::string::npos});
  };
  for (const Paragraph& p : paragraphs) write(p, BlockKind::kParagraph);

  std::vector<size_t> order(notes.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  // Numbered footnotes in number order, then asterisks in document order.
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    long a = notes[x].number < 0 ? LONG_MAX : notes[x].number;
    long c = notes[y].number < 0 ? LONG_MAX : notes[y].number;
    return a < c;
  });
  for (size_t k : order) {
    write(internal::JoinFootnoteLines(doc, notes[k].lines), BlockKind::kFootnote);
    out.blocks.back().marker = notes[k].marker;
    out.blocks.back().ref = notes[k].ref;
    if (notes[k].ref == std::string::npos)
      out.warnings.push_back("footnote_unreferenced: footnote " + notes[k].marker +
                             " has no reference in the text");
  }
  auto [text, map] = std::move(b).Finish();
  out.text = std::move(text);
  out.to_decoded = std::move(map);
  return out;
}

NormalizedText Normalize(const ingest::DecodedText& input, const ruleset::RuleSet& rules,
                         const Options& options) {
  // The built-in rules live as long as the process: their Normalizers are built once,
  // one per combination of options.
  auto builtin = ruleset::RuleSet::Builtin();
  if (builtin && builtin->get() == &rules) {
    static std::once_flag once[4];
    static std::optional<Normalizer> cached[4];
    size_t k = (options.unwrap_lines ? 1 : 0) + (options.extract_footnotes ? 2 : 0);
    std::call_once(once[k], [&] {
      auto n = Normalizer::Create(*builtin, options);
      if (n) cached[k].emplace(std::move(n).value());
    });
    if (cached[k]) return cached[k]->Run(input);
  }
  // The caller keeps `rules` alive for the call: a non-owning shared_ptr is enough.
  std::shared_ptr<const ruleset::RuleSet> borrowed(std::shared_ptr<const ruleset::RuleSet>(), &rules);
  auto normalizer = Normalizer::Create(borrowed, options);
  if (normalizer) return normalizer->Run(input);
  auto impl = std::make_unique<Normalizer::Impl>();
  impl->rules = borrowed;
  impl->classifier = internal::LineClassifier::Empty();
  impl->options = options;
  impl->missing_rules = normalizer.error().message;
  return Normalizer(std::move(impl)).Run(input);
}

}  // namespace notices::normalize
