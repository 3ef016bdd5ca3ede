// Internal to ingest: the Unicode encodings (UTF-8, UTF-16) and the repair of UTF-8 that
// was read as Windows-1252 and saved again ("ThÃ´ng bÃ¡o" -> "Thông báo").
//
//   MappedBuilder b;
//   DecodeSink sink(&b);
//   DecodeStats stats;
//   DecodeUtf8Text(bytes, 0, sink, stats);                  // valid runs copied
//   DecodeUtf16Text(bytes.substr(2), 2, /*big_endian=*/false, sink, stats);
//
//   for (Range line : FindMojibakeLines(text, /*force=*/false))
//     DecodeMojibakeLine(text.substr(line.begin, line.size()), line.begin, sink);
//
// Offsets: UTF-8 copies valid runs as single pieces (the near-zero-cost common case);
// each U+FFFD covers its one invalid byte. A UTF-16 character maps to its 2 or 4 bytes.
// A repaired mojibake character maps to the 2-4 Windows-1252 characters it was read as.
// A run of NUL bytes (UTF-16: NUL code units) becomes one U+FFFD; DecodeStats counts it.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/common/offset_map.h"
#include "pipeline/ingest/encoding_sink.h"

namespace notices::ingest {

// True when `bytes` is well-formed UTF-8 (the rules of IsValidUtf8 in common/utf8.h). A
// shift-based DFA (one table load and one shift per byte, no branches) with a 16-byte
// ASCII skip: over 1 GB/s on Vietnamese text, where the branchy validator manages a
// third of that because non-ASCII letters come every few bytes.
bool IsValidUtf8Fast(std::string_view bytes);

// UTF-8 bytes, with or without errors: each byte outside a well-formed sequence becomes
// U+FFFD and is counted as invalid.
void DecodeUtf8Text(std::string_view bytes, size_t base, DecodeSink& sink, DecodeStats& stats);

// Well-formed UTF-8 bytes (already validated): copied, NUL runs aside.
void CopyValidUtf8(std::string_view bytes, size_t base, DecodeSink& sink, DecodeStats& stats);

// UTF-16 code units (no BOM). Unpaired surrogates and an odd last byte become U+FFFD
// and are counted as invalid.
void DecodeUtf16Text(std::string_view bytes, size_t base, bool big_endian, DecodeSink& sink,
                     DecodeStats& stats);

// The lines of UTF-8 `text` (ranges without their '\n') that are mojibake: every
// character is one Windows-1252 can encode (Latin-1 counts for its undefined bytes),
// the re-encoded bytes are valid UTF-8 with a multi-byte sequence, and (unless `force`)
// they read at least as Vietnamese as the line does (ScoreSyllables). Cheap on text that
// is no mojibake: every line with a non-ASCII byte is examined in the first 64 KB (the
// examination stops at the first character cp1252 lacks, "ệ" say), past them only lines
// holding a C2 byte (U+0080-U+00BF, which the mojibake of every Vietnamese letter but
// ă, đ and some capitals contains); once mojibake is found, every line is examined.
std::vector<Range> FindMojibakeLines(std::string_view text, bool force);

// Writes the repair of one line found above; `base` is its offset in the input. A
// repaired byte order mark at the very start of the input (base 0) is dropped.
void DecodeMojibakeLine(std::string_view line, size_t base, DecodeSink& sink);

}  // namespace notices::ingest
