// Reading the numbers of geometry attributes (coordinates, confidences)
// quickly: a page has tens of thousands of them.
#pragma once

#include <charconv>  // from_chars_result
#include <string_view>

namespace colreflow::detail {

// std::from_chars(first, last, out) for a double, with the same result in
// every case, taking a short cut for the plain decimals ("1234", "0.93",
// "-12.5") that make up nearly all coordinates.
std::from_chars_result decimal_from_chars(const char *first, const char *last, double &out);

}  // namespace colreflow::detail
