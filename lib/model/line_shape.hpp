// The measured shape of one line (lib/text/line_shape.cpp measures it):
// how wide it is, how it begins and ends. Cues for roles, order and
// paragraphs are read off these shapes, never off strings.
#pragma once

namespace colreflow::detail {

// Every input line keeps one, so it is packed: a code point takes 21 bits,
// and the flags fill the rest of the code points' words (36 bytes; with a
// char32_t and a bool of their own each it took 48).
struct line_shape {
  int width = 0;            // in cells: a wide character 2, a narrow one 1; edges trimmed
  int indent = 0;           // leading whitespace, in cells
  int cjk_letters = 0;
  int other_letters = 0;
  int upper_initial_words = 0;  // words starting upper case
  int words = 0;                // whitespace-separated words
  char32_t first : 21 = 0;      // first and last non-space code points
  bool blank : 1 = true;
  bool cjk : 1 = false;            // CJK letters outnumber other letters
  bool ends_sentence : 1 = false;  // last_core is a sentence terminal
  bool ends_clause : 1 = false;    // ends with a clause mark (，、；：, ; :)
  bool ends_hyphen : 1 = false;    // a letter then a hyphen: a word cut at the line end
  bool starts_lower : 1 = false;   // first letter is lower case
  char32_t last : 21 = 0;
  bool starts_no_line_start : 1 = false;  // begins with a mark that cannot start a line
  bool phrase_space : 1 = false;   // whitespace between two CJK ideographs
  // Set by the segment stage: a dateline starts on this line (it may wrap
  // onto the next line).
  bool opens_dateline : 1 = false;
  // Geometry inputs only (lib/api measures the page): whether the first
  // word of the next line in reading order would have fitted in the room
  // left at this line's end: 1 yes, 0 no, -1 unknown (text alone). For
  // these inputs `indent` is measured on the page as well.
  signed char next_word_fits : 2 = -1;
  char32_t last_core : 21 = 0;  // last code point once closing quotes and brackets are skipped
};

static_assert(sizeof(line_shape) == 36, "line_shape is kept per input line: keep it packed");

}  // namespace colreflow::detail
