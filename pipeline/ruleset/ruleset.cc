// RuleSet loading, expansion, compilation and example checking.
// Tested by tests/ruleset/ruleset_test.cc and tests/ruleset/rule_examples_test.cc.
#include "pipeline/ruleset/ruleset.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include <toml++/toml.h>
#include <unicode/uchar.h>

#include "pipeline/normalize/tone.h"
#include "pipeline/ruleset/builtin_files.h"

namespace notices::ruleset {

namespace {

// The blocks the built-in letter classes cover: Basic Latin, Latin-1 Supplement, Latin
// Extended-A and -B, Latin Extended Additional (Vietnamese letters with two marks).
constexpr std::pair<char32_t, char32_t> kLatinBlocks[] = {{0x0000, 0x024F}, {0x1E00, 0x1EFF}};

// The contents of a character class (no brackets) holding the code points of the Latin
// blocks whose general category passes `keep`, as \x{...} ranges.
std::string LatinClass(bool (*keep)(int8_t category)) {
  std::string out;
  auto hex = [&](char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(c));
    out += buf;
  };
  for (auto [first, last] : kLatinBlocks) {
    for (char32_t c = first; c <= last; ++c) {
      if (!keep(u_charType(static_cast<UChar32>(c)))) continue;
      char32_t end = c;
      while (end < last && keep(u_charType(static_cast<UChar32>(end + 1)))) ++end;
      hex(c);
      if (end > c) {
        out += '-';
        hex(end);
      }
      c = end;
    }
  }
  return out;
}

struct BuiltinDefine {
  std::string name;
  std::string body;
  bool class_contents = false;  // inserted as is, to be written inside [...]
};

// Built once per process (ICU's tables do not change).
const std::vector<BuiltinDefine>& BuiltinDefines() {
  static const std::vector<BuiltinDefine> defines = [] {
    std::string letter = LatinClass([](int8_t t) {
      return t == U_UPPERCASE_LETTER || t == U_LOWERCASE_LETTER || t == U_TITLECASE_LETTER ||
             t == U_MODIFIER_LETTER || t == U_OTHER_LETTER;
    });
    std::string upper = LatinClass([](int8_t t) { return t == U_UPPERCASE_LETTER; });
    std::string lower = LatinClass([](int8_t t) { return t == U_LOWERCASE_LETTER; });
    return std::vector<BuiltinDefine>{
        {"WB_L", "(?:^|[^0-9" + letter + "])", false},
        {"WB_R", "(?:$|[^0-9" + letter + "])", false},
        {"LETTER", letter, true},
        {"UPPER", upper, true},
        {"LOWER", lower, true},
    };
  }();
  return defines;
}

// Parses `source` without compiling it: RE2 with a memory budget too small for any
// program stops right after parsing. Syntax errors come out as from a full compile.
std::unique_ptr<RE2> ParseOnly(const std::string& source, bool case_sensitive) {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_case_sensitive(case_sensitive);
  opt.set_max_mem(3);  // 2/3 of it is below the size of an empty program
  return std::make_unique<RE2>(source, opt);
}

// The number of capturing groups of a regex that parsed: RE2 counts them only when it
// compiles. Every '(' outside a class and not an escape opens a group, unless '?'
// follows, except for the named "(?P<" and "(?<".
int CountCaptures(std::string_view re) {
  int n = 0;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < re.size() && re[i + 1] == '^') ++i;
      if (i + 1 < re.size() && re[i + 1] == ']') ++i;  // a leading ']' is literal
    } else if (c == '(') {
      std::string_view rest = re.substr(i + 1);
      if (!rest.starts_with('?') || rest.starts_with("?P<") ||
          (rest.starts_with("?<") && !rest.starts_with("?<=") && !rest.starts_with("?<!")))
        ++n;
    }
  }
  return n;
}

bool ParsedOk(const RE2& re) {
  return re.ok() || re.error_code() == RE2::ErrorPatternTooLarge;
}

Error SyntaxError(const Origin& at, const std::string& what) {
  return Error(ErrorCode::kRuleSyntax, "rule file " + at.ToString() + ": " + what);
}

Origin OriginOf(const std::string& file, const toml::node& node) {
  return {file, static_cast<int>(node.source().begin.line)};
}

