#include "layout/layout.hpp"

#include <algorithm>
#include <climits>  // INT32_MAX
#include <cstdint>  // SIZE_MAX

#include "layout/frames.hpp"
#include "layout/x_index.hpp"
#include "layout/xy_cut.hpp"
#include "text/chars.hpp"

namespace colreflow::detail {
namespace {

// Region boxes drawn by hand or by an engine overlap their neighbours by a
// few percent; shrinking them lets gutters and gaps between them show.
box shrunk(const box &b, std::int32_t line_height) {
  const std::int32_t dx = b.width() / 20;
  const std::int32_t dy = std::min(b.height() / 4, line_height / 2);
  return {b.x0 + dx, b.y0 + dy, b.x1 - dx, b.y1 - dy};
}

// Whether a word at a line's end is a speck the engine read rather than
// text: tiny next to the line's type, flat and doubtful, no letter, digit
// or ideograph at all (a dot, a bar, a quote on its own), or one or two
// doubtful characters more than a type height (`apart`) from the next word.
bool is_speck(const word &w, std::int32_t type_height, std::int32_t apart = 0) {
  const std::int32_t width = w.bbox.width(), height = w.bbox.height();
  if (2 * std::max(width, height) < type_height) return true;
  if (3 * height < type_height && w.confidence >= 0 && w.confidence < 60) return true;
  std::size_t pos = 0, count = 0;
  bool text = false;
  while (pos < w.text.size()) {
    const char32_t c = next_code_point(w.text, pos);
    text = text || is_letter(c) || is_digit(c) || is_cjk(c);
    ++count;
  }
  // One or two letters the engine doubts, standing apart from the text.
  if (count <= 2 && w.confidence >= 0 && w.confidence < 30 && apart > type_height) return true;
  return !text;
}

std::int32_t median_of(std::vector<std::int32_t> &v) {
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// The part of a line its text fills: from its first word to its last that
// is no speck, between the median top and the median bottom of its words.
// A blurred, skewed scan makes the engine stretch a line's box over specks
// beside it, into the gutter, and over marks it boxes taller than the type
// (a comma, a quote). The line's own box when it has no word boxes.
box text_core(const text_line &l, std::vector<const word *> &words,
              std::vector<std::int32_t> &scratch) {
  words.clear();
  for (const word &w : l.words)
    if (!w.bbox.empty()) words.push_back(&w);
  if (words.empty()) return l.bbox;
  scratch.clear();
  for (const word *w : words) scratch.push_back(w->bbox.height());
  const std::int32_t type_height = median_of(scratch);
  std::size_t first = 0, last = words.size();
  // How far a word stands from the next one inwards.
  auto apart = [&](std::size_t k, bool from_start) {
    if (from_start) return k + 1 < words.size() ? words[k + 1]->bbox.x0 - words[k]->bbox.x1 : 0;
    return k > 0 ? words[k]->bbox.x0 - words[k - 1]->bbox.x1 : 0;
  };
  while (first < last && is_speck(*words[first], type_height, apart(first, true))) ++first;
  while (last > first && is_speck(*words[last - 1], type_height, apart(last - 1, false))) --last;
  if (first == last) return l.bbox;
  box core{INT32_MAX, 0, INT32_MIN, 0};
  for (std::size_t k = first; k < last; ++k) {
    core.x0 = std::min(core.x0, words[k]->bbox.x0);
    core.x1 = std::max(core.x1, words[k]->bbox.x1);
  }
  scratch.clear();
  for (const word *w : words) scratch.push_back(w->bbox.y0);
  core.y0 = median_of(scratch);
  scratch.clear();
  for (const word *w : words) scratch.push_back(w->bbox.y1);
  core.y1 = median_of(scratch);
  if (core.y1 <= core.y0) core = {core.x0, l.bbox.y0, core.x1, l.bbox.y1};
  return core;
}

// What the layout reads of a region's text.
struct text_extent {
  // The region's box less what only specks and stretched line boxes fill:
  // on each side, pulled in by as much as its lines' text falls short of
  // the lines' boxes. Regions whose lines have no word boxes keep the box
  // the input draws. A region of running text whose lines stand in two
  // columns is placed by the column holding most of its text.
  box bbox;
  // Two lines or more in body type (the median height of their text under
  // 1.4 times the page's median line): running text, however few lines
  // the engine put in the region.
  bool body_type = false;
  // The median height of its lines' text.
  std::int32_t type = 0;
};

// A region whose lines stand side by side in two columns (the engine
// joined a line of one column to the lines of the next): the lines of the
// column holding most of them, found by sweeping the lines' text in x
// order; a line joins the run it overlaps by half its width or more. Of
// columns holding as many, the one of its first line (the topmost): the
// region is read from its first line on, so the text before that line
// decides (a line of each column, a skewed scan's). All of `cores` when
// they make one column.
std::vector<box> main_column(std::vector<box> cores) {
  if (cores.empty()) return cores;
  const std::int32_t top =
      std::min_element(cores.begin(), cores.end(), [](const box &a, const box &b) {
        return a.y0 < b.y0;
      })->y0;
  std::sort(cores.begin(), cores.end(), [](const box &a, const box &b) { return a.x0 < b.x0; });
  std::vector<box> best, run;
  std::size_t runs = 0;
  bool best_has_top = false, run_has_top = false;
  std::int32_t run_x1 = INT32_MIN;
  auto close_run = [&] {
    if (run.empty()) return;
    ++runs;
    if (run.size() > best.size() || (run.size() == best.size() && run_has_top && !best_has_top)) {
      best = run;
      best_has_top = run_has_top;
    }
    run.clear();
    run_has_top = false;
  };
  for (const box &c : cores) {
    if (!run.empty() && 2 * (std::min(run_x1, c.x1) - c.x0) < c.width()) close_run();
    if (run.empty()) run_x1 = c.x1;
    run_x1 = std::max(run_x1, c.x1);
    run.push_back(c);
    run_has_top = run_has_top || c.y0 == top;
  }
  close_run();
  return runs > 1 ? best : cores;
}

text_extent text_of(const region &r, std::int32_t line_height,
                    std::vector<std::int32_t> &all_heights) {
  std::vector<const word *> words;
  std::vector<std::int32_t> scratch, heights;
  std::vector<box> line_cores;
  box lines{}, cores{};
  for (const text_line &l : r.lines) {
    if (l.bbox.empty()) continue;
    const box core = text_core(l, words, scratch);
    lines = lines.united(l.bbox);
    cores = cores.united(core);
    heights.push_back(core.height());
    all_heights.push_back(core.height());
    line_cores.push_back(core);
  }
  text_extent out{r.bbox};
  if (lines.empty() || cores.empty()) return out;
  out.type = median_of(heights);
  out.body_type = heights.size() >= 2 && line_height > 0 && 5 * out.type < 7 * line_height;
  if (out.body_type) {  // running text stands in one column
    box main{};
    for (const box &c : main_column(line_cores)) main = main.united(c);
    cores = main;
  }
  const box b{r.bbox.x0 + std::max(0, cores.x0 - lines.x0),
              r.bbox.y0 + std::max(0, cores.y0 - lines.y0),
              r.bbox.x1 - std::max(0, lines.x1 - cores.x1),
              r.bbox.y1 - std::max(0, lines.y1 - cores.y1)};
  if (!b.empty()) out.bbox = b;
  return out;
}

// Where the words of a region of one or two lines leave white across all
// its lines, half a type height wide or more (see placed::word_gaps).
// Specks do not count as words: the engine reads them in gutters.
std::vector<placed::word_gap> word_gaps_of(const region &r, std::int32_t type_height) {
  std::vector<placed::word_gap> out;
  const auto worded = std::count_if(r.lines.begin(), r.lines.end(),
                                    [](const text_line &l) { return !l.words.empty(); });
  if (worded > 2 || type_height <= 0) return out;
  std::vector<std::pair<std::int32_t, std::int32_t>> spans;  // x0, x1 of each word
  for (const text_line &l : r.lines)
    for (const word &w : l.words)
      if (!w.bbox.empty() && !is_speck(w, type_height)) spans.push_back({w.bbox.x0, w.bbox.x1});
  if (spans.size() < 2) return out;
  std::sort(spans.begin(), spans.end());
  std::int32_t reach = spans.front().second;
  for (std::size_t k = 1; k < spans.size(); ++k) {
    // k words stand left of the gap.
    if (2 * (spans[k].first - reach) >= type_height)
      out.push_back({reach, spans[k].first, 2 * k >= spans.size()});
    reach = std::max(reach, spans[k].second);
  }
  return out;
}

std::int32_t median_line_height(const page &p) {
  std::vector<std::int32_t> h;
  for (const region &r : p.regions)
    for (const text_line &l : r.lines)
      if (!l.bbox.empty()) h.push_back(l.bbox.height());
  if (h.empty()) return 0;
  std::nth_element(h.begin(), h.begin() + h.size() / 2, h.end());
  return h[h.size() / 2];
}

// Table cells leave the flow of the columns: a reader takes the text around
// a table first and the table as a whole after it, column by column where
// the input numbers the columns, else row by row.
void append_tables(const page &p, std::vector<std::uint32_t> &order) {
  std::vector<std::uint32_t> cells;
  for (std::uint32_t i = 0; i < p.regions.size(); ++i)
    if (p.regions[i].table >= 0) cells.push_back(i);
  // Tables in the order their top-left cells come on the page.
  std::vector<std::pair<box, std::int32_t>> tables;
  for (std::uint32_t i : cells) {
    const region &r = p.regions[i];
    auto it = std::find_if(tables.begin(), tables.end(),
                           [&](const auto &t) { return t.second == r.table; });
    if (it == tables.end()) tables.push_back({r.bbox, r.table});
    else it->first = it->first.united(r.bbox);
  }
  auto table_rank = [&](std::int32_t table) {
    for (std::size_t k = 0; k < tables.size(); ++k)
      if (tables[k].second == table) return k;
    return tables.size();
  };
  std::sort(tables.begin(), tables.end(), [](const auto &a, const auto &b) {
    if (a.first.y0 != b.first.y0) return a.first.y0 < b.first.y0;
    return a.first.x0 < b.first.x0;
  });
  std::stable_sort(cells.begin(), cells.end(), [&](std::uint32_t a, std::uint32_t b) {
    const region &ra = p.regions[a], &rb = p.regions[b];
    const auto ta = table_rank(ra.table), tb = table_rank(rb.table);
    if (ta != tb) return ta < tb;
    if (ra.table_column != rb.table_column) return ra.table_column < rb.table_column;
    if (ra.bbox.y0 != rb.bbox.y0) return ra.bbox.y0 < rb.bbox.y0;
    return ra.bbox.x0 < rb.bbox.x0;
  });
  order.insert(order.end(), cells.begin(), cells.end());
}

std::int32_t median_body_width(const page &p) {
  std::vector<std::int32_t> w;
  for (const region &r : p.regions)
    if (r.table < 0 && r.lines.size() >= 3 && !r.bbox.empty()) w.push_back(r.bbox.width());
  if (w.empty())
    for (const region &r : p.regions)
      if (!r.bbox.empty()) w.push_back(r.bbox.width());
  if (w.empty()) return 0;
  std::nth_element(w.begin(), w.begin() + w.size() / 2, w.end());
  return w[w.size() / 2];
}

// A landscape scan of newspaper pages holds two pages side by side: 1 for
// a box on the right-hand page, else 0.
int page_half(const page &p, const box &b) {
  const bool spread = p.width > 0 && p.height > 0 && p.width > p.height;
  return spread && b.x0 + b.width() / 2 > p.width / 2 ? 1 : 0;
}

std::int64_t x_overlap(const box &a, const box &b) {
  return std::max(0, std::min(a.x1, b.x1) - std::max(a.x0, b.x0));
}

// A piece of furniture heading a column: the nearest region below it that
// lies under at least half of it, else the one below it overlaps most; -1
// when nothing lies below. Ties go to the lower region index. `columns`
// indexes the regions that were in the flow when the pieces were taken
// out; only those still in `flow` count.
std::int64_t column_below(const page &p, std::uint32_t head, const std::vector<bool> &flow,
                          const x_index &columns) {
  const box &h = p.regions[head].bbox;
  std::int64_t nearest = -1, widest = -1, widest_overlap = 0;
  // A region overlapping nothing of the piece is neither.
  columns.for_each_overlapping(h.x0, h.x1, [&](std::uint32_t i) {
    if (!flow[i] || i == head) return;
    const box &b = p.regions[i].bbox;
    if (b.y0 < h.y0 + h.height() / 2) return;  // not below
    const std::int64_t o = x_overlap(h, b);
    if (2 * o >= h.width()) {
      const std::int32_t y = nearest < 0 ? 0 : p.regions[nearest].bbox.y0;
      if (nearest < 0 || b.y0 < y || (b.y0 == y && i < nearest)) nearest = i;
    }
    if (o > widest_overlap || (o > 0 && o == widest_overlap && i < widest)) {
      widest = i;
      widest_overlap = o;
    }
  });
  return nearest >= 0 ? nearest : widest;
}

// Page furniture at the very top of the page: a one-line header or caption
// (a running head, a date, an issue number), no wider than a column and a
// half, with nothing above it. A header under a masthead belongs to the
// masthead's band (the date line of a front page) and is read there.
// The smallest frame that holds `b` (within `tolerance`), else an empty box.
box frame_around(const box &b, const std::vector<box> &frames, std::int32_t tolerance) {
  box best{};
  for (const box &f : frames)
    if (b.x0 >= f.x0 - tolerance && b.y0 >= f.y0 - tolerance && b.x1 <= f.x1 + tolerance &&
        b.y1 <= f.y1 + tolerance && (best.empty() || f.area() < best.area()))
      best = f;
  return best;
}

// `top` is the highest bottom edge of any region with a box: a region
// starting above it has nothing above it.
bool is_top_furniture(const page &p, std::uint32_t i, std::int32_t body_width, std::int32_t top) {
  const region &r = p.regions[i];
  if ((r.hint != region_hint::header && r.hint != region_hint::caption) || r.lines.size() > 1 ||
      r.bbox.width() * 2 > body_width * 3)
    return false;
  return r.bbox.y0 < top;
}

std::int32_t highest_bottom(const page &p) {
  std::int32_t top = INT32_MAX;
  for (const region &o : p.regions)
    if (!o.bbox.empty()) top = std::min(top, o.bbox.y1);
  return top;
}

// Page numbers and running heads open their page; a landscape scan holds
// two pages side by side, each with its own. They are taken right to left,
// each put before the first region of its page half (at the end when the
// half has none yet): so a half's openers come left to right, before the
// first region the order had there, and a half with none comes after
// everything, in the order its first opener was taken.
void put_openers_first(const page &p, std::vector<std::uint32_t> numbers,
                       std::vector<std::uint32_t> &order) {
  if (numbers.empty()) return;
  auto half = [&](std::uint32_t r) { return page_half(p, p.regions[r].bbox); };
  std::sort(numbers.begin(), numbers.end(), [&](std::uint32_t a, std::uint32_t b) {
    return p.regions[a].bbox.x0 > p.regions[b].bbox.x0;  // taken in turn
  });
  std::vector<std::uint32_t> of_half[2];
  std::vector<int> halves_at_end;  // halves the order has no region of, as first taken
  for (std::uint32_t n : numbers) {
    const int side = half(n);
    if (of_half[side].empty() &&
        std::none_of(order.begin(), order.end(), [&](std::uint32_t r) { return half(r) == side; }))
      halves_at_end.push_back(side);
    of_half[side].push_back(n);
  }
  for (auto &v : of_half) std::reverse(v.begin(), v.end());  // the last taken goes first
  std::vector<std::uint32_t> out;
  out.reserve(order.size() + numbers.size());
  bool placed[2] = {false, false};
  for (std::uint32_t r : order) {
    const int side = half(r);
    if (!placed[side]) {
      out.insert(out.end(), of_half[side].begin(), of_half[side].end());
      placed[side] = true;
    }
    out.push_back(r);
  }
  for (int side : halves_at_end) out.insert(out.end(), of_half[side].begin(), of_half[side].end());
  order = std::move(out);
}

// Each furniture piece goes before the region it heads, pieces heading the
// same region in the order given; a piece whose region is not in the order
// goes at the end.
void put_heads_over_columns(const std::vector<std::pair<std::uint32_t, std::uint32_t>> &heads,
                            std::size_t regions, std::vector<std::uint32_t> &order) {
  if (heads.empty()) return;
  constexpr std::uint32_t kNone = UINT32_MAX;
  // For each region, the first of the pieces heading it; then each piece's next.
  std::vector<std::uint32_t> first(regions, kNone), last(regions, kNone), next(heads.size(), kNone);
  std::vector<bool> in_order(regions, false);
  for (std::uint32_t r : order) in_order[r] = true;
  std::vector<std::uint32_t> at_end;
  for (std::uint32_t k = 0; k < heads.size(); ++k) {
    const std::uint32_t below = heads[k].second;
    if (!in_order[below]) {
      at_end.push_back(heads[k].first);
      continue;
    }
    if (first[below] == kNone) first[below] = k;
    else next[last[below]] = k;
    last[below] = k;
  }
  std::vector<std::uint32_t> out;
  out.reserve(order.size() + heads.size());
  for (std::uint32_t r : order) {
    for (std::uint32_t k = first[r]; k != kNone; k = next[k]) out.push_back(heads[k].first);
    first[r] = kNone;  // before the first place the region has
    out.push_back(r);
  }
  out.insert(out.end(), at_end.begin(), at_end.end());
  order = std::move(out);
}

// Pieces of one heading line that the engine cut into regions of their
// own (at a space between words above a gutter): single lines in display
// type, side by side on one line (their text overlapping by two thirds of
// the lower one's height), in like type (within half as large again:
// descenders make the text of some lines taller), the boxes the engine
// drew no further apart than three fifths of that type, a word space (a
// gutter between two columns' headings is wider). Each such row is placed
// as one element, read left to right, so that a headline cut over the
// gutters still spans them.
void join_heading_pieces(const page &p, std::vector<placed> &items,
                         std::vector<std::size_t> pieces) {
  if (pieces.size() < 2) return;
  pieces.erase(std::remove_if(pieces.begin(), pieces.end(),
                              [&](std::size_t k) {
                                return !items[k].display || items[k].full.empty();
                              }),
               pieces.end());
  auto drawn = [&](std::size_t k) -> const box & { return p.regions[items[k].id].bbox; };
  std::sort(pieces.begin(), pieces.end(), [&](std::size_t a, std::size_t b) {
    const box &x = drawn(a), &y = drawn(b);
    return x.x0 != y.x0 ? x.x0 < y.x0 : a < b;
  });
  constexpr std::size_t kNone = SIZE_MAX;
  std::vector<std::size_t> next(items.size(), kNone);
  std::vector<bool> has_left(items.size(), false);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const placed &a = items[pieces[i]];
    const box &da = drawn(pieces[i]);
    // The nearest piece to the right on the same line. A bounded look: a
    // page of thousands of big-type lines stays linear.
    std::size_t best = kNone;
    for (std::size_t j = i + 1; j < pieces.size() && j <= i + 64; ++j) {
      const placed &b = items[pieces[j]];
      const box &db = drawn(pieces[j]);
      const std::int32_t small = std::min(a.type, b.type);
      if (5 * (db.x0 - da.x1) > 3 * small) break;  // sorted by x0: the rest lie further
      const std::int32_t overlap = std::min(a.full.y1, b.full.y1) - std::max(a.full.y0, b.full.y0);
      if (b.full.x0 < a.full.x1 - small / 2 || b.full.x1 <= a.full.x1 ||
          3 * overlap < 2 * std::min(a.full.height(), b.full.height()) ||
          2 * std::max(a.type, b.type) > 3 * small)
        continue;
      if (best == kNone || drawn(best).x0 > db.x0) best = pieces[j];
    }
    if (best != kNone && !has_left[best]) {
      next[pieces[i]] = best;
      has_left[best] = true;
    }
  }
  std::vector<bool> gone(items.size(), false);
  for (std::size_t k : pieces) {
    if (has_left[k] || next[k] == kNone) continue;
    placed &head = items[k];
    for (std::size_t n = next[k]; n != kNone; n = next[n]) {
      const placed &piece = items[n];
      head.bbox = head.bbox.united(piece.bbox);
      head.full = head.full.united(piece.full);
      head.frame = {};
      head.joined.push_back(piece.id);
      gone[n] = true;
    }
  }
  std::size_t kept = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (gone[k]) continue;
    if (kept != k) items[kept] = std::move(items[k]);
    ++kept;
  }
  items.resize(kept);
}

// The rule drawn right above each heading (see placed::rule_above): a
// horizontal separator whose bottom lies between two lines above the
// heading's text and half a line into it, over half its width or more.
// Rules are looked up by height, so that pages of thousands of rules and
// headings stay fast.
void find_rules_above(const page &p, std::vector<placed> &items, std::int32_t line_height) {
  std::vector<box> rules;
  for (const separator &s : p.separators)
    if (s.bbox.width() >= 3 * s.bbox.height()) rules.push_back(s.bbox);
  if (rules.empty() || line_height <= 0) return;
  std::sort(rules.begin(), rules.end(), [](const box &a, const box &b) { return a.y1 < b.y1; });
  for (placed &it : items) {
    if (!it.heading_like || it.full.empty()) continue;
    const std::int32_t from = it.full.y0 - 2 * line_height, to = it.full.y0 + line_height / 2;
    auto r = std::lower_bound(rules.begin(), rules.end(), from,
                              [](const box &b, std::int32_t y) { return b.y1 < y; });
    // A bounded look: rules stacked at one height are no rule above a heading.
    for (int k = 0; r != rules.end() && r->y1 <= to && k < 16; ++r, ++k)
      if (2 * x_overlap(*r, it.full) >= it.full.width())
        it.rule_above = std::max(it.rule_above, r->y1);
  }
}

}  // namespace

