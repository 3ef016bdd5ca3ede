// The agency finder's vocabulary: the gazetteer ([[agency]] entries) and the word lists
// of rules/agency_patterns.toml, compiled once into two byte tries over key text (see
// agency_key.h), one exact and one with diacritics folded away. Internal to the agency
// finder.
//
//   auto vocab = agency::Vocabulary::Create(*rules);        // Result<Vocabulary>
//   const agency::Trie& trie = vocab->trie(/*folded=*/false);
//   trie.Walk(key_text, pos, trie.root(), [&](size_t end, const agency::Terminal& t) {
//     if (t.Has(agency::Role::kEntry)) ... vocab->entry(t.Index(agency::Role::kEntry)).name
//   });
//
// Every written form becomes one trie key; a key may carry several roles at once
// ("tỉnh" is a local level, a place level, a collective qualifier and the province
// word). A list item "A => B" is written A and stands for B ("UBND => Ủy ban nhân dân");
// other items stand for themselves. A gazetteer form containing "{province}" (only at
// its end) is a template: its prefix is the key, and a province name must follow.
//
// Errors (ErrorCode::kRuleSyntax): a list the finder needs is missing; a template is
// malformed; two agencies share a written form; one list form stands for two things.
//
// Thread-safety: immutable after Create.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/extract/agency_key.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::extract::agency {

enum class Role : uint8_t {
  kEntry,          // a gazetteer name or alias
  kTemplate,       // the prefix of a "{province}" gazetteer form
  kHolder,         // an office holder written before a body ("Giám đốc")
  kCollNoun,       // a noun of collective addressees ("sở", "cơ quan")
  kQual,           // a qualifier after collective nouns ("liên quan", "tỉnh")
  kOpenQual,       // a qualifier that runs to the end of the clause ("được giao")
  kLink,           // a qualifier followed by an agency name ("thuộc")
  kPlural,         // "các"
  kConj,           // a list conjunction between items ("và")
  kHead,           // a head noun of agency names ("Sở", "Trung tâm")
  kOutsideHead,    // a head noun of outside bodies ("Công ty")
  kPcHead,         // people's committee / council ("UBND")
  kLevel,          // an administrative level ("xã", "phường", "tỉnh")
  kPlaceLevel,     // a level written before a province name ("tỉnh", "thành phố")
  kPlace,          // a province or centrally governed city
  kProvinceWord,   // the word "tỉnh" a name may carry at its end
  kCompound,       // a word that makes "tỉnh" part of another name ("ủy" in "Tỉnh ủy")
  kStopVerb,       // a verb that ends a name ("chủ trì")
  kStopWord,       // a function word that ends a name of the fallback ("về")
  kOpener,         // a lowercase word allowed right after a head ("cổ phần")
  kNameWord,       // a compound never split by a verb inside it ("công trình")
  kTrap,           // a word that starts with a collective noun but is none ("bộ phận")
  kPersonTitle,    // a word before a person's name ("đồng chí")
  kPersonIntro,    // a word that opens "Ông X - title" ("Ông")
  kBareHead,       // a head used alone as an addressee ("Công ty")
  kCount,
};
inline constexpr size_t kRoleCount = static_cast<size_t>(Role::kCount);

struct Terminal {
  uint32_t mask = 0;
  std::array<int32_t, kRoleCount> index;
  Terminal() { index.fill(-1); }
  bool Has(Role r) const { return mask & (1u << static_cast<unsigned>(r)); }
  int32_t Index(Role r) const { return index[static_cast<size_t>(r)]; }
};

