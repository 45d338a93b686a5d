#include "read/hocr_reader.hpp"

#include <algorithm>  // clamp, all_of
#include <charconv>   // from_chars
#include <cmath>      // isfinite, lround
#include <cstdint>    // int32_t
#include <optional>

#include <fmt/format.h>

#include "colreflow/colreflow.hpp"
#include "read/numbers.hpp"
#include "text/chars.hpp"

namespace colreflow::detail {
namespace {

enum class kind { other, page, area, par, line, word, separator };

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_html_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_html_space(s.back())) s.remove_suffix(1);
  return s;
}

// The next whitespace-separated token of `s`, consumed from it.
std::string_view next_token(std::string_view &s) {
  s = trim(s);
  std::size_t end = 0;
  while (end < s.size() && !is_html_space(s[end])) ++end;
  std::string_view token = s.substr(0, end);
  s.remove_prefix(end);
  return token;
}

bool has_class(const pugi::xml_node &n, std::string_view name) {
  std::string_view classes = attribute_local(n, "class").value();
  for (std::string_view t = next_token(classes); !t.empty(); t = next_token(classes))
    if (t == name) return true;
  return false;
}

// hOCR 1.2 line classes; Tesseract writes the first four.
bool is_line_class(std::string_view c) {
  return c == "ocr_line" || c == "ocr_header" || c == "ocr_caption" || c == "ocr_textfloat" ||
         c == "ocrx_line";
}

kind kind_of(const pugi::xml_node &n) {
  if (n.type() != pugi::node_element) return kind::other;
  std::string_view classes = attribute_local(n, "class").value();
  for (std::string_view t = next_token(classes); !t.empty(); t = next_token(classes)) {
    if (t == "ocr_page") return kind::page;
    if (t == "ocr_carea") return kind::area;
    if (t == "ocr_par") return kind::par;
    if (is_line_class(t)) return kind::line;
    if (t == "ocrx_word") return kind::word;
    if (t == "ocr_separator") return kind::separator;
  }
  return kind::other;
}

// The outermost elements of kind `k` below `root`, in document order.
// Iterative: parse_xml bounds the depth, but the stack stays flat anyway.
std::vector<pugi::xml_node> outermost(const pugi::xml_node &root, kind k,
                                      kind k2 = kind::other, kind k3 = kind::other,
                                      kind k4 = kind::other) {
  std::vector<pugi::xml_node> out, stack;
  for (pugi::xml_node c = root.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    const kind nk = kind_of(n);
    if (nk == k || (nk != kind::other && (nk == k2 || nk == k3 || nk == k4))) {
      out.push_back(n);
      continue;
    }
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
  return out;
}

// Code points other than white space: what "nothing lost" counts.
std::size_t non_space_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size();) n += !is_space(next_code_point(s, pos));
  return n;
}

// A number of a title property; nullopt for garbage, NaN or infinity.
std::optional<double> parse_number(std::string_view s) {
  // Most are short unsigned integers (bbox coordinates): exact as they are.
  std::int32_t whole = 0;
  std::size_t i = 0;
  for (; i < s.size() && i < 9 && s[i] >= '0' && s[i] <= '9'; ++i) whole = whole * 10 + (s[i] - '0');
  if (i > 0 && i == s.size()) return whole;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = decimal_from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Clamped so that box arithmetic cannot overflow on hostile input.
std::int32_t coordinate(double v) {
  constexpr double kMax = 1 << 28;
  return static_cast<std::int32_t>(std::lround(std::clamp(v, -kMax, kMax)));
}

// The properties of a title that the model uses; the rest are skipped.
struct title_props {
  std::optional<box> bbox;
  float wconf = -1;
  float x_size = 0;
};

void read_property(std::string_view prop, title_props &out) {
  const std::string_view name = next_token(prop);
  // Every word has a title: parse only the properties the model keeps,
  // into a fixed array (a bbox has the most arguments, four).
  std::size_t want = 0;
  if (name == "bbox") want = 4;
  else if (name == "x_wconf" || name == "x_size") want = 1;
  else return;
  double args[4] = {0, 0, 0, 0};
  std::size_t n = 0;
  for (std::string_view t = next_token(prop); !t.empty(); t = next_token(prop)) {
    std::optional<double> v = parse_number(t);
    if (!v || n == want) return;  // a bad or extra argument makes the property unknown
    args[n++] = *v;
  }
  if (n != want) return;
  if (name == "bbox") {
    box b{coordinate(args[0]), coordinate(args[1]), coordinate(args[2]), coordinate(args[3])};
    if (b.x1 >= b.x0 && b.y1 >= b.y0) out.bbox = b;
  } else if (name == "x_wconf") {
    out.wconf = static_cast<float>(std::clamp(args[0], 0.0, 100.0));
  } else if (args[0] > 0 && args[0] < 1e6) {
    out.x_size = static_cast<float>(args[0]);
  }
}

// Properties are separated by ';', except inside a double-quoted string
// such as the image file name of ocr_page.
title_props parse_title(std::string_view title) {
  title_props out;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= title.size(); ++i) {
    if (i < title.size() && title[i] == '"') quoted = !quoted;
    if (i < title.size() && (title[i] != ';' || quoted)) continue;
    read_property(title.substr(start, i - start), out);
    start = i + 1;
  }
  return out;
}

