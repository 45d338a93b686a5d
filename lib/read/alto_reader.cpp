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
#include "read/numbers.hpp"

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
  // Most coordinates are short unsigned integers ("1234"): exact as they
  // are, and under the bound.
  std::int32_t whole = 0;
  std::size_t i = 0;
  for (; i < s.size() && i < 9 && s[i] >= '0' && s[i] <= '9'; ++i) whole = whole * 10 + (s[i] - '0');
  if (i > 0 && i == s.size()) {
    out = whole;
    return true;
  }
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const char *end = s.data() + s.size();
  const auto [p, ec] = decimal_from_chars(s.data(), end, out);
  return !s.empty() && ec == std::errc() && p == end && std::isfinite(out) &&
         std::fabs(out) < 1e9;
}

// An xsd:float attribute; false when missing or garbled.
bool number_of(const pugi::xml_node &n, std::string_view name, double &out) {
  pugi::xml_attribute a = attribute_local(n, name);
  return a && parse_number(a.value(), out);
}

// The local name of an attribute: "alto:HPOS" -> "HPOS".
std::string_view local_attribute_name(const pugi::xml_attribute &a) {
  std::string_view name = a.name();
  const auto colon = name.rfind(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

// HPOS, VPOS, WIDTH and HEIGHT as found (null when missing) -> a box;
// empty when any is missing or garbled.
box box_from(const char *const (&found)[4]) {
  double v[4] = {0, 0, 0, 0};
  for (int k = 0; k < 4; ++k)
    if (found[k] == nullptr || !parse_number(found[k], v[k])) return {};
  if (v[2] < 0 || v[3] < 0) return {};
  auto r = [](double x) { return static_cast<std::int32_t>(std::lround(x)); };
  return {r(v[0]), r(v[1]), r(v[0] + v[2]), r(v[1] + v[3])};
}

// The index of a box attribute's name in HPOS, VPOS, WIDTH, HEIGHT; -1 if none.
int box_attribute(std::string_view name) {
  static constexpr std::string_view kNames[4] = {"HPOS", "VPOS", "WIDTH", "HEIGHT"};
  for (int k = 0; k < 4; ++k)
    if (name == kNames[k]) return k;
  return -1;
}

// HPOS/VPOS/WIDTH/HEIGHT as a box; empty when any is missing or garbled.
// One pass over the attributes: this runs for every block and line.
box box_of(const pugi::xml_node &n) {
  const char *found[4] = {nullptr, nullptr, nullptr, nullptr};
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const int k = box_attribute(local_attribute_name(a));
    if (k >= 0 && found[k] == nullptr) found[k] = a.value();
  }
  return box_from(found);
}

// What the reader takes from a String, found in one pass over its
// attributes (a page has thousands of Strings): the first of each name,
// null when missing.
struct string_attributes {
  const char *content = nullptr, *wc = nullptr, *subs_type = nullptr,
             *subs_content = nullptr, *style_refs = nullptr;
  const char *box[4] = {nullptr, nullptr, nullptr, nullptr};

  explicit string_attributes(const pugi::xml_node &s) {
    for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = local_attribute_name(a);
      const char **slot = nullptr;
      if (name == "CONTENT") slot = &content;
      else if (name == "WC") slot = &wc;
      else if (name == "SUBS_TYPE") slot = &subs_type;
      else if (name == "SUBS_CONTENT") slot = &subs_content;
      else if (name == "STYLEREFS") slot = &style_refs;
      else if (const int k = box_attribute(name); k >= 0) slot = &box[k];
      if (slot != nullptr && *slot == nullptr) *slot = a.value();
    }
  }

  static std::string_view or_empty(const char *v) { return v == nullptr ? "" : v; }
};

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

// Hash lookups by string_view: the IDs come straight from the DOM.
struct id_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using id_map = std::unordered_map<std::string, T, id_hash, std::equal_to<>>;

// The document-wide tables that blocks and lines refer to by ID.
struct references {
  id_map<float> font_points;  // TextStyle ID -> FONTSIZE
  id_map<std::string> tags;   // tag ID -> "TYPE LABEL"

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

  // The font size of the first TextStyle among the STYLEREFS; 0 if none.
  float points_of_refs(std::string_view refs) const {
    for (std::string_view t = next_token(refs); !t.empty(); t = next_token(refs)) {
      const auto it = font_points.find(t);
      if (it != font_points.end()) return it->second;
    }
    return 0;
  }

  float points_of(const pugi::xml_node &n) const {
    return points_of_refs(attribute_local(n, "STYLEREFS").value());
  }

