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

// Image files by their magic numbers: PNG, JPEG, TIFF, PNM, WebP, GIF and
// JPEG 2000 (BMP's "BM" is too likely the start of a text).
bool is_image(std::string_view b) {
  auto starts = [&](std::string_view m) { return b.substr(0, m.size()) == m; };
  if (starts("\x89PNG\r\n\x1a\n") || starts("\xFF\xD8\xFF") ||
      starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4)) ||
      starts("GIF87a") || starts("GIF89a") || starts(std::string_view("\0\0\0\x0CjP  ", 8)))
    return b.size() > 8;
  if (starts("RIFF") && b.size() > 12 && b.substr(8, 4) == "WEBP") return true;
  // Netpbm: P1 to P6, white space, then the width or a comment.
  if (b.size() < 4 || b[0] != 'P' || b[1] < '1' || b[1] > '6') return false;
  std::size_t i = 2;
  if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') return false;
  while (i < b.size() && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) ++i;
  return i < b.size() && ((b[i] >= '0' && b[i] <= '9') || b[i] == '#');
}

source_format detect_format(std::string_view bytes) {
  if (is_image(bytes)) return source_format::image;
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
    case source_format::image: return "image";
  }
  return "text";
}

}  // namespace colreflow::detail
