#include "reflow/spacing.hpp"

#include "text/chars.hpp"
#include "text/cues.hpp"

namespace colreflow::detail {

namespace {

// Walks whitespace runs; `keep(prev, next, at)` says whether a run between two
// solid code points (at byte `at` of the output) survives as one space.
template <typename Keep>
spacing_result rewrite_runs(std::string_view text, Keep &&keep) {
  spacing_result r;
  r.text.reserve(text.size());
  std::size_t pos = 0;
  char32_t prev = 0;
  bool in_run = false;
  while (pos < text.size()) {
    std::size_t at = pos;
    char32_t c = next_code_point(text, pos);
    if (is_space(c)) {
      in_run = true;
      continue;
    }
    if (in_run && prev != 0) {
      if (keep(prev, c, r.text.size())) r.text += ' ';
      else ++r.removed;
    }
    in_run = false;
    r.text.append(text.substr(at, pos - at));
    prev = c;
  }
  return r;
}

}  // namespace

spacing_result clean_cjk_paragraph(std::string_view text) {
  // The output offset where the dateline ends: its solid bytes, since the
  // spaces inside it ("新华社北京 3 月 5 日电") go.
  std::size_t dateline_end = dateline_length(text);
  std::size_t kept_at = std::string::npos;
  if (dateline_end > 0) {
    kept_at = 0;
    for (std::size_t pos = 0; pos < dateline_end;) {
      std::size_t at = pos;
      if (!is_space(next_code_point(text, pos))) kept_at += pos - at;
    }
  }
  return rewrite_runs(text, [&](char32_t prev, char32_t next, std::size_t at) {
    if (at == kept_at) return true;
    // Inside the dateline, spaces between ideographs separate its parts
    // ("本报记者 陈静"); spaces around its digits are OCR's.
    if (kept_at != std::string::npos && at < kept_at && is_cjk(prev) && is_cjk(next)) return true;
    return is_narrow_alnum(prev) && is_narrow_alnum(next);
  });
}

spacing_result clean_heading(std::string_view text) {
  // Full-width marks carry their own space on the side that faces the
  // text they close; an opening quote may follow a phrase space.
  return rewrite_runs(text, [](char32_t prev, char32_t next, std::size_t) {
    if (is_fullwidth_punct(prev) && !is_opening(prev)) return false;
    if (is_fullwidth_punct(next) && !is_opening(next)) return false;
    if (is_opening(prev)) return false;
    return true;
  });
}

spacing_result clean_latin(std::string_view text) {
  return rewrite_runs(text, [](char32_t, char32_t, std::size_t) { return true; });
}

}  // namespace colreflow::detail
