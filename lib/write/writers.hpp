// Writers: a repaired document -> bytes in an output format.
#pragma once

#include <string>

#include "model/document.hpp"

namespace colreflow::detail {

// Headline lines, blank line, paragraphs separated by blank lines, each
// heading on its own line directly before its section.
std::string write_txt(const document &doc);

// As txt, with the headline as "# " lines and subheadings as "## ".
std::string write_md(const document &doc);

// Articles with units (role, text, source lines), blocks (role, source
// lines, input index, output position), the repair log and statistics.
std::string write_json(const document &doc);

// Human summary of the defects found, for stderr.
std::string write_report(const document &doc);

}  // namespace colreflow::detail
