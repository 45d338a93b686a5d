// checks.cpp - see checks.hpp.
#include "gen/checks.hpp"

#include <algorithm>  // sort

#include <map>      // map
#include <sstream>  // ostringstream
#include <vector>

namespace colreflow::testgen {

namespace {

std::string show(char32_t c) {
  if (c == '\n') return "\\n";
  if (c == ' ') return "' '";
  return encode_utf8(c);
}

std::string without_dashes(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '-') out += c;
  return out;
}

}  // namespace

std::string check_conservation(std::string_view input, std::string_view output) {
  std::map<char32_t, long> count;
  for (char32_t c : decode_utf8(input))
    if (!is_space(c)) ++count[c];
  for (char32_t c : decode_utf8(output))
    if (!is_space(c)) --count[c];
  std::ostringstream ss;
  int shown = 0;
  for (const auto &[c, n] : count) {
    if (n == 0 || (c == '-' && n > 0)) continue;
    if (shown++ < 8) {
      ss << (shown > 1 ? ", " : "") << "'" << encode_utf8(c) << "' "
         << (n > 0 ? "lost " : "invented ") << (n > 0 ? n : -n);
    }
  }
  if (shown > 8) ss << ", ... (" << shown << " code points differ)";
  return ss.str();
}

std::string check_zh_spacing(std::string_view output, std::string_view expected) {
  const std::vector<char32_t> exp = decode_utf8(expected);
  const std::u32string exps(exp.begin(), exp.end());
  const std::vector<char32_t> out = decode_utf8(output);
  // Walk the output; a run of whitespace not containing a blank line is "inside a block".
  std::size_t i = 0;
  while (i < out.size()) {
    if (!is_space(out[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    int newlines = 0;
    while (j < out.size() && is_space(out[j])) newlines += out[j] == '\n', ++j;
    if (i > 0 && j < out.size() && newlines < 2) {
      std::u32string probe;
      probe += out[i - 1];
      probe.append(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(j));
      probe += out[j];
      if (exps.find(probe) == std::u32string::npos) {
        std::string ws;
        for (std::size_t k = i; k < j; ++k) ws += show(out[k]);
        // context: up to 6 code points either side
        const std::size_t b = i >= 6 ? i - 6 : 0, e = std::min(out.size(), j + 6);
        std::string ctx;
        for (std::size_t k = b; k < e; ++k) ctx += out[k] == '\n' ? std::string("⏎") : encode_utf8(out[k]);
        return "whitespace " + ws + " inside a block: «" + ctx + "»";
      }
    }
    i = j;
  }
  return {};
}

std::string first_diff(std::string_view expected, std::string_view got) {
  if (expected == got) return {};
  std::size_t le = 0, lg = 0;
  int line = 1;
  while (true) {
    const std::size_t ee = expected.find('\n', le), ge = got.find('\n', lg);
    const std::string_view a = expected.substr(le, ee == std::string_view::npos ? std::string_view::npos : ee - le);
    const std::string_view b = got.substr(lg, ge == std::string_view::npos ? std::string_view::npos : ge - lg);
    if (a != b || ee == std::string_view::npos || ge == std::string_view::npos) {
      auto cut = [](std::string_view s) {
        const std::vector<char32_t> c = decode_utf8(s);
        if (c.size() <= 60) return std::string(s);
        return encode_utf8(std::vector<char32_t>(c.begin(), c.begin() + 60)) + "…";
      };
      std::ostringstream ss;
      ss << "line " << line << ": expected «" << cut(a) << "»" << (ee == std::string_view::npos ? " (end)" : "")
         << " got «" << cut(b) << "»" << (ge == std::string_view::npos ? " (end)" : "");
      return ss.str();
    }
    le = ee + 1, lg = ge + 1, ++line;
  }
}

bool chunk_order_right(const variant &v, std::string_view output) {
  const std::string hay = without_dashes(strip_whitespace(output));
  std::size_t prev = 0;
  bool first = true;
  for (std::size_t c = 0; c < v.chunks.size(); ++c) {
    std::vector<char32_t> key = decode_utf8(without_dashes(v.chunk_key(c)));
    if (key.size() > 16) key.resize(16);
    const std::string k = encode_utf8(key);
    // The first occurrence at or after the previous chunk (keys may repeat in the text).
    const std::size_t at = hay.find(k, first ? 0 : prev);
    if (at == std::string::npos) return false;
    prev = at + 1;
    first = false;
  }
  return true;
}

std::vector<int> chunk_order_found(const variant &v, std::string_view output) {
  const std::string hay = without_dashes(strip_whitespace(output));
  std::vector<std::pair<std::size_t, int>> at;
  std::vector<int> missing;
  for (std::size_t c = 0; c < v.chunks.size(); ++c) {
    std::vector<char32_t> key = decode_utf8(without_dashes(v.chunk_key(c)));
    if (key.size() > 16) key.resize(16);
    const std::size_t pos = hay.find(encode_utf8(key));
    if (pos == std::string::npos) missing.push_back(static_cast<int>(c));
    else at.emplace_back(pos, static_cast<int>(c));
  }
  std::sort(at.begin(), at.end());
  std::vector<int> found;
  for (const auto &[pos, c] : at) found.push_back(c);
  for (std::size_t k = 0; k < missing.size(); ++k) found.push_back(-1);
  return found;
}

}  // namespace colreflow::testgen
