// Overlay writer: the page image with the regions and the reading order
// found drawn over it, for a reader checking the order by eye.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace colreflow::detail {

// The page image with each region outlined and coloured by its role, its
// number in reading order written inside its top-left corner, and an arrow
// from each region to the next one of the same article. PNG bytes, 32 bpp
// RGB, the size of the image.
//
// A region's role is that of the block holding its first laid-out line
// (light grey when it has no text): headline red, subheading orange,
// dateline and body blue, byline green, caption purple, furniture grey.
// Region boxes are scaled from the page's size to the image's when they
// differ (ALTO in mm10 or inch1200 units, a smaller preview image).
//
// Throws colreflow::error(status::invalid, "<name>: ...") if the image can't
// be decoded, status::usage if `doc` has no geometry, and status::error if
// Leptonica fails to encode the PNG.
// Thread-safe: it touches nothing but its arguments.
std::string write_overlay_png(const document &doc, std::string_view image_bytes);

}  // namespace colreflow::detail
