// Where a paragraph ends between two consecutive lines of text. A column
// break is not a paragraph break: only the shape of the lines decides.
#pragma once

#include <string_view>

#include "text/line_shape.hpp"

namespace colreflow::detail {

struct shaped_line {
  std::string_view text;
  const line_shape *shape;
  std::string_view before;  // the line before it (a credit may wrap)
  bool dateline = false;    // a dateline opens here (line::opens_dateline)
};

// True when `a` ends a paragraph and `b` begins the next one:
//  - `a` ends a sentence (or with an author credit) and is short: the next
//    line's first word (any character in CJK) would have fit on it;
//  - or `a` ends a sentence and `b` is indented and does not itself end one;
//  - or `b` opens with a dateline.
bool ends_paragraph(const shaped_line &a, const shaped_line &b, const column_metrics &m);

// Cells the first word of `text` needs (the first character for CJK).
int first_word_cells(std::string_view text);

}  // namespace colreflow::detail
