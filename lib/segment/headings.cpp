#include "segment/headings.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "text/chars.hpp"
#include "text/cues.hpp"
#include "text/paragraphs.hpp"

namespace colreflow::detail {

namespace {

enum class candidate { no, weak, strong };

// A chunk this long shows its own column width.
constexpr std::size_t kOwnColumnLines = 4;

// Clause and sentence marks of CJK prose (，；。！？); the enumeration comma
// 、 and the colon ("财政助农：福建茶农…") are common in headings and do not count.
bool has_prose_punct(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = next_code_point(text, pos);
    if (c != U'\u3001' && c != U'\uFF1A' && is_fullwidth_punct(c) &&
        (is_clause_punct(c) || is_sentence_terminal(c)))
      return true;
  }
  return false;
}

// A line that could be a heading on its own shape. Strong: no body line
// looks like this (phrase spaces between ideographs, wider than the
// column, Title Case). Weak: short and unterminated, as a paragraph's first
// line also is, so the neighbours must confirm.
// `alone`: the line is a chunk of its own, or the next line opens an
// article; a body line there would have to end its paragraph.
candidate heading_candidate(const line &l, const line_shape &s, const column_metrics &m,
                            bool alone) {
  // A wrapped Title Case headline may start a line with a small word.
  bool title_case = !s.cjk && s.words >= 2 && s.upper_initial_words * 3 >= s.words * 2;
  if (s.blank || s.ends_sentence || s.ends_clause || s.ends_hyphen ||
      s.starts_no_line_start || (s.starts_lower && !title_case) || ends_with_byline(l.text))
    return candidate::no;
  if (s.cjk) {
    // Headings separate phrases with spaces where prose has commas.
    if (has_prose_punct(l.text)) return candidate::no;
    if (s.phrase_space || (m.known() && s.width > m.full_width + 2)) return candidate::strong;
    return alone || m.is_short(s, 3) ? candidate::weak : candidate::no;
  }
  if (title_case) return candidate::strong;
  if (!(is_upper(s.first) || is_digit(s.first)) || s.words > 20) return candidate::no;
  if (m.known() && s.width > m.full_width + 2) return candidate::strong;
  // Hyphenation keeps Latin body lines within a short word of full.
  int room = std::max(5, m.full_width / 8);
  return alone || (m.known() && s.width + room <= m.full_width) ? candidate::weak : candidate::no;
}

// The fraction of `heading`'s adjacent character pairs (letters and
// ideographs, case folded) that also occur in `text`.
double shared_pairs(std::string_view heading, std::string_view text) {
  auto pairs = [](std::string_view s) {
    std::vector<std::uint64_t> out;
    char32_t prev = 0;
    for (std::size_t pos = 0; pos < s.size();) {
      char32_t c = next_code_point(s, pos);
      if (!is_letter(c)) {
        prev = 0;
        continue;
      }
      c = is_upper(c) && c < 0x80 ? c + 32 : c;
      if (prev != 0) out.push_back((static_cast<std::uint64_t>(prev) << 32) | c);
      prev = c;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::vector<std::uint64_t> h = pairs(heading), t = pairs(text);
  if (h.empty()) return 0;
  std::size_t shared = 0;
  for (std::uint64_t p : h) shared += std::binary_search(t.begin(), t.end(), p);
  return static_cast<double>(shared) / static_cast<double>(h.size());
}

}  // namespace

std::vector<role> find_heading_roles(const std::vector<line> &lines,
                                     const std::vector<line_shape> &shapes,
                                     const column_metrics &page, std::vector<bool> &maybe) {
  maybe.assign(lines.size(), false);
  // Each line is measured against its own chunk's column when the chunk is
  // long enough to show it: articles on one page differ in column width.
  std::vector<column_metrics> local(lines.size(), page);
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j < lines.size() && !shapes[j].blank) ++j;
    if (j - i >= kOwnColumnLines) {
      column_metrics m = estimate_columns(std::span(shapes).subspan(i, j - i), page.cjk);
      if (m.known())
        for (std::size_t k = i; k < j; ++k) local[k] = m;
    }
    i = j == i ? i + 1 : j;
  }
  const std::size_t n = lines.size();
  std::vector<candidate> cand(n);
  std::vector<bool> byline(n), dateline(n), heading(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    byline[i] = !shapes[i].blank && is_byline_line(lines[i].text);
    dateline[i] = lines[i].opens_dateline;
  }
  for (std::size_t i = 0; i < n; ++i) {
    bool gap_before = i == 0 || shapes[i - 1].blank;
    bool gap_after = i + 1 == n || shapes[i + 1].blank;
    bool opening_next = i + 1 < n && (dateline[i + 1] || byline[i + 1]);
    bool alone = (gap_before && gap_after) || opening_next;
    cand[i] = byline[i] || dateline[i] ? candidate::no
                                       : heading_candidate(lines[i], shapes[i], local[i], alone);
    // A short Latin line is a paragraph's first line if the next word would
    // not have fitted beside its indent: greedy wrapping ended it.
    if (cand[i] == candidate::weak && !shapes[i].cjk && !gap_after && local[i].known() &&
        shapes[i].width + 1 + first_word_cells(lines[i + 1].text) + 2 > local[i].full_width)
      cand[i] = candidate::no;
  }

