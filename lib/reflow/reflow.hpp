// Reflow: ordered blocks -> articles of units (joined paragraphs, headings).
#pragma once

#include "model/document.hpp"

namespace colreflow::detail {

// Which repairs reflow makes (crf_options.repairs): `join` off keeps every
// line break and line-end hyphen (a paragraph's lines separated by '\n');
// `spacing` off keeps the OCR's spaces inside CJK text (runs become one).
struct reflow_options {
  bool join = true;
  bool spacing = true;
};

void reflow_articles(document &doc, const reflow_options &opts = {});

}  // namespace colreflow::detail
