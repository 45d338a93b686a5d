#include "hyphen/language.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "text/chars.hpp"
#include "text/words.hpp"

namespace colreflow::detail {

namespace {

struct profile {
  const char *code;
  // The commonest short function words: in any running text of the
  // language they make up a tenth or more of the words.
  std::array<std::string_view, 16> function_words;
};

// Function words shared by two languages ("die" in English, "in" in all
// three) are left out: each word votes for one language.
constexpr std::array<profile, 3> kProfiles = {{
    {"de",
     {"der", "und", "das", "den", "des", "dem", "nicht", "ist", "mit", "sich", "auf", "ein", "eine",
      "von", "zu", "wird"}},
    {"en",
     {"the", "and", "of", "to", "is", "that", "was", "for", "with", "which", "this", "are", "be",
      "by", "have", "from"}},
    {"fr",
     {"le", "la", "les", "et", "des", "du", "une", "est", "que", "qui", "dans", "pour", "par", "au",
      "sur", "pas"}},
}};

// Letters that mark one language: ß, ſ and umlauts German; é, è, ç, œ, à French.
int marked_language(char32_t c) {
  switch (c) {
    case U'ß':
    case U'ſ':
    case U'ä':
    case U'ö':
    case U'ü':
    case U'Ä':
    case U'Ö':
    case U'Ü':
      return 0;
    case U'é':
    case U'è':
    case U'ê':
    case U'ç':
    case U'œ':
    case U'à':
    case U'É':
      return 2;
    default:
      return -1;
  }
}

}  // namespace

std::vector<std::string> guess_languages(std::string_view text) {
  std::array<double, kProfiles.size()> votes{};
  std::size_t words = 0;
  std::size_t pos = 0, start = std::string_view::npos;
  auto word_done = [&](std::string_view w) {
    ++words;
    if (w.size() > 6) return;
    std::string lower = to_lower(w);
    for (std::size_t k = 0; k < kProfiles.size(); ++k)
      if (std::find(kProfiles[k].function_words.begin(), kProfiles[k].function_words.end(),
                    lower) != kProfiles[k].function_words.end())
        votes[k] += 1;
  };
  // ASCII letters found once by the same test: a look-up per byte costs
  // less than the calls (no ASCII character marks a language).
  static const std::array<bool, 128> ascii_letter = [] {
    std::array<bool, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = c != 0 && is_letter(c) && !is_cjk(c);
    return t;
  }();
  while (pos <= text.size()) {
    std::size_t at = pos;
    bool letter;
    if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
      letter = ascii_letter[static_cast<unsigned char>(text[pos++])];
    } else {
      char32_t c = pos < text.size() ? next_code_point(text, pos) : 0;
      if (pos == at) ++pos;
      if (int m = marked_language(c); m >= 0) votes[static_cast<std::size_t>(m)] += 0.2;
      letter = c != 0 && is_letter(c) && !is_cjk(c);
    }
    if (letter && start == std::string_view::npos) start = at;
    if (!letter && start != std::string_view::npos) {
      word_done(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  double total = 0;
  for (double v : votes) total += v;
  // Too few function words to tell (a list, a table, a few words).
  if (total < 3 || total < 0.03 * static_cast<double>(words)) return {};
  std::vector<std::size_t> idx;
  for (std::size_t k = 0; k < kProfiles.size(); ++k)
    if (votes[k] >= 3 && votes[k] >= 0.15 * total) idx.push_back(k);
  std::sort(idx.begin(), idx.end(),
            [&](std::size_t a, std::size_t b) { return votes[a] > votes[b]; });
  std::vector<std::string> out;
  for (std::size_t k : idx) out.emplace_back(kProfiles[k].code);
  return out;
}

std::vector<std::string> guess_languages(const std::vector<line> &lines) {
  std::string all;
  for (const line &l : lines) {
    all += l.text;
    all += '\n';
  }
  return guess_languages(all);
}

}  // namespace colreflow::detail
