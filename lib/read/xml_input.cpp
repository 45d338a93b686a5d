#include "read/xml_input.hpp"

#include <algorithm>  // upper_bound
#include <cstring>    // memchr, strchr
#include <string>
#include <vector>

#include <fmt/format.h>

#include "colreflow/colreflow.hpp"

namespace colreflow::detail {
namespace {

// The name of the last element opened at or before `offset`, for messages
// about where parsing stopped: "<TextLine id=..." -> "TextLine".
std::string element_before(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  for (std::size_t i = offset + 1; i-- > 0;) {
    if (i >= bytes.size() || bytes[i] != '<') continue;
    std::size_t j = i + 1;
    if (j < bytes.size() && (bytes[j] == '/' || bytes[j] == '?' || bytes[j] == '!')) ++j;
    std::size_t k = j;
    while (k < bytes.size() && k - j < 64 &&
           !std::strchr(" \t\r\n/>", bytes[k]))
      ++k;
    if (k > j) return std::string(bytes.substr(j, k - j));
  }
  return "(none)";
}

// The deepest nesting and, when asked, the count of elements and
// attributes, without recursion.
struct size_check : pugi::xml_tree_walker {
  explicit size_check(bool count) : count_items(count) {}
  bool count_items;
  std::size_t items = 0;
  std::size_t deepest = 0;
  bool for_each(pugi::xml_node &node) override {
    if (count_items && node.type() == pugi::node_element) {
      ++items;
      for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) ++items;
    }
    deepest = std::max(deepest, static_cast<std::size_t>(depth()) + 1);
    return true;
  }
};

// At least as many as the elements and attributes the parse can give:
// each element opens with '<' and each attribute has its '='.
std::size_t most_items(std::string_view bytes) {
  const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
  const std::size_t size = bytes.size();
  std::size_t n = 0, at = 0;
  // In whole slices of 255 bytes counted in one byte, so that the
  // compiler compares 16 bytes at a time; then the tail.
  for (; at + 255 <= size; at += 255) {
    unsigned char slice = 0;
    for (std::size_t i = 0; i < 255; ++i)
      slice = static_cast<unsigned char>(slice + ((p[at + i] == '<') | (p[at + i] == '=')));
    n += slice;
  }
  for (; at < size; ++at) n += (p[at] == '<') | (p[at] == '=');
  return n;
}

}  // namespace

line_index::line_index(std::string_view bytes) {
  starts_.push_back(0);
  const char *p = bytes.data(), *end = p + bytes.size();
  while (p < end) {
    const void *nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char *>(nl) + 1;
    starts_.push_back(static_cast<std::size_t>(p - bytes.data()));
  }
}

std::uint32_t line_index::line_at(std::ptrdiff_t offset) const {
  if (offset < 0) return 0;
  auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::size_t>(offset));
  return static_cast<std::uint32_t>(it - starts_.begin());
}

std::shared_ptr<pugi::xml_document> parse_xml(std::string_view bytes,
                                              const std::string &source_name,
                                              const xml_limits &limits) {
  if (bytes.size() > limits.max_input_bytes)
    throw colreflow::error(status::limit,
                           fmt::format("{}: input is {} bytes, more than the limit of {}",
                                       source_name, bytes.size(), limits.max_input_bytes));
  auto xml = std::make_shared<pugi::xml_document>();
  // parse_doctype keeps the DOCTYPE as a node so that it can be inspected;
  // pugixml never fetches a DTD and expands only the five predefined and
  // numeric character references.
  const unsigned flags = pugi::parse_default | pugi::parse_doctype;
  pugi::xml_parse_result result =
      xml->load_buffer(bytes.data(), bytes.size(), flags, pugi::encoding_auto);
  if (!result) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    throw colreflow::error(
        status::invalid,
        fmt::format("{}: malformed XML at line {} (byte {}), in element <{}>: {}", source_name,
                    line_index(bytes).line_at(result.offset), offset,
                    element_before(bytes, offset), result.description()));
  }
  for (pugi::xml_node n = xml->first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_doctype) continue;
    const std::string_view decl = n.value();
    if (decl.find("<!ENTITY") != std::string_view::npos ||
        decl.find("SYSTEM") != std::string_view::npos) {
      throw colreflow::error(
          status::invalid,
          fmt::format("{}: line {}: the DOCTYPE declares entities or an external DTD; "
                      "colreflow neither loads DTDs nor expands entities",
                      source_name, line_index(bytes).line_at(n.offset_debug())));
    }
  }
  // Counting every attribute costs a walk over them all; the bytes tell
  // cheaply when the count cannot reach the limit.
  size_check check(most_items(bytes) > limits.max_elements);
  xml->traverse(check);
  if (check.deepest > limits.max_depth)
    throw colreflow::error(status::limit,
                           fmt::format("{}: XML nests {} elements deep, more than the limit of {}",
                                       source_name, check.deepest, limits.max_depth));
  if (check.items > limits.max_elements)
    throw colreflow::error(
        status::limit,
        fmt::format("{}: XML has {} elements and attributes, more than the limit of {}",
                    source_name, check.items, limits.max_elements));
  return xml;
}

std::string_view local_name(const pugi::xml_node &node) {
  std::string_view name = node.name();
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_attribute attribute_local(const pugi::xml_node &node, std::string_view name) {
  // Called for every coordinate of every word: compare from the end, and
  // look for a prefix only when the tail matches.
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view n = a.name();
    if (n.size() < name.size() || n.substr(n.size() - name.size()) != name) continue;
    if (n.size() == name.size() || n[n.size() - name.size() - 1] == ':') return a;
  }
  return {};
}

std::string character_data(const pugi::xml_node &node) {
  // Most elements hold one text node: no walk.
  const pugi::xml_node first = node.first_child();
  if (!first) return {};
  if (!first.next_sibling() &&
      (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata))
    return first.value();
  std::string out;
  std::vector<pugi::xml_node> stack{node};  // iterative: the depth costs no stack
  while (!stack.empty()) {
    const pugi::xml_node c = stack.back();
    stack.pop_back();
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    for (pugi::xml_node k = c.last_child(); k; k = k.previous_sibling()) stack.push_back(k);
  }
  return out;
}

}  // namespace colreflow::detail
