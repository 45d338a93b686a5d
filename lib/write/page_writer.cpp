#include "write/page_writer.hpp"


#include <fmt/format.h>
#include <pugixml.hpp>

#include "read/page_reader.hpp"  // visit_page_elements
#include "read/xml_input.hpp"
#include "write/xml_save.hpp"

namespace colreflow::detail {
namespace {

// The region elements in the reader's order, so that index k here is
// page::regions[k].
std::vector<pugi::xml_node> region_nodes(const pugi::xml_node &page_node) {
  std::vector<pugi::xml_node> out;
  visit_page_elements(page_node, [&](const pugi::xml_node &n, std::string_view name) {
    if (is_page_region(name)) out.push_back(n);
  });
  return out;
}

// Element names keep the input's namespace prefix, if it used one.
std::string prefixed(const pugi::xml_node &like, const char *name) {
  std::string_view full = like.name();
  const auto colon = full.rfind(':');
  if (colon == std::string_view::npos) return name;
  return std::string(full.substr(0, colon + 1)) + name;
}

// "readingOrder {index:7;} structure {type:heading;}" -> index set to `index`.
std::string renumber_custom(std::string_view custom, std::size_t index) {
  const auto at = custom.find("readingOrder {");
  if (at == std::string_view::npos) return std::string(custom);
  const auto close = custom.find('}', at);
  if (close == std::string_view::npos) return std::string(custom);
  return fmt::format("{}readingOrder {{index:{};}}{}", custom.substr(0, at), index,
                     custom.substr(close + 1));
}

// ReadingOrder goes after AlternativeImage, Border and PrintSpace, which
// the schema puts first in <Page>.
pugi::xml_node insert_point(pugi::xml_node page_node) {
  pugi::xml_node after;
  for (pugi::xml_node c = page_node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = local_name(c);
    if (name == "AlternativeImage" || name == "Border" || name == "PrintSpace") after = c;
    else break;
  }
  return after;
}

}  // namespace

std::string write_page_xml(const page &p, const page_order &order) {
  pugi::xml_document doc;
  if (p.xml) doc.reset(*p.xml);
  pugi::xml_node root = doc.document_element();
  pugi::xml_node page_node;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling())
    if (local_name(c) == "Page") page_node = c;
  if (!page_node) return {};

  std::vector<pugi::xml_node> regions = region_nodes(page_node);
  for (pugi::xml_node c = page_node.first_child(); c;) {
    pugi::xml_node next = c.next_sibling();
    if (local_name(c) == "ReadingOrder") page_node.remove_child(c);
    c = next;
  }
  pugi::xml_node after = insert_point(page_node);
  const std::string ro_name = prefixed(page_node, "ReadingOrder");
  pugi::xml_node ro = after ? page_node.insert_child_after(ro_name.c_str(), after)
                            : page_node.prepend_child(ro_name.c_str());
  pugi::xml_node group = ro.append_child(prefixed(page_node, "OrderedGroup").c_str());
  group.append_attribute("id") = "colreflow_ro";
  group.append_attribute("caption") = "Reading order found by colreflow";

  const std::string article_name = prefixed(page_node, "OrderedGroupIndexed");
  const std::string ref_name = prefixed(page_node, "RegionRefIndexed");
  std::size_t position = 0;
  for (std::size_t a = 0; a < order.articles.size(); ++a) {
    pugi::xml_node art = group.append_child(article_name.c_str());
    art.append_attribute("id") = fmt::format("colreflow_article_{}", a + 1).c_str();
    art.append_attribute("index") = static_cast<unsigned>(a);
    art.append_attribute("caption") = fmt::format("article {}", a + 1).c_str();
    std::size_t k = 0;
    for (std::uint32_t r : order.articles[a]) {
      if (r >= regions.size()) continue;
      pugi::xml_node ref = art.append_child(ref_name.c_str());
      ref.append_attribute("index") = static_cast<unsigned>(k++);
      ref.append_attribute("regionRef") = attribute_local(regions[r], "id").value();
      if (pugi::xml_attribute custom = attribute_local(regions[r], "custom"))
        custom.set_value(renumber_custom(custom.value(), position).c_str());
      ++position;
    }
  }
  return save_xml(doc, "    ", pugi::format_default);
}

}  // namespace colreflow::detail
