#include "order/path_search.hpp"

#include <algorithm>
#include <cmath>

namespace colreflow::detail {

namespace {

struct candidate_move {
  double gain = 0;
  std::size_t from = 0, to = 0;  // the run order[from..to]
  std::size_t slot = 0;          // where it goes in the order without the run
};

constexpr std::size_t kMaxRun = 12;
constexpr std::size_t kMaxMoves = 64;

}  // namespace

double move_margin(std::size_t blocks) {
  return 3.9 + 0.2 * std::log(static_cast<double>(std::max<std::size_t>(blocks, 1)));
}

std::vector<std::uint32_t> improve_path(const link_matrix &links,
                                        std::vector<std::uint32_t> order,
                                        std::vector<move_record> &moves) {
  const std::size_t n = order.size();
  const std::size_t t = links.terminal();
  const double margin = move_margin(n);
  // Each pass applies the best move; the total rises by more than the
  // margin every time, so this ends. OCR misplaces a handful of runs per
  // page; the cap bounds the time on hostile input.
  for (std::size_t pass = 0; pass < kMaxMoves; ++pass) {
    candidate_move best;
    for (std::size_t from = 0; from < n; ++from) {
      std::size_t before = from == 0 ? t : order[from - 1];
      // Moving a run past a stretch of text is the same as moving that
      // stretch past the run, so runs up to kMaxRun cover every move
      // where either side is that short.
      for (std::size_t to = from; to < n && to - from < kMaxRun; ++to) {
        const std::size_t len = to - from + 1;
        if (len == n) break;
        std::size_t first = order[from], last = order[to];
        std::size_t after_run = to + 1 < n ? order[to + 1] : t;
        // Taking the run out joins its neighbours.
        double cut = links.score(before, first) + links.score(last, after_run) -
                     links.score(before, after_run);
        // The order without the run: rest[k] = order[k < from ? k : k + len].
        const std::size_t rest_size = n - len;
        auto rest = [&](std::size_t k) { return order[k < from ? k : k + len]; };
        for (std::size_t slot = 0; slot <= rest_size; ++slot) {
          if (slot == from) continue;  // where it already is
          std::size_t left = slot == 0 ? t : rest(slot - 1);
          std::size_t right = slot == rest_size ? t : rest(slot);
          double gain = links.score(left, first) + links.score(last, right) -
                        links.score(left, right) - cut;
          if (gain > best.gain + 1e-9) best = {gain, from, to, slot};
        }
      }
    }
    if (best.gain <= margin) break;

    std::vector<std::uint32_t> run(order.begin() + static_cast<long>(best.from),
                                   order.begin() + static_cast<long>(best.to) + 1);
    std::vector<std::uint32_t> rest;
    rest.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
      if (i < best.from || i > best.to) rest.push_back(order[i]);
    std::size_t left = best.slot == 0 ? t : rest[best.slot - 1];
    std::size_t right = best.slot == rest.size() ? t : rest[best.slot];
    // The stronger of the two new links explains the move in the log.
    const link_score &in = links.at(left, run.front());
    const link_score &out = links.at(run.back(), right);
    const char *cue = in.score >= out.score ? in.cue : out.cue;
    if (*cue == '\0') cue = *in.cue ? in.cue : *out.cue ? out.cue : "overall link plausibility";
    rest.insert(rest.begin() + static_cast<long>(best.slot), run.begin(), run.end());
    order = std::move(rest);
    moves.push_back({run.front(), run.back(), best.gain, cue});
  }
  return order;
}

}  // namespace colreflow::detail
