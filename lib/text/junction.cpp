#include "text/junction.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "text/chars.hpp"

namespace colreflow::detail {

namespace {

constexpr int kContext = 4;  // characters each side given to the segmenter

// Creating a dictionary break iterator costs far more than using one, so
// each thread keeps its own.
icu::BreakIterator *word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), err));
    if (U_FAILURE(err)) b.reset();
    return b;
  }();
  return it.get();
}

}  // namespace

namespace {

// The ideographs just before the end of `left` (a line end) and just after
// the start of `right`, skipping edge spaces; empty if another character
// stands at the junction.
icu::UnicodeString cjk_tail(std::string_view left) {
  icu::UnicodeString tail;
  std::size_t end = left.size();
  for (int n = 0; n < kContext && end > 0;) {
    std::size_t at = end;
    char32_t c = last_code_point(left, at);
    if (is_space(c) && n == 0) {
      end = at;
      continue;
    }
    if (!is_cjk(c)) break;
    tail.insert(0, static_cast<UChar32>(c));
    end = at;
    ++n;
  }
  return tail;
}

icu::UnicodeString cjk_head(std::string_view right) {
  icu::UnicodeString head;
  std::size_t pos = 0;
  for (int n = 0; n < kContext && pos < right.size();) {
    std::size_t at = pos;
    char32_t c = next_code_point(right, at);
    if (is_space(c) && n == 0) {
      pos = at;
      continue;
    }
    if (!is_cjk(c)) break;
    head.append(static_cast<UChar32>(c));
    pos = at;
    ++n;
  }
  return head;
}

}  // namespace

bool cjk_word_spans(std::string_view left, std::string_view right) {
  icu::BreakIterator *breaker = word_breaker();
  if (breaker == nullptr) return false;
  icu::UnicodeString tail = cjk_tail(left), head = cjk_head(right);
  if (tail.isEmpty() || head.isEmpty()) return false;
  icu::UnicodeString joined = tail + head;
  breaker->setText(joined);
  return !breaker->isBoundary(tail.length());
}

junction_table::junction_table(const std::vector<std::string_view> &tails,
                               const std::vector<std::string_view> &heads,
                               const std::vector<bool> &wanted,
                               const std::vector<bool> &wanted_right, const cjk_bigrams &pairs)
    : n_(tails.size()), cells_(n_ * n_, none) {
  icu::BreakIterator *breaker = word_breaker();
  std::vector<icu::UnicodeString> head_context(n_);
  for (std::size_t b = 0; b < n_; ++b) head_context[b] = cjk_head(heads[b]);
  std::vector<std::pair<std::size_t, int32_t>> junctions;  // (b, offset)
  for (std::size_t a = 0; a < n_; ++a) {
    if (!wanted[a]) continue;
    icu::UnicodeString tail = cjk_tail(tails[a]);
    if (tail.isEmpty()) continue;
    for (std::size_t b = 0; b < n_; ++b)
      if (b != a && wanted_right[b] && !head_context[b].isEmpty() &&
          pairs.seen(tail.char32At(tail.length() - 1), head_context[b].char32At(0)))
        cells_[a * n_ + b] = seen_pair;
    if (breaker == nullptr) continue;
    // One segmentation pass for the whole row: every candidate junction
    // side by side, parted by a full stop that no word crosses.
    icu::UnicodeString text;
    junctions.clear();
    for (std::size_t b = 0; b < n_; ++b) {
      if (b == a || !wanted_right[b] || head_context[b].isEmpty()) continue;
      text += tail;
      junctions.emplace_back(b, text.length());
      text += head_context[b];
      text += static_cast<UChar>(0x3002);
    }
    if (junctions.empty()) continue;
    // Walk the boundaries once; junction offsets ascend, so merge.
    breaker->setText(text);
    std::size_t k = 0;
    for (int32_t at = breaker->first(); at != icu::BreakIterator::DONE && k < junctions.size();
         at = breaker->next()) {
      while (k < junctions.size() && junctions[k].second < at) {
        cells_[a * n_ + junctions[k].first] = word;  // passed over: no boundary there
        ++k;
      }
      if (k < junctions.size() && junctions[k].second == at) ++k;
    }
  }
}

