#include "support/source_files.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace colreflow::test {

std::string source_file(const std::string &rel) {
  const std::string path = std::string(CRF_SOURCE_DIR) + "/" + rel;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace colreflow::test