  // Lines straight before a dateline that could head form the headline,
  // short or not: a body line there would have ended its paragraph.
  for (std::size_t i = 0; i < n; ++i) {
    if (!dateline[i]) continue;
    for (std::size_t k = i, steps = 0; k > 0 && steps < 4; ++steps) {
      --k;
      if (shapes[k].blank || byline[k] || dateline[k] ||
          heading_candidate(lines[k], shapes[k], local[k], true) == candidate::no)
        break;
      if (cand[k] == candidate::no) cand[k] = candidate::weak;
    }
  }

  // A short chunk of its own whose lines all could head, one of them
  // clearly or with an article opening after it, is a heading block: its
  // other lines need not look short.
  for (std::size_t i = 0; i < n;) {
    if (shapes[i].blank) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && !shapes[j].blank) ++j;
    bool any_strong = false, all_possible = j - i >= 2 && j - i <= 4 && (i == 0 || shapes[i - 1].blank);
    for (std::size_t k = i; k < j && all_possible; ++k) {
      any_strong = any_strong || cand[k] == candidate::strong;
      all_possible = !dateline[k] && !byline[k] &&
                     heading_candidate(lines[k], shapes[k], local[k], true) != candidate::no;
    }
    std::size_t after = j;
    while (after < n && shapes[after].blank) ++after;
    bool before_opening = after < n && (dateline[after] || byline[after]);
    if (all_possible && (any_strong || before_opening))
      for (std::size_t k = i; k < j; ++k)
        if (cand[k] == candidate::no) cand[k] = candidate::weak;
    i = j;
  }

  // Heading lines come in runs of candidates. A run is confirmed by what
  // stands around it: before, a chunk start or a finished sentence; after,
  // an article opening, a paragraph start, or the end of the chunk.
  auto opens_article = [&](std::size_t j) { return j < n && (dateline[j] || byline[j]); };
  auto next_content = [&](std::size_t j) {
    while (j < n && shapes[j].blank) ++j;
    return j;
  };
  auto paragraph_start = [&](std::size_t at) {
    const line_shape &x = shapes[at];
    const column_metrics &metrics = local[at];
    if (x.starts_no_line_start || x.starts_lower) return false;
    if (x.cjk) return metrics.is_indented(x) && !x.ends_sentence;
    return is_upper(x.first) || is_digit(x.first) || is_opening(x.first);
  };
  for (std::size_t i = 0; i < n;) {
    if (cand[i] == candidate::no) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t last_strong = n;
    while (j < n && cand[j] != candidate::no) {
      if (cand[j] == candidate::strong) last_strong = j;
      ++j;
    }
    bool before_ok = i == 0 || shapes[i - 1].blank || byline[i - 1] ||
                     shapes[i - 1].ends_sentence ||
                     closes_with_credit(i >= 2 ? std::string_view(lines[i - 2].text)
                                               : std::string_view(),
                                        lines[i - 1].text);
    std::size_t end = i;  // the run [i, end) is confirmed
    if (before_ok) {
      if (j == n || shapes[j].blank) {
        // At a chunk end, trailing weak lines may be the section's first
        // paragraph line; only an article opening after the gap clears them.
        std::size_t after = next_content(j);
        bool confirmed = opens_article(after) || (after < n && paragraph_start(after));
        end = confirmed ? j : (last_strong < n ? last_strong + 1 : i);
        // Unconfirmed weak lines stay open: the order stage reads them
        // either way, and what follows them in reading order decides.
        for (std::size_t k = end; k < j; ++k) maybe[k] = true;
      } else if (opens_article(j) || paragraph_start(j)) {
        end = j;
      } else if (shapes[j].starts_lower || shapes[j].starts_no_line_start ||
                 (shapes[j].cjk && local[j].is_full(shapes[j]))) {
        // Followed by text carrying on (a lower-case word, a full CJK line):
        // the last line starts that text.
        end = j - 1;
      } else {
        // Followed by text of unclear start: a weak last line starts it.
        end = cand[j - 1] == candidate::strong ? j : j - 1;
      }
    }
    for (std::size_t k = i; k < end; ++k) heading[k] = true;
    i = j;
  }

  bool has_body_dateline = false;
  for (std::size_t i = 0; i < n; ++i) has_body_dateline = has_body_dateline || dateline[i];
  std::vector<role> roles(n, role::body);
  for (std::size_t i = 0; i < n;) {
    if (shapes[i].blank) {
      roles[i++] = role::unknown;
      continue;
    }
    if (byline[i]) {
      roles[i++] = role::byline;
      continue;
    }
    if (!heading[i]) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < n && heading[end]) ++end;
    std::size_t next = end;
    while (next < n && shapes[next].blank) ++next;
    // A headline: several lines, or followed by what opens an article.
    bool opens = next < n && (dateline[next] || byline[next]);
    bool headline = end - i >= 2 || opens;
    for (std::size_t j = i; j < end; ++j) roles[j] = headline ? role::headline : role::subheading;
    // A headline run that runs straight into a section of body text ends
    // with that section's heading, when the article's dateline is elsewhere.
    if (headline && !opens && end - i >= 2 && has_body_dateline) roles[end - 1] = role::subheading;
    i = end;
  }
  // An article that opens with a dateline has a headline somewhere; when
  // no run qualified, the first heading of the input is the likeliest.
  bool has_headline = false, has_dateline = false;
  for (std::size_t i = 0; i < n; ++i) {
    has_headline = has_headline || roles[i] == role::headline;
    has_dateline = has_dateline || (dateline[i] && roles[i] == role::body);
  }
  if (!has_headline && has_dateline) {
    // A headline sums up the lead: of the headings, promote the one whose
    // words the dateline paragraph repeats most (the first one on a tie).
    std::size_t lead = 0;
    while (lead < n && !(dateline[lead] && roles[lead] == role::body)) ++lead;
    std::string lead_text;
    for (std::size_t k = lead, taken = 0; k < n && taken < 8; ++k) {
      if (shapes[k].blank || roles[k] != role::body) continue;
      lead_text += lines[k].text;
      ++taken;
    }
    std::size_t pick = n;
    double best = -1;
    for (std::size_t i = 0; i < n; ++i) {
      if (roles[i] != role::subheading || (i > 0 && roles[i - 1] == role::subheading)) continue;
      std::string title;
      for (std::size_t k = i; k < n && roles[k] == role::subheading; ++k) title += lines[k].text;
      double overlap = shared_pairs(title, lead_text);
      if (overlap > best) {
        best = overlap;
        pick = i;
      }
    }
    for (std::size_t k = pick; k < n && roles[k] == role::subheading; ++k) roles[k] = role::headline;
  }
  return roles;
}

}  // namespace colreflow::detail
