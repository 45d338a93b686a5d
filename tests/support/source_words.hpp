// The words of a geometry input read straight from the file, by a walk of
// its own: what "nothing lost" is checked against, so that a reader that
// skips text cannot also hide it from the check (page_text asks the
// reader itself).
#pragma once

#include <string>
#include <string_view>

#include "colreflow/colreflow.hpp"

namespace colreflow::test {

// The text of every word of `bytes` read as `format`, one per line, after
// a line end (as page_text, so that check_conservation takes no U+FEFF
// for a BOM):
//   ALTO   String@CONTENT in the TextLines of TextBlocks, and HYP@CONTENT (a printed hyphen: "-" when
//          it has no CONTENT and follows a word);
//   PAGE   TextEquiv/Unicode of each line, else of its words (else their
//          glyphs); of a region without lines, its own; the lowest @index
//          first;
//   hOCR   all the text of each line (its words' and any beside them), and
//          of each ocrx_word outside a line, on the first ocr_page;
//   TSV    the text column of the level-5 (word) rows.
// Throws std::runtime_error when XML does not parse (the reader refuses
// such input first) or the format has no words (text, image).
std::string source_words(std::string_view bytes, input_format format);

}  // namespace colreflow::test
