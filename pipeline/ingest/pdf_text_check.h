// Is a PDF font's text real Vietnamese? Checks used by ReadPdf on each font's words.
//
//   TextStats s;
//   s.Add("Thông"); s.Add("báo");                 // words set in one font
//   s.Add("7KӵF");                                // a broken ToUnicode map: glyph codes
//   FontVerdict v = JudgeFont(s);                 // kGood, kGarbled, kUndecided (too few words)
//
//   LegacyEncoding e = DetectLegacyEncoding(".VnTime", "Th«ng b¸o");   // kTcvn3
//   std::string bytes = ToLegacyBytes("Th«ng b¸o");                   // one byte per char
//
// A word is a plausible Vietnamese syllable when it follows Vietnamese orthography:
// an initial consonant cluster, one vowel group with at most one tone mark, a final
// consonant. This is the alphabet's structure (derived from Unicode decompositions),
// not a vocabulary. Garbled text layers give glyph codes instead of letters ("7ӌ1+" for
// "TỈNH", "WUD" for "tra"): almost none of their words are syllables, and many carry
// letters no Vietnamese text uses (Cyrillic, Armenian, "ÿ").
//
// Thread-safety: reentrant; the letter table is built once, thread-safely.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace notices::ingest {

enum class WordClass {
  kNeutral,      // no letters (numbers, punctuation), or letters with digits ("57-NQ/TW",
                 // "K12Online"): says nothing about the font
  kSyllable,     // a Vietnamese syllable: "Thông", "báo", "UBND" is not one
  kOther,        // letters, but no syllable: acronyms, foreign words, ASCII glyph codes
  kImplausible,  // letters no Vietnamese text has (Cyrillic, Greek, "ÿ", "Ĉ"), or
                 // letters mixed with digits or symbols inside ("7KӵF", "4X\ӃW"); '&'
                 // between capitals ("KH&ĐT") and '+' after a digit ("Km2+571") are
                 // not such symbols
};

// `word` is one whitespace-free token (UTF-8); leading and trailing punctuation are ignored.
WordClass ClassifyWord(std::string_view word);

struct TextStats {
  size_t syllables = 0;
  size_t other = 0;
  size_t implausible = 0;
  size_t letters = 0;  // code points in words with letters

  void Add(std::string_view word);
  void Add(const TextStats& other_stats);
  size_t words() const { return syllables + other + implausible; }
};

enum class FontVerdict { kUndecided, kGood, kGarbled };

// kGarbled when a fifth of the words or more are implausible, or, over 20 words or
// more, when under a fifth are syllables (ASCII glyph codes: "WUD" for "tra"); kUndecided
// under 6 words with letters.
FontVerdict JudgeFont(const TextStats& stats);

enum class LegacyEncoding { kNone, kTcvn3, kVni };

// Pre-Unicode Vietnamese fonts map their own byte layout onto Latin-1 glyph slots:
// TCVN3 (".VnTime", ".VnArial", "VnTimeH") and VNI ("VNI-Times"). Detected by the font
// name, or by the text: TCVN3 puts tone-marked vowels on "¸¹µ¶·«®" and the like, VNI
// writes a base letter followed by a mark letter ("Thoâng baùo").
LegacyEncoding DetectLegacyEncoding(std::string_view font_name, std::string_view text);
// Name accepted by TextOptions::encoding ("tcvn3", "vni"); "" for kNone.
const char* LegacyEncodingName(LegacyEncoding e);

// The font's bytes back from the text Poppler produced through the font's simple
// encoding: code points below 256 as themselves, the windows-1252 extras (U+2026 ...)
// as their 0x80-0x9F bytes. Other code points become '?'.
std::string ToLegacyBytes(std::string_view utf8);

}  // namespace notices::ingest
