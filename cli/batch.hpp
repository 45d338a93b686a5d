// Running a batch of inputs: `jobs` workers repair them side by side; one
// writer puts the results out in input order, to one stream (standard
// output or -o FILE) or to one file each under --output-dir.
#pragma once

#include <cstddef>  // size_t
#include <string>

#include "cli_options.hpp"

struct batch_counts {
  std::size_t repaired = 0;
  std::size_t skipped = 0;  // --output-dir: the output was there already
  std::size_t failed = 0;   // could not be read, repaired or written
  bool output_failed = false;  // the stream (stdout or -o) could not be written
};

// Where an input's output goes under --output-dir: the input's file name
// with the format's extension (.txt, .md, .json); -f source keeps the
// input's own name, as the format is the input's.
std::string output_path(const cli_options &o, const std::string &input);

// Runs every input of `o` and prints the summary line for several inputs.
batch_counts run_batch(const cli_options &o);
