#include "hyphen/line_end.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/chars.hpp"

namespace colreflow::detail {

namespace {

// Letters, digits and the combining marks old prints put on them ("uͤ").
bool in_word(char32_t c) {
  if (is_letter(c) || is_digit(c)) return !is_cjk(c);
  const std::int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

void append(std::string &out, char32_t c) {
  char buf[4];
  std::int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t *>(buf), n, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

bool is_break_mark(char32_t c) { return is_hyphen(c) || c == U'='; }

cut_word find_cut(std::string_view left, std::string_view right) {
  cut_word out;
  const std::size_t end = trim_end(left, left.size());
  std::size_t at = end;
  if (end == 0) return out;
  const char32_t mark = last_code_point(left, at);
  if (!is_break_mark(mark) || at == 0) return out;
  // An abbreviation's full stop may stand before the mark ("Dr.-Ing.").
  std::size_t word_end = at;
  bool abbreviation = false;
  if (std::size_t p = at; last_code_point(left, p) == U'.' && p > 0) {
    std::size_t q = p;
    if (is_letter(last_code_point(left, q))) {
      word_end = p;
      abbreviation = true;
    }
  }
  // The fragment before the mark: letters and digits.
  std::size_t start = word_end;
  while (start > 0) {
    std::size_t p = start;
    if (!in_word(last_code_point(left, p))) break;
    start = p;
  }
  if (start == word_end) return out;
  // The whole token: back to whitespace.
  std::size_t token = start;
  while (token > 0) {
    std::size_t p = token;
    if (is_space(last_code_point(left, p))) break;
    token = p;
  }
  // The next line's opening fragment.
  std::size_t pos = 0;
  while (pos < right.size()) {
    std::size_t p = pos;
    if (!is_space(next_code_point(right, p))) break;
    pos = p;
  }
  std::size_t r_start = pos;
  while (pos < right.size()) {
    std::size_t p = pos;
    if (!in_word(next_code_point(right, p))) break;
    pos = p;
  }
  std::size_t r_end = pos;
  while (pos < right.size()) {
    std::size_t p = pos;
    if (is_space(next_code_point(right, p))) break;
    pos = p;
  }
  // "=" is an old print's hyphen only inside a word; elsewhere it is a sign.
  if (mark == U'=') {
    std::size_t l = at, r = r_start;
    if (r_end == r_start || !is_letter(last_code_point(left, l)) ||
        !is_letter(next_code_point(right, r)))
      return out;
  }
  out.mark = mark;
  out.mark_at = at;
  out.left_token = std::string(left.substr(token, at - token));
  out.left = std::string(left.substr(start, word_end - start));
  out.abbreviation = abbreviation;
  out.right = std::string(right.substr(r_start, r_end - r_start));
  out.after_right = std::string(right.substr(r_end, pos - r_end));
  out.right_more = right.find_first_not_of(" \t\r", pos) != std::string_view::npos;
  if (r_end == r_start) {
    std::size_t p = r_start;
    for (int marks = 0; marks < 2 && p < right.size(); ++marks) {
      std::size_t q = p;
      const char32_t c = next_code_point(right, q);
      if (in_word(c) || is_space(c)) break;
      p = q;
    }
    std::size_t word_start = p;
    while (p < right.size()) {
      std::size_t q = p;
      if (!in_word(next_code_point(right, q))) break;
      p = q;
    }
    out.right_past_marks = std::string(right.substr(word_start, p - word_start));
  }
  return out;
}

std::string modern_spelling(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  std::size_t pos = 0;
  while (pos < word.size()) {
    char32_t c = next_code_point(word, pos);
    if (c == U'\u00AD') continue;
    if (c == U'ſ') c = U's';
    if (c == U'ꝛ') c = U'r';
    if (c == U'\u0364' && !out.empty()) {  // COMBINING LATIN SMALL LETTER E: old umlaut
      const char last = out.back();
      const char32_t umlaut = last == 'a'   ? U'ä'
                              : last == 'o' ? U'ö'
                              : last == 'u' ? U'ü'
                              : last == 'A' ? U'Ä'
                              : last == 'O' ? U'Ö'
                              : last == 'U' ? U'Ü'
                                            : 0;
      if (umlaut != 0) {
        out.pop_back();
        append(out, umlaut);
        continue;
      }
    }
    append(out, c);
  }
  return out;
}

}  // namespace colreflow::detail
