// variant_gen.hpp - OCR-like variants of clean articles, with exact expected output.
//
// A clean article (tests/data/articles/*.txt, format in SOURCE.md there) is wrapped into
// narrow column lines, cut into column chunks, the chunks put in a wrong order the way
// OCR gets multi-column pages wrong, and (for Chinese) sprinkled with OCR spaces. The
// variant keeps the input text, the canonical txt rendering the library should give
// back, and the ground truth (true chunk order, chunk contents, line records).
//
//   auto art = colreflow::testgen::load_article("tests/data/articles/zh_traffic.txt");
//   colreflow::testgen::variant_options o;
//   o.kind = colreflow::testgen::perm_kind::tail_first;
//   o.seed = 42;
//   auto v = colreflow::testgen::make_variant(art, o);
//   // v.input -> colreflow::repair_text -> compare with v.expected
//
// Everything is deterministic: the generator has its own RNG (splitmix64) and never uses
// std:: distributions, so a seed gives the same bytes on every platform and library.
#pragma once

#include <cstdint>  // uint64_t
#include <string>
#include <string_view>
#include <vector>

namespace colreflow::testgen {

// ---------------------------------------------------------------- RNG

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for test inputs.
class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n); n > 0. Modulo bias is irrelevant for test generation.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  // Uniform in [lo, hi] (inclusive).
  int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
  // True with probability num/den.
  bool chance(int num, int den) { return below(static_cast<std::uint64_t>(den)) < static_cast<std::uint64_t>(num); }

 private:
  std::uint64_t state_;
};

// ---------------------------------------------------------------- articles

enum class unit_kind { byline, paragraph, subheading };

struct unit {
  unit_kind kind = unit_kind::paragraph;
  std::string text;
};

struct article {
  std::string name;  // file stem, e.g. "zh_traffic"
  std::string lang;  // "zh" or "en"
  std::vector<std::string> headline;  // 1-3 lines
  std::vector<unit> units;            // byline, paragraphs, subheadings in reading order
};

// Parses the article format; lang comes from the name prefix ("zh_" / "en_").
// Throws std::runtime_error on a malformed article.
article parse_article(std::string_view text, std::string name);
article load_article(const std::string &path);
// All zh_*.txt / en_*.txt in dir, sorted by name.
std::vector<article> load_articles(const std::string &dir);

// The canonical txt rendering: headline lines joined by "\n", then every unit separated
// by "\n\n", ending with one "\n".
std::string render_expected(const article &a);

// ---------------------------------------------------------------- variants

enum class perm_kind {
  identity,
  tail_first,       // last section's body first, its subheading stays at the end
  swap,             // two body columns swapped
  headline_middle,  // headline chunk after the first 1-3 body chunks
  tail_first_headline_middle,
  swap_headline_middle,
};
inline constexpr perm_kind all_kinds[] = {
    perm_kind::identity,        perm_kind::tail_first,
    perm_kind::swap,            perm_kind::headline_middle,
    perm_kind::tail_first_headline_middle, perm_kind::swap_headline_middle,
};
const char *kind_name(perm_kind k);

struct variant_options {
  perm_kind kind = perm_kind::identity;
  int width = 0;            // 0: drawn from the seed (zh 10-25, en 24-45)
  bool blank_lines = true;  // blank line between chunks; false: chunks cut at unit ends only
  bool noise = false;       // zh OCR spacing noise (ignored for en)
  std::uint64_t seed = 1;
};

// One wrapped line of the article, before permutation.
struct line_rec {
  std::string text;     // as it appears in the input (with noise and soft hyphen)
  std::string clean;    // the slice of the unit text this line carries (no noise, no soft hyphen)
  int unit = -1;        // index into article::units; -1 for a headline line
  unit_kind kind = unit_kind::paragraph;  // the unit's kind (headline lines: paragraph)
  bool first = false;   // first line of its unit
  bool last = false;    // last line of its unit
  bool soft_hyphen = false;  // en: a '-' was added at the end (word broken)
  bool hard_break = false;   // en: line ends after a real compound's hyphen ("well-")
};

struct chunk {
  std::vector<line_rec> lines;
  bool headline = false;
};

struct variant {
  std::string article_name;
  std::string lang;
  perm_kind kind = perm_kind::identity;
  int width = 0;
  bool blank_lines = true;
  bool noise = false;
  std::uint64_t seed = 0;
  bool tail_after_subheading = false;  // tail_first moved the body after the last subheading

  std::string input;     // the OCR-like text
  std::string expected;  // render_expected(article)

  std::vector<chunk> chunks;  // in true reading order; chunks[0] is the headline
  std::vector<int> order;     // order[i] = true index of the chunk at input position i

  // The chunk's clean text with all whitespace removed: a substring of the expected text
  // with whitespace removed. Used to measure block order in an output.
  std::string chunk_key(std::size_t true_index) const;
  // "zh_traffic kind=swap width=14 blank=1 noise=0 seed=42": for failure messages.
  std::string describe() const;
};

variant make_variant(const article &a, const variant_options &opts);

// Options drawn from a seed alone (kind, width, blank_lines, noise), for bulk runs.
variant_options options_from_seed(const article &a, std::uint64_t seed);

// ---------------------------------------------------------------- helpers shared by tests

// UTF-8 decoding (invalid bytes decode as U+FFFD, one byte each).
std::vector<char32_t> decode_utf8(std::string_view s);
std::string encode_utf8(const std::vector<char32_t> &cps);
std::string encode_utf8(char32_t cp);
bool is_space(char32_t c);  // Unicode White_Space subset seen in text (incl. U+3000)
std::string strip_whitespace(std::string_view s);

// Closing punctuation that may not start a line (kinsoku).
bool is_no_line_start(char32_t c);

}  // namespace colreflow::testgen
