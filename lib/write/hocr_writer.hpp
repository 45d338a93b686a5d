// hOCR writer: the input hOCR with its regions in reading order.
#pragma once

#include <string>

#include "model/page.hpp"

namespace colreflow::detail {

// The hOCR that `p` was read from, with the region elements (those
// hocr_region_nodes finds: ocr_carea, else ocr_par, else lines) moved into
// the order of `order`. Regions only trade places with regions of the same
// parent element: the slots that parent's regions took now hold them in
// reading order, and every other node keeps its place. Nothing else
// changes, ids included; the markup is re-serialized by pugixml (double
// quotes, one-space indent as Tesseract uses, empty elements written as
// <div></div> so HTML parsers read them right). Regions missing from
// `order` follow the ordered ones of their parent, in input order. Returns
// "" if `p` holds no hOCR document.
std::string write_hocr(const page &p, const page_order &order);

}  // namespace colreflow::detail