// Reads a string or reports where it is not one.
Result<std::string> AsString(const std::string& file, const toml::node& node,
                             std::string_view what) {
  if (const auto* s = node.as_string()) return std::string(s->get());
  return SyntaxError(OriginOf(file, node), std::string(what) + " must be a string");
}

Result<std::vector<std::string>> AsStringArray(const std::string& file, const toml::node& node,
                                               std::string_view what) {
  const auto* arr = node.as_array();
  if (arr == nullptr)
    return SyntaxError(OriginOf(file, node), std::string(what) + " must be an array of strings");
  std::vector<std::string> out;
  for (const toml::node& item : *arr) {
    auto s = AsString(file, item, what);
    if (!s) return s.error();
    out.push_back(std::move(s).value());
  }
  return out;
}

// Rejects any key of `table` not in `allowed`.
Status CheckKeys(const std::string& file, const toml::table& table,
                 std::initializer_list<std::string_view> allowed, std::string_view what) {
  for (auto&& [key, value] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      return SyntaxError({file, static_cast<int>(key.source().begin.line)},
                         "unknown key '" + std::string(key.str()) + "' in " +
                             std::string(what));
    }
  }
  return {};
}

}  // namespace

class Loader {
 public:
  Result<std::shared_ptr<const RuleSet>> Load(std::span<const SourceFile> files);

 private:
  Status ParseFile(const SourceFile& file);
  Status ParseDefines(const std::string& file, const toml::table& t);
  Status ParseList(const std::string& file, const toml::table& t);
  Status ParsePatternTable(const std::string& file, const toml::table& t);
  Status ParseAgency(const std::string& file, const toml::table& t);
  Status ParseHolidays(const std::string& file, const toml::table& t);
  Result<std::vector<Example>> ParseExamples(const std::string& file, const toml::node& node);
  Result<std::string> Expand(const std::string& regex, const Origin& at, int depth);
  Status CompileAll();

  struct RawPattern {
    std::unique_ptr<Pattern> pattern;
    std::string regex;
    bool case_sensitive = false;
  };
  std::map<std::string, std::pair<std::string, Origin>, std::less<>> defines_;
  std::vector<RawPattern> raw_;
  std::shared_ptr<RuleSet> rules_ = std::make_shared<RuleSet>();
};

Status Loader::ParseDefines(const std::string& file, const toml::table& t) {
  for (auto&& [key, value] : t) {
    Origin at{file, static_cast<int>(key.source().begin.line)};
    std::string name(key.str());
    if (defines_.count(name))
      return SyntaxError(at, "define '" + name + "' is defined twice (first at " +
                                 defines_[name].second.ToString() + ")");
    auto s = AsString(file, value, "define '" + name + "'");
    if (!s) return s.error();
    defines_[name] = {normalize::CanonicalForm(*s), at};
  }
  return {};
}

Status Loader::ParseList(const std::string& file, const toml::table& t) {
  if (auto st = CheckKeys(file, t, {"name", "items", "description"}, "[[list]]"); !st) return st;
  Origin at = OriginOf(file, t);
  if (!t.contains("name") || !t.contains("items"))
    return SyntaxError(at, "[[list]] needs 'name' and 'items'");
  auto name = AsString(file, *t.get("name"), "list name");
  if (!name) return name.error();
  auto items = AsStringArray(file, *t.get("items"), "list items");
  if (!items) return items.error();
  if (rules_->list_index_.count(*name))
    return SyntaxError(at, "list '" + *name + "' is defined twice");
  List list{*name, at, {}};
  for (std::string& item : *items) list.items.push_back(normalize::CanonicalForm(item));
  rules_->list_index_[*name] = rules_->lists_.size();
  rules_->lists_.push_back(std::move(list));
  return {};
}

