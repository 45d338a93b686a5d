#include "read/numbers.hpp"

#include <cstdint>  // uint64_t

namespace colreflow::detail {
namespace {

// Powers of ten a double holds exactly.
constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

}  // namespace

std::from_chars_result decimal_from_chars(const char *first, const char *last, double &out) {
  // [-]digits[.digits] running to `last`, with at most 15 digits: the digits
  // and the power of ten are exact doubles, so one division rounds the value
  // correctly, as from_chars does. Anything else goes to from_chars.
  const char *p = first;
  const bool negative = p != last && *p == '-';
  if (negative) ++p;
  std::uint64_t digits = 0;
  int count = 0, fraction = -1;  // fraction: digits after the point; -1 before it
  const char *const start = p;
  for (; p != last; ++p) {
    if (*p >= '0' && *p <= '9') {
      digits = digits * 10 + static_cast<std::uint64_t>(*p - '0');
      ++count;
      if (fraction >= 0) ++fraction;
    } else if (*p == '.' && fraction < 0 && p != start) {
      fraction = 0;
    } else {
      break;
    }
  }
  if (p != last || p == start || fraction == 0 || count > 15)
    return std::from_chars(first, last, out);
  double v = static_cast<double>(digits);
  if (fraction > 0) v /= kPowersOfTen[fraction];
  out = negative ? -v : v;
  return {last, std::errc()};
}

}  // namespace colreflow::detail
