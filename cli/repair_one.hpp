// Repairing one input: read, repair, render, without writing anything, so
// workers can run it side by side.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli_options.hpp"

// What repairing one input gave: its output, its report, or why it failed.
struct file_result {
  bool ok = false;
  std::string text;
  std::string report;
  std::string error;  // "colreflow: ..." without the newline
  // --from-image: Tesseract's own outputs, as (file suffix, bytes).
  std::vector<std::pair<std::string, std::string>> side_outputs;
};

// Repairs the input at `path` ("-" for standard input) as `o` says.
file_result repair_one(const std::string &path, const cli_options &o);
