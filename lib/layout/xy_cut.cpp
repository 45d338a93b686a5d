#include "layout/xy_cut.hpp"

#include <algorithm>
#include <climits>  // INT32_MAX
#include <cstdlib>  // abs
#include <optional>
#include <set>

#include "model/deadline.hpp"

namespace colreflow::detail {
namespace {

struct interval {
  std::int32_t lo, hi;
};

// Gaps in the projection of the boxes on one axis: intervals no box covers,
// strictly between the first and the last box.
std::vector<interval> gaps(const std::vector<placed> &items, bool along_x, bool full = false);

// White space across a set along y, between its text: a rule lying in it
// does not fill it.
std::vector<interval> white_rows(const std::vector<placed> &items) {
  std::vector<placed> text;
  for (const placed &p : items)
    if (p.id != placed::kRule) text.push_back(p);
  return gaps(text, false, true);
}

// Where a set may be cut across: white space between its text at least
// `band_gap` high, and printed rules drawn across (nearly) all of it.
std::vector<interval> breaks(const std::vector<placed> &items, std::int32_t band_gap) {
  std::vector<interval> out;
  for (const interval &g : white_rows(items))
    if (g.hi - g.lo >= band_gap) out.push_back(g);
  box text{};
  for (const placed &p : items)
    if (p.id != placed::kRule) text = text.united(p.full);
  for (const placed &p : items)
    if (p.id == placed::kRule && 5 * p.full.width() >= 4 * text.width())
      out.push_back({p.full.y0, p.full.y1});
  return out;
}

std::vector<interval> gaps(const std::vector<placed> &items, bool along_x, bool full) {
  std::vector<interval> spans;
  spans.reserve(items.size());
  for (const placed &p : items) {
    const box &b = full ? p.full : p.bbox;
    spans.push_back(along_x ? interval{b.x0, b.x1} : interval{b.y0, b.y1});
  }
  std::sort(spans.begin(), spans.end(),
            [](const interval &a, const interval &b) { return a.lo < b.lo; });
  std::vector<interval> out;
  std::int32_t reach = spans.empty() ? 0 : spans.front().hi;
  for (const interval &s : spans) {
    if (s.lo > reach) out.push_back({reach, s.lo});
    reach = std::max(reach, s.hi);
  }
  return out;
}

std::int32_t center(const box &b, bool along_x) {
  return along_x ? b.x0 + b.width() / 2 : b.y0 + b.height() / 2;
}

// Split `items` at the gaps along one axis, into groups in axis order.
std::vector<std::vector<placed>> split_at(const std::vector<placed> &items,
                                          const std::vector<interval> &cuts, bool along_x) {
  std::vector<std::vector<placed>> groups(cuts.size() + 1);
  for (const placed &p : items) {
    const std::int32_t lo = along_x ? p.bbox.x0 : p.bbox.y0;
    std::size_t g = 0;
    while (g < cuts.size() && lo >= cuts[g].hi) ++g;
    groups[g].push_back(p);
  }
  return groups;
}

void read_top_down(std::vector<placed> items, std::vector<std::uint32_t> &out) {
  std::sort(items.begin(), items.end(), [](const placed &a, const placed &b) {
    if (a.bbox.y0 != b.bbox.y0) return a.bbox.y0 < b.bbox.y0;
    if (a.bbox.x0 != b.bbox.x0) return a.bbox.x0 < b.bbox.x0;
    return a.id < b.id;
  });
  for (const placed &p : items) append_ids(p, out);
}

// The widest elements, removed one by one until the rest falls into
// columns, then kept only if they cross a gutter of the rest: those are the
// spanners (headlines, rules, wide columns of a band over narrower ones).
// Only elements clearly wider than a column are candidates. Removing more
// only opens more gutters, so the fewest that open one are found by
// bisection: pages of thousands of small regions stay fast.
std::vector<std::size_t> find_spanners(const std::vector<placed> &items) {
  std::vector<std::int32_t> widths;
  for (const placed &p : items) widths.push_back(p.bbox.width());
  std::vector<std::int32_t> sorted = widths;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const std::int32_t median = sorted[sorted.size() / 2];

  std::vector<std::size_t> by_width(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) by_width[i] = i;
  std::stable_sort(by_width.begin(), by_width.end(),
                   [&](std::size_t a, std::size_t b) { return widths[a] > widths[b]; });
  std::size_t candidates = 0;
  while (candidates < by_width.size() && widths[by_width[candidates]] * 4 >= median * 5)
    ++candidates;
  // At least two elements must stay for a gutter between them.
  candidates = std::min(candidates, items.size() >= 2 ? items.size() - 2 : 0);
  auto gutters_without = [&](std::size_t taken) {
    std::vector<placed> rest;
    rest.reserve(items.size() - taken);
    for (std::size_t k = taken; k < by_width.size(); ++k) rest.push_back(items[by_width[k]]);
    return gaps(rest, true);
  };
  if (candidates == 0 || gutters_without(candidates).empty()) return {};
  std::size_t lo = 1, hi = candidates;  // taking out `hi` opens a gutter
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (gutters_without(mid).empty()) lo = mid + 1;
    else hi = mid;
  }
  const std::vector<interval> gutters = gutters_without(hi);
  std::vector<std::size_t> crossing;
  for (std::size_t k = 0; k < hi; ++k) {
    const box &b = items[by_width[k]].bbox;
    if (std::any_of(gutters.begin(), gutters.end(),
                    [&](const interval &g) { return b.x0 < g.hi && g.lo < b.x1; }))
      crossing.push_back(by_width[k]);
  }
  return crossing;
}

// A heading or rule straddling a gutter, no wider than a column: one or
// two short elements alone in the way of a gutter, which opens when they
// are taken out. Empty when there is no such place.
//
// The slots between consecutive edges are taken left to right; the
// elements covering a slot are the ones in the way there, kept by a sweep
// over the edges rather than a pass over every element per slot.
std::vector<std::size_t> find_straddlers(const std::vector<placed> &items) {
  std::vector<std::int32_t> edges;
  box extent = items.front().bbox;
  bool inverted = false;
  for (const placed &p : items) {
    edges.push_back(p.bbox.x0);
    edges.push_back(p.bbox.x1);
    extent = extent.united(p.bbox);
    inverted = inverted || p.bbox.x1 < p.bbox.x0;
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  auto gutter_without = [&](const std::vector<std::size_t> &blockers) {
    std::vector<placed> rest;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (std::find(blockers.begin(), blockers.end(), i) == blockers.end())
        rest.push_back(items[i]);
    return rest.size() >= 2 && !gaps(rest, true).empty();
  };
  auto slot_of = [&](std::int32_t x) {
    return static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), x) - edges.begin());
  };
  // Element i covers the slots [slot_of(x0), slot_of(x1)).
  std::vector<std::vector<std::size_t>> starting(edges.size()), ending(edges.size());
  std::vector<std::int32_t> rights, lefts;  // x1 and x0 of every element, sorted
  for (std::size_t i = 0; i < items.size(); ++i) {
    const box &b = items[i].bbox;
    rights.push_back(b.x1);
    lefts.push_back(b.x0);
    if (b.x1 <= b.x0) continue;
    starting[slot_of(b.x0)].push_back(i);
    ending[slot_of(b.x1)].push_back(i);
  }
  std::sort(rights.begin(), rights.end());
  std::sort(lefts.begin(), lefts.end());
  std::set<std::size_t> covering;  // in element order, as blockers are listed
  for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
    for (std::size_t i : ending[k]) covering.erase(i);
    for (std::size_t i : starting[k]) covering.insert(i);
    if (covering.empty() || covering.size() > 2) continue;
    const std::vector<std::size_t> blockers(covering.begin(), covering.end());
    if (std::any_of(blockers.begin(), blockers.end(),
                    [&](std::size_t i) { return 4 * items[i].bbox.height() > extent.height(); }))
      continue;
    // Nothing else covers the slot: with elements wholly on both sides of
    // it, taking the blockers out opens a gutter there. Otherwise (a slot
    // at the edge of the set) any other gutter counts, as it always has.
    const bool left = std::upper_bound(rights.begin(), rights.end(), edges[k]) != rights.begin();
    const bool right = std::lower_bound(lefts.begin(), lefts.end(), edges[k + 1]) != lefts.end();
    if ((!inverted && left && right) || gutter_without(blockers)) return blockers;
  }
  return {};
}

