#include "write/alto_writer.hpp"

#include <algorithm>  // min, stable_sort
#include <cstdint>    // uint32_t
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "colreflow/colreflow.hpp"
#include "read/alto_reader.hpp"
#include "read/xml_input.hpp"
#include "text/chars.hpp"
#include "write/xml_save.hpp"

namespace colreflow::detail {
namespace {

// Reading-order rank of a block, or of a ComposedBlock by its earliest
// TextBlock. Keyed by the node's storage: pugi::xml_node is only a handle.
using rank_map = std::unordered_map<const void *, std::uint32_t>;

const void *key_of(const pugi::xml_node &n) { return n.internal_object(); }

bool ranked(const rank_map &ranks, const pugi::xml_node &n) {
  return ranks.find(key_of(n)) != ranks.end();
}

// Element names keep the input's namespace prefix, if it used one.
std::string prefixed(const pugi::xml_node &like, std::string_view name) {
  const std::string_view full = like.name();
  const auto colon = full.rfind(':');
  if (colon == std::string_view::npos) return std::string(name);
  return fmt::format("{}{}", full.substr(0, colon + 1), name);
}

void set_attribute(pugi::xml_node n, const char *name, const std::string &value) {
  pugi::xml_attribute a = attribute_local(n, name);
  if (!a) a = n.append_attribute(name);
  a.set_value(value.c_str());
}

void remove_attribute(pugi::xml_node n, const char *name) {
  if (pugi::xml_attribute a = attribute_local(n, name)) n.remove_attribute(a);
}

// Put the ranked children of `parent` in rank order, in the places ranked
// children held; every other child keeps its place.
void resequence(pugi::xml_node parent, const rank_map &ranks) {
  std::vector<pugi::xml_node> children;
  std::vector<pugi::xml_node> blocks;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    children.push_back(c);
    if (ranked(ranks, c)) blocks.push_back(c);
  }
  std::vector<pugi::xml_node> sorted = blocks;
  std::stable_sort(sorted.begin(), sorted.end(), [&](const auto &a, const auto &b) {
    return ranks.at(key_of(a)) < ranks.at(key_of(b));
  });
  if (sorted == blocks) return;
  std::size_t next = 0;
  for (pugi::xml_node &c : children)
    if (ranked(ranks, c)) c = sorted[next++];
  for (const pugi::xml_node &c : children) parent.append_move(c);
}

// ID values in use, so that new ReadingOrder IDs cannot collide.
class id_pool {
 public:
  explicit id_pool(const pugi::xml_node &root) {
    for (pugi::xml_node n = root; n;) {
      if (const char *id = attribute_local(n, "ID").value(); *id) used_.insert(id);
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
      while (n && n != root && !n.next_sibling()) n = n.parent();
      n = (!n || n == root) ? pugi::xml_node() : n.next_sibling();
    }
  }
  std::string fresh(const std::string &base) {
    std::string id = base;
    for (int k = 2; used_.count(id); ++k) id = fmt::format("{}_{}", base, k);
    used_.insert(id);
    return id;
  }

