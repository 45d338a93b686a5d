#include "segment/headings.hpp"

#include "text/chars.hpp"
#include "text/cues.hpp"

namespace colreflow::detail {

namespace {

enum class candidate { no, weak, strong };

// Clause and sentence marks of CJK prose (，；：。！？); the enumeration comma
// 、 is common in headings and does not count.
bool has_prose_punct(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = next_code_point(text, pos);
    if (c != U'\u3001' && is_fullwidth_punct(c) && (is_clause_punct(c) || is_sentence_terminal(c)))
      return true;
  }
  return false;
}

// A line that could be a heading on its own shape. Strong: no body line
// looks like this (phrase spaces between ideographs, wider than the
// column, Title Case). Weak: short and unterminated, as a paragraph's first
// line also is, so the neighbours must confirm.
candidate heading_candidate(const line &l, const line_shape &s, const column_metrics &m) {
  if (s.blank || s.ends_sentence || s.ends_clause || s.ends_hyphen ||
      s.starts_no_line_start || s.starts_lower || ends_with_byline(l.text))
    return candidate::no;
  if (s.cjk) {
    // Headings separate phrases with spaces where prose has commas.
    if (has_prose_punct(l.text)) return candidate::no;
    if (s.phrase_space || (m.known() && s.width > m.full_width + 2)) return candidate::strong;
    return m.is_short(s, 3) ? candidate::weak : candidate::no;
  }
  if (!(is_upper(s.first) || is_digit(s.first)) || s.words > 14) return candidate::no;
  if (s.words >= 2 && s.upper_initial_words * 3 >= s.words * 2) return candidate::strong;
  if (m.known() && s.width > m.full_width + 2) return candidate::strong;
  return m.known() && s.width + 8 <= m.full_width ? candidate::weak : candidate::no;
}

}  // namespace

std::vector<role> find_heading_roles(const std::vector<line> &lines,
                                     const std::vector<line_shape> &shapes,
                                     const column_metrics &metrics) {
  const std::size_t n = lines.size();
  std::vector<candidate> cand(n);
  std::vector<bool> byline(n), dateline(n), heading(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    cand[i] = heading_candidate(lines[i], shapes[i], metrics);
    byline[i] = !shapes[i].blank && is_byline_line(lines[i].text);
    dateline[i] = !shapes[i].blank && dateline_length(lines[i].text) > 0;
    if (byline[i]) cand[i] = candidate::no;
  }

  auto edge = [&](std::size_t j) { return shapes[j].blank; };
  auto prev_ok = [&](std::size_t i) {
    if (i == 0 || edge(i - 1)) return true;
    const line_shape &p = shapes[i - 1];
    return heading[i - 1] || byline[i - 1] || p.ends_sentence ||
           ends_with_byline(lines[i - 1].text);
  };
  // The first content line after `i`, across blank lines.
  auto next_content = [&](std::size_t i) {
    std::size_t j = i + 1;
    while (j < n && shapes[j].blank) ++j;
    return j;
  };
  auto next_ok = [&](std::size_t i) {
    if (i + 1 >= n || edge(i + 1)) {
      // A weak line closing a heading run could as well be the first line
      // of the section's paragraph; only an article opening after the gap
      // shows the run to be a headline.
      bool continues_run = i > 0 && heading[i - 1];
      if (cand[i] == candidate::strong || !continues_run) return true;
      std::size_t j = next_content(i);
      return j < n && (dateline[j] || byline[j]);
    }
    const line_shape &x = shapes[i + 1];
    if (heading[i + 1] || dateline[i + 1] || byline[i + 1]) return true;
    if (x.starts_no_line_start || x.starts_lower) return false;
    if (cand[i] == candidate::strong) return true;
    if (x.cjk) return metrics.is_indented(x) && !x.ends_sentence;
    return is_upper(x.first) || is_digit(x.first) || is_opening(x.first);
  };

  // Strong lines first, then let confirmed headings vouch for neighbours.
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t i = 0; i < n; ++i) {
      if (cand[i] == candidate::no) continue;
      if (pass == 0 && cand[i] != candidate::strong) continue;
      heading[i] = prev_ok(i) && next_ok(i);
    }
  }

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
    bool headline = end - i >= 2 || (next < n && (dateline[next] || byline[next]));
    for (std::size_t j = i; j < end; ++j) roles[j] = headline ? role::headline : role::subheading;
    i = end;
  }
  return roles;
}

}  // namespace colreflow::detail