// The extent down the page of the stack each element stands in: elements
// of one column, each under the one before with less than half a line of
// white between them (`band_gap` is a line). An engine cuts a column at
// specks as readily as at paragraphs; the stack is the column's text as a
// clean scan gives it, one region. Spanners and rules (which part what a
// column holds) stand in no stack. Each element looks at the 64 nearest
// starting under it (hostile rows).
std::vector<interval> stack_extents(const std::vector<placed> &items, const std::vector<bool> &is_spanner,
                                    std::int32_t band_gap) {
  std::vector<std::size_t> parent(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) parent[i] = i;
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::vector<std::size_t> by_top;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!is_spanner[i] && items[i].id != placed::kRule && !items[i].full.empty()) by_top.push_back(i);
  std::sort(by_top.begin(), by_top.end(),
            [&](std::size_t a, std::size_t b) { return items[a].full.y0 < items[b].full.y0; });
  const std::int32_t reach = band_gap / 2;
  for (std::size_t k = 0; k < by_top.size(); ++k) {
    const box &a = items[by_top[k]].full;
    auto from = std::lower_bound(by_top.begin(), by_top.end(), a.y1 - reach,
                                 [&](std::size_t i, std::int32_t y) { return items[i].full.y0 < y; });
    for (int seen = 0; from != by_top.end() && seen < 64 && items[*from].full.y0 <= a.y1 + reach; ++from, ++seen) {
      const box &b = items[*from].full;
      if (*from == by_top[k] || b.y1 <= a.y1) continue;
      const std::int32_t overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
      if (2 * overlap >= std::min(a.width(), b.width())) parent[root(*from)] = root(by_top[k]);
    }
  }
  std::vector<interval> extent(items.size(), interval{INT32_MAX, INT32_MIN});
  for (std::size_t i = 0; i < items.size(); ++i) {
    interval &e = extent[root(i)];
    e = {std::min(e.lo, items[i].bbox.y0), std::max(e.hi, items[i].bbox.y1)};
  }
  std::vector<interval> out(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out[i] = extent[root(i)];
  return out;
}