 private:
  std::unordered_set<std::string> used_;
};

// ReadingOrder appeared in ALTO 4.3: an input declaring 4.0 to 4.2 is
// raised so that it still validates against what it names.
void raise_to_4_3(pugi::xml_node root) {
  if (pugi::xml_attribute v = attribute_local(root, "SCHEMAVERSION")) {
    const std::string_view s = v.value();
    if (s == "4" || s == "4.0" || s == "4.1" || s == "4.2") v.set_value("4.3");
  }
  if (pugi::xml_attribute loc = attribute_local(root, "schemaLocation")) {
    std::string s = loc.value();
    for (const char *old : {"alto-4-0.xsd", "alto-4-1.xsd", "alto-4-2.xsd"})
      for (auto at = s.find(old); at != std::string::npos; at = s.find(old, at))
        s.replace(at, std::string_view(old).size(), "alto-4-3.xsd");
    loc.set_value(s.c_str());
  }
}

void write_reading_order(pugi::xml_node root, const std::vector<pugi::xml_node> &blocks,
                         const page_order &order) {
  for (pugi::xml_node c = root.first_child(); c;) {
    const pugi::xml_node next = c.next_sibling();
    if (local_name(c) == "ReadingOrder") root.remove_child(c);
    c = next;
  }
  pugi::xml_node layout;
  for (pugi::xml_node c = root.first_child(); c && !layout; c = c.next_sibling())
    if (local_name(c) == "Layout") layout = c;
  // The schema's sequence is Description, Styles, Tags, ReadingOrder, Layout.
  const std::string ro_name = prefixed(root, "ReadingOrder");
  pugi::xml_node ro = layout ? root.insert_child_before(ro_name.c_str(), layout)
                             : root.append_child(ro_name.c_str());
  id_pool ids(root);
  const std::string group_name = prefixed(root, "OrderedGroup");
  const std::string ref_name = prefixed(root, "ElementRef");
  pugi::xml_node all = ro.append_child(group_name.c_str());
  all.append_attribute("ID").set_value(ids.fresh("crf_reading_order").c_str());
  for (std::size_t a = 0; a < order.articles.size(); ++a) {
    pugi::xml_node group;
    std::size_t n = 0;
    for (const std::uint32_t k : order.articles[a]) {
      const char *id = k < blocks.size() ? attribute_local(blocks[k], "ID").value() : "";
      if (!*id) continue;  // nothing to refer to
      if (!group) {
        group = all.append_child(group_name.c_str());
        group.append_attribute("ID").set_value(ids.fresh(fmt::format("crf_article_{}", a + 1)).c_str());
      }
      pugi::xml_node ref = group.append_child(ref_name.c_str());
      ref.append_attribute("ID").set_value(
          ids.fresh(fmt::format("crf_article_{}_{}", a + 1, ++n)).c_str());
      ref.append_attribute("REF").set_value(id);
    }
  }
  if (!all.first_child()) {
    root.remove_child(ro);  // the schema wants at least one ElementRef
    return;
  }
  raise_to_4_3(root);
}

// The TextLines of a block that the reader kept (those with a word), in order.
std::vector<pugi::xml_node> read_lines(const pugi::xml_node &block) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node l = block.first_child(); l; l = l.next_sibling()) {
    if (local_name(l) != "TextLine") continue;
    for (pugi::xml_node c = l.first_child(); c; c = c.next_sibling())
      if (local_name(c) == "String" &&
          std::string_view(attribute_local(c, "CONTENT").value()).find_first_not_of(" \t\r\n") !=
              std::string_view::npos) {
        out.push_back(l);
        break;
      }
  }
  return out;
}

pugi::xml_node first_string(const pugi::xml_node &line) {
  for (pugi::xml_node c = line.first_child(); c; c = c.next_sibling())
    if (local_name(c) == "String") return c;
  return {};
}

pugi::xml_node last_string(const pugi::xml_node &line) {
  for (pugi::xml_node c = line.last_child(); c; c = c.previous_sibling())
    if (local_name(c) == "String") return c;
  return {};
}

// The String ends its line: nothing but whitespace, comments or a HYP after it.
bool ends_line(const pugi::xml_node &string, bool &has_hyp) {
  has_hyp = false;
  for (pugi::xml_node c = string.next_sibling(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (local_name(c) != "HYP") return false;
    has_hyp = true;
  }
  return true;
}

void mark_hyphenation(pugi::xml_node left, pugi::xml_node right, const std::string &whole) {
  if (!left || !right || attribute_local(left, "SUBS_TYPE") || attribute_local(right, "SUBS_TYPE"))
    return;
  set_attribute(left, "SUBS_TYPE", "HypPart1");
  set_attribute(left, "SUBS_CONTENT", whole);
  set_attribute(right, "SUBS_TYPE", "HypPart2");
  set_attribute(right, "SUBS_CONTENT", whole);
  bool has_hyp = false;
  if (!ends_line(left, has_hyp) || has_hyp) return;
  // The printed hyphen, last in CONTENT, becomes the line's HYP.
  std::string content = attribute_local(left, "CONTENT").value();
  std::size_t at = content.size();
  if (at == 0) return;
  const char32_t mark = last_code_point(content, at);
  if (!is_hyphen(mark) || at == 0) return;
  const std::string hyphen = content.substr(at);
  content.resize(at);
  set_attribute(left, "CONTENT", content);
  const std::string hyp_name = prefixed(left, "HYP");
  pugi::xml_node hyp = left.parent().insert_child_after(hyp_name.c_str(), left);
  hyp.append_attribute("CONTENT").set_value(hyphen.c_str());
}

// The word as an index wants it: no brackets or quotes before it.
std::string word_core(std::string_view w) {
  std::size_t start = 0;
  while (start < w.size()) {
    std::size_t p = start;
    const char32_t c = next_code_point(w, p);
    if (is_letter(c) || is_digit(c)) break;
    start = p;
  }
  return std::string(w.substr(start));
}

}  // namespace

