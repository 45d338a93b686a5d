#include "segment/line_pieces.hpp"

#include <algorithm>  // min, max, stable_sort
#include <cstdint>    // int64_t
#include <cstdlib>    // abs

#include "text/chars.hpp"

namespace colreflow::detail {
namespace {

std::size_t text_lines(const region &r) {
  std::size_t n = 0;
  for (const text_line &l : r.lines) n += all_blank(l.text) ? 0 : 1;
  return n;
}

// Two lines on one page line in type of one size.
bool on_one_page_line(const box &a, const box &b) {
  const std::int32_t overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  const std::int32_t low = std::min(a.height(), b.height());
  const std::int32_t high = std::max(a.height(), b.height());
  return 2 * overlap >= low && 2 * low >= high;
}

// Whether the text of `left` and `right` join with no space: CJK (or
// full-width punctuation) on both sides.
bool cjk_join(std::string_view left, std::string_view right) {
  std::size_t end = trim_end(left, left.size());
  if (end == 0) return false;
  const char32_t last = last_code_point(left, end);
  std::size_t pos = 0;
  char32_t first = 0;
  while (pos < right.size() && is_space(first = next_code_point(right, pos))) {
  }
  return (is_cjk(last) || is_fullwidth_punct(last)) && (is_cjk(first) || is_fullwidth_punct(first));
}

void append_line(text_line &to, const text_line &from) {
  if (!to.text.empty() && !cjk_join(to.text, from.text)) to.text += ' ';
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

std::vector<line_piece> find_line_pieces(const page &p, const column_finder &columns) {
  std::vector<line_piece> out(p.regions.size());
  // Hosts by their top edge: a piece looks only at those that reach its line.
  std::vector<std::uint32_t> hosts;
  for (std::uint32_t h = 0; h < p.regions.size(); ++h)
    if (!p.regions[h].bbox.empty() && text_lines(p.regions[h]) >= 2) hosts.push_back(h);
  std::sort(hosts.begin(), hosts.end(), [&](std::uint32_t a, std::uint32_t b) {
    return p.regions[a].bbox.y0 < p.regions[b].bbox.y0;
  });
  for (std::uint32_t r = 0; r < p.regions.size(); ++r) {
    // A one-line region, or the first line of a longer one (then only
    // after the last line of its host: the region reads on from there).
    const std::size_t count = text_lines(p.regions[r]);
    if (count == 0) continue;
    const std::int32_t first = edge_line(p.regions[r], false);
    const text_line &piece = p.regions[r].lines[static_cast<std::size_t>(first)];
    if (piece.bbox.empty()) continue;
    const box &pb = piece.bbox;
    std::int64_t best_gap = -1;
    for (std::uint32_t h : hosts) {
      const region &host = p.regions[h];
      if (host.bbox.y0 > pb.y1) break;
      if (host.bbox.y1 < pb.y0 || h == r) continue;
      column_edges e;
      bool measured = false;
      const std::int32_t host_last = edge_line(host, true);
      for (std::uint32_t k = 0; k < host.lines.size(); ++k) {
        if (count > 1 && static_cast<std::int32_t>(k) != host_last) continue;
        const text_line &l = host.lines[k];
        if (l.bbox.empty() || all_blank(l.text) || !on_one_page_line(l.bbox, pb)) continue;
        if (!measured) {
          e = columns.edges_of(h);
          measured = true;
        }
        if (!e.known()) break;
        const auto [left_edge, right_edge] = e.near((l.bbox.y0 + l.bbox.y1) / 2);
        const float em = e.em;
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
        }
      }
    }
  }
  // A region whose first line went to a host hosts no piece itself (the
  // line numbers of both must stay put while they are joined).
  for (std::uint32_t r = 0; r < out.size(); ++r)
    if (out[r].is_piece() && text_lines(p.regions[r]) > 1)
      for (line_piece &other : out)
        if (other.host == static_cast<std::int32_t>(r)) other = line_piece{};
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
    append_line(out.regions[static_cast<std::size_t>(pc.host)].lines[pc.line], piece_line(r));
  }
  // The piece's line leaves its region (blank: line numbers stay).
  for (std::uint32_t r : by_x) {
    text_line &gone = out.regions[r].lines[pieces[r].piece_line];
    gone.text.clear();
    gone.words.clear();
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
    if (pieces[r].is_piece()) after[static_cast<std::size_t>(pieces[r].host)].push_back(r);
  for (auto &article : order.articles) {
    std::vector<std::uint32_t> kept;
    for (std::uint32_t r : article) {
      if (r < pieces.size() && pieces[r].is_piece()) continue;
      kept.push_back(r);
      if (r < after.size()) kept.insert(kept.end(), after[r].begin(), after[r].end());
    }
    article = std::move(kept);
  }
}

}  // namespace colreflow::detail
