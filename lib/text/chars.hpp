// Character classes the cues are built from. All come from Unicode
// properties through ICU, never from lists of one document's characters.
#pragma once

#include <string_view>

namespace colreflow::detail {

// Iterate code points of valid UTF-8 (the reader has validated it).
// Returns U+FFFD and advances one byte on a malformed sequence.
char32_t next_code_point(std::string_view s, std::size_t &pos);
char32_t last_code_point(std::string_view s, std::size_t &start);

// The offset before the whitespace (any Unicode White_Space, U+2028 too)
// that ends s[0, end).
std::size_t trim_end(std::string_view s, std::size_t end);

// The offset of the first byte that is not part of well-formed UTF-8 (no
// overlongs, surrogates or code points past U+10FFFF), or npos.
std::size_t invalid_utf8_at(std::string_view s);

bool is_space(char32_t c);              // Unicode White_Space
bool is_cjk(char32_t c);                // Han, Hiragana, Katakana, Hangul, Bopomofo
bool is_wide(char32_t c);               // East Asian Width W or F: one em in CJK type
bool is_fullwidth_punct(char32_t c);    // punctuation that carries its own spacing in CJK type
bool is_sentence_terminal(char32_t c);  // Sentence_Terminal: 。！？.!? and kin
bool is_closing(char32_t c);            // closing brackets and quotes (Pe, Pf)
bool is_opening(char32_t c);            // opening brackets and quotes (Ps, Pi)
bool is_no_line_start(char32_t c);      // may not begin a line (UAX #14 CL, CP, EX, IS, NS)
bool is_clause_punct(char32_t c);       // mid-sentence marks: ，、；：, ; :
bool is_letter(char32_t c);
bool is_lower(char32_t c);
bool is_upper(char32_t c);
bool is_digit(char32_t c);
bool is_hyphen(char32_t c);             // hyphen-minus, hyphen, soft hyphen, ⸗ ⹀ ¬
bool is_dash(char32_t c);               // em and en dashes, "--"
bool is_narrow_alnum(char32_t c);       // Latin-like letters and digits, not CJK

// Blank in the Unicode sense: U+3000 IDEOGRAPHIC SPACE is as blank as ' '.
bool all_blank(std::string_view s);

}  // namespace colreflow::detail
