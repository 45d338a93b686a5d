// Paragraph cues a page's geometry gives that the text of its lines does
// not: how far a line is set in from its column's left edge, and whether
// the next line's first word would have fitted in the room left at a
// line's end (greedy line filling ends a paragraph's last line short).
// Proportional type and OCR spacing make both guesses from text alone.
#pragma once

#include <array>
#include <cstdint>  // uint32_t
#include <memory>  // shared_ptr
#include <string_view>
#include <unordered_map>
#include <utility>  // pair
#include <vector>

#include "model/document.hpp"
#include "model/page.hpp"

namespace colreflow::detail {

// One laid-out text line: the page line(s) it came from, in reading order.
struct laid_line {
  bool text = false;             // false: a blank line between regions
  std::uint32_t region = 0;
  box bbox;                      // of the line (pieces on one page line united)
  std::int32_t first_word = -1;  // width of its first word on the page; -1: not given
  // How far the line's type starts right of bbox.x0 and ends left of
  // bbox.x1: words the engine made of specks at its ends (speck_edges in
  // segment/page_text).
  std::int32_t specks_left = 0, specks_right = 0;
  bool stop_before_specks = false;  // ends a sentence (full-width 。！？) before such specks
  std::int32_t type_x0() const { return bbox.x0 + specks_left; }
  std::int32_t type_x1() const { return bbox.x1 - specks_right; }
};

// Where a column's lines start and end, and its body type size (the
// median line height), from the lines of the regions set in the column of
// region `r`. Unknown (em 0) with fewer than three body lines.
struct column_edges {
  std::int32_t left = 0, right = 0;
  float em = 0;
  bool known() const { return em > 0; }
  // The column's body lines as (vertical centre, x0, x1), top to bottom:
  // a skewed scan moves the edges down the column.
  std::vector<std::array<std::int32_t, 3>> lines;
  // The edges near height `y`: from the lines within eight em of it when
  // there are five or more, else the whole column's.
  std::pair<std::int32_t, std::int32_t> near(std::int32_t y) const;
};
// Finds each region's column among the page's regions (sorted by left
// edge once: a region's peers start within a quarter of its width).
class column_finder {
 public:
  explicit column_finder(const page &p);
  // Shared: the regions of one column get the one measure, not a copy of
  // its lines each.
  std::shared_ptr<const column_edges> edges_of(std::uint32_t r) const;
  // The column of the regions a box would stand among (the box of a line
  // and its piece, when the engine cut the line's region narrower than its
  // column); empty boxes have none.
  std::shared_ptr<const column_edges> edges_around(const box &area) const;
  // For a region too narrow or short to show a column: the measured column
  // of the nearest region above or below whose extent holds its own, set
  // in its type (a line the engine set apart in a region of its own);
  // edges_of(r) when none does.
  std::shared_ptr<const column_edges> edges_holding(std::uint32_t r) const;

 private:
  const page &p_;
  std::vector<std::uint32_t> by_left_;
  // Columns measured, by a hash of their peers (the peers kept to tell
  // apart lists of one hash); kept_peers_ counts the ids kept.
  mutable std::unordered_multimap<std::uint64_t, std::pair<std::vector<std::uint32_t>,
                                                           std::shared_ptr<const column_edges>>>
      measured_;
  mutable std::size_t kept_peers_ = 0;
  // The same by the horizontal extent (x0, x1) asked about: at most one
  // entry a region, and one a box asked about.
  mutable std::unordered_map<std::uint64_t, std::shared_ptr<const column_edges>> by_extent_;
  // The regions whose column is measured, by their left edge, with their
  // measures: built when edges_holding is first asked.
  mutable std::vector<std::pair<std::uint32_t, std::shared_ptr<const column_edges>>> measured_by_left_;
  mutable bool measured_listed_ = false;
};

// A box under half a line's height both ways, which type never is: a
// speck (a glyph the engine read as a mark fills its cell). An empty box
// counts as one.
inline bool speck_sized(const box &b, std::int32_t line_height) {
  return b.empty() || (2 * b.width() < line_height && 2 * b.height() < line_height);
}

// Whether a line whose end the engine read as specks ("works. ° -",
// "others. |": tokens of one or two characters with no letter or digit)
// ends a sentence before them: 1 yes; -1 when it has no such tail, or the
// word before the specks ends no sentence (left as the text says).
int ends_sentence_before_specks(std::string_view text);

// Whether a CJK line ends a sentence, read past the punctuation an engine
// makes of specks at its end: 1 when the marks after its last ideograph,
// letter or digit hold a full-width sentence mark (。！？) and nothing but
// marks follow it ("时代。，", "的。”，."; CJK type sets no opening mark at a
// line's end, so one there is a speck too); 0 when they are only half-width
// sentence or clause marks and the engine reads full stops as full-width
// elsewhere (`fullwidth_stops`: "最终." is a speck after a word, CJK
// sentences end in 。); -1 otherwise (left as the text says).
int cjk_ends_sentence(std::string_view text, bool fullwidth_stops);

// The last character of a line once such specks are dropped (0: none).
char32_t last_before_specks(std::string_view text);

struct page_line_cues {
  bool known = false;          // the line's column was measured
  int indent_cells = 0;        // set in from the column's left edge, in cells (2 per em)
  signed char next_fits = -1;  // see line_shape::next_word_fits
  bool stop_before_specks = false;  // laid_line::stop_before_specks
};

// Cues for each laid-out line, indexed like `lines` (by line number, 0
// unused). `doc.lines[k - 1]` is line k's text (its first character tells
// CJK from Latin).
std::vector<page_line_cues> measure_page_lines(const page &p, const std::vector<laid_line> &lines,
                                               const std::vector<line> &text);

// Puts the cues on the document's lines and its blocks' copies of them
// (by source line; the segment stage measured the text before).
void apply_page_line_cues(document &doc, const std::vector<page_line_cues> &cues);

}  // namespace colreflow::detail
