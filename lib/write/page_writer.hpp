// PAGE XML writer: the input file with a new ReadingOrder.
#pragma once

#include <string>

#include "model/page.hpp"

namespace colreflow::detail {

// The input PAGE document with its ReadingOrder replaced by the order found:
// an OrderedGroup holding one OrderedGroupIndexed per article, each listing
// its regions as RegionRefIndexed. Transkribus' `readingOrder {index:N;}` in
// region `custom` attributes is renumbered to match. Nothing else changes.
std::string write_page_xml(const page &p, const page_order &order);

}  // namespace colreflow::detail
