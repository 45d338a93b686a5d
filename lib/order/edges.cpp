#include "order/edges.hpp"

#include "text/chars.hpp"
#include "text/cues.hpp"

namespace colreflow::detail {

namespace {

opening text_opening(const block &b, const block_edges &e, const column_metrics &m) {
  const line_shape &s = e.first;
  if (b.lines.front().shape.opens_dateline) return opening::dateline;
  if (s.starts_no_line_start || s.starts_lower) return opening::continuation;
  if (s.indent >= 2) return opening::paragraph;
  if (s.cjk) {
    if (!m.known()) return opening::unknown;
    if (m.is_full(s)) return opening::continuation;
    // A short first line that goes on is an indented paragraph start. One
    // that ends a sentence is a paragraph's last line (tests/eval/link_stats:
    // every such block that followed anything followed unfinished text) when
    // shorter than an indented line or standing alone; an indented-length
    // first line of a longer block stays open.
    if (m.is_indented(s) && !s.ends_sentence) return opening::paragraph;
    if (s.ends_sentence && (!m.is_indented(s) || b.lines.size() == 1)) return opening::tail;
    return opening::unknown;
  }
  if (is_upper(s.first) || is_digit(s.first) || is_opening(s.first)) return opening::sentence;
  return opening::unknown;
}

closing text_closing(const block &b, const block_edges &e, const column_metrics &m) {
  const line_shape &s = e.last;
  // A credit may wrap: "（记者 王明" / "李华）".
  std::string_view before = b.lines.size() > 1 ? std::string_view(b.lines[b.lines.size() - 2].text)
                                               : std::string_view();
  if (closes_with_credit(before, e.last_text)) return closing::article_end;
  if (s.ends_hyphen) return closing::word_cut;
  if (!s.ends_sentence) return closing::continuation;
  int room = s.cjk ? 3 : 2 + m.full_width / 5;
  return m.is_short(s, room) ? closing::paragraph_end : closing::sentence_end;
}

}  // namespace

block_edges as_heading(block_edges e, bool headline) {
  e.open = headline ? opening::headline : opening::subheading;
  e.close = closing::heading;
  return e;
}

block_edges as_text(block_edges e, const block &b, const column_metrics &page) {
  column_metrics m = page;
  if (b.column_width > 0) m.full_width = b.column_width;
  e.open = text_opening(b, e, m);
  e.close = text_closing(b, e, m);
  return e;
}

block_edges describe_edges(const block &b, const column_metrics &page) {
  block_edges e;
  e.index = b.input_index;
  e.first_text = b.lines.front().text;
  e.last_text = b.lines.back().text;
  e.first = b.lines.front().shape;
  e.last = b.lines.back().shape;
  std::vector<std::string_view> texts;
  texts.reserve(b.lines.size());
  for (const line &l : b.lines) texts.push_back(l.text);
  e.marks = scan_marks(texts);
  switch (b.kind) {
    case role::headline:
      e.open = opening::headline;
      e.close = closing::heading;
      return e;
    case role::subheading:
      e.open = opening::subheading;
      e.close = closing::heading;
      return e;
    case role::byline:
      e.open = opening::byline;
      e.close = closing::byline;
      return e;
    default:
      return as_text(e, b, page);
  }
}

}  // namespace colreflow::detail
