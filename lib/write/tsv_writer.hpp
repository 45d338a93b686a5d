// Tesseract TSV writer: the input rows, regrouped by block in reading order.
#pragma once

#include <string>

#include "model/page.hpp"

namespace colreflow::detail {

// The rows of page::tsv_rows with the blocks that are regions moved into
// the order of `order`: the places those blocks took in the input now hold
// them in reading order, each block's rows kept together and in their own
// order; page rows and blocks without lines keep their places. block_num
// is renumbered so that the block at the k-th place takes the number the
// input had at the k-th place (1, 2, 3, ... for Tesseract's output); no
// other byte of a row changes. Rows end with "\n". Returns "" if `p` has no
// TSV rows.
std::string write_tsv(const page &p, const page_order &order);

}  // namespace colreflow::detail
