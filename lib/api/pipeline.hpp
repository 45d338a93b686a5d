// The pipeline as one call: read -> segment -> order -> reflow.
#pragma once

#include <string_view>

#include "colreflow/colreflow.hpp"
#include "model/document.hpp"

namespace colreflow::detail {

// Throws colreflow::error on bad input.
document run_text_pipeline(std::string_view bytes, const colreflow::options &opts);

// Geometry inputs: read the page, order its regions from the layout, then
// reflow their text in that order. `format` must not be source_format::text.
document run_geometry_pipeline(std::string_view bytes, source_format format,
                               const colreflow::options &opts);

}  // namespace colreflow::detail
