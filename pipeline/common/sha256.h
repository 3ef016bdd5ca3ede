// SHA-256 of a byte string, as lowercase hex (OpenSSL's libcrypto).
//   std::string h = Sha256Hex(bytes);   // 64 hex digits
#pragma once

#include <string>
#include <string_view>

namespace notices {
std::string Sha256Hex(std::string_view bytes);
}  // namespace notices
