// What a line end cut by a hyphen holds: the hyphen glyph, the word
// fragment before it and the one the next line starts with.
#pragma once

#include <cstddef>  // size_t
#include <string>
#include <string_view>

namespace colreflow::detail {

// Glyphs that print a line-end hyphen: hyphen-minus, U+2010 HYPHEN, U+00AD
// SOFT HYPHEN, and in old prints and their transcriptions U+2E17 "⸗", U+2E40
// "⹀", U+00AC "¬" and "=" (the last only between letters: see cut_word).
bool is_break_mark(char32_t c);

struct cut_word {
  char32_t mark = 0;          // the hyphen glyph; 0 when the line end is no cut word
  std::size_t mark_at = 0;    // byte offset of the mark in the left line
  std::string left_token;     // the whole token before the mark: "Mecklenburg-Schwe"
  std::string left;           // its last part, letters and digits: "Schwe"
  bool abbreviation = false;  // a full stop before the mark: "Dr.-", "L.⸗"
  std::string right;          // letters and digits opening the next line: "rinsche"
  std::string after_right;    // what follows `right` up to the next space: ",", ".", ""
  bool right_more = false;    // more words follow `right` on its line
  // When `right` is empty: the letters after at most two marks that open
  // the next line ("[road", "\"roads"), which OCR noise may have put there.
  std::string right_past_marks;
  bool valid() const { return mark != 0; }
};

// The cut at the end of `left` (trailing whitespace aside) continued by
// `right`. Not valid when `left` does not end with a letter or digit and a
// break mark, or (for "=") when `right` does not open with a letter.
cut_word find_cut(std::string_view left, std::string_view right);

// The spelling a dictionary knows: long s "ſ" as "s", r rotunda "ꝛ" as
// "r", a/o/u with a combining small e above as ä/ö/ü, soft hyphens out.
std::string modern_spelling(std::string_view word);

}  // namespace colreflow::detail