std::string to_lower(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

namespace {

// Splits `text` into runs of letters (apostrophes and inner hyphens kept
// out): the units the vocabulary counts.
template <typename Fn>
void for_each_word(std::string_view text, Fn &&fn) {
  std::size_t pos = 0, start = std::string_view::npos;
  while (pos <= text.size()) {
    std::size_t at = pos;
    char32_t c = pos < text.size() ? next_code_point(text, pos) : 0;
    if (pos == at) ++pos;
    bool letter = c != 0 && is_letter(c) && !is_cjk(c);
    if (letter && start == std::string_view::npos) start = at;
    if (!letter && start != std::string_view::npos) {
      fn(text.substr(start, at - start), at);
      start = std::string_view::npos;
    }
  }
}

}  // namespace

bool has_hyphenated_line_end(const std::vector<line> &lines) {
  for (const line &l : lines) {
    std::size_t end = l.text.size();
    while (end > 0) {
      std::size_t at = end;
      char32_t c = last_code_point(l.text, at);
      if (is_hyphen(c)) return true;
      if (!is_space(c)) break;
      end = at;
    }
  }
  return false;
}

vocabulary::vocabulary(const std::vector<line> &lines, const lexicon *known)
    : lexicon_(known) {
  // The vocabulary only ever judges words cut by a line-end hyphen.
  if (!has_hyphenated_line_end(lines)) return;
  for (const line &l : lines) {
    std::string_view text = l.text;
    // Whitespace-separated tokens with a hyphen between letters are
    // compounds the document spells with a hyphen.
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find_first_of(" \t", start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view token = text.substr(start, end - start);
      std::size_t first = 0, last = token.size();
      while (first < last && !std::isalpha(static_cast<unsigned char>(token[first])) &&
             static_cast<unsigned char>(token[first]) < 0x80) ++first;
      while (last > first && !std::isalpha(static_cast<unsigned char>(token[last - 1])) &&
             static_cast<unsigned char>(token[last - 1]) < 0x80) --last;
      std::string_view core = token.substr(first, last - first);
      if (core.find('-') != std::string_view::npos) compounds_.insert(to_lower(core));
      start = end + 1;
    }
    for_each_word(text, [&](std::string_view word, std::size_t end) {
      // A fragment cut by the line-end hyphen is not evidence of a word.
      std::size_t rest = end;
      bool cut = false;
      if (rest < text.size() && is_hyphen(next_code_point(text, rest))) {
        cut = text.find_first_not_of(" \t\r", rest) == std::string_view::npos;
      }
      if (!cut) words_.insert(to_lower(word));
    });
  }
}

bool vocabulary::contains(std::string_view lower_word) const {
  return words_.count(std::string(lower_word)) != 0;
}

bool vocabulary::known(std::string_view lower_word) const {
  return contains(lower_word) || (lexicon_ != nullptr && lexicon_->contains(lower_word));
}

bool vocabulary::has_compound(std::string_view lower_compound) const {
  return compounds_.count(std::string(lower_compound)) != 0;
}

hyphen_split split_at_hyphen(std::string_view left, std::string_view right) {
  hyphen_split out;
  std::size_t end = left.size();
  while (end > 0) {
    std::size_t at = end;
    if (!is_space(last_code_point(left, at))) break;
    end = at;
  }
  std::size_t at = end;
  if (end == 0 || !is_hyphen(last_code_point(left, at))) return out;
  std::size_t word_end = at, word_start = at;
  while (word_start > 0) {
    std::size_t p = word_start;
    char32_t c = last_code_point(left, p);
    if (!is_letter(c) || is_cjk(c)) break;
    word_start = p;
  }
  if (word_start == word_end) return out;
  std::size_t pos = 0;
  while (pos < right.size()) {
    std::size_t p = pos;
    if (!is_space(next_code_point(right, p))) break;
    pos = p;
  }
  std::size_t r_start = pos;
  while (pos < right.size()) {
    std::size_t p = pos;
    char32_t c = next_code_point(right, p);
    if (!is_letter(c) || is_cjk(c)) break;
    pos = p;
  }
  if (pos == r_start) return out;
  out.left = std::string(left.substr(word_start, word_end - word_start));
  out.right = std::string(right.substr(r_start, pos - r_start));
  return out;
}

}  // namespace colreflow::detail

namespace colreflow::detail {

namespace {

std::uint64_t pair_key(char32_t a, char32_t b) {
  return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
}

}  // namespace

cjk_bigrams::cjk_bigrams(const std::vector<line> &lines) {
  for (const line &l : lines) {
    std::string_view text = l.text;
    char32_t prev = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      char32_t c = next_code_point(text, pos);
      if (is_space(c)) continue;  // OCR spaces inside a line do not part words
      if (is_cjk(c) && is_cjk(prev)) pairs_.push_back(pair_key(prev, c));
      prev = c;
    }
  }
  std::sort(pairs_.begin(), pairs_.end());
  pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
}

bool cjk_bigrams::seen(char32_t a, char32_t b) const {
  return std::binary_search(pairs_.begin(), pairs_.end(), pair_key(a, b));
}

bool cjk_bigrams::seen_across(std::string_view left, std::string_view right) const {
  std::size_t end = left.size();
  char32_t a = 0, b = 0;
  while (end > 0) {
    a = last_code_point(left, end);
    if (!is_space(a)) break;
  }
  for (std::size_t pos = 0; pos < right.size();) {
    b = next_code_point(right, pos);
    if (!is_space(b)) break;
  }
  return is_cjk(a) && is_cjk(b) && seen(a, b);
}

}  // namespace colreflow::detail
