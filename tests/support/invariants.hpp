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

// The text a geometry input's reader gave: every line of every region in
// file order, one per line, after a line end ("" for a plain-text document). What the
// conservation and log checks compare a geometry document's output with.
std::string page_text(const colreflow::document &doc);

// The repair log agrees with the change made: every entry names source
// lines within the document's lines (or 0 and 0 for an
// entry about a region without text) and a confidence in 0..1; and when no
// entry moves text (block_moved, heading_placed), the txt output keeps the
// non-whitespace characters of `input` in input order, line-end hyphens
// aside. Returns "" when that holds, else what broke.
std::string check_log(std::string_view input, const colreflow::document &doc);

}  // namespace colreflow::test
