#include <string>

#include "write/unit_text.hpp"
#include "write/writers.hpp"

namespace colreflow::detail {

// Articles and units alike are separated by one blank line: a reader of
// plain text sees paragraphs, and article ends are in the JSON.
std::string write_txt(const document &doc) {
  // Sized first, so that the output is not held twice while it grows.
  std::size_t size = 0;
  for_each_written_unit(doc, [&](const unit &, std::string_view text) { size += text.size() + 2; });
  std::string out;
  out.reserve(size);
  for_each_written_unit(doc, [&](const unit &, std::string_view text) {
    if (!out.empty()) out += "\n\n";
    out += text;
  });
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace colreflow::detail
