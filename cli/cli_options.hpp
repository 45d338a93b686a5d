// The command line, parsed: what cmd_reflow and its workers need to know.
#pragma once

#include <cstddef>  // size_t
#include <string>
#include <vector>

#include "colreflow/colreflow.h"
#include "colreflow/colreflow.hpp"  // options{}: the library's default limits

struct cli_options {
  crf_format format = CRF_FORMAT_TXT;
  crf_input want_source = CRF_INPUT_AUTO;  // -f page etc.: the input must be this format
  crf_input from = CRF_INPUT_AUTO;
  std::string languages;  // empty: the library's default
  int psm = 0;
  std::string tessdata;
  std::string dictionaries = "auto";  // --dict: Hunspell dictionaries; "" for none
  int dpi = 0;
  unsigned jobs = 1;  // inputs repaired at a time
  unsigned repairs = CRF_REPAIR_ALL;  // --repairs: CRF_REPAIR_* bits
  std::string overlay;  // --overlay: PNG to write
  std::string image;    // --image: the scan of a geometry input
  std::string output;  // empty: standard output
  std::string output_dir;  // --output-dir: one file per input
  bool overwrite = false;  // --overwrite: redo inputs whose output exists
  std::vector<crf_input> from_image;  // --from-image: Tesseract's own outputs to keep
  bool report = false;
  std::size_t max_input_bytes = colreflow::options{}.max_input_bytes;
  // The other limits; 0: the library's default (no time limit).
  std::size_t max_words = 0;
  std::size_t max_image_pixels = 0;
  std::size_t max_xml_depth = 0;
  std::size_t max_xml_elements = 0;
  unsigned max_millis = 0;
  std::vector<std::string> files;
};

struct usage_error {
  std::string message;
};

// Fills `o` from argv. Returns 0 to go on, or -1 after printing help or the
// version (exit 0). Throws usage_error.
int parse_args(int argc, char **argv, cli_options &o);

// The name of an input format as the options spell it ("hocr", "text"...).
const char *input_name(crf_input in);
