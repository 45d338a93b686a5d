// capi_fuzzer: the C API entry point as a caller drives it, format detected:
// crf_document_from_bytes with CRF_INPUT_AUTO and options whose limits the
// first byte picks, then every format rendered, the report, free. Inputs
// detected as images are left to image_fuzzer (Tesseract is too slow for a
// fuzz loop).
//
// The first byte: bits 0-1 pick max_words (default, 1, 16, 256), bit 2 a
// max_xml_depth of 6, bit 3 a max_xml_elements of 64, bit 4 a
// max_input_bytes of 512. The rest is the file.
//
// Invariants checked on every input:
//   - no crash, no sanitizer report;
//   - a failure is CRF_EINVALID or CRF_ELIMIT with a message naming the
//     source, leaves *out NULL, and the same bytes fail the same way again;
//     CRF_ELIMIT only when a limit was lowered or the input is that large;
//   - on success every format renders (the source format only for a
//     geometry input, else CRF_EUSAGE), buffers are NUL-terminated, txt, md
//     and json are valid UTF-8; rendering twice and reading twice give the
//     same bytes; crf_repair_text agrees with render(txt) on text inputs;
//   - nothing lost, nothing invented, and the repair log agrees with the
//     change (tests/support); for a geometry input (hOCR, ALTO, PAGE, TSV)
//     also against the words read straight from the file (tests/support
//     source_words), as the reader targets check it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "colreflow/colreflow.h"
#include "colreflow/colreflow.hpp"
#include "read/detect.hpp"
#include "fuzz_checks.hpp"
#include "support/invariants.hpp"
#include "support/source_words.hpp"
#include "text/chars.hpp"

const char *const colreflow::fuzz::kFuzzTarget = "capi_fuzzer";

namespace {

using colreflow::fuzz::check;
using colreflow::fuzz::fail;
using colreflow::fuzz::render_all;
using colreflow::fuzz::view;

constexpr std::size_t kMaxInput = std::size_t{1} << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0 || size > kMaxInput) return 0;
  const std::uint8_t pick = data[0];
  const char *bytes = reinterpret_cast<const char *>(data + 1);
  const std::size_t n = size - 1;
  const std::string_view input(bytes, n);
  if (colreflow::detail::detect_format(input) == colreflow::detail::source_format::image) return 0;

  crf_options opts = CRF_OPTIONS_INIT;
  const std::size_t words[] = {0, 1, 16, 256};
  opts.max_words = words[pick & 3];
  if ((pick & 4) != 0) opts.max_xml_depth = 6;
  if ((pick & 8) != 0) opts.max_xml_elements = 64;
  if ((pick & 16) != 0) opts.max_input_bytes = 512;
  const bool lowered = (pick & 31) != 0;

  crf_document *doc = reinterpret_cast<crf_document *>(&doc);  // must be overwritten
  const crf_status status = crf_document_from_bytes(&doc, bytes, n, CRF_INPUT_AUTO, "fuzz", &opts);
  if (status != CRF_OK) {
    check(doc == nullptr, "failed crf_document_from_bytes left *out set");
    check(status == CRF_EINVALID || status == CRF_ELIMIT, "failure other than EINVALID/ELIMIT");
    if (status == CRF_ELIMIT && !lowered) fail("CRF_ELIMIT under the default limits");
    check(std::strncmp(crf_error_last(), "fuzz", 4) == 0, "message does not name the source");
    const std::string message = crf_error_last();
    doc = nullptr;
    check(crf_document_from_bytes(&doc, bytes, n, CRF_INPUT_AUTO, "fuzz", &opts) == status,
          "the same bytes failed differently the second time");
    check(message == crf_error_last(), "the same bytes failed with another message");
    return 0;
  }
  check(doc != nullptr, "CRF_OK without a document");
  const crf_input format = crf_document_input(doc);
  const bool text = format == CRF_INPUT_TEXT;
  const std::vector<std::string> first = render_all(doc);
  crf_document_free(doc);

  doc = nullptr;
  check(crf_document_from_bytes(&doc, bytes, n, CRF_INPUT_AUTO, "fuzz", &opts) == CRF_OK,
        "second read failed");
  check(render_all(doc) == first, "reading the same bytes twice gave different outputs");
  crf_document_free(doc);

  if (text) {
    crf_buf out = CRF_BUF_INIT;
    check(crf_repair_text(&out, bytes, n, CRF_FORMAT_TXT, &opts) == CRF_OK,
          "crf_repair_text failed where crf_document_from_bytes succeeded");
    check(view(out) == first.front(), "crf_repair_text and render(txt) differ");
    crf_buf_dispose(&out);
  }

  colreflow::options cpp_opts;
  cpp_opts.source_name = "fuzz";
  if (opts.max_words != 0) cpp_opts.max_words = opts.max_words;
  if (opts.max_xml_depth != 0) cpp_opts.max_xml_depth = opts.max_xml_depth;
  if (opts.max_xml_elements != 0) cpp_opts.max_xml_elements = opts.max_xml_elements;
  if (opts.max_input_bytes != 0) cpp_opts.max_input_bytes = opts.max_input_bytes;
  const colreflow::document cpp_doc =
      colreflow::document::from_bytes(input, colreflow::input_format::auto_detect, cpp_opts);
  const std::string reference = text ? std::string(input) : colreflow::test::page_text(cpp_doc);
  std::string problem = colreflow::test::check_conservation(reference, cpp_doc);
  if (!problem.empty()) fail("characters lost or invented", problem.c_str());
  problem = colreflow::test::check_log(reference, cpp_doc);
  if (!problem.empty()) fail("repair log", problem.c_str());
  if (!text) {
    // The words read straight from the bytes, not through the reader the
    // format was detected for: a reader that skips text would hide it
    // from page_text.
    problem = colreflow::test::check_conservation(
        colreflow::test::source_words(input, static_cast<colreflow::input_format>(format)), cpp_doc);
    if (!problem.empty()) fail("characters of the file lost or invented", problem.c_str());
  }
  return 0;
}
