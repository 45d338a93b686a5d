// ALTO reader: ALTO 2, 3 and 4 (the LoC namespaces) and the older CCS/NDNP
// "ALTO 1.x" files, read into the geometry model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "model/page.hpp"
#include "read/xml_input.hpp"

namespace colreflow::detail {

// Read one ALTO page. Elements are matched by local name, whatever their
// namespace. Every TextBlock becomes a region, in document order, those
// nested in a ComposedBlock included, and blank ones too (the writer maps
// regions back to blocks one to one). Lines are TextLines with text; words
// are non-blank Strings. A line's text joins its words with one space where
// an SP or a gap lies between them, and ends with the HYP content ("-" by
// default) when the line ends with a HYP, which sets hyphen_end. WC (0..1)
// becomes confidence 0..100; SUBS_CONTENT of HypPart1/HypPart2 becomes
// whole_word. Coordinates stay in the file's MeasurementUnit; a missing or
// garbled one makes the box unknown (empty), and a block or line without a
// box takes the union of its contents.
//
// font_size is in page units like the boxes: the TextStyle FONTSIZE (points)
// of the line, of most of its Strings or of the nearest ancestor with one,
// converted for mm10 and inch1200; for pixel files, which give no
// resolution, points are scaled by the page's median ratio of line height
// to font size. A line without a style takes its box height.
//
// Hints come from the block's TAGREFS (tag TYPE or LABEL), a ComposedBlock
// TYPE such as "table", and the margin a block sits in. GraphicalElements
// thinner than 1/20 of their length become separators. A Layout with more
// than one Page is refused. Throws colreflow::error (invalid, or limit from
// parse_xml) naming the file and line.
page read_alto(std::string_view bytes, const std::string &source_name,
               const xml_limits &limits);

// The TextBlock elements under `root` in the order read_alto makes regions
// of them: element k is page::regions[k]. Shared with the writer.
std::vector<pugi::xml_node> alto_text_blocks(const pugi::xml_node &root);

// The ALTO major version of a document element: 2, 3 or 4 from the LoC
// namespace, else the first digit of SCHEMAVERSION, else 1 (CCS, NDNP).
int alto_major_version(const pugi::xml_node &root);

}  // namespace colreflow::detail
