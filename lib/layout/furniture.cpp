#include "layout/furniture.hpp"

#include <algorithm>
#include <climits>  // INT32_MAX, INT32_MIN
#include <cstdint>
#include <vector>
#include <string_view>

#include "layout/x_index.hpp"
#include "text/chars.hpp"

namespace colreflow::detail {
namespace {

// Digits with at most a few marks around them: "7", "- 12 -", "[1080]".
bool is_folio(std::string_view s) {
  int digits = 0, others = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t c = next_code_point(s, pos);
    if (is_space(c)) continue;
    if (is_digit(c)) ++digits;
    else if (is_letter(c)) return false;
    else ++others;
  }
  return digits > 0 && digits <= 4 && others <= 2;
}

float size_of(const text_line &l) {
  return l.font_size > 0 ? l.font_size : static_cast<float>(l.bbox.height());
}

}  // namespace

const text_line *only_text_line(const region &r) {
  const text_line *only = nullptr;
  for (const text_line &l : r.lines) {
    if (trim_end(l.text, l.text.size()) == 0) continue;  // blank
    if (only != nullptr) return nullptr;
    only = &l;
  }
  return only;
}

void infer_furniture(page &p) {
  // The body: regions of several lines; their type size and column width.
  std::vector<float> sizes;
  std::vector<std::int32_t> widths;
  std::int32_t body_top = INT32_MAX, body_bottom = INT32_MIN;
  for (const region &r : p.regions) {
    if (r.lines.size() < 3 || r.bbox.empty()) continue;
    widths.push_back(r.bbox.width());
    body_top = std::min(body_top, r.bbox.y0);
    body_bottom = std::max(body_bottom, r.bbox.y1);
    for (const text_line &l : r.lines)
      if (size_of(l) > 0) sizes.push_back(size_of(l));
  }
  if (sizes.empty() || widths.empty()) return;
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  const float body_size = sizes[sizes.size() / 2];
  const std::int32_t column = widths[widths.size() / 2];

  // What the stand-alone test below asks of the other regions: the highest
  // bottom and the lowest top of any (a region's own box is never above or
  // below itself), and the regions across the page from each one.
  std::int32_t highest_bottom = INT32_MAX, lowest_top = INT32_MIN;
  std::vector<std::uint32_t> boxed;
  std::vector<box> boxes;
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) {
    const box &b = p.regions[i].bbox;
    if (b.empty()) continue;
    highest_bottom = std::min(highest_bottom, b.y1);
    lowest_top = std::max(lowest_top, b.y0);
    boxed.push_back(i);
    boxes.push_back(b);
  }
  const x_index across(boxed, boxes);

  for (region &r : p.regions) {
    if (r.hint != region_hint::none || r.bbox.empty() || r.table >= 0) continue;
    const text_line *l = only_text_line(r);
    if (l == nullptr) continue;
    // In the margin. Below the body, white space of a line or more must
    // part it from the text: a fragment of a column's last line is no footer.
    const auto gap = static_cast<std::int32_t>(body_size);
    const bool above_body = r.bbox.y1 <= body_top;
    const bool below_body = r.bbox.y0 >= body_bottom + gap;
    if (!above_body && !below_body) continue;
    if (is_folio(l->text)) {
      r.hint = region_hint::page_number;
      continue;
    }
    if (size_of(*l) > 1.1f * body_size || r.bbox.width() > 3 * column) continue;
    // Nothing above a running head, nothing below a footer; and a running
    // head stands clear of the text under it (the first line of a column,
    // cut off by the engine, does not).
    bool alone = above_body ? highest_bottom > r.bbox.y0 : lowest_top < r.bbox.y1;
    if (alone && above_body) {
      across.for_each_overlapping(r.bbox.x0, r.bbox.x1, [&](std::uint32_t i) {
        const box &o = p.regions[i].bbox;
        if (&p.regions[i] != &r && o.y0 >= r.bbox.y1 - gap / 2 && 5 * (o.y0 - r.bbox.y1) < 2 * gap)
          alone = false;
      });
    }
    if (alone) r.hint = above_body ? region_hint::header : region_hint::footer;
  }
}

}  // namespace colreflow::detail
