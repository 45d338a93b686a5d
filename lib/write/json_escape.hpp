// JSON string escaping shared by the JSON writer and its tests.
#pragma once

#include <string>
#include <string_view>

namespace colreflow::detail {

// Append `s` to `out` as a quoted JSON string. Control characters become
// escapes, U+2028/U+2029 are escaped so the output is also valid
// JavaScript, and ill-formed UTF-8 (which the reader rejects, so only a
// stage bug could produce it) becomes U+FFFD: the output is always valid.
void append_json_string(std::string &out, std::string_view s);

}  // namespace colreflow::detail
