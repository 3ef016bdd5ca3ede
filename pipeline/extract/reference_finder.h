// References to other documents, and document numbers.
//
//   auto finder = extract::ReferenceFinder::Create(rules).value();
//   std::string_view t = "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị";
//   for (const Reference& r : finder.FindAll(t, {0, t.size()}, dates, MatchMode::kExact))
//     ...   // {kind "Nghị quyết", number "57-NQ/TW", date 2024-12-22}
//
//   NormalizeDocumentNumber("2414 / VPCP - KGVX")  -> "2414/VPCP-KGVX"
//   NormalizeDocumentNumber("/TB-VP")              -> ""   (a draft's blank number)
//
// Kinds and their spellings live in rules/references.toml ("Nghị quyết", "Nghị định",
// "Quyết định", "Thông báo", "Kết luận", "Công văn", "Văn bản", "Chỉ thị", "Kế hoạch",
// "Thông tư", "Luật", "Công điện", "Báo cáo", "Tờ trình" ...). A number is the
// Vietnamese document number shape (digits, optional year, type abbreviation, issuer:
// "264/2025/NĐ-CP", "57-NQ/TW", "229/TB-VP"), tolerating spaces around '/' and '-' and
// a hyphen lost at a line end (kept as written: "57NQ/TW"). The date is the one written
// right after the number ("ngày 22/12/2024", found with DeadlineFinder::FindDates). A
// law cited by name without a number ("Luật Đầu tư công") is not a reference. An
// abbreviated citation in a distribution list ("(TB 601/TB-VP)") gets its kind from the
// code (rules/references.toml, list reference.codes). FindAll returns every citation,
// repeats included, in text order; the kind is canonical ("NGHỊ QUYẾT" -> "Nghị
// quyết"), the number normalized.
//
// Thread-safety: immutable after Create.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/extract/deadline_finder.h"
#include "pipeline/extract/record.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::extract {

// Removes the spaces a number was typeset with and trailing punctuation ("846 /UBND-TH."
// -> "846/UBND-TH"); "" when the number is blank (it does not start with a digit).
std::string NormalizeDocumentNumber(std::string_view written);

class ReferenceFinder {
 public:
  static Result<ReferenceFinder> Create(std::shared_ptr<const ruleset::RuleSet> rules);

  std::vector<Reference> FindAll(std::string_view text, Range range, const DeadlineFinder& dates,
                                 const DateContext& ctx, MatchMode mode) const;

  ReferenceFinder(ReferenceFinder&&) noexcept;
  ReferenceFinder& operator=(ReferenceFinder&&) noexcept;
  ~ReferenceFinder();

 private:
  struct Impl;
  explicit ReferenceFinder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace notices::extract
