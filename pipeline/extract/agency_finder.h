// AgencyFinder: finds the agencies named in a stretch of normalized text and gives each
// its canonical name from the gazetteer (rules/agencies.toml).
//
//   auto finder = extract::AgencyFinder::Create(rules).value();
//   std::string_view text = "Giao Sở KH&CN chủ trì, phối hợp với các Sở: Tài chính, Nội vụ";
//   for (const AgencyMention& m : finder.FindAll(text, {0, text.size()}, MatchMode::kExact))
//     std::cout << m.name << " [" << m.span.begin << "," << m.span.end << ")\n";
//   // Sở Khoa học và Công nghệ, Sở Tài chính, Sở Nội vụ
//
// What it handles (each with tests in tests/extract/agency_finder_test.cc):
//   - canonical names, aliases and abbreviations (UBND, HĐND, KH&CN, GD&ĐT, NN&MT,
//     VH,TT&DL, ...), case-insensitively, with the names before and after the 2025
//     restructuring. A name that was merged away keeps its own canonical name ("Sở Kế
//     hoạch và Đầu tư" stays itself, it is not turned into "Sở Tài chính"): a record
//     says what the document says;
//   - names with commas inside ("Sở Văn hóa, Thể thao và Du lịch") versus lists joined
//     by commas and "và";
//   - a shared head noun: "các Sở: Tài chính, Nội vụ" -> "Sở Tài chính", "Sở Nội vụ";
//     "Lãnh đạo các sở, ngành: ..." and "Giám đốc các Sở: ..." likewise (the office
//     holder is dropped: each item is a body); "Các Bộ: NG, CA" -> "Bộ Ngoại giao",
//     "Bộ Công an"; "UBND các huyện: Đakrông, Hải Lăng" -> "Ủy ban nhân dân huyện
//     Đakrông", ...; each item's span covers the item only;
//   - the end of a name where the verb starts ("Sở Tài chính tham mưu ...");
//   - a place after a name: "Sở Y tế tỉnh Lạng Sơn", "Công an tỉnh Lạng Sơn" keep the
//     place in their name; "Viễn thông Lạng Sơn" -> "VNPT Lạng Sơn" (gazetteer forms
//     with {province}, for any of the provinces of rules/agency_patterns.toml); a bare
//     trailing "tỉnh" ("Ban Quản lý Khu kinh tế tỉnh") is part of the span, not of the
//     canonical name, unless it starts another name ("Tỉnh ủy");
//   - people's committees by place: "UBND xã Yên Bình" -> "Ủy ban nhân dân xã Yên
//     Bình" (known only for a province-level place of the lists);
//   - collective addressees ("các sở, ban, ngành", "UBND các xã, phường", "các cơ quan,
//     đơn vị liên quan", "các tổ chức, doanh nghiệp hoạt động trong lĩnh vực ..."),
//     marked collective, from the gazetteer or from a grammar over the word lists
//     (nouns, qualifiers, "thuộc <agency>"); their name is the text as written, tidied
//     (white space, "Các" -> "các", "UBND" -> "Ủy ban nhân dân");
//   - office holders: "Giám đốc Sở Xây dựng" is one mention named "Giám đốc Sở Xây
//     dựng" with holder "Giám đốc" (the gold keeps office holders as assignees);
//   - a fallback for bodies the gazetteer does not know: a capitalised head noun from
//     the rules ("Sở", "Ban", "Trung tâm", "Công ty", ...) followed by a capitalised
//     word, up to a verb, a function word or punctuation; known = false, name as
//     written ("BQL" -> "Ban Quản lý"); also "Ông X - Trưởng đoàn" (kind "person") and a
//     bare "Công ty" right before its verb;
//   - glued words ("BộTài chính") and, in MatchMode::kFolded, text without diacritics
//     ("Bo Tai chinh") -> still the canonical name. Folded mode knows the gazetteer,
//     collectives, holders and lists; the capitalised-word fallbacks run only in kExact;
//   - abbreviations inside document numbers ("1060/VPCP-KGVX", "NQ-HĐND") are not
//     mentions.
// Mentions never overlap (the leftmost wins, then the longest); they come in text
// order. Spans are byte offsets into `text` and lie inside `range`. The text must be
// normalized as the normalize stage leaves it (NFC, classic tone placement: "Ủy", not
// "Uỷ"); Canonical() normalizes its argument itself.
//
// Matching runs on a lowercase key of the text (agency_key.h) against two byte tries
// built once at Create from the gazetteer and the lists (agency_vocabulary.h); no regex
// is built per call.
//
// Thread-safety: an AgencyFinder is immutable after Create; share it across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/common/offset_map.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::extract {

