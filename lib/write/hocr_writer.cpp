#include "write/hocr_writer.hpp"

#include <map>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "read/hocr_reader.hpp"
#include "read/xml_input.hpp"  // local_name
#include "write/xml_save.hpp"

namespace colreflow::detail {
namespace {

// Put `ordered` into the places `slots` hold now (both the same nodes of
// one parent). An empty text node marks each place while nodes move.
void fill_slots(pugi::xml_node parent, const std::vector<pugi::xml_node> &slots,
                const std::vector<pugi::xml_node> &ordered) {
  std::vector<pugi::xml_node> marks;
  for (const pugi::xml_node &s : slots)
    marks.push_back(parent.insert_child_before(pugi::node_pcdata, s));
  for (std::size_t i = 0; i < ordered.size(); ++i) parent.insert_move_after(ordered[i], marks[i]);
  for (const pugi::xml_node &m : marks) parent.remove_child(m);
}

// HTML elements that never have content, and so may end in "/>".
bool is_void_element(std::string_view name) {
  for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                             "meta", "param", "source", "track", "wbr"})
    if (name == v) return true;
  return false;
}

// pugixml writes an empty element as <div/>, which an HTML parser takes
// for an unclosed <div>; an empty text child makes it write <div></div>.
void close_empty_elements(pugi::xml_node root) {
  std::vector<pugi::xml_node> stack{root};
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() == pugi::node_element && !n.first_child() && !is_void_element(local_name(n)))
      n.append_child(pugi::node_pcdata);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) stack.push_back(c);
  }
}

}  // namespace

std::vector<std::uint32_t> region_sequence(const page_order &order, std::size_t count) {
  std::vector<std::uint32_t> out;
  std::vector<bool> seen(count, false);
  for (std::uint32_t r : order.flattened())
    if (r < count && !seen[r]) {
      seen[r] = true;
      out.push_back(r);
    }
  for (std::uint32_t r = 0; r < count; ++r)
    if (!seen[r]) out.push_back(r);
  return out;
}

std::string write_hocr(const page &p, const page_order &order) {
  if (!p.xml) return {};
  pugi::xml_document doc;
  doc.reset(*p.xml);
  const pugi::xml_node page_node = hocr_page_node(doc);
  if (!page_node) return {};

  const std::vector<pugi::xml_node> regions = hocr_region_nodes(page_node);
  // Per parent: its regions in document order (the slots) and in reading order.
  std::map<pugi::xml_node, std::vector<pugi::xml_node>> slots, ordered;
  for (const pugi::xml_node &r : regions) slots[r.parent()].push_back(r);
  for (std::uint32_t k : region_sequence(order, regions.size()))
    ordered[regions[k].parent()].push_back(regions[k]);
  for (const auto &[parent, nodes] : slots) fill_slots(parent, nodes, ordered[parent]);

  close_empty_elements(doc.document_element());
  // parse_xml drops the declaration; say what encoding the output is in.
  pugi::xml_node decl = doc.prepend_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  return save_xml(doc, " ", pugi::format_indent);  // Tesseract indents by one space
}

}  // namespace colreflow::detail
