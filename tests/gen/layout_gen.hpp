// Generated newspaper page layouts with a known reading order, for the
// layout stage: bands of 2-6 columns, spanning headlines, rules between
// bands, running heads, region boxes overlapping their neighbours.
#pragma once

#include <cstdint>
#include <vector>

#include "model/page.hpp"

namespace colreflow::test {

struct generated_layout {
  detail::page page;                // regions in a shuffled file order
  std::vector<std::uint32_t> truth;  // region indices in reading order
};

generated_layout generate_layout(std::uint32_t seed);

// Kendall tau between the truth and an order over the same items.
double kendall_tau(const std::vector<std::uint32_t> &truth,
                   const std::vector<std::uint32_t> &order);

}  // namespace colreflow::test
