#include "reflow/page_lines.hpp"

#include <algorithm>  // nth_element, min, max
#include <cmath>      // lround
#include <cstdint>    // INT32_MAX

#include "text/chars.hpp"

namespace colreflow::detail {

namespace {

template <typename T>
T quantile(std::vector<T> v, std::size_t num, std::size_t den) {
  const std::size_t at = std::min(v.size() - 1, v.size() * num / den);
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(at), v.end());
  return v[at];
}

bool blank_text(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Regions of one column: each overlaps the other across 80% of the wider
// one's width, so a region spanning columns is nobody's peer.
bool same_column(const box &a, const box &b) {
  const std::int64_t overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  return !a.empty() && !b.empty() && 5 * overlap >= 4 * std::max(a.width(), b.width());
}

}  // namespace

column_finder::column_finder(const page &p) : p_(p) {
  for (std::uint32_t r = 0; r < p.regions.size(); ++r)
    if (!p.regions[r].bbox.empty()) by_left_.push_back(r);
  std::sort(by_left_.begin(), by_left_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return p.regions[a].bbox.x0 < p.regions[b].bbox.x0;
  });
}

namespace {

// A line's extent without the specks at its ends (a speck the engine read
// as a mark stretches the line's box into the margin or the gutter).
std::pair<std::int32_t, std::int32_t> type_extent(const text_line &l) {
  auto type = [&](const word &w) { return !w.bbox.empty() && !speck_sized(w.bbox, l.bbox.height()); };
  auto first = std::find_if(l.words.begin(), l.words.end(), type);
  auto last = std::find_if(l.words.rbegin(), l.words.rend(), type);
  if (first == l.words.end()) return {l.bbox.x0, l.bbox.x1};
  return {std::max(l.bbox.x0, first->bbox.x0), std::min(l.bbox.x1, last->bbox.x1)};
}

// The column that `lines` show; nothing known below three lines.
column_edges edges_from(const std::vector<const text_line *> &lines) {
  column_edges e;
  if (lines.size() < 3) return e;
  std::vector<std::int32_t> heights;
  for (const text_line *l : lines) heights.push_back(l->bbox.height());
  const std::int32_t body = quantile(heights, 1, 2);
  std::vector<std::int32_t> x0, x1, h;
  for (const text_line *l : lines) {
    if (2 * l->bbox.height() > 3 * body) continue;  // display type
    const auto [left, right] = type_extent(*l);
    x0.push_back(left);
    x1.push_back(right);
    h.push_back(l->bbox.height());
    e.lines.push_back({(l->bbox.y0 + l->bbox.y1) / 2, left, right});
  }
  std::sort(e.lines.begin(), e.lines.end());
  if (x0.size() < 3) return e;
  // Most lines are full: the median start is the left edge, and the end
  // that three lines in four reach or pass is the right one.
  e.left = quantile(x0, 1, 2);
  e.right = quantile(x1, 1, 4);
  e.em = static_cast<float>(quantile(h, 1, 2));
  return e;
}

}  // namespace

std::shared_ptr<const column_edges> column_finder::edges_of(std::uint32_t r) const {
  const region &reg = p_.regions[r];
  if (!reg.bbox.empty()) return edges_around(reg.bbox);
  // A region with no box is a column of its own lines.
  std::vector<const text_line *> lines;
  for (const text_line &l : reg.lines)
    if (!l.bbox.empty() && !blank_text(l.text)) lines.push_back(&l);
  return std::make_shared<const column_edges>(edges_from(lines));
}

