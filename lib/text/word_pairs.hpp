// Which word follows which in this document: a bigram model the document
// trains on itself, for junctions no dictionary can judge.
//
// Every pair of neighbouring words inside a line is a true pair, so the
// document's own lines teach which words it puts together ("about a",
// "storm runoff"). A block junction is then scored by the
// pointwise mutual information of its two edge words, smoothed towards the
// second word's frequency (Dirichlet smoothing; Zhai and Lafferty 2001).
// Tokens are lower-cased Latin words; punctuation or an ideograph between
// two words parts them. (CJK junctions have the ICU dictionary instead,
// text/junction.hpp; the same model over ideographs measured no better.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/document.hpp"

namespace colreflow::detail {

class word_pairs {
 public:
  explicit word_pairs(const std::vector<line> &lines);

  // A token of the document; `unknown` for an edge that is no word
  // (punctuation, a hyphen, nothing) or a word the lines never pair.
  using token = std::uint32_t;
  static constexpr token unknown = UINT32_MAX;
  // The last or first word of `text`, lower-cased; empty when punctuation
  // stands at that edge or there is no word.
  static std::string edge_word(std::string_view text, bool last);
  // The token of a word as edge_word gives it.
  token token_of(const std::string &edge_word) const;
  token last_token(std::string_view text) const;
  token first_token(std::string_view text) const;

  // ln P(right | left) / P(right), smoothed; 0 when either is unknown.
  double association(token left, token right) const;
  // How often the lines put `right` after `left`, and how often they would
  // were words independent of their neighbours (0 and 0 when unknown).
  struct pair_counts {
    double seen = 0;
    double expected = 0;
  };
  pair_counts counts(token left, token right) const;
  // The same for the last token of `left` and the first of `right`.
  double association(std::string_view left, std::string_view right) const {
    return association(last_token(left), first_token(right));
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::uint32_t> left_count_, right_count_;
  std::unordered_map<std::uint64_t, std::uint32_t> pair_count_;
  std::uint64_t pairs_ = 0;
};

}  // namespace colreflow::detail
