// Order: start from the order the OCR wrote and move runs of blocks (the
// way OCR misplaces whole columns, tails and headlines) while a move raises
// the total link plausibility by more than a margin. Input order wins ties,
// so nothing moves without evidence.
#include "order/order.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "model/deadline.hpp"
#include "order/edges.hpp"
#include "order/links.hpp"
#include "order/path_search.hpp"

namespace colreflow::detail {

namespace {

// Beyond this many blocks the text carries no usable order evidence in
// reasonable time; the input order stands and the log says so.
constexpr std::size_t kMaxReorderBlocks = 400;

double to_confidence(double gain) { return 1.0 / (1.0 + std::exp(-gain)); }

// Articles set in columns of different widths share the page: the blocks
// long enough to show their width fall into two or more width groups of
// two blocks each. Text cues alone cannot tell which column piece belongs
// to which article there (that needs the page geometry), so the text
// solver leaves such pages in input order rather than mix articles.
bool several_column_widths(const document &doc) {
  std::vector<int> widths;
  for (const block &b : doc.blocks)
    if (b.column_width > 0) widths.push_back(b.column_width);
  std::sort(widths.begin(), widths.end());
  int groups = 0;
  for (std::size_t i = 0; i < widths.size();) {
    std::size_t j = i;
    // One group: widths within a tenth of its narrowest (CJK lines are
    // justified to the cell); ragged Latin lines need a quarter.
    int spread = doc.writing == script::cjk ? std::max(2, widths[i] / 10) : std::max(4, widths[i] / 4);
    while (j < widths.size() && widths[j] <= widths[i] + spread) ++j;
    if (j - i >= 2) ++groups;
    i = j;
  }
  return groups >= 2;
}

// Segmentation's word that a block is a section heading is evidence: a
// link that reads it as text pays for going against it.
link_score reading_prior(link_score l, const block &a, const block_edges &ra, const block &b,
                         const block_edges &rb) {
  // Set on generated variants (tests/eval/variants_eval, seeds 1 and 5000):
  // at 3 per link the text reading wins only where both neighbours run on
  // into the line, and block order rose in both languages; at 1-2 headings
  // were read as text where they were headings.
  constexpr double cost = 3.0;
  auto against = [](const block &x, const block_edges &r) {
    return x.kind == role::subheading && r.open != opening::subheading && r.open != opening::headline;
  };
  if (against(a, ra)) l.score -= cost;
  if (against(b, rb)) l.score -= cost;
  return l;
}

// A section heading whose links on both sides in the chosen order took its
// text reading is text: the line before runs on into it and it runs on.
void read_headings_as_text(document &doc, const link_matrix &links,
                           const std::vector<std::vector<block_edges>> &readings) {
  const std::size_t n = doc.order.size(), t = links.terminal();
  for (std::size_t k = 0; k < n; ++k) {
    block &b = doc.blocks[doc.order[k]];
    if (b.kind != role::subheading) continue;
    const std::size_t prev = k == 0 ? t : doc.order[k - 1];
    const std::size_t next = k + 1 == n ? t : doc.order[k + 1];
    const link_score &in = links.at(prev, doc.order[k]);
    const link_score &out = links.at(doc.order[k], next);
    const auto &mine = readings[doc.order[k]];
    auto is_text = [&](std::uint8_t r) {
      return r < mine.size() && mine[r].open != opening::subheading &&
             mine[r].open != opening::headline;
    };
    if (!is_text(in.to_reading) || !is_text(out.from_reading)) continue;
    b.kind = role::body;
    doc.log.add(repair_kind::heading_placed, b.first_source_line(), b.last_source_line(),
                fmt::format("heading-like line read as text: {}; {}", in.cue, out.cue), 0.6);
  }
}

}  // namespace

void order_blocks(document &doc) {
  const std::size_t n = doc.blocks.size();
  doc.order.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) doc.order[i] = i;
  if (n < 2) return;
  auto keep_input_order = [&](std::string cue) {
    doc.log.add(repair_kind::order_kept, doc.blocks.front().first_source_line(),
                doc.blocks.back().last_source_line(), std::move(cue), 0.0);
  };
  if (n > kMaxReorderBlocks) {
    keep_input_order(fmt::format("{} blocks exceed the reordering limit of {}; input order kept",
                                 n, kMaxReorderBlocks));
    return;
  }
  if (several_column_widths(doc)) {
    keep_input_order(
        "columns of several widths: articles share the page; text alone cannot assign their "
        "pieces, input order kept");
    return;
  }