std::shared_ptr<const column_edges> column_finder::edges_around(const box &area) const {
  const page &p = p_;
  std::vector<const text_line *> lines;
  auto take = [&](std::uint32_t q) {
    for (const text_line &l : p.regions[q].lines)
      if (!l.bbox.empty() && !blank_text(l.text)) lines.push_back(&l);
  };
  // Peers overlap across 80% of the wider width: their left edges lie
  // within a quarter of this region's width of its own. A column of
  // thousands of regions is measured well enough by the first few
  // thousand (the same ones for all of them, so measured once); looking
  // at all of them for each would cost the square.
  constexpr std::size_t kMaxCandidates = 4096;
  // Regions of one horizontal extent have the same peers (each is its
  // twin's peer): a stack of them is measured by one look.
  const std::uint64_t extent = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(area.x0)) << 32) |
                               static_cast<std::uint32_t>(area.x1);
  if (auto known = by_extent_.find(extent); known != by_extent_.end()) return known->second;
  const std::int32_t reach = area.width() / 4 + 1;
  auto from = std::lower_bound(by_left_.begin(), by_left_.end(), area.x0 - reach,
                               [&](std::uint32_t q, std::int32_t x) { return p.regions[q].bbox.x0 < x; });
  std::vector<std::uint32_t> peers;
  for (auto it = from; it != by_left_.end() && p.regions[*it].bbox.x0 <= area.x0 + reach &&
                       static_cast<std::size_t>(it - from) < kMaxCandidates;
       ++it)
    if (same_column(area, p.regions[*it].bbox)) peers.push_back(*it);
  // The edges depend on the peers' lines alone (quantiles, sorted lines):
  // the regions of one column, which share their peers, measure it once.
  std::uint64_t key = 1469598103934665603ull;
  for (std::uint32_t q : peers) key = (key ^ q) * 1099511628211ull;
  auto [first, last] = measured_.equal_range(key);
  for (auto it = first; it != last; ++it)
    if (it->second.first == peers) return by_extent_[extent] = it->second.second;
  for (std::uint32_t q : peers) take(q);
  auto e = std::make_shared<const column_edges>(edges_from(lines));
  // Kept while the peer lists kept stay small beside the page (so are the
  // measures: a page of many columns of thousands of lines each would
  // otherwise hold each column's lines many times).
  if (kept_peers_ + peers.size() <= 4 * p.regions.size() + 1024) {
    kept_peers_ += peers.size();
    measured_.emplace(key, std::make_pair(std::move(peers), e));
    by_extent_[extent] = e;
  }
  return e;
}

std::shared_ptr<const column_edges> column_finder::edges_holding(std::uint32_t r) const {
  std::shared_ptr<const column_edges> own = edges_of(r);
  const region &reg = p_.regions[r];
  const box &area = reg.bbox;
  if (own->known() || area.empty()) return own;
  if (!measured_listed_) {
    measured_listed_ = true;
    for (std::uint32_t q : by_left_)
      if (std::shared_ptr<const column_edges> e = edges_of(q); e->known())
        measured_by_left_.emplace_back(q, std::move(e));
  }
  std::int32_t type = 0;  // the region's tallest line: its type, or more
  for (const text_line &l : reg.lines) type = std::max(type, l.bbox.height());
  // Held within an em each side: on a noisy scan a speck the engine read
  // into a line's first or last word stretches the region past its column.
  const std::int32_t x0 = area.x0 + type, x1 = area.x1 - type;
  // Measured regions starting left of this one, nearest first by their
  // left edge (a bounded look, as in edges_around); the column must be set
  // in the region's type (a headline's lines above do not stand for it).
  constexpr std::size_t kMaxCandidates = 4096;
  auto it = std::upper_bound(measured_by_left_.begin(), measured_by_left_.end(), x0,
                             [&](std::int32_t x, const auto &m) { return x < p_.regions[m.first].bbox.x0; });
  std::int64_t best_gap = -1;
  std::shared_ptr<const column_edges> best;
  for (std::size_t looked = 0; it != measured_by_left_.begin() && looked < kMaxCandidates; ++looked) {
    --it;
    const box &b = p_.regions[it->first].bbox;
    const column_edges &e = *it->second;
    if (b.x1 < x1 || 2.0f * e.em > 3.0f * static_cast<float>(type) ||
        3.0f * e.em < 2.0f * static_cast<float>(type))
      continue;
    const std::int64_t gap = std::max<std::int64_t>({b.y0 - area.y1, area.y0 - b.y1, 0});
    if (best_gap < 0 || gap < best_gap) {
      best_gap = gap;
      best = it->second;
    }
  }
  return best ? best : own;
}

namespace {

// The last whitespace-separated token of a line that is no speck (specks:
// tokens of one or two characters with no letter or digit), and how many
// specks follow it.
struct token_before_specks {
  std::size_t start = 0, end = 0;
  int specks = 0;
  bool found = false;
};

token_before_specks last_real_token(std::string_view text) {
  token_before_specks t;
  std::size_t end = trim_end(text, text.size());
  while (end > 0) {
    std::size_t start = end;
    int n = 0;
    bool alnum = false;
    while (start > 0) {
      std::size_t at = start;
      const char32_t c = last_code_point(text, at);
      if (is_space(c)) break;
      start = at;
      ++n;
      alnum = alnum || is_letter(c) || is_digit(c) || is_cjk(c);
    }
    if (alnum || n > 2) {
      t.start = start;
      t.end = end;
      t.found = true;
      return t;
    }
    ++t.specks;
    end = trim_end(text, start);
  }
  return t;
}

}  // namespace

