#include "segment/page_text.hpp"

#include <algorithm>  // min, max, nth_element
#include <cstdint>    // int32_t, int64_t
#include <cstdlib>    // abs

#include "layout/furniture.hpp"  // only_text_line
#include "text/chars.hpp"
#include "text/line_shape.hpp"

namespace colreflow::detail {
namespace {

// Whether text holds a code point from U+1100 on (a UTF-8 lead byte of
// 0xE1 or more), where every CJK script lies: text without one measures as
// no CJK line, which saves measuring the lines of a Latin page.
bool may_be_cjk(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0xE1; });
}

// Whether a word has a letter, digit or ideograph: punctuation and specks
// stand at any height.
bool spelt(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = next_code_point(text, pos);
    if (is_letter(c) || is_digit(c) || is_cjk(c)) return true;
  }
  return false;
}

// How tall a line's type stands on the page: the height its words (those
// with a letter, digit or ideograph) reach, one in four of them no lower,
// or the line's own height where that is less (a speck stretches a few
// words' boxes, or the line's, rarely both); 0 without a box.
float word_height(const text_line &l) {
  if (l.bbox.empty()) return 0;
  std::vector<std::int32_t> h;
  for (const word &w : l.words)
    if (!w.bbox.empty() && spelt(w.text)) h.push_back(w.bbox.height());
  if (h.size() < 2) return static_cast<float>(l.bbox.height());
  std::nth_element(h.begin(), h.begin() + static_cast<std::ptrdiff_t>(h.size() / 4), h.end());
  return static_cast<float>(std::min(h[h.size() / 4], l.bbox.height()));
}

// Two one-line regions side by side on one line of the page: an engine cut
// a headline, a deck or a date line at a gutter. Their text is one line.
bool same_line(const region &a, const region &b) {
  const text_line *la = only_text_line(a), *lb = only_text_line(b);
  if (la == nullptr || lb == nullptr || la->bbox.empty() || lb->bbox.empty()) return false;
  const box &x = la->bbox, &y = lb->bbox;
  const std::int32_t low = std::min(x.height(), y.height());
  const std::int32_t high = std::max(x.height(), y.height());
  return on_one_page_line(x, y) && y.x0 >= x.x1 - low && y.x0 - x.x1 <= 3 * high;
}

// Two pieces of one page line, cut by the engine at a gutter, that join
// with no space: CJK on both sides of a gap narrower than half the line's
// height (a phrase space in CJK type is a full em).
bool cjk_close(std::string_view left, const box &left_box, const text_line &right) {
  if (right.bbox.empty() || left_box.empty()) return false;
  const std::int32_t height = std::max(left_box.height(), right.bbox.height());
  return cjk_joins(left, right.text) && 2 * (right.bbox.x0 - left_box.x1) < height;
}

// Whether a line holds a clause or sentence mark (ASCII or full-width)
// before its last word: prose does, a heading seldom.
bool marked_inside(std::string_view text) {
  const std::size_t end = trim_end(text, text.size());
  bool word = false;
  for (std::size_t pos = end; pos > 0;) {
    const char32_t c = last_code_point(text, pos);
    if (is_letter(c) || is_cjk(c) || is_digit(c)) word = true;
    else if (word && (is_clause_punct(c) || is_sentence_terminal(c))) return true;
  }
  return false;
}

// How many of a region's first lines are set in display type (a heading
// the engine left in one block with its text): one to three lines at least
// 1.3 times the body size, followed by body-type lines. 0 when none.
std::size_t display_lead(const region &r, float body, const type_scale &scale) {
  if (body <= 0) return 0;
  std::size_t k = 0, seen = 0;
  for (const text_line &l : r.lines) {
    if (all_blank(l.text)) continue;
    if (line_type_size(l, scale) >= 1.3f * body && seen == k) ++k;
    ++seen;
  }
  return k >= 1 && k <= 3 && seen > k ? k : 0;
}

// Whether the line after a region's display lead carries text on: CJK,
// flush with its column's left edge and full to its right one. A CJK
// paragraph opens indented, under a heading too, so the lead is a line of
// the text the engine sized from specks ("记者离开时已是" over a speck).
bool carries_on_after_lead(const region &r, std::size_t lead, const column_edges &e) {
  if (!e.known()) return false;
  std::size_t k = 0;
  for (const text_line &l : r.lines) {
    if (all_blank(l.text)) continue;
    if (k++ < lead) continue;
    if (l.bbox.empty() || !may_be_cjk(l.text) || !measure_line(l.text).cjk) return false;
    const auto [left, right] = e.near((l.bbox.y0 + l.bbox.y1) / 2);
    const speck_edges type = line_speck_edges(l);
    return static_cast<float>(std::abs(type.x0 - left)) < 0.5f * e.em &&
           static_cast<float>(right - type.x1) < e.em;
  }
  return false;
}

