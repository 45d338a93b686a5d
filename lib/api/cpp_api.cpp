// The C++ API: colreflow::document over the private model.
#include <utility>  // move

#include <fmt/core.h>

#include "api/pipeline.hpp"
#include "read/detect.hpp"
#include "write/alto_writer.hpp"
#include "write/hocr_writer.hpp"
#include "write/overlay_writer.hpp"
#include "write/page_writer.hpp"
#include "write/tsv_writer.hpp"
#include "colreflow/colreflow.hpp"
#include "write/writers.hpp"

namespace colreflow {
inline namespace v1 {

document::document(std::unique_ptr<detail::document> impl) : impl_(std::move(impl)) {}
document::document(document &&) noexcept = default;
document &document::operator=(document &&) noexcept = default;
document::~document() = default;

document document::from_text(std::string_view bytes, const options &opts) {
  return document(std::make_unique<detail::document>(detail::run_text_pipeline(bytes, opts)));
}

namespace {

detail::source_format to_source_format(input_format in, std::string_view bytes) {
  switch (in) {
    case input_format::auto_detect: return detail::detect_format(bytes);
    case input_format::text: return detail::source_format::text;
    case input_format::hocr: return detail::source_format::hocr;
    case input_format::alto: return detail::source_format::alto;
    case input_format::page: return detail::source_format::page_xml;
    case input_format::tsv: return detail::source_format::tsv;
    case input_format::image: return detail::source_format::image;
  }
  throw error(status::usage, fmt::format("unknown input format {}", static_cast<int>(in)));
}

// The input's own format with the reading order found.
std::string write_source(const detail::document &d) {
  if (!d.geometry)
    throw error(status::usage,
                fmt::format("{}: the input is plain text; write it as txt, md or json",
                            d.source_name));
  switch (d.geometry->format) {
    case detail::source_format::page_xml: return detail::write_page_xml(*d.geometry, d.region_order);
    case detail::source_format::hocr: return detail::write_hocr(*d.geometry, d.region_order);
    case detail::source_format::tsv: return detail::write_tsv(*d.geometry, d.region_order);
    case detail::source_format::alto: return detail::write_alto(*d.geometry, d.region_order);
    case detail::source_format::image:
      throw error(status::usage,
                  fmt::format("{}: the input is an image; write it as txt, md or json",
                              d.source_name));
    case detail::source_format::text: break;
  }
  throw error(status::usage, fmt::format("{}: cannot write this format back yet", d.source_name));
}

// A moved-from document has no model; say so rather than crash.
const detail::document &checked(const std::unique_ptr<detail::document> &impl) {
  if (!impl) throw error(status::usage, "use of a moved-from colreflow::document");
  return *impl;
}
}  // namespace

document document::from_bytes(std::string_view bytes, input_format in, const options &opts) {
  const detail::source_format f = to_source_format(in, bytes);
  if (f == detail::source_format::text) return from_text(bytes, opts);
  return document(
      std::make_unique<detail::document>(detail::run_geometry_pipeline(bytes, f, opts)));
}

input_format document::input() const {
  const detail::document &d = checked(impl_);
  if (!d.geometry) return input_format::text;
  switch (d.geometry->format) {
    case detail::source_format::text: return input_format::text;
    case detail::source_format::hocr: return input_format::hocr;
    case detail::source_format::alto: return input_format::alto;
    case detail::source_format::page_xml: return input_format::page;
    case detail::source_format::tsv: return input_format::tsv;
    case detail::source_format::image: return input_format::image;
  }
  return input_format::text;
}

std::string document::render(format f) const {
  checked(impl_);
  switch (f) {
    case format::txt: return detail::write_txt(*impl_);
    case format::md: return detail::write_md(*impl_);
    case format::json: return detail::write_json(*impl_);
    case format::source: return write_source(*impl_);
  }
  // Reachable through a cast from an unchecked integer, e.g. from C.
  throw error(status::usage, fmt::format("unknown output format {}", static_cast<int>(f)));
}

std::string document::overlay(std::string_view image) const {
  return detail::write_overlay_png(checked(impl_), image);
}

std::string document::report() const { return detail::write_report(checked(impl_)); }

std::size_t document::repair_count() const { return checked(impl_).log.entries.size(); }

std::string repair_text(std::string_view bytes, format f, const options &opts) {
  return document::from_text(bytes, opts).render(f);
}

}  // namespace v1
}  // namespace colreflow