// Whether a line whose end the engine read as specks ("works. ° -",
// "others. |") ends a sentence before them: 1 yes, -1 when it has no such
// tail or the word before it ends no sentence (a full stop standing apart,
// "the .", may be either: left as the text says).
int ends_sentence_before_specks(std::string_view text) {
  const token_before_specks t = last_real_token(text);
  if (!t.found || t.specks == 0) return -1;
  std::size_t at = t.end;
  char32_t c = last_code_point(text, at);
  while (is_closing(c) && at > t.start) c = last_code_point(text, at);
  return is_sentence_terminal(c) ? 1 : -1;
}

int cjk_ends_sentence(std::string_view text, bool fullwidth_stops) {
  std::size_t at = text.size();
  bool full_stop = false, half_stop = false;
  int marks = 0;
  while (at > 0) {
    const char32_t c = last_code_point(text, at);
    if (is_space(c)) continue;
    if (is_cjk(c) || is_letter(c) || is_digit(c)) {
      if (marks == 0) return -1;
      if (full_stop) return 1;
      return half_stop && fullwidth_stops && is_cjk(c) ? 0 : -1;
    }
    ++marks;
    if (is_sentence_terminal(c)) (is_fullwidth_punct(c) ? full_stop : half_stop) = true;
    else if (!is_closing(c) && !is_clause_punct(c) && !is_opening(c) && !is_hyphen(c) && !is_dash(c))
      return -1;  // a sign or symbol: no reading of it here
  }
  return -1;
}

char32_t last_before_specks(std::string_view text) {
  const token_before_specks t = last_real_token(text);
  if (!t.found) return 0;
  std::size_t at = t.end;
  return last_code_point(text, at);
}

std::pair<std::int32_t, std::int32_t> column_edges::near(std::int32_t y) const {
  const auto reach = static_cast<std::int32_t>(8 * em);
  const auto from = std::lower_bound(lines.begin(), lines.end(), std::array<std::int32_t, 3>{y - reach, 0, 0});
  const auto to = std::upper_bound(from, lines.end(), std::array<std::int32_t, 3>{y + reach, INT32_MAX, INT32_MAX});
  const auto n = static_cast<std::size_t>(to - from);
  if (n < 5) return {left, right};
  // Asked for every line of a page: one buffer, each median found in place.
  std::vector<std::int32_t> v(n);
  const auto at = static_cast<std::ptrdiff_t>(n / 2);
  auto median_of = [&](std::size_t k) {
    for (std::size_t i = 0; i < n; ++i) v[i] = from[static_cast<std::ptrdiff_t>(i)][k];
    std::nth_element(v.begin(), v.begin() + at, v.end());
    return v[static_cast<std::size_t>(at)];
  };
  // Short lines gather near headings: the median end, not a lower one.
  const std::int32_t x0 = median_of(1);
  return {x0, median_of(2)};
}

namespace {

// What the next line's first word needs at a line's end, in page units:
// an ideograph's width in CJK type; in Latin type the word and a space,
// or three letters and a hyphen of a longer one (greedy filling would
// have hyphenated it). Specks the engine read at the next line's start
// ("_ 附近") are skipped, as at a line's end: the word is the first token
// with a letter, digit or ideograph, or of three characters or more.
float room_needed(const laid_line &next, std::string_view text, float em) {
  std::size_t pos = 0;
  char32_t first = 0;
  while (pos < text.size()) {
    std::size_t at = pos;
    const char32_t c = next_code_point(text, at);
    if (is_space(c)) {
      pos = at;
      continue;
    }
    int n = 0;
    bool spelt = false;
    first = c;
    while (pos < text.size()) {
      at = pos;
      const char32_t d = next_code_point(text, at);
      if (is_space(d)) break;
      ++n;
      spelt = spelt || is_letter(d) || is_digit(d) || is_cjk(d);
      pos = at;
    }
    if (spelt || n > 2) break;
  }
  if (is_cjk(first) || is_fullwidth_punct(first)) return 0.8f * em;
  const float word = next.first_word >= 0 ? static_cast<float>(next.first_word) : 2.0f * em;
  return std::min(word, 2.0f * em) + 0.25f * em;
}

}  // namespace