// A line set in the middle of its region, with a margin on each side: a
// heading the engine left in one block with the text around it.
bool centred(const box &line, const box &area) {
  if (line.empty() || area.empty()) return false;
  const std::int64_t w = area.width();
  const std::int64_t left = line.x0 - area.x0, right = area.x1 - line.x1;
  return 100 * left >= 12 * w && 100 * right >= 12 * w &&
         100 * std::abs(left - right) <= 8 * w;
}

// Which non-blank lines of a region open or close a run of one to three
// centred lines in a region of more lines: the text stages get a block
// break around each run. Indexed like the region's non-blank lines.
std::vector<bool> centred_runs(const region &r) {
  std::vector<const text_line *> lines;
  for (const text_line &l : r.lines)
    if (!all_blank(l.text)) lines.push_back(&l);
  std::vector<bool> in_run(lines.size(), false);
  if (lines.size() < 4) return in_run;
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j < lines.size() && centred(lines[j]->bbox, r.bbox)) ++j;
    if (j - i >= 1 && j - i <= 3 && j - i < lines.size())
      for (std::size_t k = i; k < j; ++k) in_run[k] = true;
    i = j == i ? i + 1 : j;
  }
  return in_run;
}

laid_line place_of(std::uint32_t region, const text_line &l) {
  laid_line out;
  out.text = true;
  out.region = region;
  out.bbox = l.bbox;
  const speck_edges ink = line_speck_edges(l);
  out.specks_left = ink.x0 - l.bbox.x0;
  out.specks_right = l.bbox.x1 - ink.x1;
  out.stop_before_specks = ink.stop;
  // The first word in type (line_speck_edges skips specks too).
  for (const word &w : l.words)
    if (!speck_sized(w.bbox, l.bbox.height())) {
      out.first_word = w.bbox.width();
      break;
    }
  return out;
}

// Whether every character of a word is a mark that may not begin a line.
bool opens_no_line(std::string_view text) {
  if (text.empty()) return false;
  for (std::size_t pos = 0; pos < text.size();)
    if (!is_no_line_start(next_code_point(text, pos))) return false;
  return true;
}

// Whether a word ends in a full-width sentence mark, closing marks after it.
bool ends_fullwidth_stop(std::string_view text) {
  std::size_t at = text.size();
  while (at > 0) {
    const char32_t c = last_code_point(text, at);
    if (is_closing(c)) continue;
    return is_sentence_terminal(c) && is_fullwidth_punct(c);
  }
  return false;
}

}  // namespace

bool on_one_page_line(const box &a, const box &b) {
  const std::int32_t overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  const std::int32_t low = std::min(a.height(), b.height());
  const std::int32_t high = std::max(a.height(), b.height());
  return 2 * overlap >= low && 2 * low >= high;
}

bool cjk_joins(std::string_view left, std::string_view right) {
  const std::size_t end = trim_end(left, left.size());
  if (end == 0) return false;
  std::size_t at = end;
  const char32_t last = last_code_point(left, at);
  std::size_t pos = 0;
  char32_t first = 0;
  while (pos < right.size() && is_space(first = next_code_point(right, pos))) {
  }
  return (is_cjk(last) || is_fullwidth_punct(last)) && (is_cjk(first) || is_fullwidth_punct(first));
}

