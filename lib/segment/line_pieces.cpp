#include "segment/line_pieces.hpp"

#include <algorithm>  // min, max, stable_sort
#include <cstdint>    // int64_t
#include <cstdlib>    // abs
#include <memory>     // unique_ptr, shared_ptr

#include "layout/x_index.hpp"
#include "segment/page_text.hpp"  // on_one_page_line, cjk_joins, median_over_body_lines
#include "text/chars.hpp"

namespace colreflow::detail {
namespace {

std::size_t text_lines(const region &r) {
  std::size_t n = 0;
  for (const text_line &l : r.lines) n += all_blank(l.text) ? 0 : 1;
  return n;
}

// A box's vertical extent as an x_index reads a horizontal one: the lines
// and regions that reach a height are looked up the way layout looks up
// what lies across from a box.
box y_extent(const box &b) { return box{b.y0, 0, b.y1, 1}; }

void append_line(text_line &to, const text_line &from) {
  if (!to.text.empty() && !cjk_joins(to.text, from.text)) to.text += ' ';
  to.text += from.text;
  to.bbox = to.bbox.united(from.bbox);
  to.words.insert(to.words.end(), from.words.begin(), from.words.end());
  to.hyphen_end = from.hyphen_end;
}

}  // namespace

namespace {

// Index of a region's first or last non-blank line; -1 when it has none.
std::int32_t edge_line(const region &r, bool last) {
  for (std::size_t k = 0; k < r.lines.size(); ++k) {
    const std::size_t at = last ? r.lines.size() - 1 - k : k;
    if (!all_blank(r.lines[at].text)) return static_cast<std::int32_t>(at);
  }
  return -1;
}

}  // namespace

namespace {

// A headline the engine cut at a word space into one-line regions of its
// own (see the header): each display line right of another, on its page
// line and a word space from it, is a piece of the leftmost one. Heads are
// taken left to right, so a piece's piece joins that same host.
void join_display_pieces(const page &p, const column_finder &columns,
                         const std::vector<std::uint32_t> &heads, std::vector<line_piece> &out) {
  auto head_line = [&](std::uint32_t h) -> std::uint32_t {
    return static_cast<std::uint32_t>(edge_line(p.regions[h], false));
  };
  auto head_box = [&](std::uint32_t h) -> const box & { return p.regions[h].lines[head_line(h)].bbox; };
  std::vector<std::uint32_t> by_x = heads, by_end = heads;
  std::stable_sort(by_x.begin(), by_x.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return head_box(a).x0 < head_box(b).x0; });
  std::stable_sort(by_end.begin(), by_end.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return head_box(a).x1 < head_box(b).x1; });
  // A headline's pieces are few: a bounded look at the heads ending nearest
  // left of each keeps a page of thousands of them at one height linear.
  constexpr std::size_t kMaxLook = 64;
  for (std::uint32_t r : by_x) {
    const box &rb = head_box(r);
    std::int32_t best_gap = -1;
    std::uint32_t best = 0;
    // Heads ending at or left of this one's start, nearest first.
    auto it = std::upper_bound(by_end.begin(), by_end.end(), rb.x0,
                               [&](std::int32_t x, std::uint32_t h) { return x < head_box(h).x1; });
    for (std::size_t looked = 0; it != by_end.begin() && looked < kMaxLook; ++looked) {
      const std::uint32_t h = *--it;
      const box &hb = head_box(h);
      const std::int32_t gap = rb.x0 - hb.x1;
      // No more than three fifths of this one's height: the heads further
      // left are further away still.
      if (5 * gap > 3 * rb.height()) break;
      if (h == r) continue;
      const std::int32_t low = std::min(hb.height(), rb.height());
      // On one page line: across half the lower one's height at least (an
      // engine's box of a garbled headline word may stand taller than its
      // type, so the heights are not compared). Not overlapping, and a word
      // space apart: the gutter between two columns' headlines is wider.
      const std::int32_t overlap = std::min(hb.y1, rb.y1) - std::max(hb.y0, rb.y0);
      if (2 * overlap < low || 5 * gap > 3 * low) continue;
      if (best_gap < 0 || gap < best_gap || (gap == best_gap && h < best)) {
        best_gap = gap;
        best = h;
      }
    }
    // Each as wide as a column of text below or above it: the heads of two
    // columns (an advertisement page's narrow gutter is a word space).
    if (best_gap < 0 || (columns.edges_around(head_box(best))->known() &&
                         columns.edges_around(rb)->known()))
      continue;
    line_piece pc = out[best].is_piece() ? out[best] : line_piece{};
    if (!pc.is_piece()) {
      pc.host = static_cast<std::int32_t>(best);
      pc.line = head_line(best);
    }
    pc.left = false;
    pc.stays = false;
    pc.widens_host = false;
    pc.in_headline = true;
    pc.piece_line = head_line(r);
    pc.piece_lines = 1;
    out[r] = pc;
  }
}

