#include "text/words.hpp"

#include <algorithm>  // all_of
#include <cctype>
#include <cstdint>

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/chars.hpp"

namespace colreflow::detail {

std::string to_lower(std::string_view utf8) {
  // ASCII, most words of Latin-script pages, lowers the same in ICU's root
  // locale as A-Z -> a-z, without the two UTF-16 conversions.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::string out(utf8);
    for (char &c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  // Elsewhere the root locale's full lowercase mapping equals the simple one
  // of each code point, except for U+0130 (two code points) and capital
  // sigma (final form by context) (Unicode SpecialCasing.txt); those and
  // ill-formed bytes take ICU's string path.
  std::string out;
  out.reserve(utf8.size());
  bool simple = true;
  for (std::int32_t i = 0, n = static_cast<std::int32_t>(utf8.size()); i < n && simple;) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0 || c == 0x0130 || c == 0x03A3) {
      simple = false;
      break;
    }
    const UChar32 lower = u_tolower(c);
    char buf[U8_MAX_LENGTH];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, lower);
    out.append(buf, static_cast<std::size_t>(len));
  }
  if (simple) return out;
  out.clear();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toLower(icu::Locale::getRoot());
  u.toUTF8String(out);
  return out;
}

namespace {

// Splits `text` into runs of letters (apostrophes and inner hyphens kept
// out): the units the vocabulary counts.
template <typename Fn>
void for_each_word(std::string_view text, Fn &&fn) {
  std::size_t pos = 0, start = std::string_view::npos;
  while (pos <= text.size()) {
    std::size_t at = pos;
    char32_t c = pos < text.size() ? next_code_point(text, pos) : 0;
    if (pos == at) ++pos;
    bool letter = c != 0 && is_letter(c) && !is_cjk(c);
    if (letter && start == std::string_view::npos) start = at;
    if (!letter && start != std::string_view::npos) {
      fn(text.substr(start, at - start), at);
      start = std::string_view::npos;
    }
  }
}

}  // namespace

bool has_hyphenated_line_end(const std::vector<line> &lines) {
  for (const line &l : lines) {
    std::size_t end = trim_end(l.text, l.text.size());
    if (end > 0 && is_hyphen(last_code_point(l.text, end))) return true;
  }
  return false;
}

vocabulary::vocabulary(const std::vector<line> &lines, const lexicon *known)
    : lexicon_(known) {
  // The vocabulary only ever judges words cut by a line-end hyphen.
  if (!has_hyphenated_line_end(lines)) return;
  bool after_cut = false;  // the line before ended in a word cut by a hyphen
  for (const line &l : lines) {
    std::string_view text = l.text;
    std::string_view previous;  // the word before, while only a hyphen parts it from the next
    std::size_t previous_end = 0;
    bool first_word = true;
    for_each_word(text, [&](std::string_view word, std::size_t end) {
      const std::size_t begin = static_cast<std::size_t>(word.data() - text.data());
      // Two words parted by one hyphen glyph are a compound the document
      // spells with a hyphen: "Baden-Württemberg", "Actien⸗Quittungsbogen".
      if (!previous.empty()) {
        std::size_t at = previous_end;
        if (is_hyphen(next_code_point(text, at)) && at == begin)
          compounds_.insert(to_lower(previous) + "-" + std::string(word));
      }
      // A fragment cut by the line-end hyphen, or continuing one, is not
      // evidence of a word.
      std::size_t rest = end;
      bool cut = false;
      if (rest < text.size() && is_hyphen(next_code_point(text, rest))) {
        cut = text.find_first_not_of(" \t\r", rest) == std::string_view::npos;
      }
      if (!cut && !(first_word && after_cut)) words_.insert(to_lower(word));
      previous = word;
      previous_end = end;
      first_word = false;
    });
    std::size_t end = trim_end(text, text.size());
    after_cut = end > 0 && is_hyphen(last_code_point(text, end)) && end > 0 &&
                is_letter(last_code_point(text, end));
  }
}

bool vocabulary::contains(std::string_view lower_word) const {
  return words_.count(std::string(lower_word)) != 0;
}

bool vocabulary::known(std::string_view lower_word) const {
  return contains(lower_word) || (lexicon_ != nullptr && lexicon_->contains(lower_word));
}

bool vocabulary::has_compound(std::string_view left, std::string_view right) const {
  return compounds_.count(to_lower(left) + "-" + std::string(right)) != 0;
}

hyphen_split split_at_hyphen(std::string_view left, std::string_view right) {
  hyphen_split out;
  std::size_t end = trim_end(left, left.size());
  std::size_t at = end;
  if (end == 0 || !is_hyphen(last_code_point(left, at))) return out;
  std::size_t word_end = at, word_start = at;
  while (word_start > 0) {
    std::size_t p = word_start;
    char32_t c = last_code_point(left, p);
    if (!is_letter(c) || is_cjk(c)) break;
    word_start = p;
  }
  if (word_start == word_end) return out;
  std::size_t pos = 0;
  while (pos < right.size()) {
    std::size_t p = pos;
    if (!is_space(next_code_point(right, p))) break;
    pos = p;
  }
  std::size_t r_start = pos;
  while (pos < right.size()) {
    std::size_t p = pos;
    char32_t c = next_code_point(right, p);
    if (!is_letter(c) || is_cjk(c)) break;
    pos = p;
  }
  if (pos == r_start) return out;
  out.left = std::string(left.substr(word_start, word_end - word_start));
  out.right = std::string(right.substr(r_start, pos - r_start));
  return out;
}

}  // namespace colreflow::detail