Result<std::vector<Example>> Loader::ParseExamples(const std::string& file,
                                                   const toml::node& node) {
  const auto* arr = node.as_array();
  if (arr == nullptr) return SyntaxError(OriginOf(file, node), "examples must be an array");
  std::vector<Example> out;
  for (const toml::node& item : *arr) {
    Example ex;
    if (const auto* s = item.as_string()) {
      ex.text = normalize::CanonicalForm(s->get());
    } else if (const auto* tbl = item.as_table()) {
      if (auto st = CheckKeys(file, *tbl, {"text", "expect", "groups"}, "an example"); !st)
        return st.error();
      if (!tbl->contains("text")) return SyntaxError(OriginOf(file, item), "example needs 'text'");
      auto text = AsString(file, *tbl->get("text"), "example text");
      if (!text) return text.error();
      ex.text = normalize::CanonicalForm(*text);
      if (const toml::node* e = tbl->get("expect")) {
        auto expect = AsString(file, *e, "example expect");
        if (!expect) return expect.error();
        ex.expect = normalize::CanonicalForm(*expect);
      }
      if (const toml::node* g = tbl->get("groups")) {
        const auto* gt = g->as_table();
        if (gt == nullptr) return SyntaxError(OriginOf(file, *g), "'groups' must be a table");
        for (auto&& [k, v] : *gt) {
          auto val = AsString(file, v, "group value");
          if (!val) return val.error();
          ex.groups[std::string(k.str())] = normalize::CanonicalForm(*val);
        }
      }
    } else {
      return SyntaxError(OriginOf(file, item), "an example must be a string or a table");
    }
    out.push_back(std::move(ex));
  }
  return out;
}

Status Loader::ParsePatternTable(const std::string& file, const toml::table& t) {
  if (auto st = CheckKeys(file, t,
                          {"name", "regex", "case_sensitive", "attr", "match", "no_match",
                           "description"},
                          "[[pattern]]");
      !st)
    return st;
  Origin at = OriginOf(file, t);
  if (!t.contains("name") || !t.contains("regex"))
    return SyntaxError(at, "[[pattern]] needs 'name' and 'regex'");
  auto name = AsString(file, *t.get("name"), "pattern name");
  if (!name) return name.error();
  auto regex = AsString(file, *t.get("regex"), "pattern regex");
  if (!regex) return regex.error();
  RawPattern raw;
  raw.pattern = std::make_unique<Pattern>();
  raw.pattern->name_ = *name;
  raw.pattern->origin_ = at;
  raw.regex = *regex;
  if (const toml::node* cs = t.get("case_sensitive")) {
    const auto* b = cs->as_boolean();
    if (b == nullptr) return SyntaxError(OriginOf(file, *cs), "'case_sensitive' must be true or false");
    raw.case_sensitive = b->get();
  }
  if (const toml::node* a = t.get("attr")) {
    const auto* tbl = a->as_table();
    if (tbl == nullptr) return SyntaxError(OriginOf(file, *a), "'attr' must be a table");
    for (auto&& [k, v] : *tbl) {
      std::string key(k.str());
      if (const auto* s = v.as_string()) {
        raw.pattern->attrs_[key] = normalize::CanonicalForm(s->get());
      } else if (const auto* i = v.as_integer()) {
        raw.pattern->attrs_[key] = i->get();
      } else if (const auto* b = v.as_boolean()) {
        raw.pattern->attrs_[key] = b->get();
      } else {
        return SyntaxError(OriginOf(file, v), "attr '" + key + "' must be a string, integer or boolean");
      }
    }
  }
  if (const toml::node* m = t.get("match")) {
    auto ex = ParseExamples(file, *m);
    if (!ex) return ex.error();
    raw.pattern->match_ = std::move(ex).value();
  }
  if (const toml::node* m = t.get("no_match")) {
    auto ex = ParseExamples(file, *m);
    if (!ex) return ex.error();
    raw.pattern->no_match_ = std::move(ex).value();
  }
  if (rules_->pattern_index_.count(*name))
    return SyntaxError(at, "pattern '" + *name + "' is defined twice");
  rules_->pattern_index_[*name] = raw_.size();
  raw_.push_back(std::move(raw));
  return {};
}

Status Loader::ParseAgency(const std::string& file, const toml::table& t) {
  if (auto st = CheckKeys(file, t,
                          {"name", "aliases", "kind", "collective", "outside", "description"},
                          "[[agency]]");
      !st)
    return st;
  AgencyEntry e;
  e.origin = OriginOf(file, t);
  if (!t.contains("name")) return SyntaxError(e.origin, "[[agency]] needs 'name'");
  auto name = AsString(file, *t.get("name"), "agency name");
  if (!name) return name.error();
  e.name = normalize::CanonicalForm(*name);
  if (const toml::node* a = t.get("aliases")) {
    auto aliases = AsStringArray(file, *a, "agency aliases");
    if (!aliases) return aliases.error();
    for (auto& s : *aliases) e.aliases.push_back(normalize::CanonicalForm(s));
  }
  if (const toml::node* k = t.get("kind")) {
    auto kind = AsString(file, *k, "agency kind");
    if (!kind) return kind.error();
    e.kind = *kind;
  }
  for (auto [key, field] : {std::pair{"collective", &e.collective}, std::pair{"outside", &e.outside}}) {
    if (const toml::node* n = t.get(key)) {
      const auto* b = n->as_boolean();
      if (b == nullptr) return SyntaxError(OriginOf(file, *n), std::string(key) + " must be true or false");
      *field = b->get();
    }
  }
  rules_->agencies_.push_back(std::move(e));
  return {};
}