// A spanner whose words part where a gutter of the rest runs (its middle
// inside a word gap): a line of body text the engine ran across a narrow
// gutter, not a heading over it. It is cut back to the side holding more
// of its words, and its gaps forgotten, so each element is cut back once;
// `cuts` (if given) is told where. Whether any was.
bool place_runs_across_gutters(std::vector<placed> &items, const std::vector<std::size_t> &spanners,
                               std::vector<gutter_cut> *cuts) {
  if (std::none_of(spanners.begin(), spanners.end(),
                   [&](std::size_t k) { return !items[k].word_gaps.empty(); }))
    return false;
  std::vector<bool> spanning(items.size(), false);
  for (std::size_t k : spanners) spanning[k] = true;
  std::vector<placed> rest;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!spanning[i]) rest.push_back(items[i]);
  if (rest.size() < 2) return false;
  const std::vector<interval> gutters = gaps(rest, true);
  bool any = false;
  for (std::size_t k : spanners) {
    placed &s = items[k];
    for (const placed::word_gap &g : s.word_gaps) {
      const bool at_gutter = std::any_of(gutters.begin(), gutters.end(), [&](const interval &u) {
        const std::int32_t middle = u.lo + (u.hi - u.lo) / 2;
        return g.lo <= middle && middle <= g.hi && s.bbox.x0 < middle && middle < s.bbox.x1;
      });
      if (!at_gutter) continue;
      if (cuts != nullptr) cuts->push_back({s.id, g.lo, g.hi, g.more_left});
      if (g.more_left) s.bbox.x1 = s.full.x1 = std::max(s.bbox.x0 + 1, g.lo);
      else s.bbox.x0 = s.full.x0 = std::min(s.bbox.x1 - 1, g.hi);
      any = true;
      break;
    }
    s.word_gaps.clear();
  }
  return any;
}

