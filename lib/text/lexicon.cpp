#include "text/lexicon.hpp"

#include <sys/stat.h>  // fstat

#include <algorithm>  // min
#include <cstdio>     // fopen, fread
#include <map>
#include <mutex>
#include <vector>

#include "text/words.hpp"  // to_lower

namespace colreflow::detail {

namespace {

// Word lists are a few megabytes at most; anything larger is not one.
constexpr std::size_t kMaxWords = 2'000'000;
constexpr std::size_t kMaxWordBytes = 64;

// FNV-1a, its high bits folded into the low ones the table's mask keeps.
constexpr std::uint64_t kHashBasis = 14695981039346656037u;
constexpr std::uint64_t kHashPrime = 1099511628211u;
std::uint64_t hash_step(std::uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * kHashPrime;
}
std::size_t hash_end(std::uint64_t h) { return static_cast<std::size_t>(h ^ (h >> 32)); }
std::size_t hash_of(std::string_view word) {
  std::uint64_t h = kHashBasis;
  for (char c : word) h = hash_step(h, c);
  return hash_end(h);
}

// Calls `each` with every line of `f` without its '\n' until it returns
// false. Reads in blocks: a line costs no call into stdio and no allocation.
template <class F>
void for_each_line(std::FILE *f, F &&each) {
  std::vector<char> block(1 << 16);
  std::string carry;  // a line cut by the block's end
  std::size_t n;
  while ((n = std::fread(block.data(), 1, block.size(), f)) > 0) {
    std::string_view rest(block.data(), n);
    for (std::size_t nl; (nl = rest.find('\n')) != std::string_view::npos;
         rest.remove_prefix(nl + 1)) {
      bool more;
      if (carry.empty()) {
        more = each(rest.substr(0, nl));
      } else {
        carry.append(rest.substr(0, nl));
        more = each(std::string_view(carry));
        carry.clear();
      }
      if (!more) return;
    }
    carry.append(rest);
  }
  if (!carry.empty()) each(std::string_view(carry));
}

}  // namespace

std::shared_ptr<const lexicon> lexicon::load(const std::string &path) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const lexicon>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(path); it != cache.end()) return it->second;
  std::shared_ptr<lexicon> out;
  if (std::FILE *f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
    out = std::make_shared<lexicon>();
    out->path_ = path;
  }
  cache.emplace(path, out);
  return out;
}

const lexicon::table &lexicon::words() const {
  std::call_once(read_once_, [this] { words_.read(path_); });
  return words_;
}

bool lexicon::contains(std::string_view lower_word) const { return words().contains(lower_word); }

std::size_t lexicon::size() const { return words().size(); }

// A file gone since load() gives no words, as an unreadable one did there.
void lexicon::table::read(const std::string &path) {
  std::FILE *f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return;
  // Sized from the file (wamerican-large: about 10 bytes a line) so the
  // table seldom grows while it fills.
  struct stat st {};
  const std::size_t bytes = ::fstat(fileno(f), &st) == 0 ? static_cast<std::size_t>(st.st_size) : 0;
  text_.reserve(std::min(bytes, kMaxWords * kMaxWordBytes));
  std::size_t slots = 1024;
  while (slots < std::min(bytes / 4, 2 * kMaxWords)) slots *= 2;
  slots_.resize(slots);
  for_each_line(f, [&](std::string_view word) {
    if (!word.empty() && word.back() == '\r') word.remove_suffix(1);
    if (!word.empty() && word.size() <= kMaxWordBytes) add(word);
    return size_ < kMaxWords;
  });
  std::fclose(f);
}

// Folds a line's word onto the end of text_ and keeps it there unless it
// is a possessive or already listed. One pass over the bytes checks, folds
// and hashes the ASCII words that make up nearly all of the list.
void lexicon::table::add(std::string_view word) {
  const std::size_t at = text_.size();
  text_.append(word);
  std::uint64_t h = kHashBasis;
  bool ascii = true;
  for (char *c = text_.data() + at, *end = text_.data() + text_.size(); c != end; ++c) {
    // Possessives ("Tuesday's") add nothing a rejoined word can use.
    if (*c == '\'') {
      text_.resize(at);
      return;
    }
    if ((*c & 0x80) != 0) {
      ascii = false;
      break;
    }
    if (*c >= 'A' && *c <= 'Z') *c = static_cast<char>(*c - 'A' + 'a');
    h = hash_step(h, *c);
  }
  std::size_t hash = hash_end(h);
  if (!ascii) {  // ICU folds the rest (and the apostrophe may come later)
    text_.resize(at);
    if (word.find('\'') != std::string_view::npos) return;
    text_ += to_lower(word);
    hash = hash_of(std::string_view(text_).substr(at));
  }
  const slot added{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(text_.size() - at)};
  const std::string_view lower = word_at(added);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = hash & mask;; k = (k + 1) & mask) {
    if (slots_[k].length == 0) {
      slots_[k] = added;
      break;
    }
    if (word_at(slots_[k]) == lower) {
      text_.resize(at);  // "Apple" and "apple" are one word
      return;
    }
  }
  if (++size_ * 2 > slots_.size()) grow();
}

void lexicon::table::grow() {
  std::vector<slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (slot s : old) {
    if (s.length == 0) continue;
    std::size_t k = hash_of(word_at(s)) & mask;
    while (slots_[k].length != 0) k = (k + 1) & mask;
    slots_[k] = s;
  }
}

bool lexicon::table::contains(std::string_view lower_word) const {
  if (lower_word.empty() || slots_.empty()) return false;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = hash_of(lower_word) & mask; slots_[k].length != 0; k = (k + 1) & mask)
    if (word_at(slots_[k]) == lower_word) return true;
  return false;
}

}  // namespace colreflow::detail
