// What the text writers share: which units to write, and their text.
#pragma once

#include <string_view>

#include "model/document.hpp"

namespace colreflow::detail {

// A unit's text without trailing line ends, so that separators alone decide
// the blank lines; empty for a unit with nothing but whitespace, which the
// writers skip rather than print as a blank paragraph.
inline std::string_view unit_text(const unit &u) {
  std::string_view t = u.text;
  if (t.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) return {};
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
  return t;
}

// Calls f(unit, text) for each unit to write, in output order.
template <class F>
void for_each_written_unit(const document &doc, F &&f) {
  for (const article &a : doc.articles) {
    for (const unit &u : a.units) {
      std::string_view t = unit_text(u);
      if (!t.empty()) f(u, t);
    }
  }
}

}  // namespace colreflow::detail
