// Page furniture found from position and type where the input names none.
#pragma once

#include "model/page.hpp"

namespace colreflow::detail {

// Regions without a type hint become page numbers (a line of digits in the
// top or bottom margin), running heads (one line at the very top, clear of
// the text under it, in type no larger than the body, no wider than three
// columns) or footers (the same at the very bottom, a line clear of the
// text). Regions the input typed are left alone.
void infer_furniture(page &p);

// The one line of text a region holds; null when it holds none or several.
const text_line *only_text_line(const region &r);

}  // namespace colreflow::detail
