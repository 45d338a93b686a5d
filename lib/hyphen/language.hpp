// Which languages a Latin-script text is written in, from its own
// statistics: letters only some languages use (ß, ä ö ü, ſ; é è ç œ) and
// the share of each language's commonest function words. Used to choose
// the Hunspell dictionaries; never from document names or metadata.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace colreflow::detail {

// ISO 639-1 codes ("de", "en", "fr"), most frequent first, of every
// language that accounts for a fair share of the text's evidence. Empty
// when the text gives too little to tell.
std::vector<std::string> guess_languages(const std::vector<line> &lines);
std::vector<std::string> guess_languages(std::string_view text);

}  // namespace colreflow::detail
