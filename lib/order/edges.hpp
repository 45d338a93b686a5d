// How a block begins and ends, the evidence the order solver links on.
#pragma once

#include <string_view>

#include "model/document.hpp"
#include "text/brackets.hpp"
#include "text/function_words.hpp"
#include "text/line_shape.hpp"
#include "text/word_pairs.hpp"

namespace colreflow::detail {

enum class opening : std::uint8_t {
  headline,
  subheading,
  byline,        // a credit line of its own ("By …")
  dateline,      // first paragraph of an article
  paragraph,     // an indented first line: a paragraph starts here
  sentence,      // a capital after which anything may have come before
  continuation,  // a lower-case word, a closing mark or a full CJK line: mid-paragraph
  unknown,
  tail,          // a short CJK line ending a sentence: a paragraph's last line, or all of it
};

enum class closing : std::uint8_t {
  heading,        // headline or subheading: its section must follow
  byline,         // a credit line of its own
  article_end,    // the paragraph closes with an author credit
  paragraph_end,  // a short line after a sentence end
  sentence_end,   // a sentence ends on a full line: the paragraph may go on
  continuation,   // no sentence end: the next block must carry on
  word_cut,       // a word cut by a line-end hyphen
};

struct block_edges {
  std::uint32_t index = 0;  // the block's input position
  opening open = opening::unknown;
  closing close = closing::continuation;
  std::string_view first_text;  // first and last line of the block
  std::string_view last_text;
  line_shape first;
  line_shape last;
  // The edge words as the document's word-pair model knows them.
  word_pairs::token last_word = word_pairs::unknown;
  word_pairs::token first_word = word_pairs::unknown;
  // The edge words' English function class (text/function_words).
  function_class last_class = function_class::none;
  function_class first_class = function_class::none;
  open_marks marks;  // quotes and brackets the block leaves open or closes first
};

block_edges describe_edges(const block &b, const column_metrics &m);

// Block b's edges `e` read as text, whatever role segmentation gave it.
block_edges as_text(block_edges e, const block &b, const column_metrics &m);

// The same block read as a heading line (for blocks that may be one):
// `headline` for a line continuing a headline, else a section heading.
block_edges as_heading(block_edges e, bool headline);

}  // namespace colreflow::detail
