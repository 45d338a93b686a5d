// The reflow command: options in, one library call per input, bytes out.
// All repair logic lives in the library; this file only moves bytes and
// turns statuses into exit codes.
#include "cmd_reflow.hpp"

#include <cerrno>
#include <cstdint>  // SIZE_MAX
#include <cstdio>   // FILE, fwrite, fprintf
#include <cstring>  // strerror
#include <string>
#include <string_view>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <unistd.h>  // isatty

#include "colreflow/colreflow.h"
#include "colreflow/colreflow.hpp"  // options{}: the library's default limit
#include "read_input.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInput = 1;
constexpr int kExitUsage = 2;

constexpr const char *kHelp =
    "Usage: colreflow [options] [FILE...]\n"
    "Repair the OCR text of multi-column newspaper pages: restore the reading\n"
    "order, rejoin lines and words cut by the columns, and print the articles.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. Input is plain UTF-8\n"
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
    "  -o, --output FILE        write to FILE instead of standard output\n"
    "      --report             summarise the repairs on standard error\n"
    "      --overlay FILE.png   draw the order found on the page image: regions\n"
    "                           outlined by role, numbered, arrows per article\n"
    "                           (one input; an image input is its own scan)\n"
    "      --image SCAN         the scan a geometry input was made from, for --overlay\n"
    "  -j, --jobs N             repair N inputs at a time (default 1); outputs\n"
    "                           still follow the input order\n"
    "      --max-input-bytes N  refuse inputs larger than N bytes; K, M and G\n"
    "                           suffixes multiply by 1024s (default 64M)\n"
    "  -h, --help               print this help and exit\n"
    "  -V, --version            print the version and exit\n"
    "\n"
    "With several FILEs the outputs follow one another in order; with -f json\n"
    "each FILE gives one JSON document, each ending with a newline. A FILE that\n"
    "cannot be read or repaired is reported and skipped, and a count of those\n"
    "that failed ends the run. On a terminal, a progress count is shown.\n"
    "\n"
    "Exit status: 0 success, 1 an input could not be read or repaired,\n"
    "2 a usage error.\n";

struct cli_options {
  crf_format format = CRF_FORMAT_TXT;
  crf_input want_source = CRF_INPUT_AUTO;  // -f page etc.: the input must be this format
  crf_input from = CRF_INPUT_AUTO;
  std::string languages;  // empty: the library's default
  int psm = 0;
  std::string tessdata;
  int dpi = 0;
  unsigned jobs = 1;  // inputs repaired at a time
  std::string overlay;  // --overlay: PNG to write
  std::string image;    // --image: the scan of a geometry input
  std::string output;  // empty: standard output
  bool report = false;
  std::size_t max_input_bytes = colreflow::options{}.max_input_bytes;
  std::vector<std::string> files;
};

struct usage_error {
  std::string message;
};

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
    } else if (name == "--dpi") {
      o.dpi = static_cast<int>(parse_count(name, value(), 10000));
    } else if (name == "-o" || name == "--output") {
      o.output = value();
      if (o.output.empty()) throw usage_error{"option '" + std::string(name) + "' needs a file"};
    } else if (name == "--report") {
      no_value();
      o.report = true;
    } else if (name == "--max-input-bytes") {
      const std::string_view v = value();
      if (!parse_size(v, o.max_input_bytes)) {
        throw usage_error{"bad --max-input-bytes value '" + std::string(v) +
                          "' (expected a positive number, optionally with K, M or G)"};
      }
    } else {
      throw usage_error{"unknown option '" + std::string(arg) + "'"};
    }
  }
  if (o.files.empty()) o.files.emplace_back("-");
  if (!o.overlay.empty() && o.files.size() != 1)
    throw usage_error{"--overlay draws one page: give one input"};
  if (!o.image.empty() && o.overlay.empty())
    throw usage_error{"--image is the scan for --overlay: give --overlay too"};
  return 0;
}

struct output_file {
  std::FILE *f = stdout;
  std::string name = "<stdout>";
  bool failed = false;

