// RuleSet: the extraction rules (rules/*.toml and data tables), parsed, checked and
// compiled once, then shared read-only by every worker.
//
//   auto rules = ruleset::RuleSet::Builtin();                 // embedded rules/
//   if (!rules) { std::cerr << rules.error().message; ... }   // file:line: RE2 error
//   std::shared_ptr<const RuleSet> rs = rules.value();
//   for (const Pattern* p : rs->PatternsWithPrefix("deadline."))
//     ...p->regex()...                                        // a compiled RE2
//   const List& verbs = rs->list("task.directive_verbs");
//
//   auto custom = ruleset::RuleSet::LoadDirectory("my-rules/");   // --rules DIR
//
// The file format is specified in rules/README.md. In short, each *.toml file may hold:
//   [define]      NAME = 'regex fragment'      used in patterns as {NAME}
//   [[pattern]]   name, regex, case_sensitive?, attr = {...}, match = [...],
//                 no_match = [...], description?
//   [[list]]      name, items = [...], description?    used in patterns as {list:NAME}
//   [[agency]]    name, aliases?, kind, collective?, outside?, description?
//   [[holidays]]  year, off = ["YYYY-MM-DD" | "YYYY-MM-DD..YYYY-MM-DD"], work = [...]
// Unknown keys, duplicate names, undefined {NAME}s and RE2 syntax errors fail the load
// with ErrorCode::kRuleSyntax and a message "FILE:LINE: ...". Files named *.tsv are kept
// as raw data (encoding tables) and reached with DataFile().
//
// All regex and word-list text is put in the canonical form of the normalized text
// (NFC, classic tone placement; see normalize/tone.h) before compiling, so a rule
// written "hoà" matches a text written "hòa". Every pattern also has a folded form (no
// diacritics, đ -> d) for text that lost its marks (OCR layers).
//
// Compilation is lazy: loading parses every regex (so syntax errors are reported at
// load, with file and line) but compiles a pattern's RE2 only when regex() or
// folded_regex() is first called. A process that reads one notice pays only for the
// patterns it uses, and folded forms are never compiled for text that keeps its marks.
//
// Built-in defines, usable in any pattern. They spell out the letters of Latin script
// (U+0000..U+024F and U+1E00..U+1EFF, which hold every Vietnamese letter) by their
// Unicode category, instead of the whole of Unicode as \pL does: RE2 compiles them to
// a few byte ranges, so patterns and pattern sets stay small and quick to build and
// run. Letters of other scripts count as non-letters.
//   {WB_L}    a left word edge:  (?:^|[^0-9{LETTER}]) (RE2's \b is ASCII-only); a
//             superscript footnote marker ("2026¹") is an edge
//   {WB_R}    a right word edge: (?:$|[^0-9{LETTER}])
//   {LETTER}  the letters (\pL of Latin script), as class contents: write [{LETTER}],
//             [^{LETTER}], [{LETTER} .]
//   {UPPER}   the capital letters (\p{Lu} of Latin script), class contents likewise
//   {LOWER}   the small letters (\p{Ll} of Latin script), class contents likewise
// The class contents are written with \x{...} escapes, so folding leaves them intact.
//
// Thread-safety: a RuleSet is immutable after loading (lazy compilation is internal and
// thread-safe); share it through shared_ptr<const RuleSet> across threads.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "pipeline/common/error.h"

namespace notices::ruleset {

// Where a rule was written, for error messages and test failures.
struct Origin {
  std::string file;  // relative path, "deadlines.toml"
  int line = 0;
  std::string ToString() const { return file + ":" + std::to_string(line); }
};

using AttrValue = std::variant<std::string, int64_t, bool>;

// An example attached to a pattern: `text` must (or must not) contain a match. When
// `expect` is set, the whole match must equal it; `groups` name captures and their text.
struct Example {
  std::string text;
  std::optional<std::string> expect;
  std::map<std::string, std::string> groups;
};

class Pattern {
 public:
  const std::string& name() const { return name_; }
  const Origin& origin() const { return origin_; }
  const std::string& source() const { return source_; }  // the regex after expansion
  const std::string& folded_source() const { return folded_source_; }  // marks folded away
  bool case_sensitive() const { return case_sensitive_; }
  // The compiled regexes, built on first call (thread-safe). A pattern too large for
  // RE2's memory budget, which only compiling reveals, gives a regex that is not ok()
  // and matches nothing; CheckExamples reports it.
  const RE2& regex() const { return Get(compiled_[0]); }
  const RE2& folded_regex() const { return Get(compiled_[1]); }
  // Index of a named group, or -1 (the same in both forms; no compilation needed).
  int group(std::string_view name) const;
  // Named groups and their indices, as RE2::NamedCapturingGroups() gives them.
  const std::map<std::string, int, std::less<>>& named_groups() const { return groups_; }
  // RE2::NumberOfCapturingGroups() (both forms), known without compiling.
  int capturing_groups() const { return ncaptures_; }
  // The source for an RE2::Set, which has no per-pattern options: source() or
  // folded_source(), with "(?i)" in front unless case_sensitive.
  std::string set_source(bool folded) const;
  // Attribute lookups; `fallback` when absent or of another type.
  std::string attr_string(std::string_view key, std::string_view fallback = {}) const;
  int64_t attr_int(std::string_view key, int64_t fallback = 0) const;
  bool attr_bool(std::string_view key, bool fallback = false) const;
  bool has_attr(std::string_view key) const { return attrs_.count(std::string(key)) > 0; }
  const std::vector<Example>& match_examples() const { return match_; }
  const std::vector<Example>& no_match_examples() const { return no_match_; }

