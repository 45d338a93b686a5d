// How plausible is it that block b directly follows block a? Scores are
// additive log-odds-like weights: positive favours the link, 0 is neutral.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "hyphen/dictionary.hpp"
#include "order/edges.hpp"
#include "text/junction.hpp"
#include "text/word_pairs.hpp"
#include "text/words.hpp"

namespace colreflow::detail {

struct link_score {
  double score = 0;
  const char *cue = "";  // the strongest evidence, for the repair log
  // Which reading of each block the score took (order/readings.hpp).
  std::uint8_t from_reading = 0;
  std::uint8_t to_reading = 0;
};

link_score score_start(const block_edges &b);  // b opens the text
link_score score_end(const block_edges &a);    // a closes the text
// What the document tells about the words at a junction: its vocabulary
// (for cut words), the CJK junction table indexed by the blocks' input
// positions, and its own word pairs.
struct junction_evidence {
  const vocabulary &words;
  const junction_table &cjk;
  const word_pairs &pairs;
  // Hunspell dictionaries of the text's languages: a word cut by a hyphen
  // whose pieces make no word they, the document or the word list know is
  // likely joined to the wrong text. Empty: no such judgement.
  std::span<const std::shared_ptr<const dictionary>> dictionaries = {};
};

link_score score_link(const block_edges &a, const block_edges &b, const junction_evidence &ev);

}  // namespace colreflow::detail
