// Frames are found through their sides: each vertical rule names the
// height a frame would start and end at, so only the horizontal rules
// near those heights are tried as its top and bottom. Trying every top
// with every bottom and every side was cubic in the rules: a page of
// 20,000 separators would not finish.
#include "layout/frames.hpp"

#include <algorithm>
#include <cstdlib>  // abs
#include <utility>  // pair

namespace colreflow::detail {
namespace {

bool horizontal(const box &b) { return b.width() > 3 * b.height(); }
bool vertical(const box &b) { return b.height() > 3 * b.width(); }

// Rule indices sorted by one coordinate, for the rules near a value.
struct sorted_by {
  std::vector<std::pair<std::int32_t, std::uint32_t>> keys;  // (coordinate, rule)

  // The rules whose coordinate lies in [lo, hi], in coordinate order.
  template <typename Visit>
  void near(std::int64_t lo, std::int64_t hi, Visit visit) const {
    auto it = std::lower_bound(keys.begin(), keys.end(), lo,
                               [](const auto &k, std::int64_t v) { return k.first < v; });
    for (; it != keys.end() && it->first <= hi; ++it) visit(it->second);
  }
};

}  // namespace

std::vector<box> ruled_frames(const std::vector<separator> &rules, std::int32_t tolerance) {
  auto near = [&](std::int32_t a, std::int32_t b) {
    return std::abs(std::int64_t{a} - b) <= tolerance;
  };
  sorted_by sides_by_top, bottoms_by_bottom;
  for (std::uint32_t i = 0; i < rules.size(); ++i) {
    const box &r = rules[i].bbox;
    if (vertical(r)) sides_by_top.keys.push_back({r.y0, i});
    if (horizontal(r)) bottoms_by_bottom.keys.push_back({r.y1, i});
  }
  std::sort(sides_by_top.keys.begin(), sides_by_top.keys.end());
  std::sort(bottoms_by_bottom.keys.begin(), bottoms_by_bottom.keys.end());

  std::vector<box> out;
  std::vector<std::int32_t> side_ends;
  std::vector<std::uint32_t> bottoms;
  for (std::uint32_t ti = 0; ti < rules.size() && out.size() < kMaxFrames; ++ti) {
    const box &t = rules[ti].bbox;
    if (!horizontal(t)) continue;
    // Where the sides that start at this top end (each height once).
    side_ends.clear();
    sides_by_top.near(std::int64_t{t.y0} - tolerance, std::int64_t{t.y0} + tolerance,
                      [&](std::uint32_t vi) {
                        const box &v = rules[vi].bbox;
                        if (near(v.x0, t.x0) || near(v.x1, t.x1)) side_ends.push_back(v.y1);
                      });
    std::sort(side_ends.begin(), side_ends.end());
    side_ends.erase(std::unique(side_ends.begin(), side_ends.end()), side_ends.end());
    // The bottoms that end where a side does, each once, in rule order.
    bottoms.clear();
    std::int64_t reached = INT64_MIN;  // bottoms up to here are collected already
    for (const std::int32_t end : side_ends) {
      const std::int64_t lo = std::max<std::int64_t>(std::int64_t{end} - tolerance, reached + 1);
      const std::int64_t hi = std::int64_t{end} + tolerance;
      bottoms_by_bottom.near(lo, hi, [&](std::uint32_t bi) {
        const box &b = rules[bi].bbox;
        if (b.y0 > t.y1 + tolerance && near(t.x0, b.x0) && near(t.x1, b.x1)) bottoms.push_back(bi);
      });
      reached = hi;
    }
    std::sort(bottoms.begin(), bottoms.end());
    for (const std::uint32_t bi : bottoms) {
      const box &b = rules[bi].bbox;
      const box frame{std::min(t.x0, b.x0), t.y0, std::max(t.x1, b.x1), b.y1};
      if (std::find_if(out.begin(), out.end(), [&](const box &f) {
            return f.x0 == frame.x0 && f.y0 == frame.y0 && f.x1 == frame.x1 && f.y1 == frame.y1;
          }) == out.end())
        out.push_back(frame);
      if (out.size() == kMaxFrames) break;
    }
  }
  return out;
}

}  // namespace colreflow::detail
