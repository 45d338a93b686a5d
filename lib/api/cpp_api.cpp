// The C++ API: colreflow::document over the private model.
#include <utility>  // move

#include <fmt/core.h>

#include "api/pipeline.hpp"
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
// A moved-from document has no model; say so rather than crash.
const detail::document &checked(const std::unique_ptr<detail::document> &impl) {
  if (!impl) throw error(status::usage, "use of a moved-from colreflow::document");
  return *impl;
}
}  // namespace

std::string document::render(format f) const {
  checked(impl_);
  switch (f) {
    case format::txt: return detail::write_txt(*impl_);
    case format::md: return detail::write_md(*impl_);
    case format::json: return detail::write_json(*impl_);
  }
  // Reachable through a cast from an unchecked integer, e.g. from C.
  throw error(status::usage, fmt::format("unknown output format {}", static_cast<int>(f)));
}

std::string document::report() const { return detail::write_report(checked(impl_)); }

std::size_t document::repair_count() const { return checked(impl_).log.entries.size(); }

std::string repair_text(std::string_view bytes, format f, const options &opts) {
  return document::from_text(bytes, opts).render(f);
}

}  // namespace v1
}  // namespace colreflow
