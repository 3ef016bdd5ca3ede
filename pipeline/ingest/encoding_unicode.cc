// IsValidUtf8Fast, DecodeUtf8Text, CopyValidUtf8, DecodeUtf16Text, FindMojibakeLines,
// DecodeMojibakeLine. Tested by tests/ingest/text_decoder_test.cc.
#include "pipeline/ingest/encoding_unicode.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "pipeline/common/utf8.h"
#include "pipeline/ingest/encoding_score.h"

namespace notices::ingest {
namespace {

// The UTF-8 DFA. Each state is a multiple of 6; row[b] packs, for every state s, the
// next state after byte b at bits [s, s + 6), so a step is `state = row[b] >> state`.
enum : int { kAccept, kError, kCont1, kCont2, kCont3, kAfterE0, kAfterED, kAfterF0, kAfterF4, kStates };

constexpr int NextState(int s, int b) {
  auto cont = [b](int lo, int hi, int to) { return b >= lo && b <= hi ? to : kError; };
  switch (s) {
    case kAccept:
      if (b < 0x80) return kAccept;
      if (b < 0xC2) return kError;
      if (b < 0xE0) return kCont1;
      if (b == 0xE0) return kAfterE0;   // no overlong: A0-BF next
      if (b == 0xED) return kAfterED;   // no surrogate: 80-9F next
      if (b < 0xF0) return kCont2;
      if (b == 0xF0) return kAfterF0;   // no overlong: 90-BF next
      if (b < 0xF4) return kCont3;
      if (b == 0xF4) return kAfterF4;   // <= U+10FFFF: 80-8F next
      return kError;
    case kCont1: return cont(0x80, 0xBF, kAccept);
    case kCont2: return cont(0x80, 0xBF, kCont1);
    case kCont3: return cont(0x80, 0xBF, kCont2);
    case kAfterE0: return cont(0xA0, 0xBF, kCont1);
    case kAfterED: return cont(0x80, 0x9F, kCont1);
    case kAfterF0: return cont(0x90, 0xBF, kCont2);
    case kAfterF4: return cont(0x80, 0x8F, kCont2);
    default: return kError;
  }
}

constexpr std::array<uint64_t, 256> MakeRows() {
  std::array<uint64_t, 256> rows{};
  for (int b = 0; b < 256; ++b)
    for (int s = 0; s < kStates; ++s)
      rows[static_cast<size_t>(b)] |= static_cast<uint64_t>(NextState(s, b) * 6) << (s * 6);
  return rows;
}

constexpr std::array<uint64_t, 256> kRows = MakeRows();

// Copies well-formed UTF-8 bytes [begin, end), turning NUL runs into U+FFFD.
void CopyValid(std::string_view bytes, size_t begin, size_t end, size_t base, DecodeSink& sink,
               DecodeStats& stats) {
  while (begin < end) {
    const void* hit = std::memchr(bytes.data() + begin, 0, end - begin);
    size_t nul = hit == nullptr ? end : static_cast<size_t>(static_cast<const char*>(hit) - bytes.data());
    if (nul > begin) sink.Copy(bytes.substr(begin, nul - begin), base + begin);
    if (nul == end) return;
    size_t run = nul;
    while (run < end && bytes[run] == '\0') ++run;
    stats.Nul(base + nul, run - nul);
    sink.Replace(kReplacementUtf8, base + nul, run - nul);
    begin = run;
  }
}

// The Windows-1252 byte of a character, or -1. U+0080-U+009F stand for themselves, as
// the readers that produce mojibake map cp1252's undefined bytes there.
int Cp1252Byte(char32_t c) {
  if (c < 0x100) return static_cast<int>(c);
  switch (c) {
    case 0x20AC: return 0x80; case 0x201A: return 0x82; case 0x0192: return 0x83;
    case 0x201E: return 0x84; case 0x2026: return 0x85; case 0x2020: return 0x86;
    case 0x2021: return 0x87; case 0x02C6: return 0x88; case 0x2030: return 0x89;
    case 0x0160: return 0x8A; case 0x2039: return 0x8B; case 0x0152: return 0x8C;
    case 0x017D: return 0x8E; case 0x2018: return 0x91; case 0x2019: return 0x92;
    case 0x201C: return 0x93; case 0x201D: return 0x94; case 0x2022: return 0x95;
    case 0x2013: return 0x96; case 0x2014: return 0x97; case 0x02DC: return 0x98;
    case 0x2122: return 0x99; case 0x0161: return 0x9A; case 0x203A: return 0x9B;
    case 0x0153: return 0x9C; case 0x017E: return 0x9E; case 0x0178: return 0x9F;
    default: return -1;
  }
}

// The bytes a line was before it was read as cp1252, or false when some character has
// no cp1252 byte (or the line is not well-formed UTF-8).
bool Reencode(std::string_view line, std::string& out) {
  out.clear();
  size_t i = 0;
  while (i < line.size()) {
    unsigned char lead = static_cast<unsigned char>(line[i]);
    if (lead < 0x80) {
      out.push_back(static_cast<char>(lead));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = DecodeUtf8(line, i);
    if (c == kReplacementChar && i - start == 1) return false;
    int b = Cp1252Byte(c);
    if (b < 0) return false;
    out.push_back(static_cast<char>(b));
  }
  return true;
}

bool IsMojibakeLine(std::string_view line, bool force, std::string& scratch) {
  if (!Reencode(line, scratch) || scratch == line || !IsValidUtf8(scratch)) return false;
  bool multibyte = false;
  for (char ch : scratch) multibyte |= static_cast<unsigned char>(ch) >= 0x80;
  if (!multibyte) return false;
  if (force) return true;
  // A letter of Latin Extended Additional (ạ ... ỹ: E1 BA xx, E1 BB xx) is the mark of
  // mojibake: no real text reads "áº" or "á»" followed by a C1 or Latin-1 symbol.
  std::string_view repaired(scratch);
  if (repaired.find("\xE1\xBA") != std::string_view::npos ||
      repaired.find("\xE1\xBB") != std::string_view::npos)
    return true;
  // Otherwise ties repair: a line that re-encodes to valid UTF-8 is mojibake unless its
  // reading as it stands is more Vietnamese ("NgÃ y" holds the syllable "ngã" by chance).
  return ScoreSyllables(scratch).Total() >= ScoreSyllables(line).Total();
}

// Offset of the first byte >= 0x80 in text[pos, end), or end.
size_t NextNonAscii(std::string_view text, size_t pos, size_t end) {
  const char* data = text.data();
  while (pos + 8 <= end) {
    uint64_t w;
    std::memcpy(&w, data + pos, 8);
    if ((w & 0x8080808080808080ULL) != 0) break;
    pos += 8;
  }
  while (pos < end && static_cast<unsigned char>(data[pos]) < 0x80) ++pos;
  return pos;
}

// Finds the mojibake lines of text[from, end); a line there is examined when it has a
// non-ASCII byte before `examine_all_until`, or a C2 byte. `from` is a line start.
std::vector<Range> ScanMojibake(std::string_view text, bool force, size_t from,
                                size_t examine_all_until) {
  std::vector<Range> lines;
  std::string scratch;
  const char* data = text.data();
  const size_t n = text.size();
  size_t pos = from;
  while (pos < n) {
    size_t hit = NextNonAscii(text, pos, std::min(n, std::max(pos, examine_all_until)));
    if (hit >= examine_all_until) {
      const void* h = std::memchr(data + hit, 0xC2, n - hit);
      hit = h == nullptr ? n : static_cast<size_t>(static_cast<const char*>(h) - data);
    }
    if (hit >= n) break;
    size_t begin = hit;
    while (begin > pos && data[begin - 1] != '\n') --begin;
    const void* nl = std::memchr(data + hit, '\n', n - hit);
    size_t end = nl == nullptr ? n : static_cast<size_t>(static_cast<const char*>(nl) - data);
    if (IsMojibakeLine(text.substr(begin, end - begin), force, scratch)) lines.push_back({begin, end});
    pos = end + 1;
  }
  return lines;
}

}  // namespace

bool IsValidUtf8Fast(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  uint64_t state = kAccept;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    uint64_t a, b;
    std::memcpy(&a, p + i, 8);
    std::memcpy(&b, p + i + 8, 8);
    if ((state & 63) == kAccept && ((a | b) & 0x8080808080808080ULL) == 0) continue;
    for (size_t k = 0; k < 16; ++k) state = kRows[p[i + k]] >> (state & 63);
    if ((state & 63) == kError * 6) return false;
  }
  for (; i < n; ++i) state = kRows[p[i]] >> (state & 63);
  return (state & 63) == kAccept;
}

void DecodeUtf8Text(std::string_view bytes, size_t base, DecodeSink& sink, DecodeStats& stats) {
  size_t i = 0;
  while (i < bytes.size()) {
    size_t bad = FirstInvalidUtf8(bytes.substr(i));
    size_t valid_end = bad == std::string_view::npos ? bytes.size() : i + bad;
    CopyValid(bytes, i, valid_end, base, sink, stats);
    if (valid_end == bytes.size()) return;
    stats.Invalid(base + valid_end);
    sink.Replace(kReplacementUtf8, base + valid_end, 1);
    i = valid_end + 1;
  }
}

void CopyValidUtf8(std::string_view bytes, size_t base, DecodeSink& sink, DecodeStats& stats) {
  CopyValid(bytes, 0, bytes.size(), base, sink, stats);
}

void DecodeUtf16Text(std::string_view bytes, size_t base, bool big_endian, DecodeSink& sink,
                     DecodeStats& stats) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  auto unit = [&](size_t k) -> char32_t {
    return big_endian ? (char32_t{p[k]} << 8) | p[k + 1] : (char32_t{p[k + 1]} << 8) | p[k];
  };
  std::string utf8;
  size_t i = 0;
  const size_t n = bytes.size();
  while (i + 1 < n) {
    char32_t c = unit(i);
    size_t len = 2;
    if (c == 0) {
      size_t end = i;
      while (end + 1 < n && unit(end) == 0) end += 2;
      stats.Nul(base + i, end - i);
      sink.Replace(kReplacementUtf8, base + i, end - i);
      i = end;
      continue;
    }
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < n && unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      len = 4;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      stats.Invalid(base + i, 2);
      c = kReplacementChar;
    }
    utf8.clear();
    AppendUtf8(utf8, c);
    sink.Replace(utf8, base + i, len);
    i += len;
  }
  if (i < n) {
    stats.Invalid(base + i);
    sink.Replace(kReplacementUtf8, base + i, 1);
  }
}

