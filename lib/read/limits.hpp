// Limits every reader shares: words per page (options::max_words).
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // SIZE_MAX
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "model/page.hpp"

namespace colreflow::detail {

// The words of a text as max_words counts them: each CJK character is a
// word of its own (CJK text does not space its words), and so is each run
// of other non-blank characters that holds a letter or a digit ("2024",
// "re-use"); punctuation alone ("，", "—") is no word. Stops counting
// past `stop_after`.
std::size_t count_words(std::string_view text, std::size_t stop_after = SIZE_MAX);

// Throw colreflow::error(status::limit) naming `source_name` when the lines
// hold more than `max_words` words (0: no limit).
void check_word_limit(const std::vector<line> &lines, const std::string &source_name,
                      std::size_t max_words);
void check_word_limit(const page &p, std::size_t max_words);

}  // namespace colreflow::detail
