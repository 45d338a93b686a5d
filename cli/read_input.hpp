// Reading one input, bounded: never more than the limit plus one byte.
#pragma once

#include <cstddef>  // size_t
#include <string>

// Reads `path` ("-" for standard input) in binary mode into `bytes`. Stops
// as soon as the input is known to exceed `limit` bytes, so a huge file is
// refused without being read. On failure returns false with `error` set to
// a message that starts with `name`.
bool read_input(const std::string &path, const std::string &name, std::size_t limit,
                std::string &bytes, std::string &error);
