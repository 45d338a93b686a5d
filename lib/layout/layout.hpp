// Layout: regions with boxes -> reading order, from the page's geometry.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // int32_t, uint32_t
#include <vector>

#include "model/page.hpp"

namespace colreflow::detail {

// A region of one or two lines in body type whose words part where a
// gutter between columns runs: a line the engine ran across that gutter.
// The gutter's middle lies in the white between words lo and hi.
struct gutter_cut {
  std::uint32_t region = 0;
  std::int32_t lo = 0, hi = 0;
  bool more_left = false;  // more of its words stand left of the gap
};

// Order the regions of a page: columns left to right, bands cut by
// elements spanning several columns, top to bottom inside a column. Every
// region appears exactly once; regions without a box keep their file order
// at the end. A region run across a gutter is placed with the side holding
// more of its words, and `cuts` (if not null) is told of it.
page_order order_regions(const page &p, std::vector<gutter_cut> *cuts = nullptr);

// The words of each cut region on the side holding fewer of them move to a
// region of their own, appended to p.regions (region::split_from says
// whose), line by line: a line keeps its id, type size and source line,
// and a line left without words stays, blank, so line numbers hold. Boxes
// are the words' again. Each region is split once, at its first cut, and
// only where its lines' text is all in their words.
// Returns the number of regions added.
std::size_t split_at_gutters(page &p, const std::vector<gutter_cut> &cuts);

}  // namespace colreflow::detail
