#include "text/paragraphs.hpp"

#include "text/chars.hpp"
#include "text/cues.hpp"

namespace colreflow::detail {

int first_word_cells(std::string_view text) {
  std::size_t pos = 0;
  int n = 0;
  while (pos < text.size()) {
    char32_t c = next_code_point(text, pos);
    if (is_space(c)) {
      if (n == 0) continue;
      break;
    }
    if (is_cjk(c) || is_fullwidth_punct(c)) return n == 0 ? 2 : n;
    ++n;
    // A long word would have been hyphenated: three letters and a hyphen fit.
    if (n >= 4 && is_letter(c)) return 4;
  }
  return n;
}

bool ends_paragraph(const shaped_line &a, const shaped_line &b, const column_metrics &m) {
  if (b.dateline) return true;
  if (is_credit_line(b.text)) return false;  // the credit closes the paragraph before it
  bool closes = a.shape->ends_sentence || closes_with_credit(a.before, a.text);
  // Measured on the page: a flush-left line that leaves room for the next
  // line's first word, and the next set in as a paragraph starts (one to
  // three em) and filled to the column's edge, end the paragraph whatever
  // the text says (on a noisy scan the engine drops a stop). A line set in
  // and short is verse, a signature or centred, and a centred line before
  // one is a heading's; one set in further is a piece of a line.
  if (!closes && a.shape->indent == 0 && a.shape->next_word_fits > 0 && b.shape->indent >= 2 &&
      b.shape->indent <= 6 && b.shape->next_word_fits == 0)
    return true;
  if (!closes) return false;
  if (b.shape->indent >= 2) return true;
  // Measured on the page (geometry inputs): room for the next word or not.
  if (a.shape->next_word_fits >= 0) return a.shape->next_word_fits > 0;
  if (!m.known()) return false;
  // Proportional Latin type fits a few characters more or less per line.
  int slack = m.cjk ? 1 : 1 + m.full_width / 20;
  if (m.is_short(*a.shape, first_word_cells(b.text) + slack)) return true;
  return m.cjk && m.is_indented(*b.shape) && !b.shape->ends_sentence;
}

}  // namespace colreflow::detail
