#include "text/cues.hpp"

#include <algorithm>

#include "text/chars.hpp"
#include "text/junction.hpp"

namespace colreflow::detail {

namespace {

std::size_t cjk_dateline_length(std::string_view text) {
  std::size_t pos = 0;
  int count = 0;
  char32_t prev = 0;
  bool space_after_cjk = false, seen_digit = false;
  int ideographs_before_date = 0;
  while (pos < text.size() && count < 24) {
    std::size_t at = pos;
    char32_t c = next_code_point(text, pos);
    if (count == 0 && (c == U'\u3010')) {  // 【…】 bracketed dateline
      while (pos < text.size()) {
        if (next_code_point(text, pos) == U'\u3011') return pos;
      }
      return 0;
    }
    if (is_space(c)) {
      if (count == 0) return 0;
      space_after_cjk = is_cjk(prev);
      continue;
    }
    // OCR spaces stand around digits ("7 月"); a space between two
    // ideographs means this is prose, not a dateline ("者 张岚 通讯 员").
    if (space_after_cjk && is_cjk(c) && !cjk_word_spans(text.substr(0, at), text.substr(at)))
      return 0;
    space_after_cjk = false;
    // 电 (wire) closes a date after the agency and place: "新华社北京3月5日电",
    // not a bare date ("月5日电" is the tail of one); 讯 (report) stands
    // before a space or a bracket, not inside a word ("通讯员").
    if (c == U'\u7535' || c == U'\u8BAF') {
      std::size_t p = pos;
      char32_t after = p < text.size() ? next_code_point(text, p) : U' ';
      if (is_cjk(after)) return 0;  // inside a word: 电价, 通讯员
      if (c == U'\u7535') return prev == U'\u65E5' && ideographs_before_date >= 2 ? pos : 0;
      return count >= 2 ? pos : 0;
    }
    if (!is_cjk(c) && !is_digit(c)) return 0;
    if (is_digit(c)) seen_digit = true;
    if (is_cjk(c) && !seen_digit) ++ideographs_before_date;
    prev = c;
    ++count;
  }
  return 0;
}

// "本报记者 陈静 …", "新华社记者 王明 …": a credit opening the first
// paragraph, up to the space after the reporter's name (记者: reporter).
std::size_t cjk_reporter_length(std::string_view text) {
  std::size_t pos = 0;
  int count = 0;
  char32_t prev = 0;
  while (pos < text.size() && count < 10) {
    char32_t c = next_code_point(text, pos);
    if (!is_cjk(c)) return 0;
    ++count;
    if (prev == U'\u8BB0' && c == U'\u8005') break;  // 记者
    prev = c;
  }
  if (prev != U'\u8BB0') return 0;
  // Whitespace, a name of two to four ideographs, whitespace.
  std::size_t at = pos;
  if (at >= text.size() || !is_space(next_code_point(text, at))) return 0;
  while (at < text.size()) {
    std::size_t p = at;
    if (!is_space(next_code_point(text, p))) break;
    at = p;
  }
  int name = 0;
  while (at < text.size()) {
    std::size_t p = at;
    char32_t c = next_code_point(text, p);
    if (!is_cjk(c)) break;
    at = p;
    ++name;
  }
  if (name < 2 || name > 4) return 0;
  std::size_t p = at;
  return at < text.size() && is_space(next_code_point(text, p)) ? at : 0;
}

std::size_t latin_dateline_length(std::string_view text) {
  // Leading upper-case place name: at least three capitals before anything else.
  std::size_t pos = 0;
  int capitals = 0;
  while (pos < text.size()) {
    std::size_t at = pos;
    char32_t c = next_code_point(text, pos);
    if (is_upper(c)) {
      ++capitals;
      continue;
    }
    if (is_lower(c) && capitals < 3) return 0;
    pos = at;
    break;
  }
  if (capitals < 3) return 0;
  // Then a dash within the next few words: "—", "–", or "--". The words
  // before it are the place and date: capitalised or numbers ("June 29"),
  // never a lower-case word ("NASA officials said —" is prose).
  std::size_t limit = std::min<std::size_t>(text.size(), pos + 60);
  bool word_start = false;
  while (pos < limit) {
    char32_t c = next_code_point(text, pos);
    if (is_dash(c)) return pos;
    if (c == U'-' && pos < text.size() && text[pos] == '-') return pos + 1;
    if (is_sentence_terminal(c) && c != U'.') return 0;
    if (word_start && is_lower(c)) return 0;
    word_start = is_space(c) || c == U',';
  }
  return 0;
}


}  // namespace

// A dateline needs one of its marks early on: 讯, 电, 记者 or 【 in CJK copy,
// a capital letter first in Latin copy. Most lines have none; they are
// turned away before any decoding.
bool may_hold_dateline(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  unsigned char first = static_cast<unsigned char>(text[start]);
  if (first >= 'A' && first <= 'Z') return true;
  // 讯 E8 AE AF, 记 E8 AE B0, 电 E7 94 B5, 【 E3 80 90: one pass over the
  // first 24 characters and their spaces.
  std::size_t end = std::min(text.size(), start + 32 * 4);
  for (std::size_t i = start; i + 2 < end; ++i) {
    unsigned char a = static_cast<unsigned char>(text[i]);
    if (a < 0xE3) continue;
    unsigned char b = static_cast<unsigned char>(text[i + 1]);
    unsigned char c = static_cast<unsigned char>(text[i + 2]);
    if ((a == 0xE8 && b == 0xAE && (c == 0xAF || c == 0xB0)) ||
        (a == 0xE7 && b == 0x94 && c == 0xB5) || (a == 0xE3 && b == 0x80 && c == 0x90))
      return true;
  }
  return false;
}

std::size_t dateline_length(std::string_view text) {
  if (!may_hold_dateline(text)) return 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t at = start;
    if (!is_space(next_code_point(text, at))) break;
    start = at;
  }
  std::string_view rest = text.substr(start);
  std::size_t n = cjk_dateline_length(rest);
  if (n == 0) n = cjk_reporter_length(rest);
  if (n == 0) n = latin_dateline_length(rest);
  return n == 0 ? 0 : start + n;
}

