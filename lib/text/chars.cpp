#include "text/chars.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace colreflow::detail {

char32_t next_code_point(std::string_view s, std::size_t &pos) {
  UChar32 c;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(reinterpret_cast<const uint8_t *>(s.data()), i, static_cast<int32_t>(s.size()), c);
  pos = static_cast<std::size_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t last_code_point(std::string_view s, std::size_t &start) {
  UChar32 c;
  int32_t i = static_cast<int32_t>(start);
  U8_PREV(reinterpret_cast<const uint8_t *>(s.data()), 0, i, c);
  start = static_cast<std::size_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool is_cjk(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &err);
  return U_SUCCESS(err) && (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
                            sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL ||
                            sc == USCRIPT_BOPOMOFO);
}

bool is_wide(char32_t c) {
  int w = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

bool is_fullwidth_punct(char32_t c) {
  // Curly quotes, the ellipsis and the em dash are ambiguous-width: in CJK
  // type they are full-width, and that is the only context we ask in.
  if (c == U'\u2018' || c == U'\u2019' || c == U'\u201C' || c == U'\u201D' ||
      c == U'\u2026' || c == U'\u2014' || c == U'\u00B7')
    return true;
  return is_wide(c) && u_ispunct(static_cast<UChar32>(c));
}

bool is_sentence_terminal(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_S_TERM);
}

bool is_closing(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION ||
         c == U'\u2019' || c == U'\u201D' || c == U'"' || c == U'\'';
}

bool is_opening(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION;
}

bool is_no_line_start(char32_t c) {
  int lb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK);
  return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS ||
         lb == U_LB_EXCLAMATION || lb == U_LB_INFIX_NUMERIC ||
         lb == U_LB_NONSTARTER || c == U'\u201D' || c == U'\u2019';
}

bool is_clause_punct(char32_t c) {
  switch (c) {
    case U',': case U';': case U':':
    case U'\uFF0C': case U'\u3001': case U'\uFF1B': case U'\uFF1A':
      return true;
    default:
      return false;
  }
}

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool is_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
bool is_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }

bool is_hyphen(char32_t c) {
  return c == U'-' || c == U'\u2010' || c == U'\u00AD';
}

bool is_dash(char32_t c) { return c == U'\u2014' || c == U'\u2013' || c == U'\u2015'; }

bool is_narrow_alnum(char32_t c) {
  return (is_letter(c) || is_digit(c)) && !is_cjk(c) && !is_wide(c);
}

}  // namespace colreflow::detail