  bool write(const char *p, std::size_t n) {
    if (!failed && std::fwrite(p, 1, n, f) != n) fail();
    return !failed;
  }
  bool close() {
    if (!failed && std::fflush(f) != 0) fail();
    if (f != stdout && std::fclose(f) != 0 && !failed) fail();
    f = nullptr;
    return !failed;
  }
  void fail() {
    std::fprintf(stderr, "colreflow: %s: cannot write: %s\n", name.c_str(), std::strerror(errno));
    failed = true;
  }
};

// What repairing one input gave: its output, its report, or why it failed.
struct file_result {
  bool ok = false;
  std::string text;
  std::string report;
  std::string error;  // "colreflow: ..." without the newline
};

// Repairs one input. Writes nothing: workers call it side by side, and the
// results go out in input order.
file_result repair_one(const std::string &path, const cli_options &o) {
  file_result r;
  const std::string name = path == "-" ? "<stdin>" : path;
  std::string bytes, error;
  if (!read_input(path, name, o.max_input_bytes, bytes, error)) {
    r.error = "colreflow: " + error;
    return r;
  }

  crf_options opts = CRF_OPTIONS_INIT;
  opts.max_input_bytes = o.max_input_bytes;
  if (!o.languages.empty()) opts.languages = o.languages.c_str();
  opts.psm = o.psm;
  if (!o.tessdata.empty()) opts.tessdata = o.tessdata.c_str();
  opts.dpi = o.dpi;
  crf_document *doc = nullptr;
  crf_buf text = CRF_BUF_INIT;
  crf_buf report = CRF_BUF_INIT;
  crf_status status =
      crf_document_from_bytes(&doc, bytes.data(), bytes.size(), o.from, name.c_str(), &opts);
  if (status == CRF_OK && o.want_source != CRF_INPUT_AUTO &&
      crf_document_input(doc) != o.want_source) {
    r.error = std::string("colreflow: ") + name + ": is " + input_name(crf_document_input(doc)) +
              ", not " + input_name(o.want_source) + ": cannot write it as " +
              input_name(o.want_source);
    crf_document_free(doc);
    return r;
  }
  if (status == CRF_OK) status = crf_document_render(&text, doc, o.format);
  if (status == CRF_OK && o.report) status = crf_document_report(&report, doc);
  if (status == CRF_OK && !o.overlay.empty()) {
    // The scan: --image, or the input itself when it is an image.
    std::string scan, scan_error;
    if (!o.image.empty()) {
      if (!read_input(o.image, o.image, o.max_input_bytes, scan, scan_error)) {
        r.error = "colreflow: " + scan_error;
        crf_buf_dispose(&report);
        crf_buf_dispose(&text);
        crf_document_free(doc);
        return r;
      }
    } else if (crf_document_input(doc) == CRF_INPUT_IMAGE) {
      scan = bytes;
    }
    crf_buf png = CRF_BUF_INIT;
    if (scan.empty()) {
      r.error = std::string("colreflow: ") + name +
                ": --overlay needs the page image: give it with --image SCAN";
      status = CRF_EUSAGE;
    } else {
      status = crf_document_overlay(&png, doc, scan.data(), scan.size());
      if (status == CRF_OK) {
        std::FILE *f = std::fopen(o.overlay.c_str(), "wb");
        bool written = f != nullptr && std::fwrite(png.ptr, 1, png.size, f) == png.size;
        if (f != nullptr && std::fclose(f) != 0) written = false;
        if (!written) {
          r.error = "colreflow: " + o.overlay + ": cannot write: " + std::strerror(errno);
          status = CRF_ERROR;
        }
      }
    }
    crf_buf_dispose(&png);
    if (status != CRF_OK) {
      if (r.error.empty()) r.error = std::string("colreflow: ") + crf_error_last();
      crf_buf_dispose(&report);
      crf_buf_dispose(&text);
      crf_document_free(doc);
      return r;
    }
  }
  if (status != CRF_OK) {
    r.error = std::string("colreflow: ") + crf_error_last();
  } else {
    r.ok = true;
    r.text.assign(text.ptr, text.size);
    if (o.report) r.report.assign(report.ptr, report.size);
  }
  crf_buf_dispose(&report);
  crf_buf_dispose(&text);
  crf_document_free(doc);
  return r;
}

