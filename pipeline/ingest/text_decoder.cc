// DecodeText: UTF-8 only for now (the other encodings land with issue 2's ingest work).
// Tested by tests/ingest/text_decoder_test.cc.
#include "pipeline/ingest/text_decoder.h"

#include "pipeline/common/utf8.h"

namespace notices::ingest {

const std::vector<std::string>& SupportedEncodings() {
  static const std::vector<std::string> kNames = {"utf-8"};
  return kNames;
}

Result<DecodedText> DecodeText(std::string_view bytes, const TextOptions& options) {
  if (!options.encoding.empty() && options.encoding != "utf-8")
    return Error(ErrorCode::kUsage, "unknown encoding '" + options.encoding + "'");
  if (bytes.empty()) return Error(ErrorCode::kEmptyInput, "the file is empty (0 bytes)");
  DecodedText out;
  out.encoding = "utf-8";
  size_t start = 0;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    start = 3;
    out.encoding = "utf-8-bom";
  }
  MappedBuilder b;
  size_t invalid = 0, first_invalid = 0;
  size_t i = start;
  while (i < bytes.size()) {
    size_t bad = FirstInvalidUtf8(bytes.substr(i));
    if (bad == std::string_view::npos) {
      b.Copy(bytes.substr(i), i);
      break;
    }
    b.Copy(bytes.substr(i, bad), i);
    if (invalid++ == 0) first_invalid = i + bad;
    b.Replace("\xEF\xBF\xBD", i + bad, 1);
    i += bad + 1;
  }
  if (invalid)
    out.warnings.push_back("invalid_bytes: " + std::to_string(invalid) +
                           " byte(s) are not valid UTF-8 and became U+FFFD, the first at byte " +
                           std::to_string(first_invalid));
  auto [text, map] = std::move(b).Finish();
  out.text = std::move(text);
  out.to_source = std::move(map);
  out.page_starts.push_back(0);
  for (size_t k = 0; k < out.text.size(); ++k)
    if (out.text[k] == '\f') out.page_starts.push_back(k + 1);
  return out;
}

}  // namespace notices::ingest
