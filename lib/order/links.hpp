// How plausible is it that block b directly follows block a? Scores are
// additive log-odds-like weights: positive favours the link, 0 is neutral.
#pragma once

#include "order/edges.hpp"
#include "text/junction.hpp"
#include "text/words.hpp"

namespace colreflow::detail {

struct link_score {
  double score = 0;
  const char *cue = "";  // the strongest evidence, for the repair log
};

link_score score_start(const block_edges &b);  // b opens the text
link_score score_end(const block_edges &a);    // a closes the text
// `junctions` holds the word evidence across every pair's junction,
// indexed by the blocks' input positions.
link_score score_link(const block_edges &a, const block_edges &b, const vocabulary &words,
                      const junction_table &junctions);

}  // namespace colreflow::detail
