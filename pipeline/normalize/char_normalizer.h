// Character normalization of one line fragment, with an exact map back to the decoded
// text. Internal to normalize.
//
//   CharNormalizer cn;                      // one per thread (holds scratch buffers)
//   MappedText out;
//   cn.Append(decoded, begin, end, out);    // decoded[begin, end): one line, no '\n'
//
// What changes (see normalizer.h for the why): Unicode spaces and tabs -> ' ', runs of
// spaces -> one, leading and trailing spaces dropped; zero-width characters, soft
// hyphens, bidi marks and control characters dropped; "**" emphasis dropped where it
// opens or closes a word; malformed UTF-8 -> U+FFFD; NFC (ICU, UTF-8 in place, with a
// fast check first); canonical tone placement (tone.h).
//
// Thread-safety: an instance is not shared; the ICU normalizer it uses is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "pipeline/normalize/mapped_text.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace notices::normalize::internal {

class CharNormalizer {
 public:
  CharNormalizer();
  // Appends the normalized form of decoded[begin, end) to `out`. Returns the number of
  // bytes appended (0 when the fragment holds nothing visible). `known_nfc`: the caller
  // saw only characters NFC leaves alone (then ICU is not asked unless something
  // invisible was dropped). `verbatim`, when given, says whether the fragment was copied
  // unchanged.
  size_t Append(std::string_view decoded, size_t begin, size_t end, bool known_nfc, MappedText& out,
                bool* verbatim = nullptr);

 private:
  // Each returns true when it rewrote the fragment.
  bool Compose(MappedText& out, size_t from);
  bool CanonicalizeTones(MappedText& out, size_t from);

  const icu::Normalizer2* nfc_;
  std::string scratch_;
  std::vector<Change> changes_;
};

}  // namespace notices::normalize::internal
