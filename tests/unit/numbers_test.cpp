// Numbers of geometry attributes: the short cut must change no value.
#include <doctest/doctest.h>

#include <charconv>  // from_chars
#include <cstdio>    // snprintf
#include <cstring>   // memcmp
#include <string_view>

#include "read/numbers.hpp"

// decimal_from_chars takes a short cut for plain decimals; whatever the
// text, it must agree with std::from_chars to the bit and the byte.
TEST_CASE("decimal_from_chars agrees with std::from_chars") {
  const char *const cases[] = {
      "0", "-0", "7", "1234", "-12.5", "0.93", "0.1", "0.3", "2.675", "123456789012345",
      "1234567890123456", "0.000000000000001", "9007199254740993", "1.", ".5", "-", "",
      "1e3", "1.5e-2", "12a", "1..2", "--1", "+1", "inf", "nan", "0x10", " 1", "1 ",
      "99999.99999", "3.14159265358979", "-0.0", "00012.50", "0.123456789012345"};
  for (const char *c : cases) {
    const std::string_view s = c;
    double fast = -1, slow = -1;
    const auto a = colreflow::detail::decimal_from_chars(s.data(), s.data() + s.size(), fast);
    const auto b = std::from_chars(s.data(), s.data() + s.size(), slow);
    CAPTURE(s);
    CHECK(a.ec == b.ec);
    CHECK(a.ptr == b.ptr);
    if (a.ec == std::errc()) CHECK(std::memcmp(&fast, &slow, sizeof fast) == 0);
  }
}

TEST_CASE("decimal_from_chars agrees with std::from_chars on every short decimal") {
  // All of 0.000 .. 99.999 and their negatives, as coordinates and confidences are written.
  char text[16];
  for (int n = 0; n < 100000; ++n) {
    for (int sign = 0; sign < 2; ++sign) {
      const int len = std::snprintf(text, sizeof text, "%s%d.%03d", sign ? "-" : "", n / 1000,
                                    n % 1000);
      double fast = -1, slow = -1;
      (void)colreflow::detail::decimal_from_chars(text, text + len, fast);
      (void)std::from_chars(text, text + len, slow);
      REQUIRE(std::memcmp(&fast, &slow, sizeof fast) == 0);
    }
  }
}
