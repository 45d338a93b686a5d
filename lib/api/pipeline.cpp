#include "api/pipeline.hpp"

#include "text/words.hpp"
#include "text/chars.hpp"
#include "text/line_shape.hpp"
#include "text/lexicon.hpp"
#include "hyphen/dictionary.hpp"
#include "hyphen/language.hpp"

#include <algorithm>  // all_of
#include <cstdint>    // int32_t, uint8_t

#include <fmt/format.h>

#include <unicode/uchar.h>  // u_isUWhiteSpace
#include <unicode/utf8.h>   // U8_NEXT

#include "layout/furniture.hpp"
#include "layout/layout.hpp"
#include "model/deadline.hpp"
#include "order/order.hpp"
#include "read/alto_reader.hpp"
#include "read/hocr_reader.hpp"
#include "read/image_reader.hpp"
#include "read/limits.hpp"
#include "read/page_reader.hpp"
#include "read/tsv_reader.hpp"
#include "read/text_reader.hpp"
#include "reflow/page_lines.hpp"
#include "reflow/reflow.hpp"
#include "segment/segment.hpp"
#include "write/stats.hpp"  // on_longest_run

namespace colreflow::detail {
namespace {

// Blank in the Unicode sense: U+3000 IDEOGRAPHIC SPACE is as blank as ' '.
bool is_blank(std::string_view s) {
  const auto *p = reinterpret_cast<const std::uint8_t *>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    // U8_NEXT takes int32_t lengths; step through long lines in slices.
    const std::size_t slice = std::min<std::size_t>(s.size() - i, 1u << 30);
    std::int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + i, k, static_cast<std::int32_t>(slice), c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
    i += static_cast<std::size_t>(k);
  }
  return true;
}

// The word list only judges words cut by a line-end hyphen; loading it
// costs more than repairing a page, so only hyphenated text pays.
void load_words_if_hyphenated(document &doc, const colreflow::options &opts) {
  // Dictionaries named that are not installed are an error, whatever the text.
  if (opts.dictionaries != "auto") (void)resolve_dictionaries(opts.dictionaries, {});
  if (!has_hyphenated_line_end(doc.lines)) return;
  if (!opts.lexicon_path.empty()) doc.words = lexicon::load(opts.lexicon_path);
  // "auto" picks the dictionaries for the languages the text itself shows.
  const std::vector<std::string> languages =
      opts.dictionaries == "auto" ? guess_languages(doc.lines) : std::vector<std::string>{};
  doc.dictionaries = open_dictionaries(opts.dictionaries, languages);
}

// crf_options.repairs: what the caller left out is not done at all.
bool wants(const colreflow::options &opts, unsigned repair) {
  return (opts.repairs & repair) != 0 || opts.repairs == 0;
}

reflow_options reflow_repairs(const colreflow::options &opts) {
  reflow_options r;
  r.join = wants(opts, CRF_REPAIR_JOIN);
  r.spacing = wants(opts, CRF_REPAIR_SPACING);
  return r;
}

// Headings off: no line is taken for a headline or subheading, whatever
// its shape or the input's region type says; every block reads as text.
void drop_headings(document &doc) {
  for (block &b : doc.blocks) {
    if (b.kind == role::headline || b.kind == role::subheading) b.kind = role::body;
    b.maybe_heading = false;
    b.section_heading = false;
  }
}

void keep_block_order(document &doc) {
  doc.order.resize(doc.blocks.size());
  for (std::uint32_t i = 0; i < doc.order.size(); ++i) doc.order[i] = i;
}

}  // namespace

document run_text_pipeline(std::string_view bytes, const colreflow::options &opts) {
  document doc;
  doc.source_name = opts.source_name;
  const deadline_scope deadline(opts.max_millis, opts.source_name);
  read_limits limits;
  if (opts.max_input_bytes != 0) limits.max_input_bytes = opts.max_input_bytes;
  limits.max_words = opts.max_words;
  read_text(doc, bytes, limits);
  check_deadline("reading");
  load_words_if_hyphenated(doc, opts);

  // Nothing to repair in an empty or all-blank input: it is valid and gives
  // empty output, and the stages need not each handle it.
  if (std::all_of(doc.lines.begin(), doc.lines.end(),
                  [](const line &l) { return is_blank(l.text); })) {
    return doc;
  }
  segment_blocks(doc);
  check_deadline("segmentation");
  if (!wants(opts, CRF_REPAIR_HEADINGS)) drop_headings(doc);
  if (wants(opts, CRF_REPAIR_ORDER))
    order_blocks(doc);
  else
    keep_block_order(doc);
  check_deadline("the order search");
  reflow_articles(doc, reflow_repairs(opts));
  return doc;
}