namespace {
bool ParseIsoDate(std::string_view s, int& y, int& m, int& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto num = [&](size_t pos, size_t len, int& out) {
    out = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// Days since 1970-01-01 (Howard Hinnant's algorithm) and back, to expand ranges.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}
std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(y + (m <= 2)), m, d);
  return buf;
}
}  // namespace

Status Loader::ParseHolidays(const std::string& file, const toml::table& t) {
  if (auto st = CheckKeys(file, t, {"year", "off", "work", "description"}, "[[holidays]]"); !st)
    return st;
  HolidayYear h;
  h.origin = OriginOf(file, t);
  const toml::node* year = t.get("year");
  if (year == nullptr || !year->is_integer()) return SyntaxError(h.origin, "[[holidays]] needs an integer 'year'");
  h.year = static_cast<int>(year->as_integer()->get());
  for (auto [key, out] : {std::pair{"off", &h.off}, std::pair{"work", &h.work}}) {
    const toml::node* n = t.get(key);
    if (n == nullptr) continue;
    auto items = AsStringArray(file, *n, key);
    if (!items) return items.error();
    for (const std::string& item : *items) {
      size_t dots = item.find("..");
      std::string first = item.substr(0, dots);
      std::string last = dots == std::string::npos ? first : item.substr(dots + 2);
      int y1, m1, d1, y2, m2, d2;
      if (!ParseIsoDate(first, y1, m1, d1) || !ParseIsoDate(last, y2, m2, d2))
        return SyntaxError(OriginOf(file, *n), "bad date '" + item + "' (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)");
      int64_t a = DaysFromCivil(y1, m1, d1), b = DaysFromCivil(y2, m2, d2);
      if (b < a || b - a > 366)
        return SyntaxError(OriginOf(file, *n), "bad date range '" + item + "'");
      for (int64_t day = a; day <= b; ++day) out->push_back(CivilFromDays(day));
    }
  }
  rules_->holidays_.push_back(std::move(h));
  return {};
}

Status Loader::ParseFile(const SourceFile& file) {
  toml::table root;
  try {
    root = toml::parse(file.content, file.path);
  } catch (const toml::parse_error& e) {
    Origin at{file.path, static_cast<int>(e.source().begin.line)};
    return SyntaxError(at, std::string(e.description()));
  }
  for (auto&& [key, value] : root) {
    std::string k(key.str());
    Origin at{file.path, static_cast<int>(key.source().begin.line)};
    if (k == "define") {
      const auto* t = value.as_table();
      if (t == nullptr) return SyntaxError(at, "[define] must be a table");
      if (auto st = ParseDefines(file.path, *t); !st) return st;
      continue;
    }
    using Parser = Status (Loader::*)(const std::string&, const toml::table&);
    Parser parser = nullptr;
    if (k == "pattern") parser = &Loader::ParsePatternTable;
    else if (k == "list") parser = &Loader::ParseList;
    else if (k == "agency") parser = &Loader::ParseAgency;
    else if (k == "holidays") parser = &Loader::ParseHolidays;
    else
      return SyntaxError(at, "unknown section '" + k +
                                 "' (expected define, pattern, list, agency or holidays)");
    const auto* arr = value.as_array();
    if (arr == nullptr) return SyntaxError(at, "'" + k + "' must be written [[" + k + "]]");
    for (const toml::node& item : *arr) {
      const auto* t = item.as_table();
      if (t == nullptr) return SyntaxError(OriginOf(file.path, item), "[[" + k + "]] entries must be tables");
      if (auto st = (this->*parser)(file.path, *t); !st) return st;
    }
  }
  return {};
}

