#include "order/path_search.hpp"

#include <algorithm>
#include <cmath>

#include "model/deadline.hpp"

namespace colreflow::detail {

namespace {

struct candidate_move {
  double gain = 0;
  std::size_t from = 0, to = 0;  // the run order[from..to]
  std::size_t slot = 0;          // where it goes in the order without the run
};

constexpr std::size_t kMaxRun = 12;
constexpr std::size_t kMaxMoves = 64;

// Pages this small are solved exactly (Held and Karp's dynamic programme
// over subsets, 1962): 2^n n^2 steps, under a million for 12 blocks. The
// input order's prior enters as a bonus on each link it keeps.
constexpr std::size_t kMaxExact = 12;

// The input's last block before its first: OCR that reads a tail first has
// rotated the text, and the tail's place is after what the input ends with.
bool closes_rotation(std::size_t a, std::size_t b, std::size_t n) {
  return n > 2 && a + 1 == n && b == 0;
}

// Whether b after a keeps the input's sequence, read as a cycle.
bool continues_input(std::size_t a, std::size_t b, std::size_t n) {
  return b == a + 1 || closes_rotation(a, b, n);
}

double kept_links_bonus(const std::vector<std::uint32_t> &order, double bonus) {
  double total = 0;
  if (!order.empty() && order.front() == 0) total += bonus;
  if (!order.empty() && order.back() + 1 == order.size()) total += bonus;
  for (std::size_t k = 0; k + 1 < order.size(); ++k)
    if (continues_input(order[k], order[k + 1], order.size())) total += bonus;
  return total;
}

double path_score(const link_matrix &links, const std::vector<std::uint32_t> &order) {
  const std::size_t t = links.terminal();
  double total = links.score(t, order.front()) + links.score(order.back(), t);
  for (std::size_t k = 0; k + 1 < order.size(); ++k) total += links.score(order[k], order[k + 1]);
  return total;
}

std::vector<std::uint32_t> exact_path(const link_matrix &links, double bonus) {
  const std::size_t n = links.size(), t = links.terminal(), full = (std::size_t{1} << n) - 1;
  const double none = -1e300;
  std::vector<double> best((full + 1) * n, none);
  std::vector<std::uint8_t> from((full + 1) * n, 0);
  auto link = [&](std::size_t a, std::size_t b) {
    bool kept = a == t ? b == 0 : continues_input(a, b, n);
    return links.score(a, b) + (kept ? bonus : 0.0);
  };
  for (std::size_t b = 0; b < n; ++b) best[(std::size_t{1} << b) * n + b] = link(t, b);
  for (std::size_t mask = 1; mask <= full; ++mask) {
    for (std::size_t a = 0; a < n; ++a) {
      double here = best[mask * n + a];
      if (here == none) continue;
      for (std::size_t b = 0; b < n; ++b) {
        if (mask & (std::size_t{1} << b)) continue;
        std::size_t next = mask | (std::size_t{1} << b);
        double value = here + link(a, b);
        if (value > best[next * n + b] + 1e-9) {
          best[next * n + b] = value;
          from[next * n + b] = static_cast<std::uint8_t>(a);
        }
      }
    }
  }
  std::size_t last = 0;
  double top = none;
  for (std::size_t a = 0; a < n; ++a) {
    double value = best[full * n + a] + (a + 1 == n ? links.score(a, t) + bonus : links.score(a, t));
    if (value > top + 1e-9) {
      top = value;
      last = a;
    }
  }
  std::vector<std::uint32_t> order(n);
  for (std::size_t mask = full, k = n; k-- > 0;) {
    order[k] = static_cast<std::uint32_t>(last);
    std::size_t prev = from[mask * n + last];
    mask &= ~(std::size_t{1} << last);
    last = prev;
  }
  return order;
}

// The runs of `order` that moved, as log entries: of the runs of blocks
// still in input sequence, the heaviest chain in input order stayed (a
// weighted longest increasing subsequence); the others were moved.
void record_runs(const link_matrix &links, const std::vector<std::uint32_t> &order, double gain,
                 std::vector<move_record> &moves) {
  const std::size_t t = links.terminal();
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // [first, last] positions
  for (std::size_t k = 0; k < order.size();) {
    std::size_t j = k;
    while (j + 1 < order.size() && order[j + 1] == order[j] + 1) ++j;
    runs.emplace_back(k, j);
    k = j + 1;
  }
  const std::size_t r = runs.size();
  std::vector<std::size_t> weight(r), prev(r, r);
  std::size_t top = 0;
  for (std::size_t i = 0; i < r; ++i) {
    std::size_t own = runs[i].second - runs[i].first + 1;
    weight[i] = own;
    for (std::size_t j = 0; j < i; ++j)
      if (order[runs[j].first] < order[runs[i].first] && weight[j] + own > weight[i]) {
        weight[i] = weight[j] + own;
        prev[i] = j;
      }
    if (weight[i] > weight[top]) top = i;
  }
  std::vector<bool> stayed(r, false);
  for (std::size_t i = top; i < r; i = prev[i]) stayed[i] = true;
  std::size_t moved = static_cast<std::size_t>(std::count(stayed.begin(), stayed.end(), false));
  for (std::size_t i = 0; i < r; ++i) {
    if (stayed[i]) continue;
    const auto &[k, j] = runs[i];
    // The stronger of the run's two new links explains it, as for a move.
    const link_score &in = links.at(k == 0 ? t : order[k - 1], order[k]);
    const link_score &out = links.at(order[j], j + 1 == order.size() ? t : order[j + 1]);
    const char *cue = in.score >= out.score ? in.cue : out.cue;
    if (*cue == '\0') cue = *in.cue ? in.cue : *out.cue ? out.cue : "overall link plausibility";
    moves.push_back({order[k], order[j], gain / static_cast<double>(moved), cue});
  }
}

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
  if (n <= kMaxExact) {
    // A move breaks about three of the input's links: a third of the
    // margin on each link kept puts the same prior on the exact search.
    const double bonus = margin / 3;
    std::vector<std::uint32_t> best = exact_path(links, bonus);
    double gain = path_score(links, best) - path_score(links, order);
    if (kept_links_bonus(best, bonus) + path_score(links, best) >
        kept_links_bonus(order, bonus) + path_score(links, order) + 1e-9) {
      record_runs(links, best, gain, moves);
      return best;
    }
    return order;
  }
  // The links' scores with the rotation prior folded in: joining the
  // input's end to its start undoes a rotation, and carries the prior of one
  // kept link, as in the exact search. Row and column n are the terminal.
  const double rotation_prior = margin / 3;
  const std::size_t stride = n + 1;
  std::vector<double> value(stride * stride);
  for (std::size_t a = 0; a <= n; ++a)
    for (std::size_t b = 0; b <= n; ++b)
      value[a * stride + b] = links.score(a, b) + (closes_rotation(a, b, n) ? rotation_prior : 0.0);
  auto v = [&](std::size_t a, std::size_t b) { return value[a * stride + b]; };
  std::vector<std::uint32_t> without(n + 1);
  // Each pass applies the best move; the total rises by more than the
  // margin every time, so this ends. OCR misplaces a handful of runs per
  // page; the cap bounds the time on hostile input.
  for (std::size_t pass = 0; pass < kMaxMoves; ++pass) {
    candidate_move best;
    for (std::size_t from = 0; from < n; ++from) {
      check_deadline("the order search");
      std::size_t before = from == 0 ? t : order[from - 1];
      // Moving a run past a stretch of text is the same as moving that
      // stretch past the run, so runs up to kMaxRun cover every move
      // where either side is that short.
      for (std::size_t to = from; to < n && to - from < kMaxRun; ++to) {
        const std::size_t len = to - from + 1;
        if (len == n) break;
        const std::size_t first = order[from], last = order[to];
        const std::size_t after_run = to + 1 < n ? order[to + 1] : t;
        // Taking the run out joins its neighbours.
        const double cut = v(before, first) + v(last, after_run) - v(before, after_run);
        // The order without the run, with the terminal at both ends.
        const std::size_t rest_size = n - len;
        without[0] = static_cast<std::uint32_t>(t);
        std::copy(order.begin(), order.begin() + static_cast<long>(from), without.begin() + 1);
        std::copy(order.begin() + static_cast<long>(to) + 1, order.end(),
                  without.begin() + 1 + static_cast<long>(from));
        without[rest_size + 1] = static_cast<std::uint32_t>(t);
        for (std::size_t slot = 0; slot <= rest_size; ++slot) {
          if (slot == from) continue;  // where it already is
          const std::size_t left = without[slot], right = without[slot + 1];
          const double gain = v(left, first) + v(last, right) - v(left, right) - cut;
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
