// DecodeText and SupportedEncodings: detection by evidence, then one decoder. Tested by
// tests/ingest/text_decoder_test.cc.
#include "pipeline/ingest/text_decoder.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <cstring>

#include "pipeline/common/utf8.h"
#include "pipeline/ingest/encoding_score.h"
#include "pipeline/ingest/encoding_table.h"
#include "pipeline/ingest/encoding_unicode.h"

namespace notices::ingest {
namespace {

enum class Encoding { kUtf8, kUtf16Le, kUtf16Be, kWindows1258, kTcvn3, kVni, kUtf8Mojibake };

struct Name {
  std::string_view name;
  Encoding encoding;
};

constexpr Name kNames[] = {
    {"utf-8", Encoding::kUtf8},          {"utf-16le", Encoding::kUtf16Le},
    {"utf-16be", Encoding::kUtf16Be},    {"windows-1258", Encoding::kWindows1258},
    {"tcvn3", Encoding::kTcvn3},         {"vni", Encoding::kVni},
    {"utf-8-mojibake", Encoding::kUtf8Mojibake},
};
constexpr Name kAliases[] = {
    {"utf8", Encoding::kUtf8},
    {"cp1258", Encoding::kWindows1258},
    {"tcvn", Encoding::kTcvn3},
    {"vni-windows", Encoding::kVni},
};

std::string_view NameOf(Encoding e) {
  for (const Name& n : kNames)
    if (n.encoding == e) return n.name;
  return "?";
}

std::optional<Encoding> ParseName(std::string_view name) {
  std::string key(name);
  for (char& c : key) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Name& n : kNames)
    if (n.name == key) return n.encoding;
  for (const Name& n : kAliases)
    if (n.name == key) return n.encoding;
  return std::nullopt;
}

// Detection looks at this much of the input; the decoder then runs over all of it.
constexpr size_t kSampleBytes = 64 * 1024;
// The first look of Guess(), and the lead in score that makes it enough (some 16 valid
// syllables more than any other reading).
constexpr size_t kFirstLookBytes = 4 * 1024;
constexpr int64_t kDecisiveMargin = 32;

struct SampleStats {
  size_t size = 0;
  size_t nul = 0;
  size_t control = 0;    // C0 controls other than \t \n \v \f \r and DOS's end-of-file 1A
  size_t zero_even = 0;  // zero bytes at even offsets
  size_t zero_odd = 0;
};

SampleStats Measure(std::string_view sample) {
  SampleStats s;
  s.size = sample.size();
  for (size_t i = 0; i < sample.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(sample[i]);
    if (c >= 0x20 && c != 0x7F) continue;
    if (c == 0) {
      ++s.nul;
      ++((i & 1) != 0 ? s.zero_odd : s.zero_even);
    } else if (c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1A) {
      ++s.control;
    }
  }
  return s;
}

// UTF-16 without a BOM: text in Latin script has a zero high byte in most code units
// and a zero low byte in almost none.
std::optional<Encoding> Utf16Evidence(const SampleStats& s) {
  size_t units = s.size / 2;
  if (units == 0) return std::nullopt;
  if (s.zero_odd * 2 >= units && s.zero_even * 50 <= units) return Encoding::kUtf16Le;
  if (s.zero_even * 2 >= units && s.zero_odd * 50 <= units) return Encoding::kUtf16Be;
  return std::nullopt;
}

bool LooksBinary(const SampleStats& s) { return (s.nul + s.control) * 20 > s.size; }

Error BinaryError(const SampleStats& s) {
  return Error(ErrorCode::kBadEncoding,
               "binary data, not text: " + std::to_string(s.nul) + " NUL and " +
                   std::to_string(s.control) + " control bytes in the first " +
                   std::to_string(s.size) + " bytes");
}

const ByteTable& TableOf(const EncodingData& t, Encoding e) {
  return e == Encoding::kTcvn3 ? t.tcvn3 : e == Encoding::kVni ? t.vni : t.windows1258;
}

// Step 5 of the detection: the candidate whose decoding of the sample scores best. Ties
// go to the more common encoding of Vietnamese documents: TCVN3, then VNI, then
// Windows-1258; when no candidate finds a Vietnamese word, to Windows-1258, which reads
// Latin-1 letters as themselves.
Result<Encoding> Guess(std::string_view bytes, std::vector<std::string>& warnings) {
  auto tables = BuiltinEncodingData();
  if (!tables) return tables.error();
  const Encoding candidates[] = {Encoding::kTcvn3, Encoding::kVni, Encoding::kWindows1258,
                                 Encoding::kUtf8};
  SyllableScore scores[std::size(candidates)];
  size_t best = 0;
  std::string out;
  // A first look at 4 KB settles most texts (the wrong readings pile up invalid
  // syllables fast); a close call is looked at again on the whole sample.
  for (size_t sample_size : {kFirstLookBytes, kSampleBytes}) {
    std::string_view sample = bytes.substr(0, sample_size);
    best = 0;
    for (size_t k = 0; k < std::size(candidates); ++k) {
      out.clear();
      DecodeSink sink(&out);
      DecodeStats stats;
      if (candidates[k] == Encoding::kUtf8) DecodeUtf8Text(sample, 0, sink, stats);
      else TableOf(**tables, candidates[k]).Decode(sample, 0, sink, stats);
      scores[k] = ScoreSyllables(out, &(*tables)->common_syllables);
      if (scores[k].Total() > scores[best].Total()) best = k;
    }
    int64_t runner_up = INT64_MIN;
    for (size_t k = 0; k < std::size(candidates); ++k)
      if (k != best) runner_up = std::max(runner_up, scores[k].Total());
    if (sample.size() == bytes.size() || scores[best].Total() - runner_up >= kDecisiveMargin) break;
  }
  if (scores[best].valid == 0) {
    if (scores[2].Total() == scores[best].Total()) best = 2;
    warnings.push_back("encoding_guess: no candidate encoding gave Vietnamese words; decoded as " +
                       std::string(NameOf(candidates[best])));
  }
  return candidates[best];
}

bool OnlyWhiteSpace(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') return false;
      ++i;
      continue;
    }
    char32_t cp = DecodeUtf8(text, i);
    bool space = cp == 0xA0 || cp == 0xFEFF || cp == 0x3000 || cp == 0x2028 || cp == 0x2029 ||
                 (cp >= 0x2000 && cp <= 0x200B);
    if (!space) return false;
  }
  return true;
}

}  // namespace