// How rules meet text: kExact for normal text; kFolded for text that lost its
// diacritics (the rules' folded regexes run on it).
enum class MatchMode { kExact, kFolded };

struct AgencyMention {
  Range span;                 // bytes in the searched text
  std::string name;           // canonical ("Sở Khoa học và Công nghệ"), or as written
  std::string text;           // as written, e.g. "Sở KH&CN"
  std::string kind;           // gazetteer kind; "collective" for collectives of the
                              // grammar, "people_committee" for "UBND xã X", "person"
                              // for "Ông X - title", "" for other fallback mentions
  std::string holder;         // office holder written before the body ("Giám đốc"),
                              // canonical; included in name and text; "" when none
  bool collective = false;
  bool known = false;         // found in the gazetteer (collectives of the grammar
                              // too); false for fallback guesses and local committees
  bool outside = false;       // an outside body (enterprise, central agency ...)
  // For the members of a shared-head list ("các Sở: Tài chính, Nội vụ"), where the list
  // starts ("các Sở"): the words before it are the list's role cue. 0 for other mentions.
  size_t list_begin = 0;
  // Where the mention's list starts: list_begin when it is set, else span.begin.
  size_t head_begin() const { return list_begin > 0 && list_begin < span.begin ? list_begin : span.begin; }
};

class AgencyFinder {
 public:
  // Fails with ErrorCode::kRuleSyntax when the rules lack a list or pattern the finder
  // needs (agency.*), or when the gazetteer is inconsistent (one written form for two
  // agencies, a malformed {province} form).
  static Result<AgencyFinder> Create(std::shared_ptr<const ruleset::RuleSet> rules);

  // `range` is clamped to `text`. Never fails; any UTF-8 gives some (maybe no) mentions.
  // `ocr`: the text came from OCR, whose stray dots inside names are read as spaces
  // ("Sở Khoa học và Công.nghệ"; agency_key.h).
  std::vector<AgencyMention> FindAll(std::string_view text, Range range, MatchMode mode,
                                     bool ocr = false) const;
  // OCR'd text with marks: FindAll in both forms. A known agency found without marks
  // ("Sở Văn hóa, Thế thao và Du lịch" for "Thể thao", "HỌI" for "HỘI") replaces the
  // marked mentions it overlaps that are only fallback guesses, and is dropped where it
  // overlaps a known marked mention. In text order.
  std::vector<AgencyMention> FindAllOcr(std::string_view text, Range range) const;

  // The canonical name for a name as written, or "" when unknown ("Sở KH&CN" ->
  // "Sở Khoa học và Công nghệ"). Used by eval to compare gold names. It is the name
  // FindAll gives when the whole string is one mention (kExact first, then kFolded), so
  // collectives and fallback names compare too ("UBND các xã, phường" -> "Ủy ban nhân
  // dân các xã, phường"); "" when the string is not exactly one mention.
  std::string Canonical(std::string_view written) const;

  AgencyFinder(AgencyFinder&&) noexcept;
  AgencyFinder& operator=(AgencyFinder&&) noexcept;
  ~AgencyFinder();

 private:
  struct Impl;
  explicit AgencyFinder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace notices::extract
