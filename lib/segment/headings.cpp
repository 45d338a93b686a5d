#include "segment/headings.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "text/brackets.hpp"
#include "text/chars.hpp"
#include "text/cues.hpp"
#include "text/junction.hpp"
#include "text/paragraphs.hpp"

namespace colreflow::detail {

namespace {

enum class candidate : std::uint8_t { no, weak, strong };  // one per line

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
  // A bracket or quote closed that the line never opened: the line goes on
  // from text before it (a credit wrapped from "（记" to "者 王明）").
  if (scan_marks({l.text}).first_stray != 0) return candidate::no;
  if (s.cjk) {
    // Headings separate phrases with spaces where prose has commas.
    if (has_prose_punct(l.text)) return candidate::no;
    // Justified CJK lines fill the column exactly: one ideograph more (two
    // cells) is set in a wider measure.
    if (s.phrase_space || (m.known() && s.width >= m.full_width + 2)) return candidate::strong;
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

// The steps of finding headings, in order; each reads what the ones before
// it decided.
class heading_finder {
 public:
  heading_finder(const std::vector<line> &lines, const column_metrics &page)
      : lines_(lines), n_(lines.size()), local_(n_, page), cand_(n_),
        byline_(n_), dateline_(n_), heading_(n_, false), maybe_(n_, false) {}

  std::vector<role> run(std::vector<bool> &maybe) {
    measure_chunks();
    mark_candidates();
    extend_before_datelines();
    mark_heading_chunks();
    confirm_runs();
    std::vector<role> roles = assign_roles();
    promote_headline(roles);
    maybe = std::move(maybe_);
    return roles;
  }

 private:
  // Each line is measured against its own chunk's column when the chunk is
  // long enough to show it: articles on one page differ in column width.
  void measure_chunks() {
    for (std::size_t i = 0; i < n_;) {
      std::size_t j = chunk_end(i);
      if (j - i >= kOwnColumnLines) {
        column_metrics m =
            estimate_columns(std::span(lines_).subspan(i, j - i), local_[i].cjk);
        if (m.known())
          for (std::size_t k = i; k < j; ++k) local_[k] = m;
      }
      i = j == i ? i + 1 : j;
    }
  }

  void mark_candidates() {
    for (std::size_t i = 0; i < n_; ++i) {
      byline_[i] = !lines_[i].shape.blank && is_byline_line(lines_[i].text);
      dateline_[i] = lines_[i].shape.opens_dateline;
    }
    for (std::size_t i = 0; i < n_; ++i) {
      bool gap_before = i == 0 || lines_[i - 1].shape.blank;
      bool gap_after = i + 1 == n_ || lines_[i + 1].shape.blank;
      bool alone = (gap_before && gap_after) || opens_article(i + 1);
      cand_[i] = byline_[i] || dateline_[i] || credit_tail(i) ? candidate::no : candidate_at(i, alone);
      if (cand_[i] != candidate::no && cuts_word(i)) cand_[i] = candidate::no;  // ICU last: it costs
      // A short Latin line is a paragraph's first line if the next word
      // would not have fitted beside its indent: greedy wrapping ended it.
      const column_metrics &m = local_[i];
      if (cand_[i] == candidate::weak && !lines_[i].shape.cjk && !gap_after && m.known() &&
          lines_[i].shape.width + 1 + first_word_cells(lines_[i + 1].text) + 2 > m.full_width)
        cand_[i] = candidate::no;
    }
  }

  // Lines straight before a dateline that could head form the headline,
  // short or not: a body line there would have ended its paragraph.
  void extend_before_datelines() {
    for (std::size_t i = 0; i < n_; ++i) {
      if (!dateline_[i]) continue;
      for (std::size_t k = i, steps = 0; k > 0 && steps < 4; ++steps) {
        --k;
        if (lines_[k].shape.blank || byline_[k] || dateline_[k] || credit_tail(k) || !could_head(k)) break;
        if (cand_[k] == candidate::no) cand_[k] = candidate::weak;
      }
    }
  }

  // A short chunk of its own whose lines all could head, one of them
  // clearly or with an article opening after it, is a heading block: its
  // other lines need not look short.
  void mark_heading_chunks() {
    for (std::size_t i = 0; i < n_;) {
      if (lines_[i].shape.blank) {
        ++i;
        continue;
      }
      std::size_t j = chunk_end(i);
      bool any_strong = false;
      bool all_possible = j - i >= 2 && j - i <= 4 && (i == 0 || lines_[i - 1].shape.blank);
      for (std::size_t k = i; k < j && all_possible; ++k) {
        any_strong = any_strong || cand_[k] == candidate::strong;
        all_possible = !dateline_[k] && !byline_[k] && could_head(k);
      }
      if (all_possible && (any_strong || opens_article(next_content(j))))
        for (std::size_t k = i; k < j; ++k)
          if (cand_[k] == candidate::no) cand_[k] = candidate::weak;
      i = j;
    }
  }

  // Heading lines come in runs of candidates. A run is confirmed by what
  // stands around it: before, a chunk start or a finished sentence; after,
  // an article opening, a paragraph start, or the end of the chunk.
  void confirm_runs() {
    for (std::size_t i = 0; i < n_;) {
      if (cand_[i] == candidate::no) {
        ++i;
        continue;
      }
      std::size_t j = i;
      std::size_t last_strong = n_;
      while (j < n_ && cand_[j] != candidate::no) {
        if (cand_[j] == candidate::strong) last_strong = j;
        ++j;
      }
      std::size_t end = before_ok(i) ? confirmed_end(i, j, last_strong) : i;
      for (std::size_t k = i; k < end; ++k) heading_[k] = true;
      i = j;
    }
  }

  // How much of the candidate run [i, j) stands as heading lines.
  std::size_t confirmed_end(std::size_t i, std::size_t j, std::size_t last_strong) {
    if (j == n_ || lines_[j].shape.blank) {
      // At a chunk end, trailing weak lines may be the section's first
      // paragraph line; only what follows the gap clears them.
      std::size_t after = next_content(j);
      bool confirmed = opens_article(after) || (after < n_ && paragraph_start(after));
      std::size_t end = confirmed ? j : (last_strong < n_ ? last_strong + 1 : i);
      // Unconfirmed weak lines stay open: the order stage reads them
      // either way, and what follows them in reading order decides.
      for (std::size_t k = end; k < j; ++k) maybe_[k] = true;
      return end;
    }
    if (opens_article(j) || paragraph_start(j)) return j;
    const line_shape &next = lines_[j].shape;
    // Followed by text carrying on (a lower-case word, a full CJK line):
    // the last line starts that text.
    if (local_[j].carries_on(next)) return j - 1;
    // Followed by text of unclear start: a weak last line starts it.
    return cand_[j - 1] == candidate::strong ? j : j - 1;
  }

  std::vector<role> assign_roles() const {
    bool has_dateline = std::find(dateline_.begin(), dateline_.end(), true) != dateline_.end();
    std::vector<role> roles(n_, role::body);
    for (std::size_t i = 0; i < n_;) {
      if (lines_[i].shape.blank || byline_[i] || !heading_[i]) {
        roles[i] = lines_[i].shape.blank ? role::unknown : byline_[i] ? role::byline : role::body;
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < n_ && heading_[end]) ++end;
      // A headline: several lines, or followed by what opens an article.
      bool opens = opens_article(next_content(end));
      bool headline = end - i >= 2 || opens;
      for (std::size_t j = i; j < end; ++j) roles[j] = headline ? role::headline : role::subheading;
      // A headline run that runs straight into a section of body text ends
      // with that section's heading, when the article's dateline is elsewhere.
      if (headline && !opens && end - i >= 2 && has_dateline) roles[end - 1] = role::subheading;
      i = end;
    }
    return roles;
  }

  // An article that opens with a dateline has a headline somewhere. When no
  // run qualified, promote the heading whose words the dateline paragraph
  // repeats most (the first one on a tie): a headline sums up the lead.
  void promote_headline(std::vector<role> &roles) const {
    std::size_t lead = 0;
    while (lead < n_ && !(dateline_[lead] && roles[lead] == role::body)) ++lead;
    if (lead == n_ || std::find(roles.begin(), roles.end(), role::headline) != roles.end()) return;
    std::string lead_text;
    for (std::size_t k = lead, taken = 0; k < n_ && taken < 8; ++k) {
      if (lines_[k].shape.blank || roles[k] != role::body) continue;
      lead_text += lines_[k].text;
      ++taken;
    }
    std::size_t pick = n_;
    double best = -1;
    for (std::size_t i = 0; i < n_; ++i) {
      if (roles[i] != role::subheading || (i > 0 && roles[i - 1] == role::subheading)) continue;
      std::string title;
      for (std::size_t k = i; k < n_ && roles[k] == role::subheading; ++k) title += lines_[k].text;
      double overlap = shared_pairs(title, lead_text);
      if (overlap > best) {
        best = overlap;
        pick = i;
      }
    }
    for (std::size_t k = pick; k < n_ && roles[k] == role::subheading; ++k) roles[k] = role::headline;
  }

  candidate candidate_at(std::size_t i, bool alone) const {
    return heading_candidate(lines_[i], lines_[i].shape, local_[i], alone);
  }
  bool could_head(std::size_t i) const { return candidate_at(i, true) != candidate::no; }
  // The end of an author credit that wrapped ("（记者 王" / "明 李华）")
  // closes its article; it heads nothing.
  bool credit_tail(std::size_t i) const {
    return i > 0 && closes_with_credit(lines_[i - 1].text, lines_[i].text);
  }

  // A CJK line whose last ideographs make a dictionary word with the first
  // of the next text line (across a column break too) was cut mid-word: it
  // runs on, as no heading does ("思想武装头" / "脑").
  bool cuts_word(std::size_t i) const {
    const std::size_t next = next_content(i + 1);
    return lines_[i].shape.cjk && next < n_ && cjk_word_spans(lines_[i].text, lines_[next].text);
  }

  bool opens_article(std::size_t i) const { return i < n_ && (dateline_[i] || byline_[i]); }

  std::size_t chunk_end(std::size_t i) const {
    while (i < n_ && !lines_[i].shape.blank) ++i;
    return i;
  }
  std::size_t next_content(std::size_t i) const {
    while (i < n_ && lines_[i].shape.blank) ++i;
    return i;
  }

  bool paragraph_start(std::size_t i) const {
    const line_shape &x = lines_[i].shape;
    if (x.starts_no_line_start || x.starts_lower) return false;
    if (x.cjk) return local_[i].is_indented(x) && !x.ends_sentence;
    return is_upper(x.first) || is_digit(x.first) || is_opening(x.first);
  }

  // A heading follows a chunk start, a finished sentence, a byline or an
  // author credit, never text in mid-sentence.
  bool before_ok(std::size_t i) const {
    if (i == 0 || lines_[i - 1].shape.blank || byline_[i - 1] || lines_[i - 1].shape.ends_sentence)
      return true;
    std::string_view before = i >= 2 ? std::string_view(lines_[i - 2].text) : std::string_view();
    return closes_with_credit(before, lines_[i - 1].text);
  }

  const std::vector<line> &lines_;  // their shapes measured
  const std::size_t n_;
  std::vector<column_metrics> local_;
  std::vector<candidate> cand_;
  std::vector<bool> byline_, dateline_, heading_, maybe_;
};

}  // namespace

std::vector<role> find_heading_roles(const std::vector<line> &lines,
                                     const column_metrics &page, std::vector<bool> &maybe) {
  return heading_finder(lines, page).run(maybe);
}

}  // namespace colreflow::detail
