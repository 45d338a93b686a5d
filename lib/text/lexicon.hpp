// A word list from outside the document (Debian's /usr/share/dict), the
// second source of evidence that a hyphenated line end was one word.
#pragma once

#include <cstdint>  // uint32_t
#include <memory>
#include <mutex>  // once_flag
#include <string>
#include <string_view>
#include <vector>

namespace colreflow::detail {

class lexicon {
 public:
  // The lower-cased words of a file with one word a line, once per path,
  // shared by all documents and threads. A file that cannot be opened gives
  // null: the lexicon is optional evidence, not a requirement. The words
  // are read at the first question: most pages with a hyphenated line end
  // never ask (the document or Hunspell settles every cut), and reading
  // the list costs more than repairing a page.
  static std::shared_ptr<const lexicon> load(const std::string &path);

  bool contains(std::string_view lower_word) const;
  std::size_t size() const;

 private:
  // Every word once, lower-cased, end to end in one buffer, found through
  // an open-addressing table of offsets: a set of 170,000 strings cost
  // more to build (and to free at exit) than a page's repair.
  class table {
   public:
    void read(const std::string &path);
    bool contains(std::string_view lower_word) const;
    std::size_t size() const { return size_; }

   private:
    struct slot {  // a word's bytes in text_; length 0 marks an empty slot
      std::uint32_t at = 0;
      std::uint32_t length = 0;
    };
    void add(std::string_view word);
    void grow();
    std::string_view word_at(slot s) const { return {text_.data() + s.at, s.length}; }

    std::string text_;
    std::vector<slot> slots_;  // linear probing; size a power of two
    std::size_t size_ = 0;
  };

  const table &words() const;

  std::string path_;
  mutable std::once_flag read_once_;
  mutable table words_;  // filled once, under read_once_
};

}  // namespace colreflow::detail
