// Parsing the command line: option spellings, values and their bounds.
#include <algorithm>  // find
#include <cstdint>    // SIZE_MAX
#include <cstdio>   // fputs, printf
#include <string>
#include <string_view>

#include "cli_options.hpp"

namespace {

constexpr const char *kHelp =
    "Usage: colreflow [options] [FILE...]\n"
    "Repair the OCR text of multi-column newspaper pages: restore the reading\n"
    "order, rejoin lines and words cut by the columns, and print the articles.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input; a FILE that is a\n"
    "directory stands for the files in it, in name order. Input is plain UTF-8\n"
    "text (a BOM and LF, CRLF or CR line ends are accepted), or OCR with page\n"
    "geometry: hOCR, ALTO, PAGE XML or Tesseract TSV, or a page image (PNG, TIFF,\n"
    "JPEG, PNM, WebP, GIF) that Tesseract reads; the format is detected from the\n"
    "content. Geometry inputs are ordered from their layout (columns, bands,\n"
    "headings).\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT      output format: txt (default), md, json, or the\n"
    "                           input's own format with the order found: page,\n"
    "                           alto, hocr, tsv (or 'source' for whichever it is)\n"
    "      --from FORMAT        read inputs as text, hocr, alto, page, tsv or image\n"
    "                           instead of detecting the format\n"
    "      --lang LANGS         Tesseract languages for images (default chi_sim+eng)\n"
    "      --psm N              Tesseract page segmentation mode for images (default 3)\n"
    "      --tessdata DIR       directory of Tesseract's .traineddata files\n"
    "      --dpi N              resolution of images (default: the file's, else 300)\n"
    "      --dict DICTS         Hunspell dictionaries that tell a word cut at a line\n"
    "                           end from a compound: auto (default: the installed\n"
    "                           ones for the text's languages), none, or names\n"
    "                           (de_DE) and paths without .dic, ':'-separated\n"
    "  -o, --output FILE        write to FILE instead of standard output; FILE\n"
    "                           appears only once it is written whole\n"
    "  -O, --output-dir DIR     write one file per input into DIR, named after the\n"
    "                           input (page.png gives DIR/page.txt; -f source keeps\n"
    "                           the input's name); inputs whose output is there\n"
    "                           already are skipped, so a rerun resumes a batch\n"
    "      --overwrite          with --output-dir, redo inputs already done\n"
    "      --repairs LIST       the repairs to make, comma-separated: order, join\n"
    "                           (lines and hyphenated words), spacing (OCR spaces\n"
    "                           in CJK text), headings; or all (default)\n"
    "      --from-image FORMATS with --output-dir, also keep what Tesseract itself\n"
    "                           made of each image: hocr, alto and/or tsv, comma-\n"
    "                           separated (DIR/page.tesseract.hocr, ...)\n"
    "      --report             summarise the repairs on standard error\n"
    "      --overlay FILE.png   draw the order found on the page image: regions\n"
    "                           outlined by role, numbered, arrows per article\n"
    "                           (one input; an image input is its own scan)\n"
    "      --image SCAN         the scan a geometry input was made from, for --overlay\n"
    "  -j, --jobs N             repair N inputs at a time (default 1); outputs\n"
    "                           still follow the input order\n"
    "      --max-input-bytes N  refuse inputs larger than N bytes; K, M and G\n"
    "                           suffixes multiply by 1024s (default 64M)\n"
    "      --max-words N        refuse pages of more than N words, each CJK\n"
    "                           character counting as one (default 2000000)\n"
    "      --max-pixels N       refuse images of more than N pixels (width x\n"
    "                           height), checked before decoding (default 400000000)\n"
    "      --max-xml-depth N    refuse XML nested deeper than N elements (default 256)\n"
    "      --max-xml-elements N refuse XML of more than N elements and attributes\n"
    "                           (default 20000000)\n"
    "      --max-seconds S      give up a page after S seconds (decimals allowed,\n"
    "                           e.g. 0.5; default: no limit); also --timeout S\n"
    "  -h, --help               print this help and exit\n"
    "  -V, --version            print the version and exit\n"
    "\n"
    "With several FILEs the outputs follow one another in order; with -f json\n"
    "each FILE gives one JSON document, each ending with a newline. A FILE that\n"
    "cannot be read or repaired is reported and skipped; a summary (repaired,\n"
    "skipped, failed) ends the run. On a terminal, a progress bar is shown.\n"
    "\n"
    "Exit status: 0 success, 1 an input could not be read or repaired,\n"
    "2 a usage error.\n";

bool parse_input(std::string_view s, crf_input &in) {
  if (s == "text" || s == "txt") in = CRF_INPUT_TEXT;
  else if (s == "hocr") in = CRF_INPUT_HOCR;
  else if (s == "alto") in = CRF_INPUT_ALTO;
  else if (s == "page") in = CRF_INPUT_PAGE;
  else if (s == "tsv") in = CRF_INPUT_TSV;
  else if (s == "image") in = CRF_INPUT_IMAGE;
  else return false;
  return true;
}

bool parse_format(std::string_view s, cli_options &o) {
  o.want_source = CRF_INPUT_AUTO;
  if (s == "txt") o.format = CRF_FORMAT_TXT;
  else if (s == "md") o.format = CRF_FORMAT_MD;
  else if (s == "json") o.format = CRF_FORMAT_JSON;
  else if (s == "source") o.format = CRF_FORMAT_SOURCE;
  else if (s != "text" && s != "image" && parse_input(s, o.want_source)) o.format = CRF_FORMAT_SOURCE;
  else return false;
  return true;
}

// A positive byte count, optionally with a K, M or G (binary) suffix.
bool parse_size(std::string_view s, std::size_t &out) {
  std::size_t scale = 1;
  if (!s.empty()) {
    switch (s.back()) {
      case 'K': case 'k': scale = std::size_t{1} << 10; break;
      case 'M': case 'm': scale = std::size_t{1} << 20; break;
      case 'G': case 'g': scale = std::size_t{1} << 30; break;
      default: break;
    }
    if (scale != 1) s.remove_suffix(1);
  }
  if (s.empty()) return false;
  std::size_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    const auto d = static_cast<std::size_t>(c - '0');
    if (n > (SIZE_MAX - d) / 10) return false;
    n = n * 10 + d;
  }
  if (n == 0 || n > SIZE_MAX / scale) return false;
  out = n * scale;
  return true;
}

