// geometry_fuzzer: hOCR, ALTO, PAGE XML and Tesseract TSV through the C API.
// The first byte picks how the input is read (detected, or forced to one
// format), the rest is the file. Built like text_fuzzer: libFuzzer with
// clang, the standalone driver with gcc.
//
// Invariants checked on every input:
//   - no crash, no sanitizer report;
//   - a failure is CRF_EINVALID (or CRF_EUSAGE for nothing) with a message,
//     and leaves *out NULL;
//   - on success, txt, md, json and the input's own format render; the text
//     formats are valid UTF-8; rendering twice gives the same bytes;
//   - the layout puts every region of the page in the order exactly once,
//     and every region's text lines reach the laid-out text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "colreflow/colreflow.h"
#include "colreflow/colreflow.hpp"
#include "model/document.hpp"
#include "text/chars.hpp"

namespace {

constexpr std::size_t kMaxInput = std::size_t{1} << 20;

[[noreturn]] void fail(const char *what, const char *detail = "") {
  std::fprintf(stderr, "geometry_fuzzer: invariant broken: %s%s%s\n", what,
               *detail != '\0' ? ": " : "", detail);
  std::abort();
}

void check(bool cond, const char *what) {
  if (!cond) fail(what, crf_error_last());
}

std::string_view view(const crf_buf &b) { return {b.ptr, b.size}; }

void check_order(const colreflow::detail::document &d) {
  if (!d.geometry) return;
  std::vector<int> seen(d.geometry->regions.size(), 0);
  for (std::uint32_t r : d.region_order.flattened()) {
    if (r >= seen.size()) fail("region index out of range");
    ++seen[r];
  }
  for (int n : seen)
    if (n != 1) fail("a region is missing from the order, or appears twice");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0 || size > kMaxInput) return 0;
  const crf_input inputs[] = {CRF_INPUT_AUTO, CRF_INPUT_HOCR, CRF_INPUT_ALTO, CRF_INPUT_PAGE,
                              CRF_INPUT_TSV};
  const crf_input input = inputs[data[0] % (sizeof inputs / sizeof inputs[0])];
  const char *bytes = reinterpret_cast<const char *>(data + 1);
  const std::size_t n = size - 1;

  crf_document *doc = reinterpret_cast<crf_document *>(&doc);  // must be overwritten
  const crf_status status = crf_document_from_bytes(&doc, bytes, n, input, "fuzz", nullptr);
  if (status != CRF_OK) {
    check(doc == nullptr, "failed crf_document_from_bytes left *out set");
    check(status == CRF_EINVALID, "failure other than CRF_EINVALID");
    check(std::strlen(crf_error_last()) > 0, "failure without a message");
    return 0;
  }
  check(doc != nullptr, "CRF_OK without a document");
  const bool geometry = crf_document_input(doc) != CRF_INPUT_TEXT;
  const crf_format formats[] = {CRF_FORMAT_TXT, CRF_FORMAT_MD, CRF_FORMAT_JSON, CRF_FORMAT_SOURCE};
  for (const crf_format f : formats) {
    crf_buf out = CRF_BUF_INIT, again = CRF_BUF_INIT;
    const crf_status s = crf_document_render(&out, doc, f);
    if (f == CRF_FORMAT_SOURCE && !geometry) {
      check(s == CRF_EUSAGE, "source format of a text input did not fail with CRF_EUSAGE");
      continue;
    }
    check(s == CRF_OK, "crf_document_render failed");
    check(out.ptr != nullptr && out.ptr[out.size] == '\0', "bad buffer");
    if (f != CRF_FORMAT_SOURCE && colreflow::detail::invalid_utf8_at(view(out)) != std::string_view::npos)
      fail("output is not valid UTF-8");
    check(crf_document_render(&again, doc, f) == CRF_OK, "second render failed");
    check(view(out) == view(again), "rendering twice gave different bytes");
    crf_buf_dispose(&out);
    crf_buf_dispose(&again);
  }
  crf_document_free(doc);

  const colreflow::document cpp_doc = colreflow::document::from_bytes(
      std::string_view(bytes, n), static_cast<colreflow::input_format>(input));
  check_order(cpp_doc.impl());
  return 0;
}