// Fragments of a headline's glyphs that the engine set apart in one-line
// regions of their own, read as a letter or two (see the header): a line
// lower than the body's, inside the extent of a headline line (its head
// and the pieces joined to it), is a piece of that line.
void join_fragments(const page &p, const std::vector<std::uint32_t> &heads, const x_index &heads_by_y,
                    std::int32_t body, std::vector<line_piece> &out) {
  auto line_of = [&](std::uint32_t r) -> const text_line & {
    return p.regions[r].lines[static_cast<std::size_t>(edge_line(p.regions[r], false))];
  };
  // Each headline line's extent, by its host (a head that is no piece).
  std::vector<box> extent(p.regions.size());
  for (std::uint32_t h : heads) {
    const std::uint32_t host = out[h].is_piece() ? static_cast<std::uint32_t>(out[h].host) : h;
    extent[host] = extent[host].united(line_of(h).bbox);
  }
  std::vector<bool> is_head(p.regions.size(), false);
  for (std::uint32_t h : heads) is_head[h] = true;
  for (std::uint32_t f = 0; f < p.regions.size(); ++f) {
    if (is_head[f] || out[f].is_piece() || text_lines(p.regions[f]) != 1) continue;
    const text_line &l = line_of(f);
    const box &b = l.bbox;
    if (b.empty() || b.height() >= body) continue;
    std::int64_t into = -1;
    heads_by_y.for_each_overlapping(b.y0, b.y1, [&](std::uint32_t h) {
      const std::uint32_t host = out[h].is_piece() ? static_cast<std::uint32_t>(out[h].host) : h;
      const box &e = extent[host];
      if (into < 0 && e.x0 <= b.x0 && b.x1 <= e.x1 && e.y0 <= b.y0 && b.y1 <= e.y1) into = host;
    });
    if (into < 0) continue;
    line_piece pc;
    pc.host = static_cast<std::int32_t>(into);
    pc.line = static_cast<std::uint32_t>(edge_line(p.regions[static_cast<std::size_t>(into)], false));
    pc.in_headline = true;
    pc.fragment = true;
    pc.piece_line = static_cast<std::uint32_t>(edge_line(p.regions[f], false));
    pc.piece_lines = 1;
    out[f] = pc;
  }
}

