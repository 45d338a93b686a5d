#include "read/limits.hpp"

#include <cstdint>  // SIZE_MAX

#include <fmt/format.h>

#include "colreflow/colreflow.hpp"
#include "text/chars.hpp"  // next_code_point, is_space, is_cjk

namespace colreflow::detail {
namespace {

[[noreturn]] void too_many(const std::string &source_name, std::size_t max_words) {
  throw colreflow::error(
      status::limit,
      fmt::format("{}: the page has more than the limit of {} words (each CJK character "
                  "counts as a word)",
                  source_name, max_words));
}

}  // namespace

std::size_t count_words(std::string_view text, std::size_t stop_after) {
  std::size_t words = 0, pos = 0;
  bool in_word = false;  // in a run of other characters already counted
  while (pos < text.size() && words <= stop_after) {
    const char32_t c = next_code_point(text, pos);
    if (is_cjk(c)) {
      ++words;
      in_word = false;
    } else if (is_space(c) || (!is_letter(c) && !is_digit(c))) {
      // Punctuation and symbols make no word of their own ("，", "—").
      if (is_space(c)) in_word = false;
    } else if (!in_word) {
      ++words;
      in_word = true;
    }
  }
  return words;
}

void check_word_limit(const std::vector<line> &lines, const std::string &source_name,
                      std::size_t max_words) {
  if (max_words == 0) return;
  std::size_t words = 0;
  for (const line &l : lines) {
    words += count_words(l.text, max_words - words);
    if (words > max_words) too_many(source_name, max_words);
  }
}

void check_word_limit(const page &p, std::size_t max_words) {
  if (max_words == 0) return;
  std::size_t words = 0;
  for (const region &r : p.regions) {
    for (const text_line &l : r.lines) {
      words += count_words(l.text, max_words - words);
      if (words > max_words) too_many(p.source_name, max_words);
    }
  }
}

}  // namespace colreflow::detail
