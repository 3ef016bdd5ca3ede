// The key text the agency finder matches on: a lowercase (and, in folded mode,
// diacritic-free) copy of the searched text in which writing variants collapse, with
// a map from every key byte back to the searched text. Internal to the agency finder.
//
//   KeyText k;
//   BuildKey("Giao  BộTài chính, Sở KH & CN", {0, 31}, /*folded=*/false, k);
//   // k.key() == "giao bộ tài chính,sở kh&cn"
//   // k.src[5] == 6: the key byte 5 ('b') came from byte 6 of the text
//
// What collapses (the same function turns gazetteer names into trie keys, so both sides
// agree by construction):
//   - case: every letter is lowercased when its lowercase has the same UTF-8 length;
//   - white space: any run (spaces, tabs, line breaks, NBSP) becomes one ' ';
//   - joiners: no space is kept next to ',', '&' or a dash, and every dash (‐ – — −)
//     becomes '-': "KH & CN" == "KH&CN", "Văn hóa ,Thể thao" == "Văn hóa, Thể thao";
//   - glued words: a lowercase letter followed by an uppercase one gets a space between
//     them ("BộTài chính" -> "bộ tài chính");
//   - folded mode: marks removed and đ -> d (normalize::FoldDiacritics);
//   - OCR'd text (`ocr`): a '.' right after a letter and before a lowercase letter, with
//     at most one space between, is a stray speck OCR read as a dot and becomes a space
//     ("Công.nghệ", "Thủ. tướng" -> "công nghệ", "thủ tướng"). A sentence starts with a
//     capital, so a real full stop is not taken; typed text keeps every '.'.
//
// Per key byte, `flags` says whether it belongs to a word character (letter or digit),
// starts a word, came from an uppercase letter, or stands where the text had a line
// break (a collapsed break, or a joiner right after one).
//
// Thread-safety: plain values; BuildKey is reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/offset_map.h"

namespace notices::extract::agency {

enum KeyFlag : uint8_t {
  kWordChar = 1,   // part of a letter or digit
  kWordStart = 2,  // first byte of a word
  kUpper = 4,      // the source character is an uppercase letter
  kBreak = 8,      // a line break was collapsed here (or just before this joiner)
};

struct KeyText {
  // The buffers only grow (a KeyText reused across calls allocates once); the key is
  // their first `size` bytes.
  std::string buffer;
  std::vector<uint32_t> src;   // key byte -> byte offset in the searched text
  std::vector<uint8_t> flags;  // key byte -> KeyFlag bits
  std::vector<uint32_t> word_starts;  // key offsets of the kWordStart bytes: the first
                                      // `words` entries, ascending
  size_t size = 0;
  size_t words = 0;

  std::string_view key() const { return {buffer.data(), size}; }
  bool IsWord(size_t i) const { return i < size && (flags[i] & kWordChar); }
  bool IsWordStart(size_t i) const { return i < size && (flags[i] & kWordStart); }
  bool IsUpper(size_t i) const { return i < size && (flags[i] & kUpper); }
  bool IsBreak(size_t i) const { return i < size && (flags[i] & kBreak); }
  // A word may end at `i`: the end of the key or a byte that is not a word character.
  bool IsWordEnd(size_t i) const { return i >= size || !(flags[i] & kWordChar); }
};

// Makes `out` the key of text[range] (its buffers are reused).
void BuildKey(std::string_view text, Range range, bool folded, KeyText& out, bool ocr = false);

// The key of a whole string (vocabulary entries, tests).
std::string KeyOf(std::string_view text, bool folded);

// Source byte just past key bytes [.., key_end): the end of the character that produced
// the byte key_end - 1. `key_end` must be > 0.
size_t SourceEnd(const KeyText& k, std::string_view text, size_t key_end);

}  // namespace notices::extract::agency