// Bands between spanners: each row of spanners is a band, and so is what
// lies between two rows of them. An element goes by the middle of its
// stack: a column beside a headline that runs on below it is read with
// the columns under the headline, however the engine cut it.
std::vector<std::vector<placed>> bands(const std::vector<placed> &items,
                                       const std::vector<std::size_t> &spanner_idx, std::int32_t band_gap) {
  std::vector<placed> spanners;
  std::vector<bool> is_spanner(items.size(), false);
  for (std::size_t k : spanner_idx) {
    spanners.push_back(items[k]);
    is_spanner[k] = true;
  }
  // Rows of spanners: those overlapping vertically read as one band.
  std::vector<interval> rows;
  for (const interval &g : gaps(spanners, false)) rows.push_back(g);
  std::vector<std::vector<placed>> spanner_rows = split_at(spanners, rows, false);
  std::vector<interval> row_extent;
  for (const auto &row : spanner_rows) {
    interval e{row.front().bbox.y0, row.front().bbox.y1};
    for (const placed &p : row) e = {std::min(e.lo, p.bbox.y0), std::max(e.hi, p.bbox.y1)};
    row_extent.push_back(e);
  }
  // Band 2k+1 holds spanner row k; band 2k what lies above it.
  std::vector<std::vector<placed>> out(2 * spanner_rows.size() + 1);
  for (std::size_t r = 0; r < spanner_rows.size(); ++r) out[2 * r + 1] = spanner_rows[r];
  const std::vector<interval> stacks = stack_extents(items, is_spanner, band_gap);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (is_spanner[i]) continue;
    const std::int32_t c = (stacks[i].lo + stacks[i].hi) / 2;
    std::size_t r = 0;
    while (r < row_extent.size() && c > (row_extent[r].lo + row_extent[r].hi) / 2) ++r;
    out[2 * r].push_back(items[i]);
  }
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto &b) { return b.empty(); }),
            out.end());
  return out;
}

}  // namespace

