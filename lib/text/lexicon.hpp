// A word list from outside the document (Debian's /usr/share/dict), the
// second source of evidence that a hyphenated line end was one word.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

namespace colreflow::detail {

class lexicon {
 public:
  // Loads (once per path, shared by all documents and threads) the lower-
  // cased words of a file with one word a line. A missing or unreadable
  // file gives null: the lexicon is optional evidence, not a requirement.
  static std::shared_ptr<const lexicon> load(const std::string &path);

  bool contains(std::string_view lower_word) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

}  // namespace colreflow::detail
