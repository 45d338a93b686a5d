// PAGE XML reader (PRImA PAGE 2010 to 2019): regions, lines and words.
#pragma once

#include <string>
#include <string_view>

#include "model/page.hpp"
#include "read/xml_input.hpp"

namespace colreflow::detail {

// Every TextRegion and TableRegion becomes a region, in document order
// (nested ones too); SeparatorRegions become separators. Line text is the
// line's first TextEquiv, or the region's split at newlines when it has no
// lines. The file's own ReadingOrder is not read: finding the order is the
// point. Throws colreflow::error naming the file, line and element.
page read_page_xml(std::string_view bytes, const std::string &source_name,
                   const xml_limits &limits);

// Parse a PAGE points list ("x,y x,y ...") into its bounding box; an empty
// box for an empty or malformed list. Shared with the writer's tests.
box points_box(std::string_view points);

}  // namespace colreflow::detail
