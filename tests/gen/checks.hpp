// checks.hpp - output checks shared by the variant tests and the eval tool.
//
// Every check returns an empty string when it holds, else a short message for people.
#pragma once

#include <string>
#include <string_view>

#include "gen/variant_gen.hpp"

namespace colreflow::testgen {

// Invariant 1 on text: every non-whitespace code point of the input appears in the output
// the same number of times, except '-', of which the output may have fewer (removed
// line-end hyphens).
std::string check_conservation(std::string_view input, std::string_view output);

// zh: no whitespace inside an output block (blocks are separated by blank lines) except
// where the expected text has the same whitespace between the same two characters
// (the dateline space, spaces inside a byline, the headline's line breaks, ...).
std::string check_zh_spacing(std::string_view output, std::string_view expected);

// "line 7: expected «…» got «…»" for the first differing line, or "" if equal.
std::string first_diff(std::string_view expected, std::string_view got);

// Block order as the eval tool measures it: each true chunk's text (whitespace removed,
// first 16 code points) is located in the output (whitespace and '-' removed); the order
// is right if every chunk is found and they appear in true order.
bool chunk_order_right(const variant &v, std::string_view output);
// The true indices of the chunks in the order the output has them (each
// chunk where its key first occurs; -1 entries for chunks not found).
std::vector<int> chunk_order_found(const variant &v, std::string_view output);

}  // namespace colreflow::testgen
