// Tesseract TSV reader (`tesseract IMAGE OUT tsv`): one row per page,
// block, paragraph, line and word, read into the geometry model.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // int32_t
#include <string>
#include <string_view>
#include <vector>

#include "model/page.hpp"

namespace colreflow::detail {

// Read one page of Tesseract TSV. The header row is required, every row
// must have its 12 columns, the first ten of them integers and conf a
// number. Regions are blocks (block_num) with words; a region's id is its
// block_num and a line's "block.par.line". Line text is the words (level
// 5) joined by join_words, lines without words are skipped; font_size is
// the line's height, as TSV gives no size. Tesseract writes images and
// rules as blocks whose one word is " "; such blocks are not regions, and
// as TSV cannot tell rules from images, no separators are read. Rows with another
// page_num than the first are refused: the model holds one page. Every
// row is kept verbatim (header first, line ends dropped) in
// page::tsv_rows for the writer. Throws colreflow::error: `limit` beyond
// max_input_bytes, else `invalid` naming the line and column.
page read_tsv(std::string_view bytes, const std::string &source_name,
              std::size_t max_input_bytes);

// One data row, parsed.
struct tsv_row {
  std::int32_t level = 0;  // 1 page, 2 block, 3 paragraph, 4 line, 5 word
  std::int32_t page_num = 0, block_num = 0, par_num = 0, line_num = 0, word_num = 0;
  box bbox;
  float conf = -1;        // -1 on structural rows
  std::string_view text;  // points into the row given to parse_tsv_row
};

// Parse data row `row`, line `line_no` of `source_name`. Throws
// colreflow::error (invalid) naming the line, the column and what was
// expected. Shared with the writer, which re-reads page::tsv_rows.
tsv_row parse_tsv_row(std::string_view row, const std::string &source_name,
                      std::size_t line_no);

// The rows of one block, in input order (indices into the row list).
struct tsv_block {
  std::int32_t block_num = 0;
  std::vector<std::size_t> rows;
  bool has_text = false;  // holds a word that is not blank: a region
};

// Group rows by block_num in order of first appearance; page rows (level
// 1) belong to no block. Region k of read_tsv is the k-th block that
// has_text. Shared with the writer.
std::vector<tsv_block> tsv_blocks(const std::vector<tsv_row> &rows);

// Field `index` (0-based) of a tab-separated row.
std::string_view tsv_field(std::string_view row, std::size_t index);

}  // namespace colreflow::detail
