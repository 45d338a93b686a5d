#include "text/line_shape.hpp"

#include <algorithm>
#include <array>

#include "text/chars.hpp"
#include "text/junction.hpp"

namespace colreflow::detail {

namespace {

int cells(char32_t c) { return is_wide(c) || is_fullwidth_punct(c) ? 2 : 1; }

// Ideographs in a row from `pos`, up to 3, after any opening quotes or
// brackets (a heading's phrase may open with one: 走出库房 “纸上文明”).
int cjk_run_from(std::string_view text, std::size_t pos) {
  int n = 0;
  while (n < 3 && pos < text.size()) {
    char32_t c = next_code_point(text, pos);
    if (is_cjk(c)) ++n;
    else if (n > 0 || !is_opening(c)) break;
  }
  return n;
}

// What measure_line asks of each character.
struct char_facts {
  bool space = false, cjk = false, upper = false, digit = false, letter = false, closing = false;
  int cells = 1;
};

char_facts facts_of(char32_t c) {
  return {is_space(c),  is_cjk(c),     is_upper(c), is_digit(c),
          is_letter(c), is_closing(c), cells(c)};
}

// ASCII answered once, by the same functions: a look-up per byte costs
// less than the calls, and most Latin text is ASCII.
const std::array<char_facts, 128> &ascii_facts() {
  static const std::array<char_facts, 128> table = [] {
    std::array<char_facts, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = facts_of(c);
    return t;
  }();
  return table;
}

}  // namespace

line_shape measure_line(std::string_view text) {
  const std::array<char_facts, 128> &ascii = ascii_facts();
  line_shape s;
  std::size_t pos = 0;
  bool leading = true;
  int trailing_space = 0;
  int cjk_run = 0;           // ideographs in a row just before this point
  bool space_run = false;
  bool word_open = false;
  int solid = 0;
  std::size_t space_start = 0;  // width without inner whitespace: OCR adds spaces inside CJK lines
  while (pos < text.size()) {
    std::size_t at = pos;
    const auto byte = static_cast<unsigned char>(text[pos]);
    char32_t c = byte;
    char_facts f;
    if (byte < 0x80) {
      f = ascii[byte];
      ++pos;
    } else {
      c = next_code_point(text, pos);
      f = facts_of(c);
    }
    if (f.space) {
      if (!space_run) space_start = at;
      if (leading) {
        s.indent += f.cells;
      } else {
        trailing_space += f.cells;
        space_run = true;
      }
      word_open = false;

      continue;
    }
    if (leading) {
      s.first = c;
      leading = false;
      s.blank = false;
    }
    // A space between ideographs separates phrases, unless the two sides
    // make one dictionary word: then OCR split a word ("正 在").
    // Heading phrases run three ideographs or more on each side; OCR noise
    // also splits short runs ("快递 等行业") and words ("正 在").
    if (space_run && !s.phrase_space && cjk_run >= 3 && cjk_run_from(text, at) >= 3 &&
        !cjk_word_spans(text.substr(0, space_start), text.substr(at)))
      s.phrase_space = true;
    // Closing quotes and brackets end a phrase as its last ideograph would.
    if (f.cjk) cjk_run = space_run ? 1 : cjk_run + 1;
    else if (!f.closing || space_run) cjk_run = 0;
    if (!word_open) {
      ++s.words;
      if (f.upper || f.digit) ++s.upper_initial_words;
      word_open = true;
    }
    s.width += trailing_space + f.cells;
    solid += f.cells;
    trailing_space = 0;
    space_run = false;
    if (f.cjk) ++s.cjk_letters;
    else if (f.letter) ++s.other_letters;

  }
  if (s.blank) return s;
  s.cjk = s.cjk_letters > 0 && s.cjk_letters >= s.other_letters / 3;
  if (s.cjk) s.width = solid;

  // Ends: skip closing marks to find the core, so "。”" and "?)" end sentences.
  std::size_t end = text.size();
  char32_t c = 0;
  bool have_last = false;
  while (end > 0) {
    c = last_code_point(text, end);
    if (is_space(c)) continue;
    if (!have_last) {
      s.last = c;
      have_last = true;
    }
    if (is_closing(c)) continue;
    break;
  }
  s.last_core = c;
  s.ends_sentence = is_sentence_terminal(c);
  s.ends_clause = is_clause_punct(s.last);
  if (is_hyphen(s.last) && end > 0) {
    std::size_t before = end;
    char32_t b = last_code_point(text, before);
    s.ends_hyphen = is_letter(b) && !is_cjk(b);
  }

  // Starts: the first letter decides case; a closing mark cannot start a line.
  s.starts_no_line_start = is_no_line_start(s.first);
  pos = 0;
  while (pos < text.size()) {
    char32_t f = next_code_point(text, pos);
    if (is_letter(f)) {
      s.starts_lower = is_lower(f);
      break;
    }
    if (!is_space(f) && !is_opening(f) && !is_closing(f)) break;
  }
  return s;
}

bool column_metrics::is_indented(const line_shape &s) const {
  if (!known()) return false;
  if (s.indent >= 2) return true;
  int missing = full_width - s.width;
  // CJK type indents by two em (4 cells); Latin by a few characters.
  return cjk ? missing >= 3 && missing <= 8 : missing >= 2 && missing <= 8;
}

bool column_metrics::is_full(const line_shape &s) const {
  if (!known()) return false;
  return s.width + s.indent >= full_width - (cjk ? 2 : full_width / 6);
}

namespace {

// The widths that show a column: lines with text and no phrase spaces.
bool shows_column(const line_shape &s) { return !s.blank && !s.phrase_space; }

void add_width(std::vector<int> &widths, const line_shape &s) {
  if (shows_column(s)) widths.push_back(s.width + s.indent);
}

column_metrics columns_from_widths(std::vector<int> &widths, bool cjk) {
  column_metrics m;
  m.cjk = cjk;
  if (widths.size() < 3) return m;
  std::sort(widths.begin(), widths.end());
  if (cjk) {
    // Justified CJK lines are mostly full: the most common width among the
    // longer two thirds is the column width (ties go to the wider).
    std::size_t best_count = 0;
    int best = widths.back();
    for (std::size_t i = widths.size() / 3; i < widths.size();) {
      std::size_t j = i;
      while (j < widths.size() && widths[j] == widths[i]) ++j;
      if (j - i >= best_count) {
        best_count = j - i;
        best = widths[i];
      }
      i = j;
    }
    m.full_width = best;
  } else {
    // Ragged or proportional Latin lines: the capacity is near the top.
    // Greedy wrapping fills most lines to within a word of it, so a line
    // well past the upper quartile is set in another measure (a heading
    // across the column, a table row) and says nothing of this one.
    const int upper_quartile = widths[widths.size() * 3 / 4];
    const auto body_end = std::upper_bound(widths.begin(), widths.end(),
                                           upper_quartile + std::max(2, upper_quartile / 8));
    const auto body = static_cast<std::size_t>(body_end - widths.begin());
    m.full_width = widths[body * 9 / 10];
  }
  return m;
}

}  // namespace

// The widths are counted first: a page of very many lines would otherwise
// hold them twice while the vector grows.
column_metrics estimate_columns(std::span<const line_shape> shapes, bool cjk) {
  std::vector<int> widths;
  widths.reserve(static_cast<std::size_t>(std::count_if(shapes.begin(), shapes.end(), shows_column)));
  for (const line_shape &s : shapes) add_width(widths, s);
  return columns_from_widths(widths, cjk);
}

column_metrics estimate_columns(std::span<const line> lines, bool cjk) {
  std::vector<int> widths;
  widths.reserve(static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [](const line &l) { return shows_column(l.shape); })));
  for (const line &l : lines) add_width(widths, l.shape);
  return columns_from_widths(widths, cjk);
}

}  // namespace colreflow::detail
