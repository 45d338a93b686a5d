// Boxes indexed by their horizontal extent, so that the ones overlapping a
// box across the page are found without looking at every other: the
// layout's tests of "what lies under this piece" cost the pieces found,
// not the page's regions, on hostile pages of tens of thousands.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "model/page.hpp"

namespace colreflow::detail {

class x_index {
 public:
  // Indexes ids[k] with box boxes[k].
  x_index(const std::vector<std::uint32_t> &ids, const std::vector<box> &boxes) {
    std::vector<std::uint32_t> by_x0(ids.size());
    for (std::uint32_t k = 0; k < by_x0.size(); ++k) by_x0[k] = k;
    std::sort(by_x0.begin(), by_x0.end(), [&](std::uint32_t a, std::uint32_t b) {
      return boxes[a].x0 != boxes[b].x0 ? boxes[a].x0 < boxes[b].x0 : a < b;
    });
    for (std::uint32_t k : by_x0) {
      ids_.push_back(ids[k]);
      x0_.push_back(boxes[k].x0);
      x1_.push_back(boxes[k].x1);
    }
    leaves_ = 1;
    while (leaves_ < ids_.size()) leaves_ *= 2;
    max_x1_.assign(2 * leaves_, INT32_MIN);
    for (std::size_t k = 0; k < x1_.size(); ++k) max_x1_[leaves_ + k] = x1_[k];
    for (std::size_t k = leaves_ - 1; k >= 1; --k)
      max_x1_[k] = std::max(max_x1_[2 * k], max_x1_[2 * k + 1]);
  }

  // Calls f(id) for every indexed box with x0 < x1 and x1' > x0 (the box
  // overlaps [x0, x1) by more than a touch), in no particular order.
  template <class F>
  void for_each_overlapping(std::int32_t x0, std::int32_t x1, F &&f) const {
    // The boxes starting left of x1 are a prefix of the x0 order; of
    // those, a node whose right edges all stop at x0 or before is skipped.
    const std::size_t end =
        static_cast<std::size_t>(std::lower_bound(x0_.begin(), x0_.end(), x1) - x0_.begin());
    if (end == 0) return;
    struct span {
      std::size_t node, lo, hi;  // the node covers leaves [lo, hi)
    };
    std::vector<span> stack{{1, 0, leaves_}};
    while (!stack.empty()) {
      const span s = stack.back();
      stack.pop_back();
      if (s.lo >= end || max_x1_[s.node] <= x0) continue;
      if (s.hi - s.lo == 1) {
        f(ids_[s.lo]);
        continue;
      }
      const std::size_t mid = (s.lo + s.hi) / 2;
      stack.push_back({2 * s.node + 1, mid, s.hi});
      stack.push_back({2 * s.node, s.lo, mid});
    }
  }

 private:
  std::vector<std::uint32_t> ids_;
  std::vector<std::int32_t> x0_, x1_;
  std::size_t leaves_ = 1;
  std::vector<std::int32_t> max_x1_;  // a segment tree over the x0 order
};

}  // namespace colreflow::detail
