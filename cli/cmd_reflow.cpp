// The reflow command: options in, one library call per input, bytes out.
// All repair logic lives in the library; this folder only moves bytes and
// turns statuses into exit codes.
#include "cmd_reflow.hpp"

#include <cstdio>  // fprintf
#include <map>
#include <string>

#include "batch.hpp"
#include "cli_options.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInput = 1;
constexpr int kExitUsage = 2;

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
    check_output_names(o);
  } catch (const usage_error &e) {
    std::fprintf(stderr, "colreflow: %s\nTry 'colreflow --help' for more information.\n",
                 e.message.c_str());
    return kExitUsage;
  }
  const batch_counts c = run_batch(o);
  return c.failed == 0 && !c.output_failed ? kExitOk : kExitInput;
}
