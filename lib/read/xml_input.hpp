// Parsing XML input safely: one place decides limits and how errors read.
#pragma once

#include <cstddef>  // size_t, ptrdiff_t
#include <cstdint>  // uint32_t
#include <memory>   // shared_ptr
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace colreflow::detail {

struct xml_limits {
  std::size_t max_input_bytes = 256u * 1024 * 1024;
  std::size_t max_depth = 256;             // nesting of elements
  std::size_t max_elements = 20'000'000;  // elements and attributes together
};

// Maps byte offsets of the input to 1-based line numbers.
class line_index {
 public:
  explicit line_index(std::string_view bytes);
  std::uint32_t line_at(std::ptrdiff_t offset) const;

 private:
  std::vector<std::size_t> starts_;  // offset of each line's first byte
};

// Parse `bytes` as XML. No DTD is loaded and no entity is expanded: a
// document declaring entities is refused, and so is one beyond `limits`.
// Throws colreflow::error (status invalid or limit) with a message that
// names `source_name`, the line and the element where parsing stopped.
std::shared_ptr<pugi::xml_document> parse_xml(std::string_view bytes,
                                              const std::string &source_name,
                                              const xml_limits &limits);

// The local name of an element: "alto:String" -> "String".
std::string_view local_name(const pugi::xml_node &node);

// The first attribute whose local name is `name`, or an empty attribute.
pugi::xml_attribute attribute_local(const pugi::xml_node &node, std::string_view name);

// All character data (text and CDATA) below `node`, in document order:
// comments, processing instructions and elements inside it part the text
// into several nodes, all of them its.
std::string character_data(const pugi::xml_node &node);

}  // namespace colreflow::detail
