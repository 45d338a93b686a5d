// hOCR writer: the input hOCR with its regions in reading order.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // uint32_t
#include <string>
#include <vector>

#include "model/page.hpp"

namespace colreflow::detail {

// The hOCR that `p` was read from, with the region elements (those
// hocr_region_nodes finds: the outermost areas, paragraphs, lines and words) moved into
// the order of `order`. Regions only trade places with regions of the same
// parent element: the slots that parent's regions took now hold them in
// reading order, and every other node keeps its place. Nothing else
// changes, ids included; pugixml writes the markup again: double quotes,
// one-space indent as Tesseract uses, no blank lines, empty elements other
// than HTML void ones as <div></div>. Regions missing from
// `order` follow the ordered ones of their parent, in input order. Returns
// "" if `p` holds no hOCR document.
std::string write_hocr(const page &p, const page_order &order);

// Every region index below `count` once: the order's, then those it left
// out, in input order; out-of-range and repeated indices are dropped.
// Shared with the TSV writer.
std::vector<std::uint32_t> region_sequence(const page_order &order, std::size_t count);

}  // namespace colreflow::detail
