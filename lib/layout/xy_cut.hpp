// Recursive cuts of a set of boxes into columns and bands.
#pragma once

#include <climits>  // INT32_MIN
#include <cstdint>
#include <vector>

#include "layout/layout.hpp"  // gutter_cut
#include "model/page.hpp"

namespace colreflow::detail {

struct placed {
  static constexpr std::uint32_t kRule = 0xFFFFFFFF;  // a printed rule: cuts, not read

  box bbox;           // shrunk: neighbours' boxes overlap by a few percent
  std::uint32_t id;   // region index, or kRule
  box full;           // the box its text fills (the input's, less specks beside it)
  bool heading_like = false;  // at most three lines: a heading, a deck
  box frame{};  // the ruled frame drawn around it (a boxed piece), else empty
  // Two lines or more in body type (under 1.4 times the page's median
  // line): running text, however few lines the engine put in its region.
  bool body_type = false;
  // The height of its type: the median height of its lines' text.
  std::int32_t type = 0;
  // In display type: its text 1.25 times as high as the page's or more.
  bool display = false;
  // A heading's: the bottom of a printed rule drawn right above it (within
  // two lines), over most of its width, however short; else INT32_MIN.
  std::int32_t rule_above = INT32_MIN;
  // Pieces of one heading line that the engine cut into several regions:
  // placed as one, read after `id`, left to right.
  std::vector<std::uint32_t> joined{};
  // An element of one or two lines in body type: where its words (specks
  // aside) leave white across all its lines, half a type height wide or
  // more, and whether more of them stand left of it. An engine runs a line
  // across a narrow gutter; see cut_in_reading_order.
  struct word_gap {
    std::int32_t lo, hi;
    bool more_left;
  };
  std::vector<word_gap> word_gaps{};
};

// The ids `p` stands for, in reading order: its own, then the pieces
// joined to it. None for a rule.
inline void append_ids(const placed &p, std::vector<std::uint32_t> &out) {
  if (p.id == placed::kRule) return;
  out.push_back(p.id);
  out.insert(out.end(), p.joined.begin(), p.joined.end());
}

// Appends the ids of `items` to `out` in reading order. White space across
// the whole set at least `band_gap` high (between the boxes as drawn) cuts
// it into bands first; then vertical gutters (columns, left to right);
// where none runs through the whole set, rules and the elements spanning
// the column grid cut it into bands read top to bottom, except that an
// element whose words part where the gutter it spans runs (placed::
// word_gaps) is a line the engine ran across that gutter: it is placed on
// the side holding more of its words, and the gutter opens. What no cut
// separates is read top to bottom, left to right. `band_gap` 0: no such cut.
// `cuts` (if not null) receives each such element and the word gap the
// gutter runs through.
void cut_in_reading_order(std::vector<placed> items, std::vector<std::uint32_t> &out,
                          std::int32_t band_gap, std::vector<gutter_cut> *cuts = nullptr);

}  // namespace colreflow::detail