namespace {

// Where a framed box at the top of `g` ends: the top of the first text
// below its frame, when the topmost text of `g` is framed (a jumped tail or
// a sidebar set apart from the column under it). INT32_MIN when not.
std::int32_t end_of_top_frame(const std::vector<placed> &g, std::int32_t band_gap) {
  const placed *first = nullptr;
  for (const placed &p : g)
    if (p.id != placed::kRule && (first == nullptr || p.full.y0 < first->full.y0)) first = &p;
  if (first == nullptr || first->frame.empty()) return INT32_MIN;
  std::int32_t below = INT32_MAX;
  for (const placed &p : g)
    if (p.id != placed::kRule && p.full.y0 >= first->frame.y1 - band_gap / 2)
      below = std::min(below, p.full.y0);
  return below == INT32_MAX ? INT32_MIN : below;
}

// Staggered bands: an article set over some columns ends, and the next one
// begins under its headline, while the column beside them changes article
// higher up, where a box or a jumped tail stops short. When one group of
// columns has white space across it (a line high or more), or a rule drawn
// across it, just above a headline spanning two of its columns, and every
// other group has such a break no lower than that headline, the whole set
// is cut there: the top band is read first, across all the columns, as a
// reader finishes one article before starting the next. The rule counts
// because a skewed or blurred scan may leave no white under the last
// line above it. A headline over one column only (a page of two) does
// the same where the column beside holds a framed box at its top, and
// the cut there comes from that frame.
bool staggered_split(const std::vector<std::vector<placed>> &groups, std::int32_t band_gap,
                     std::vector<placed> &top, std::vector<placed> &bottom) {
  if (groups.size() < 2 || band_gap <= 0) return false;
  // What each group shows whatever the headline: its white rows a line
  // high or more and the rules across it (their bottom edges, in page
  // order), its extent, where a framed box at its top ends, and how far
  // down and up its pieces reach.
  struct group_facts {
    std::vector<std::int32_t> white_ends;
    box extent;
    std::int32_t framed = INT32_MIN;
    std::int32_t lowest_bottom = INT32_MIN, highest_top = INT32_MAX;
    std::int32_t highest_body_bottom = INT32_MAX;  // of text that is no heading
  };
  std::vector<group_facts> facts(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto &g = groups[i];
    group_facts &f = facts[i];
    for (const interval &c : breaks(g, band_gap)) f.white_ends.push_back(c.hi);
    // A rule right above a heading ends what comes before it, however
    // short (drawn over one column only, between two articles).
    for (const placed &p : g)
      if (p.rule_above != INT32_MIN) f.white_ends.push_back(p.rule_above);
    std::sort(f.white_ends.begin(), f.white_ends.end());
    f.extent = g.front().full;
    for (const placed &p : g) {
      f.extent = f.extent.united(p.full);
      f.lowest_bottom = std::max(f.lowest_bottom, p.full.y1);
      f.highest_top = std::min(f.highest_top, p.full.y0);
      if (!p.heading_like && p.id != placed::kRule)
        f.highest_body_bottom = std::min(f.highest_body_bottom, p.full.y1);
    }
    f.framed = end_of_top_frame(g, band_gap);
  }
  // A headline over one column only starts the next article where a
  // column beside holds a framed box at its top (a jumped tail) and the
  // cut there is the frame's: without the frame, one-column headings side
  // by side with other columns are those columns' own. It must be in
  // display type, as a section's subheadings are not.
  struct candidate {
    std::int32_t y;
    std::size_t group;
    bool narrow;
  };
  const bool any_frame = std::any_of(facts.begin(), facts.end(), [](const group_facts &f) {
    return f.framed != INT32_MIN;
  });
  std::vector<candidate> candidates;
  std::int32_t column = 0;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const auto &g = groups[gi];
    if (g.size() < 3) continue;
    std::vector<std::int32_t> widths;
    for (const placed &p : g) widths.push_back(p.bbox.width());
    std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
    column = std::max(column, widths[widths.size() / 2]);
    const std::vector<std::int32_t> &clear = facts[gi].white_ends;
    // Headlines over two columns or more; a kicker or deck beside one may
    // keep it from spanning a gutter by itself, so width alone decides.
    for (std::size_t k = 0; k < g.size(); ++k) {
      const placed &s = g[k];
      if (s.id == placed::kRule || !s.heading_like) continue;
      const bool narrow = 2 * s.bbox.width() < 3 * column;
      if (narrow && (!any_frame || !s.display)) continue;
      // A headline under the body of another article, not a deck under
      // its own headline.
      if (facts[gi].highest_body_bottom > s.full.y0 + band_gap) continue;
      // White space ending within a line of the headline's top.
      auto c = std::lower_bound(clear.begin(), clear.end(), s.full.y0 - band_gap);
      if (c != clear.end() && *c <= s.full.y0 + band_gap)
        candidates.push_back({s.full.y0, gi, narrow});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const candidate &a, const candidate &b) {
    return a.y != b.y ? a.y < b.y : a.group < b.group;
  });
  for (const candidate &cand : candidates) {
    const std::int32_t y = cand.y;
    std::vector<std::int32_t> cut_at;  // per group: items starting above it go on top
    bool ok = true, moves = false, framed_cut = false;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      const group_facts &f = facts[gi];
      std::int32_t at = INT32_MIN;
      // Only a single column beside the article block is cut short: two
      // pages of a spread, or two blocks of columns, keep their own bands.
      const box &extent = f.extent;
      // The white space or rule nearest the headline's height, above or
      // below it (a box may run a little past it), within a dozen lines or
      // so; of two as near, the upper.
      const auto after = std::lower_bound(f.white_ends.begin(), f.white_ends.end(), y);
      std::int64_t nearest = INT64_MAX;
      auto consider = [&](std::int32_t end) {
        const std::int64_t d = std::abs(static_cast<std::int64_t>(end) - y);
        if (d <= 15 * std::int64_t{band_gap} && d < nearest) {
          nearest = d;
          at = end;
        }
      };
      if (after != f.white_ends.begin()) consider(*(after - 1));
      if (after != f.white_ends.end()) consider(*after);
      // A framed box at the top of the column ends where its frame does,
      // however far above or below the headline: it belongs to the article
      // beside it.
      if (f.framed != INT32_MIN) at = f.framed;
      const bool all_above = f.lowest_bottom <= y + band_gap;
      const bool all_below = f.highest_top >= y - band_gap;
      if (all_above) at = INT32_MAX;
      else if (all_below) at = INT32_MIN + 1;
      if (at == INT32_MIN) {
        ok = false;
        break;
      }
      // The cut matters only where a group changes article above the headline.
      const bool short_cut = at != INT32_MAX && at != INT32_MIN + 1 &&
                             (at < y - band_gap || at > y + band_gap);
      if (short_cut && 5 * extent.width() > 8 * column) {
        ok = false;
        break;
      }
      moves = moves || short_cut;
      framed_cut = framed_cut || (short_cut && gi != cand.group && at == f.framed);
      cut_at.push_back(at);
    }
    if (!ok || !moves || (cand.narrow && !framed_cut)) continue;
    top.clear();
    bottom.clear();
    for (std::size_t i = 0; i < groups.size(); ++i)
      for (const placed &p : groups[i])
        (cut_at[i] == INT32_MAX || p.full.y0 < (cut_at[i] > y + band_gap ? cut_at[i] : std::min(cut_at[i], y))
             ? top
             : bottom)
            .push_back(p);
    if (!top.empty() && !bottom.empty()) return true;
  }
  return false;
}

