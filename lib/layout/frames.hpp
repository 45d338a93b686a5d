// Boxes drawn with rules around a piece of text (a sidebar, a jumped tail).
#pragma once

#include <cstdint>
#include <vector>

#include "model/page.hpp"

namespace colreflow::detail {

// The frames the rules draw: a rule above and one below of the same extent
// (within `tolerance`), and a rule down at least one side between them
// (Tesseract reports each side of a frame as its own separator). In the
// order of the (top rule, bottom rule) pairs in `rules`, identical frames
// once, at most kMaxFrames of them.
std::vector<box> ruled_frames(const std::vector<separator> &rules, std::int32_t tolerance);

// A page with more ruled boxes than this is no newspaper page (a table
// drawn as boxes, or hostile input): the rest are not looked for, so that
// placing each region in its frame stays linear in the regions.
constexpr std::size_t kMaxFrames = 1000;

}  // namespace colreflow::detail
