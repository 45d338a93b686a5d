// English function words and the pairs of them no sentence puts side by
// side ("the of", "to or", "and but"): a closed class, so a short list
// covers it, and a junction that makes such a pair is almost surely false.
// Open-class words (nouns, verbs, adjectives) are never judged.
#pragma once

#include <cstdint>
#include <string_view>

namespace colreflow::detail {

enum class function_class : std::uint8_t {
  none,         // an open-class word, a number, or not English
  determiner,   // the, a, this, their …: a noun phrase must follow
  preposition,  // of, in, from …: its object must follow
  conjunction,  // and, or, but, nor: joins two like things
  modal,        // will, can, must …: a verb must follow
};

// The class of a lower-case word.
function_class function_class_of(std::string_view lower_word);

// Whether `right` cannot directly follow `left` in a sentence.
bool cannot_follow(function_class left, function_class right);

}  // namespace colreflow::detail
