#include "write/stats.hpp"

#include <algorithm>  // lower_bound
#include <cstdint>    // uint32_t
#include <vector>

namespace colreflow::detail {
namespace {

// Length of the longest strictly increasing subsequence, O(n log n).
std::size_t longest_increasing_run(const std::vector<std::uint32_t> &v) {
  std::vector<std::uint32_t> tails;  // tails[k]: smallest tail of a run of k+1
  for (std::uint32_t x : v) {
    auto it = std::lower_bound(tails.begin(), tails.end(), x);
    if (it == tails.end()) {
      tails.push_back(x);
    } else {
      *it = x;
    }
  }
  return tails.size();
}

}  // namespace

document_stats compute_stats(const document &doc) {
  document_stats s;
  s.lines = doc.lines.size();
  s.blocks = doc.blocks.size();
  s.blocks_moved = doc.order.size() - longest_increasing_run(doc.order);
  if (doc.geometry) {
    std::vector<std::uint32_t> regions;
    for (const auto &art : doc.region_order.articles)
      regions.insert(regions.end(), art.begin(), art.end());
    s.regions = regions.size();
    s.regions_moved = regions.size() - longest_increasing_run(regions);
  }
  for (const repair &r : doc.log.entries) {
    const auto k = static_cast<std::size_t>(r.kind);
    if (k < s.repairs.size()) ++s.repairs[k];
  }
  return s;
}

}  // namespace colreflow::detail
