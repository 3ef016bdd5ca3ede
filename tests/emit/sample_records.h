// Hand-built Records for the emitter tests: spans are real byte offsets into the text,
// so code point conversions are exercised on Vietnamese text.
//
//   Record r = testing::SampleNotice();      // 3 tasks: 1 lead + date, 3 leads + monthly, urgent
//   Record e = testing::SampleError();       // an error record (pdf_encrypted)
//   Record h = testing::HostileNotice();     // quotes, ';', SQL, commas, newlines in every field
//   std::vector<Record> many = testing::SyntheticBatch(1000);   // distinct documents
#pragma once

#include <string>
#include <vector>

#include "pipeline/extract/record.h"

namespace notices::testing {

// A byte range of the `n`-th occurrence (from 0) of `needle` in `text`; aborts the test
// binary when absent (a broken fixture).
Range SpanOf(const std::string& text, const std::string& needle, int n = 0);

Record SampleNotice();
Record SampleError();
Record HostileNotice();
// `version` changes the bytes (sha256) but keeps path and document number: a new version.
Record SampleNoticeVersion(int version);
// Distinct documents (own sha256 and path), 10 tasks each, agencies from a small set.
std::vector<Record> SyntheticBatch(size_t n, size_t tasks_per_document = 10);

}  // namespace notices::testing