Result<std::string> Loader::Expand(const std::string& regex, const Origin& at, int depth) {
  if (depth > 16) return SyntaxError(at, "defines nest too deeply (a cycle?)");
  std::string out;
  out.reserve(regex.size());
  for (size_t i = 0; i < regex.size(); ++i) {
    char c = regex[i];
    if (c == '\\' && i + 2 < regex.size() && (regex[i + 1] == 'p' || regex[i + 1] == 'P') &&
        regex[i + 2] == '{') {  // a Unicode class such as \p{Lu}, not a define
      size_t close = regex.find('}', i);
      if (close == std::string::npos) close = regex.size() - 1;
      out.append(regex, i, close - i + 1);
      i = close;
      continue;
    }
    if (c == '\\' && i + 1 < regex.size()) {  // keep escapes, including \{
      out += c;
      char e = regex[++i];
      out += e;
      // \p{Lu}, \P{Ll}, \x{F0B7}: the braces belong to the escape, not to a define.
      if ((e == 'p' || e == 'P' || e == 'x') && i + 1 < regex.size() && regex[i + 1] == '{') {
        size_t close = regex.find('}', i + 1);
        if (close != std::string::npos) {
          out.append(regex, i + 1, close - i);
          i = close;
        }
      }
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    size_t close = regex.find('}', i);
    if (close == std::string::npos) {
      out += c;
      continue;
    }
    std::string name = regex.substr(i + 1, close - i - 1);
    bool is_ref = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_');
    if (!is_ref) {  // a counted repetition like {2} or {1,3}
      out += c;
      continue;
    }
    if (name.rfind("list:", 0) == 0) {
      std::string list_name = name.substr(5);
      auto it = rules_->list_index_.find(list_name);
      if (it == rules_->list_index_.end())
        return SyntaxError(at, "unknown list '{" + name + "}'");
      std::vector<std::string> items = rules_->lists_[it->second].items;
      // Longest first, so alternation prefers "Sở Văn hóa, Thể thao và Du lịch" over "Sở Văn hóa".
      std::stable_sort(items.begin(), items.end(),
                       [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      out += "(?:";
      for (size_t k = 0; k < items.size(); ++k) {
        if (k) out += '|';
        out += RE2::QuoteMeta(items[k]);
      }
      out += ")";
    } else {
      std::string body;
      auto it = defines_.find(name);
      if (it != defines_.end()) {
        body = it->second.first;
      } else {
        const BuiltinDefine* builtin = nullptr;
        for (const BuiltinDefine& d : BuiltinDefines())
          if (d.name == name) builtin = &d;
        if (builtin == nullptr) return SyntaxError(at, "unknown define '{" + name + "}'");
        if (builtin->class_contents) {
          out += builtin->body;
          i = close;
          continue;
        }
        body = builtin->body;
      }
      auto expanded = Expand(body, at, depth + 1);
      if (!expanded) return expanded;
      out += "(?:" + *expanded + ")";
    }
    i = close;
  }
  return out;
}

Status Loader::CompileAll() {
  for (RawPattern& raw : raw_) {
    Pattern& p = *raw.pattern;
    auto expanded = Expand(normalize::CanonicalForm(raw.regex), p.origin_, 0);
    if (!expanded) return expanded.error();
    p.source_ = *expanded;
    p.folded_source_ = normalize::FoldDiacritics(p.source_);
    p.case_sensitive_ = raw.case_sensitive;
    // Compiling waits for first use (Pattern::Compile); parsing now reports errors
    // with the rule's file and line.
    std::unique_ptr<RE2> parsed = ParseOnly(p.source_, p.case_sensitive_);
    if (!ParsedOk(*parsed))
      return SyntaxError(p.origin_, "pattern '" + p.name_ + "': " + parsed->error() +
                                        " (at '" + parsed->error_arg() + "')");
    const std::map<std::string, int>& named = parsed->NamedCapturingGroups();
    p.groups_ = std::map<std::string, int, std::less<>>(named.begin(), named.end());
    p.ncaptures_ = CountCaptures(p.source_);
    if (std::unique_ptr<RE2> folded = ParseOnly(p.folded_source_, p.case_sensitive_); !ParsedOk(*folded))
      return SyntaxError(p.origin_, "pattern '" + p.name_ + "' (folded): " + folded->error());
    rules_->patterns_.push_back(std::move(raw.pattern));
  }
  return {};
}

Result<std::shared_ptr<const RuleSet>> Loader::Load(std::span<const SourceFile> files) {
  std::vector<const SourceFile*> sorted;
  for (const SourceFile& f : files) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(),
            [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; });
  for (const SourceFile* f : sorted) {
    if (f->path.size() >= 4 && f->path.compare(f->path.size() - 4, 4, ".tsv") == 0) {
      rules_->data_files_[f->path] = f->content;
    } else if (f->path.size() >= 5 && f->path.compare(f->path.size() - 5, 5, ".toml") == 0) {
      if (auto st = ParseFile(*f); !st) return st.error();
    }
  }
  if (auto st = CompileAll(); !st) return st.error();
  return std::shared_ptr<const RuleSet>(std::move(rules_));
}

Result<std::shared_ptr<const RuleSet>> RuleSet::Builtin() {
  static std::once_flag once;
  static Result<std::shared_ptr<const RuleSet>>* cached = nullptr;
  std::call_once(once, [] {
    std::vector<SourceFile> files;
    for (const EmbeddedFile& f : BuiltinRuleFiles())
      files.push_back({std::string(f.path), std::string(f.content)});
    cached = new Result<std::shared_ptr<const RuleSet>>(LoadFiles(files));
  });
  return *cached;
}

Result<std::shared_ptr<const RuleSet>> RuleSet::LoadDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Error(ErrorCode::kRuleSyntax, "rules folder '" + dir.string() + "' does not exist");
  std::vector<SourceFile> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    auto ext = it->path().extension();
    if (ext != ".toml" && ext != ".tsv") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in && !in.eof())
      return Error(ErrorCode::kIo, "cannot read rule file '" + it->path().string() + "'");
    files.push_back({std::filesystem::relative(it->path(), dir).generic_string(), ss.str()});
  }
  if (ec) return Error(ErrorCode::kIo, "cannot list rules folder '" + dir.string() + "': " + ec.message());
  return LoadFiles(files);
}

