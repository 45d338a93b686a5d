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

// Table cells leave the flow of the columns: a reader takes the text around
// a table first and the table as a whole after it, column by column where
// the input numbers the columns, else row by row.
void append_tables(const page &p, std::vector<std::uint32_t> &order) {
  std::vector<std::uint32_t> cells;
  for (std::uint32_t i = 0; i < p.regions.size(); ++i)
    if (p.regions[i].table >= 0) cells.push_back(i);
  // Tables in the order their top-left cells come on the page.
  std::vector<std::pair<box, std::int32_t>> tables;
  for (std::uint32_t i : cells) {
    const region &r = p.regions[i];
    auto it = std::find_if(tables.begin(), tables.end(),
                           [&](const auto &t) { return t.second == r.table; });
    if (it == tables.end()) tables.push_back({r.bbox, r.table});
    else it->first = it->first.united(r.bbox);
  }
  auto table_rank = [&](std::int32_t table) {
    for (std::size_t k = 0; k < tables.size(); ++k)
      if (tables[k].second == table) return k;
    return tables.size();
  };
  std::sort(tables.begin(), tables.end(), [](const auto &a, const auto &b) {
    if (a.first.y0 != b.first.y0) return a.first.y0 < b.first.y0;
    return a.first.x0 < b.first.x0;
  });
  std::stable_sort(cells.begin(), cells.end(), [&](std::uint32_t a, std::uint32_t b) {
    const region &ra = p.regions[a], &rb = p.regions[b];
    const auto ta = table_rank(ra.table), tb = table_rank(rb.table);
    if (ta != tb) return ta < tb;
    if (ra.table_column != rb.table_column) return ra.table_column < rb.table_column;
    if (ra.bbox.y0 != rb.bbox.y0) return ra.bbox.y0 < rb.bbox.y0;
    return ra.bbox.x0 < rb.bbox.x0;
  });
  order.insert(order.end(), cells.begin(), cells.end());
}

}  // namespace

page_order order_regions(const page &p) {
  const std::int32_t line_height = median_line_height(p);
  std::vector<placed> items;
  std::vector<std::uint32_t> unplaced;
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) {
    const region &r = p.regions[i];
    if (r.table >= 0) continue;
    if (r.bbox.empty()) unplaced.push_back(i);
    else items.push_back({shrunk(r.bbox, line_height), i});
  }
  std::vector<std::uint32_t> order;
  order.reserve(p.regions.size());
  cut_in_reading_order(std::move(items), order);
  append_tables(p, order);
  order.insert(order.end(), unplaced.begin(), unplaced.end());
  page_order out;
  if (!order.empty()) out.articles.push_back(std::move(order));
  return out;
}

}  // namespace colreflow::detail
