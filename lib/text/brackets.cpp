#include "text/brackets.hpp"

#include "text/chars.hpp"

namespace colreflow::detail {

namespace {

constexpr char32_t kPairs[][2] = {
    {U'\u201C', U'\u201D'}, {U'\u300A', U'\u300B'}, {U'\uFF08', U'\uFF09'}, {U'(', U')'},
    {U'\u300C', U'\u300D'}, {U'\u300E', U'\u300F'}, {U'\u3010', U'\u3011'}, {U'\u3008', U'\u3009'},
};

bool is_closer(char32_t c) {
  for (const auto &p : kPairs)
    if (p[1] == c) return true;
  return false;
}

// The closer that pairs with `opener`, or 0 when it is not one of the marks.
char32_t closer_of(char32_t opener) {
  for (const auto &p : kPairs)
    if (p[0] == opener) return p[1];
  return 0;
}

// Quotes nest a few deep at most; deeper is noise, so the depth is capped.
constexpr std::size_t kMaxDepth = 16;

}  // namespace

open_marks scan_marks(const std::vector<std::string_view> &lines) {
  open_marks out;
  char32_t stack[kMaxDepth];
  std::size_t depth = 0;
  for (std::string_view text : lines) {
    for (std::size_t pos = 0; pos < text.size();) {
      const char32_t c = next_code_point(text, pos);
      if (const char32_t closer = closer_of(c)) {
        if (depth < kMaxDepth) stack[depth++] = closer;
      } else if (is_closer(c)) {
        if (depth > 0 && stack[depth - 1] == c) --depth;
        else if (depth == 0 && out.first_stray == 0) out.first_stray = c;
      }
    }
  }
  out.pending_close = depth > 0 ? stack[depth - 1] : 0;
  return out;
}

}  // namespace colreflow::detail
