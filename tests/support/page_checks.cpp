#include "support/page_checks.hpp"

#include <algorithm>

namespace colreflow::test {

using detail::page;

std::vector<word_key> words_of(const page &p) {
  std::vector<word_key> out;
  for (const detail::region &r : p.regions)
    for (const detail::text_line &l : r.lines)
      for (const detail::word &w : l.words)
        out.emplace_back(w.text, w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1);
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t line_count(const page &p) {
  std::size_t n = 0;
  for (const detail::region &r : p.regions) n += r.lines.size();
  return n;
}

detail::page_order identity_order(const page &p) {
  detail::page_order o;
  o.articles.emplace_back();
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) o.articles[0].push_back(i);
  return o;
}

}  // namespace colreflow::test