const std::vector<std::string>& SupportedEncodings() {
  static const std::vector<std::string> kList = [] {
    std::vector<std::string> v;
    for (const Name& n : kNames) v.emplace_back(n.name);
    return v;
  }();
  return kList;
}

Result<DecodedText> DecodeText(std::string_view bytes, const TextOptions& options) {
  std::optional<Encoding> forced;
  if (!options.encoding.empty()) {
    forced = ParseName(options.encoding);
    if (!forced) {
      std::string names;
      for (const std::string& n : SupportedEncodings()) names += (names.empty() ? "" : ", ") + n;
      return Error(ErrorCode::kUsage,
                   "unknown encoding '" + options.encoding + "'; supported: " + names);
    }
  }
  if (bytes.empty()) return Error(ErrorCode::kEmptyInput, "the input is empty (0 bytes)");

  DecodedText out;
  std::vector<std::string> warnings;
  size_t start = 0;  // bytes of a byte order mark, skipped
  bool bom8 = false;
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  Encoding enc;
  if (forced) {
    enc = *forced;
    if ((enc == Encoding::kUtf8 || enc == Encoding::kUtf8Mojibake) && starts("\xEF\xBB\xBF")) {
      start = 3;
      bom8 = true;
    }
    if ((enc == Encoding::kUtf16Le && starts("\xFF\xFE")) ||
        (enc == Encoding::kUtf16Be && starts("\xFE\xFF")))
      start = 2;
  } else if (starts("\xEF\xBB\xBF")) {
    enc = Encoding::kUtf8;
    start = 3;
    bom8 = true;
  } else if (starts("\xFF\xFE")) {
    enc = Encoding::kUtf16Le;
    start = 2;
  } else if (starts("\xFE\xFF")) {
    enc = Encoding::kUtf16Be;
    start = 2;
  } else {
    enc = Encoding::kUtf8;  // decided below
  }
  std::string_view body = bytes.substr(start);
  bool utf16 = enc == Encoding::kUtf16Le || enc == Encoding::kUtf16Be;
  bool valid_utf8 = false;
  if (!utf16) {
    SampleStats stats = Measure(body.substr(0, kSampleBytes));
    std::optional<Encoding> wide = forced || start > 0 ? std::nullopt : Utf16Evidence(stats);
    if (wide) {
      enc = *wide;
      utf16 = true;
    } else if (LooksBinary(stats)) {
      return BinaryError(stats);
    }
  }
  if (!utf16 && (enc == Encoding::kUtf8 || enc == Encoding::kUtf8Mojibake)) {
    valid_utf8 = IsValidUtf8Fast(body);
    if (!forced && !bom8 && !valid_utf8) {
      auto guess = Guess(body, warnings);
      if (!guess) return guess.error();
      enc = *guess;
    }
  }

  MappedBuilder builder;
  builder.Reserve(enc == Encoding::kUtf8 ? body.size() : body.size() + body.size() / 2);
  DecodeSink sink(&builder);
  DecodeStats stats;
  switch (enc) {
    case Encoding::kUtf8:
    case Encoding::kUtf8Mojibake: {
      // Mojibake lines are repaired; the rest is copied (or decoded when invalid).
      std::vector<Range> lines;
      // A forced "utf-8" is taken at its word: no repair.
      if (enc == Encoding::kUtf8Mojibake || (valid_utf8 && !forced))
        lines = FindMojibakeLines(body, enc == Encoding::kUtf8Mojibake);
      size_t pos = 0;
      auto gap = [&](size_t end) {
        std::string_view piece = body.substr(pos, end - pos);
        if (valid_utf8) CopyValidUtf8(piece, start + pos, sink, stats);
        else DecodeUtf8Text(piece, start + pos, sink, stats);
      };
      for (const Range& line : lines) {
        gap(line.begin);
        DecodeMojibakeLine(body.substr(line.begin, line.size()), start + line.begin, sink);
        pos = line.end;
      }
      gap(body.size());
      if (!lines.empty()) {
        enc = Encoding::kUtf8Mojibake;
        warnings.push_back("mojibake_repaired: " + std::to_string(lines.size()) +
                           " line(s) were UTF-8 read as Windows-1252 and saved again; repaired");
      }
      break;
    }
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be:
      DecodeUtf16Text(body, start, enc == Encoding::kUtf16Be, sink, stats);
      break;
    case Encoding::kWindows1258:
    case Encoding::kTcvn3:
    case Encoding::kVni: {
      auto tables = BuiltinEncodingData();
      if (!tables) return tables.error();
      TableOf(**tables, enc).Decode(body, start, sink, stats);
      break;
    }
  }

  out.encoding = enc == Encoding::kUtf8 && bom8 ? "utf-8-bom" : std::string(NameOf(enc));
  if (stats.invalid > 0)
    warnings.push_back("invalid_bytes: " + std::to_string(stats.invalid) +
                       " byte(s) are not valid " + out.encoding +
                       " and became U+FFFD, the first at byte " + std::to_string(stats.first_invalid));
  if (stats.nul > 0)
    warnings.push_back("nul_bytes: " + std::to_string(stats.nul) +
                       " NUL byte(s) became U+FFFD (one per run), the first at byte " +
                       std::to_string(stats.first_nul));
  auto [text, map] = std::move(builder).Finish();
  if (OnlyWhiteSpace(text))
    return Error(ErrorCode::kEmptyInput, "the input holds only white space (" +
                                             std::to_string(bytes.size()) + " bytes)");
  out.text = std::move(text);
  out.to_source = std::move(map);
  out.warnings = std::move(warnings);
  out.page_starts.push_back(0);
  for (const char* p = out.text.data(), *end = p + out.text.size();
       (p = static_cast<const char*>(std::memchr(p, '\f', static_cast<size_t>(end - p)))) != nullptr;)
    out.page_starts.push_back(static_cast<size_t>(++p - out.text.data()));
  return out;
}

}  // namespace notices::ingest