// The end of a headline in the lines a longer region opens with (see the
// header). One-line display regions are the heads, indexed by the height
// their line spans; each region that is no piece yet looks at the heads
// its first line reaches.
void find_headline_ends(const page &p, const column_finder &columns, std::vector<line_piece> &out) {
  // The body's line height: the median over the text lines of regions of
  // three lines or more.
  const std::int32_t body = median_over_body_lines<std::int32_t>(p, [](const text_line &l) {
    return l.bbox.empty() || all_blank(l.text) ? 0 : l.bbox.height();
  });
  if (body <= 0) return;
  std::vector<std::uint32_t> heads;
  std::vector<box> spans;
  for (std::uint32_t h = 0; h < p.regions.size(); ++h) {
    if (text_lines(p.regions[h]) != 1 || out[h].is_piece()) continue;
    const text_line &l = p.regions[h].lines[static_cast<std::size_t>(edge_line(p.regions[h], false))];
    // A line of type: wider than tall (not a rule or a column of specks).
    if (l.bbox.empty() || 2 * l.bbox.height() < 3 * body || l.bbox.width() < 2 * l.bbox.height())
      continue;
    heads.push_back(h);
    spans.push_back(y_extent(l.bbox));
  }
  if (heads.empty()) return;
  const x_index heads_by_y(heads, spans);
  std::vector<std::uint32_t> near;
  join_display_pieces(p, columns, heads, out);
  join_fragments(p, heads, heads_by_y, body, out);
  for (std::uint32_t r = 0; r < p.regions.size(); ++r) {
    const region &reg = p.regions[r];
    if (out[r].is_piece()) continue;
    if (text_lines(reg) < 2) continue;
    const std::int32_t first = edge_line(reg, false), last = edge_line(reg, true);
    const box &fb = reg.lines[static_cast<std::size_t>(first)].bbox;
    if (fb.empty()) continue;
    near.clear();
    heads_by_y.for_each_overlapping(fb.y0, fb.y1, [&](std::uint32_t h) { near.push_back(h); });
    std::sort(near.begin(), near.end());
    for (std::uint32_t h : near) {
      const text_line &head = p.regions[h].lines[static_cast<std::size_t>(edge_line(p.regions[h], false))];
      const std::int32_t type = head.bbox.height();
      // A head that is itself a headline's piece passes the end on to its host.
      const line_piece root = out[h].is_piece() ? out[h] : line_piece{};
      // The lines on the head's page line, right of it a word space apart.
      std::uint32_t taken = 0, start = 0, end = 0;
      bool like_type = false;
      // A headline's end is a line or two (a bounded look: a region of a
      // million lines on one page line stays linear).
      constexpr std::uint32_t kMaxLook = 16;
      for (std::uint32_t k = static_cast<std::uint32_t>(first);
           k < reg.lines.size() && k < static_cast<std::uint32_t>(first) + kMaxLook; ++k) {
        const text_line &l = reg.lines[k];
        if (all_blank(l.text)) continue;
        const std::int32_t gap = l.bbox.x0 - head.bbox.x1;
        // The engine cuts a line at a space: the pieces do not overlap.
        if (l.bbox.empty() || !on_one_page_line(l.bbox, head.bbox) || gap < 0 || 5 * gap > 3 * type)
          break;
        // Only lines in like type join (a line the engine read twice, in part
        // and smaller, stays with the region's text).
        if (2 * std::max(type, l.bbox.height()) > 3 * std::min(type, l.bbox.height()) ||
            l.bbox.width() < 2 * l.bbox.height()) {
          if (like_type) break;
          continue;
        }
        if (!like_type) start = k;
        like_type = true;
        ++taken;
        end = k + 1;
      }
      // The region goes on below the headline's line: it is no headline
      // piece of its own.
      if (taken == 0 || last < static_cast<std::int32_t>(end) ||
          reg.lines[static_cast<std::size_t>(last)].bbox.y0 < head.bbox.y1)
        continue;
      line_piece pc;
      pc.host = root.is_piece() ? root.host : static_cast<std::int32_t>(h);
      pc.line = root.is_piece() ? root.line : static_cast<std::uint32_t>(edge_line(p.regions[h], false));
      pc.piece_line = start;
      pc.piece_lines = end - start;
      pc.stays = true;
      out[r] = pc;
      break;
    }
  }
}

}  // namespace