std::vector<Range> FindMojibakeLines(std::string_view text, bool force) {
  if (force) return ScanMojibake(text, true, 0, text.size());
  // Every line with a non-ASCII byte up to the first line start past 64 KB, then only
  // lines with a C2 byte.
  const void* nl = text.size() > 64 * 1024 ? std::memchr(text.data() + 64 * 1024, '\n', text.size() - 64 * 1024)
                                           : nullptr;
  size_t boundary = nl == nullptr ? text.size()
                                  : static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1;
  std::vector<Range> lines = ScanMojibake(text, false, 0, boundary);
  if (lines.empty() || boundary == text.size()) return lines;
  // A text with mojibake may have it on lines without a C2 byte too ("VÄ‚N PHÃ’NG"):
  // examine every line past the boundary as well.
  std::erase_if(lines, [&](const Range& r) { return r.begin >= boundary; });
  std::vector<Range> rest = ScanMojibake(text, false, boundary, text.size());
  lines.insert(lines.end(), rest.begin(), rest.end());
  return lines;
}

void DecodeMojibakeLine(std::string_view line, size_t base, DecodeSink& sink) {
  std::string seq;
  size_t seq_src = 0, need = 0;
  size_t i = 0;
  while (i < line.size()) {
    size_t start = i;
    unsigned char lead = static_cast<unsigned char>(line[i]);
    if (lead < 0x80 && need == 0) {
      // ASCII runs are copies.
      size_t end = i;
      while (end < line.size() && static_cast<unsigned char>(line[end]) < 0x80) ++end;
      sink.Copy(line.substr(i, end - i), base + i);
      i = end;
      continue;
    }
    int b = Cp1252Byte(DecodeUtf8(line, i));
    if (need == 0) {
      seq.clear();
      seq_src = start;
      need = Utf8SequenceLength(static_cast<unsigned char>(b));
    }
    seq.push_back(static_cast<char>(b));
    if (seq.size() == need) {
      bool bom = base + seq_src == 0 && seq == "\xEF\xBB\xBF";
      sink.Replace(bom ? std::string_view() : std::string_view(seq), base + seq_src, i - seq_src);
      need = 0;
    }
  }
}

}  // namespace notices::ingest
