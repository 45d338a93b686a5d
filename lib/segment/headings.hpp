// Heading lines in plain text: lines that cannot be body lines by their
// shape, confirmed by their neighbours.
#pragma once

#include <vector>

#include "model/document.hpp"
#include "text/line_shape.hpp"

namespace colreflow::detail {

// One role per line: headline, subheading, byline (a credit line of its
// own) or body. Blank lines get role::unknown.
std::vector<role> find_heading_roles(const std::vector<line> &lines,
                                     const std::vector<line_shape> &shapes,
                                     const column_metrics &metrics);

}  // namespace colreflow::detail
