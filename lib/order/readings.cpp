#include "order/readings.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "model/deadline.hpp"

namespace colreflow::detail {

namespace {

// Segmentation's word that a block is a section heading is evidence: a
// reading against it pays on every link that takes it. Set on generated
// variants (tests/eval/variants_eval, seeds 1 and 5000): at 3 the text
// reading wins only where both neighbours run on into the line, and block
// order rose in both languages; at 1-2 headings were read as text where
// they were headings.
constexpr double kAgainstSegmentation = 3.0;

bool is_heading_reading(const block_edges &r) {
  return r.open == opening::subheading || r.open == opening::headline;
}

double prior(const block &b, const block_edges &r) {
  return b.kind == role::subheading && !is_heading_reading(r) ? -kAgainstSegmentation : 0.0;
}

link_score best(link_score x, link_score y) { return y.score > x.score ? y : x; }

link_score taking(link_score l, std::size_t from, std::size_t to, double prior) {
  l.score += prior;
  l.from_reading = static_cast<std::uint8_t>(from);
  l.to_reading = static_cast<std::uint8_t>(to);
  return l;
}

}  // namespace

block_readings read_blocks(const document &doc, const std::vector<block_edges> &edges,
                           const column_metrics &metrics) {
  const bool has_headline = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                        [](const block &b) { return b.kind == role::headline; });
  block_readings readings(edges.size());
  for (std::size_t a = 0; a < edges.size(); ++a) {
    const block &b = doc.blocks[a];
    readings[a].push_back(edges[a]);
    if (b.kind == role::subheading) {
      // With no headline found, any section heading may be it.
      if (!has_headline) readings[a].push_back(as_heading(edges[a], true));
      readings[a].push_back(as_text(edges[a], b, metrics));
    } else if (b.maybe_heading) {
      readings[a].push_back(as_heading(edges[a], true));
      readings[a].push_back(as_heading(edges[a], false));
    }
  }
  return readings;
}

link_matrix score_links(const document &doc, const block_readings &readings,
                        const junction_evidence &evidence) {
  const std::size_t n = readings.size();
  link_matrix links(n);
  for (std::size_t a = 0; a < n; ++a) {
    check_deadline("the order search");
    const block &ba = doc.blocks[a];
    link_score start{-1e9, ""}, end{-1e9, ""};
    for (std::size_t r = 0; r < readings[a].size(); ++r) {
      const double p = prior(ba, readings[a][r]);
      start = best(start, taking(score_start(readings[a][r]), 0, r, p));
      end = best(end, taking(score_end(readings[a][r]), r, 0, p));
    }
    links.set_start(a, start);
    links.set_end(a, end);
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      const block &bb = doc.blocks[b];
      link_score l{-1e9, ""};
      for (std::size_t x = 0; x < readings[a].size(); ++x)
        for (std::size_t y = 0; y < readings[b].size(); ++y) {
          const double p = prior(ba, readings[a][x]) + prior(bb, readings[b][y]);
          l = best(l, taking(score_link(readings[a][x], readings[b][y], evidence), x, y, p));
        }
      links.set(a, b, l);
    }
  }
  return links;
}

void read_headings_as_text(document &doc, const link_matrix &links,
                           const block_readings &readings) {
  const std::size_t n = doc.order.size(), t = links.terminal();
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t at = doc.order[k];
    block &b = doc.blocks[at];
    if (b.kind != role::subheading) continue;
    const link_score &in = links.at(k == 0 ? t : doc.order[k - 1], at);
    const link_score &out = links.at(at, k + 1 == n ? t : doc.order[k + 1]);
    auto text = [&](std::uint8_t r) {
      return r < readings[at].size() && !is_heading_reading(readings[at][r]);
    };
    if (!text(in.to_reading) || !text(out.from_reading)) continue;
    b.kind = role::body;
    doc.log.add(repair_kind::heading_placed, b.first_source_line(), b.last_source_line(),
                fmt::format("heading-like line read as text: {}; {}", in.cue, out.cue), 0.6);
  }
}

}  // namespace colreflow::detail