namespace {

page read_page(std::string_view bytes, source_format format, const colreflow::options &opts) {
  xml_limits limits;
  if (opts.max_input_bytes != 0) limits.max_input_bytes = opts.max_input_bytes;
  limits.max_depth = opts.max_xml_depth;
  limits.max_elements = opts.max_xml_elements;
  switch (format) {
    case source_format::page_xml: return read_page_xml(bytes, opts.source_name, limits);
    case source_format::hocr: return read_hocr(bytes, opts.source_name, limits);
    case source_format::tsv: return read_tsv(bytes, opts.source_name, limits.max_input_bytes);
    case source_format::alto: return read_alto(bytes, opts.source_name, limits);
    case source_format::image: {
      image_options io;
      io.languages = opts.languages;
      io.psm = opts.psm;
      io.tessdata = opts.tessdata;
      io.dpi = opts.dpi;
      if (opts.engine_outputs & CRF_ENGINE_OUTPUT(CRF_INPUT_HOCR))
        io.engine_outputs.push_back(source_format::hocr);
      if (opts.engine_outputs & CRF_ENGINE_OUTPUT(CRF_INPUT_ALTO))
        io.engine_outputs.push_back(source_format::alto);
      if (opts.engine_outputs & CRF_ENGINE_OUTPUT(CRF_INPUT_TSV))
        io.engine_outputs.push_back(source_format::tsv);
      io.max_pixels = opts.max_image_pixels;
      return read_image(bytes, opts.source_name, io);
    }
    case source_format::text: break;
  }
  throw colreflow::error(status::usage, fmt::format("{}: no reader for this format yet",
                                                    opts.source_name));
}

// XML parsers pass bytes through as the file has them, and TSV is read as
// bytes: text that is not UTF-8 is refused here, for every format at once.
void require_utf8(const page &p) {
  auto check = [&](const std::string &text, std::uint32_t source_line, const char *what) {
    const std::size_t at = invalid_utf8_at(text);
    if (at == std::string::npos) return;
    throw colreflow::error(
        status::invalid,
        fmt::format("{}: line {}: {} is not valid UTF-8 (byte {} of it); declare the file's "
                    "encoding or convert it to UTF-8",
                    p.source_name, source_line, what, at));
  };
  for (const region &r : p.regions) {
    check(r.id, r.source_line, "a region id");
    for (const text_line &l : r.lines) {
      check(l.text, l.source_line != 0 ? l.source_line : r.source_line, "the text of a line");
      for (const word &w : l.words) check(w.whole_word, l.source_line, "a hyphenated word");
    }
  }
}

// Two one-line regions side by side on one line of the page: an engine cut
// a headline, a deck or a date line at a gutter. Their text is one line.
bool same_line(const region &a, const region &b) {
  const text_line *la = only_text_line(a), *lb = only_text_line(b);
  if (la == nullptr || lb == nullptr || la->bbox.empty() || lb->bbox.empty()) return false;
  const box &x = la->bbox, &y = lb->bbox;
  const std::int32_t overlap = std::min(x.y1, y.y1) - std::max(x.y0, y.y0);
  const std::int32_t low = std::min(x.height(), y.height());
  const std::int32_t high = std::max(x.height(), y.height());
  return 2 * overlap >= low && 2 * low >= high && y.x0 >= x.x1 - low &&
         y.x0 - x.x1 <= 3 * high;
}

// Two pieces of one page line, cut by the engine at a gutter, that join
// with no space: CJK on both sides of a gap narrower than half the line's
// height (a phrase space in CJK type is a full em).
bool cjk_close(std::string_view left, const box &left_box, const text_line &right) {
  std::size_t end = trim_end(left, left.size());
  if (end == 0 || right.bbox.empty() || left_box.empty()) return false;
  const char32_t last = last_code_point(left, end);
  std::size_t pos = 0;
  char32_t first = 0;
  while (pos < right.text.size() && is_space(first = next_code_point(right.text, pos))) {
  }
  const std::int32_t height = std::max(left_box.height(), right.bbox.height());
  return (is_cjk(last) || is_fullwidth_punct(last)) && (is_cjk(first) || is_fullwidth_punct(first)) &&
         2 * (right.bbox.x0 - left_box.x1) < height;
}

// A CJK line's text with the spaces an engine put between two CJK words
// (or a quote or bracket and an ideograph) set closer than half the
// line's height dropped: CJK type parts phrases by a full em, and a narrow
// gap is no phrase space (the heading cue reads "依然 “" as one). The
// line's own text when its words do not spell it.
std::string cjk_spaced_text(const text_line &l) {
  if (l.words.size() < 2 || l.bbox.empty() || !measure_line(l.text).cjk) return l.text;
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

// The body's type size: the median over the lines of regions of three
// lines or more (font size where the input gives one, else line height).
float body_type_size(const page &p) {
  std::vector<float> sizes;
  for (const region &r : p.regions)
    if (r.lines.size() >= 3)
      for (const text_line &l : r.lines)
        if (l.font_size > 0) sizes.push_back(l.font_size);
  if (sizes.empty()) return 0;
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  return sizes[sizes.size() / 2];
}

// How many of a region's first lines are set in display type (a heading
// the engine left in one block with its text): one to three lines at least
// 1.3 times the body size, followed by body-type lines. 0 when none.
std::size_t display_lead(const region &r, float body) {
  if (body <= 0) return 0;
  std::size_t k = 0, seen = 0;
  for (const text_line &l : r.lines) {
    if (is_blank(l.text)) continue;
    if (l.font_size >= 1.3f * body && seen == k) ++k;
    ++seen;
  }
  return k >= 1 && k <= 3 && seen > k ? k : 0;
}

// A line set in the middle of its region, with a margin on each side: a
// heading the engine left in one block with the text around it.
bool centred(const text_line &l, const box &area) {
  if (l.bbox.empty() || area.empty()) return false;
  const std::int64_t w = area.width();
  const std::int64_t left = l.bbox.x0 - area.x0, right = area.x1 - l.bbox.x1;
  return 100 * left >= 12 * w && 100 * right >= 12 * w &&
         100 * std::abs(left - right) <= 8 * w;
}

// Which non-blank lines of a region open or close a run of one to three
// centred lines in a region of more lines: the text stages get a block
// break around each run. Indexed like the region's non-blank lines.
std::vector<bool> centred_runs(const region &r) {
  std::vector<const text_line *> lines;
  for (const text_line &l : r.lines)
    if (!is_blank(l.text)) lines.push_back(&l);
  std::vector<bool> in_run(lines.size(), false);
  if (lines.size() < 4) return in_run;
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j < lines.size() && centred(*lines[j], r.bbox)) ++j;
    if (j - i >= 1 && j - i <= 3 && j - i < lines.size())
      for (std::size_t k = i; k < j; ++k) in_run[k] = true;
    i = j == i ? i + 1 : j;
  }
  return in_run;
}

