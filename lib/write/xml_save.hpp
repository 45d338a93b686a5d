// Serialising a written-back XML document to bytes.
#pragma once

#include <string>

#include <pugixml.hpp>

namespace colreflow::detail {

// `doc` as UTF-8, as pugi::xml_document::save writes it with `indent` and
// `flags`, straight into a string (no stream in between).
std::string save_xml(const pugi::xml_document &doc, const char *indent, unsigned flags);

}  // namespace colreflow::detail
