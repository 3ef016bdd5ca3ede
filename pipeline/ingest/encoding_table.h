// Internal to ingest: the 8-bit encodings (TCVN3, VNI, Windows-1258) as byte tables, and
// the decoder that runs them.
//
//   Result<ByteTable> vni = ByteTable::Parse(*rules->DataFile("encodings/vni.tsv"),
//                                            "encodings/vni.tsv");
//   Result<ByteTable> cp1258 = ByteTable::FromIcu("windows-1258");
//   MappedBuilder b;
//   DecodeSink sink(&b);
//   DecodeStats stats;
//   vni->Decode("Thoâng baùo", 0, sink, stats);         // "Thông báo"
//
//   Result<const EncodingData*> d = BuiltinEncodingData();  // built-in tables, loaded once
//
// Table format (rules/README.md): `HEX<TAB>CHAR` per line, HEX one byte ("E1") or two
// ("61E1"), `#` comment lines. Bytes 00-7F not listed are ASCII, bytes 80-FF not listed
// are invalid (they decode to U+FFFD and are counted in DecodeStats). A two-byte entry
// wins over the single bytes it starts with.
//
// Decoding: ASCII runs are copied (one offset-map piece per run); each other character
// is one Replace piece covering exactly its input byte or bytes. A NUL byte run becomes
// one U+FFFD and is counted. When the table lacks the capital of a letter (TCVN3 has
// no capitals with tone marks: .VnTimeH sets them with the lowercase codes), the letter
// is written as a capital inside a word with at least two other capitals and no
// lowercase letter, so "TH¤NG B¸O" reads "THÔNG BÁO". Elsewhere it stays lowercase:
// "Sè" reads "Số" (it may have been "SỐ"), "ñy ban" reads "ủy ban" (the capital of
// "Ủy" is lost with the font).
//
// Errors: Parse fails with kRuleSyntax ("encodings/vni.tsv:12: ...") on a malformed
// line or a byte listed twice; FromIcu with kInternal when ICU lacks the converter.
// Thread-safety: a ByteTable is immutable after construction; Decode is const.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/ingest/encoding_score.h"
#include "pipeline/ingest/encoding_sink.h"

namespace notices::ingest {

class ByteTable {
 public:
  static Result<ByteTable> Parse(std::string_view tsv, std::string_view file);
  static Result<ByteTable> FromIcu(const char* converter);

  void Decode(std::string_view bytes, size_t base, DecodeSink& sink, DecodeStats& stats) const;

  // The text of a single byte (empty when unmapped) or a two-byte sequence (empty when
  // the pair is no entry). For tests and tools.
  std::string_view Single(unsigned char b) const { return View(single_[b]); }
  std::string_view Pair(unsigned char first, unsigned char second) const;

 private:
  struct Entry {
    uint32_t offset = 0;
    uint8_t length = 0;
  };
  // How a byte takes part in a word, for the capital repair.
  enum Case : uint8_t { kNone, kLower, kUpper, kCaseless, kLowerOnly };

  ByteTable();
  Entry Store(std::string_view text);
  std::string_view View(Entry e) const { return std::string_view(pool_).substr(e.offset, e.length); }
  // Computes copy_, case_ and upper_ once the entries are known.
  void Finish();
  // True when the word around bytes[i] is written in capitals; caches the answer for
  // the rest of the word in *word_end / *word_upper.
  bool WordIsUpper(std::string_view bytes, size_t i, size_t* word_end, bool* word_upper) const;

  std::string pool_;                     // the UTF-8 of every entry, back to back
  std::array<Entry, 256> single_{};
  std::array<int16_t, 256> pair_block_;  // -1, or the first byte's block in pairs_
  std::vector<Entry> pairs_;             // 256 entries per first byte that starts a pair
  std::array<bool, 256> copy_{};         // decodes to itself: part of a copied run
  std::array<uint8_t, 256> case_{};
  std::array<Entry, 256> upper_{};       // for kLowerOnly bytes: the capital
  bool repair_case_ = false;
};

// What the detector and the 8-bit decoders need.
struct EncodingData {
  ByteTable tcvn3;
  ByteTable vni;
  ByteTable windows1258;
  SyllableSet common_syllables;  // tie-breaker of detection (encoding_score.h)
};

// TCVN3 and VNI from the built-in rules (rules/encodings/*.tsv), Windows-1258 from ICU,
// the list "encoding.common_syllables" (rules/encodings/common_syllables.toml). Loaded on
// first use, once per process; an error (a broken table, a missing file or list, an
// item that is no syllable) is kept and returned to every caller.
Result<const EncodingData*> BuiltinEncodingData();

}  // namespace notices::ingest
