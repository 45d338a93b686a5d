// Checks the fuzz targets share. A broken invariant prints its target's
// name (kFuzzTarget, defined by each target that uses these) and aborts, so
// the fuzzing engine keeps the input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "colreflow/colreflow.h"

namespace colreflow::fuzz {

extern const char *const kFuzzTarget;

[[noreturn]] void fail(const char *what, const char *detail = "");
// Fails with crf_error_last() as the detail.
void check(bool cond, const char *what);
std::string_view view(const crf_buf &b);

// The bytes of every format and of the report, in order. Each format is
// rendered twice and must give the same bytes in a NUL-terminated buffer,
// txt, md and json valid UTF-8; the input's own format must fail with
// CRF_EUSAGE for a plain-text input (and is then left out).
std::vector<std::string> render_all(const crf_document *doc);

}  // namespace colreflow::fuzz
