// The shape of one line: how wide it is, how it begins and ends. Cues for
// roles, order and paragraphs are read off these shapes, never off strings.
#pragma once

#include <cstdint>  // uint8_t
#include <span>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "model/line_shape.hpp"

namespace colreflow::detail {

line_shape measure_line(std::string_view text);

// The typical full width of a column line, in cells, and how sure we are.
struct column_metrics {
  int full_width = 0;   // width of an unbroken line
  bool cjk = false;     // document is CJK: widths are exact, not ragged
  bool known() const { return full_width > 0; }
  // A line clearly shorter than the column: room for at least `cells` more.
  bool is_short(const line_shape &s, int cells) const {
    return known() && s.width + s.indent + cells <= full_width;
  }
  // A first line short by a paragraph indent (1-4 em in CJK type).
  bool is_indented(const line_shape &s) const;
  bool is_full(const line_shape &s) const;
  // A line that carries text on from the line before it: a lower-case word,
  // a mark that cannot start a line, or a full CJK line (no indent).
  bool carries_on(const line_shape &s) const {
    return s.starts_lower || s.starts_no_line_start || (s.cjk && s.indent < 2 && is_full(s));
  }
};

column_metrics estimate_columns(std::span<const line_shape> shapes, bool cjk);
// The same, read off the lines' own shapes (no copy of them).
column_metrics estimate_columns(std::span<const line> lines, bool cjk);

}  // namespace colreflow::detail
