// Reflow: ordered blocks -> articles of units (joined paragraphs, headings).
#pragma once

#include "model/document.hpp"

namespace colreflow::detail {

void reflow_articles(document &doc);

}  // namespace colreflow::detail
