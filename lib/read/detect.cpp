#include "read/detect.hpp"

namespace colreflow::detail {
namespace {

// The name of the document element: the first '<' not opening a
// declaration, comment, DOCTYPE or processing instruction.
std::string_view root_element(std::string_view head) {
  std::size_t i = 0;
  while ((i = head.find('<', i)) != std::string_view::npos) {
    if (i + 1 >= head.size()) return {};
    const char c = head[i + 1];
    if (c == '?' || c == '!') {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < head.size() && head[end] != ' ' && head[end] != '>' && head[end] != '/' &&
           head[end] != '\t' && head[end] != '\r' && head[end] != '\n')
      ++end;
    std::string_view name = head.substr(i + 1, end - i - 1);
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  }
  return {};
}

}  // namespace

source_format detect_format(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 64 * 1024);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::size_t lead = 0;
  while (lead < head.size() && (head[lead] == ' ' || head[lead] == '\t' || head[lead] == '\r' ||
                                head[lead] == '\n'))
    ++lead;
  head.remove_prefix(lead);
  if (head.substr(0, 6) == "level\t" && head.find("\tblock_num\t") != std::string_view::npos)
    return source_format::tsv;
  if (head.empty() || head.front() != '<') return source_format::text;
  const std::string_view root = root_element(head);
  if (root == "PcGts") return source_format::page_xml;
  if (root == "alto") return source_format::alto;
  if ((root == "html" || root == "HTML") && head.find("ocr_page") != std::string_view::npos)
    return source_format::hocr;
  // hOCR puts its first ocr_page after the <head>, which can be long.
  if ((root == "html" || root == "HTML") && bytes.find("ocr_page") != std::string_view::npos)
    return source_format::hocr;
  return source_format::text;
}

const char *source_format_name(source_format f) {
  switch (f) {
    case source_format::text: return "text";
    case source_format::hocr: return "hocr";
    case source_format::alto: return "alto";
    case source_format::page_xml: return "page";
    case source_format::tsv: return "tsv";
  }
  return "text";
}

}  // namespace colreflow::detail
