// ByteTable (parse, build from ICU, decode) and BuiltinEncodingData. Tested by
// tests/ingest/encoding_table_test.cc and tests/ingest/text_decoder_test.cc.
#include "pipeline/ingest/encoding_table.h"

#include <memory>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include "pipeline/common/utf8.h"
#include "pipeline/ingest/encoding_score.h"
#include "pipeline/ruleset/ruleset.h"

namespace notices::ingest {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The code point of a text that is exactly one code point, else -1.
int32_t SoleCodePoint(std::string_view text) {
  if (text.empty()) return -1;
  size_t i = 0;
  char32_t c = DecodeUtf8(text, i);
  return i == text.size() ? static_cast<int32_t>(c) : -1;
}

}  // namespace

ByteTable::ByteTable() { pair_block_.fill(-1); }

ByteTable::Entry ByteTable::Store(std::string_view text) {
  Entry e{static_cast<uint32_t>(pool_.size()), static_cast<uint8_t>(text.size())};
  pool_.append(text);
  return e;
}

std::string_view ByteTable::Pair(unsigned char first, unsigned char second) const {
  if (pair_block_[first] < 0) return {};
  return View(pairs_[static_cast<size_t>(pair_block_[first]) * 256 + second]);
}

Result<ByteTable> ByteTable::Parse(std::string_view tsv, std::string_view file) {
  ByteTable t;
  std::array<bool, 256> listed{};
  int line_no = 0;
  auto fail = [&](const std::string& what) {
    return Error(ErrorCode::kRuleSyntax,
                 std::string(file) + ":" + std::to_string(line_no) + ": " + what);
  };
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      return fail("expected HEX<TAB>CHAR, found no tab in '" + std::string(line) + "'");
    std::string_view hex = line.substr(0, tab), text = line.substr(tab + 1);
    if (hex.size() != 2 && hex.size() != 4)
      return fail("'" + std::string(hex) + "' is not one or two hex bytes");
    unsigned char bytes[2] = {0, 0};
    for (size_t k = 0; k < hex.size(); ++k) {
      int d = HexDigit(hex[k]);
      if (d < 0) return fail("'" + std::string(hex) + "' is not hex");
      bytes[k / 2] = static_cast<unsigned char>(bytes[k / 2] * 16 + d);
    }
    if (text.empty() || text.size() > 16 || !IsValidUtf8(text) || text.find('\t') != text.npos)
      return fail("the text of " + std::string(hex) +
                  " must be 1 to 16 bytes of UTF-8 without a tab");
    if (bytes[0] == 0) return fail("byte 00 cannot be mapped");
    if (hex.size() == 2) {
      if (listed[bytes[0]]) return fail("byte " + std::string(hex) + " is listed twice");
      listed[bytes[0]] = true;
      t.single_[bytes[0]] = t.Store(text);
    } else {
      if (t.pair_block_[bytes[0]] < 0) {
        t.pair_block_[bytes[0]] = static_cast<int16_t>(t.pairs_.size() / 256);
        t.pairs_.resize(t.pairs_.size() + 256);
      }
      Entry& e = t.pairs_[static_cast<size_t>(t.pair_block_[bytes[0]]) * 256 + bytes[1]];
      if (e.length != 0) return fail("sequence " + std::string(hex) + " is listed twice");
      e = t.Store(text);
    }
  }
  for (int b = 1; b < 0x80; ++b)
    if (!listed[b]) t.single_[b] = t.Store(std::string(1, static_cast<char>(b)));
  t.Finish();
  return t;
}

Result<ByteTable> ByteTable::FromIcu(const char* converter) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(converter, &status),
                                                         ucnv_close);
  if (U_FAILURE(status))
    return Error(ErrorCode::kInternal,
                 std::string("ICU has no converter '") + converter + "': " + u_errorName(status));
  ByteTable t;
  for (int b = 1; b < 256; ++b) {
    char in = static_cast<char>(b);
    UChar out[4];
    status = U_ZERO_ERROR;
    ucnv_reset(cnv.get());
    int32_t n = ucnv_toUChars(cnv.get(), out, 4, &in, 1, &status);
    if (U_FAILURE(status) || n != 1) continue;
    char32_t c = out[0];
    // ICU maps the code page's undefined bytes to C1 controls; they are not text.
    if (b >= 0x80 && (c == kReplacementChar || c == 0x1A || (c >= 0x80 && c <= 0x9F))) continue;
    std::string utf8;
    AppendUtf8(utf8, c);
    t.single_[b] = t.Store(utf8);
  }
  t.Finish();
  return t;
}

