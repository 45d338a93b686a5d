#include "text/lexicon.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <mutex>

#include "text/words.hpp"

namespace colreflow::detail {

namespace {

// Word lists are a few megabytes at most; anything larger is not one.
constexpr std::size_t kMaxWords = 2'000'000;
constexpr std::size_t kMaxWordBytes = 64;

}  // namespace

std::shared_ptr<const lexicon> lexicon::load(const std::string &path) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const lexicon>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(path); it != cache.end()) return it->second;
  std::shared_ptr<lexicon> out;
  std::ifstream in(path, std::ios::binary);
  if (in) {
    out = std::make_shared<lexicon>();
    std::string word;
    while (std::getline(in, word) && out->words_.size() < kMaxWords) {
      if (!word.empty() && word.back() == '\r') word.pop_back();
      // Possessives ("Tuesday's") add nothing a rejoined word can use.
      if (word.empty() || word.size() > kMaxWordBytes || word.find('\'') != std::string::npos)
        continue;
      // Most lines are ASCII: fold those directly, the rest through ICU.
      bool ascii = std::all_of(word.begin(), word.end(),
                               [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      if (ascii) {
        for (char &c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out->words_.insert(word);
      } else {
        out->words_.insert(to_lower(word));
      }
    }
  }
  cache.emplace(path, out);
  return out;
}

bool lexicon::contains(std::string_view lower_word) const {
  return words_.count(std::string(lower_word)) != 0;
}

}  // namespace colreflow::detail
