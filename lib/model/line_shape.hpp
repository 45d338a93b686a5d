// The measured shape of one line (lib/text/line_shape.cpp measures it):
// how wide it is, how it begins and ends. Cues for roles, order and
// paragraphs are read off these shapes, never off strings.
#pragma once

namespace colreflow::detail {

// Every input line keeps one: the one-byte fields come last, packed
// (48 bytes; with them between the ints it took 52).
struct line_shape {
  int width = 0;            // in cells: a wide character 2, a narrow one 1; edges trimmed
  int indent = 0;           // leading whitespace, in cells
  char32_t first = 0;       // first and last non-space code points
  char32_t last = 0;
  char32_t last_core = 0;   // last code point once closing quotes and brackets are skipped
  int cjk_letters = 0;
  int other_letters = 0;
  int upper_initial_words = 0;  // words starting upper case
  int words = 0;                // whitespace-separated words
  bool blank = true;
  bool cjk = false;            // CJK letters outnumber other letters
  bool ends_sentence = false;  // last_core is a sentence terminal
  bool ends_clause = false;    // ends with a clause mark (，、；：, ; :)
  bool ends_hyphen = false;    // a letter then a hyphen: a word cut at the line end
  bool starts_lower = false;   // first letter is lower case
  bool starts_no_line_start = false;  // begins with a mark that cannot start a line
  bool phrase_space = false;   // whitespace between two CJK ideographs
  // Geometry inputs only (lib/api measures the page): whether the first
  // word of the next line in reading order would have fitted in the room
  // left at this line's end: 1 yes, 0 no, -1 unknown (text alone). For
  // these inputs `indent` is measured on the page as well.
  signed char next_word_fits = -1;
};

}  // namespace colreflow::detail
