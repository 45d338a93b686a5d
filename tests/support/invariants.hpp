// Invariant checks shared by every test (see DESIGN.md, "Invariants").
#pragma once

#include <string>
#include <string_view>

#include "colreflow/colreflow.hpp"

namespace colreflow::test {

// Nothing lost, nothing invented: every non-whitespace code point of
// `input` (after a leading BOM) occurs exactly as often in the txt output
// of `doc`, except line-end hyphens the repair log says were removed (one
// dehyphenation entry each). Returns "" when that holds, otherwise a
// readable description of the first differences: code point, both counts.
// `input` must be valid UTF-8 (the document was made from it).
std::string check_conservation(std::string_view input, const colreflow::document &doc);

}  // namespace colreflow::test
