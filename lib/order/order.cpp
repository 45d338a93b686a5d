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
#include "order/readings.hpp"

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
    block_edges &e = edges.back();
    const std::string last = word_pairs::edge_word(e.last_text, true);
    const std::string first = word_pairs::edge_word(e.first_text, false);
    e.last_word = pairs_model.token_of(last);
    e.first_word = pairs_model.token_of(first);
    e.last_class = function_class_of(last);
    e.first_class = function_class_of(first);
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
  const junction_evidence evidence{words, pairs, pairs_model, doc.dictionaries};

  // Ambiguous blocks are read every way they may be (order/readings.hpp).
  const block_readings readings = read_blocks(doc, edges, metrics);
  const link_matrix links = score_links(doc, readings, evidence);

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
