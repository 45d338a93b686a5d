#include "write/tsv_writer.hpp"

#include <vector>

#include "read/tsv_reader.hpp"
#include "write/hocr_writer.hpp"  // region_sequence

namespace colreflow::detail {

std::string write_tsv(const page &p, const page_order &order) {
  if (p.tsv_rows.empty()) return {};
  // The reader checked these rows, so parsing them again cannot fail.
  std::vector<tsv_row> rows;
  for (std::size_t k = 1; k < p.tsv_rows.size(); ++k)
    rows.push_back(parse_tsv_row(p.tsv_rows[k], p.source_name, k + 1));
  const std::vector<tsv_block> blocks = tsv_blocks(rows);

  std::vector<std::size_t> regions;  // region k -> blocks[regions[k]]
  std::vector<std::size_t> block_at(rows.size(), blocks.size());  // first row -> block
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].has_text) regions.push_back(b);
    block_at[blocks[b].rows.front()] = b;
  }
  const std::vector<std::uint32_t> sequence = region_sequence(order, regions.size());

  std::string out = p.tsv_rows[0];
  out += '\n';
  std::size_t next_region = 0, place = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string &row = p.tsv_rows[i + 1];
    if (rows[i].level < 2) {
      out += row;
      out += '\n';
      continue;
    }
    if (block_at[i] == blocks.size()) continue;  // emitted with its block
    // A region's place takes the next region in reading order.
    const std::size_t b = blocks[block_at[i]].has_text ? regions[sequence[next_region++]]
                                                         : block_at[i];
    const std::int32_t number = blocks[place++].block_num;
    for (std::size_t r : blocks[b].rows) {
      const std::string &text = p.tsv_rows[r + 1];
      const std::string_view field = tsv_field(text, 2);
      const std::size_t at = static_cast<std::size_t>(field.data() - text.data());
      out.append(text, 0, at);
      out += std::to_string(number);
      out.append(text, at + field.size());
      out += '\n';
    }
  }
  return out;
}

}  // namespace colreflow::detail
