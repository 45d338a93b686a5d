// Pieces of one page line that an engine put in regions of their own: on a
// noisy scan Tesseract cuts a line at a speck or a wide space and sets the
// cut-off words apart (a one-line ocr_carea or ocr_textfloat), and the
// layout then reads them elsewhere: before the column, after the block, as
// a heading. A piece goes back into its line before the text is laid out.
#pragma once

#include <cstdint>  // uint32_t, int32_t
#include <vector>

#include "model/page.hpp"
#include "reflow/page_lines.hpp"  // column_finder

namespace colreflow::detail {

// Where a piece belongs: which line of which region it continues, and on
// which side of that line it stands.
struct line_piece {
  std::int32_t host = -1;  // region index; -1: the region is no piece
  std::uint32_t line = 0;  // index in the host region's lines
  bool left = false;       // stands before the host line's words
  std::uint32_t piece_line = 0;  // which line of the piece's region
  std::uint32_t piece_lines = 1;  // how many lines from there (blank ones skipped)
  // The piece's region keeps its place in the order (the rest of it is
  // read there): the end of a headline cut off into a region that runs on.
  bool stays = false;
  // The host's own lines show no column (the engine cut its region
  // narrower): joined, its box widens to the line it now holds.
  bool widens_host = false;
  // A piece of a headline line, cut off at a word space into a one-line
  // region of its own (not a column's line).
  bool in_headline = false;
  // A fragment of a headline's glyphs the engine read as a letter or two.
  bool fragment = false;
  bool is_piece() const { return host >= 0; }
};

// Per region: a one-line region is a piece of a line of another region of
// the same column when the two lines stand on one page line (they overlap
// across at least half the lower one's height, in type of one size), side
// by side with no more than two ems (the column's line height) between
// them, and together stay inside the column's edges (so lines of two
// columns at one height are never taken for one). The host region is one
// of two lines or more; of several candidate lines, the nearest. The first
// line of a region of more lines is a piece too when it stands right after
// the last line of its host: the region reads on from the host's end
// (Tesseract starts a new area mid-line at a speck). And the lines a
// region opens with are the rest of a headline when they stand on the page
// line of a one-line region in display type (1.5 times the body's line
// height or more, a line wider than tall), right of it a word space apart
// (not overlapping, and no more than three fifths of the type: a gutter
// between two columns' headlines is wider), in like type (at least one of
// them), and the region goes on below that line: the engine cut the
// headline at a gutter and ran its end into what stands under it. Those
// lines join the headline; the region keeps its place for the rest. A
// one-line display region that stands so beside another (on its page line
// across half the lower one's height, a word space to its right) is a piece
// of that headline line too, however tall the engine's boxes of garbled
// words make either. And a one-line region lower than the body's lines
// that stands inside such a headline line (its head and pieces together)
// is a fragment of its glyphs the engine read as letters: a piece of it.
std::vector<line_piece> find_line_pieces(const page &p, const column_finder &columns);

// The page with each piece's words moved into its host line (before or after
// its words) and the piece's line left blank in its region. Region indices
// and line numbers are kept, so the layout's order and the writers still
// apply.
page with_pieces_joined(const page &p, const std::vector<line_piece> &pieces);

// The reading order with each piece moved straight after its host region
// (the text of a piece is read with its host; a writer puts the piece's
// element there too).
void follow_hosts(page_order &order, const std::vector<line_piece> &pieces);

}  // namespace colreflow::detail
