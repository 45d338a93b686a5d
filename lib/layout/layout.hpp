// Layout: regions with boxes -> reading order, from the page's geometry.
#pragma once

#include "model/page.hpp"

namespace colreflow::detail {

// Order the regions of a page: columns left to right, bands cut by
// elements spanning several columns, top to bottom inside a column. Every
// region appears exactly once; regions without a box keep their file order
// at the end.
page_order order_regions(const page &p);

}  // namespace colreflow::detail
