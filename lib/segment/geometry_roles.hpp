// Roles a page's layout gives the blocks beyond their text (the input's
// region types, type size, centred lines), and heading lines the engine put
// in regions of their own joined into one heading.
#pragma once

#include "model/document.hpp"
#include "segment/page_text.hpp"  // laid_out

namespace colreflow::detail {

// Roles the page gives beyond the text: the input's region types, and type
// set well above the body size (a heading the input does not mark).
void apply_geometry_roles(document &doc, const laid_out &laid, float body);

// Heading lines the engine put in regions of their own, stacked on the
// page (the lower one starts below the upper one's middle, a line's height
// apart or less, overlapping it across the page), are one heading:
//  - a kicker: a line in smaller type straight above the headline is the
//    headline's first line (a smaller line under it is a deck: apart);
//  - lines of one heading in the same type, of the same role.
void join_stacked_headings(document &doc, const laid_out &laid);

}  // namespace colreflow::detail
