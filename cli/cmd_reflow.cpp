// The reflow command: options in, one library call per input, bytes out.
// All repair logic lives in the library; this folder only moves bytes and
// turns statuses into exit codes.
#include "cmd_reflow.hpp"

#include <algorithm>  // sort
#include <cstdio>     // fprintf
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include "batch.hpp"
#include "cli_options.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInput = 1;
constexpr int kExitUsage = 2;

// A directory among the inputs stands for the files in it (not those in
// its subdirectories, nor hidden ones), in name order, so that
// `colreflow -O out scans/` runs a folder of pages. False, after reporting
// why, when a directory cannot be read.
bool expand_directories(std::vector<std::string> &files) {
  std::vector<std::string> out;
  for (const std::string &f : files) {
    std::error_code ec;
    if (f == "-" || !std::filesystem::is_directory(f, ec)) {
      out.push_back(f);
      continue;
    }
    std::vector<std::string> inside;
    for (const auto &entry : std::filesystem::directory_iterator(f, ec)) {
      const std::string name = entry.path().filename().string();
      std::error_code type_ec;
      if (!name.empty() && name[0] != '.' && entry.is_regular_file(type_ec))
        inside.push_back(entry.path().string());
    }
    if (ec) {
      std::fprintf(stderr, "colreflow: %s: cannot read the directory: %s\n", f.c_str(),
                   ec.message().c_str());
      return false;
    }
    std::sort(inside.begin(), inside.end());
    out.insert(out.end(), inside.begin(), inside.end());
  }
  files = std::move(out);
  return true;
}

// Under --output-dir two inputs must not write one file: "a/p.png" and
// "b/p.png" would both give DIR/p.txt.
void check_output_names(const cli_options &o) {
  if (o.output_dir.empty()) return;
  std::map<std::string, const std::string *> seen;
  for (const std::string &f : o.files) {
    if (f == "-") throw usage_error{"--output-dir names outputs after their inputs: not for stdin"};
    const auto [it, fresh] = seen.emplace(output_path(o, f), &f);
    if (!fresh)
      throw usage_error{"'" + *it->second + "' and '" + f + "' would both be written to '" +
                        it->first + "'"};
  }
}

}  // namespace

int cmd_reflow(int argc, char **argv) {
  cli_options o;
  try {
    if (parse_args(argc, argv, o) < 0) return std::fflush(stdout) == 0 ? kExitOk : kExitInput;
    if (!expand_directories(o.files)) return kExitInput;
    if (o.files.empty()) throw usage_error{"no input: the directories given hold no files"};
    check_output_names(o);
  } catch (const usage_error &e) {
    std::fprintf(stderr, "colreflow: %s\nTry 'colreflow --help' for more information.\n",
                 e.message.c_str());
    return kExitUsage;
  }
  const batch_counts c = run_batch(o);
  return c.failed == 0 && !c.output_failed ? kExitOk : kExitInput;
}
