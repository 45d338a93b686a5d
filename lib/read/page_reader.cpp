#include "read/page_reader.hpp"

#include <algorithm>  // clamp, min, max
#include <charconv>   // from_chars
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "colreflow/colreflow.hpp"

namespace colreflow::detail {
namespace {

constexpr std::string_view kNamespacePrefix = "http://schema.primaresearch.org/PAGE/gts/pagecontent/";

// The integer at the start of `s`, as std::from_chars reads it (an
// optional '-', then digits; false when none or out of range), without its
// general machinery for the up to 18 digits every coordinate has.
bool leading_int(std::string_view s, std::int64_t &v) {
  const bool negative = !s.empty() && s.front() == '-';
  std::size_t i = negative ? 1 : 0;
  std::int64_t n = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (i >= 18) {  // perhaps out of range: let from_chars decide
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      return ec == std::errc() && end != s.data();
    }
    n = n * 10 + (s[i] - '0');
  }
  if (i == (negative ? 1u : 0u)) return false;
  v = negative ? -n : n;
  return true;
}

bool parse_int(std::string_view s, std::int32_t &out) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '+')) s.remove_prefix(1);
  // Some producers write coordinates as decimals; the integer part is
  // enough, and leading_int stops at the point.
  std::int64_t v = 0;
  if (!leading_int(s, v)) return false;
  // Clamp so that box arithmetic cannot overflow on hostile input.
  constexpr std::int64_t kMax = 1 << 28;
  out = static_cast<std::int32_t>(std::clamp<std::int64_t>(v, -kMax, kMax));
  return true;
}

// PAGE 2010 wrote <Point x= y=> children instead of a points attribute.
box coords_box(const pugi::xml_node &element) {
  for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
    if (local_name(c) != "Coords") continue;
    if (pugi::xml_attribute pts = attribute_local(c, "points")) return points_box(pts.value());
    box b;
    bool any = false;
    for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
      if (local_name(p) != "Point") continue;
      std::int32_t x = 0, y = 0;
      if (!parse_int(attribute_local(p, "x").value(), x) ||
          !parse_int(attribute_local(p, "y").value(), y))
        continue;
      b = any ? box{std::min(b.x0, x), std::min(b.y0, y), std::max(b.x1, x + 1),
                    std::max(b.y1, y + 1)}
              : box{x, y, x + 1, y + 1};
      any = true;
    }
    return b;
  }
  return {};
}

// The text of an element's TextEquiv: the one with the lowest index, or the
// first when none has an index.
std::string text_equiv(const pugi::xml_node &element) {
  pugi::xml_node best;
  long best_index = std::numeric_limits<long>::max();
  for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
    if (local_name(c) != "TextEquiv") continue;
    pugi::xml_attribute idx = attribute_local(c, "index");
    const long index = idx ? idx.as_int() : std::numeric_limits<long>::max() - 1;
    if (!best || index < best_index) {
      best = c;
      best_index = index;
    }
  }
  if (!best) return {};
  for (pugi::xml_node u = best.first_child(); u; u = u.next_sibling())
    if (local_name(u) == "Unicode") return character_data(u);
  return {};
}

region_hint hint_of(std::string_view type) {
  if (type == "paragraph" || type == "credit" || type == "signature-mark" ||
      type == "catch-word" || type == "footnote" || type == "footnote-continued" ||
      type == "endnote" || type == "TOC-entry" || type == "list-label")
    return region_hint::paragraph;
  if (type == "heading") return region_hint::heading;
  if (type == "caption") return region_hint::caption;
  if (type == "header") return region_hint::header;
  if (type == "footer") return region_hint::footer;
  if (type == "page-number") return region_hint::page_number;
  if (type == "marginalia") return region_hint::marginalia;
  if (type.empty()) return region_hint::none;
  return region_hint::other;
}

// Transkribus writes a region's structure tag into `custom`:
// "readingOrder {index:3;} structure {type:heading;}". Table cells it
// exports as regions typed "T<table>C<column>".
std::string_view custom_structure_type(std::string_view custom) {
  const auto at = custom.find("structure {");
  if (at == std::string_view::npos) return {};
  const auto type = custom.find("type:", at);
  const auto close = custom.find('}', at);
  if (type == std::string_view::npos || close == std::string_view::npos || type > close) return {};
  const auto begin = type + 5;
  auto end = custom.find_first_of(";}", begin);
  return custom.substr(begin, end - begin);
}

bool parse_cell_type(std::string_view type, std::int32_t &table, std::int32_t &column) {
  if (type.size() < 4 || type[0] != 'T') return false;
  const auto c = type.find('C');
  if (c == std::string_view::npos) return false;
  std::int32_t t = 0, col = 0;
  auto [e1, ec1] = std::from_chars(type.data() + 1, type.data() + c, t);
  auto [e2, ec2] = std::from_chars(type.data() + c + 1, type.data() + type.size(), col);
  if (ec1 != std::errc() || e1 != type.data() + c || ec2 != std::errc() ||
      e2 != type.data() + type.size())
    return false;
  table = t;
  column = col;
  return true;
}

class page_reader {
 public:
  page_reader(std::string_view bytes, const std::string &source_name)
      : lines_(bytes), source_name_(source_name) {}