// Which non-blank lines of a region form a heading set in body type
// inside it: one to three lines after a finished sentence (or at the
// region's top), flush left or centred, the last one stopping
// well short of the right edge with no sentence or clause mark, hyphen or
// dash, and an indented paragraph start right after them.
std::vector<bool> unterminated_runs(const page &p, const column_finder &columns, std::uint32_t r) {
  const region &reg = p.regions[r];
  std::vector<const text_line *> lines;
  for (const text_line &l : reg.lines)
    if (!is_blank(l.text)) lines.push_back(&l);
  std::vector<bool> in_run(lines.size(), false);
  if (lines.size() < 3) return in_run;
  const column_edges e = columns.edges_of(r);
  if (!e.known()) return in_run;
  auto indent = [&](const text_line &l) {
    return static_cast<float>(l.bbox.x0 - e.near((l.bbox.y0 + l.bbox.y1) / 2).first);
  };
  std::vector<line_shape> shapes;
  for (const text_line *l : lines) {
    shapes.push_back(measure_line(l->text));
    if (ends_sentence_before_specks(l->text) > 0) shapes.back().ends_sentence = true;
  }
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
      const bool short_end = room >= 2.0f * e.em || (indent(end) >= 0.5f * e.em && room >= 0.5f * e.em);
      if (short_end && indent(next) >= 0.5f * e.em) {
        for (std::size_t k = i; k < j; ++k) in_run[k] = true;
        i = j - 1;
        break;
      }
    }
  }
  return in_run;
}

// What the layout knows of each laid-out line, by line number.
struct laid_out {
  std::vector<float> size;    // type size; 0 for blank lines
  std::vector<bool> centred;  // in a run of centred lines (a heading)
  std::vector<laid_line> page_lines;  // where on the page each line stands
};

