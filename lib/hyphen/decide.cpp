#include "hyphen/decide.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

#include "text/chars.hpp"

namespace colreflow::detail {

namespace {

char32_t first_of(std::string_view s) {
  std::size_t pos = 0;
  return s.empty() ? 0 : next_code_point(s, pos);
}

char32_t last_of(std::string_view s) {
  std::size_t pos = s.size();
  return s.empty() ? 0 : last_code_point(s, pos);
}

std::size_t letters_in(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size();) n += is_letter(next_code_point(s, pos)) ? 1 : 0;
  return n;
}

bool all_upper(std::string_view s) {
  bool any = false;
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t c = next_code_point(s, pos);
    if (is_lower(c)) return false;
    any = any || is_upper(c);
  }
  return any;
}

// Conjunctions and prepositions that follow the first part of a suspended
// compound: "Ein- und Ausgang", "pre- and post-war", "Vor- bzw. Nachteil",
// "Ein- bis Zweifamilienhäuser", "first- to third-grade", "anti- et pro-".
bool joins_suspended(std::string_view lower) {
  static constexpr std::array<std::string_view, 17> kWords = {
      "und", "oder", "bzw", "beziehungsweise", "sowie", "bis", "noch", "wie", "resp", "and",
      "or",  "nor",  "to",  "versus",          "et",    "ou",  "ni"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

std::string dictionary_name(const std::vector<std::shared_ptr<const dictionary>> &dicts,
                            std::string_view word) {
  for (const auto &d : dicts)
    if (d->knows(word)) {
      const std::string &base = d->base();
      return base.substr(base.rfind('/') + 1);
    }
  return {};
}

// Both parts are words of a language that writes compounds open or
// hyphenated (English, French): "well-known", "follow-up". In capitals,
// two-letter parts are too often abbreviations or misread letters.
bool parts_are_words(const std::vector<std::shared_ptr<const dictionary>> &dicts,
                     std::string_view left, std::string_view right) {
  const std::size_t shortest = all_upper(left) && all_upper(right) ? 3 : 2;
  if (letters_in(left) < shortest || letters_in(right) < shortest) return false;
  // Only the main language's dictionary (the first): in a German page
  // quoting Italian, French short words are everywhere.
  if (dicts.empty() || dicts.front()->closed_compounds()) return false;
  const dictionary &d = *dicts.front();
  return d.knows(modern_spelling(left)) && d.knows(modern_spelling(right));
}

}  // namespace

bool in_dictionaries(std::span<const std::shared_ptr<const dictionary>> dictionaries,
                     std::string_view word) {
  const std::string modern = modern_spelling(word);
  for (const auto &d : dictionaries)
    if (d->knows(modern)) return true;
  return false;
}

cut_decision decide_cut(const cut_word &cut, const cut_evidence &evidence) {
  using enum cut_action;
  if (cut.mark == U'\u00AD') return {remove_hyphen, "soft hyphen (U+00AD) at the line end", 0.97};
  if (cut.right.empty()) {
    // A mark that OCR put before the rest of a word the dictionary knows.
    const std::string past = cut.left + cut.right_past_marks;
    if (!cut.right_past_marks.empty() &&
        (in_dictionaries(evidence.dictionaries, past) ||
         (evidence.document && evidence.document->known(to_lower(past)))))
      return {remove_hyphen,
              fmt::format("\"{}\" is a word once the marks opening the next line are passed", past),
              0.6};
    return {keep_hyphen_space, "the next line opens with no word to join", 0.4};
  }

  const std::string joined = cut.left + cut.right;
  const std::string lower_joined = to_lower(joined);
  const std::string lower_compound = to_lower(cut.left) + "-" + cut.right;
  const std::string modern_joined = modern_spelling(joined);
  const vocabulary *doc = evidence.document;
  const bool doc_joined = doc != nullptr && doc->contains(lower_joined);
  const bool doc_compound = doc != nullptr && doc->has_compound(cut.left, cut.right);
  // Hunspell is by far the dearest evidence (a German miss tries compounds):
  // asked only when the document's own spelling leaves the cut open.
  std::optional<std::string> dict_joined;
  auto dictionary_joined = [&]() -> const std::string & {
    if (!dict_joined) dict_joined = dictionary_name(evidence.dictionaries, modern_joined);
    return *dict_joined;
  };
  auto list_joined = [&] { return doc != nullptr && !doc_joined && doc->known(lower_joined); };
  auto joined_known = [&] { return doc_joined || !dictionary_joined().empty() || list_joined(); };

  // A conjunction with a word after it: the hyphen stands for the part the
  // compounds share.
  const std::string lower_right = to_lower(cut.right);
  if (joins_suspended(lower_right) && cut.right_more && !joined_known() &&
      (cut.after_right.empty() || cut.after_right == "."))
    return {keep_hyphen_space,
            fmt::format("\"{}\" after the hyphen: a suspended compound", cut.right), 0.9};

  if (cut.abbreviation)
    return {keep_hyphen, "an abbreviation before the hyphen: \"Dr.-Ing.\"", 0.85};
  const char32_t l_last = last_of(cut.left), r_first = first_of(cut.right);
  if (is_digit(l_last) || is_digit(r_first))
    return {keep_hyphen, "a digit next to the hyphen: a number range or compound", 0.85};
  if (is_lower(l_last) && is_upper(r_first))
    return {keep_hyphen, "a capital after the hyphen: two words joined by a hyphen", 0.9};
  if (all_upper(cut.left) && letters_in(cut.left) >= 2 && is_lower(r_first))
    return {keep_hyphen, "an acronym before the hyphen", 0.8};
  if (letters_in(cut.left) == 1 && cut.left_token.size() == cut.left.size())
    return {keep_hyphen, "one letter before the hyphen: hyphenation leaves at least two", 0.7};

  // The document's own spelling.
  if (doc_compound && !doc_joined)
    return {keep_hyphen, fmt::format("\"{}\" occurs hyphenated in the document", lower_compound),
            0.9};
  if (doc_joined && !doc_compound)
    return {remove_hyphen, fmt::format("\"{}\" occurs unhyphenated in the document", lower_joined),
            0.9};
  // Both spellings: the hyphen set inside a line was set on purpose.
  if (doc_joined && doc_compound)
    return {keep_hyphen,
            fmt::format("\"{}\" occurs both hyphenated and joined in the document", lower_compound),
            0.6};

  // The lexicons.
  if (!dictionary_joined().empty())
    return {remove_hyphen,
            fmt::format("\"{}\" is in the {} dictionary", modern_joined, dictionary_joined()),
            0.85};
  if (list_joined())
    return {remove_hyphen, fmt::format("\"{}\" is in the word list", lower_joined), 0.8};
  if (parts_are_words(evidence.dictionaries, cut.left, cut.right))
    return {keep_hyphen,
            fmt::format("\"{}\" and \"{}\" are words, \"{}\" is not", cut.left, cut.right, joined),
            0.7};

  if (cut.mark == U'¬' || cut.mark == U'=')
    return {remove_hyphen, "an old print's line-break hyphen, no evidence of a compound", 0.7};
  return {remove_hyphen, "no evidence of a compound; most line-end hyphens are line breaks", 0.5};
}

}  // namespace colreflow::detail