std::vector<page_line_cues> measure_page_lines(const page &p, const std::vector<laid_line> &lines,
                                               const std::vector<line> &text) {
  std::vector<page_line_cues> cues(lines.size());
  const column_finder columns(p);
  // A region's lines are laid out together: its column is measured once.
  std::shared_ptr<const column_edges> last;
  std::uint32_t last_region = 0;
  auto edges_for = [&](std::uint32_t r) -> const column_edges & {
    if (!last || last_region != r) {
      last = columns.edges_holding(r);
      last_region = r;
    }
    return *last;
  };
  // Text lines by their top, to find what else stands on a page line.
  std::vector<std::size_t> by_top;
  std::int32_t tallest = 0;
  for (std::size_t m = 1; m < lines.size(); ++m) {
    if (!lines[m].text || lines[m].bbox.empty()) continue;
    by_top.push_back(m);
    tallest = std::max(tallest, lines[m].bbox.height());
  }
  std::sort(by_top.begin(), by_top.end(),
            [&](std::size_t x, std::size_t y) { return lines[x].bbox.y0 < lines[y].bbox.y0; });
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const laid_line &a = lines[k];
    if (!a.text || a.bbox.empty() || a.region >= p.regions.size()) continue;
    // What the words show holds in any column, measured or not.
    cues[k].stop_before_specks = a.stop_before_specks;
    const column_edges &e = edges_for(a.region);
    if (!e.known()) continue;
    cues[k].known = true;
    const auto [left, right] = e.near((a.bbox.y0 + a.bbox.y1) / 2);
    const float in = static_cast<float>(a.type_x0() - left);
    cues[k].indent_cells = in >= 0.5f * e.em ? static_cast<int>(std::lround(2 * in / e.em)) : 0;
    std::size_t n = k + 1;
    while (n < lines.size() && !lines[n].text) ++n;
    if (n == lines.size() || n > text.size()) continue;
    // Text of another region further along the same page line (the
    // engine cut the line) fills the room.
    std::int32_t end = right;
    auto from = std::lower_bound(by_top.begin(), by_top.end(), a.bbox.y0 - tallest,
                                 [&](std::size_t m, std::int32_t y) { return lines[m].bbox.y0 < y; });
    for (auto it = from; it != by_top.end() && lines[*it].bbox.y0 < a.bbox.y1; ++it) {
      const std::size_t m = *it;
      const box &o = lines[m].bbox;
      if (m == k || o.x0 < a.bbox.x1 - a.bbox.height() / 2 || o.x0 >= end) continue;
      const std::int32_t overlap = std::min(o.y1, a.bbox.y1) - std::max(o.y0, a.bbox.y0);
      if (2 * overlap >= std::min(o.height(), a.bbox.height())) end = o.x0;
    }
    const float room = static_cast<float>(end - a.type_x1());
    cues[k].next_fits = room >= room_needed(lines[n], text[n - 1].text, e.em) ? 1 : 0;
  }
  return cues;
}

void apply_page_line_cues(document &doc, const std::vector<page_line_cues> &cues) {
  // The engine reads CJK full stops as 。 when some line of the page holds one.
  bool fullwidth_stops = false;
  for (const line &l : doc.lines)
    if (l.text.find("\u3002") != std::string_view::npos) {
      fullwidth_stops = true;
      break;
    }
  auto apply = [&](line &l) {
    if (l.source_line == 0 || l.source_line >= cues.size()) return;
    const page_line_cues &c = cues[l.source_line];
    if (c.known) {
      l.shape.indent = c.indent_cells;
      l.shape.next_word_fits = c.next_fits;
      if (const int ends = ends_sentence_before_specks(l.text); ends >= 0) l.shape.ends_sentence = ends > 0;
      if (l.shape.cjk)
        if (const int ends = cjk_ends_sentence(l.text, fullwidth_stops); ends >= 0)
          l.shape.ends_sentence = ends > 0;
    }
    // What the words show holds in any column, measured or not.
    if (c.stop_before_specks) l.shape.ends_sentence = true;
  };
  for (line &l : doc.lines) apply(l);
  // Blocks view doc.lines; only joined blocks hold lines of their own.
  for (block &b : doc.blocks)
    if (b.joined)
      for (line &l : *b.joined) apply(l);
}

}  // namespace colreflow::detail