speck_edges line_speck_edges(const text_line &l) {
  speck_edges out{l.bbox.x0, l.bbox.x1, false};
  const std::vector<word> &w = l.words;
  // Specks stand far smaller than type (speck_sized).
  const std::int32_t half = l.bbox.height() / 2;
  std::size_t first = 0;
  // Marks other than quotes and brackets (an opening quote, or French
  // guillemets repeated down a quotation, stand where the text starts).
  auto speck_mark = [](std::string_view t) {
    if (opens_no_line(t)) return true;
    if (spelt(t)) return false;
    for (std::size_t pos = 0; pos < t.size();) {
      const char32_t c = next_code_point(t, pos);
      if (is_opening(c) || is_closing(c)) return false;
    }
    return true;
  };
  while (first < w.size() && speck_mark(w[first].text) && speck_sized(w[first].bbox, l.bbox.height())) ++first;
  if (first == w.size()) return out;
  if (first > 0 && spelt(w[first].text) && !w[first].bbox.empty() && w[first].bbox.height() >= half)
    out.x0 = std::max(out.x0, w[first].bbox.x0);
  // The tail: from the line's end back to the word with the stop.
  std::size_t end = w.size();
  bool spelt_speck = false;
  while (end > first) {
    const word &t = w[end - 1];
    if (spelt(t.text)) {
      if (t.confidence < 0 || t.confidence >= 10) break;
      spelt_speck = true;
    } else if (ends_fullwidth_stop(t.text)) {
      break;
    }
    --end;
  }
  if (end == first || end == w.size() || !ends_fullwidth_stop(w[end - 1].text) || w[end - 1].bbox.empty())
    return out;
  out.x1 = std::min(out.x1, w[end - 1].bbox.x1);
  out.stop = spelt_speck;
  return out;
}

std::string cjk_spaced_text(const text_line &l) {
  if (l.words.size() < 2 || l.bbox.empty() || !may_be_cjk(l.text) || !measure_line(l.text).cjk)
    return l.text;
  std::string joined, own;
  for (const word &w : l.words) joined += w.text;
  for (char c : l.text)
    if (c != ' ') own += c;
  if (joined != own) return l.text;
  auto edge = [](std::string_view s, bool last) -> char32_t {
    if (s.empty()) return 0;
    std::size_t at = last ? s.size() : 0;
    return last ? last_code_point(s, at) : next_code_point(s, at);
  };
  auto cjk = [](char32_t c) { return is_cjk(c) || is_fullwidth_punct(c) || is_wide(c); };
  // CJK quotes are ambiguous in width: next to an ideograph they are CJK.
  auto mark = [](char32_t c) { return is_opening(c) || is_closing(c); };
  std::string out = l.words.front().text;
  for (std::size_t k = 1; k < l.words.size(); ++k) {
    const word &a = l.words[k - 1], &b = l.words[k];
    const char32_t left = edge(a.text, true), right = edge(b.text, false);
    const bool narrow = !a.bbox.empty() && !b.bbox.empty() && 2 * (b.bbox.x0 - a.bbox.x1) < l.bbox.height();
    const bool tight = (cjk(left) && (cjk(right) || mark(right))) || (mark(left) && cjk(right));
    const bool spaced = !is_wide(left) || !is_wide(right);  // as the readers join words
    if (spaced && !(narrow && tight)) out += ' ';
    out += b.text;
  }
  return out;
}

type_scale page_type_scale(const page &p) {
  type_scale out;
  out.body = body_type_size(p);
  out.body_height = median_over_body_lines<float>(p, word_height);
  return out;
}

float line_type_size(const text_line &l, const type_scale &scale) {
  if (l.font_size <= 0 || scale.body_height <= 0 || scale.body <= 0) return l.font_size;
  const float h = word_height(l);
  if (h <= 0) return l.font_size;
  // Ideographs fill a square em: their height tells the type within 5%;
  // Latin words stand as high as their ascenders and descenders reach.
  // (The line is measured only where the two margins disagree.)
  const bool within = h <= 1.05f * scale.body_height ||
                      (h <= 1.1f * scale.body_height && !(may_be_cjk(l.text) && measure_line(l.text).cjk));
  return within ? std::min(l.font_size, scale.body * h / scale.body_height) : l.font_size;
}

float body_type_size(const page &p) {
  return median_over_body_lines<float>(p, [](const text_line &l) { return l.font_size; });
}

float cjk_cell_pitch(const page &p) {
  return median_over_body_lines<float>(p, [](const text_line &l) {
    if (l.bbox.empty() || !may_be_cjk(l.text)) return 0.0f;
    const line_shape s = measure_line(l.text);
    return s.cjk && s.width >= 12 ? static_cast<float>(l.bbox.width()) / static_cast<float>(s.width)
                                  : 0.0f;
  });
}

