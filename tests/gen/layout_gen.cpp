#include "gen/layout_gen.hpp"

#include <algorithm>
#include <random>

namespace colreflow::test {
namespace {

using detail::box;
using detail::region;
using detail::region_hint;

int uniform(std::mt19937 &rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

region make_region(box b, region_hint hint, int lines, int line_height) {
  region r;
  r.bbox = b;
  r.hint = hint;
  for (int k = 0; k < lines; ++k) {
    detail::text_line l;
    l.text.assign(1, 'x');
    const int y = b.y0 + k * line_height;
    l.bbox = {b.x0, y, b.x1, std::min(b.y1, y + line_height)};
    r.lines.push_back(l);
  }
  return r;
}

}  // namespace

generated_layout generate_layout(std::uint32_t seed) {
  std::mt19937 rng(seed);
  const int width = uniform(rng, 3000, 6000);
  const int margin = width / 20;
  const int line_h = uniform(rng, 30, 60);
  const int overlap = uniform(rng, 0, line_h / 2);  // boxes reach into gutters and neighbours
  std::vector<region> regions;  // in reading order
  std::vector<detail::separator> rules;

  int y = margin;
  const int bands = uniform(rng, 1, 3);
  const bool running_head = uniform(rng, 0, 1) == 1;
  const int first_cols = uniform(rng, 2, 6);
  if (running_head) {
    const int w = (width - 2 * margin) / 3;
    regions.push_back(make_region({margin + w, y, margin + 2 * w, y + line_h},
                                  region_hint::header, 1, line_h));
    y += 2 * line_h;
  }
  for (int band = 0; band < bands; ++band) {
    const int cols = band == 0 ? first_cols : uniform(rng, 2, 6);
    const int gutter = uniform(rng, line_h / 2, 2 * line_h);
    const int col_w = (width - 2 * margin - (cols - 1) * gutter) / cols;
    if (band > 0) {  // a rule across the page between bands
      rules.push_back({{margin, y, width - margin, y + 4}});
      y += line_h;
    }
    if (uniform(rng, 0, 2) > 0) {  // a headline over the band's columns
      regions.push_back(make_region({margin, y, width - margin, y + 2 * line_h},
                                    region_hint::heading, 1, 2 * line_h));
      y += 2 * line_h + line_h / 2;
    }
    const int band_h = uniform(rng, 20, 60) * line_h;
    for (int c = 0; c < cols; ++c) {
      const int x0 = margin + c * (col_w + gutter);
      int cy = y;
      const int pieces = uniform(rng, 1, 5);
      for (int k = 0; k < pieces; ++k) {
        const int left = pieces - k;
        int h = k + 1 == pieces ? y + band_h - cy
                                : uniform(rng, 2, std::max(2, (y + band_h - cy) / line_h - 2 * left)) *
                                      line_h;
        if (h < line_h) h = line_h;
        const bool heading = k > 0 && uniform(rng, 0, 3) == 0;
        if (heading) {
          regions.push_back(make_region({x0 + col_w / 6, cy, x0 + col_w - col_w / 6, cy + line_h},
                                        region_hint::heading, 1, line_h));
          cy += line_h;
          h = std::max(line_h, h - line_h);
        }
        regions.push_back(make_region({x0 - overlap, cy - overlap, x0 + col_w + overlap,
                                       cy + h + overlap},
                                      region_hint::paragraph, std::max(1, h / line_h), line_h));
        cy += h + line_h / 3;
      }
    }
    y += band_h + line_h;
  }

  generated_layout out;
  out.page.width = width;
  out.page.height = std::max(y + margin, width * 4 / 3);  // a page, not a spread
  out.page.separators = rules;
  std::vector<std::uint32_t> perm(regions.size());
  for (std::uint32_t i = 0; i < perm.size(); ++i) perm[i] = i;
  std::shuffle(perm.begin(), perm.end(), rng);
  out.page.regions.resize(regions.size());
  std::vector<std::uint32_t> file_index(regions.size());
  for (std::uint32_t k = 0; k < perm.size(); ++k) {
    out.page.regions[k] = regions[perm[k]];
    file_index[perm[k]] = k;
  }
  for (std::uint32_t i = 0; i < regions.size(); ++i) out.truth.push_back(file_index[i]);
  return out;
}

double kendall_tau(const std::vector<std::uint32_t> &truth,
                   const std::vector<std::uint32_t> &order) {
  std::vector<std::size_t> pos(truth.size() + order.size() + 1, 0);
  for (std::size_t i = 0; i < order.size(); ++i)
    if (order[i] < pos.size()) pos[order[i]] = i;
  std::int64_t agree = 0, disagree = 0;
  for (std::size_t i = 0; i < truth.size(); ++i)
    for (std::size_t j = i + 1; j < truth.size(); ++j)
      (pos[truth[i]] < pos[truth[j]] ? agree : disagree) += 1;
  const std::int64_t n = agree + disagree;
  return n == 0 ? 1.0 : static_cast<double>(agree - disagree) / static_cast<double>(n);
}

}  // namespace colreflow::test