// A whole number from 1 to `max`, digits only (no K, M or G): --jobs,
// --psm, --dpi. Throws a usage error naming `option`.
unsigned parse_count(std::string_view option, std::string_view v, std::size_t max) {
  std::size_t n = 0;
  if (!parse_size(v, n) || v.find_first_not_of("0123456789") != std::string_view::npos || n > max)
    throw usage_error{"bad " + std::string(option) + " value '" + std::string(v) +
                      "' (expected 1 to " + std::to_string(max) + ")"};
  return static_cast<unsigned>(n);
}

// A limit: a whole number from 1 to `max`, digits only. Throws a usage
// error naming `option`.
std::size_t parse_limit(std::string_view option, std::string_view v, std::size_t max) {
  std::size_t n = 0;
  if (!parse_size(v, n) || v.find_first_not_of("0123456789") != std::string_view::npos || n > max)
    throw usage_error{"bad " + std::string(option) + " value '" + std::string(v) +
                      "' (expected a whole number from 1" +
                      (max == SIZE_MAX ? std::string() : " to " + std::to_string(max)) + ")"};
  return n;
}

// Seconds with up to three decimals ("2", "0.5", "0.001"), as milliseconds:
// 1 ms to about 49 days (what crf_options.max_millis holds).
unsigned parse_seconds(std::string_view option, std::string_view v) {
  const std::size_t dot = v.find('.');
  const std::string_view whole = v.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
  constexpr std::uint64_t kMaxMillis = 4'294'967'295u;
  std::uint64_t ms = 0;
  bool ok = !v.empty() && whole.size() <= 7 && frac.size() <= 3 &&
            (dot == std::string_view::npos || !frac.empty()) &&
            whole.find_first_not_of("0123456789") == std::string_view::npos &&
            frac.find_first_not_of("0123456789") == std::string_view::npos;
  if (ok) {
    for (char c : whole) ms = ms * 10 + static_cast<std::uint64_t>(c - '0');
    for (std::size_t k = 0; k < 3; ++k)
      ms = ms * 10 + (k < frac.size() ? static_cast<std::uint64_t>(frac[k] - '0') : 0);
    ok = ms >= 1 && ms <= kMaxMillis;
  }
  if (!ok)
    throw usage_error{"bad " + std::string(option) + " value '" + std::string(v) +
                      "' (expected seconds from 0.001 to 4294967, e.g. 30 or 0.5)"};
  return static_cast<unsigned>(ms);
}

