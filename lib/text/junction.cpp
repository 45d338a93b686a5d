#include "text/junction.hpp"

#include <algorithm>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "text/chars.hpp"

namespace colreflow::detail {

namespace {

// Characters each side given to the segmenter: three decide as four did on
// every generated variant (variants_eval, 4,000 Chinese), at a quarter less
// dictionary segmentation.
constexpr int kContext = 3;

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
  std::size_t end = trim_end(left, left.size());
  char32_t a = end > 0 ? last_code_point(left, end) : 0, b = 0;
  for (std::size_t pos = 0; pos < right.size();) {
    b = next_code_point(right, pos);
    if (!is_space(b)) break;
  }
  return is_cjk(a) && is_cjk(b) && seen(a, b);
}

}  // namespace colreflow::detail
