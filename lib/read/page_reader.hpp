// PAGE XML reader (PRImA PAGE 2010 to 2019): regions, lines and words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/page.hpp"
#include "read/xml_input.hpp"

namespace colreflow::detail {

// Every TextRegion and TableRegion becomes a region, in document order
// (nested ones too); SeparatorRegions become separators. Line text is the
// line's first TextEquiv, or the region's split at newlines when it has no
// lines. The file's own ReadingOrder is not read: finding the order is the
// point. Throws colreflow::error naming the file, line and element.
page read_page_xml(std::string_view bytes, const std::string &source_name,
                   const xml_limits &limits);

// Visits the elements under <Page> depth-first in document order, without
// descending into TextLines, the ReadingOrder or Layers: the order in which
// the reader meets regions, so that a writer finds page::regions[k] again
// as the k-th region element visited. Iterative: the depth costs no stack.
template <class Visit>
void visit_page_elements(const pugi::xml_node &page_node, Visit &&visit) {
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = page_node.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    const std::string_view name = local_name(n);
    visit(n, name);
    if (name == "TextLine" || name == "ReadingOrder" || name == "Layers") continue;
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling())
      if (c.type() == pugi::node_element) stack.push_back(c);
  }
}

// The elements that become page::regions: TextRegion and TableRegion.
inline bool is_page_region(std::string_view name) {
  return name == "TextRegion" || name == "TableRegion";
}

// Parse a PAGE points list ("x,y x,y ...") into its bounding box; an empty
// box for an empty or malformed list. Shared with the writer's tests.
box points_box(std::string_view points);

}  // namespace colreflow::detail
