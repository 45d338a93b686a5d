// Reading files of the source tree in tests.
#pragma once

#include <string>

namespace colreflow::test {

// The bytes of a file of the source tree, `rel` from its root (CRF_SOURCE_DIR).
// Throws std::runtime_error naming the file when it cannot be read.
std::string source_file(const std::string &rel);

}  // namespace colreflow::test
