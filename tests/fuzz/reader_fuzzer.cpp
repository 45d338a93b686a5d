// reader_fuzzer: one geometry reader (hOCR, ALTO, PAGE XML or Tesseract
// TSV) through the C API. Built once per reader, with CRF_FUZZ_INPUT set to
// its crf_input (hocr_fuzzer, alto_fuzzer, page_fuzzer, tsv_fuzzer), so
// that each reader is a target of its own with its own corpus. Built like
// text_fuzzer: libFuzzer with clang, the standalone driver with gcc.
//
// Invariants checked on every input (DESIGN.md, "Invariants"):
//   - no crash, no sanitizer report;
//   - a failure is CRF_EINVALID or CRF_ELIMIT with a message naming the
//     source, and leaves *out NULL;
//   - on success, txt, md, json and the input's own format render; the text
//     formats are valid UTF-8; rendering twice, and reading the same bytes
//     again, give the same bytes (deterministic);
//   - the layout puts every region of the page in the order exactly once;
//   - nothing lost, nothing invented: the txt output holds the
//     non-whitespace characters of every line the reader gave, as often,
//     line-end hyphens aside (each removed one logged); and the same holds
//     for the words read straight from the file (tests/support source_words);
//   - the repair log agrees with the change (tests/support check_log).
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
#include "model/document.hpp"
#include "fuzz_checks.hpp"
#include "support/invariants.hpp"
#include "support/source_words.hpp"
#include "text/chars.hpp"

#ifndef CRF_FUZZ_INPUT
#error "define CRF_FUZZ_INPUT to the crf_input this target reads"
#endif

const char *const colreflow::fuzz::kFuzzTarget = "reader_fuzzer";

namespace {

using colreflow::fuzz::check;
using colreflow::fuzz::fail;
using colreflow::fuzz::render_all;
using colreflow::fuzz::view;

constexpr std::size_t kMaxInput = std::size_t{1} << 20;
constexpr crf_input kInput = CRF_FUZZ_INPUT;

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
  if (size > kMaxInput) return 0;
  const char *bytes = reinterpret_cast<const char *>(data);

  crf_document *doc = reinterpret_cast<crf_document *>(&doc);  // must be overwritten
  const crf_status status = crf_document_from_bytes(&doc, bytes, size, kInput, "fuzz", nullptr);
  if (status != CRF_OK) {
    check(doc == nullptr, "failed crf_document_from_bytes left *out set");
    check(status == CRF_EINVALID || status == CRF_ELIMIT, "failure other than EINVALID/ELIMIT");
    check(std::strncmp(crf_error_last(), "fuzz", 4) == 0, "message does not name the source");
    return 0;
  }
  check(doc != nullptr, "CRF_OK without a document");
  check(crf_document_input(doc) == kInput, "read as another format than asked");
  const std::vector<std::string> first = render_all(doc);
  crf_document_free(doc);

  // Deterministic: the same bytes read again give the same outputs.
  doc = nullptr;
  check(crf_document_from_bytes(&doc, bytes, size, kInput, "fuzz", nullptr) == CRF_OK,
        "second read failed");
  check(render_all(doc) == first, "reading the same bytes twice gave different outputs");
  crf_document_free(doc);

  const colreflow::document cpp_doc = colreflow::document::from_bytes(
      std::string_view(bytes, size), static_cast<colreflow::input_format>(kInput));
  check_order(cpp_doc.impl());
  const std::string page = colreflow::test::page_text(cpp_doc);
  std::string problem = colreflow::test::check_conservation(page, cpp_doc);
  if (!problem.empty()) fail("characters lost or invented", problem.c_str());
  problem = colreflow::test::check_log(page, cpp_doc);
  if (!problem.empty()) fail("repair log", problem.c_str());
  // The same against the words read straight from the bytes, not through
  // the reader: a reader that skips text would hide it from page_text.
  problem = colreflow::test::check_conservation(
      colreflow::test::source_words(std::string_view(bytes, size),
                                    static_cast<colreflow::input_format>(kInput)),
      cpp_doc);
  if (!problem.empty()) fail("characters of the file lost or invented", problem.c_str());
  return 0;
}
