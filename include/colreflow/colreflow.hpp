// colreflow.hpp - the C++ API of colreflow.
//
//   colreflow::options opts;
//   colreflow::document doc = colreflow::document::from_text(bytes, opts);
//   std::cout << doc.render(colreflow::format::txt);
//   std::cerr << doc.report();
//
// Errors are thrown as colreflow::error, which carries a status code and a
// message naming the input, the position and what was expected.
// A document is immutable once made and may be read from several threads
// (docs/threading.md).
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // uint32_t
#include <memory>   // unique_ptr
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "colreflow/colreflow.h"

namespace colreflow {
namespace detail {
struct document;  // the library's private model
struct engine_state;
}

inline namespace v1 {

enum class format {
  txt = CRF_FORMAT_TXT,
  md = CRF_FORMAT_MD,
  json = CRF_FORMAT_JSON,
  source = CRF_FORMAT_SOURCE,  // the input's own geometry format, reordered
};

enum class input_format {
  auto_detect = CRF_INPUT_AUTO,
  text = CRF_INPUT_TEXT,
  hocr = CRF_INPUT_HOCR,
  alto = CRF_INPUT_ALTO,
  page = CRF_INPUT_PAGE,
  tsv = CRF_INPUT_TSV,
  image = CRF_INPUT_IMAGE,
};

enum class status {
  ok = CRF_OK,
  error = CRF_ERROR,
  invalid = CRF_EINVALID,
  no_memory = CRF_ENOMEM,
  limit = CRF_ELIMIT,
  usage = CRF_EUSAGE,
  not_found = CRF_ENOTFOUND,
};

// Thrown for bad input, exceeded limits and bad arguments.
class CRF_API error : public std::runtime_error {
 public:
  error(status code, const std::string &message)
      : std::runtime_error(message), code_(code) {}
  status code() const noexcept { return code_; }

 private:
  status code_;
};

struct options {
  std::string source_name = "<input>";            // used in error messages
  std::size_t max_input_bytes = 64u * 1024 * 1024;  // refuse larger inputs
  // Word list vouching for dehyphenated words; "" for none (see colreflow.h).
  std::string lexicon_path = "/usr/share/dict/american-english-large";
  // Images: Tesseract's languages, page segmentation mode, data directory
  // ("" for its own) and resolution (0: the file's, else 300).
  std::string languages = "chi_sim+eng";
  int psm = 3;
  std::string tessdata;
  int dpi = 0;
  // Which repairs to apply: CRF_REPAIR_* bits.
  unsigned repairs = CRF_REPAIR_ALL;
  // Hunspell dictionaries for Latin-script dehyphenation, ':'-separated paths
  // (without .dic) or languages ("de_DE"); "auto" for the installed ones for
  // the text's languages, "" for none.
  std::string dictionaries = "auto";
  // Limits: exceeding one throws error(status::limit, ...).
  std::size_t max_xml_depth = 256;
  std::size_t max_xml_elements = 20'000'000;
  std::size_t max_image_pixels = 400'000'000;
  std::size_t max_words = 2'000'000;
  unsigned max_millis = 0;  // wall time per page; 0 for none
  // Images: Tesseract's own renderings to keep for document::engine_output,
  // CRF_ENGINE_OUTPUT(CRF_INPUT_HOCR | _ALTO | _TSV) bits.
  unsigned engine_outputs = 0;
};

// One entry of the repair log: what was changed, where, why, how sure.
struct repair_entry {
  crf_repair_kind kind;
  std::string kind_name;  // "line_join", ... as in JSON
  std::uint32_t first_line = 0, last_line = 0;  // 1-based source lines
  std::string cue;
  double confidence = 0;
};

// A paragraph, heading or headline of the output.
struct unit {
  crf_role role;
  std::string role_name;
  std::string text;
  std::vector<std::uint32_t> source_lines;
};

struct article {
  std::vector<unit> units;
};

// An input block, in input order; position -1 when the output left it out.
struct block {
  crf_role role;
  std::string role_name;
  std::uint32_t first_line = 0, last_line = 0;
  std::size_t line_count = 0;
  long position = -1;
};

// A region of a geometry input, in reading order.
struct region {
  std::string id;
  std::size_t article = 0, position = 0;
  std::string hint;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::uint32_t source_line = 0;
  std::uint32_t first_line = 0, last_line = 0;  // 0, 0: no text
};

// A repaired document: the input lines, the reading order found, the
// reflowed articles and the repair log.
class CRF_API document {
 public:
  // Read plain OCR text (UTF-8) and repair it. Throws colreflow::error.
  static document from_text(std::string_view bytes, const options &opts = {});
  // Read any supported format (detected when `in` is auto_detect) and repair it.
  static document from_bytes(std::string_view bytes, input_format in = input_format::auto_detect,
                             const options &opts = {});

  // Read a file (source_name defaults to the path). Throws error with
  // status::not_found when it cannot be opened.
  static document from_file(const std::string &path, input_format in = input_format::auto_detect,
                            const options &opts = {});
  // Recognise a Leptonica image with Tesseract (borrowed, not kept).
  static document from_pix(Pix *pix, const options &opts = {});

  // The format the input was read in (never auto_detect).
  input_format input() const;

  // What was found, as values (copies): the repair log, the articles in
  // reading order, the input blocks, and the regions of a geometry input
  // in reading order (empty for text).
  std::vector<repair_entry> repairs() const;
  std::vector<article> articles() const;
  std::vector<block> blocks() const;
  std::vector<region> regions() const;

  document(document &&) noexcept;
  document &operator=(document &&) noexcept;
  ~document();

  std::string render(format f) const;
  std::string report() const;
  // PNG: the page image with the regions outlined by role, numbered in
  // reading order, arrows per article. Geometry and image inputs only.
  std::string overlay(std::string_view image) const;
  std::size_t repair_count() const;
  // Image inputs: what Tesseract itself wrote of the page (hocr, alto or
  // tsv), as options::engine_outputs asked. Throws error(status::usage).
  std::string engine_output(input_format f) const;

  // For the C API and tests inside the library.
  const detail::document &impl() const { return *impl_; }

 private:
  explicit document(std::unique_ptr<detail::document> impl);
  std::unique_ptr<detail::document> impl_;
};

// Options checked and resources (the word list) loaded once, for many pages.
// Immutable after construction: one engine may repair pages on any number
// of threads at once, with the results a single thread gets. Copies share
// the loaded state.
class CRF_API engine {
 public:
  explicit engine(const options &opts = {});
  // source_name "" keeps the options' name.
  document repair(std::string_view bytes, input_format in = input_format::auto_detect,
                  const std::string &source_name = {}) const;
  document repair_file(const std::string &path,
                       input_format in = input_format::auto_detect) const;
  document repair_pix(Pix *pix, const std::string &source_name = {}) const;
  const options &opts() const;

 private:
  std::shared_ptr<const detail::engine_state> state_;
};

// One call: read, repair and render.
CRF_API std::string repair_text(std::string_view bytes, format f = format::txt,
                                const options &opts = {});

}  // namespace v1
}  // namespace colreflow
