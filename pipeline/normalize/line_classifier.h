// LineClassifier: what a normalized line is, by the structure.* patterns of
// rules/structure.toml (numbered heading, list item, title, header, signature, footnote
// body, page number, rule line ...). Internal to normalize; the segment stage reads the
// same patterns.
//
//   auto c = LineClassifier::Create(rules);           // compiles one anchored RE2::Set
//   LineClass lc = c->Classify("2.1. Các sở, ngành", /*folded=*/false, scratch);
//   lc.kind == LineKind::kHeading; lc.m == Range{0, 4};
//
// Every line goes through one RE2::Set pass (anchored at the line start); only the
// pattern that wins is run again, when its group `m` is needed. `folded` uses the
// patterns compiled without diacritics, for texts that lost their marks (OCR layers);
// that set is compiled at its first use.
//
// Thread-safety: immutable after Create; Classify is const and reentrant (callers own the
// scratch vector).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/set.h>

#include "pipeline/common/error.h"
#include "pipeline/common/offset_map.h"

namespace notices::ruleset {
class Pattern;
class RuleSet;
}  // namespace notices::ruleset

namespace notices::normalize::internal {

// In priority order: when several patterns match a line, the first kind wins.
enum class LineKind : uint8_t {
  kText,          // none of the below
  kFootnoteBody,  // "¹ Trong đó ..." (structure.footnote_body)
  kRule,          // "-------", "_____"
  kPageNumber,    // "2", "- 2 -"
  kHeading,       // "1.", "2.1.", "I.", "a)", "Điều 1."
  kBullet,        // "-", "+", "•" ...
  kHeader,        // "Số:", "Lạng Sơn, ngày ...", the motto
  kSubject,       // "V/v ..."
  kAddressee,     // "Kính gửi:"
  kRecipients,    // "Nơi nhận:"
  kSignature,     // "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"
  kDocType,       // "THÔNG BÁO" alone
  kTitle,         // a line in capitals
  kSignerName,    // "Vi Thiện Việt"
  kFootnotePlain, // "1 Như các đề tài ..." (a footnote only after a separator)
  kFootnoteStar,  // "(*) ..." (idem)
};

struct LineClass {
  LineKind kind = LineKind::kText;
  Range m;                          // group `m` of the winning pattern, in the line
  std::string_view normalized;      // bullets: the glyph to write ("-", "+")
  bool footnote_plain = false;      // also a plain-number footnote start
  bool footnote_star = false;       // also an asterisk footnote start
  bool signer_name = false;         // also a signer's name
};

class LineClassifier {
 public:
  // Fails (kRuleSyntax) when the rules lack a structure.* pattern this stage needs.
  static Result<std::unique_ptr<const LineClassifier>> Create(const ruleset::RuleSet& rules);
  // A classifier that knows no patterns: every line is kText.
  static std::unique_ptr<const LineClassifier> Empty();

  LineClass Classify(std::string_view line, bool folded, std::vector<int>& scratch) const;
  // The marker (group `marker`) of a footnote start written with a plain number
  // (`star` false) or asterisks (`star` true); empty when the line is not one.
  Range FootnoteMarker(std::string_view line, bool star, bool folded) const;

  // Footnote references (searched anywhere in a line); nullptr when absent.
  const ruleset::Pattern* ref_superscript() const { return ref_superscript_; }
  const ruleset::Pattern* ref_glued() const { return ref_glued_; }
  const ruleset::Pattern* ref_year() const { return ref_year_; }
  // structure.sentence_end_marks and structure.unit_words (canonical form).
  const std::vector<std::string>& sentence_end_marks() const { return sentence_end_marks_; }
  bool IsUnitWord(std::string_view word) const;

  ~LineClassifier();

 private:
  LineClassifier() = default;
  struct Entry {
    const ruleset::Pattern* pattern;
    LineKind kind;
    std::string normalized;
  };
  const RE2::Set* FoldedSet() const;

  std::vector<Entry> entries_;  // in Set index order
  const ruleset::Pattern* footnote_plain_ = nullptr;
  const ruleset::Pattern* footnote_star_ = nullptr;
  std::unique_ptr<re2::RE2::Set> set_;
  // Built at the first folded text (OCR without marks): most runs never need it.
  mutable std::once_flag folded_once_;
  mutable std::unique_ptr<re2::RE2::Set> folded_set_;
  const ruleset::Pattern* ref_superscript_ = nullptr;
  const ruleset::Pattern* ref_glued_ = nullptr;
  const ruleset::Pattern* ref_year_ = nullptr;
  std::vector<std::string> sentence_end_marks_;
  std::vector<std::string> unit_words_;
};

}  // namespace notices::normalize::internal