void ByteTable::Finish() {
  std::vector<int32_t> capitals;
  for (int b = 0; b < 256; ++b) {
    int32_t c = SoleCodePoint(View(single_[b]));
    if (c >= 0 && u_isupper(c)) capitals.push_back(c);
  }
  for (int b = 0; b < 256; ++b) {
    std::string_view text = View(single_[b]);
    copy_[b] = b != 0 && text.size() == 1 && static_cast<unsigned char>(text[0]) == b;
    int32_t c = SoleCodePoint(text);
    if (c < 0) {
      // Several code points: combining marks (VNI's mark bytes alone) belong to a word.
      size_t k = 0;
      char32_t first = text.empty() ? 0 : DecodeUtf8(text, k);
      case_[b] = u_getCombiningClass(static_cast<UChar32>(first)) != 0 ? kCaseless : kNone;
      continue;
    }
    if (u_getCombiningClass(c) != 0) {
      case_[b] = kCaseless;
    } else if (u_isupper(c)) {
      case_[b] = kUpper;
    } else if (u_islower(c) && IsVietnameseLetter(static_cast<char32_t>(c))) {
      int32_t upper = u_toupper(c);
      bool has_capital = false;
      for (int32_t k : capitals) has_capital |= k == upper;
      if (has_capital || upper == c) {
        case_[b] = kLower;
      } else {
        case_[b] = kLowerOnly;
        std::string utf8;
        AppendUtf8(utf8, static_cast<char32_t>(upper));
        upper_[b] = Store(utf8);
        repair_case_ = true;
      }
    } else if (u_isalpha(c)) {
      case_[b] = u_islower(c) ? kLower : kCaseless;
    } else {
      case_[b] = kNone;
    }
  }
}

bool ByteTable::WordIsUpper(std::string_view bytes, size_t i, size_t* word_end,
                            bool* word_upper) const {
  if (i < *word_end) return *word_upper;
  auto cls = [&](size_t k) { return case_[static_cast<unsigned char>(bytes[k])]; };
  size_t begin = i;
  while (begin > 0 && cls(begin - 1) != kNone) --begin;
  size_t end = i;
  while (end < bytes.size() && cls(end) != kNone) ++end;
  int upper = 0;
  bool lower = false;
  for (size_t k = begin; k < end; ++k) {
    upper += cls(k) == kUpper;
    lower |= cls(k) == kLower;
  }
  // One capital is the initial of a title-case word ("Sè" is "Số"); two make it a word
  // in capitals ("B¸O" is "BÁO").
  *word_end = end;
  *word_upper = upper >= 2 && !lower;
  return *word_upper;
}

void ByteTable::Decode(std::string_view bytes, size_t base, DecodeSink& sink,
                       DecodeStats& stats) const {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t run = 0;  // start of the pending copied run
  size_t word_end = 0;
  bool word_upper = false;
  auto flush = [&](size_t end) {
    if (end > run) sink.Copy(bytes.substr(run, end - run), base + run);
  };
  size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (pair_block_[b] >= 0 && i + 1 < n) {
      Entry e = pairs_[static_cast<size_t>(pair_block_[b]) * 256 + p[i + 1]];
      if (e.length != 0) {
        flush(i);
        sink.Replace(View(e), base + i, 2);
        i += 2;
        run = i;
        continue;
      }
    }
    if (copy_[b]) {
      ++i;
      continue;
    }
    flush(i);
    if (b == 0) {
      size_t end = i;
      while (end < n && p[end] == 0) ++end;
      stats.Nul(base + i, end - i);
      sink.Replace(kReplacementUtf8, base + i, end - i);
      i = end;
    } else if (single_[b].length == 0) {
      stats.Invalid(base + i);
      sink.Replace(kReplacementUtf8, base + i, 1);
      ++i;
    } else {
      Entry e = single_[b];
      if (repair_case_ && case_[b] == kLowerOnly && WordIsUpper(bytes, i, &word_end, &word_upper))
        e = upper_[b];
      sink.Replace(View(e), base + i, 1);
      ++i;
    }
    run = i;
  }
  flush(n);
}

Result<const EncodingData*> BuiltinEncodingData() {
  static const Result<std::unique_ptr<EncodingData>> data =
      []() -> Result<std::unique_ptr<EncodingData>> {
    auto rules = ruleset::RuleSet::Builtin();
    if (!rules) return rules.error();
    auto load = [&](const char* path) -> Result<ByteTable> {
      const std::string* tsv = (*rules)->DataFile(path);
      if (tsv == nullptr)
        return Error(ErrorCode::kInternal, std::string("the built-in rules lack ") + path);
      return ByteTable::Parse(*tsv, path);
    };
    auto tcvn3 = load("encodings/tcvn3.tsv");
    if (!tcvn3) return tcvn3.error();
    auto vni = load("encodings/vni.tsv");
    if (!vni) return vni.error();
    auto cp1258 = ByteTable::FromIcu("windows-1258");
    if (!cp1258) return cp1258.error();
    const ruleset::List* list = (*rules)->FindList("encoding.common_syllables");
    if (list == nullptr)
      return Error(ErrorCode::kInternal, "the built-in rules lack the list encoding.common_syllables");
    std::vector<std::string> rejected;
    SyllableSet common(list->items, &rejected);
    if (!rejected.empty())
      return Error(ErrorCode::kRuleSyntax, list->origin.ToString() + ": list " + list->name +
                                               ": '" + rejected[0] + "' is not one Vietnamese syllable");
    return std::make_unique<EncodingData>(
        EncodingData{std::move(*tcvn3), std::move(*vni), std::move(*cp1258), std::move(common)});
  }();
  if (!data) return data.error();
  return static_cast<const EncodingData*>(data.value().get());
}

}  // namespace notices::ingest