std::vector<bool> unterminated_runs(const page &p, const column_finder &columns, std::uint32_t r,
                                    float cjk_pitch, bool fullwidth_stops) {
  const region &reg = p.regions[r];
  std::vector<const text_line *> lines;
  for (const text_line &l : reg.lines)
    if (!all_blank(l.text)) lines.push_back(&l);
  std::vector<bool> in_run(lines.size(), false);
  if (lines.size() < 3) return in_run;
  const std::shared_ptr<const column_edges> measured = columns.edges_of(r);
  const column_edges &e = *measured;
  if (!e.known()) return in_run;
  auto indent = [&](const text_line &l) {
    return static_cast<float>(l.bbox.x0 - e.near((l.bbox.y0 + l.bbox.y1) / 2).first);
  };
  std::vector<line_shape> shapes;
  for (const text_line *l : lines) {
    shapes.push_back(measure_line(l->text));
    if (ends_sentence_before_specks(l->text) > 0) shapes.back().ends_sentence = true;
    if (shapes.back().cjk)
      if (const int ends = cjk_ends_sentence(l->text, fullwidth_stops); ends >= 0)
        shapes.back().ends_sentence = ends > 0;
  }
  // CJK type a size up sets its ideographs further apart: a line wider
  // than the body's pitch gives its characters is display type.
  auto display = [&](std::size_t k) {
    return cjk_pitch > 0 && shapes[k].cjk && shapes[k].width > 0 &&
           static_cast<float>(lines[k]->bbox.width()) > 1.1f * cjk_pitch * static_cast<float>(shapes[k].width);
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // Flush left, or centred: set in on both sides (a paragraph's
    // indented first line runs to the right edge).
    if (lines[i]->bbox.empty() ||
        (indent(*lines[i]) >= 0.5f * e.em &&
         static_cast<float>(e.near((lines[i]->bbox.y0 + lines[i]->bbox.y1) / 2).second -
                            lines[i]->bbox.x1) < e.em))
      continue;
    if (i > 0 && !shapes[i - 1].ends_sentence) continue;
    for (std::size_t j = i + 1; j <= i + 3 && j < lines.size(); ++j) {
      const line_shape &last = shapes[j - 1];
      // A heading ends in a word: not in a mark, nor in specks after one.
      const char32_t ending = last_before_specks(lines[j - 1]->text);
      if (last.ends_sentence || last.ends_hyphen ||
          !(is_letter(ending) || is_digit(ending) || is_cjk(ending)))
        break;
      const text_line &end = *lines[j - 1], &next = *lines[j];
      if (end.bbox.empty() || next.bbox.empty()) break;
      // Well short of the right edge, or set in on both sides (centred).
      const float room = static_cast<float>(e.near((end.bbox.y0 + end.bbox.y1) / 2).second - end.bbox.x1);
      const bool short_end = room >= 2.0f * e.em || (indent(end) >= 0.5f * e.em && room >= 0.5f * e.em) ||
                             (indent(end) >= 0.5f * e.em && display(j - 1));
      // The paragraph after it opens indented and runs to the right edge
      // (or ends there): a line set in on both sides, with no sentence
      // ended, is the heading's next line instead.
      const float next_room =
          static_cast<float>(e.near((next.bbox.y0 + next.bbox.y1) / 2).second - next.bbox.x1);
      const bool opens = indent(next) >= 0.5f * e.em && !display(j) &&
                         (next_room < e.em || shapes[j].ends_sentence);
      // A single line after a finished sentence may fill the column, when
      // no clause or sentence mark stands in it (prose has them): no text
      // runs on from it into an indented line.
      const bool lone_full = j == i + 1 && indent(next) >= 1.0f * e.em && !marked_inside(end.text);
      if ((short_end || lone_full) && opens) {
        for (std::size_t k = i; k < j; ++k) in_run[k] = true;
        i = j - 1;
        break;
      }
    }
  }
  return in_run;
}

// Whether every line of a region of one to three lines stands centred in
// the column the region is set in: a heading the engine set apart in a
// region of its own (centred_runs finds those inside longer regions).
bool centred_in_column(const region &r, const column_finder &columns, std::uint32_t at) {
  std::size_t n = 0;
  for (const text_line &l : r.lines) n += all_blank(l.text) ? 0 : 1;
  if (n == 0 || n > 3) return false;
  const std::shared_ptr<const column_edges> measured = columns.edges_holding(at);
  if (!measured->known()) return false;
  for (const text_line &l : r.lines) {
    if (all_blank(l.text)) continue;
    const auto [left, right] = measured->near((l.bbox.y0 + l.bbox.y1) / 2);
    // Specks the engine read beside the line do not move its type.
    const speck_edges type = line_speck_edges(l);
    if (!centred({type.x0, l.bbox.y0, type.x1, l.bbox.y1}, {left, l.bbox.y0, right, l.bbox.y1}))
      return false;
  }
  return true;
}

