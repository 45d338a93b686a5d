// Whitespace repair: OCR puts spaces where CJK type has none, and line
// joins leave runs. Only whitespace changes here, never other characters.
#pragma once

#include <string>
#include <string_view>

namespace colreflow::detail {

struct spacing_result {
  std::string text;
  int removed = 0;  // whitespace runs dropped
};

// A CJK paragraph: drop every whitespace run except between two narrow
// letters or digits ("New York", "3 4"), which becomes one space. The run
// after a leading dateline ("本报讯 7月…") is kept as one space.
spacing_result clean_cjk_paragraph(std::string_view text);

// A heading or headline line: spaces separating phrases stay (one each);
// spaces next to full-width punctuation, which carries its own space, go.
spacing_result clean_heading(std::string_view text);

// Latin text: runs become one space; ends trimmed.
spacing_result clean_latin(std::string_view text);

}  // namespace colreflow::detail
