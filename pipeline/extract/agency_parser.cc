// ParseMentions: the grammar of agency mentions over a key text. Tested by
// tests/extract/agency_finder_test.cc (through AgencyFinder::FindAll).
//
// A scan over the word starts of the key text (agency_key.h). At each start one trie walk
// tells which roles begin there (agency_vocabulary.h); the recognizers below try the
// forms those roles allow and the longest parse wins, so mentions are leftmost-longest.
#include "pipeline/extract/agency_parser.h"

#include <algorithm>
#include <array>
#include <utility>

#include <unicode/uchar.h>

#include "pipeline/common/utf8.h"

namespace notices::extract::agency {

namespace {

constexpr int kMaxFallbackWords = 12;
constexpr int kMaxOpenWords = 14;
constexpr int kMaxPlaceWords = 5;
constexpr size_t kMaxHits = 12;     // terminals kept per position (prefixes of one word run)
constexpr size_t kCacheSlots = 64;  // positions whose walks are cached

constexpr std::string_view kCollective = "collective";
constexpr std::string_view kPeopleCommittee = "people_committee";
constexpr std::string_view kPerson = "person";

constexpr uint32_t Bit(Role r) { return 1u << static_cast<unsigned>(r); }

constexpr uint32_t kStarters = Bit(Role::kEntry) | Bit(Role::kTemplate) | Bit(Role::kHolder) |
                               Bit(Role::kCollNoun) | Bit(Role::kPlural) | Bit(Role::kHead) |
                               Bit(Role::kPcHead) | Bit(Role::kPersonIntro) |
                               Bit(Role::kBareHead);

struct Hit {
  size_t end = 0;
  int32_t index = -1;
  explicit operator bool() const { return index >= 0; }
};

// A mention being parsed. Names are built only for the parses that win: `name_ref`
// (a gazetteer name), else `name_own`, else the collective text of [body_kb, ke) when
// `collective_text` is set; `holder` goes in front.
struct Piece {
  size_t kb = 0, ke = 0;  // key range
  std::string_view name_ref;
  std::string name_own;
  std::string_view kind, holder;
  bool collective = false, known = false, outside = false;
  bool collective_text = false;  // name = the written collective, tidied
  size_t body_kb = 0;            // ... which starts here (after any holder)
  int32_t pc = -1;               // ... whose people's committee head is this meaning
  size_t pc_end = 0;             // ... and ends here
  bool plural = false;           // ... and which starts with "các"
  size_t list_kb = std::string::npos;  // a member of a shared-head list starting here
};

struct Parse {
  size_t end = 0;  // key position after the parse
  std::vector<Piece> pieces;
  bool ok() const { return !pieces.empty(); }
};

Parse Single(Piece p) {
  Parse r;
  r.end = p.ke;
  r.pieces.push_back(std::move(p));
  return r;
}

// Written text made presentable: white space runs -> one space, no space before a
// comma and one after it, trimmed.
std::string Tidy(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (c == ',') {
      space = false;
      out += ',';
      continue;
    }
    if ((space || (!out.empty() && out.back() == ',')) && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The code point that ends just before byte `pos` of `s` (0 when pos == 0).
char32_t PrevChar(std::string_view s, size_t& pos) {
  if (pos == 0) return 0;
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t i = start;
  char32_t c = DecodeUtf8(s, i);
  pos = start;
  return c;
}

class Parser {
 public:
  Parser(const Vocabulary& vocab, const ruleset::Pattern& person, std::string_view text,
         const KeyText& k, bool folded, size_t range_end)
      : vocab_(vocab), trie_(vocab.trie(folded)), person_(person), text_(text), k_(k),
        key_(k.key()), folded_(folded), range_end_(range_end) {}

  void Run(std::vector<AgencyMention>& out) const {
    size_t resume = 0;  // the key before this is taken by a mention
    for (size_t w = 0; w < k_.words; ++w) {
      size_t p = k_.word_starts[w];
      if (p < resume || !trie_.Reaches(k_, p, kStarters) || InDocumentNumber(p)) continue;
      Parse r = ParseAt(p, /*allow_list=*/true);
      if (r.ok() && r.end > p) {
        for (Piece& piece : r.pieces) out.push_back(ToMention(std::move(piece)));
        resume = r.end;
      }
    }
  }

 private:
  // --- primitives over the key ---------------------------------------------------------

  // The terminals a walk from the root meets at p, shortest first. Recognizers ask the
  // same position many times, so the last walks are cached (by position, 64 slots). A
  // returned reference lives until the next HitsAt call: copy before calling on.
  struct HitList {
    size_t pos = std::string::npos;
    uint32_t mask = 0;
    uint8_t n = 0;
    struct One {
      uint32_t end;
      const Terminal* t;
    } hits[kMaxHits];
  };

  const HitList& HitsAt(size_t p) const {
    HitList& c = cache_[p % kCacheSlots];
    if (c.pos == p) return c;
    c.pos = p;
    c.mask = 0;
    c.n = 0;
    if (p < key_.size()) {
      trie_.Walk(k_, p, trie_.root(), [&](size_t end, const Terminal& t) {
        if (c.n < kMaxHits) c.hits[c.n++] = {static_cast<uint32_t>(end), &t};
        c.mask |= t.mask;
      });
    }
    return c;
  }

  Hit Longest(size_t p, Role r, uint32_t node = 0) const {
    Hit h;
    if (p >= key_.size()) return h;
    if (node == trie_.root()) {
      const HitList& c = HitsAt(p);
      if (!(c.mask & Bit(r))) return h;
      for (size_t i = c.n; i-- > 0;)
        if (c.hits[i].t->Has(r)) return {c.hits[i].end, c.hits[i].t->Index(r)};
      return h;
    }
    trie_.Walk(k_, p, node, [&](size_t end, const Terminal& t) {
      if (t.Has(r)) h = {end, t.Index(r)};
    });
    return h;
  }

  // Every hit of role r at p, longest first (at most `max`).
  size_t AllOf(size_t p, Role r, Hit* out, size_t max) const {
    const HitList& c = HitsAt(p);
    size_t n = 0;
    for (size_t i = c.n; i-- > 0 && n < max;)
      if (c.hits[i].t->Has(r)) out[n++] = {c.hits[i].end, c.hits[i].t->Index(r)};
    return n;
  }

  uint32_t MaskAt(size_t p) const { return HitsAt(p).mask; }

  bool Space(size_t q) const { return q < key_.size() && key_[q] == ' '; }
  bool SoftSpace(size_t q) const { return Space(q) && !k_.IsBreak(q); }
  bool Upper(size_t q) const { return k_.IsWordStart(q) && k_.IsUpper(q); }
  bool Digit(size_t q) const { return k_.IsWordStart(q) && IsAsciiDigit(key_[q]); }

  // Every letter of the word at q is a capital (digits aside); false when no word.
  bool AllCaps(size_t q) const {
    if (!k_.IsWordStart(q)) return false;
    for (size_t i = q; i < key_.size() && k_.IsWord(i); ++i)
      if (!k_.IsUpper(i) && !IsAsciiDigit(key_[i])) return false;
    return true;
  }

  size_t WordEnd(size_t p) const {
    size_t e = p;
    while (e < key_.size() && k_.IsWord(e)) ++e;
    return e > p ? e : p + 1;
  }

  // A gazetteer name (not a collective) starts at q.
  bool StartsEntry(size_t q) const {
    const HitList& c = HitsAt(q);
    for (size_t i = 0; i < c.n; ++i) {
      const Terminal& t = *c.hits[i].t;
      if (t.Has(Role::kTemplate)) return true;
      if (t.Has(Role::kEntry) && !vocab_.entry(t.Index(Role::kEntry)).collective) return true;
    }
    return false;
  }

  bool LowerStop(size_t q, bool words_too) const {
    if (Upper(q)) return false;
    return Longest(q, Role::kStopVerb) || (words_too && Longest(q, Role::kStopWord));
  }

  size_t SrcBegin(size_t kb) const { return k_.src[kb]; }
  size_t SrcEnd(size_t ke) const { return SourceEnd(k_, text_, ke); }
  std::string_view Src(size_t kb, size_t ke) const {
    size_t b = SrcBegin(kb), e = SrcEnd(ke);
    return text_.substr(b, e - b);
  }

  // The canonical form of a vocabulary word as written: the list's meaning, except in
  // folded mode when the written word only lacks the marks of it ("Uy ban nhan dan").
  std::string Expand(size_t kb, size_t ke, const std::string& meaning) const {
    if (folded_) {
      std::string_view written = Src(kb, ke);
      if (KeyOf(written, true) == KeyOf(meaning, true)) return Tidy(written);
    }
    return meaning;
  }

  // Position of the next list item after a separator at q, or npos.
  size_t Separator(size_t q) const {
    size_t r = q;
    if (r < key_.size() && vocab_.IsSeparatorChar(key_[r])) {
      ++r;
      if (Space(r)) ++r;
      if (Hit c = Longest(r, Role::kConj); c && Space(c.end)) r = c.end + 1;
      return k_.IsWordStart(r) ? r : std::string::npos;
    }
    if (SoftSpace(r)) {
      if (Hit c = Longest(r + 1, Role::kConj); c && Space(c.end) && k_.IsWordStart(c.end + 1))
        return c.end + 1;
    }
    return std::string::npos;
  }

  // End of a run of capitalised (or numeric) words starting at q, q when none.
  size_t CapitalizedWords(size_t q, int max) const {
    size_t end = q, w = q;
    for (int n = 0; n < max && (Upper(w) || Digit(w)); ++n) {
      end = WordEnd(w);
      if (SoftSpace(end) && (Upper(end + 1) || Digit(end + 1))) {
        w = end + 1;
      } else {
        break;
      }
    }
    return end;
  }

  // Words of a fallback name from q: up to a lowercase verb or function word, "các", a
  // conjunction, an office holder, punctuation other than an inner dash, or a line break.
  size_t FallbackWords(size_t q) const {
    size_t end = q, w = q;
    for (int n = 0; n < kMaxFallbackWords; ++n) {
      if (!k_.IsWordStart(w)) break;
      Hit whole = Upper(w) ? Hit{} : Longest(w, Role::kNameWord);  // "công trình": one word
      if (!whole && n > 0 && !Upper(w) && (LowerStop(w, true) || Longest(w, Role::kPlural))) break;
      if (n > 0 && Longest(w, Role::kHolder)) break;  // "Cục X Phó Cục trưởng ...": a new title
      if (!whole && n > 0 && !Upper(w)) {
        // "và" goes on only into a capitalised word that starts no other name:
        // "Trung tâm Thông tin và Truyền thông", not "Ban X và Sở Y".
        if (Hit c = Longest(w, Role::kConj)) {
          size_t nx = c.end + 1;
          if (!SoftSpace(c.end) || !Upper(nx) || StartsEntry(nx) || Longest(nx, Role::kHead) ||
              Longest(nx, Role::kPcHead))
            break;
        }
      }
      size_t e = whole ? whole.end : w;
      while (e < key_.size() && (k_.IsWord(e) || (key_[e] == '&' && k_.IsWord(e + 1)))) ++e;
      end = e;
      if (SoftSpace(e)) {
        w = e + 1;
      } else if (e < key_.size() && key_[e] == '-' && !k_.IsBreak(e) && Upper(e + 1)) {
        w = e + 1;
      } else {
        break;
      }
    }
    return end;
  }

  // Words of an open qualifier ("được giao quản lý, sử dụng ... tài sản") from q: up to
  // a verb that starts the predicate, "các", punctuation that ends a clause, or a line
  // break. The first word is always taken (it belongs to the qualifier).
  size_t ExtendOpen(size_t q) const {
    size_t end = q, before_conj = q;  // a clause never ends on "và"
    bool on_conj = false;
    for (int words = 0; words < kMaxOpenWords; ++words) {
      size_t nx;
      bool comma = false;
      if (SoftSpace(end)) {
        nx = end + 1;
      } else if (end < key_.size() && (key_[end] == ',' || key_[end] == '-') && !k_.IsBreak(end)) {
        comma = key_[end] == ',';
        nx = end + 1;
      } else {
        break;
      }
      if (!k_.IsWordStart(nx) || k_.IsBreak(nx)) break;
      if (Hit whole = Longest(nx, Role::kNameWord)) {
        end = whole.end;
        continue;
      }
      if (words > 0 && LowerStop(nx, false)) break;
      if (Longest(nx, Role::kPlural)) break;
      if (comma && (StartsEntry(nx) || Longest(nx, Role::kConj))) break;
      Hit conj = Longest(nx, Role::kConj);
      if (conj && !on_conj) before_conj = end;
      on_conj = static_cast<bool>(conj);
      end = conj ? conj.end : WordEnd(nx);
    }
    return on_conj ? before_conj : end;
  }

  // A word of one of `roles` ends right before the space before p.
  bool AfterWordOf(size_t p, uint32_t roles) const {
    if (p < 2 || !Space(p - 1)) return false;
    size_t lo = p > 24 ? p - 24 : 0;
    for (size_t s = p - 1; s-- > lo;) {
      if (!k_.IsWordStart(s)) continue;
      const HitList& c = HitsAt(s);
      for (size_t i = 0; i < c.n; ++i)
        if (c.hits[i].end == p - 1 && (c.hits[i].t->mask & roles)) return true;
    }
    return false;
  }

  bool AfterPersonTitle(size_t p) const { return AfterWordOf(p, Bit(Role::kPersonTitle)); }

  // p starts the text, follows punctuation, or follows a verb, a function word, a
  // conjunction or an office holder.
  bool OpensPhrase(size_t p) const {
    if (p == 0 || !Space(p - 1) || k_.IsBreak(p - 1) || p < 2 || !k_.IsWord(p - 2)) return true;
    return AfterWordOf(p, Bit(Role::kStopVerb) | Bit(Role::kStopWord) | Bit(Role::kConj) |
                              Bit(Role::kHolder) | Bit(Role::kLink));
  }

  // An abbreviation inside a document number ("1060/VPCP-KGVX", "NQ-HĐND",
  // "CĐ - TTg"): a word with two or more capitals right after '/' or after a dash that
  // follows a capital or a digit.
  bool InDocumentNumber(size_t p) const {
    int capitals = 0;
    for (size_t i = p; i < key_.size() && k_.IsWord(i); ++i)
      if (k_.IsUpper(i) && (i == p || k_.src[i] != k_.src[i - 1])) ++capitals;
    if (capitals < 2) return false;
    size_t pos = k_.src[p];
    char32_t c = PrevChar(text_, pos);
    while (c == ' ') c = PrevChar(text_, pos);
    if (c == '/') return true;
    if (c != '-' && !(c >= 0x2010 && c <= 0x2015)) return false;
    c = PrevChar(text_, pos);
    while (c == ' ') c = PrevChar(text_, pos);
    return (c >= '0' && c <= '9') || u_isUUppercase(static_cast<UChar32>(c));
  }

  // --- recognizers ---------------------------------------------------------------------

  struct PlaceAfter {
    size_t end = 0;
    int32_t place = -1, level = -1;
  };

  // "[tỉnh|thành phố] <Province>" after a name ending at e.
  PlaceAfter PlaceFollowing(size_t e) const {
    PlaceAfter r;
    if (!SoftSpace(e)) return r;
    size_t q = e + 1;
    if (Hit lvl = Longest(q, Role::kPlaceLevel); lvl && SoftSpace(lvl.end)) {
      size_t q2 = lvl.end + 1;
      if (Hit pl = Longest(q2, Role::kPlace); pl && Upper(q2)) return {pl.end, pl.index, lvl.index};
    }
    if (Hit pl = Longest(q, Role::kPlace); pl && Upper(q)) return {pl.end, pl.index, -1};
    return r;
  }

  Parse ParseEntry(size_t p) const {
    HitList hits = HitsAt(p);  // a copy: PlaceFollowing walks elsewhere
    for (size_t i = hits.n; i-- > 0;) {
      const Terminal& t = *hits.hits[i].t;
      size_t e = hits.hits[i].end;
      if (!t.Has(Role::kEntry) && !t.Has(Role::kTemplate)) continue;
      if (t.Has(Role::kTemplate)) {
        if (PlaceAfter pl = PlaceFollowing(e); pl.place >= 0) {
          const EntryInfo& info = vocab_.entry(t.Index(Role::kTemplate));
          Piece piece = FromEntry(p, pl.end, info);
          piece.name_own = info.name;
          size_t slot = piece.name_own.find(Vocabulary::kProvinceSlot);
          piece.name_own.replace(slot, Vocabulary::kProvinceSlot.size(),
                                 vocab_.meaning(Role::kPlace, pl.place));
          return Single(std::move(piece));
        }
      }
      if (!t.Has(Role::kEntry)) continue;
      const EntryInfo& info = vocab_.entry(t.Index(Role::kEntry));
      Piece piece = FromEntry(p, e, info);
      if (!info.collective && info.kind != "ministry") {
        if (PlaceAfter pl = PlaceFollowing(e); pl.place >= 0) {
          piece.name_own = info.name + ' ';
          if (pl.level >= 0) piece.name_own += vocab_.meaning(Role::kPlaceLevel, pl.level) + " ";
          piece.name_own += vocab_.meaning(Role::kPlace, pl.place);
          piece.ke = pl.end;
        } else if (SoftSpace(e)) {
          Hit w = Longest(e + 1, Role::kProvinceWord);
          if (w && !(Space(w.end) && Longest(w.end + 1, Role::kCompound))) piece.ke = w.end;
        }
      }
      return Single(std::move(piece));
    }
    return {};
  }

  // "UBND xã Yên Bình", "Ủy ban nhân dân thành phố Hải Phòng".
  Parse ParsePcPlace(size_t p) const {
    Hit pc = Longest(p, Role::kPcHead);
    if (!pc || !SoftSpace(pc.end)) return {};
    size_t q = pc.end + 1;
    Hit lvl = Longest(q, Role::kLevel);
    if (!lvl || !SoftSpace(lvl.end)) return {};
    size_t q2 = lvl.end + 1;
    Hit pl = Upper(q2) ? Longest(q2, Role::kPlace) : Hit{};
    // After "tỉnh" only a province of the lists: "UBND tỉnh Phan Trung Bá" is the
    // committee and a person.
    if (!pl && Longest(q, Role::kProvinceWord).end == lvl.end) return {};
    size_t end = pl ? pl.end : CapitalizedWords(q2, kMaxPlaceWords);
    if (end == q2) return {};
    bool province = pl && Longest(q, Role::kPlaceLevel).end == lvl.end;
    Piece piece;
    piece.kb = p;
    piece.ke = end;
    piece.name_own = Expand(p, pc.end, vocab_.meaning(Role::kPcHead, pc.index)) + " " +
                     Expand(q, lvl.end, vocab_.meaning(Role::kLevel, lvl.index)) + " " +
                     (province ? vocab_.meaning(Role::kPlace, pl.index) : Tidy(Src(q2, end)));
    piece.kind = kPeopleCommittee;
    piece.known = province;
    return Single(std::move(piece));
  }

  // A collective noun at q, unless it begins a longer word that is no addressee
  // ("bộ phận", "trường hợp").
  Hit Noun(size_t q, Role noun) const {
    Hit n = Longest(q, noun);
    if (n && Longest(q, Role::kTrap).end > n.end) return {};
    return n;
  }

  // "[UBND] [các] NOUN (sep NOUN)* QUALIFIER*".
  Parse ParseCollective(size_t p) const {
    size_t q = p;
    Hit pc = Longest(q, Role::kPcHead);
    if (pc && SoftSpace(pc.end)) {
      q = pc.end + 1;
    } else {
      pc = {};
    }
    bool plural = false;
    if (Hit pl = Longest(q, Role::kPlural); pl && SoftSpace(pl.end)) {
      plural = true;
      q = pl.end + 1;
    }
    Role noun = pc ? Role::kLevel : Role::kCollNoun;
    Hit first = Noun(q, noun);
    if (!first) return {};
    size_t end = first.end;
    int count = 1;
    for (;;) {
      size_t nx = Separator(end);
      if (nx == std::string::npos) break;
      if (!pc && StartsEntry(nx)) break;
      if (Longest(nx, Role::kPlural)) break;
      Hit m = Noun(nx, noun);
      if (!m) break;
      end = m.end;
      ++count;
    }
    bool qualified = false;
    for (;;) {
      bool comma = end < key_.size() && key_[end] == ',' && !k_.IsBreak(end);
      if (!SoftSpace(end) && !comma) break;
      size_t q2 = end + 1;
      if (Hit li = Longest(q2, Role::kLink); !comma && li && SoftSpace(li.end)) {
        Parse body = ParseEntry(li.end + 1);
        if (!body.ok()) body = ParsePcPlace(li.end + 1);
        if (body.ok()) {
          end = body.end;
          qualified = true;
          continue;
        }
      }
      if (Hit qu = Longest(q2, Role::kQual)) {
        end = qu.end;
        qualified = true;
        continue;
      }
      if (comma) break;
      if (Hit oq = Longest(q2, Role::kOpenQual); oq && (plural || count >= 2)) {
        end = ExtendOpen(oq.end);
        qualified = true;
      }
      break;
    }
    if (pc ? (!plural && count < 2) : (!plural && count < 2 && !qualified)) return {};
    // Without "các" or a people's committee, the noun must open a phrase: "cán bộ
    // chuyên môn" holds the noun "bộ" but is no addressee, "với cơ quan chuyên môn" is.
    if (!pc && !plural && !OpensPhrase(p)) return {};
    Piece piece;
    piece.kb = p;
    piece.ke = end;
    piece.kind = kCollective;
    piece.collective = true;
    piece.known = true;
    piece.collective_text = true;
    piece.body_kb = p;
    piece.pc = pc.index;
    piece.pc_end = pc.end;
    piece.plural = plural;
    return Single(std::move(piece));
  }

  // "các Sở[, ngành]: A, B và C" / "các Sở A, B" / "UBND các huyện: A, B".
  Parse ParseHeadList(size_t p) const {
    if (Hit pc = Longest(p, Role::kPcHead); pc && SoftSpace(pc.end)) return ParsePcList(p, pc);
    Hit pl = Longest(p, Role::kPlural);
    if (!pl || !SoftSpace(pl.end)) return {};
    size_t q = pl.end + 1;
    Hit head = Longest(q, Role::kHead);
    if (!head) return {};
    size_t r = head.end;
    while (r < key_.size() && key_[r] == ',') {
      Hit n = Longest(r + 1, Role::kCollNoun);
      if (!n) break;
      r = n.end;
    }
    bool colon = r < key_.size() && key_[r] == ':';
    size_t at;
    if (colon) {
      at = Space(r + 1) ? r + 2 : r + 1;
    } else if (r == head.end && SoftSpace(r)) {
      at = r + 1;
    } else {
      return {};
    }
    uint32_t node = trie_.Descend(trie_.root(), key_.substr(q, head.end - q));
    if (node != Trie::kNone) node = trie_.Child(node, ' ');
    std::string head_name = Expand(q, head.end, vocab_.meaning(Role::kHead, head.index));
    Parse out;
    while (k_.IsWordStart(at) && !Longest(at, Role::kPlural)) {
      Hit a = node != Trie::kNone ? Longest(at, Role::kEntry, node) : Hit{};
      Parse c = ParseAt(at, /*allow_list=*/false);
      Piece piece;
      if (a && (!c.ok() || a.end >= c.end)) {
        piece = FromEntry(at, a.end, vocab_.entry(a.index));
      } else if (!colon) {
        break;
      } else if (c.ok() && c.pieces.size() == 1) {
        piece = std::move(c.pieces[0]);
      } else if (!folded_ && Upper(at)) {
        size_t e = FallbackWords(at);
        piece.kb = at;
        piece.ke = e;
        piece.name_own = head_name + " " + Tidy(Src(at, e));
      } else {
        break;
      }
      piece.list_kb = p;
      out.end = piece.ke;
      out.pieces.push_back(std::move(piece));
      size_t nx = Separator(out.end);
      if (nx == std::string::npos) break;
      at = nx;
    }
    return out;
  }

  Parse ParsePcList(size_t p, Hit pc) const {
    size_t q = pc.end + 1;
    Hit pl = Longest(q, Role::kPlural);
    if (!pl || !SoftSpace(pl.end)) return {};
    Hit lvl = Longest(pl.end + 1, Role::kLevel);
    if (!lvl) return {};
    size_t r = lvl.end;
    while (r < key_.size() && key_[r] == ',') {
      Hit n = Longest(r + 1, Role::kLevel);
      if (!n) break;
      r = n.end;
    }
    if (r >= key_.size() || key_[r] != ':') return {};
    size_t at = Space(r + 1) ? r + 2 : r + 1;
    std::string prefix = Expand(p, pc.end, vocab_.meaning(Role::kPcHead, pc.index)) + " " +
                         Expand(pl.end + 1, lvl.end, vocab_.meaning(Role::kLevel, lvl.index)) + " ";
    Parse out;
    while (Upper(at) || Digit(at)) {
      size_t e = CapitalizedWords(at, kMaxPlaceWords);
      Piece piece;
      piece.kb = at;
      piece.ke = e;
      piece.name_own = prefix + Tidy(Src(at, e));
      piece.kind = kPeopleCommittee;
      piece.list_kb = p;
      out.end = e;
      out.pieces.push_back(std::move(piece));
      size_t nx = Separator(e);
      if (nx == std::string::npos) break;
      at = nx;
    }
    return out;
  }

  // A capitalised head noun and the capitalised name after it (kExact only). The
  // longest head that has a name after it wins ("Ban Quản lý Dự án ..." but "Ban" +
  // "Quản lý dự án ...").
  Parse ParseFallback(size_t p) const {
    // In a line of capitals ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") capitals say nothing.
    if (folded_ || !Upper(p) || AfterPersonTitle(p) || (AllCaps(p) && AllCaps(WordEnd(p) + 1))) return {};
    Hit heads[kMaxHits];
    size_t n = AllOf(p, Role::kHead, heads, kMaxHits);
    for (size_t i = 0; i < n; ++i) {
      Hit head = heads[i];
      if (!SoftSpace(head.end)) continue;
      size_t q = head.end + 1;
      if (!Upper(q) && !Digit(q) && !Longest(q, Role::kOpener)) continue;
      size_t end = FallbackWords(q);
      if (end <= q) continue;
      Piece piece;
      piece.kb = p;
      piece.ke = end;
      piece.name_own = Expand(p, head.end, vocab_.meaning(Role::kHead, head.index)) + " " + Tidy(Src(q, end));
      piece.outside = Longest(p, Role::kOutsideHead).end == head.end;
      return Single(std::move(piece));
    }
    return {};
  }

  // "Ông Hoàng Văn Thuân - Trưởng đoàn" (the rules' pattern agency.person).
  Parse ParsePerson(size_t p) const {
    const RE2& re = folded_ ? person_.folded_regex() : person_.regex();
    int m = person_.group("m");
    int groups = std::max(m, 0) + 1;
    std::vector<re2::StringPiece> sub(static_cast<size_t>(groups));
    size_t start = k_.src[p];
    if (!re.Match(re2::StringPiece(text_.data(), text_.size()), start, range_end_, RE2::ANCHOR_START,
                  sub.data(), groups))
      return {};
    re2::StringPiece whole = m >= 0 ? sub[static_cast<size_t>(m)] : sub[0];
    if (whole.data() == nullptr || whole.empty()) return {};
    size_t end_src = static_cast<size_t>(whole.data() - text_.data()) + whole.size();
    auto src_end = k_.src.begin() + static_cast<std::ptrdiff_t>(k_.size);
    size_t ke = static_cast<size_t>(std::lower_bound(k_.src.begin(), src_end, end_src) - k_.src.begin());
    if (ke <= p) return {};
    Piece piece;
    piece.kb = p;
    piece.ke = ke;
    piece.name_own = Tidy(std::string_view(whole.data(), whole.size()));
    piece.kind = kPerson;
    return Single(std::move(piece));
  }

  // "Đề nghị Công ty tiếp tục ...": a capitalised bare head right before a verb (or
  // alone, as Canonical() sees it).
  Parse ParseBare(size_t p) const {
    if (folded_ || !Upper(p)) return {};
    Hit b = Longest(p, Role::kBareHead);
    if (!b || (b.end < key_.size() && !(SoftSpace(b.end) && LowerStop(b.end + 1, false)))) return {};
    Piece piece;
    piece.kb = p;
    piece.ke = b.end;
    piece.name_own = Expand(p, b.end, vocab_.meaning(Role::kBareHead, b.index));
    piece.outside = Longest(p, Role::kOutsideHead).end == b.end;
    return Single(std::move(piece));
  }

  Parse ParseBody(size_t p, bool allow_list, uint32_t mask) const {
    Parse best;
    auto consider = [&](Parse c) {
      if (c.ok() && c.end > best.end) best = std::move(c);
    };
    bool entry = false;
    if (mask & (Bit(Role::kEntry) | Bit(Role::kTemplate))) {
      Parse e = ParseEntry(p);
      entry = e.ok();
      consider(std::move(e));
    }
    if (mask & Bit(Role::kPcHead)) consider(ParsePcPlace(p));
    if (mask & (Bit(Role::kPcHead) | Bit(Role::kPlural) | Bit(Role::kCollNoun))) consider(ParseCollective(p));
    if (allow_list && (mask & (Bit(Role::kPcHead) | Bit(Role::kPlural)))) consider(ParseHeadList(p));
    if (mask & Bit(Role::kPersonIntro)) consider(ParsePerson(p));
    if (!entry && (mask & Bit(Role::kHead))) consider(ParseFallback(p));
    if (!best.ok() && (mask & Bit(Role::kBareHead))) consider(ParseBare(p));
    return best;
  }

  Parse ParseAt(size_t p, bool allow_list) const {
    uint32_t mask = MaskAt(p);
    if (!(mask & kStarters)) return {};
    if (mask & Bit(Role::kHolder)) {
      Hit holders[kMaxHits];
      size_t n = AllOf(p, Role::kHolder, holders, kMaxHits);
      for (size_t i = 0; i < n; ++i) {
        size_t e = holders[i].end;
        if (!SoftSpace(e)) continue;
        Parse body = ParseBody(e + 1, allow_list, MaskAt(e + 1));
        if (!body.ok()) continue;
        if (body.pieces.size() == 1 && body.pieces[0].kb == e + 1) {
          Piece& piece = body.pieces[0];
          piece.holder = vocab_.meaning(Role::kHolder, holders[i].index);
          piece.kb = p;
        }
        return body;  // a list after a holder: each item is a body of its own
      }
    }
    return ParseBody(p, allow_list, mask);
  }

  Piece FromEntry(size_t kb, size_t ke, const EntryInfo& info) const {
    Piece piece;
    piece.kb = kb;
    piece.ke = ke;
    piece.name_ref = info.name;
    piece.kind = info.kind;
    piece.collective = info.collective;
    piece.known = true;
    piece.outside = info.outside;
    return piece;
  }

  // The written collective, tidied: "Các sở" -> "các sở", "UBND" -> "Ủy ban nhân dân".
  std::string CollectiveName(const Piece& piece) const {
    std::string name;
    if (piece.pc >= 0) {
      name = Expand(piece.body_kb, piece.pc_end, vocab_.meaning(Role::kPcHead, piece.pc)) + " " +
             Tidy(Src(piece.pc_end + 1, piece.ke));
    } else {
      name = Tidy(Src(piece.body_kb, piece.ke));
      if (piece.plural && !name.empty() && name[0] >= 'A' && name[0] <= 'Z')
        name[0] = static_cast<char>(name[0] + 32);
    }
    return name;
  }

  AgencyMention ToMention(Piece piece) const {
    AgencyMention m;
    m.span = {SrcBegin(piece.kb), SrcEnd(piece.ke)};
    m.list_begin = piece.list_kb != std::string::npos ? SrcBegin(piece.list_kb) : m.span.begin;
    m.text = std::string(text_.substr(m.span.begin, m.span.size()));
    std::string base;
    if (piece.collective_text) {
      base = CollectiveName(piece);
    } else if (!piece.name_own.empty()) {
      base = std::move(piece.name_own);
    } else {
      base = std::string(piece.name_ref);
    }
    if (piece.holder.empty()) {
      m.name = std::move(base);
    } else {
      m.name.reserve(piece.holder.size() + 1 + base.size());
      m.name.append(piece.holder).append(" ").append(base);
    }
    m.kind = std::string(piece.kind);
    m.holder = std::string(piece.holder);
    m.collective = piece.collective;
    m.known = piece.known;
    m.outside = piece.outside;
    return m;
  }

  const Vocabulary& vocab_;
  const Trie& trie_;
  const ruleset::Pattern& person_;
  std::string_view text_;
  const KeyText& k_;
  std::string_view key_;
  bool folded_;
  size_t range_end_;
  mutable std::array<HitList, kCacheSlots> cache_;
};

}  // namespace

void ParseMentions(const Vocabulary& vocab, const ruleset::Pattern& person, std::string_view text,
                   const KeyText& key, bool folded, size_t range_end, std::vector<AgencyMention>& out) {
  Parser(vocab, person, text, key, folded, range_end).Run(out);
}

}  // namespace notices::extract::agency
