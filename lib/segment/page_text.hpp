// Segment, for inputs with a page layout: the regions' text laid out as
// text lines in the layout's reading order, one blank line between blocks,
// with the block breaks the page shows inside a region (display type,
// centred lines, a heading set in body type) and what each line's place
// on the page is, for the stages after.
#pragma once

#include <algorithm>  // nth_element
#include <cstddef>    // ptrdiff_t
#include <cstdint>    // uint32_t
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "model/page.hpp"
#include "reflow/page_lines.hpp"  // laid_line, column_finder

namespace colreflow::detail {

// Two line boxes on one page line in type of one size: they overlap across
// at least half the lower one's height, and the higher is no more than
// twice as high.
bool on_one_page_line(const box &a, const box &b);

// Whether two pieces of one line join with no space: CJK (or full-width
// punctuation) at the end of `left` and at the start of `right`, past
// white space.
bool cjk_joins(std::string_view left, std::string_view right);

// The median of `value(line)` over the lines of regions of three lines or
// more, where it is positive: a measure of the body's lines. 0 when no
// line gives one.
template <class T, class F>
T median_over_body_lines(const page &p, F value) {
  std::vector<T> values;
  for (const region &r : p.regions)
    if (r.lines.size() >= 3)
      for (const text_line &l : r.lines)
        if (const T v = value(l); v > 0) values.push_back(v);
  if (values.empty()) return 0;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

// What the layout knows of each laid-out line, by line number.
struct laid_out {
  std::vector<float> size;    // type size; 0 for blank lines
  std::vector<bool> centred;  // in a run of centred lines (a heading)
  std::vector<laid_line> page_lines;  // where on the page each line stands
};

// The body's type size (see body_type_size), and how tall its words
// stand on the page: the median over the lines of regions of three lines
// or more of the height their words (those with a letter, digit or
// ideograph) reach, one in four no lower, or of the line's height where
// that is less.
struct type_scale {
  float body = 0;
  float body_height = 0;
};
type_scale page_type_scale(const page &p);

// A line's type size: its own (hOCR x_size, ALTO font size, else its
// height), but no more than the body size when its words stand no taller
// than the body's (within 5% for CJK lines, whose ideographs fill a square
// em; 10% for Latin ones, whose ascenders and descenders vary): a speck
// on a noisy scan stretches the size an engine gives a whole line, while
// most of its words keep their height, and a line of body text would read
// as display type. A heading set a size up keeps its own; so does a line
// when it or the page gives no measure.
float line_type_size(const text_line &l, const type_scale &scale);

// The body's type size: the median over the lines of regions of three
// lines or more (font size where the input gives one, else line height).
float body_type_size(const page &p);

// Where a line's type starts and ends, past words the engine made of specks
// at its ends, and whether it ends a sentence before them. At its start:
// words of marks that may not begin a line (UAX #14: "，，" read from a
// speck left of an indented paragraph start), before a spelt word. At its
// end, after a word closing with a full-width 。！？ (closing marks may
// follow): words of marks only and spelt words the engine gives a
// confidence under 10 (an ideograph read from a speck, "时代。" + "和" at
// 0), at least one of them spelt. Edges are the line box's where no word
// qualifies; `stop` is set only by such a tail.
struct speck_edges {
  std::int32_t x0 = 0, x1 = 0;
  bool stop = false;
};
speck_edges line_speck_edges(const text_line &l);

// A CJK line's text with the spaces an engine put between two CJK words
// (or a quote or bracket and an ideograph) set closer than half the
// line's height dropped: CJK type parts phrases by a full em, and a narrow
// gap is no phrase space (the heading cue reads "依然 “" as one). The
// line's own text when its words do not spell it.
std::string cjk_spaced_text(const text_line &l);

// Which non-blank lines of region `r` form a heading set in body type
// inside it: one to three lines after a finished sentence (or at the
// region's top), flush left or centred, the last one stopping
// well short of the right edge with no sentence or clause mark, hyphen or
// dash, and an indented paragraph start right after them (set in body
// type: for CJK lines, no wider than 1.1 times `cjk_pitch` per cell, 0:
// not known). A single line may fill the column when the next is indented
// by an em or more. Sentence ends are read past specks (see
// cjk_ends_sentence; `fullwidth_stops`: the page reads full stops as 。).
std::vector<bool> unterminated_runs(const page &p, const column_finder &columns, std::uint32_t r,
                                    float cjk_pitch = 0, bool fullwidth_stops = false);

// How wide the body's CJK lines set a cell (half an ideograph) on the
// page: the median of box width over width in cells, over the CJK lines of
// six ideographs or more in regions of three lines or more; 0 when none.
float cjk_cell_pitch(const page &p);

// The regions' text of `text_page` (doc.geometry, or a copy of it with
// line pieces joined: see line_pieces.hpp) in reading order
// (doc.region_order), one blank line between regions, into doc.lines,
// doc.region_lines and doc.marked_words:
// the text stages then see each region as a block, already in order.
// One-line regions side by side on one page line make one text line; a
// region's leading lines in display type (`body` > 0: the body type size),
// and runs of centred lines or of body-type headings, become blocks of
// their own.
laid_out lay_out_text(document &doc, const page &text_page, float body);

}  // namespace colreflow::detail
