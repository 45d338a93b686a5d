#include "layout/layout.hpp"

#include <algorithm>
#include <climits>  // INT32_MAX

#include "layout/frames.hpp"
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

std::int32_t median_body_width(const page &p) {
  std::vector<std::int32_t> w;
  for (const region &r : p.regions)
    if (r.table < 0 && r.lines.size() >= 3 && !r.bbox.empty()) w.push_back(r.bbox.width());
  if (w.empty())
    for (const region &r : p.regions)
      if (!r.bbox.empty()) w.push_back(r.bbox.width());
  if (w.empty()) return 0;
  std::nth_element(w.begin(), w.begin() + w.size() / 2, w.end());
  return w[w.size() / 2];
}

// A landscape scan of newspaper pages holds two pages side by side: 1 for
// a box on the right-hand page, else 0.
int page_half(const page &p, const box &b) {
  const bool spread = p.width > 0 && p.height > 0 && p.width > p.height;
  return spread && b.x0 + b.width() / 2 > p.width / 2 ? 1 : 0;
}

std::int64_t x_overlap(const box &a, const box &b) {
  return std::max(0, std::min(a.x1, b.x1) - std::max(a.x0, b.x0));
}

// A piece of furniture heading a column: the nearest region below it that
// lies under at least half of it, else the one below it overlaps most; -1
// when nothing lies below.
std::int64_t column_below(const page &p, std::uint32_t head, const std::vector<bool> &flow) {
  const box &h = p.regions[head].bbox;
  std::int64_t nearest = -1, widest = -1, widest_overlap = 0;
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) {
    if (!flow[i] || i == head) continue;
    const box &b = p.regions[i].bbox;
    if (b.y0 < h.y0 + h.height() / 2) continue;  // not below
    const std::int64_t o = x_overlap(h, b);
    if (2 * o >= h.width() && (nearest < 0 || b.y0 < p.regions[nearest].bbox.y0)) nearest = i;
    if (o > widest_overlap) {
      widest = i;
      widest_overlap = o;
    }
  }
  return nearest >= 0 ? nearest : widest;
}

// Page furniture at the very top of the page: a one-line header or caption
// (a running head, a date, an issue number), no wider than a column and a
// half, with nothing above it. A header under a masthead belongs to the
// masthead's band (the date line of a front page) and is read there.
// The smallest frame that holds `b` (within `tolerance`), else an empty box.
box frame_around(const box &b, const std::vector<box> &frames, std::int32_t tolerance) {
  box best{};
  for (const box &f : frames)
    if (b.x0 >= f.x0 - tolerance && b.y0 >= f.y0 - tolerance && b.x1 <= f.x1 + tolerance &&
        b.y1 <= f.y1 + tolerance && (best.empty() || f.area() < best.area()))
      best = f;
  return best;
}

// `top` is the highest bottom edge of any region with a box: a region
// starting above it has nothing above it.
bool is_top_furniture(const page &p, std::uint32_t i, std::int32_t body_width, std::int32_t top) {
  const region &r = p.regions[i];
  if ((r.hint != region_hint::header && r.hint != region_hint::caption) || r.lines.size() > 1 ||
      r.bbox.width() * 2 > body_width * 3)
    return false;
  return r.bbox.y0 < top;
}

std::int32_t highest_bottom(const page &p) {
  std::int32_t top = INT32_MAX;
  for (const region &o : p.regions)
    if (!o.bbox.empty()) top = std::min(top, o.bbox.y1);
  return top;
}

// Page numbers and running heads open their page; a landscape scan holds
// two pages side by side, each with its own.
void put_openers_first(const page &p, std::vector<std::uint32_t> numbers,
                       std::vector<std::uint32_t> &order) {
  auto half = [&](const box &b) { return page_half(p, b); };
  std::sort(numbers.begin(), numbers.end(), [&](std::uint32_t a, std::uint32_t b) {
    return p.regions[a].bbox.x0 > p.regions[b].bbox.x0;  // inserted in turn at the front
  });
  for (std::uint32_t n : numbers) {
    const int side = half(p.regions[n].bbox);
    auto at = std::find_if(order.begin(), order.end(),
                           [&](std::uint32_t r) { return half(p.regions[r].bbox) == side; });
    order.insert(at, n);
  }
}

}  // namespace

page_order order_regions(const page &p) {
  const std::int32_t line_height = median_line_height(p);
  const std::int32_t body_width = median_body_width(p);
  std::vector<bool> flow(p.regions.size(), false);
  for (std::uint32_t i = 0; i < p.regions.size(); ++i)
    flow[i] = p.regions[i].table < 0 && !p.regions[i].bbox.empty();

  // Page numbers open their page, and so does a lone running head. A row
  // of furniture pieces side by side (date | title | issue number) sits
  // over particular columns: each piece goes with the column below it.
  std::vector<std::uint32_t> openers;
  std::vector<std::uint32_t> furniture;
  const std::int32_t top = highest_bottom(p);
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) {
    if (!flow[i]) continue;
    if (p.regions[i].hint == region_hint::page_number) openers.push_back(i);
    else if (is_top_furniture(p, i, body_width, top)) furniture.push_back(i);
  }
  for (std::uint32_t i : openers) flow[i] = false;
  // Every piece starts above every region's bottom edge, so any two pieces
  // overlap in height: pieces on the same page half make a row.
  int pieces_on_half[2] = {0, 0};
  for (std::uint32_t i : furniture) ++pieces_on_half[page_half(p, p.regions[i].bbox)];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> heads;  // (piece, region it heads)
  for (std::uint32_t i : furniture) {
    const box &b = p.regions[i].bbox;
    const bool in_row = pieces_on_half[page_half(p, b)] > 1;
    if (!in_row) {
      openers.push_back(i);
      flow[i] = false;
      continue;
    }
    const std::int64_t below = column_below(p, i, flow);
    if (below >= 0) {
      heads.push_back({i, static_cast<std::uint32_t>(below)});
      flow[i] = false;
    }
  }

  const std::vector<box> frames = ruled_frames(p.separators, line_height);
  std::vector<placed> items;
  std::vector<std::uint32_t> unplaced;
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) {
    if (flow[i]) items.push_back({shrunk(p.regions[i].bbox, line_height), i, p.regions[i].bbox,
                       !p.regions[i].lines.empty() && p.regions[i].lines.size() <= 3,
                       frame_around(p.regions[i].bbox, frames, line_height)});
    else if (p.regions[i].table < 0 && p.regions[i].bbox.empty()) unplaced.push_back(i);
  }
  // Long horizontal rules cut the page into bands; they are not read.
  for (const separator &s : p.separators)
    if (s.bbox.width() >= 3 * s.bbox.height() && s.bbox.width() * 10 >= body_width * 13)
      items.push_back({s.bbox, placed::kRule, s.bbox});

  std::vector<std::uint32_t> order;
  order.reserve(p.regions.size());
  cut_in_reading_order(std::move(items), order, line_height);
  for (const auto &[head, below] : heads)
    order.insert(std::find(order.begin(), order.end(), below), head);
  put_openers_first(p, openers, order);
  append_tables(p, order);
  order.insert(order.end(), unplaced.begin(), unplaced.end());
  page_order out;
  if (!order.empty()) out.articles.push_back(std::move(order));
  return out;
}

}  // namespace colreflow::detail