  column_metrics metrics;
  metrics.full_width = doc.column_width;
  metrics.cjk = doc.writing == script::cjk;
  std::vector<block_edges> edges;
  edges.reserve(n);
  const word_pairs pairs_model(doc.lines);
  for (const block &b : doc.blocks) {
    edges.push_back(describe_edges(b, metrics));
    edges.back().last_word = pairs_model.last_token(edges.back().last_text);
    edges.back().first_word = pairs_model.first_token(edges.back().first_text);
  }
  vocabulary words(doc.lines, doc.words.get());
  std::vector<std::string_view> tails, heads;
  std::vector<bool> wanted, wanted_right;
  for (std::size_t a = 0; a < n; ++a) {
    tails.push_back(edges[a].last_text);
    heads.push_back(edges[a].first_text);
    wanted.push_back(edges[a].close == closing::continuation && edges[a].last.cjk);
    wanted_right.push_back(edges[a].open == opening::continuation ||
                           edges[a].open == opening::unknown || edges[a].open == opening::tail);
  }
  junction_table pairs(tails, heads, wanted, wanted_right, cjk_bigrams(doc.lines));
  const junction_evidence evidence{words, pairs, pairs_model};

  // A block that may be a heading line is scored every way: as text, as
  // a headline and as a section heading (the segment stage's guess between
  // the two is soft; a promoted headline may be a section's heading and the
  // true headline a lone line it left as text). With no headline found, any
  // section heading may be it; and a section heading may be a text line
  // that only looks like one (a Title Case line at a column break). Each
  // link takes its best reading of the two blocks and remembers which.
  const bool has_headline = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                        [](const block &b) { return b.kind == role::headline; });
  std::vector<std::vector<block_edges>> readings(n);
  for (std::size_t a = 0; a < n; ++a) {
    readings[a].push_back(edges[a]);
    if (doc.blocks[a].kind == role::subheading) {
      if (!has_headline) readings[a].push_back(as_heading(edges[a], true));
      block_edges text = describe_as_text(doc.blocks[a], metrics);
      text.last_word = edges[a].last_word;
      text.first_word = edges[a].first_word;
      readings[a].push_back(text);
    } else if (doc.blocks[a].maybe_heading) {
      readings[a].push_back(as_heading(edges[a], true));
      readings[a].push_back(as_heading(edges[a], false));
    }
  }
  auto best = [](link_score x, link_score y) { return y.score > x.score ? y : x; };
  auto with_readings = [](link_score l, std::size_t from, std::size_t to) {
    l.from_reading = static_cast<std::uint8_t>(from);
    l.to_reading = static_cast<std::uint8_t>(to);
    return l;
  };
  link_matrix links(n);
  for (std::size_t a = 0; a < n; ++a) {
    check_deadline("the order search");
    link_score start{-1e9, ""}, end{-1e9, ""};
    for (std::size_t r = 0; r < readings[a].size(); ++r) {
      start = best(start, with_readings(score_start(readings[a][r]), 0, r));
      end = best(end, with_readings(score_end(readings[a][r]), r, 0));
    }
    links.set_start(a, start);
    links.set_end(a, end);
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      link_score l{-1e9, ""};
      for (std::size_t x = 0; x < readings[a].size(); ++x)
        for (std::size_t y = 0; y < readings[b].size(); ++y)
          l = best(l, with_readings(reading_prior(score_link(readings[a][x], readings[b][y], evidence),
                                                  doc.blocks[a], readings[a][x], doc.blocks[b],
                                                  readings[b][y]),
                                    x, y));
      links.set(a, b, l);
    }
  }

  std::vector<move_record> moves;
  doc.order = improve_path(links, doc.order, moves);

  read_headings_as_text(doc, links, readings);

  for (const move_record &m : moves) {
    const block &first = doc.blocks[m.first_block];
    const block &last = doc.blocks[m.last_block];
    bool heading = first.kind == role::subheading || first.kind == role::headline;
    doc.log.add(heading && m.first_block == m.last_block ? repair_kind::heading_placed
                                                         : repair_kind::block_moved,
                first.first_source_line(), last.last_source_line(),
                fmt::format("{} (gain {:.1f})", m.cue, m.gain), to_confidence(m.gain));
  }
}

}  // namespace colreflow::detail