std::vector<line_piece> find_line_pieces(const page &p, const column_finder &columns) {
  std::vector<line_piece> out(p.regions.size());
  // Hosts in order of their top edge (their rank breaks ties between
  // equally near lines), indexed by their vertical extent: a piece looks
  // only at the hosts that reach its line, not at every region above it.
  std::vector<std::uint32_t> hosts;
  for (std::uint32_t h = 0; h < p.regions.size(); ++h)
    if (!p.regions[h].bbox.empty() && text_lines(p.regions[h]) >= 2) hosts.push_back(h);
  std::sort(hosts.begin(), hosts.end(), [&](std::uint32_t a, std::uint32_t b) {
    return p.regions[a].bbox.y0 < p.regions[b].bbox.y0;
  });
  std::vector<std::uint32_t> ranks(hosts.size());
  std::vector<box> spans(hosts.size());
  for (std::uint32_t k = 0; k < hosts.size(); ++k) {
    ranks[k] = k;
    spans[k] = y_extent(p.regions[hosts[k]].bbox);
  }
  const x_index hosts_by_y(ranks, spans);
  // Each host's lines indexed the same way, built when first asked for.
  std::vector<std::unique_ptr<x_index>> lines_by_y(p.regions.size());
  auto lines_at = [&](std::uint32_t h) -> const x_index & {
    if (!lines_by_y[h]) {
      std::vector<std::uint32_t> ids;
      std::vector<box> ys;
      for (std::uint32_t k = 0; k < p.regions[h].lines.size(); ++k) {
        ids.push_back(k);
        ys.push_back(y_extent(p.regions[h].lines[k].bbox));
      }
      lines_by_y[h] = std::make_unique<x_index>(ids, ys);
    }
    return *lines_by_y[h];
  };
  std::vector<std::uint32_t> near_hosts, near_lines;
  for (std::uint32_t r = 0; r < p.regions.size(); ++r) {
    // A one-line region, or the first line of a longer one (then only
    // after the last line of its host: the region reads on from there).
    const std::size_t count = text_lines(p.regions[r]);
    if (count == 0) continue;
    const std::int32_t first = edge_line(p.regions[r], false);
    const text_line &piece = p.regions[r].lines[static_cast<std::size_t>(first)];
    if (piece.bbox.empty()) continue;
    const box &pb = piece.bbox;
    // Hosts with y0 <= pb.y1 and y1 >= pb.y0 (touching counts), by rank.
    near_hosts.clear();
    // Hosts within reach across: a piece joins a line within two ems, and
    // the line stands no more than twice the piece's height (reach is set
    // far wider, so a column of larger type than its line still counts).
    // A row of thousands of regions at one height is not read in full for
    // each of them.
    const std::int64_t reach = 16 * static_cast<std::int64_t>(pb.height());
    hosts_by_y.for_each_overlapping(pb.y0 - 1, pb.y1 + 1, [&](std::uint32_t k) {
      const box &hb = p.regions[hosts[k]].bbox;
      if (hb.x0 - pb.x1 <= reach && pb.x0 - hb.x1 <= reach) near_hosts.push_back(k);
    });
    std::sort(near_hosts.begin(), near_hosts.end());
    std::int64_t best_gap = -1;
    for (std::uint32_t rank : near_hosts) {
      const std::uint32_t h = hosts[rank];
      if (h == r) continue;
      const region &host = p.regions[h];
      std::shared_ptr<const column_edges> e;
      const std::int32_t host_last = edge_line(host, true);
      near_lines.clear();
      if (count > 1) {
        if (host_last >= 0) near_lines.push_back(static_cast<std::uint32_t>(host_last));
      } else {
        lines_at(h).for_each_overlapping(pb.y0 - 1, pb.y1 + 1,
                                         [&](std::uint32_t k) { near_lines.push_back(k); });
        std::sort(near_lines.begin(), near_lines.end());
      }
      for (std::uint32_t k : near_lines) {
        const text_line &l = host.lines[k];
        if (l.bbox.empty() || all_blank(l.text) || !on_one_page_line(l.bbox, pb)) continue;
        if (!e) e = columns.edges_of(h);
        // Side by side within two ems, the column's (or, unmeasured, half
        // as large again as the line's height at most): looked at before
        // the column a line and its piece stand in is measured.
        const float most = e->known() ? e->em : 1.5f * static_cast<float>(l.bbox.height());
        if (static_cast<float>(pb.x1) > static_cast<float>(l.bbox.x0) + 0.5f * most &&
            static_cast<float>(pb.x0) < static_cast<float>(l.bbox.x1) - 0.5f * most)
          continue;
        if (static_cast<float>(std::max(l.bbox.x0 - pb.x1, pb.x0 - l.bbox.x1)) > 2.0f * most) continue;
        // A host the engine cut narrower than its column shows none: the
        // column is the one the line and its piece stand in together, set
        // in the line's type (not a headline's above it).
        const std::shared_ptr<const column_edges> around =
            e->known() ? e : columns.edges_around(l.bbox.united(pb));
        if (!around->known()) continue;
        if (!e->known() && (2.0f * around->em > 3.0f * static_cast<float>(l.bbox.height()) ||
                            3.0f * around->em < 2.0f * static_cast<float>(l.bbox.height())))
          continue;
        const auto [left_edge, right_edge] = around->near((l.bbox.y0 + l.bbox.y1) / 2);
        const float em = around->em;
        const bool left = count == 1 && static_cast<float>(pb.x1) <= static_cast<float>(l.bbox.x0) + 0.5f * em;
        const bool right = static_cast<float>(pb.x0) >= static_cast<float>(l.bbox.x1) - 0.5f * em;
        if (!left && !right) continue;
        const std::int32_t gap = left ? l.bbox.x0 - pb.x1 : pb.x0 - l.bbox.x1;
        if (static_cast<float>(gap) > 2.0f * em) continue;
        const box both = l.bbox.united(pb);
        if (static_cast<float>(both.x0) < static_cast<float>(left_edge) - em ||
            static_cast<float>(both.x1) > static_cast<float>(right_edge) + em)
          continue;
        const std::int64_t g = std::abs(gap);
        if (best_gap < 0 || g < best_gap) {
          best_gap = g;
          out[r] = line_piece{static_cast<std::int32_t>(h), k, left, static_cast<std::uint32_t>(first)};
          out[r].widens_host = !e->known();
        }
      }
    }
  }
  find_headline_ends(p, columns, out);
  // A region whose first line went to a host hosts no piece itself (the
  // line numbers of both must stay put while they are joined).
  std::vector<std::vector<std::uint32_t>> hosted(out.size());
  for (std::uint32_t r = 0; r < out.size(); ++r)
    if (out[r].is_piece()) hosted[static_cast<std::size_t>(out[r].host)].push_back(r);
  for (std::uint32_t r = 0; r < out.size(); ++r)
    if (out[r].is_piece() && text_lines(p.regions[r]) > 1)
      for (std::uint32_t other : hosted[r]) out[other] = line_piece{};
  return out;
}