page_order order_regions(const page &p, std::vector<gutter_cut> *cuts) {
  const std::int32_t line_height = median_line_height(p);
  const std::int32_t body_width = median_body_width(p);
  std::vector<bool> flow(p.regions.size(), false);
  for (std::uint32_t i = 0; i < p.regions.size(); ++i)
    flow[i] = p.regions[i].table < 0 && !p.regions[i].bbox.empty();

  // Page numbers open their page, and so does a lone running head. A row
  // of furniture pieces side by side (date | title | issue number) sits
  // over particular columns: each piece goes with the column below it.
  std::vector<std::uint32_t> openers;
  std::vector<std::uint32_t> furniture;
  const std::int32_t top = highest_bottom(p);
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) {
    if (!flow[i]) continue;
    if (p.regions[i].hint == region_hint::page_number) openers.push_back(i);
    else if (is_top_furniture(p, i, body_width, top)) furniture.push_back(i);
  }
  for (std::uint32_t i : openers) flow[i] = false;
  // Every piece starts above every region's bottom edge, so any two pieces
  // overlap in height: pieces on the same page half make a row.
  int pieces_on_half[2] = {0, 0};
  for (std::uint32_t i : furniture) ++pieces_on_half[page_half(p, p.regions[i].bbox)];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> heads;  // (piece, region it heads)
  std::vector<std::uint32_t> in_flow;
  std::vector<box> flow_boxes;
  if (!furniture.empty())
    for (std::uint32_t i = 0; i < p.regions.size(); ++i)
      if (flow[i]) {
        in_flow.push_back(i);
        flow_boxes.push_back(p.regions[i].bbox);
      }
  const x_index columns(in_flow, flow_boxes);
  for (std::uint32_t i : furniture) {
    const box &b = p.regions[i].bbox;
    const bool in_row = pieces_on_half[page_half(p, b)] > 1;
    if (!in_row) {
      openers.push_back(i);
      flow[i] = false;
      continue;
    }
    const std::int64_t below = column_below(p, i, flow, columns);
    if (below >= 0) {
      heads.push_back({i, static_cast<std::uint32_t>(below)});
      flow[i] = false;
    }
  }

  const std::vector<box> frames = ruled_frames(p.separators, line_height);
  std::vector<placed> items;
  std::vector<std::size_t> one_line;  // items of a single line
  std::vector<std::int32_t> text_heights;  // of every line's text
  std::vector<std::uint32_t> unplaced;
  for (std::uint32_t i = 0; i < p.regions.size(); ++i) {
    if (flow[i]) {
      const text_extent text = text_of(p.regions[i], line_height, text_heights);
      items.push_back({shrunk(text.bbox, line_height), i, text.bbox,
                       !p.regions[i].lines.empty() && p.regions[i].lines.size() <= 3,
                       frame_around(text.bbox, frames, line_height), text.body_type, text.type});
      if (p.regions[i].lines.size() == 1) one_line.push_back(items.size() - 1);
    }
    else if (p.regions[i].table < 0 && p.regions[i].bbox.empty()) unplaced.push_back(i);
  }
  // Display type (headlines, decks): text 1.25 times as high as the
  // page's median line of text or more.
  const std::int32_t text_height = text_heights.empty() ? 0 : median_of(text_heights);
  for (placed &it : items) {
    it.display = text_height > 0 && 4 * it.type >= 5 * text_height;
    if (!it.display && it.id != placed::kRule) it.word_gaps = word_gaps_of(p.regions[it.id], it.type);
  }
  join_heading_pieces(p, items, one_line);
  find_rules_above(p, items, line_height);
  // Long horizontal rules cut the page into bands; they are not read.
  for (const separator &s : p.separators)
    if (s.bbox.width() >= 3 * s.bbox.height() && s.bbox.width() * 10 >= body_width * 13)
      items.push_back({s.bbox, placed::kRule, s.bbox});

  std::vector<std::uint32_t> order;
  order.reserve(p.regions.size());
  cut_in_reading_order(std::move(items), order, line_height, cuts);
  put_heads_over_columns(heads, p.regions.size(), order);
  put_openers_first(p, openers, order);
  append_tables(p, order);
  order.insert(order.end(), unplaced.begin(), unplaced.end());
  page_order out;
  if (!order.empty()) out.articles.push_back(std::move(order));
  return out;
}

}  // namespace colreflow::detail