// Writes one result; false when it failed (reported) or the output did.
// `progress`: a progress count is on the terminal's last line; clear it.
bool emit(const file_result &r, output_file &out, bool progress) {
  if (!r.ok) {
    std::fprintf(stderr, "%s%s\n", progress ? "\r\033[K" : "", r.error.c_str());
    return false;
  }
  const bool written = out.write(r.text.data(), r.text.size());
  if (!r.report.empty()) std::fwrite(r.report.data(), 1, r.report.size(), stderr);
  return written;
}

// Repairs every input, `jobs` at a time, and writes the results in input
// order as they become ready. Workers stay at most 2 x jobs files ahead of
// the writer, so memory stays bounded however many files there are.
// Returns the number of inputs that failed.
std::size_t run_all(const cli_options &o, output_file &out) {
  const std::size_t n = o.files.size();
  const bool progress = n > 1 && isatty(STDERR_FILENO) && !o.report;
  std::size_t failed = 0;
  auto show = [&](std::size_t done) {
    if (progress) std::fprintf(stderr, "\rcolreflow: %zu/%zu files", done, n);
  };
  if (o.jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!emit(repair_one(o.files[i], o), out, progress)) ++failed;
      show(i + 1);
      if (out.failed) break;  // a full disk will not take the next file either
    }
  } else {
    std::vector<std::optional<file_result>> results(n);
    std::mutex m;
    std::condition_variable ready, room;
    std::size_t next = 0, written = 0;
    bool stop = false;
    const std::size_t ahead = 2 * o.jobs;
    auto work = [&] {
      for (;;) {
        std::size_t i;
        {
          std::unique_lock<std::mutex> lock(m);
          room.wait(lock, [&] { return stop || next >= n || next < written + ahead; });
          if (stop || next >= n) return;
          i = next++;
        }
        file_result r = repair_one(o.files[i], o);
        std::lock_guard<std::mutex> lock(m);
        results[i] = std::move(r);
        ready.notify_all();
      }
    };
    std::vector<std::thread> workers;
    for (unsigned k = 0; k < o.jobs && k < n; ++k) workers.emplace_back(work);
    for (std::size_t i = 0; i < n; ++i) {
      file_result r;
      {
        std::unique_lock<std::mutex> lock(m);
        ready.wait(lock, [&] { return results[i].has_value(); });
        r = std::move(*results[i]);
        results[i].reset();
      }
      if (!emit(r, out, progress)) ++failed;
      show(i + 1);
      {
        std::lock_guard<std::mutex> lock(m);
        written = i + 1;
        stop = out.failed;
      }
      room.notify_all();
      if (out.failed) break;
    }
    {
      std::lock_guard<std::mutex> lock(m);
      stop = true;
    }
    room.notify_all();
    for (std::thread &t : workers) t.join();
  }
  if (progress) std::fputc('\n', stderr);
  if (n > 1 && failed > 0)
    std::fprintf(stderr, "colreflow: %zu of %zu inputs failed\n", failed, n);
  return failed;
}

}  // namespace

int cmd_reflow(int argc, char **argv) {
  cli_options o;
  try {
    if (parse_args(argc, argv, o) < 0) return std::fflush(stdout) == 0 ? kExitOk : kExitInput;
  } catch (const usage_error &e) {
    std::fprintf(stderr, "colreflow: %s\nTry 'colreflow --help' for more information.\n",
                 e.message.c_str());
    return kExitUsage;
  }

  output_file out;
  if (!o.output.empty()) {
    out.name = o.output;
    out.f = std::fopen(o.output.c_str(), "wb");
    if (out.f == nullptr) {
      std::fprintf(stderr, "colreflow: %s: cannot open for writing: %s\n", o.output.c_str(),
                   std::strerror(errno));
      return kExitInput;
    }
  }

  int status = run_all(o, out) == 0 ? kExitOk : kExitInput;
  if (!out.close()) status = kExitInput;
  return status;
}