// Calls f on each item of a comma-separated list ("a,b"; "" is one empty item).
template <class F>
void for_each_listed(std::string_view list, F f) {
  for (;;) {
    const std::size_t comma = list.find(',');
    f(list.substr(0, comma));
    if (comma == std::string_view::npos) return;
    list.remove_prefix(comma + 1);
  }
}

// "hocr,alto": the formats Tesseract writes itself, for --from-image.
void parse_engine_formats(std::string_view v, std::vector<crf_input> &out) {
  out.clear();
  for_each_listed(v, [&](std::string_view one) {
    crf_input in = CRF_INPUT_AUTO;
    if (!parse_input(one, in) || (in != CRF_INPUT_HOCR && in != CRF_INPUT_ALTO && in != CRF_INPUT_TSV))
      throw usage_error{"bad --from-image format '" + std::string(one) +
                        "' (expected hocr, alto or tsv, separated by commas)"};
    if (std::find(out.begin(), out.end(), in) == out.end()) out.push_back(in);
  });
}

// "order,join": CRF_REPAIR_* bits for --repairs.
unsigned parse_repairs(std::string_view v) {
  unsigned bits = 0;
  for_each_listed(v, [&](std::string_view one) {
    if (one == "order") bits |= CRF_REPAIR_ORDER;
    else if (one == "join") bits |= CRF_REPAIR_JOIN;
    else if (one == "spacing") bits |= CRF_REPAIR_SPACING;
    else if (one == "headings") bits |= CRF_REPAIR_HEADINGS;
    else if (one == "all") bits |= CRF_REPAIR_ALL;
    else
      throw usage_error{"bad --repairs value '" + std::string(one) +
                        "' (expected order, join, spacing, headings or all, separated by commas)"};
  });
  return bits;
}

}  // namespace

const char *input_name(crf_input in) {
  switch (in) {
    case CRF_INPUT_HOCR: return "hocr";
    case CRF_INPUT_ALTO: return "alto";
    case CRF_INPUT_PAGE: return "page";
    case CRF_INPUT_TSV: return "tsv";
    case CRF_INPUT_IMAGE: return "image";
    default: return "text";
  }
}