std::size_t byline_start(std::string_view text) {
  std::size_t end = trim_end(text, text.size());
  std::size_t pos = end;
  if (pos == 0) return std::string_view::npos;
  char32_t close = last_code_point(text, pos);
  if (close != U')' && close != U'\uFF09') return std::string_view::npos;
  int cjk = 0, other = 0;
  while (pos > 0) {
    char32_t c = last_code_point(text, pos);
    if (c == U'(' || c == U'\uFF08')
      return cjk >= 2 && cjk <= 20 && other == 0 ? pos : std::string_view::npos;
    if (is_cjk(c) || c == U'\u00B7') ++cjk;  // middle dot joins transliterated names
    else if (!is_space(c)) ++other;
    if (cjk + other > 24) break;
  }
  return std::string_view::npos;
}

bool opens_with_dateline(std::string_view first, std::string_view second) {
  if (dateline_length(first) > 0) return true;
  // Only a short first line can hold the head of a wrapped dateline.
  if (second.empty() || first.size() > 24 * 4) return false;
  // The first line must lie inside the dateline: the second does not open
  // one of its own.
  if (dateline_length(second) > 0) return false;
  std::string joined(first);
  joined += second;
  return dateline_length(joined) > first.size();
}

bool is_credit_line(std::string_view text) {
  std::size_t open = byline_start(text);
  if (open == std::string_view::npos) return false;
  for (std::size_t pos = 0; pos < open;) {
    if (!is_space(next_code_point(text, pos))) return false;
  }
  return true;
}

bool ends_with_byline(std::string_view text) {
  return byline_start(text) != std::string_view::npos;
}

bool closes_with_credit(std::string_view before, std::string_view last) {
  std::string text(last);
  if (!ends_with_byline(text)) {
    if (before.empty() || last.find_first_of(")\xEF") == std::string_view::npos) return false;
    text = std::string(before) + text;  // the credit wrapped onto `last`
    if (!ends_with_byline(text)) return false;
  }
  // A credit straight after a dateline opens the article instead:
  // "本报北京讯（记者 张岚）".
  std::size_t dateline_end = dateline_length(text);
  return dateline_end == 0 || byline_start(text) > dateline_end + 4;
}

bool is_byline_line(std::string_view text) {
  std::size_t pos = 0;
  char32_t c = 0;
  while (pos < text.size()) {
    c = next_code_point(text, pos);
    if (!is_space(c) && !is_dash(c) && c != U'-') break;
  }
  // "By " + a capitalised name, short, with no sentence end.
  if (c == U'B' && pos + 2 < text.size() && text[pos] == 'y' && text[pos + 1] == ' ') {
    std::size_t p = pos + 2;
    char32_t n = next_code_point(text, p);
    if (!is_upper(n)) return false;
    int words = 1;
    for (char ch : text.substr(pos)) words += ch == ' ';
    std::size_t last = trim_end(text, text.size());
    char32_t e = last_code_point(text, last);
    return words <= 10 && !is_sentence_terminal(e);
  }
  // "本报记者 蔡茂楷" on a line of its own: a reporter credit.
  std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  std::string_view rest = text.substr(start);
  std::string padded(rest);
  padded += ' ';  // the credit form ends at a space after the name
  std::size_t credit = cjk_reporter_length(padded);
  return credit > 0 && rest.find_first_not_of(" \t", credit) == std::string_view::npos;
}

}  // namespace colreflow::detail