title_props title_of(const pugi::xml_node &n) {
  return parse_title(attribute_local(n, "title").value());
}

// `raw` with runs of whitespace made one space, trimmed.
std::string collapse_spaces(std::string_view raw) {
  std::string out;
  for (std::string_view t = next_token(raw); !t.empty(); t = next_token(raw)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

// All text below `n`, with runs of whitespace made one space, trimmed.
std::string text_of(const pugi::xml_node &n) {
  // Most words hold one text node: read it in place.
  const pugi::xml_node first = n.first_child();
  if (first && !first.next_sibling() &&
      (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata))
    return collapse_spaces(first.value());
  return collapse_spaces(character_data(n));
}

// Whether `n` holds text outside its lines and words (not hOCR, but met):
// such text is read with the region's, not dropped.
bool has_text_outside_lines(const pugi::xml_node &n) {
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    const pugi::xml_node c = stack.back();
    stack.pop_back();
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (non_space_count(c.value()) > 0) return true;
      continue;
    }
    const kind k = kind_of(c);
    if (k == kind::line || k == kind::word) continue;
    for (pugi::xml_node g = c.last_child(); g; g = g.previous_sibling()) stack.push_back(g);
  }
  return false;
}

class hocr_reader {
 public:
  hocr_reader(std::string_view bytes, const std::string &source_name)
      : lines_(bytes), source_name_(source_name) {}

  page read(std::shared_ptr<pugi::xml_document> xml) {
    const pugi::xml_node root = xml->document_element();
    const std::vector<pugi::xml_node> pages = outermost(*xml, kind::page);
    if (pages.empty())
      fail(root, fmt::format("expected hOCR: no element of class ocr_page below <{}>",
                             root.name()));
    if (pages.size() > 1)
      fail(pages[1], fmt::format("a second ocr_page (the file has {}): colreflow reads one "
                                 "page at a time, so split the hOCR per page",
                                 pages.size()));
    page p;
    p.source_name = source_name_;
    p.format = source_format::hocr;
    if (std::optional<box> b = title_of(pages[0]).bbox) {
      p.width = b->width();
      p.height = b->height();
    }
    const bool line_regions = outermost(pages[0], kind::area).empty() &&
                              outermost(pages[0], kind::par).empty();
    for (const pugi::xml_node &n : hocr_region_nodes(pages[0]))
      p.regions.push_back(read_region(n, line_regions));
    for (const pugi::xml_node &n : outermost(pages[0], kind::separator))
      if (std::optional<box> b = title_of(n).bbox) p.separators.push_back({*b});
    p.xml = std::move(xml);
    return p;
  }

 private:
  [[noreturn]] void fail(const pugi::xml_node &at, const std::string &what) const {
    throw colreflow::error(status::invalid, fmt::format("{}: line {}: {}", source_name_,
                                                        lines_.line_at(at.offset_debug()), what));
  }

