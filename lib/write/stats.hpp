// Figures shared by the JSON writer and the report.
#pragma once

#include <array>
#include <cstddef>  // size_t
#include <vector>

#include "model/document.hpp"

namespace colreflow::detail {

constexpr std::size_t kRepairKindCount = 10;  // values of repair_kind

// Every repair_kind, in declaration order: the order of keys in JSON and of
// lines in the report.
constexpr std::array<repair_kind, kRepairKindCount> kAllRepairKinds = {
    repair_kind::line_join,    repair_kind::dehyphenation, repair_kind::hyphen_kept,
    repair_kind::spacing,      repair_kind::block_moved,   repair_kind::heading_placed,
    repair_kind::paragraph_break, repair_kind::column_join, repair_kind::order_kept,
    repair_kind::line_reread,
};

struct document_stats {
  std::size_t lines = 0;
  std::size_t blocks = 0;
  // The fewest blocks that must move to turn input order into doc.order:
  // blocks minus the longest run kept in increasing input order. Moving one
  // block to the front counts 1, not every block it shifts.
  std::size_t blocks_moved = 0;
  // Geometry inputs: regions, and those read away from their file order.
  std::size_t regions = 0;
  std::size_t regions_moved = 0;
  std::array<std::size_t, kRepairKindCount> repairs{};  // by repair_kind value
};

document_stats compute_stats(const document &doc);

// Which positions of `order` lie on one longest strictly increasing run:
// the items that kept their input order; the others count as moved.
std::vector<bool> on_longest_run(const std::vector<std::uint32_t> &order);

// Below this confidence a decision is listed for review in the report.
constexpr double kLowConfidence = 0.6;

}  // namespace colreflow::detail
