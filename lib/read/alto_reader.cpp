#include "read/alto_reader.hpp"

#include <algorithm>      // max, min, nth_element
#include <charconv>       // from_chars
#include <cmath>          // fabs, isfinite, lround
#include <cstdint>        // int32_t, int64_t
#include <string>
#include <unordered_map>
#include <utility>        // move, pair

#include <fmt/format.h>

#include "colreflow/colreflow.hpp"

namespace colreflow::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The next whitespace-separated token of an IDREFS list, consumed from `s`.
std::string_view next_token(std::string_view &s) {
  s = trim(s);
  std::size_t n = 0;
  while (n < s.size() && !is_space(s[n])) ++n;
  std::string_view t = s.substr(0, n);
  s.remove_prefix(n);
  return t;
}

// An xsd:float value; false when garbled or absurdly large. from_chars,
// unlike strtod, ignores the C locale.
bool parse_number(std::string_view s, double &out) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const char *end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, out);
  return !s.empty() && ec == std::errc() && p == end && std::isfinite(out) &&
         std::fabs(out) < 1e9;
}

// An xsd:float attribute; false when missing or garbled.
bool number_of(const pugi::xml_node &n, std::string_view name, double &out) {
  pugi::xml_attribute a = attribute_local(n, name);
  return a && parse_number(a.value(), out);
}

// HPOS/VPOS/WIDTH/HEIGHT as a box; empty when any is missing or garbled.
// One pass over the attributes: this runs for every word of the page.
box box_of(const pugi::xml_node &n) {
  double v[4] = {0, 0, 0, 0};
  bool seen[4] = {false, false, false, false};
  static constexpr std::string_view kNames[4] = {"HPOS", "VPOS", "WIDTH", "HEIGHT"};
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    const auto colon = name.rfind(':');
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
    for (int k = 0; k < 4; ++k) {
      if (seen[k] || name != kNames[k]) continue;
      if (!parse_number(a.value(), v[k])) return {};
      seen[k] = true;
      break;
    }
  }
  if (!seen[0] || !seen[1] || !seen[2] || !seen[3] || v[2] < 0 || v[3] < 0) return {};
  auto r = [](double x) { return static_cast<std::int32_t>(std::lround(x)); };
  return {r(v[0]), r(v[1]), r(v[0] + v[2]), r(v[1] + v[3])};
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// What a tag or ComposedBlock TYPE says a block is, where it says it in
// words we know; producers use free text here.
region_hint hint_from_words(std::string_view words) {
  const std::string s = lower_ascii(words);
  auto has = [&](const char *w) { return s.find(w) != std::string::npos; };
  if (has("page_number") || has("pagenumber") || has("page-number") || has("page number"))
    return region_hint::page_number;
  if (has("running") || has("header")) return region_hint::header;
  if (has("footer")) return region_hint::footer;
  if (has("heading") || has("headline") || has("title")) return region_hint::heading;
  if (has("caption")) return region_hint::caption;
  if (has("margin")) return region_hint::marginalia;
  if (has("table")) return region_hint::table;
  if (has("advertisement")) return region_hint::other;
  if (has("paragraph")) return region_hint::paragraph;
  return region_hint::none;
}

// The document-wide tables that blocks and lines refer to by ID.
struct references {
  std::unordered_map<std::string, float> font_points;  // TextStyle ID -> FONTSIZE
  std::unordered_map<std::string, std::string> tags;   // tag ID -> "TYPE LABEL"

  explicit references(const pugi::xml_node &root) {
    for (pugi::xml_node part = root.first_child(); part; part = part.next_sibling()) {
      const std::string_view name = local_name(part);
      if (name != "Styles" && name != "Tags") continue;
      for (pugi::xml_node c = part.first_child(); c; c = c.next_sibling()) {
        const std::string id = attribute_local(c, "ID").value();
        if (id.empty()) continue;
        double size = 0;
        if (local_name(c) == "TextStyle" && number_of(c, "FONTSIZE", size) && size > 0)
          font_points[id] = static_cast<float>(size);
        else if (name == "Tags")
          tags[id] = fmt::format("{} {}", attribute_local(c, "TYPE").value(),
                                 attribute_local(c, "LABEL").value());
      }
    }
  }

  // The font size of the first TextStyle among the node's STYLEREFS; 0 if none.
  float points_of(const pugi::xml_node &n) const {
    std::string_view refs = attribute_local(n, "STYLEREFS").value();
    for (std::string_view t = next_token(refs); !t.empty(); t = next_token(refs)) {
      const auto it = font_points.find(std::string(t));
      if (it != font_points.end()) return it->second;
    }
    return 0;
  }

