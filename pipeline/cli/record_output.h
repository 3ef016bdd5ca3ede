// The output side of `notices extract`: the format options (--format, --excel,
// --one-lead-per-row, --separator, -o) and the two objects that carry them out.
//
//   OutputArgs out;
//   AddOutputOptions(*cmd, out);                       // at registration
//   ...
//   auto fmt = RecordFormatter::Create(out, json);     // kUsage on a bad combination
//   auto file = OutputFile::Open(out.output, inputs);  // stdout when out.output is empty or "-"
//   file->Write(fmt->Header());
//   ... per record, on any thread: std::string chunk = fmt->Format(record); then, in input
//       order, file->Write(chunk);
//   file->Write(fmt->Footer());
//   Status s = file->Commit();                          // flush, rename the temporary into place
//
// Formats (pipeline/emit/ holds the writers and documents the columns and fields):
//   jsonl  one notices/1 line per input (json_writer.h); error records included.
//   csv    one row per task (csv_writer.h); error records give no row. --excel writes the
//          UTF-8 byte order mark and inert formula-like cells; --separator ';' for Excel
//          under the Vietnamese regional format; --one-lead-per-row splits multi-lead tasks.
//   ics    iCalendar, one VTODO per task with a due day (ics_writer.h).
// Format() depends only on the record and the options, so the output is byte-identical
// whatever the number of workers.
//
// -o FILE: written to a temporary file in FILE's folder (".FILE.tmp-PID") and renamed
// over FILE by Commit(), so a reader never sees a half-written file and a failed run
// leaves the previous FILE as it was. Open refuses (kUsage) an output that is one of the
// inputs or the --from-list file. If the process is killed, the temporary stays behind
// (its name says what it is); otherwise the destructor removes it when not committed.
//
// Thread-safety: RecordFormatter::Format is const and may be called concurrently;
// OutputFile is used by one thread.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline/common/error.h"
#include "pipeline/emit/csv_writer.h"
#include "pipeline/emit/ics_writer.h"
#include "pipeline/emit/json_writer.h"
#include "pipeline/extract/record.h"

namespace notices::cli {

struct OutputArgs {
  std::string format = "jsonl";  // jsonl, csv, ics
  bool excel = false;
  bool one_lead_per_row = false;
  std::string separator = ",";
  std::string output;            // empty or "-": standard output
};

void AddOutputOptions(CLI::App& cmd, OutputArgs& args);

class RecordFormatter {
 public:
  // kUsage when the CSV options are given with another format or the separator is not
  // one byte other than '"', CR and LF.
  static Result<RecordFormatter> Create(const OutputArgs& args, const emit::JsonOptions& json);

  std::string Header() const;
  std::string Format(const Record& record) const;  // the record's lines, each ending in a newline
  std::string Footer() const;
  bool is_jsonl() const { return kind_ == Kind::kJsonl; }

 private:
  enum class Kind { kJsonl, kCsv, kIcs };
  Kind kind_ = Kind::kJsonl;
  emit::JsonOptions json_;
  emit::CsvOptions csv_;
  emit::IcsOptions ics_;
};

class OutputFile {
 public:
  // `inputs` are the expanded input paths and `from_list` the --from-list file (may be
  // empty): the output must be none of them. kIo when the temporary cannot be created.
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path,
                                                  const std::vector<std::string>& inputs,
                                                  const std::string& from_list);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void Write(const std::string& bytes);
  // Flushes; for a file, fsyncs and renames the temporary over the destination. kIo on a
  // write error (disk full), after which the destination is untouched.
  Status Commit();

 private:
  OutputFile() = default;
  std::FILE* out_ = nullptr;
  std::string path_;  // empty: standard output
  std::string temp_;
  bool committed_ = false;
};

}  // namespace notices::cli