// Whether white space across the set lies right under a headline (a
// heading over two columns or more) with body text beside it: such a band
// would end with the headline, which belongs with the text under it.
// Asked for every band gap of a set: the column width, the headlines (by
// their bottom) and whether each has text beside it are found once a set.
class headline_gaps {
 public:
  headline_gaps(const std::vector<placed> &items, std::int32_t band_gap)
      : items_(items), band_gap_(band_gap) {
    std::vector<std::int32_t> widths;
    for (const placed &p : items)
      if (p.id != placed::kRule) widths.push_back(p.bbox.width());
    if (widths.empty()) return;
    std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
    const std::int32_t column = widths[widths.size() / 2];
    for (std::size_t k = 0; k < items.size(); ++k) {
      const placed &h = items[k];
      if (h.id != placed::kRule && h.heading_like && 2 * h.bbox.width() >= 3 * column)
        headlines_.push_back(k);
    }
    std::stable_sort(headlines_.begin(), headlines_.end(), [&](std::size_t a, std::size_t b) {
      return items[a].full.y1 < items[b].full.y1;
    });
    beside_.assign(items.size(), -1);
  }

  bool under_headline(const interval &white) {
    auto it = std::lower_bound(headlines_.begin(), headlines_.end(), white.lo - band_gap_,
                               [&](std::size_t k, std::int32_t y) { return items_[k].full.y1 < y; });
    for (; it != headlines_.end() && items_[*it].full.y1 <= white.lo; ++it)
      if (text_beside(*it)) return true;
    return false;
  }

 private:
  // Only a headline with body text beside it (more than three lines, or
  // two or more in body type), in a column it does not span, at its own
  // height: the start of an L-shaped article, whose column beside must
  // stay with it. A headline alone across the set is a band.
  bool text_beside(std::size_t k) {
    if (beside_[k] < 0) {
      const placed &h = items_[k];
      beside_[k] = std::any_of(items_.begin(), items_.end(), [&](const placed &p) {
        return p.id != placed::kRule && (!p.heading_like || p.body_type) &&
               (p.full.x0 >= h.full.x1 || p.full.x1 <= h.full.x0) &&
               p.full.y0 < h.full.y1 && h.full.y0 < p.full.y1;
      });
    }
    return beside_[k] > 0;
  }

  const std::vector<placed> &items_;
  std::int32_t band_gap_;
  std::vector<std::size_t> headlines_;  // wide headlines, by bottom edge
  std::vector<signed char> beside_;     // per item: -1 not yet asked
};

// Each level splits the set, so the depth is bounded by its size; hostile
// boxes (a staircase) could make that deep, so past this depth the rest is
// read top to bottom.
constexpr int kMaxDepth = 200;

