#include "reflow/spacing.hpp"

#include "text/chars.hpp"
#include "text/cues.hpp"
#include "text/junction.hpp"

#include <utility>

namespace colreflow::detail {

namespace {

// Walks whitespace runs; `keep(prev, next, solid, run)` says whether a run
// between two solid code points survives as one space; `solid` counts the
// bytes of non-space text before the run, `run` is the run's [begin, end)
// in `text`.
template <typename Keep>
spacing_result rewrite_runs(std::string_view text, Keep &&keep) {
  spacing_result r;
  r.text.reserve(text.size());
  std::size_t pos = 0, solid = 0, run_begin = 0;
  char32_t prev = 0;
  bool in_run = false;
  while (pos < text.size()) {
    std::size_t at = pos;
    char32_t c = next_code_point(text, pos);
    if (is_space(c)) {
      if (!in_run) run_begin = at;
      in_run = true;
      continue;
    }
    if (in_run && prev != 0) {
      if (keep(prev, c, solid, std::pair{run_begin, at})) r.text += ' ';
      else ++r.removed;
    }
    in_run = false;
    r.text.append(text.substr(at, pos - at));
    solid += pos - at;
    prev = c;
  }
  return r;
}

// Bytes of non-space text in text[0, end).
std::size_t solid_bytes(std::string_view text, std::size_t end) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < end;) {
    std::size_t at = pos;
    if (!is_space(next_code_point(text, pos))) n += pos - at;
  }
  return n;
}

// Ideographs in a row ending at `end` (backwards) or starting at `begin`,
// up to 2. A lone ideograph reaches across one more space: OCR splits names
// ("王 明"), and the fragments together make the name.
int cjk_run_before(std::string_view text, std::size_t end) {
  int n = 0;
  for (int hops = 0; hops < 2 && n < 2; ++hops) {
    while (end > 0 && n < 2) {
      std::size_t at = end;
      if (!is_cjk(last_code_point(text, at))) break;
      end = at;
      ++n;
    }
    if (n != 1 || end == 0) break;
    std::size_t at = end;
    if (!is_space(last_code_point(text, at))) break;
    end = at;
  }
  return n;
}
int cjk_run_after(std::string_view text, std::size_t begin) {
  int n = 0;
  for (int hops = 0; hops < 2 && n < 2; ++hops) {
    while (begin < text.size() && n < 2) {
      std::size_t at = begin;
      if (!is_cjk(next_code_point(text, at))) break;
      begin = at;
      ++n;
    }
    if (n != 1 || begin >= text.size()) break;
    std::size_t at = begin;
    if (!is_space(next_code_point(text, at))) break;
    begin = at;
  }
  return n;
}

// A space between two names or titles ("记者 王明"): two ideographs or more
// on each side, and no dictionary word across it ("北 京" is OCR's).
bool separates_names(std::string_view text, std::pair<std::size_t, std::size_t> run) {
  return cjk_run_before(text, run.first) >= 2 && cjk_run_after(text, run.second) >= 2 &&
         !cjk_word_spans(text.substr(0, run.first), text.substr(run.second));
}

}  // namespace

spacing_result clean_cjk_paragraph(std::string_view text) {
  // Where the dateline ends and where a closing author credit begins, in
  // solid bytes, since the OCR spaces inside them ("新华社北京 3 月 5 日电") go.
  constexpr std::size_t none = std::string::npos;
  std::size_t dateline_end = dateline_length(text);
  std::size_t kept_at = dateline_end > 0 ? solid_bytes(text, dateline_end) : none;
  std::size_t credit_at = none;
  if (std::size_t open = byline_start(text); open != none) credit_at = solid_bytes(text, open);
  return rewrite_runs(text, [&](char32_t prev, char32_t next, std::size_t solid, auto run) {
    if (solid == kept_at) return true;
    // Inside the dateline and the credit, spaces between ideographs separate
    // names and titles ("本报记者 陈静", "（记者 王明 李华）").
    bool in_dateline = kept_at != none && solid < kept_at;
    bool in_credit = credit_at != none && solid > credit_at;
    if ((in_dateline || in_credit) && separates_names(text, run)) return true;
    return is_narrow_alnum(prev) && is_narrow_alnum(next);
  });
}

spacing_result clean_heading(std::string_view text) {
  // Dashes and curly quotes are full-width only in CJK type: a Latin
  // heading keeps its spaces ("DIN 4063). — Jahre").
  bool cjk = false;
  for (std::size_t pos = 0; pos < text.size() && !cjk;) cjk = is_cjk(next_code_point(text, pos));
  if (!cjk) return clean_latin(text);
  // Full-width marks carry their own space on the side that faces the
  // text they close; an opening quote may follow a phrase space.
  // Narrow marks (";", "-", ", .") set apart between CJK text are specks
  // the engine read, not punctuation a phrase space goes with: a run next
  // to one goes when the text on both sides, past the marks, is CJK, or
  // is CJK on one side and the line's edge on the other.
  auto narrow_mark = [](char32_t c) {
    return !is_space(c) && !is_letter(c) && !is_digit(c) && !is_cjk(c) && !is_wide(c) &&
           !is_fullwidth_punct(c);
  };
  auto cjk_side = [](char32_t c) { return is_cjk(c) || is_fullwidth_punct(c); };
  auto past_marks = [&](std::size_t at, bool forward) -> char32_t {
    char32_t c = 0;
    while (forward ? at < text.size() : at > 0) {
      c = forward ? next_code_point(text, at) : last_code_point(text, at);
      if (!is_space(c) && !narrow_mark(c)) return c;
    }
    return 0;
  };
  return rewrite_runs(text, [&](char32_t prev, char32_t next, std::size_t, auto run) {
    if (is_fullwidth_punct(prev) && !is_opening(prev)) return false;
    if (is_fullwidth_punct(next) && !is_opening(next)) return false;
    if (is_opening(prev)) return false;
    // Past the marks, the line's start or end (0) parts no phrases: the
    // marks are specks at the edge of a CJK line.
    const char32_t before = past_marks(run.first, false), after = past_marks(run.second, true);
    if ((narrow_mark(prev) || narrow_mark(next)) &&
        (cjk_side(before) || (before == 0 && cjk_side(after))) &&
        (cjk_side(after) || (after == 0 && cjk_side(before))))
      return false;
    return true;
  });
}

spacing_result clean_latin(std::string_view text) {
  return rewrite_runs(text, [](char32_t, char32_t, std::size_t, auto) { return true; });
}

}  // namespace colreflow::detail
