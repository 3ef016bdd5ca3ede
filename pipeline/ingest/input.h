// Reading an input's bytes: a file path, or "-" for standard input.
//
//   InputLimits limits;                 // max_bytes defaults to 256 MiB
//   Result<std::string> bytes = ReadInput("notice.txt", limits);
//   if (!bytes) std::cerr << bytes.error().message;   // names the file and the cause
//
// Errors: kIo (missing, unreadable, a folder), kTooLarge (past max_bytes; the file is
// not read into memory).
#pragma once

#include <cstdint>
#include <string>

#include "pipeline/common/error.h"

namespace notices::ingest {

struct InputLimits {
  uint64_t max_bytes = 256ull << 20;
};

Result<std::string> ReadInput(const std::string& path, const InputLimits& limits);

}  // namespace notices::ingest
