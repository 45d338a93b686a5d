#include "write/xml_save.hpp"

#include <cstddef>  // size_t

namespace colreflow::detail {
namespace {

// pugixml hands the output over in chunks; a string takes them as they come.
struct string_writer : pugi::xml_writer {
  std::string out;
  void write(const void *data, std::size_t size) override {
    out.append(static_cast<const char *>(data), size);
  }
};

}  // namespace

std::string save_xml(const pugi::xml_document &doc, const char *indent, unsigned flags) {
  string_writer writer;
  doc.save(writer, indent, flags, pugi::encoding_utf8);
  return std::move(writer.out);
}

}  // namespace colreflow::detail
