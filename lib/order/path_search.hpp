// The search behind the order stage: a path through all blocks that
// maximises the summed link scores, reached from the input order by moving
// runs of consecutive blocks (or-opt moves, Or 1976). The input order is
// the prior, read as a cycle: the input's last block before its first keeps
// its sequence too, since OCR that reads an article's tail first has
// rotated the text, and the tail belongs after whatever the input ends with.
#pragma once

#include <cstdint>
#include <vector>

#include "order/links.hpp"

namespace colreflow::detail {

// Scores of every ordered pair, plus the virtual start and end of the text.
class link_matrix {
 public:
  explicit link_matrix(std::size_t n) : n_(n), cells_((n + 1) * (n + 1)) {}
  std::size_t size() const { return n_; }
  void set(std::size_t a, std::size_t b, link_score l) { cells_[a * (n_ + 1) + b] = l; }
  void set_start(std::size_t b, link_score l) { cells_[n_ * (n_ + 1) + b] = l; }
  void set_end(std::size_t a, link_score l) { cells_[a * (n_ + 1) + n_] = l; }
  // `terminal()` stands for the start (as a) or the end (as b).
  std::size_t terminal() const { return n_; }
  const link_score &at(std::size_t a, std::size_t b) const { return cells_[a * (n_ + 1) + b]; }
  double score(std::size_t a, std::size_t b) const { return at(a, b).score; }

 private:
  std::size_t n_;
  std::vector<link_score> cells_;
};

// One accepted move: the run of blocks (by index) and why it moved.
struct move_record {
  std::uint32_t first_block;
  std::uint32_t last_block;
  double gain;
  const char *cue;
};

// Minimum gain for a move: the prior odds that the OCR order is right. It
// exceeds what one junction cue is worth (a dictionary word across a
// false junction turns up by chance), so no single cue moves text, and it
// grows slowly with the number of blocks, which multiplies such chances.
double move_margin(std::size_t blocks);

std::vector<std::uint32_t> improve_path(const link_matrix &links,
                                        std::vector<std::uint32_t> order,
                                        std::vector<move_record> &moves);

}  // namespace colreflow::detail
