#include "write/json_escape.hpp"

#include <cstdint>  // int32_t

#include <fmt/core.h>
#include <unicode/utf8.h>  // U8_NEXT

namespace colreflow::detail {

void append_json_string(std::string &out, std::string_view s) {
  out += '"';
  const auto *p = reinterpret_cast<const std::uint8_t *>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  // Strings longer than 2 GiB cannot come from a validated input.
  std::int32_t i = 0;
  while (i < n) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0) {
          out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        } else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out.append(s.substr(static_cast<std::size_t>(start),
                              static_cast<std::size_t>(i - start)));
        }
    }
  }
  out += '"';
}

}  // namespace colreflow::detail
