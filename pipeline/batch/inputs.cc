// ExpandInputs, ReadInputList. Tested by tests/batch/inputs_test.cc.
#include "pipeline/batch/inputs.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace notices::batch {

namespace fs = std::filesystem;

namespace {
bool HasGlobChars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}
}  // namespace

Status ExpandInputs(const std::vector<std::string>& args, const ExpandOptions& options,
                    std::vector<std::string>& out) {
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-") {
      out.push_back(arg);
      continue;
    }
    if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string ext = LowerExtension(it->path());
        if (std::find(options.extensions.begin(), options.extensions.end(), ext) == options.extensions.end())
          continue;
        found.push_back(it->path().string());
      }
      if (ec) return Error(ErrorCode::kIo, arg + ": cannot list the folder: " + ec.message());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
      continue;
    }
    if (!fs::exists(arg, ec) && HasGlobChars(arg)) {
      glob_t g{};
      int rc = glob(arg.c_str(), 0, nullptr, &g);
      if (rc == GLOB_NOMATCH) {
        globfree(&g);
        return Error(ErrorCode::kUsage, arg + ": no file matches this pattern");
      }
      std::vector<std::string> found;
      for (size_t i = 0; i < g.gl_pathc; ++i) found.emplace_back(g.gl_pathv[i]);
      globfree(&g);
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
      continue;
    }
    out.push_back(arg);
  }
  return {};
}

Status ReadInputList(const std::string& list_path, std::vector<std::string>& out) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (list_path != "-") {
    file.open(list_path);
    if (!file) return Error(ErrorCode::kIo, list_path + ": cannot read the input list");
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return {};
}

}  // namespace notices::batch