  page read(std::shared_ptr<pugi::xml_document> xml) {
    page p;
    p.source_name = source_name_;
    p.format = source_format::page_xml;
    pugi::xml_node root = xml->document_element();
    if (local_name(root) != "PcGts")
      fail(root, fmt::format("expected a PAGE XML document (root <PcGts>), found <{}>",
                             root.name()));
    std::string_view ns = attribute_local(root, "xmlns").value();
    if (ns.substr(0, kNamespacePrefix.size()) == kNamespacePrefix)
      p.format_version = std::string(ns.substr(kNamespacePrefix.size()));
    pugi::xml_node page_node;
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling())
      if (local_name(c) == "Page") page_node = c;
    if (!page_node) fail(root, "expected a <Page> element in <PcGts>");
    parse_int(attribute_local(page_node, "imageWidth").value(), p.width);
    parse_int(attribute_local(page_node, "imageHeight").value(), p.height);
    walk(page_node, p);
    p.xml = std::move(xml);
    return p;
  }

 private:
  [[noreturn]] void fail(const pugi::xml_node &at, const std::string &what) const {
    throw colreflow::error(status::invalid, fmt::format("{}: line {}: {}", source_name_,
                                                        lines_.line_at(at.offset_debug()), what));
  }

  void walk(const pugi::xml_node &page_node, page &p) {
    visit_page_elements(page_node, [&](const pugi::xml_node &n, std::string_view name) {
      if (is_page_region(name)) {
        p.regions.push_back(read_region(n, name == "TableRegion"));
        // A TextRegion inside a TableRegion (PAGE 2019 table cells) is a
        // cell of that table; tables are numbered after Transkribus' T<n>.
        if (name == "TableRegion") tables_.push_back(n);
        else if (p.regions.back().table < 0)
          for (pugi::xml_node up = n.parent(); up && local_name(up) != "Page"; up = up.parent())
            if (local_name(up) == "TableRegion") {
              const auto at = std::find(tables_.begin(), tables_.end(), up) - tables_.begin();
              p.regions.back().table = static_cast<std::int32_t>(1000 + at);
              p.regions.back().hint = region_hint::table;
              break;
            }
      } else if (name == "SeparatorRegion") {
        p.separators.push_back({coords_box(n)});
      }
    });
  }

  region read_region(const pugi::xml_node &n, bool is_table) {
    region r;
    r.id = attribute_local(n, "id").value();
    r.bbox = coords_box(n);
    r.source_line = lines_.line_at(n.offset_debug());
    std::string_view type = attribute_local(n, "type").value();
    const std::string_view structure = custom_structure_type(attribute_local(n, "custom").value());
    if (type.empty()) type = structure;
    r.hint = is_table ? region_hint::table : hint_of(type);
    if (!is_table && parse_cell_type(structure, r.table, r.table_column)) r.hint = region_hint::table;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) != "TextLine") continue;
      r.lines.push_back(read_line(c));
    }
    if (r.lines.empty()) split_region_text(n, r);
    if (r.bbox.empty()) r.bbox = lines_box(r);
    return r;
  }

  text_line read_line(const pugi::xml_node &n) {
    text_line l;
    l.id = attribute_local(n, "id").value();
    l.bbox = coords_box(n);
    l.source_line = lines_.line_at(n.offset_debug());
    l.text = text_equiv(n);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) != "Word") continue;
      word w;
      w.text = text_equiv(c);
      w.bbox = coords_box(c);
      l.words.push_back(std::move(w));
    }
    if (l.text.empty() && !l.words.empty()) {
      for (const word &w : l.words) {
        if (!l.text.empty()) l.text += ' ';
        l.text += w.text;
      }
    }
    // Without a font size in the file, the line's height stands in for it:
    // only ratios between lines of one page are used.
    l.font_size = static_cast<float>(l.bbox.height());
    return l;
  }

  void split_region_text(const pugi::xml_node &n, region &r) {
    const std::string text = text_equiv(n);
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      text_line l;
      l.text = text.substr(start, end - start);
      l.source_line = r.source_line;
      r.lines.push_back(std::move(l));
      start = end + 1;
    }
  }

  line_index lines_;
  const std::string &source_name_;
  std::vector<pugi::xml_node> tables_;  // TableRegions met so far, in document order
};

}  // namespace

box points_box(std::string_view points) {
  box b;
  bool any = false;
  std::size_t i = 0;
  while (i < points.size()) {
    while (i < points.size() && points[i] == ' ') ++i;
    // Scanned by hand: memchr's call costs more than these few bytes.
    std::size_t end = i;
    while (end < points.size() && points[end] != ' ') ++end;
    const std::string_view pair = points.substr(i, end - i);
    i = end;
    std::size_t comma = 0;
    while (comma < pair.size() && pair[comma] != ',') ++comma;
    if (comma == pair.size()) continue;
    std::int32_t x = 0, y = 0;
    if (!parse_int(pair.substr(0, comma), x) || !parse_int(pair.substr(comma + 1), y)) continue;
    b = any ? box{std::min(b.x0, x), std::min(b.y0, y), std::max(b.x1, x + 1),
                  std::max(b.y1, y + 1)}
            : box{x, y, x + 1, y + 1};
    any = true;
  }
  return b;
}

page read_page_xml(std::string_view bytes, const std::string &source_name,
                   const xml_limits &limits) {
  page_reader reader(bytes, source_name);
  return reader.read(parse_xml(bytes, source_name, limits));
}

}  // namespace colreflow::detail