// Accepts "-f json", "-fjson", "--format json" and "--format=json".
// Returns 0 to go on, or -1 after printing help or version (exit 0).
int parse_args(int argc, char **argv, cli_options &o) {
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (options_done || arg == "-" || arg.size() < 2 || arg[0] != '-') {
      o.files.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }

    std::string_view name = arg;
    std::string_view inline_value;
    bool has_inline = false;
    if (arg.substr(0, 2) == "--") {
      if (const auto eq = arg.find('='); eq != std::string_view::npos) {
        name = arg.substr(0, eq);
        inline_value = arg.substr(eq + 1);
        has_inline = true;
      }
    } else if (arg.size() > 2) {  // -fjson
      name = arg.substr(0, 2);
      inline_value = arg.substr(2);
      has_inline = true;
    }
    auto value = [&]() -> std::string_view {
      if (has_inline) return inline_value;
      if (i + 1 >= argc) throw usage_error{"option '" + std::string(name) + "' needs a value"};
      return argv[++i];
    };
    auto no_value = [&] {
      if (has_inline) {
        throw usage_error{"option '" + std::string(name) + "' takes no value"};
      }
    };

    if (name == "-h" || name == "--help") {
      no_value();
      std::fputs(kHelp, stdout);
      return -1;
    } else if (name == "-V" || name == "--version") {
      no_value();
      std::printf("colreflow %s\n", crf_version_string());
      return -1;
    } else if (name == "-f" || name == "--format") {
      const std::string_view v = value();
      if (!parse_format(v, o)) {
        throw usage_error{"unknown format '" + std::string(v) +
                          "' (expected txt, md, json, page, alto, hocr, tsv or source)"};
      }
    } else if (name == "--from") {
      const std::string_view v = value();
      if (!parse_input(v, o.from)) {
        throw usage_error{"unknown input format '" + std::string(v) +
                          "' (expected text, hocr, alto, page, tsv or image)"};
      }
    } else if (name == "--overlay") {
      o.overlay = value();
      if (o.overlay.empty()) throw usage_error{"option '--overlay' needs a file"};
    } else if (name == "--image") {
      o.image = value();
      if (o.image.empty()) throw usage_error{"option '--image' needs a file"};
    } else if (name == "-j" || name == "--jobs") {
      o.jobs = parse_count("--jobs", value(), 256);
    } else if (name == "--lang") {
      o.languages = value();
      if (o.languages.empty()) throw usage_error{"option '--lang' needs languages, e.g. eng"};
    } else if (name == "--tessdata") {
      o.tessdata = value();
    } else if (name == "--psm") {
      o.psm = static_cast<int>(parse_count(name, value(), 13));
    } else if (name == "--dict") {
      o.dictionaries = value();
      if (o.dictionaries == "none") o.dictionaries.clear();
    } else if (name == "--dpi") {
      o.dpi = static_cast<int>(parse_count(name, value(), 10000));
    } else if (name == "-o" || name == "--output") {
      o.output = value();
      if (o.output.empty()) throw usage_error{"option '" + std::string(name) + "' needs a file"};
    } else if (name == "-O" || name == "--output-dir") {
      o.output_dir = value();
      if (o.output_dir.empty()) throw usage_error{"option '" + std::string(name) + "' needs a directory"};
      while (o.output_dir.size() > 1 && o.output_dir.back() == '/') o.output_dir.pop_back();
    } else if (name == "--overwrite") {
      no_value();
      o.overwrite = true;
    } else if (name == "--repairs") {
      o.repairs = parse_repairs(value());
    } else if (name == "--from-image") {
      parse_engine_formats(value(), o.from_image);
    } else if (name == "--report") {
      no_value();
      o.report = true;
    } else if (name == "--max-input-bytes") {
      const std::string_view v = value();
      if (!parse_size(v, o.max_input_bytes)) {
        throw usage_error{"bad --max-input-bytes value '" + std::string(v) +
                          "' (expected a positive number, optionally with K, M or G)"};
      }
    } else if (name == "--max-words") {
      o.max_words = parse_limit(name, value(), SIZE_MAX);
    } else if (name == "--max-pixels") {
      o.max_image_pixels = parse_limit(name, value(), SIZE_MAX);
    } else if (name == "--max-xml-depth") {
      o.max_xml_depth = parse_limit(name, value(), 1'000'000);
    } else if (name == "--max-xml-elements") {
      o.max_xml_elements = parse_limit(name, value(), SIZE_MAX);
    } else if (name == "--max-seconds" || name == "--timeout") {
      o.max_millis = parse_seconds(name, value());
    } else {
      throw usage_error{"unknown option '" + std::string(arg) + "'"};
    }
  }
  if (o.files.empty()) o.files.emplace_back("-");
  if (!o.overlay.empty() && o.files.size() != 1)
    throw usage_error{"--overlay draws one page: give one input"};
  if (!o.output.empty() && !o.output_dir.empty())
    throw usage_error{"give -o FILE or --output-dir DIR, not both"};
  if (!o.from_image.empty() && o.output_dir.empty())
    throw usage_error{"--from-image writes files of its own: give --output-dir DIR"};
  if (o.overwrite && o.output_dir.empty())
    throw usage_error{"--overwrite is for --output-dir"};
  if (!o.image.empty() && o.overlay.empty())
    throw usage_error{"--image is the scan for --overlay: give --overlay too"};
  return 0;
}
