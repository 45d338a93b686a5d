// Does the text on two sides of a line or block junction form one word?
// For CJK, ICU's dictionary word break decides, and the document's own
// character pairs back it up. (For Latin script, see text/words.hpp.)
#pragma once

#include <cstdint>  // uint8_t, uint64_t
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace colreflow::detail {

// True when ICU's dictionary segmentation of the CJK characters around the
// junction puts no word boundary at the junction: the line end cut a word.
// False when either side does not end/begin with a CJK ideograph.
bool cjk_word_spans(std::string_view left, std::string_view right);

// Pairs of adjacent ideographs inside the document's lines. A pair that a
// line junction would form, and that the document also writes unbroken,
// is evidence the junction is a true one (newspaper prose repeats its
// words: 公安, 工作).
class cjk_bigrams {
 public:
  explicit cjk_bigrams(const std::vector<line> &lines);
  // True when the last ideograph of `left` and the first of `right` occur
  // side by side somewhere inside a line.
  bool seen_across(std::string_view left, std::string_view right) const;
  bool seen(char32_t a, char32_t b) const;

 private:
  std::vector<std::uint64_t> pairs_;  // sorted, unique
};

// The junction evidence between every ordered pair of blocks (a's last
// line, b's first line), computed at once: one segmentation pass per left
// block rather than one per pair.
class junction_table {
 public:
  enum evidence : std::uint8_t {
    none,
    seen_pair,  // the document writes the two characters together elsewhere
    word,       // ICU's dictionary puts a word across the junction
  };
  // `wanted[a]`: whether junctions after block a are needed at all;
  // `wanted_right[b]`: whether block b may continue another block.
  junction_table(const std::vector<std::string_view> &tails,
                 const std::vector<std::string_view> &heads, const std::vector<bool> &wanted,
                 const std::vector<bool> &wanted_right, const cjk_bigrams &pairs);
  evidence at(std::size_t a, std::size_t b) const { return cells_[a * n_ + b]; }

 private:
  std::size_t n_;
  std::vector<evidence> cells_;
};

}  // namespace colreflow::detail
