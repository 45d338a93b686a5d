// Latin-script word evidence: the document's own vocabulary and a word list
// vouch that two pieces cut by a line-end hyphen make one word.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/document.hpp"
#include "text/lexicon.hpp"

namespace colreflow::detail {

// Lower-cased words of the document, for dehyphenation evidence. Words cut
// by a line-end hyphen are left out, so they cannot vouch for themselves.
class vocabulary {
 public:
  explicit vocabulary(const std::vector<line> &lines, const lexicon *known = nullptr);
  // The word occurs in the document (not cut by a line end).
  bool contains(std::string_view lower_word) const;
  // The word occurs in the document or in the word list.
  bool known(std::string_view lower_word) const;
  // The document writes `left` (in any case) and `right` (as given: its
  // first letter's case matters) joined by a hyphen inside a line:
  // has_compound("long", "term"), has_compound("baden", "Württemberg").
  bool has_compound(std::string_view left, std::string_view right) const;

 private:
  std::unordered_set<std::string> words_;
  std::unordered_set<std::string> compounds_;  // "lower-left-As-written"
  const lexicon *lexicon_;
};

// The word fragment ending `left` before its hyphen and the one starting
// `right`; empty when the line does not end with a letter and a hyphen.
struct hyphen_split {
  std::string left;   // "exam" in "exam-"
  std::string right;  // "ple" in "ple, and"
  bool valid() const { return !left.empty() && !right.empty(); }
};
hyphen_split split_at_hyphen(std::string_view left, std::string_view right);

std::string to_lower(std::string_view utf8);

// True when some line ends with a hyphen (trailing spaces aside).
bool has_hyphenated_line_end(const std::vector<line> &lines);

}  // namespace colreflow::detail