// `bands_first` false: the set is a part of a staggered cut. The lower
// part is an L-shaped article whose column beside starts higher than its
// headline; the upper part an article beside the box or tail that ends
// its column short. White space where that column holds nothing of the
// part (under its first piece, beside a subheading of the article) is no
// band across the set, so its columns are read first.
void cut(std::vector<placed> items, std::vector<std::uint32_t> &out, std::int32_t band_gap,
         std::vector<gutter_cut> *cuts, int depth, bool bands_first = true) {
  check_deadline("the layout");
  if (depth > kMaxDepth) {
    read_top_down(std::move(items), out);
    return;
  }
  if (items.size() <= 1) {
    for (const placed &p : items) append_ids(p, out);
    return;
  }
  // Split at the widest gutters only: each side may then find bands of its
  // own (the two pages of a spread, an article block beside a column).
  // Found when first asked for.
  std::vector<std::vector<placed>> groups;
  bool grouped = false;
  auto column_groups = [&]() -> std::vector<std::vector<placed>> & {
    if (grouped) return groups;
    grouped = true;
    const std::vector<interval> columns = gaps(items, true);
    if (columns.empty()) return groups;
    const interval widest = *std::max_element(
        columns.begin(), columns.end(),
        [](const interval &a, const interval &b) { return a.hi - a.lo < b.hi - b.lo; });
    std::vector<interval> wide;
    for (const interval &g : columns)
      if (2 * (g.hi - g.lo) >= widest.hi - widest.lo) wide.push_back(g);
    groups = split_at(items, wide, true);
    return groups;
  };
  auto staggered = [&] {
    column_groups();
    std::vector<placed> top, bottom;
    if (!staggered_split(groups, band_gap, top, bottom)) return false;
    cut(std::move(top), out, band_gap, cuts, depth + 1, false);
    cut(std::move(bottom), out, band_gap, cuts, depth + 1, false);
    return true;
  };
  // A band of white across everything, as high as a line or more: the
  // page is set in bands (a feuilleton under the news), each read whole.
  // Where a column holds a framed box at its top, a staggered cut comes
  // first: white across the page above the next article's headline may
  // be chance (a subheading beside it at its height), while the frame
  // says where the column changes article.
  if (band_gap > 0 && bands_first) {
    std::vector<interval> clear;
    std::optional<headline_gaps> headlines;
    for (const interval &g : gaps(items, false, true)) {
      if (g.hi - g.lo < band_gap) continue;
      if (!headlines) headlines.emplace(items, band_gap);
      if (!headlines->under_headline(g)) clear.push_back(g);
    }
    if (!clear.empty()) {
      const bool framed = std::any_of(items.begin(), items.end(),
                                      [](const placed &p) { return !p.frame.empty(); });
      if (framed && staggered()) return;
      for (auto &group : split_at(items, clear, false))
        cut(std::move(group), out, band_gap, cuts, depth + 1);
      return;
    }
  }
  if (!column_groups().empty()) {
    if (staggered()) return;
    for (auto &group : groups) cut(std::move(group), out, band_gap, cuts, depth + 1);
    return;
  }
  // A rule drawn across (nearly) the whole set ends a band.
  box extent = items.front().bbox;
  for (const placed &p : items) extent = extent.united(p.bbox);
  std::vector<interval> rules;
  for (const placed &p : items)
    if (p.id == placed::kRule && p.bbox.width() * 5 >= extent.width() * 4)
      rules.push_back({p.bbox.y0, p.bbox.y1});
  if (!rules.empty()) {
    std::sort(rules.begin(), rules.end(),
              [](const interval &a, const interval &b) { return a.lo < b.lo; });
    std::vector<std::vector<placed>> parts(rules.size() + 1);
    for (const placed &p : items) {
      if (p.id == placed::kRule && p.bbox.width() * 5 >= extent.width() * 4) continue;
      const std::int32_t c = center(p.bbox, false);
      std::size_t g = 0;
      while (g < rules.size() && c > rules[g].lo) ++g;
      parts[g].push_back(p);
    }
    for (auto &part : parts) cut(std::move(part), out, band_gap, cuts, depth + 1);
    return;
  }
  std::vector<std::size_t> spanners = find_spanners(items);
  if (spanners.empty()) spanners = find_straddlers(items);
  if (!spanners.empty()) {
    if (place_runs_across_gutters(items, spanners, cuts)) {
      cut(std::move(items), out, band_gap, cuts, depth + 1);
      return;
    }
    std::vector<std::vector<placed>> parts = bands(items, spanners, band_gap);
    if (parts.size() > 1) {
      for (auto &part : parts) cut(std::move(part), out, band_gap, cuts, depth + 1);
      return;
    }
  }
  const std::vector<interval> rows = gaps(items, false);
  if (!rows.empty()) {
    for (auto &group : split_at(items, rows, false)) cut(std::move(group), out, band_gap, cuts, depth + 1);
    return;
  }
  read_top_down(std::move(items), out);
}

}  // namespace

void cut_in_reading_order(std::vector<placed> items, std::vector<std::uint32_t> &out,
                          std::int32_t band_gap, std::vector<gutter_cut> *cuts) {
  cut(std::move(items), out, band_gap, cuts, 0);
}

}  // namespace colreflow::detail
