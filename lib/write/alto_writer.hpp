// ALTO writer: the input file with only its reading order changed.
#pragma once

#include <string>

#include "model/page.hpp"

namespace colreflow::detail {

// The input ALTO document (page::xml from read_alto) with the order found
// put into it, ids kept and nothing else touched:
//  - TextBlocks that are siblings are re-sequenced to follow the order,
//    in the places blocks held before, so Shapes, Illustrations and
//    GraphicalElements stay put. A ComposedBlock moves as one piece, ranked
//    by its earliest TextBlock: a block cannot leave its parent (the schema
//    fixes where margins and ComposedBlocks go), so an order across
//    parents is carried by IDNEXT and ReadingOrder alone.
//  - IDNEXT chains each article's blocks; the last block of an article, and
//    a ComposedBlock holding TextBlocks, lose any stale IDNEXT.
//  - ALTO 4 input gets an ALTO 4.3 <ReadingOrder> (replacing any): one
//    OrderedGroup for the page holding an OrderedGroup of ElementRefs per
//    article; SCHEMAVERSION and an xsi:schemaLocation naming 4.0 to 4.2
//    are raised to 4.3, where ReadingOrder first appears.
// Blocks without an ID cannot be referred to and are left out of IDNEXT
// and ReadingOrder. Comments and the input's indentation are not kept (the
// shared XML loader drops them); the output is indented with tabs.
// Throws colreflow::error (invalid) if `p` was not read from ALTO.
std::string write_alto(const page &p, const page_order &order);

}  // namespace colreflow::detail
