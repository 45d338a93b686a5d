#include "text/word_pairs.hpp"

#include <cmath>
#include <string>

#include "text/chars.hpp"
#include "text/words.hpp"

namespace colreflow::detail {

namespace {

constexpr std::uint32_t kNone = word_pairs::unknown;
// Dirichlet prior mass: how many observations of a left word it takes
// before its own followers outweigh the page's word frequencies.
constexpr double kPrior = 2.0;

// Walks `text` word by word (letters, digits and inner apostrophes); an
// empty word stands for punctuation or an ideograph parting two words.
// (CJK junctions are judged by the ICU dictionary, text/junction.hpp.)
template <typename Fn>
void for_each_word(std::string_view text, Fn &&fn) {
  std::size_t pos = 0, start = std::string_view::npos;
  auto flush = [&](std::size_t end) {
    if (start != std::string_view::npos) fn(text.substr(start, end - start));
    start = std::string_view::npos;
  };
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t c = next_code_point(text, pos);
    if (!is_cjk(c) && (is_letter(c) || is_digit(c) || (c == U'\'' && start != std::string_view::npos))) {
      if (start == std::string_view::npos) start = at;
      continue;
    }
    flush(at);
    if (!is_space(c)) fn(std::string_view());
  }
  flush(text.size());
}

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

}  // namespace

word_pairs::word_pairs(const std::vector<line> &lines) {
  for (const line &l : lines) {
    std::uint32_t previous = kNone;
    for_each_word(l.text, [&](std::string_view word) {
      if (word.empty()) {
        previous = kNone;
        return;
      }
      auto [it, added] = ids_.try_emplace(to_lower(word), static_cast<std::uint32_t>(ids_.size()));
      if (added) {
        left_count_.push_back(0);
        right_count_.push_back(0);
      }
      const std::uint32_t id = it->second;
      if (previous != kNone) {
        ++pair_count_[pair_key(previous, id)];
        ++left_count_[previous];
        ++right_count_[id];
        ++pairs_;
      }
      previous = id;
    });
  }
}

word_pairs::token word_pairs::token_of(const std::string &normalised) const {
  if (normalised.empty()) return unknown;
  auto it = ids_.find(normalised);
  return it == ids_.end() ? unknown : it->second;
}

std::string word_pairs::edge_word(std::string_view text, bool last) {
  std::string_view edge;
  bool seen = false;
  for_each_word(text, [&](std::string_view w) {
    if (seen && !last) return;
    edge = w;
    seen = true;
  });
  return edge.empty() ? std::string() : to_lower(edge);
}

word_pairs::token word_pairs::last_token(std::string_view text) const {
  return token_of(edge_word(text, true));
}

word_pairs::token word_pairs::first_token(std::string_view text) const {
  return token_of(edge_word(text, false));
}

double word_pairs::association(token a, token b) const {
  if (a == unknown || b == unknown || left_count_[a] == 0) return 0;
  const double vocabulary = static_cast<double>(ids_.size());
  const double follows = right_count_[b];
  const double p_right = (follows + 0.5) / (static_cast<double>(pairs_) + 0.5 * vocabulary);
  auto it = pair_count_.find(pair_key(a, b));
  const double together = it == pair_count_.end() ? 0.0 : it->second;
  const double p_given = (together + kPrior * p_right) / (left_count_[a] + kPrior);
  return std::log(p_given / p_right);
}

word_pairs::pair_counts word_pairs::counts(token a, token b) const {
  if (a == unknown || b == unknown || pairs_ == 0) return {};
  auto it = pair_count_.find(pair_key(a, b));
  return {it == pair_count_.end() ? 0.0 : it->second,
          static_cast<double>(left_count_[a]) * right_count_[b] / static_cast<double>(pairs_)};
}

}  // namespace colreflow::detail
