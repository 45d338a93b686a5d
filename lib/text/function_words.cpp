#include "text/function_words.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace colreflow::detail {

namespace {

struct entry {
  std::string_view word;
  function_class kind;
};

// Only words of one class in nearly every use: "that", "this", "each",
// "her" and "his" (also pronouns), "to" (also the infinitive mark), "as"
// and "up", "can" and "may" (a noun, a month) are left out.
constexpr entry kUnsorted[] = {
    {"a", function_class::determiner},      {"an", function_class::determiner},
    {"the", function_class::determiner},    {"its", function_class::determiner},
    {"their", function_class::determiner},  {"our", function_class::determiner},
    {"your", function_class::determiner},   {"my", function_class::determiner},
    {"every", function_class::determiner},  {"of", function_class::preposition},
    {"in", function_class::preposition},    {"into", function_class::preposition},
    {"onto", function_class::preposition},  {"from", function_class::preposition},
    {"with", function_class::preposition},  {"without", function_class::preposition},
    {"at", function_class::preposition},    {"for", function_class::preposition},
    {"by", function_class::preposition},    {"among", function_class::preposition},
    {"through", function_class::preposition}, {"upon", function_class::preposition},
    {"within", function_class::preposition}, {"during", function_class::preposition},
    {"against", function_class::preposition}, {"and", function_class::conjunction},
    {"or", function_class::conjunction},    {"but", function_class::conjunction},
    {"nor", function_class::conjunction},   {"will", function_class::modal},
    {"would", function_class::modal},       {"could", function_class::modal},
    {"should", function_class::modal},      {"must", function_class::modal},
    {"might", function_class::modal},       {"shall", function_class::modal},
    {"cannot", function_class::modal},
};

constexpr auto kWords = [] {
  std::array<entry, std::size(kUnsorted)> words{};
  std::copy(std::begin(kUnsorted), std::end(kUnsorted), words.begin());
  std::sort(words.begin(), words.end(),
            [](const entry &x, const entry &y) { return x.word < y.word; });
  return words;
}();

}  // namespace

function_class function_class_of(std::string_view lower_word) {
  auto it = std::lower_bound(kWords.begin(), kWords.end(), lower_word,
                             [](const entry &e, std::string_view w) { return e.word < w; });
  return it != kWords.end() && it->word == lower_word ? it->kind : function_class::none;
}

bool cannot_follow(function_class left, function_class right) {
  using enum function_class;
  if (left == none || right == none) return false;
  switch (left) {
    // A determiner or a preposition still wants its noun: a preposition
    // may be followed by a determiner ("of the") or coordinated with
    // another ("with or without"), nothing else of these.
    case determiner: return true;
    case preposition: return right != determiner && right != conjunction;
    // "and the", "or in", "and will" are fine; two conjunctions are not.
    case conjunction: return right == conjunction;
    // A modal wants its verb ("will be"), not a function word.
    case modal: return right != none;
    case none: break;
  }
  return false;
}

}  // namespace colreflow::detail
