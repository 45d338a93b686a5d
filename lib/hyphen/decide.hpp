// The decision at a line end cut by a hyphen: remove the hyphen and join,
// keep it and join (a compound cut at its own hyphen), or keep it and join
// with a space (a suspended compound: "Ein- und Ausgang").
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "hyphen/dictionary.hpp"
#include "hyphen/line_end.hpp"
#include "text/words.hpp"

namespace colreflow::detail {

enum class cut_action { remove_hyphen, keep_hyphen, keep_hyphen_space };

struct cut_decision {
  cut_action action = cut_action::remove_hyphen;
  std::string cue;          // the evidence, for the repair log
  double confidence = 0.5;  // 0..1
};

// Evidence beyond the two lines: the document's own words (and through it
// the optional word list) and the Hunspell dictionaries for its languages.
struct cut_evidence {
  const vocabulary *document = nullptr;
  std::vector<std::shared_ptr<const dictionary>> dictionaries;
};

// Decides one cut (see find_cut). The cues, strongest first: a soft hyphen;
// a conjunction after the hyphen (suspended compound); digits on either
// side; a capital after a lower-case letter, or an acronym, before it; the
// joined or hyphenated spelling elsewhere in the document; the joined word
// in a dictionary; both parts, but not the joined word, in one. Without any,
// the hyphen is removed with low confidence: in running text most line-end
// hyphens are the typesetter's.
cut_decision decide_cut(const cut_word &cut, const cut_evidence &evidence);

// True when `word` (as printed) is a word of any of the dictionaries, in
// its modern spelling.
bool in_dictionaries(std::span<const std::shared_ptr<const dictionary>> dictionaries,
                     std::string_view word);

}  // namespace colreflow::detail
