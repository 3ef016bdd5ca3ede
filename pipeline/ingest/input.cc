// ReadInput. Tested by tests/ingest/input_test.cc.
#include "pipeline/ingest/input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace notices::ingest {

namespace {
Result<std::string> ReadStream(std::FILE* f, const std::string& name, const InputLimits& limits) {
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out.size() + n > limits.max_bytes)
      return Error(ErrorCode::kTooLarge, name + ": larger than the limit of " +
                                             std::to_string(limits.max_bytes) + " bytes");
    out.append(buf, n);
  }
  if (std::ferror(f)) return Error(ErrorCode::kIo, name + ": read error: " + std::strerror(errno));
  return out;
}
}  // namespace

Result<std::string> ReadInput(const std::string& path, const InputLimits& limits) {
  if (path == "-") return ReadStream(stdin, "standard input", limits);
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return Error(ErrorCode::kIo, path + ": no such file");
  if (std::filesystem::is_directory(status)) return Error(ErrorCode::kIo, path + ": is a folder, not a file");
  if (std::filesystem::is_regular_file(status)) {
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits.max_bytes)
      return Error(ErrorCode::kTooLarge, path + ": " + std::to_string(size) +
                                             " bytes, larger than the limit of " +
                                             std::to_string(limits.max_bytes) + " bytes");
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Error(ErrorCode::kIo, path + ": cannot open: " + std::strerror(errno));
  return ReadStream(f.get(), path, limits);
}

}  // namespace notices::ingest