class Trie {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  Trie();
  uint32_t root() const { return 0; }
  // The node reached from `node` by `bytes`, or kNone.
  uint32_t Descend(uint32_t node, std::string_view bytes) const;
  uint32_t Child(uint32_t node, unsigned char b) const {
    const Node& n = nodes_[node];
    if (n.dense >= 0) return dense_[static_cast<size_t>(n.dense) * 256 + b];
    const Edge* e = edges_.data() + n.first;
    for (const Edge* end = e + n.count; e != end; ++e)
      if (e->byte == b) return e->child;
    return kNone;
  }
  // Calls f(end, terminal) for every terminal reached from `node` by key bytes
  // [p, end) where a word may end at `end`, shortest first.
  template <class F>
  void Walk(const KeyText& k, size_t p, uint32_t node, F&& f) const {
    const char* key = k.buffer.data();
    for (size_t i = p; i < k.size && node != kNone; ++i) {
      node = Child(node, static_cast<unsigned char>(key[i]));
      if (node == kNone) return;
      int32_t t = nodes_[node].terminal;
      if (t >= 0 && k.IsWordEnd(i + 1)) f(i + 1, terminals_[static_cast<size_t>(t)]);
    }
  }

  // True when a walk from the root at p meets a terminal with one of the roles in
  // `roles` (a bit mask) at a word end. Cheaper than Walk: it stops as soon as no such
  // terminal lies below.
  bool Reaches(const KeyText& k, size_t p, uint32_t roles) const {
    const char* key = k.buffer.data();
    uint32_t node = 0;
    for (size_t i = p; i < k.size; ++i) {
      node = Child(node, static_cast<unsigned char>(key[i]));
      if (node == kNone || !(nodes_[node].below & roles)) return false;
      int32_t t = nodes_[node].terminal;
      if (t >= 0 && (terminals_[static_cast<size_t>(t)].mask & roles) && k.IsWordEnd(i + 1)) return true;
    }
    return false;
  }

  // Building (Vocabulary::Create only).
  Terminal& Add(std::string_view key);
  void Freeze();

 private:
  // Nodes with few children scan their edges; the others (the root, "các ", "sở " ...)
  // index a 256-entry row of dense_.
  static constexpr uint32_t kDenseFrom = 6;
  struct Node {
    uint32_t first = 0;   // into edges_
    uint32_t count = 0;
    int32_t terminal = -1;
    int32_t dense = -1;   // row of dense_, or -1
    uint32_t below = 0;   // roles of the terminals at or under this node
  };
  struct Edge {
    unsigned char byte;
    uint32_t child;
  };
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<uint32_t> dense_;
  std::vector<Terminal> terminals_;
  std::vector<std::map<unsigned char, uint32_t>> building_;
};

struct EntryInfo {
  std::string name;      // canonical; templates hold "{province}"
  std::string kind;
  bool collective = false;
  bool outside = false;
  bool is_template = false;
  ruleset::Origin origin;
};

class Vocabulary {
 public:
  static Result<Vocabulary> Create(const ruleset::RuleSet& rules);

  const Trie& trie(bool folded) const { return folded ? folded_ : exact_; }
  const EntryInfo& entry(int32_t i) const { return entries_[static_cast<size_t>(i)]; }
  // What a list form stands for ("UBND" -> "Ủy ban nhân dân").
  const std::string& meaning(Role r, int32_t i) const {
    return meanings_[static_cast<size_t>(r)][static_cast<size_t>(i)];
  }
  // Punctuation that separates list items (",").
  bool IsSeparatorChar(char c) const { return separator_chars_.find(c) != std::string::npos; }
  // The placeholder of template forms.
  static constexpr std::string_view kProvinceSlot = "{province}";

  // The word lists the finder requires, for RuleSet::Require and the docs.
  static std::vector<std::string_view> RequiredLists();

 private:
  Status AddForm(std::string_view form, Role role, int32_t index, const std::string& what);
  int32_t Meaning(Role role, const std::string& meaning);

  Trie exact_, folded_;
  std::vector<EntryInfo> entries_;
  std::array<std::vector<std::string>, kRoleCount> meanings_;
  std::string separator_chars_;
};

}  // namespace notices::extract::agency
