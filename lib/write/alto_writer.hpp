// ALTO writer: the input file with only its reading order changed.
#pragma once

#include <cstdint>  // uint32_t
#include <string>
#include <vector>

#include "model/document.hpp"
#include "model/page.hpp"

namespace colreflow::detail {

// A word cut at the end of line `line` of region `region` (indices into
// page::regions and region::lines) and carried on at the start of line
// `next_line` of region `next_region`.
struct alto_hyphenation {
  std::uint32_t region = 0, line = 0;
  std::uint32_t next_region = 0, next_line = 0;
  std::string whole;  // SUBS_CONTENT: "example", "well-known"
};

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
//  - Words the reflow rejoined across a line end (`hyphenated`) are marked
//    as ALTO marks hyphenation: the last String of the line gets
//    SUBS_TYPE="HypPart1", the first String of the line that carries on
//    SUBS_TYPE="HypPart2", both SUBS_CONTENT the whole word; a hyphen at the
//    end of the first String's CONTENT moves into a <HYP CONTENT="-"/> after
//    it (where the schema allows: the String ends the line). Strings that
//    already carry SUBS_TYPE are left as they are.
std::string write_alto(const page &p, const page_order &order,
                       const std::vector<alto_hyphenation> &hyphenated = {});

// The words the reflow of `doc` rejoined across a line end, located in
// its page (empty for plain text).
std::vector<alto_hyphenation> rejoined_words(const document &doc);

}  // namespace colreflow::detail