std::vector<alto_hyphenation> rejoined_words(const document &doc) {
  std::vector<alto_hyphenation> out;
  if (!doc.geometry || doc.word_joins.empty()) return out;
  // Laid-out line -> (region, line of the region); a line that two
  // one-line regions side by side made holds both, left one first.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> origin(doc.lines.size() + 2);
  for (const region_span &span : doc.region_lines) {
    if (span.region >= doc.geometry->regions.size()) continue;
    const region &r = doc.geometry->regions[span.region];
    if (r.split_from >= 0) continue;  // its lines' words are marked in the input's block
    std::uint32_t k = 0;
    for (std::uint32_t n = span.first_line; n <= span.last_line && n < origin.size(); ++n) {
      if (n == 0 || n > doc.lines.size() || doc.lines[n - 1].text.empty()) continue;
      while (k < r.lines.size() &&
             r.lines[k].text.find_first_not_of(" \t\r\n") == std::string::npos)
        ++k;
      if (k >= r.lines.size()) break;
      origin[n].emplace_back(span.region, k++);
    }
  }
  for (const word_join &j : doc.word_joins) {
    if (j.first_line >= origin.size() || j.last_line >= origin.size() ||
        origin[j.first_line].empty() || origin[j.last_line].empty())
      continue;
    const auto [r1, l1] = origin[j.first_line].back();
    const auto [r2, l2] = origin[j.last_line].front();
    out.push_back({r1, l1, r2, l2, word_core(j.whole)});
  }
  return out;
}

std::string write_alto(const page &p, const page_order &order,
                       const std::vector<alto_hyphenation> &hyphenated) {
  if (!p.xml || p.format != source_format::alto)
    throw colreflow::error(status::invalid,
                           fmt::format("{}: write_alto needs a page read from ALTO", p.source_name));
  pugi::xml_document doc;
  doc.reset(*p.xml);
  const pugi::xml_node root = doc.document_element();
  const std::vector<pugi::xml_node> blocks = alto_text_blocks(root);
  // Regions parted at a gutter are written in the block they came from.
  const auto read = static_cast<std::size_t>(std::count_if(
      p.regions.begin(), p.regions.end(), [](const region &r) { return r.split_from < 0; }));
  if (blocks.size() != read)
    throw colreflow::error(status::invalid,
                           fmt::format("{}: the ALTO document has {} TextBlocks but the page {} "
                                       "regions; it was not read from this document",
                                       p.source_name, blocks.size(), read));

  // Blocks the order leaves out keep their document order, after the rest.
  std::vector<std::uint32_t> rank(blocks.size());
  for (std::size_t k = 0; k < rank.size(); ++k) rank[k] = static_cast<std::uint32_t>(blocks.size() + k);
  std::uint32_t position = 0;
  for (const auto &article : order.articles)
    for (const std::uint32_t k : article)
      if (k < blocks.size()) rank[k] = std::min(rank[k], position++);

  // A block and the ComposedBlocks around it share its rank, the earliest
  // one winning, and are re-sequenced among their siblings.
  rank_map ranks;
  std::vector<pugi::xml_node> parents;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    for (pugi::xml_node n = blocks[k]; n; n = n.parent()) {
      const auto [it, added] = ranks.emplace(key_of(n), rank[k]);
      if (!added) it->second = std::min(it->second, rank[k]);
      if (added) parents.push_back(n.parent());
      if (local_name(n.parent()) != "ComposedBlock") break;
      remove_attribute(n.parent(), "IDNEXT");  // the chain runs through TextBlocks now
    }
  }
  std::unordered_set<const void *> done;
  for (const pugi::xml_node &parent : parents)
    if (done.insert(key_of(parent)).second) resequence(parent, ranks);

  for (const pugi::xml_node &b : blocks) remove_attribute(b, "IDNEXT");
  for (const auto &article : order.articles) {
    pugi::xml_node previous;
    for (const std::uint32_t k : article) {
      if (k >= blocks.size()) continue;
      const char *id = attribute_local(blocks[k], "ID").value();
      if (!*id) continue;
      if (previous) set_attribute(previous, "IDNEXT", id);
      previous = blocks[k];
    }
  }

  if (!hyphenated.empty()) {
    std::vector<std::vector<pugi::xml_node>> lines(blocks.size());
    auto line_at = [&](std::uint32_t b, std::uint32_t k) -> pugi::xml_node {
      if (b >= blocks.size()) return {};
      if (lines[b].empty()) lines[b] = read_lines(blocks[b]);
      return k < lines[b].size() ? lines[b][k] : pugi::xml_node();
    };
    for (const alto_hyphenation &h : hyphenated)
      mark_hyphenation(last_string(line_at(h.region, h.line)),
                       first_string(line_at(h.next_region, h.next_line)), h.whole);
  }

  if (alto_major_version(root) >= 4) write_reading_order(root, blocks, order);

  if (doc.first_child().type() != pugi::node_declaration) {
    pugi::xml_node decl = doc.prepend_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("UTF-8");
  }
  return save_xml(doc, "\t", pugi::format_indent);
}

}  // namespace colreflow::detail
