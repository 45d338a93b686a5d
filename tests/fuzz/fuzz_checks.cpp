#include "fuzz_checks.hpp"

#include <cstdio>   // fprintf
#include <cstdlib>  // abort

#include "text/chars.hpp"  // invalid_utf8_at

namespace colreflow::fuzz {

void fail(const char *what, const char *detail) {
  std::fprintf(stderr, "%s: invariant broken: %s%s%s\n", kFuzzTarget, what,
               *detail != '\0' ? ": " : "", detail);
  std::abort();
}

void check(bool cond, const char *what) {
  if (!cond) fail(what, crf_error_last());
}

std::string_view view(const crf_buf &b) { return {b.ptr, b.size}; }

std::vector<std::string> render_all(const crf_document *doc) {
  const bool geometry = crf_document_input(doc) != CRF_INPUT_TEXT;
  std::vector<std::string> out;
  const crf_format formats[] = {CRF_FORMAT_TXT, CRF_FORMAT_MD, CRF_FORMAT_JSON, CRF_FORMAT_SOURCE};
  for (const crf_format f : formats) {
    crf_buf b = CRF_BUF_INIT, again = CRF_BUF_INIT;
    const crf_status s = crf_document_render(&b, doc, f);
    if (f == CRF_FORMAT_SOURCE && !geometry) {
      check(s == CRF_EUSAGE && b.ptr == nullptr, "source format of a text input did not fail");
      continue;
    }
    check(s == CRF_OK, "crf_document_render failed");
    check(b.ptr != nullptr && b.ptr[b.size] == '\0', "bad buffer");
    if (f != CRF_FORMAT_SOURCE &&
        colreflow::detail::invalid_utf8_at(view(b)) != std::string_view::npos)
      fail("output is not valid UTF-8");
    check(crf_document_render(&again, doc, f) == CRF_OK, "second render failed");
    check(view(b) == view(again), "rendering twice gave different bytes");
    out.emplace_back(view(b));
    crf_buf_dispose(&b);
    crf_buf_dispose(&again);
  }
  crf_buf report = CRF_BUF_INIT;
  check(crf_document_report(&report, doc) == CRF_OK, "crf_document_report failed");
  check(report.ptr != nullptr && report.ptr[report.size] == '\0', "bad report buffer");
  out.emplace_back(view(report));
  crf_buf_dispose(&report);
  return out;
}

}  // namespace colreflow::fuzz
