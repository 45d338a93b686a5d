// A word list from outside the document (Debian's /usr/share/dict), the
// second source of evidence that a hyphenated line end was one word.
#pragma once

#include <cstdint>  // uint32_t
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace colreflow::detail {

class lexicon {
 public:
  // Loads (once per path, shared by all documents and threads) the lower-
  // cased words of a file with one word a line. A missing or unreadable
  // file gives null: the lexicon is optional evidence, not a requirement.
  static std::shared_ptr<const lexicon> load(const std::string &path);

  bool contains(std::string_view lower_word) const;
  std::size_t size() const { return size_; }

 private:
  // A word's bytes in text_; length 0 marks an empty slot.
  struct slot {
    std::uint32_t at = 0;
    std::uint32_t length = 0;
  };

  void insert(std::string_view lower_word);
  void grow();
  std::string_view word_at(slot s) const { return {text_.data() + s.at, s.length}; }

  // Every word once, lower-cased, end to end: one allocation for the list
  // (a set of 170,000 strings cost more to build than a page's repair).
  std::string text_;
  std::vector<slot> slots_;  // open addressing, linear probing; size a power of two
  std::size_t size_ = 0;
};

}  // namespace colreflow::detail
