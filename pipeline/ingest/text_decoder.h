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
// Detection is by evidence: well-formed UTF-8 wins (then checked for cp1252 mojibake,
// "ThÃ´ng bÃ¡o", which is repaired); a BOM decides UTF-16; otherwise every candidate
// 8-bit decoding (windows-1258, TCVN3, VNI) is tried and the one yielding the most
// valid Vietnamese syllables wins. The tables of TCVN3 and VNI are data under
// rules/encodings/ (built into the binary).
//
// Errors: kEmptyInput (zero bytes or only white space), kBadEncoding (binary data: no
// decoding gives text, e.g. many NUL or control bytes), kUsage (unknown --encoding).
// Invalid bytes inside an otherwise decodable text become U+FFFD with a warning naming
// the first offset; nothing is dropped silently.
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
  // Force an encoding by name (see SupportedEncodings()); empty: detect.
  std::string encoding;
};

// Names accepted by TextOptions::encoding: "utf-8", "utf-16le", "utf-16be",
// "windows-1258", "tcvn3", "vni", "utf-8-mojibake" (UTF-8 that was read as cp1252).
const std::vector<std::string>& SupportedEncodings();

Result<DecodedText> DecodeText(std::string_view bytes, const TextOptions& options);

}  // namespace notices::ingest