Result<std::shared_ptr<const RuleSet>> RuleSet::LoadFiles(std::span<const SourceFile> files) {
  Loader loader;
  return loader.Load(files);
}

const Pattern* RuleSet::FindPattern(std::string_view name) const {
  auto it = pattern_index_.find(name);
  return it == pattern_index_.end() ? nullptr : patterns_[it->second].get();
}

const Pattern& RuleSet::pattern(std::string_view name) const {
  const Pattern* p = FindPattern(name);
  assert(p != nullptr && "missing rule: call RuleSet::Require when building the stage");
  return *p;
}

const RE2::Set* RuleSet::MatchSet(std::span<const std::string_view> names, bool folded) const {
  std::string key = folded ? "folded\n" : "";
  for (std::string_view n : names) key.append(n).push_back('\n');
  std::lock_guard<std::mutex> lock(sets_mutex_);
  auto it = sets_.find(key);
  if (it != sets_.end()) return it->second.get();
  RE2::Options options;
  options.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (std::string_view n : names) {
    const Pattern* p = FindPattern(n);
    if (p == nullptr || set->Add(p->set_source(folded), nullptr) < 0) {
      set.reset();
      break;
    }
  }
  if (set && !set->Compile()) set.reset();
  return sets_.emplace(std::move(key), std::move(set)).first->second.get();
}

std::vector<const Pattern*> RuleSet::PatternsWithPrefix(std::string_view prefix) const {
  std::vector<const Pattern*> out;
  for (const auto& p : patterns_)
    if (p->name().compare(0, prefix.size(), prefix) == 0) out.push_back(p.get());
  return out;
}

const List* RuleSet::FindList(std::string_view name) const {
  auto it = list_index_.find(name);
  return it == list_index_.end() ? nullptr : &lists_[it->second];
}

const List& RuleSet::list(std::string_view name) const {
  const List* l = FindList(name);
  assert(l != nullptr && "missing list: call RuleSet::Require when building the stage");
  return *l;
}

const std::string* RuleSet::DataFile(std::string_view path) const {
  auto it = data_files_.find(path);
  return it == data_files_.end() ? nullptr : &it->second;
}

