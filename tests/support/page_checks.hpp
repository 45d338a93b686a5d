// Figures of a read page, shared by the reader and writer tests.
#pragma once

#include <cstddef>
#include <string>
#include <tuple>
#include <vector>

#include "model/page.hpp"

namespace colreflow::test {

// Every word with its box, sorted: what a round trip or two readers of one
// OCR run must agree on.
using word_key = std::tuple<std::string, int, int, int, int>;
std::vector<word_key> words_of(const detail::page &p);

// Lines over all regions.
std::size_t line_count(const detail::page &p);

// Every region in file order, as one article: writing back with it changes
// no order.
detail::page_order identity_order(const detail::page &p);

}  // namespace colreflow::test