  region read_region(const pugi::xml_node &n, bool is_line) {
    region r;
    r.id = attribute_local(n, "id").value();
    r.source_line = lines_.line_at(n.offset_debug());
    // A region without line elements is one line of its own words or text;
    // a word outside the lines of its region is a line of its own.
    const bool as_line = is_line || kind_of(n) == kind::line;
    std::vector<pugi::xml_node> line_nodes =
        as_line ? std::vector<pugi::xml_node>{} : outermost(n, kind::line, kind::word);
    if (line_nodes.empty()) line_nodes.push_back(n);
    r.hint = hint_of(line_nodes);
    // Text beside the lines makes the region one line of all its text.
    if (line_nodes.front() != n && has_text_outside_lines(n)) line_nodes.assign(1, n);
    for (const pugi::xml_node &l : line_nodes) {
      text_line line = read_line(l);
      if (!line.text.empty()) r.lines.push_back(std::move(line));  // nothing to read
    }
    if (std::optional<box> b = title_of(n).bbox) r.bbox = *b;
    if (r.bbox.empty()) r.bbox = lines_box(r);
    return r;
  }

  // Tesseract marks a block's kind on its lines, so the lines decide.
  static region_hint hint_of(const std::vector<pugi::xml_node> &line_nodes) {
    if (line_nodes.empty()) return region_hint::none;
    auto all = [&](std::string_view c) {
      return std::all_of(line_nodes.begin(), line_nodes.end(),
                         [&](const pugi::xml_node &l) { return has_class(l, c); });
    };
    if (all("ocr_header")) return region_hint::heading;
    if (all("ocr_caption")) return region_hint::caption;
    return region_hint::none;
  }

  text_line read_line(const pugi::xml_node &n) {
    text_line l;
    l.id = attribute_local(n, "id").value();
    l.source_line = lines_.line_at(n.offset_debug());
    const title_props t = title_of(n);
    // A line inside the line (not hOCR, but met) reads as one word of it.
    for (const pugi::xml_node &wn : outermost(n, kind::word, kind::line)) {
      word w;
      w.text = text_of(wn);
      if (w.text.empty()) continue;  // an empty word adds nothing to the text
      const title_props wt = title_of(wn);
      if (wt.bbox) w.bbox = *wt.bbox;
      w.confidence = wt.wconf;
      l.words.push_back(std::move(w));
    }
    // Producers without ocrx_word put the text straight into the line; a
    // line whose words do not hold all its text is read as its text.
    l.text = l.words.empty() ? text_of(n) : join_words(l.words);
    if (!l.words.empty()) {
      std::string all = text_of(n);
      if (non_space_count(all) != non_space_count(l.text)) l.text = std::move(all);
    }
    if (t.bbox) l.bbox = *t.bbox;
    if (l.bbox.empty()) l.bbox = words_box(l.words);
    // Without x_size the line's height stands in, as for PAGE and TSV:
    // only ratios between lines of one page are used.
    l.font_size = t.x_size > 0 ? t.x_size : static_cast<float>(l.bbox.height());
    return l;
  }

  line_index lines_;
  const std::string &source_name_;
};

}  // namespace

page read_hocr(std::string_view bytes, const std::string &source_name,
               const xml_limits &limits) {
  return hocr_reader(bytes, source_name).read(parse_xml(bytes, source_name, limits));
}

pugi::xml_node hocr_page_node(const pugi::xml_document &doc) {
  const std::vector<pugi::xml_node> pages = outermost(doc, kind::page);
  return pages.empty() ? pugi::xml_node() : pages.front();
}

// The outermost areas, paragraphs, lines and words: a paragraph, line or
// word outside any area is a region too (a producer may write no areas,
// or only some), not text dropped.
std::vector<pugi::xml_node> hocr_region_nodes(const pugi::xml_node &page_node) {
  return outermost(page_node, kind::area, kind::par, kind::line, kind::word);
}

std::string join_words(const std::vector<word> &words) {
  std::string out;
  for (const word &w : words) {
    if (w.text.empty()) continue;
    if (!out.empty()) {
      std::size_t end = out.size(), start = 0;
      if (!is_wide(last_code_point(out, end)) || !is_wide(next_code_point(w.text, start)))
        out += ' ';
    }
    out += w.text;
  }
  return out;
}

}  // namespace colreflow::detail