laid_line place_of(std::uint32_t region, const text_line &l) {
  laid_line out;
  out.text = true;
  out.region = region;
  out.bbox = l.bbox;
  if (!l.words.empty() && !l.words.front().bbox.empty()) out.first_word = l.words.front().bbox.width();
  return out;
}

// The regions' text in reading order, one blank line between regions: the
// text stages then see each region as a block, already in order. One-line
// regions side by side on one page line make one text line; a region's
// leading lines in display type, and runs of centred lines, become blocks
// of their own.
laid_out lay_out_text(document &doc, float body) {
  laid_out out;
  out.size.push_back(0);
  out.centred.push_back(false);
  out.page_lines.emplace_back();
  std::uint32_t line_no = 0;
  const region *previous = nullptr;
  const column_finder columns(*doc.geometry);
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
      const region &reg = doc.geometry->regions[r];
      if (previous != nullptr && same_line(*previous, reg)) {
        if (!cjk_close(last, out.page_lines.back().bbox, *only_text_line(reg))) last += ' ';
        last += only_text_line(reg)->text;
        out.page_lines.back().bbox = out.page_lines.back().bbox.united(only_text_line(reg)->bbox);
        doc.region_lines.push_back({r, line_no, line_no});
        previous = &reg;
        continue;
      }
      const std::size_t lead = display_lead(reg, body);
      std::vector<bool> run = centred_runs(reg);
      const std::vector<bool> unterminated = unterminated_runs(*doc.geometry, columns, r);
      for (std::size_t k = 0; k < run.size(); ++k) run[k] = run[k] || unterminated[k];
      region_span span{r, line_no + 1, line_no};
      std::size_t k = 0;
      for (const text_line &l : reg.lines) {
        if (is_blank(l.text)) continue;
        const bool after_lead = lead > 0 && k == lead;
        const bool run_edge = k > 0 && run[k] != run[k - 1];
        if ((span.first_line > span.last_line && !doc.lines.empty()) || after_lead || run_edge) {
          add("", 0, false, {});
          if (span.first_line > span.last_line) span.first_line = line_no + 1;
        }
        add(cjk_spaced_text(l), l.font_size, run[k], place_of(r, l));
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

// Every region the layout read away from its place in the file is a repair
// of the order, logged with the lines it became.
void log_moves(document &doc) {
  const std::vector<std::uint32_t> order = doc.region_order.flattened();
  const std::vector<bool> kept = on_longest_run(order);
  std::vector<const region_span *> span_of(doc.geometry->regions.size(), nullptr);
  for (const region_span &sp : doc.region_lines) span_of[sp.region] = &sp;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (kept[k]) continue;
    const region &r = doc.geometry->regions[order[k]];
    const region_span *sp = span_of[order[k]];
    const bool has_lines = sp != nullptr && sp->first_line <= sp->last_line;
    doc.log.add(repair_kind::block_moved, has_lines ? sp->first_line : 0,
                has_lines ? sp->last_line : 0,
                fmt::format("region {}{} (file position {}) read at position {}: placed by the "
                            "page layout (columns, bands, headings, furniture)",
                            r.id.empty() ? "#" : "", r.id.empty() ? std::to_string(order[k]) : r.id,
                            order[k] + 1, k + 1),
                0.8);
  }
}

// The text stages cut the page into articles at headlines; the regions
// follow: each goes with the article its first line went to, and a region
// without text with the region before it.
void group_regions_by_article(document &doc) {
  std::vector<std::uint32_t> article_of(doc.lines.size() + 2, 0);
  for (std::uint32_t a = 0; a < doc.articles.size(); ++a)
    for (const unit &u : doc.articles[a].units)
      for (std::uint32_t l : u.source_lines)
        if (l < article_of.size()) article_of[l] = a;
  page_order grouped;
  std::uint32_t current = 0, open = 0;
  for (const region_span &span : doc.region_lines) {
    if (span.first_line <= span.last_line) current = article_of[span.first_line];
    if (grouped.articles.empty() || current != open) {
      grouped.articles.emplace_back();
      open = current;
    }
    grouped.articles.back().push_back(span.region);
  }
  doc.region_order = std::move(grouped);
}

// A block with a full-width sentence mark (。！？) followed by more text
// on its line: running CJK text, never a heading.
bool sentence_inside(const block &b) {
  for (const line &l : b.lines) {
    bool ended = false;
    for (std::size_t pos = 0; pos < l.text.size();) {
      const char32_t c = next_code_point(l.text, pos);
      if (ended && is_cjk(c)) return true;
      if (is_sentence_terminal(c) && is_fullwidth_punct(c)) ended = true;
    }
  }
  return false;
}

// The median type size of a block's lines, or of their heights on the
// page where the input gives no size (0: neither known).
float block_size(const block &b, const laid_out &laid) {
  std::vector<float> own;
  for (const line &l : b.lines) {
    if (l.source_line >= laid.size.size()) continue;
    const float size = laid.size[l.source_line] > 0
                           ? laid.size[l.source_line]
                           : static_cast<float>(laid.page_lines[l.source_line].bbox.height());
    if (size > 0) own.push_back(size);
  }
  if (own.empty()) return 0;
  std::nth_element(own.begin(), own.begin() + own.size() / 2, own.end());
  return own[own.size() / 2];
}

// The page box of a block's lines.
box block_box(const block &b, const std::vector<laid_line> &places) {
  box out;
  for (const line &l : b.lines)
    if (l.source_line < places.size()) out = out.united(places[l.source_line].bbox);
  return out;
}

// Heading lines the engine put in regions of their own, stacked on the
// page (the lower one starts below the upper one's middle, a line's height
// apart or less, overlapping it across the page), are one heading:
//  - a kicker: a line in smaller type straight above the headline is the
//    headline's first line (a smaller line under it is a deck: apart);
//  - lines of one heading in the same type, of the same role.
void join_stacked_headings(document &doc, const laid_out &laid) {
  auto heading = [](const block &b) { return b.kind == role::headline || b.kind == role::subheading; };
  for (std::size_t i = 0; i + 1 < doc.blocks.size();) {
    block &a = doc.blocks[i];
    const block &b = doc.blocks[i + 1];
    const float sa = block_size(a, laid), sb = block_size(b, laid);
    const box ba = block_box(a, laid.page_lines), bb = block_box(b, laid.page_lines);
    if (!heading(a) || !heading(b) || sa <= 0 || sb <= 0 || ba.empty() || bb.empty()) {
      ++i;
      continue;
    }
    const bool stacked = 2 * bb.y0 >= ba.y0 + ba.y1 && bb.y0 - ba.y1 <= bb.height() &&
                         std::min(ba.x1, bb.x1) > std::max(ba.x0, bb.x0);
    const bool kicker = sb >= 1.2f * sa;
    const bool same = a.kind == b.kind && sb <= 1.15f * sa && sa <= 1.15f * sb;
    if (!stacked || !(kicker || same)) {
      ++i;
      continue;
    }
    // A blank line parts the two in document::lines: the joined block owns its lines.
    auto both = std::make_shared<std::vector<line>>(a.lines.begin(), a.lines.end());
    both->insert(both->end(), b.lines.begin(), b.lines.end());
    a.lines = std::span<const line>(*both);
    a.joined = std::move(both);
    if (kicker) {
      a.kind = role::headline;
      a.section_heading = false;
    }
    a.section_heading = a.section_heading || b.section_heading;
    a.maybe_heading = false;
    doc.blocks.erase(doc.blocks.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }
  for (std::uint32_t i = 0; i < doc.blocks.size(); ++i) doc.blocks[i].input_index = i;
}

// Roles the page gives beyond the text: the input's region types, and type
// set well above the body size (a heading the input does not mark).
void apply_geometry_roles(document &doc, const laid_out &laid, float body) {
  const std::vector<float> &line_sizes = laid.size;
  const page &p = *doc.geometry;
  std::vector<std::int64_t> region_of_line(doc.lines.size() + 2, -1);
  std::vector<std::uint32_t> region_first(p.regions.size(), 0);
  for (const region_span &s : doc.region_lines) {
    region_first[s.region] = s.first_line;
    for (std::uint32_t l = s.first_line; l <= s.last_line && l < region_of_line.size(); ++l)
      region_of_line[l] = s.region;
  }
  for (block &b : doc.blocks) {
    const std::int64_t at = region_of_line[b.first_source_line()];
    if (at < 0) continue;
    const region &r = p.regions[static_cast<std::size_t>(at)];
    role kind = b.kind;
    switch (r.hint) {
      case region_hint::heading:
        // An engine marks some lines of running text as headers: a
        // sentence ending inside the line is prose, whatever it says.
        if (kind != role::headline && !sentence_inside(b)) kind = role::subheading;
        break;
      case region_hint::caption: kind = role::caption; break;
      case region_hint::header:
      case region_hint::footer:
      case region_hint::page_number: kind = role::furniture; break;
      case region_hint::none: {
        // The block's own lines: a region may hold a heading and its text.
        std::vector<float> own;
        for (const line &l : b.lines)
          if (l.source_line < line_sizes.size() && line_sizes[l.source_line] > 0)
            own.push_back(line_sizes[l.source_line]);
        float size = 0;
        if (!own.empty()) {
          std::nth_element(own.begin(), own.begin() + own.size() / 2, own.end());
          size = own[own.size() / 2];
        }
        const bool all_centred =
            b.lines.size() <= 3 && std::all_of(b.lines.begin(), b.lines.end(), [&](const line &l) {
              return l.source_line < laid.centred.size() && laid.centred[l.source_line];
            });
        if ((body > 0 && size >= 1.4f * body && own.size() <= 3) || all_centred) {
          if (kind != role::headline) kind = role::subheading;
          // Centred in body type: it heads a section, whatever its lines.
          b.section_heading = all_centred && !(body > 0 && size >= 1.4f * body);
        } else if (body > 0 && size > 0 && size <= 1.15f * body &&
                   b.first_source_line() != region_first[static_cast<std::size_t>(at)]) {
          // Inside a region, past its first line, in body type: the text
          // carries on; a short line here ends a paragraph, it heads none.
          if (kind == role::headline || kind == role::subheading) kind = role::body;
          b.maybe_heading = false;
        }
        break;
      }
      case region_hint::paragraph:
        // The input says this is running text: a short line in it that
        // the text alone took for a heading is the end of a paragraph.
        if (kind == role::headline || kind == role::subheading) kind = role::body;
        b.maybe_heading = false;
        break;
      case region_hint::marginalia:
      case region_hint::table:
      case region_hint::other: break;
    }
    if (kind != b.kind) {
      b.kind = kind;
      b.maybe_heading = false;
    }
  }
  // A word cut at a line's end carries on in the next line: no heading
  // starts there, whatever its region says (a byline wrapped with a hyphen).
  for (std::size_t i = 1; i < doc.blocks.size(); ++i) {
    const block &a = doc.blocks[i - 1];
    block &b = doc.blocks[i];
    if (!a.lines.back().shape.ends_hyphen || a.kind == role::headline) continue;
    if (b.kind != role::headline && b.kind != role::subheading && !b.maybe_heading) continue;
    b.kind = a.kind == role::subheading ? role::body : a.kind;
    b.maybe_heading = false;
    b.section_heading = false;
  }
}

}  // namespace

document run_geometry_pipeline(std::string_view bytes, source_format format,
                               const colreflow::options &opts) {
  document doc;
  doc.source_name = opts.source_name;
  const deadline_scope deadline(opts.max_millis, opts.source_name);
  auto geometry = std::make_shared<page>(read_page(bytes, format, opts));
  check_word_limit(*geometry, opts.max_words);
  check_deadline("reading");
  require_utf8(*geometry);
  infer_furniture(*geometry);
  if (wants(opts, CRF_REPAIR_ORDER)) {
    doc.region_order = order_regions(*geometry);
  } else {  // the file's order, as one article
    doc.region_order.articles.emplace_back(geometry->regions.size());
    for (std::uint32_t i = 0; i < geometry->regions.size(); ++i)
      doc.region_order.articles.back()[i] = i;
  }
  doc.geometry = std::move(geometry);
  check_deadline("the layout");
  const float body = body_type_size(*doc.geometry);
  // Only hOCR (x_size) and ALTO (FONTSIZE) give type sizes; PAGE and TSV
  // give line heights, too uneven to tell a heading line in a block.
  const bool sized = doc.geometry->format == source_format::hocr ||
                     doc.geometry->format == source_format::alto;
  const laid_out laid = lay_out_text(doc, sized ? body : 0.0f);
  if (doc.lines.empty()) return doc;
  load_words_if_hyphenated(doc, opts);
  segment_blocks(doc);
  check_deadline("segmentation");
  apply_page_line_cues(doc, measure_page_lines(*doc.geometry, laid.page_lines, doc.lines));
  apply_geometry_roles(doc, laid, body);
  if (wants(opts, CRF_REPAIR_HEADINGS)) join_stacked_headings(doc, laid);
  if (!wants(opts, CRF_REPAIR_HEADINGS)) drop_headings(doc);
  // The layout decided the order; the blocks are already in it.
  keep_block_order(doc);
  reflow_articles(doc, reflow_repairs(opts));
  group_regions_by_article(doc);
  log_moves(doc);
  return doc;
}

}  // namespace colreflow::detail
