// Plain-text reader: bytes -> document lines.
#pragma once

#include <cstddef>  // size_t
#include <string_view>

#include "model/document.hpp"

namespace colreflow::detail {

struct read_limits {
  std::size_t max_input_bytes = 64u * 1024 * 1024;
  std::size_t max_words = 2'000'000;  // words per page (read/limits.hpp); 0: none
};

// Validate and split UTF-8 text into lines. Strips one leading BOM, accepts
// LF, CRLF and lone CR line ends. Throws colreflow::error with status
// `invalid` (invalid UTF-8 with its byte offset; binary data such as NUL or
// other C0 controls) or `limit` (input larger than limits allow, or more
// words than limits.max_words), the
// message starting with `doc.source_name`.
void read_text(document &doc, std::string_view bytes, const read_limits &limits);

}  // namespace colreflow::detail
