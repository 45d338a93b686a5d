#include <cctype>  // isdigit
#include <string>

#include "write/unit_text.hpp"
#include "write/writers.hpp"

namespace colreflow::detail {
namespace {

// Body text that happens to open like Markdown block syntax ("- ", "# ",
// "1. ", "> ", a fence) would render as a list, heading or quote; a
// backslash keeps it a paragraph. CommonMark allows "\" before any ASCII
// punctuation, so over-escaping is harmless.
void append_paragraph(std::string &out, std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
    out.append(text.substr(0, digits));
    out += '\\';
    out.append(text.substr(digits));
    return;
  }
  if (!text.empty() && std::string_view("#>-+*=`~|").find(text.front()) != std::string_view::npos) {
    out += '\\';
  }
  out.append(text);
}

// Each non-blank line of a heading becomes its own ATX heading line.
void append_heading(std::string &out, std::string_view text, std::string_view marker) {
  bool first = true;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) continue;
    if (!first) out += '\n';
    first = false;
    out.append(marker);
    out.append(line);
  }
}

}  // namespace

std::string write_md(const document &doc) {
  std::string out;
  for_each_written_unit(doc, [&](const unit &u, std::string_view text) {
    if (!out.empty()) out += "\n\n";
    switch (u.kind) {
      case role::headline: append_heading(out, text, "# "); break;
      case role::subheading: append_heading(out, text, "## "); break;
      default: append_paragraph(out, text); break;
    }
  });
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace colreflow::detail
