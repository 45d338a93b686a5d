#include "write/stats.hpp"

#include <algorithm>  // count, lower_bound
#include <cstdint>    // uint32_t, SIZE_MAX
#include <vector>

namespace colreflow::detail {
std::vector<bool> on_longest_run(const std::vector<std::uint32_t> &order) {
  std::vector<std::size_t> tails;                           // positions ending runs
  std::vector<std::size_t> before(order.size(), SIZE_MAX);  // predecessor on the run
  for (std::size_t i = 0; i < order.size(); ++i) {
    auto it = std::lower_bound(tails.begin(), tails.end(), order[i],
                               [&](std::size_t t, std::uint32_t x) { return order[t] < x; });
    if (it != tails.begin()) before[i] = *(it - 1);
    if (it == tails.end()) tails.push_back(i);
    else *it = i;
  }
  std::vector<bool> on(order.size(), false);
  for (std::size_t i = tails.empty() ? SIZE_MAX : tails.back(); i != SIZE_MAX; i = before[i])
    on[i] = true;
  return on;
}

namespace {

std::size_t moved(const std::vector<std::uint32_t> &order) {
  const std::vector<bool> kept = on_longest_run(order);
  return static_cast<std::size_t>(std::count(kept.begin(), kept.end(), false));
}

}  // namespace

document_stats compute_stats(const document &doc) {
  document_stats s;
  s.lines = doc.lines.size();
  s.blocks = doc.blocks.size();
  s.blocks_moved = moved(doc.order);
  if (doc.geometry) {
    const std::vector<std::uint32_t> regions = doc.region_order.flattened();
    s.regions = regions.size();
    s.regions_moved = moved(regions);
  }
  for (const repair &r : doc.log.entries) {
    const auto k = static_cast<std::size_t>(r.kind);
    if (k < s.repairs.size()) ++s.repairs[k];
  }
  return s;
}

}  // namespace colreflow::detail