  region_hint hint_of(const pugi::xml_node &block) const {
    std::string_view refs = attribute_local(block, "TAGREFS").value();
    for (std::string_view t = next_token(refs); !t.empty(); t = next_token(refs)) {
      const auto it = tags.find(t);
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

// The font size in points a block's lines inherit: the first STYLEREFS
// size up the block's ancestors. The same for all of a block's lines, so
// found once, when a line first needs it.
class inherited_points {
 public:
  inherited_points(const references &refs, const pugi::xml_node &block)
      : refs_(refs), block_(block) {}
  float get() {
    if (!known_) {
      for (pugi::xml_node a = block_; a && value_ == 0; a = a.parent())
        value_ = refs_.points_of(a);
      known_ = true;
    }
    return value_;
  }

 private:
  const references &refs_;
  pugi::xml_node block_;
  float value_ = 0;
  bool known_ = false;
};

// Bytes of String text per font size, for a line without a style of its own.
class points_tally {
 public:
  void add(float size, std::size_t bytes) {
    auto it = std::find_if(weights_.begin(), weights_.end(),
                           [&](const auto &w) { return w.first == size; });
    if (it == weights_.end()) weights_.emplace_back(size, bytes);
    else it->second += bytes;
  }
  // The size most of the text carries (the first of equals); `none` if no text had one.
  float most(float none) const {
    if (weights_.empty()) return none;
    return std::max_element(weights_.begin(), weights_.end(), [](const auto &a, const auto &b) {
             return a.second < b.second;
           })->first;
  }

 private:
  std::vector<std::pair<float, std::size_t>> weights_;  // size -> bytes of text
};

// A TextLine and its font size in points (0: none given).
struct alto_line {
  text_line line;
  float points = 0;
};

// A line's words, and its font size in points: its own style, else the
// style most of its text carries, a String without one counting with the
// nearest ancestor's. Each String's attributes are read in one pass.
alto_line read_line(const pugi::xml_node &n, const line_index &lines, const references &refs,
                    inherited_points &inherited) {
  alto_line out;
  text_line &l = out.line;
  const char *box_found[4] = {nullptr, nullptr, nullptr, nullptr};
  const char *id = nullptr, *style_refs = nullptr;
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = local_attribute_name(a);
    const char **slot = name == "ID" ? &id : name == "STYLEREFS" ? &style_refs : nullptr;
    if (const int k = box_attribute(name); k >= 0) slot = &box_found[k];
    if (slot != nullptr && *slot == nullptr) *slot = a.value();
  }
  if (id != nullptr) l.id = id;
  l.bbox = box_from(box_found);
  l.source_line = lines.line_at(n.offset_debug());
  const float own = style_refs == nullptr ? 0 : refs.points_of_refs(style_refs);
  points_tally tally;
  bool space = false;  // an SP or a blank String since the last word
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = local_name(c);
    if (name == "SP") {
      space = true;
    } else if (name == "HYP") {
      // One before any word is no line-end hyphen, but its CONTENT is text
      // all the same; without CONTENT it stands for "-" only after a word.
      const std::string_view hyp = attribute_local(c, "CONTENT").value();
      if (l.words.empty() && hyp.empty()) continue;
      l.text += hyp.empty() ? "-" : hyp;
      l.hyphen_end = !l.words.empty();
    } else if (name == "String") {
      const string_attributes at(c);
      const std::string_view content = string_attributes::or_empty(at.content);
      if (own == 0) {
        float size = at.style_refs == nullptr ? 0 : refs.points_of_refs(at.style_refs);
        if (size == 0) size = inherited.get();
        if (size != 0) tally.add(size, content.size());
      }
      const std::string_view text = trim(content);
      if (text.empty()) {
        space = true;
        continue;
      }
      word w;
      w.text = text;
      w.bbox = box_from(at.box);
      double wc = 0;
      if (at.wc != nullptr && parse_number(at.wc, wc) && wc >= 0 && wc <= 1)
        w.confidence = static_cast<float>(wc * 100);
      const std::string_view subs = string_attributes::or_empty(at.subs_type);
      if (subs == "HypPart1" || subs == "HypPart2")
        w.whole_word = string_attributes::or_empty(at.subs_content);
      if (!l.words.empty() && (space || apart(l.words.back().bbox, w.bbox))) l.text += ' ';
      l.text += w.text;
      l.words.push_back(std::move(w));
      space = false;
      l.hyphen_end = false;  // a HYP counts only at the end
    }
  }
  if (l.bbox.empty()) l.bbox = words_box(l.words);
  out.points = own > 0 ? own : tally.most(inherited.get());
  return out;
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
    inherited_points inherited(refs, b);
    for (pugi::xml_node c = b.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) != "TextLine") continue;
      alto_line l = read_line(c, lines, refs, inherited);
      if (l.line.text.empty()) continue;  // nothing to read (a lone HYP is text)
      block_points.push_back(l.points);
      r.lines.push_back(std::move(l.line));
    }
    if (r.bbox.empty()) r.bbox = lines_box(r);
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
