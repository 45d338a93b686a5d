// The ways a block may be read, and the link scores over them. Segmentation
// names a role for every block, but some lines are ambiguous: a line that
// may be a heading, a promoted headline that may title a section, a section
// heading that may be the headline or a text line that only looks like a
// heading (a Title Case line at a column break). The order solver scores
// every link under each reading of its two blocks and keeps the best, and
// which one it took; after the order is chosen, a section heading read as
// text on both sides becomes text.
#pragma once

#include <vector>

#include "model/document.hpp"
#include "order/edges.hpp"
#include "order/links.hpp"
#include "order/path_search.hpp"

namespace colreflow::detail {

// readings[a][0] is block a as segmentation describes it (edges[a]).
using block_readings = std::vector<std::vector<block_edges>>;

block_readings read_blocks(const document &doc, const std::vector<block_edges> &edges,
                           const column_metrics &metrics);

// Every pair's best link over the readings, with the readings it took.
link_matrix score_links(const document &doc, const block_readings &readings,
                        const junction_evidence &evidence);

// After the order is chosen: section headings read as text on both their
// links become body, and the log says so.
void read_headings_as_text(document &doc, const link_matrix &links,
                           const block_readings &readings);

}  // namespace colreflow::detail