page with_pieces_joined(const page &p, const std::vector<line_piece> &pieces) {
  page out = p;
  // Pieces of one line join in page order, left to right.
  std::vector<std::uint32_t> by_x;
  for (std::uint32_t r = 0; r < pieces.size(); ++r)
    if (pieces[r].is_piece()) by_x.push_back(r);
  auto piece_line = [&](std::uint32_t r) -> const text_line & {
    return p.regions[r].lines[pieces[r].piece_line];
  };
  std::stable_sort(by_x.begin(), by_x.end(), [&](std::uint32_t a, std::uint32_t b) {
    return piece_line(a).bbox.x0 < piece_line(b).bbox.x0;
  });
  // Left pieces first, the nearest last: walk them right to left.
  for (auto it = by_x.rbegin(); it != by_x.rend(); ++it) {
    const line_piece &pc = pieces[*it];
    if (!pc.left) continue;
    text_line &host = out.regions[static_cast<std::size_t>(pc.host)].lines[pc.line];
    text_line joined = host;
    joined.text.clear();
    joined.words.clear();
    joined.bbox = box{};
    append_line(joined, piece_line(*it));
    append_line(joined, host);
    host = std::move(joined);
  }
  for (std::uint32_t r : by_x) {
    const line_piece &pc = pieces[r];
    if (pc.left) continue;
    // Several lines of one page line (an engine may read a line twice, a
    // part of it over the whole): read left to right.
    std::vector<std::uint32_t> taken;
    for (std::uint32_t k = pc.piece_line; k < pc.piece_line + pc.piece_lines; ++k)
      if (!all_blank(p.regions[r].lines[k].text)) taken.push_back(k);
    std::stable_sort(taken.begin(), taken.end(), [&](std::uint32_t a, std::uint32_t b) {
      return p.regions[r].lines[a].bbox.x0 < p.regions[r].lines[b].bbox.x0;
    });
    for (std::uint32_t k : taken)
      append_line(out.regions[static_cast<std::size_t>(pc.host)].lines[pc.line], p.regions[r].lines[k]);
  }
  // A host the engine cut narrower than its column holds the line it now
  // has: its box is measured with that column again.
  for (std::uint32_t r : by_x) {
    region &host = out.regions[static_cast<std::size_t>(pieces[r].host)];
    if (pieces[r].widens_host && !host.bbox.empty())
      host.bbox = host.bbox.united(host.lines[pieces[r].line].bbox);
  }
  // The piece's lines leave their region (blank: line numbers stay).
  for (std::uint32_t r : by_x) {
    for (std::uint32_t k = pieces[r].piece_line; k < pieces[r].piece_line + pieces[r].piece_lines; ++k) {
      text_line &gone = out.regions[r].lines[k];
      gone.text.clear();
      gone.words.clear();
    }
  }
  return out;
}

void follow_hosts(page_order &order, const std::vector<line_piece> &pieces) {
  bool any = false;
  for (const line_piece &pc : pieces) any = any || pc.is_piece();
  if (!any) return;
  // Pieces leave their place; each host takes its pieces after it, in
  // region order.
  std::vector<std::vector<std::uint32_t>> after(pieces.size());
  for (std::uint32_t r = 0; r < pieces.size(); ++r)
    if (pieces[r].is_piece() && !pieces[r].stays)
      after[static_cast<std::size_t>(pieces[r].host)].push_back(r);
  for (auto &article : order.articles) {
    std::vector<std::uint32_t> kept;
    for (std::uint32_t r : article) {
      if (r < pieces.size() && pieces[r].is_piece() && !pieces[r].stays) continue;
      kept.push_back(r);
      if (r < after.size()) kept.insert(kept.end(), after[r].begin(), after[r].end());
    }
    article = std::move(kept);
  }
}

}  // namespace colreflow::detail