laid_out lay_out_text(document &doc, const page &text_page, float body) {
  laid_out out;
  out.size.push_back(0);
  out.centred.push_back(false);
  out.page_lines.emplace_back();
  std::uint32_t line_no = 0;
  const region *previous = nullptr;
  const column_finder columns(text_page);
  const type_scale scale = page_type_scale(text_page);
  const float pitch = cjk_cell_pitch(text_page);
  // The engine reads CJK full stops as 。 when some line of the page holds one.
  bool fullwidth_stops = false;
  for (const region &reg : text_page.regions)
    for (const text_line &l : reg.lines)
      fullwidth_stops = fullwidth_stops || l.text.find("\u3002") != std::string::npos;
  // The last line's text grows while regions on its page line follow; it
  // goes to the document's store once the line is complete.
  std::string last;
  auto finish = [&] {
    if (!doc.lines.empty()) doc.lines.back().text = doc.text.keep(last);
  };
  auto add = [&](std::string text, float size, bool centred_line, laid_line place) {
    finish();
    last = std::move(text);
    doc.lines.push_back({{}, {}, ++line_no});
    out.size.push_back(size);
    out.centred.push_back(centred_line);
    out.page_lines.push_back(place);
  };
  for (const auto &art : doc.region_order.articles) {
    for (std::uint32_t r : art) {
      const region &reg = text_page.regions[r];
      if (previous != nullptr && same_line(*previous, reg)) {
        if (!cjk_close(last, out.page_lines.back().bbox, *only_text_line(reg))) last += ' ';
        last += only_text_line(reg)->text;
        laid_line &host = out.page_lines.back();
        const laid_line piece = place_of(r, *only_text_line(reg));
        if (host.bbox.empty()) {
          host.bbox = piece.bbox;
          host.specks_left = piece.specks_left;
          host.specks_right = piece.specks_right;
          host.stop_before_specks = piece.stop_before_specks;
        } else if (!piece.bbox.empty()) {
          // The line's type reaches from the leftmost piece's to the
          // rightmost's; its sentence end is the rightmost's.
          const std::int32_t x0 = std::min(host.type_x0(), piece.type_x0());
          const std::int32_t x1 = std::max(host.type_x1(), piece.type_x1());
          if (piece.type_x1() > host.type_x1()) host.stop_before_specks = piece.stop_before_specks;
          host.bbox = host.bbox.united(piece.bbox);
          host.specks_left = x0 - host.bbox.x0;
          host.specks_right = host.bbox.x1 - x1;
        }
        doc.region_lines.push_back({r, line_no, line_no});
        previous = &reg;
        continue;
      }
      std::size_t lead = display_lead(reg, body, scale);
      if (lead > 0 && carries_on_after_lead(reg, lead, *columns.edges_of(r))) lead = 0;
      std::vector<bool> run = centred_runs(reg);
      const std::vector<bool> unterminated = unterminated_runs(text_page, columns, r, pitch, fullwidth_stops);
      for (std::size_t k = 0; k < run.size(); ++k) run[k] = run[k] || unterminated[k];
      if (centred_in_column(reg, columns, r)) run.assign(run.size(), true);
      region_span span{r, line_no + 1, line_no};
      std::size_t k = 0;
      for (const text_line &l : reg.lines) {
        if (all_blank(l.text)) continue;
        const bool after_lead = lead > 0 && k == lead;
        const bool run_edge = k > 0 && run[k] != run[k - 1];
        if ((span.first_line > span.last_line && !doc.lines.empty()) || after_lead || run_edge) {
          add("", 0, false, {});
          if (span.first_line > span.last_line) span.first_line = line_no + 1;
        }
        add(cjk_spaced_text(l), line_type_size(l, scale), run[k], place_of(r, l));
        if (!l.words.empty() && !l.words.back().whole_word.empty())
          doc.marked_words.emplace_back(line_no, l.words.back().whole_word);
        span.last_line = line_no;
        ++k;
      }
      doc.region_lines.push_back(span);
      previous = span.first_line <= span.last_line ? &reg : previous;
    }
  }
  finish();
  return out;
}

}  // namespace colreflow::detail
