// Text ingest: bytes in any Vietnamese encoding -> UTF-8, with an offset map back to
// the bytes.
//
//   notices::Result<DecodedText> r = ingest::DecodeText(bytes, {});
//   if (r) std::cout << r->encoding << ": " << r->text;     // "tcvn3: Thông báo ..."
//
//   ingest::TextOptions opt;
//   opt.encoding = "vni";                                    // --encoding vni
//   r = ingest::DecodeText(bytes, opt);
//
// Detection is by evidence, in this order:
//   1. a byte order mark decides: EF BB BF UTF-8 ("utf-8-bom"), FF FE UTF-16LE, FE FF
//      UTF-16BE;
//   2. UTF-16 without a BOM when the first 64 KB say so overwhelmingly: at least half of
//      the code units have a zero high byte and almost none a zero low byte;
//   3. binary data is refused (more than 5% NUL or control bytes in the first 64 KB);
//   4. well-formed UTF-8 wins ("utf-8"), a near-zero-cost copy; its lines are then
//      checked for cp1252 mojibake ("ThÃ´ng bÃ¡o"), which is repaired line by line
//      ("utf-8-mojibake", with a warning saying how many lines);
//   5. otherwise a sample is decoded with every candidate (tcvn3, vni, windows-1258, and
//      UTF-8 with its errors replaced) and the candidate whose text holds the most valid
//      Vietnamese syllables wins, common ones (rules/encodings/common_syllables.toml)
//      counting more (see encoding_score.h). The sample is the first 4 KB, or the first
//      64 KB when 4 KB gave no clear lead. Ties go to the earlier candidate in that order
//      (the more common encoding of Vietnamese documents); when no candidate yields a
//      Vietnamese word, to windows-1258 (warning encoding_guess). The whole input is
//      then decoded with the winner.
// The tables of TCVN3 and VNI are data under rules/encodings/ (built into the binary);
// Windows-1258 is ICU's. TCVN3 has no capitals with tone marks: such letters are written
// as capitals inside a word of at least two other capitals ("TH¤NG B¸O" -> "THÔNG
// BÁO") and stay lowercase elsewhere ("ñy ban" -> "ủy ban", "X·" -> "Xã").
//
// Output: `text` is UTF-8 but not necessarily NFC (Windows-1258 decodes tone marks as
// combining characters; normalize composes them); CR, LF and form feeds are kept as
// they are. `to_source` maps every output byte to the input bytes it came from: copied
// runs are single pieces, every decoded character covers exactly its 1-4 input bytes.
//
// Errors: kEmptyInput (zero bytes, or nothing but white space once decoded),
// kBadEncoding (binary data: the message names the NUL and control bytes found),
// kUsage (unknown TextOptions::encoding; the message lists the supported names),
// kRuleSyntax/kInternal (a built-in encoding table is broken: a build problem).
// Warnings (DecodedText::warnings), each "<kind>: <message>":
//   invalid_bytes      bytes the encoding cannot decode became U+FFFD (count, first offset)
//   nul_bytes          NUL bytes in the text became U+FFFD, one per run (count, first offset)
//   mojibake_repaired  lines of UTF-8 read as Windows-1252 were repaired (count)
//   encoding_guess     no candidate gave Vietnamese words; the choice is a default
//
// Thread-safety: DecodeText is reentrant; the tables are loaded once, thread-safely.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/common/error.h"
#include "pipeline/ingest/decoded_text.h"

namespace notices::ingest {

struct TextOptions {
  // Force an encoding by name (see SupportedEncodings(); case-insensitive, and the
  // aliases "utf8", "cp1258", "tcvn", "vni-windows" are accepted); empty: detect. A
  // forced encoding skips detection but not the refusal of binary data (UTF-16 aside).
  std::string encoding;
};

// Names accepted by TextOptions::encoding: "utf-8", "utf-16le", "utf-16be",
// "windows-1258", "tcvn3", "vni", "utf-8-mojibake" (UTF-8 that was read as cp1252:
// every line that re-encodes to valid UTF-8 is repaired).
const std::vector<std::string>& SupportedEncodings();

Result<DecodedText> DecodeText(std::string_view bytes, const TextOptions& options);

}  // namespace notices::ingest
