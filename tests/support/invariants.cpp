#include "support/invariants.hpp"

#include <algorithm>  // min, max
#include <cstdint>    // int32_t, uint8_t
#include <map>

#include <fmt/core.h>
#include <unicode/uchar.h>  // u_isUWhiteSpace
#include <unicode/utf8.h>   // U8_NEXT

#include "model/document.hpp"

namespace colreflow::test {
namespace {

using counts = std::map<UChar32, long long>;

// Calls f on each code point of `s` that is not white space; ill-formed
// bytes come as a negative value.
template <class F>
void for_each_non_space(std::string_view s, F f) {
  const auto *p = reinterpret_cast<const std::uint8_t *>(s.data());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto slice = static_cast<std::int32_t>(std::min<std::size_t>(s.size() - pos, 1u << 30));
    std::int32_t k = 0;
    UChar32 cp;
    U8_NEXT(p + pos, k, slice, cp);
    pos += static_cast<std::size_t>(k);
    if (cp < 0 || !u_isUWhiteSpace(cp)) f(cp);
  }
}

// Counts non-whitespace code points; ill-formed bytes count as -1 so that
// a writer producing them shows up as a difference rather than vanishing.
counts count_code_points(std::string_view s) {
  counts c;
  for_each_non_space(s, [&](UChar32 cp) { ++c[cp]; });
  return c;
}

// The characters a dehyphenation may remove at a line end.
bool is_line_end_hyphen(UChar32 c) {
  return c == '-' || c == 0x00AD /* soft hyphen */ || c == 0x2010 /* hyphen */ ||
         // old prints' hyphens: double oblique, double hyphen, not sign, "="
         c == 0x2E17 || c == 0x2E40 || c == 0x00AC || c == '=';
}

std::string describe(UChar32 c) {
  if (c < 0) return "ill-formed UTF-8";
  std::string s = fmt::format("U+{:04X}", static_cast<unsigned>(c));
  if (c >= 0x20 && c != 0x7F) {
    char buf[5];
    std::int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t *>(buf), n, 4, c, error);
    if (!error) s += fmt::format(" '{}'", std::string_view(buf, static_cast<std::size_t>(n)));
  }
  return s;
}

// The non-whitespace code points of `s` in order, line-end hyphens left
// out (a dehyphenation removes some of them; conservation counts those).
std::u32string sequence(std::string_view s) {
  std::u32string out;
  for_each_non_space(s, [&](UChar32 cp) {
    if (!is_line_end_hyphen(cp)) out.push_back(static_cast<char32_t>(cp < 0 ? 0xFFFD : cp));
  });
  return out;
}

}  // namespace

std::string page_text(const colreflow::document &doc) {
  // A line end first: check_conservation skips a BOM that opens its input,
  // and a U+FEFF in a page's first word is text, not a BOM.
  std::string out = "\n";
  const auto &geometry = doc.impl().geometry;
  if (!geometry) return "";
  for (const detail::region &r : geometry->regions) {
    for (const detail::text_line &l : r.lines) {
      out += l.text;
      out += '\n';
    }
  }
  return out;
}

std::string check_log(std::string_view input, const colreflow::document &doc) {
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  const detail::document &d = doc.impl();
  std::uint32_t max_line = 0;
  for (const detail::line &l : d.lines) max_line = std::max(max_line, l.source_line);
  bool moved = false;
  for (const detail::repair &r : d.log.entries) {
    moved |= r.kind == detail::repair_kind::block_moved ||
             r.kind == detail::repair_kind::heading_placed;
    const bool no_lines = r.first_line == 0 && r.last_line == 0;
    // A column_join names the two lines it joins, the later one first when
    // the order found put it there: first > last is no error.
    if (!no_lines && (r.first_line == 0 || r.last_line == 0 || r.first_line > max_line ||
                      r.last_line > max_line))
      return fmt::format("repair log: a {} entry names lines {}..{} of a document of {} lines",
                         detail::repair_kind_name(r.kind), r.first_line, r.last_line, max_line);
    if (!(r.confidence >= 0 && r.confidence <= 1))
      return fmt::format("repair log: a {} entry has confidence {}",
                         detail::repair_kind_name(r.kind), r.confidence);
  }
  if (moved) return "";
  const std::u32string in = sequence(input);
  const std::u32string out = sequence(doc.render(colreflow::format::txt));
  if (in == out) return "";
  std::size_t at = 0;
  while (at < in.size() && at < out.size() && in[at] == out[at]) ++at;
  return fmt::format(
      "repair log: no move logged, but the output's characters are not in input order "
      "(first difference at non-blank character {} of {} in, {} out)",
      at, in.size(), out.size());
}

std::string check_conservation(std::string_view input, const colreflow::document &doc) {
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  const counts in = count_code_points(input);
  const counts out = count_code_points(doc.render(colreflow::format::txt));

  long long dehyphenations = 0;
  for (const auto &r : doc.impl().log.entries) {
    dehyphenations += r.kind == detail::repair_kind::dehyphenation;
  }

  std::string problems;
  int shown = 0;
  long long hyphens_removed = 0;
  auto report = [&](UChar32 c, long long n_in, long long n_out) {
    if (++shown <= 20) {
      problems += fmt::format("  {}: {} in the input, {} in the output\n", describe(c), n_in, n_out);
    }
  };
  for (const auto &[c, n_in] : in) {
    const auto it = out.find(c);
    const long long n_out = it == out.end() ? 0 : it->second;
    if (n_in == n_out) continue;
    if (is_line_end_hyphen(c) && n_out < n_in) {
      hyphens_removed += n_in - n_out;  // judged against the log below
      continue;
    }
    report(c, n_in, n_out);
  }
  for (const auto &[c, n_out] : out) {
    if (in.find(c) == in.end()) report(c, 0, n_out);
  }
  if (hyphens_removed != dehyphenations) {
    problems += fmt::format("  {} line-end hyphens removed, but {} dehyphenation entries logged\n",
                            hyphens_removed, dehyphenations);
  }
  if (shown > 20) problems += fmt::format("  ... and {} more code points\n", shown - 20);
  return problems.empty() ? "" : "characters not conserved:\n" + problems;
}

}  // namespace colreflow::test
