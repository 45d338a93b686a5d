// Segment: lines -> blocks that the order solver moves as whole pieces.
#pragma once

#include "model/document.hpp"

namespace colreflow::detail {

// Detect the script, then cut `doc.lines` into blocks at blank lines and at
// role changes (headline, subheading lines), assigning roles on the way.
void segment_blocks(document &doc);

}  // namespace colreflow::detail
