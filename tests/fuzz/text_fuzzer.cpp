// text_fuzzer: plain OCR text through the C API, as an outside caller would
// drive it: crf_document_from_text, render in every format, report, free.
//
// Built with libFuzzer (clang -fsanitize=fuzzer) this is a libFuzzer target;
// built with gcc it links standalone_driver.cpp instead. Either way, every
// broken invariant aborts, so the driver (and ASan/UBSan) reports it.
//
// Invariants checked on every input (DESIGN.md, "Invariants"):
//   - no crash, no sanitizer report;
//   - a failure is CRF_EINVALID with a message and leaves *out NULL
//     (inputs here are under the default limit, so never CRF_ELIMIT);
//   - on success, every format and the report render; buffers are
//     NUL-terminated; txt, md and json are valid UTF-8;
//   - deterministic: rendering twice, and crf_repair_text, give the same bytes;
//   - nothing lost, nothing invented: tests/support's conservation check;
//   - the repair log agrees with the change (tests/support's check_log).
#include <cstddef>  // size_t
#include <cstdint>  // uint8_t
#include <cstdio>   // fprintf
#include <cstdlib>  // abort
#include <cstring>  // memcmp, strlen
#include <string>
#include <string_view>

#include "colreflow/colreflow.h"
#include "colreflow/colreflow.hpp"
#include "fuzz_checks.hpp"
#include "support/invariants.hpp"
#include "text/chars.hpp"  // invalid_utf8_at

const char *const colreflow::fuzz::kFuzzTarget = "text_fuzzer";

namespace {

using colreflow::fuzz::check;
using colreflow::fuzz::fail;
using colreflow::fuzz::view;

// Pages are well under 1 MiB of text; larger inputs only slow the search.
constexpr std::size_t kMaxInput = std::size_t{1} << 20;

void check_buf(const crf_buf &b, const char *what) {
  if (b.ptr == nullptr) fail(what, "NULL buffer on CRF_OK");
  if (b.ptr[b.size] != '\0') fail(what, "buffer not NUL-terminated");
  if (colreflow::detail::invalid_utf8_at(view(b)) != std::string_view::npos)
    fail(what, "output is not valid UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > kMaxInput) return 0;
  const char *bytes = reinterpret_cast<const char *>(data);

  crf_document *doc = reinterpret_cast<crf_document *>(&doc);  // must be overwritten
  const crf_status status = crf_document_from_text(&doc, bytes, size, "fuzz.txt", nullptr);
  if (status != CRF_OK) {
    check(doc == nullptr, "failed crf_document_from_text left *out set");
    check(status == CRF_EINVALID, "failure other than CRF_EINVALID");
    check(std::strlen(crf_error_last()) > 0, "failure without a message");
    crf_buf out = CRF_BUF_INIT;
    check(crf_repair_text(&out, bytes, size, CRF_FORMAT_TXT, nullptr) == status,
          "crf_repair_text disagrees with crf_document_from_text");
    check(out.ptr == nullptr, "failed crf_repair_text left a buffer");
    return 0;
  }
  check(doc != nullptr, "CRF_OK without a document");

  const crf_format formats[] = {CRF_FORMAT_TXT, CRF_FORMAT_MD, CRF_FORMAT_JSON};
  crf_buf txt = CRF_BUF_INIT;
  for (const crf_format f : formats) {
    crf_buf out = CRF_BUF_INIT;
    check(crf_document_render(&out, doc, f) == CRF_OK, "crf_document_render failed");
    check_buf(out, f == CRF_FORMAT_TXT ? "txt" : f == CRF_FORMAT_MD ? "md" : "json");
    if (f == CRF_FORMAT_TXT) {
      txt = out;  // kept for the comparisons below
    } else {
      crf_buf_dispose(&out);
    }
  }

  crf_buf again = CRF_BUF_INIT;
  check(crf_document_render(&again, doc, CRF_FORMAT_TXT) == CRF_OK, "second render failed");
  check(view(again) == view(txt), "rendering txt twice gave different bytes");
  crf_buf_dispose(&again);
  check(crf_repair_text(&again, bytes, size, CRF_FORMAT_TXT, nullptr) == CRF_OK,
        "crf_repair_text failed where crf_document_from_text succeeded");
  check(view(again) == view(txt), "crf_repair_text and render(txt) differ");
  crf_buf_dispose(&again);

  crf_buf report = CRF_BUF_INIT;
  check(crf_document_report(&report, doc) == CRF_OK, "crf_document_report failed");
  check_buf(report, "report");
  crf_buf_dispose(&report);
  (void)crf_document_repair_count(doc);

  crf_buf_dispose(&txt);
  crf_document_free(doc);

  // Conservation needs the repair log, which only the C++ side exposes.
  const std::string_view input(bytes, size);
  const colreflow::document cpp_doc = colreflow::document::from_text(input);
  const std::string lost = colreflow::test::check_conservation(input, cpp_doc);
  if (!lost.empty()) fail("characters lost or invented", lost.c_str());
  const std::string log = colreflow::test::check_log(input, cpp_doc);
  if (!log.empty()) fail("repair log", log.c_str());
  return 0;
}
