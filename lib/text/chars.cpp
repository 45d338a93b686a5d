#include "text/chars.hpp"

#include <algorithm>  // min
#include <atomic>
#include <cstdint>

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

namespace {

bool compute_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool compute_cjk(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &err);
  return U_SUCCESS(err) && (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
                            sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL ||
                            sc == USCRIPT_BOPOMOFO);
}

bool compute_wide(char32_t c) {
  int w = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

bool compute_fullwidth_punct(char32_t c) {
  // Curly quotes, the ellipsis and the em dash are ambiguous-width: in CJK
  // type they are full-width, and that is the only context we ask in.
  if (c == U'\u2018' || c == U'\u2019' || c == U'\u201C' || c == U'\u201D' ||
      c == U'\u2026' || c == U'\u2014' || c == U'\u00B7')
    return true;
  return compute_wide(c) && u_ispunct(static_cast<UChar32>(c));
}

bool compute_sentence_terminal(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_S_TERM);
}

bool compute_closing(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION ||
         c == U'\u2019' || c == U'\u201D' || c == U'"' || c == U'\'';
}

bool compute_opening(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION;
}

bool compute_no_line_start(char32_t c) {
  int lb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK);
  return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS ||
         lb == U_LB_EXCLAMATION || lb == U_LB_INFIX_NUMERIC ||
         lb == U_LB_NONSTARTER || c == U'\u201D' || c == U'\u2019';
}

bool compute_clause_punct(char32_t c) {
  switch (c) {
    case U',': case U';': case U':':
    case U'\uFF0C': case U'\u3001': case U'\uFF1B': case U'\uFF1A':
      return true;
    default:
      return false;
  }
}

bool compute_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool compute_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool compute_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
bool compute_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }


// Character classes are asked for millions of times per page; each is a
// Unicode property lookup. The Basic Multilingual Plane's answers are kept
// in a table filled on first use (relaxed atomics: every thread computes
// the same value), the rest are computed each time.
enum : std::uint16_t {
  kKnown = 1u << 0,
  kSpace = 1u << 1,
  kCjk = 1u << 2,
  kWide = 1u << 3,
  kFullwidthPunct = 1u << 4,
  kSentenceTerminal = 1u << 5,
  kClosing = 1u << 6,
  kOpening = 1u << 7,
  kNoLineStart = 1u << 8,
  kClausePunct = 1u << 9,
  kLetter = 1u << 10,
  kLower = 1u << 11,
  kUpper = 1u << 12,
  kDigit = 1u << 13,
};

std::uint16_t compute_flags(char32_t c) {
  std::uint16_t f = kKnown;
  if (compute_space(c)) f |= kSpace;
  if (compute_cjk(c)) f |= kCjk;
  if (compute_wide(c)) f |= kWide;
  if (compute_fullwidth_punct(c)) f |= kFullwidthPunct;
  if (compute_sentence_terminal(c)) f |= kSentenceTerminal;
  if (compute_closing(c)) f |= kClosing;
  if (compute_opening(c)) f |= kOpening;
  if (compute_no_line_start(c)) f |= kNoLineStart;
  if (compute_clause_punct(c)) f |= kClausePunct;
  if (compute_letter(c)) f |= kLetter;
  if (compute_lower(c)) f |= kLower;
  if (compute_upper(c)) f |= kUpper;
  if (compute_digit(c)) f |= kDigit;
  return f;
}

std::uint16_t flags(char32_t c) {
  static std::atomic<std::uint16_t> table[0x10000];
  if (c >= 0x10000) return compute_flags(c);
  std::uint16_t f = table[c].load(std::memory_order_relaxed);
  if (f == 0) {
    f = compute_flags(c);
    table[c].store(f, std::memory_order_relaxed);
  }
  return f;
}

}  // namespace

bool is_space(char32_t c) { return flags(c) & kSpace; }

std::size_t trim_end(std::string_view s, std::size_t end) {
  while (end > 0) {
    std::size_t at = end;
    if (!is_space(last_code_point(s, at))) break;
    end = at;
  }
  return end;
}
bool is_cjk(char32_t c) { return flags(c) & kCjk; }
bool is_wide(char32_t c) { return flags(c) & kWide; }
bool is_fullwidth_punct(char32_t c) { return flags(c) & kFullwidthPunct; }
bool is_sentence_terminal(char32_t c) { return flags(c) & kSentenceTerminal; }
bool is_closing(char32_t c) { return flags(c) & kClosing; }
bool is_opening(char32_t c) { return flags(c) & kOpening; }
bool is_no_line_start(char32_t c) { return flags(c) & kNoLineStart; }
bool is_clause_punct(char32_t c) { return flags(c) & kClausePunct; }
bool is_letter(char32_t c) { return flags(c) & kLetter; }
bool is_lower(char32_t c) { return flags(c) & kLower; }
bool is_upper(char32_t c) { return flags(c) & kUpper; }
bool is_digit(char32_t c) { return flags(c) & kDigit; }

bool is_hyphen(char32_t c) {
  // Old prints and their transcriptions break words with a double oblique
  // hyphen (U+2E17), a double hyphen (U+2E40) or a not sign (U+00AC).
  return c == U'-' || c == U'\u2010' || c == U'\u00AD' || c == U'\u2E17' || c == U'\u2E40' ||
         c == U'\u00AC';
}

bool is_dash(char32_t c) { return c == U'\u2014' || c == U'\u2013' || c == U'\u2015'; }

bool is_narrow_alnum(char32_t c) {
  return (is_letter(c) || is_digit(c)) && !is_cjk(c) && !is_wide(c);
}

std::size_t invalid_utf8_at(std::string_view s) {
  const auto *p = reinterpret_cast<const unsigned char *>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range (Unicode table 3-7)
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (s.size() - i < len || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool all_blank(std::string_view s) {
  const auto *p = reinterpret_cast<const std::uint8_t *>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    // U8_NEXT takes int32_t lengths; step through long lines in slices.
    const std::size_t slice = std::min<std::size_t>(s.size() - i, 1u << 30);
    std::int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + i, k, static_cast<std::int32_t>(slice), c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
    i += static_cast<std::size_t>(k);
  }
  return true;
}

}  // namespace colreflow::detail
