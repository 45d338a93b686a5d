// Heading lines in plain text: lines that cannot be body lines by their
// shape, confirmed by their neighbours.
#pragma once

#include <vector>

#include "model/document.hpp"
#include "text/line_shape.hpp"

namespace colreflow::detail {

// One role per line: headline, subheading, byline (a credit line of its
// own) or body. Blank lines get role::unknown. `maybe` marks body lines that
// may as well be heading lines (a short line closing a chunk after a
// heading): only the text that follows them in reading order can tell.
std::vector<role> find_heading_roles(const std::vector<line> &lines,
                                     const column_metrics &metrics, std::vector<bool> &maybe);

}  // namespace colreflow::detail
