#include "read/limits.hpp"

#include <array>
#include <cstdint>  // SIZE_MAX, uint8_t

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

namespace {

// What count_words asks of a character.
enum class char_class : std::uint8_t { other, space, word, cjk };

char_class classify(char32_t c) {
  if (is_cjk(c)) return char_class::cjk;
  if (is_space(c)) return char_class::space;
  if (is_letter(c) || is_digit(c)) return char_class::word;
  return char_class::other;  // punctuation and symbols make no word of their own ("，", "—")
}

// ASCII classified once, by the same functions: most text is ASCII, and
// a look-up costs less than the calls per byte.
const std::array<char_class, 128> &ascii_classes() {
  static const std::array<char_class, 128> table = [] {
    std::array<char_class, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = classify(c);
    return t;
  }();
  return table;
}

}  // namespace

std::size_t count_words(std::string_view text, std::size_t stop_after) {
  const std::array<char_class, 128> &ascii = ascii_classes();
  std::size_t words = 0, pos = 0;
  bool in_word = false;  // in a run of other characters already counted
  while (pos < text.size() && words <= stop_after) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    char_class k;
    if (byte < 0x80) {
      k = ascii[byte];
      ++pos;
    } else {
      k = classify(next_code_point(text, pos));
    }
    if (k == char_class::cjk) {
      ++words;
      in_word = false;
    } else if (k == char_class::space) {
      in_word = false;
    } else if (k == char_class::word && !in_word) {
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
