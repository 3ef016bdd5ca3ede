// Errors are values at stage boundaries.
//
//   notices::Result<DecodedText> r = ingest::DecodeText(bytes, options);
//   if (!r) {
//     std::cerr << r.error().message << "\n";   // "tệp rỗng (0 byte)" ...
//     return r.error();                          // propagate
//   }
//   DecodedText text = std::move(r).value();
//
// ErrorCode is a closed set: every code has a stable snake_case name that appears in
// error records ("error": {"code": "pdf_encrypted", ...}) and a one-line meaning below.
// Adding a code is a schema addition; renaming one is a breaking change.
//
// Thread-safety: plain values, no shared state.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace notices {

enum class ErrorCode {
  kIo,               // the file cannot be opened or read (missing, permission, I/O error)
  kEmptyInput,       // the input has zero bytes, or nothing but white space
  kTooLarge,         // the input is larger than the configured maximum size
  kBadEncoding,      // no supported encoding decodes the bytes to text (binary data)
  kNotPdf,           // a .pdf path whose bytes are not a PDF
  kPdfCorrupt,       // a PDF that Poppler cannot open: truncated, broken xref, damaged
  kPdfEncrypted,     // a PDF protected by a password that was not given (or was wrong)
  kPdfNoText,        // a PDF with no usable text layer: a scan that needs OCR
  kPdfNoPages,       // a PDF with zero pages
  kPdfTooManyPages,  // a PDF with more pages than the configured maximum
  kOcrFailed,        // OCR could not read any page of the document
  kTimeout,          // the per-document time budget ran out
  kRuleSyntax,       // a rule file is malformed (file, line and RE2 error in the message)
  kUsage,            // the command line is wrong
  kInternal,         // a bug: an invariant did not hold (the message says which)
};

// Stable snake_case name, e.g. "pdf_encrypted".
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // one line a clerk can act on; names the cause
  std::string detail;   // optional: the offending fragment or the library's own message

  Error() = default;
  Error(ErrorCode c, std::string msg, std::string det = {})
      : code(c), message(std::move(msg)), detail(std::move(det)) {}
};

// A value or an Error; the subset of C++23 std::expected this project needs.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that return nothing but may fail.
class Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace notices
