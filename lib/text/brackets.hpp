// Quotes and brackets left open at the end of a block, or closed at its
// start without having opened in it: a block junction must pair them.
// Only marks with distinct opening and closing forms count (“” 《》 （）
// () 「」 『』 【】 〈〉); straight quotes and ’ (also an apostrophe) say
// nothing about which side they are on.
#pragma once

#include <string_view>
#include <vector>

namespace colreflow::detail {

struct open_marks {
  char32_t pending_close = 0;  // the closer the last unclosed opener awaits (0: none)
  char32_t first_stray = 0;    // the first closer with no opener before it (0: none)
};

// Scans `lines` as one text.
open_marks scan_marks(const std::vector<std::string_view> &lines);

}  // namespace colreflow::detail
