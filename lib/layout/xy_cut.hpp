// Recursive cuts of a set of boxes into columns and bands.
#pragma once

#include <cstdint>
#include <vector>

#include "model/page.hpp"

namespace colreflow::detail {

struct placed {
  static constexpr std::uint32_t kRule = 0xFFFFFFFF;  // a printed rule: cuts, not read

  box bbox;           // shrunk: neighbours' boxes overlap by a few percent
  std::uint32_t id;   // region index, or kRule
};

// Appends the ids of `items` to `out` in reading order. Cuts at vertical
// gutters first (columns, left to right); where none runs through the whole
// set, the elements spanning the column grid cut it into bands read top to
// bottom; what no cut separates is read top to bottom, left to right.
void cut_in_reading_order(std::vector<placed> items, std::vector<std::uint32_t> &out);

}  // namespace colreflow::detail