 private:
  friend class Loader;
  struct Lazy {
    std::once_flag once;
    std::unique_ptr<RE2> re;
    std::atomic<const RE2*> ready{nullptr};  // set once `re` is built
  };
  const RE2& Get(Lazy& lazy) const {
    if (const RE2* re = lazy.ready.load(std::memory_order_acquire)) return *re;
    return Compile(lazy);
  }
  const RE2& Compile(Lazy& lazy) const;

  std::string name_;
  Origin origin_;
  std::string source_;
  std::string folded_source_;
  bool case_sensitive_ = false;
  std::map<std::string, int, std::less<>> groups_;
  int ncaptures_ = 0;
  mutable Lazy compiled_[2];  // exact, folded
  std::map<std::string, AttrValue, std::less<>> attrs_;
  std::vector<Example> match_, no_match_;
};

struct List {
  std::string name;
  Origin origin;
  std::vector<std::string> items;  // canonical form
};

struct AgencyEntry {
  std::string name;                  // canonical full name
  std::vector<std::string> aliases;  // other ways it is written (canonical form)
  std::string kind;                  // "department", "ministry", "enterprise", ...
  bool collective = false;           // a class of addressees
  bool outside = false;              // not subordinate to a province: "đề nghị" target
  Origin origin;
};

struct HolidayYear {
  int year = 0;
  std::vector<std::string> off;   // ISO dates, ranges expanded
  std::vector<std::string> work;  // weekend days made working days
  Origin origin;
};

// A file to load from memory: used by the fuzzer and by tests.
struct SourceFile {
  std::string path;
  std::string content;
};

class RuleSet {
 public:
  // The rules embedded at build time. Loaded once per process; later calls return the
  // same object.
  static Result<std::shared_ptr<const RuleSet>> Builtin();
  // Every *.toml and *.tsv under `dir` (recursively), in path order.
  static Result<std::shared_ptr<const RuleSet>> LoadDirectory(const std::filesystem::path& dir);
  static Result<std::shared_ptr<const RuleSet>> LoadFiles(std::span<const SourceFile> files);

  // nullptr when absent.
  const Pattern* FindPattern(std::string_view name) const;
  // The pattern of that name; a missing required rule is a bug in the rule files, which
  // RequirePatterns() below reports at load time, so this asserts.
  const Pattern& pattern(std::string_view name) const;
  // Patterns whose name starts with `prefix`, in file order.
  std::vector<const Pattern*> PatternsWithPrefix(std::string_view prefix) const;
  const std::vector<std::unique_ptr<Pattern>>& patterns() const { return patterns_; }

  const List* FindList(std::string_view name) const;
  const List& list(std::string_view name) const;  // asserts presence
  const std::vector<List>& lists() const { return lists_; }

  const std::vector<AgencyEntry>& agencies() const { return agencies_; }
  const std::vector<HolidayYear>& holidays() const { return holidays_; }

  // Raw content of a data file ("encodings/vni.tsv"), or nullptr.
  const std::string* DataFile(std::string_view path) const;

  // Checks that every named pattern and list exists; stages call it when they are built
  // so a --rules folder that lacks one fails clearly, not mid-batch.
  Status Require(std::span<const std::string_view> patterns,
                 std::span<const std::string_view> lists) const;

  // The named patterns (exact forms, or with `folded` their folded forms) as one
  // RE2::Set, to learn in one pass over a text which of them match it: the set's index
  // i stands for names[i]. Built on first use and kept for the rule set's life
  // (thread-safe); nullptr when a name is missing or the set does not compile.
  // Set::Match can still fail (DFA out of memory): callers fall back to the patterns
  // one by one.
  const RE2::Set* MatchSet(std::span<const std::string_view> names, bool folded = false) const;

  // Compiles every pattern's exact form now rather than on first use (thread-safe, done
  // once). Pipeline::Create calls it so that the first document of a batch is not
  // charged, against its --timeout, for compiling rules it did not cause. The folded
  // forms stay lazy: only OCR'd text uses them, and OCR costs far more.
  void CompilePatterns() const;

 private:
  friend class Loader;
  std::vector<std::unique_ptr<Pattern>> patterns_;
  std::map<std::string, size_t, std::less<>> pattern_index_;
  std::vector<List> lists_;
  std::map<std::string, size_t, std::less<>> list_index_;
  std::vector<AgencyEntry> agencies_;
  std::vector<HolidayYear> holidays_;
  std::map<std::string, std::string, std::less<>> data_files_;
  mutable std::mutex sets_mutex_;
  mutable std::map<std::string, std::unique_ptr<RE2::Set>, std::less<>> sets_;  // by joined names
};

// Runs every pattern's examples. Returns one line per failure ("FILE:LINE: pattern
// NAME: ... "), empty when all pass. Used by tests and `notices rules check`.
std::vector<std::string> CheckExamples(const RuleSet& rules);

}  // namespace notices::ruleset