  region_hint hint_of(const pugi::xml_node &block) const {
    std::string_view refs = attribute_local(block, "TAGREFS").value();
    for (std::string_view t = next_token(refs); !t.empty(); t = next_token(refs)) {
      const auto it = tags.find(std::string(t));
      if (it == tags.end()) continue;
      const region_hint h = hint_from_words(it->second);
      if (h != region_hint::none) return h;
    }
    for (pugi::xml_node a = block.parent(); a; a = a.parent()) {
      const std::string_view name = local_name(a);
      if (name == "ComposedBlock") {
        const region_hint h = hint_from_words(attribute_local(a, "TYPE").value());
        if (h != region_hint::none) return h;
      }
      if (name == "TopMargin") return region_hint::header;
      if (name == "BottomMargin") return region_hint::footer;
      if (name == "LeftMargin" || name == "RightMargin") return region_hint::marginalia;
    }
    return region_hint::none;
  }
};

// Whether two words in a line stand apart: they do unless both boxes are
// known and touch or overlap.
bool apart(const box &a, const box &b) {
  return a.empty() || b.empty() || b.x0 > a.x1 || b.x1 < a.x0;
}

// A line's font size in points: its own style, else the style most of its
// text carries, a String without one counting with the nearest ancestor's.
float line_points(const references &refs, const pugi::xml_node &line) {
  if (const float own = refs.points_of(line); own > 0) return own;
  float inherited = 0;
  for (pugi::xml_node a = line.parent(); a && inherited == 0; a = a.parent())
    inherited = refs.points_of(a);
  std::vector<std::pair<float, std::size_t>> weights;  // size -> bytes of text
  for (pugi::xml_node s = line.first_child(); s; s = s.next_sibling()) {
    if (local_name(s) != "String") continue;
    float size = refs.points_of(s);
    if (size == 0) size = inherited;
    if (size == 0) continue;
    const std::size_t bytes = std::string_view(attribute_local(s, "CONTENT").value()).size();
    auto it = std::find_if(weights.begin(), weights.end(),
                           [&](const auto &w) { return w.first == size; });
    if (it == weights.end()) weights.emplace_back(size, bytes);
    else it->second += bytes;
  }
  if (weights.empty()) return inherited;
  return std::max_element(weights.begin(), weights.end(), [](const auto &a, const auto &b) {
           return a.second < b.second;
         })->first;
}

text_line read_line(const pugi::xml_node &n, const line_index &lines) {
  text_line l;
  l.id = attribute_local(n, "ID").value();
  l.bbox = box_of(n);
  l.source_line = lines.line_at(n.offset_debug());
  bool space = false;  // an SP or a blank String since the last word
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = local_name(c);
    if (name == "SP") {
      space = true;
    } else if (name == "HYP") {
      if (l.words.empty()) continue;
      const std::string_view hyp = attribute_local(c, "CONTENT").value();
      l.text += hyp.empty() ? "-" : hyp;
      l.hyphen_end = true;
    } else if (name == "String") {
      word w;
      w.text = trim(attribute_local(c, "CONTENT").value());
      if (w.text.empty()) {
        space = true;
        continue;
      }
      w.bbox = box_of(c);
      double wc = 0;
      if (number_of(c, "WC", wc) && wc >= 0 && wc <= 1) w.confidence = static_cast<float>(wc * 100);
      const std::string_view subs = attribute_local(c, "SUBS_TYPE").value();
      if (subs == "HypPart1" || subs == "HypPart2")
        w.whole_word = attribute_local(c, "SUBS_CONTENT").value();
      if (!l.words.empty() && (space || apart(l.words.back().bbox, w.bbox))) l.text += ' ';
      l.text += w.text;
      l.words.push_back(std::move(w));
      space = false;
      l.hyphen_end = false;  // a HYP counts only at the end
    }
  }
  if (l.bbox.empty())
    for (const word &w : l.words) l.bbox = l.bbox.united(w.bbox);
  return l;
}

// Points -> page units. mm10 and inch1200 say how; pixel files give no
// resolution, so the page's own median line height per point stands in.
float units_per_point(std::string_view unit, const std::vector<std::pair<text_line *, float>> &pts) {
  if (unit == "inch1200") return 1200.0f / 72;
  if (unit == "mm10") return 254.0f / 72;
  std::vector<float> ratios;
  for (const auto &[l, p] : pts)
    if (p > 0 && !l->bbox.empty()) ratios.push_back(static_cast<float>(l->bbox.height()) / p);
  if (ratios.empty()) return 0;
  auto mid = ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2);
  std::nth_element(ratios.begin(), mid, ratios.end());
  return *mid;
}

// Every element called `name` under `root`, in document order.
std::vector<pugi::xml_node> elements_named(const pugi::xml_node &root, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node n = root.first_child(); n;) {
    if (n.type() == pugi::node_element && local_name(n) == name) out.push_back(n);
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    n = n == root ? pugi::xml_node() : n.next_sibling();
  }
  return out;
}

