#include "write/hocr_writer.hpp"

#include <map>
#include <sstream>
#include <vector>

#include <pugixml.hpp>

#include "read/hocr_reader.hpp"

namespace colreflow::detail {
namespace {

// Put `ordered` into the places `slots` hold now (both the same nodes of
// one parent). An empty text node marks each place while nodes move.
void fill_slots(pugi::xml_node parent, const std::vector<pugi::xml_node> &slots,
                const std::vector<pugi::xml_node> &ordered) {
  std::vector<pugi::xml_node> marks;
  for (const pugi::xml_node &s : slots) marks.push_back(parent.insert_child_before(pugi::node_pcdata, s));
  for (std::size_t i = 0; i < ordered.size(); ++i) parent.insert_move_after(ordered[i], marks[i]);
  for (const pugi::xml_node &m : marks) parent.remove_child(m);
}

}  // namespace

std::vector<std::uint32_t> region_sequence(const page_order &order, std::size_t count) {
  std::vector<std::uint32_t> out;
  std::vector<bool> seen(count, false);
  for (const auto &article : order.articles)
    for (std::uint32_t r : article)
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

  std::ostringstream out;
  // Tesseract indents by one space; <div></div> rather than <div/>, which
  // an HTML parser would take as an unclosed <div>.
  doc.save(out, " ", pugi::format_indent | pugi::format_no_empty_element_tags,
           pugi::encoding_utf8);
  return out.str();
}

}  // namespace colreflow::detail
