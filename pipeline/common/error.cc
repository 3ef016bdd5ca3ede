// ErrorCodeName. Tested by tests/common/error_test.cc.
#include "pipeline/common/error.h"

namespace notices {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo: return "io_error";
    case ErrorCode::kEmptyInput: return "empty_input";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kBadEncoding: return "bad_encoding";
    case ErrorCode::kNotPdf: return "not_pdf";
    case ErrorCode::kPdfCorrupt: return "pdf_corrupt";
    case ErrorCode::kPdfEncrypted: return "pdf_encrypted";
    case ErrorCode::kPdfNoText: return "pdf_no_text";
    case ErrorCode::kPdfNoPages: return "pdf_no_pages";
    case ErrorCode::kPdfTooManyPages: return "pdf_too_many_pages";
    case ErrorCode::kOcrFailed: return "ocr_failed";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kRuleSyntax: return "rule_syntax";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace notices