std::int32_t dimension(const pugi::xml_node &n, const char *name) {
  double v = 0;
  return number_of(n, name, v) && v > 0 ? static_cast<std::int32_t>(std::lround(v)) : 0;
}

}  // namespace

std::vector<pugi::xml_node> alto_text_blocks(const pugi::xml_node &root) {
  std::vector<pugi::xml_node> out;
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = root.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    const std::string_view name = local_name(n);
    if (name == "TextBlock") {
      out.push_back(n);
      continue;  // blocks do not nest in a TextBlock
    }
    if (name == "Description" || name == "Styles" || name == "Tags" || name == "ReadingOrder")
      continue;
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling())
      if (c.type() == pugi::node_element) stack.push_back(c);
  }
  return out;
}

int alto_major_version(const pugi::xml_node &root) {
  const std::string_view name = root.name();
  const auto colon = name.find(':');
  const std::string xmlns =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  const std::string_view ns = root.attribute(xmlns.c_str()).value();
  constexpr std::string_view kLoc = "/alto/ns-v";
  const auto at = ns.find(kLoc);
  if (at != std::string_view::npos && at + kLoc.size() < ns.size()) {
    const char d = ns[at + kLoc.size()];
    if (d >= '2' && d <= '9') return d - '0';
  }
  const std::string_view v = trim(attribute_local(root, "SCHEMAVERSION").value());
  if (!v.empty() && v[0] >= '1' && v[0] <= '9') return v[0] - '0';
  return 1;
}

page read_alto(std::string_view bytes, const std::string &source_name,
               const xml_limits &limits) {
  page p;
  p.source_name = source_name;
  p.format = source_format::alto;
  auto xml = parse_xml(bytes, source_name, limits);
  const line_index lines(bytes);
  const pugi::xml_node root = xml->document_element();
  if (local_name(root) != "alto")
    throw colreflow::error(
        status::invalid,
        fmt::format("{}: line {}: expected an ALTO document (root element <alto>), found <{}>",
                    source_name, lines.line_at(root.offset_debug()), root.name()));

  const std::string_view declared = trim(attribute_local(root, "SCHEMAVERSION").value());
  p.format_version = declared.empty() ? std::to_string(alto_major_version(root)) : std::string(declared);

  std::string_view unit;
  std::vector<pugi::xml_node> pages;
  for (pugi::xml_node part = root.first_child(); part; part = part.next_sibling()) {
    if (local_name(part) == "Description") {
      for (pugi::xml_node c = part.first_child(); c; c = c.next_sibling())
        if (local_name(c) == "MeasurementUnit") unit = trim(c.text().get());
    } else if (local_name(part) == "Layout") {
      for (pugi::xml_node c = part.first_child(); c; c = c.next_sibling())
        if (local_name(c) == "Page") pages.push_back(c);
    }
  }
  if (pages.size() > 1)
    throw colreflow::error(
        status::invalid,
        fmt::format("{}: line {}: expected one <Page> in the <Layout>, found {}; colreflow "
                    "reads one page per file",
                    source_name, lines.line_at(pages[1].offset_debug()), pages.size()));
  if (!pages.empty()) {
    p.width = dimension(pages[0], "WIDTH");
    p.height = dimension(pages[0], "HEIGHT");
  }

  const references refs(root);
  std::vector<std::pair<text_line *, float>> points;  // filled once regions stop moving
  std::vector<float> block_points;
  for (const pugi::xml_node &b : alto_text_blocks(root)) {
    region r;
    r.id = attribute_local(b, "ID").value();
    r.bbox = box_of(b);
    r.hint = refs.hint_of(b);
    r.source_line = lines.line_at(b.offset_debug());
    for (pugi::xml_node c = b.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) != "TextLine") continue;
      text_line l = read_line(c, lines);
      if (l.words.empty()) continue;  // nothing to read
      block_points.push_back(line_points(refs, c));
      r.lines.push_back(std::move(l));
    }
    if (r.bbox.empty())
      for (const text_line &l : r.lines) r.bbox = r.bbox.united(l.bbox);
    p.regions.push_back(std::move(r));
  }
  std::size_t k = 0;
  for (region &r : p.regions)
    for (text_line &l : r.lines) points.emplace_back(&l, block_points[k++]);
  const float scale = units_per_point(unit, points);
  for (auto &[l, pt] : points)
    l->font_size = pt > 0 && scale > 0 ? pt * scale : static_cast<float>(l->bbox.height());

  for (const pugi::xml_node &n : elements_named(root, "GraphicalElement")) {
    const box g = box_of(n);
    if (g.empty()) continue;
    const std::int64_t thin = std::min(g.width(), g.height());
    const std::int64_t along = std::max(g.width(), g.height());
    if (thin * 20 < along) p.separators.push_back({g});
  }
  p.xml = std::move(xml);
  return p;
}

}  // namespace colreflow::detail
