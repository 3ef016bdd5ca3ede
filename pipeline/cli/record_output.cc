// Exports the extract output options, RecordFormatter and OutputFile (record_output.h).
// Tested end to end by tests/emit/extract_output_test.py.
#include "pipeline/cli/record_output.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace notices::cli {

namespace fs = std::filesystem;

void AddOutputOptions(CLI::App& cmd, OutputArgs& args) {
  cmd.add_option("--format", args.format,
                 "jsonl (notices/1, the default), csv (one row per task) or ics (iCalendar VTODOs)")
      ->check(CLI::IsMember({"jsonl", "csv", "ics"}));
  cmd.add_flag("--excel", args.excel,
               "CSV for Excel: UTF-8 byte order mark (Vietnamese letters intact), formula-like "
               "cells made inert");
  cmd.add_option("--separator", args.separator,
                 "CSV separator (default ','; ';' for Excel under the Vietnamese regional format)");
  cmd.add_flag("--one-lead-per-row", args.one_lead_per_row,
               "CSV: one row per lead of a task (for trackers that want exactly one lead)");
  cmd.add_option("-o,--output", args.output,
                 "Write to FILE (through a temporary file renamed at the end) instead of stdout");
}

Result<RecordFormatter> RecordFormatter::Create(const OutputArgs& args, const emit::JsonOptions& json) {
  RecordFormatter f;
  f.json_ = json;
  if (args.format == "csv") {
    f.kind_ = Kind::kCsv;
  } else if (args.format == "ics") {
    f.kind_ = Kind::kIcs;
  } else if (args.format != "jsonl") {
    return Error(ErrorCode::kUsage, "--format takes jsonl, csv or ics, not '" + args.format + "'");
  }
  bool csv_options = args.excel || args.one_lead_per_row || args.separator != ",";
  if (csv_options && f.kind_ != Kind::kCsv)
    return Error(ErrorCode::kUsage, "--excel, --separator and --one-lead-per-row go with --format csv");
  if (args.separator.size() != 1 || args.separator == "\"" || args.separator == "\r" ||
      args.separator == "\n")
    return Error(ErrorCode::kUsage, "--separator takes one character other than '\"', CR and LF");
  f.csv_.excel = args.excel;
  f.csv_.one_lead_per_row = args.one_lead_per_row;
  f.csv_.separator = args.separator[0];
  return f;
}

std::string RecordFormatter::Header() const {
  std::ostringstream s;
  if (kind_ == Kind::kCsv) {
    emit::CsvWriter w(s, csv_);
    w.Begin();
  } else if (kind_ == Kind::kIcs) {
    emit::IcsWriter w(s, ics_);
    w.Begin();
  }
  return std::move(s).str();
}

std::string RecordFormatter::Format(const Record& record) const {
  if (kind_ == Kind::kJsonl) {
    std::string line = emit::RecordToJsonLine(record, json_);
    line += '\n';
    return line;
  }
  std::ostringstream s;
  if (kind_ == Kind::kCsv) {
    emit::CsvWriter w(s, csv_);
    w.Write(record);
  } else {
    emit::IcsWriter w(s, ics_);
    w.Write(record);
  }
  return std::move(s).str();
}

std::string RecordFormatter::Footer() const {
  if (kind_ != Kind::kIcs) return {};
  std::ostringstream s;
  emit::IcsWriter w(s, ics_);
  w.Finish();
  return std::move(s).str();
}

namespace {

// True when `a` and `b` are the same existing file (same device and inode: hard links,
// symlinks and other spellings of a path included).
bool SameFile(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec) && !ec;
}

}  // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path,
                                                     const std::vector<std::string>& inputs,
                                                     const std::string& from_list) {
  std::unique_ptr<OutputFile> f(new OutputFile());
  if (path.empty() || path == "-") {
    f->out_ = stdout;
    return f;
  }
  const fs::path dest(path);
  std::error_code ec;
  if (fs::is_directory(dest, ec)) return Error(ErrorCode::kUsage, "-o " + path + " is a folder");
  // An output that does not exist yet cannot be an input; else compare with each.
  if (fs::exists(dest, ec)) {
    for (const std::string& in : inputs) {
      if (in != "-" && SameFile(dest, in))
        return Error(ErrorCode::kUsage, "-o " + path + " is one of the inputs: refusing to overwrite it");
    }
    if (!from_list.empty() && from_list != "-" && SameFile(dest, from_list))
      return Error(ErrorCode::kUsage, "-o " + path + " is the --from-list file: refusing to overwrite it");
  }

  fs::path dir = dest.parent_path();
  f->temp_ = (dir / ("." + dest.filename().string() + ".tmp-" + std::to_string(getpid()))).string();
  int fd = ::open(f->temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    Error e(ErrorCode::kIo, "cannot write " + f->temp_ + ": " + std::strerror(errno));
    f->temp_.clear();
    return e;
  }
  f->out_ = ::fdopen(fd, "wb");
  if (!f->out_) {
    ::close(fd);
    return Error(ErrorCode::kIo, "cannot write " + f->temp_);
  }
  f->path_ = path;
  return f;
}

OutputFile::~OutputFile() {
  if (path_.empty()) return;
  if (out_) std::fclose(out_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void OutputFile::Write(const std::string& bytes) {
  if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), out_);
}

Status OutputFile::Commit() {
  bool failed = std::fflush(out_) != 0 || std::ferror(out_);
  if (path_.empty()) {
    if (failed) return Error(ErrorCode::kIo, "cannot write to standard output");
    return {};
  }
  failed = ::fsync(fileno(out_)) != 0 || failed;
  failed = std::fclose(out_) != 0 || failed;
  out_ = nullptr;
  if (failed) return Error(ErrorCode::kIo, "cannot write " + temp_ + ": " + std::strerror(errno));
  if (::rename(temp_.c_str(), path_.c_str()) != 0)
    return Error(ErrorCode::kIo, "cannot rename " + temp_ + " to " + path_ + ": " + std::strerror(errno));
  committed_ = true;
  return {};
}

}  // namespace notices::cli
