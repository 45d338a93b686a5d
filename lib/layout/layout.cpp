#include "layout/layout.hpp"

#include <algorithm>

#include "layout/xy_cut.hpp"

namespace colreflow::detail {
namespace {

// Region boxes drawn by hand or by an engine overlap their neighbours by a
// few percent; shrinking them lets gutters and gaps between them show.
box shrunk(const box &b, std::int32_t line_height) {
  const std::int32_t dx = b.width() / 20;
  const std::int32_t dy = std::min(b.height() / 4, line_height / 2);
  return {b.x0 + dx, b.y0 + dy, b.x1 - dx, b.y1 - dy};
}

std::int32_t median_line_height(const page &p) {
  std::vector<std::int32_t> h;
  for (const region &r : p.regions)
    for (const text_line &l : r.lines)
      if (!l.bbox.empty()) h.push_back(l.bbox.height());
  if (h.empty()) return 0;
  std::nth_element(h.begin(), h.begin() + h.size() / 2, h.end());
  return h[h.size() / 2];
}

}  // namespace

page_order order_regions(const page &p) {
  const std::int32_t line_height = median_line_height(p);
  std::vector<placed> items;
  std::vector<std::uint32_t> unplaced;
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) {
    const box &b = p.regions[i].bbox;
    if (b.empty()) unplaced.push_back(i);
    else items.push_back({shrunk(b, line_height), i});
  }
  std::vector<std::uint32_t> order;
  order.reserve(p.regions.size());
  cut_in_reading_order(std::move(items), order);
  order.insert(order.end(), unplaced.begin(), unplaced.end());
  page_order out;
  if (!order.empty()) out.articles.push_back(std::move(order));
  return out;
}

}  // namespace colreflow::detail