Status RuleSet::Require(std::span<const std::string_view> patterns,
                        std::span<const std::string_view> lists) const {
  for (std::string_view p : patterns)
    if (FindPattern(p) == nullptr)
      return Error(ErrorCode::kRuleSyntax, "the rules lack pattern '" + std::string(p) + "'");
  for (std::string_view l : lists)
    if (FindList(l) == nullptr)
      return Error(ErrorCode::kRuleSyntax, "the rules lack list '" + std::string(l) + "'");
  return {};
}

const RE2& Pattern::Compile(Lazy& lazy) const {
  std::call_once(lazy.once, [&] {
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_case_sensitive(case_sensitive_);
    lazy.re = std::make_unique<RE2>(&lazy == &compiled_[0] ? source_ : folded_source_, opt);
    lazy.ready.store(lazy.re.get(), std::memory_order_release);
  });
  return *lazy.re;
}

void RuleSet::CompilePatterns() const {
  for (const std::unique_ptr<Pattern>& p : patterns_) p->regex();
}

std::string Pattern::set_source(bool folded) const {
  return (case_sensitive_ ? "" : "(?i)") + (folded ? folded_source_ : source_);
}

int Pattern::group(std::string_view name) const {
  auto it = groups_.find(name);
  return it == groups_.end() ? -1 : it->second;
}

std::string Pattern::attr_string(std::string_view key, std::string_view fallback) const {
  auto it = attrs_.find(key);
  if (it == attrs_.end()) return std::string(fallback);
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return std::string(fallback);
}

int64_t Pattern::attr_int(std::string_view key, int64_t fallback) const {
  auto it = attrs_.find(key);
  if (it == attrs_.end()) return fallback;
  if (const auto* i = std::get_if<int64_t>(&it->second)) return *i;
  return fallback;
}

bool Pattern::attr_bool(std::string_view key, bool fallback) const {
  auto it = attrs_.find(key);
  if (it == attrs_.end()) return fallback;
  if (const auto* b = std::get_if<bool>(&it->second)) return *b;
  return fallback;
}

std::vector<std::string> CheckExamples(const RuleSet& rules) {
  std::vector<std::string> failures;
  for (const auto& p : rules.patterns()) {
    const RE2& re = p->regex();
    const int ngroups = re.NumberOfCapturingGroups();
    const int main_group = p->group("m") > 0 ? p->group("m") : 0;
    auto where = [&](const std::string& what) {
      failures.push_back(p->origin().ToString() + ": pattern " + p->name() + ": " + what);
    };
    for (const RE2* compiled : {&re, &p->folded_regex()}) {
      if (!compiled->ok()) where("does not compile: " + compiled->error());
      else if (compiled->NumberOfCapturingGroups() != p->capturing_groups())
        where("the loader counted " + std::to_string(p->capturing_groups()) + " groups, RE2 " +
              std::to_string(compiled->NumberOfCapturingGroups()));
    }
    if (!re.ok()) continue;
    for (const Example& ex : p->match_examples()) {
      std::vector<re2::StringPiece> groups(static_cast<size_t>(ngroups) + 1);
      if (!re.Match(ex.text, 0, ex.text.size(), RE2::UNANCHORED, groups.data(),
                    static_cast<int>(groups.size()))) {
        where("should match \"" + ex.text + "\" but does not");
        continue;
      }
      std::string got(groups[static_cast<size_t>(main_group)].data() ? groups[static_cast<size_t>(main_group)] : "");
      if (ex.expect && got != *ex.expect)
        where("on \"" + ex.text + "\" matched \"" + got + "\", expected \"" + *ex.expect + "\"");
      for (const auto& [name, value] : ex.groups) {
        int g = p->group(name);
        if (g < 0) {
          where("example names group '" + name + "' which the regex lacks");
          continue;
        }
        std::string gv(groups[static_cast<size_t>(g)].data() ? groups[static_cast<size_t>(g)] : "");
        if (gv != value)
          where("on \"" + ex.text + "\" group " + name + " is \"" + gv + "\", expected \"" + value + "\"");
      }
    }
    for (const Example& ex : p->no_match_examples()) {
      re2::StringPiece m;
      if (re.Match(ex.text, 0, ex.text.size(), RE2::UNANCHORED, &m, 1))
        where("should not match \"" + ex.text + "\" but matched \"" + std::string(m) + "\"");
    }
  }
  return failures;
}

}  // namespace notices::ruleset
