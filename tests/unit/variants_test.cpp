// variants_test.cpp - the library on generated OCR-like variants of clean articles.
//
// Every variant (tests/gen/variant_gen.hpp) goes through the txt pipeline and is
// checked for (a) conservation (tests/support/invariants.hpp), (b) zh: no stray whitespace inside a paragraph, and
// (c) exactness against the canonical rendering, (d) block order. (a) must hold on every
// variant; (b), (c) and (d) are measured and held to bounds set from measurements.
#include <doctest/doctest.h>

#include <algorithm>  // find_if
#include <cstdio>  // snprintf
#include <map>
#include <string>
#include <vector>

#include "colreflow/colreflow.hpp"
#include "gen/checks.hpp"
#include "gen/variant_gen.hpp"
#include "support/invariants.hpp"

#if !defined(CRF_ARTICLES_DIR) && defined(CRF_SOURCE_DIR)
#define CRF_ARTICLES_DIR CRF_SOURCE_DIR "/tests/data/articles"
#elif !defined(CRF_ARTICLES_DIR)
#define CRF_ARTICLES_DIR "tests/data/articles"
#endif

namespace tg = colreflow::testgen;

namespace {

// Exactness floors: the fraction of variants whose output equals the expected text
// byte for byte. Raise them as the library improves; they were set from measurements
// (see the commit log) minus a small margin.
constexpr double kZhExactFloor = 0.30;  // measured 0.325 (78/240), 2026-11-30
constexpr double kEnExactFloor = 0.07;  // measured 0.083 (10/120)
// Block order right (every true chunk found, in true order), per language,
// over all kinds and over the kinds with one misreading each (identity,
// tail first, headline in the middle). Swapped columns are often not
// recoverable from text alone, and whole paragraphs swapped with no blank
// line never are; they are measured, not required.
constexpr double kZhOrderFloor = 0.62;        // measured 0.654 (157/240)
constexpr double kEnOrderFloor = 0.61;        // measured 0.642 (77/120), was 0.608
constexpr double kZhSingleOrderFloor = 0.88;  // measured 0.917 (110/120)
constexpr double kEnSingleOrderFloor = 0.92;  // measured 0.950 (57/60)
// The issue asks for no stray whitespace in any zh paragraph: none of
// these 240 has any (variants_eval over 1000: 4 of 500 still do).
constexpr int kZhSpacingMaxFailures = 0;  // measured 0/240, 2026-11-30

// How many failing variants are printed in full per check; the rest are counted.
constexpr int kMaxPrinted = 10;

struct tally {
  int count = 0;
  int exact = 0;
  int ordered = 0;
};

bool single_misreading(tg::perm_kind k) {
  return k == tg::perm_kind::identity || k == tg::perm_kind::tail_first ||
         k == tg::perm_kind::headline_middle;
}

std::vector<tg::variant> make_all() {
  const std::vector<tg::article> arts = tg::load_articles(CRF_ARTICLES_DIR);
  std::vector<tg::variant> vs;
  std::uint64_t seed = 0x1234;
  int zh_w = 0, en_w = 0;  // cycle through every width
  for (const tg::article &a : arts) {
    const bool zh = a.lang == "zh";
    for (tg::perm_kind k : tg::all_kinds)
      for (int blank = 0; blank < 2; ++blank)
        for (int noise = 0; noise < (zh ? 2 : 1); ++noise)
          for (int rep = 0; rep < 2; ++rep) {
            tg::variant_options o;
            o.kind = k;
            o.blank_lines = blank != 0;
            o.noise = noise != 0;
            o.seed = seed++;
            o.width = zh ? 10 + (zh_w++ % 16) : 24 + (en_w++ % 22);
            vs.push_back(tg::make_variant(a, o));
          }
  }
  return vs;
}

std::string pct(int num, int den) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%5.1f%%", den ? 100.0 * num / den : 0.0);
  return buf;
}

}  // namespace

TEST_CASE("generated variants: conservation, zh spacing, exactness") {
  const std::vector<tg::variant> vs = make_all();
  REQUIRE(vs.size() >= 300);

  std::map<std::string, tally> by_cat;  // "zh tail_first blank=1"
  std::map<std::string, tally> by_lang;
  int conservation_failures = 0, spacing_failures = 0, errors = 0, printed_exact = 0;

  for (const tg::variant &v : vs) {
    std::string got, conservation;
    try {
      // The same pipeline as colreflow::repair_text(input, format::txt), kept as a
      // document so that conservation can count the repair log's dehyphenations.
      const colreflow::document doc = colreflow::document::from_text(v.input);
      got = doc.render(colreflow::format::txt);
      conservation = colreflow::test::check_conservation(v.input, doc);
    } catch (const std::exception &e) {
      if (errors++ < kMaxPrinted) FAIL_CHECK(v.describe() << ": threw: " << e.what());
      continue;
    }
    if (const std::string &m = conservation; !m.empty()) {
      if (conservation_failures++ < kMaxPrinted)
        FAIL_CHECK(v.describe() << ": conservation: " << m << "\n  " << tg::first_diff(v.expected, got));
    }
    if (v.lang == "zh") {
      if (const std::string m = tg::check_zh_spacing(got, v.expected); !m.empty()) {
        if (spacing_failures++ < kMaxPrinted) MESSAGE(v.describe() << ": zh spacing: " << m);
      }
    }
    const bool exact = got == v.expected;
    const bool ordered = tg::chunk_order_right(v, got);
    if (!exact && printed_exact++ < 3) MESSAGE("not exact: " << v.describe() << "\n  " << tg::first_diff(v.expected, got));
    const std::string cat = v.lang + " " + tg::kind_name(v.kind) + " blank=" + (v.blank_lines ? "1" : "0");
    std::vector<tally *> tallies = {&by_cat[cat], &by_lang[v.lang], &by_lang["all"]};
    if (single_misreading(v.kind)) tallies.push_back(&by_lang[v.lang + " single"]);
    for (tally *t : tallies) {
      ++t->count;
      t->exact += exact;
      t->ordered += ordered;
    }
  }

  std::string table = "exactly right and block order right, per category:\n";
  for (const auto &[cat, t] : by_cat)
    table += "  " + cat + std::string(cat.size() < 40 ? 40 - cat.size() : 1, ' ') + pct(t.exact, t.count) +
             "  (" + std::to_string(t.exact) + "/" + std::to_string(t.count) + ")  order " +
             pct(t.ordered, t.count) + "\n";
  for (const auto &[lang, t] : by_lang)
    table += "  " + lang + std::string(40 - lang.size(), ' ') + pct(t.exact, t.count) + "  (" +
             std::to_string(t.exact) + "/" + std::to_string(t.count) + ")\n";
  for (const auto &[lang, t] : by_lang)
    table += "  block order right, " + lang + ": " + pct(t.ordered, t.count) + "  (" +
             std::to_string(t.ordered) + "/" + std::to_string(t.count) + ")\n";
  MESSAGE(table);

  CHECK_MESSAGE(errors == 0, errors << " variants threw");
  CHECK_MESSAGE(conservation_failures == 0, conservation_failures << " of " << vs.size() << " variants lost or invented text");
  CHECK_MESSAGE(spacing_failures <= kZhSpacingMaxFailures,
                spacing_failures << " zh variants kept whitespace inside a paragraph");
  const double zh = by_lang["zh"].count ? double(by_lang["zh"].exact) / by_lang["zh"].count : 0.0;
  const double en = by_lang["en"].count ? double(by_lang["en"].exact) / by_lang["en"].count : 0.0;
  CHECK(by_lang["zh"].count >= 100);
  CHECK(by_lang["en"].count >= 100);
  CHECK(zh >= kZhExactFloor);
  CHECK(en >= kEnExactFloor);
  auto order_rate = [&](const std::string &key) {
    const tally &t = by_lang[key];
    return t.count ? double(t.ordered) / t.count : 0.0;
  };
  CHECK(order_rate("zh") >= kZhOrderFloor);
  CHECK(order_rate("en") >= kEnOrderFloor);
  CHECK(order_rate("zh single") >= kZhSingleOrderFloor);
  CHECK(order_rate("en single") >= kEnSingleOrderFloor);
  MESSAGE(spacing_failures << " of " << by_lang["zh"].count
                           << " zh variants kept whitespace inside a paragraph");
}

TEST_CASE("generated variant: a Title Case line at a column break does not move text") {
  // The GPL article cut at 35 characters: one column piece opens with
  // "3 of the GNU General Public", Title Case enough for a heading, right
  // after a piece that stops mid-sentence. Read as a heading it made the
  // true junction look broken and the solver moved a run of the text; the
  // solver may now read it as the text line it is.
  const std::vector<tg::article> arts = tg::load_articles(CRF_ARTICLES_DIR);
  const auto it = std::find_if(arts.begin(), arts.end(),
                               [](const tg::article &a) { return a.name == "en_gpl_long"; });
  REQUIRE(it != arts.end());
  tg::variant_options o = tg::options_from_seed(*it, 63);
  o.kind = tg::perm_kind::identity;
  const tg::variant v = tg::make_variant(*it, o);
  REQUIRE(v.width == 35);
  REQUIRE(v.input.find("\n3 of the GNU General Public") != std::string::npos);
  CHECK(tg::chunk_order_right(v, colreflow::repair_text(v.input, colreflow::format::txt)));
}

TEST_CASE("generated variant: a CJK line cut mid-word at a column break is no heading") {
  // A column of the Wuxi article ends "特色社会主义 思想武装头" (an OCR space
  // between two phrases) and the next begins "脑": the line looks set in
  // phrases like a heading, but 头脑 runs across the break. As a heading it
  // kept its space inside the paragraph.
  const std::vector<tg::article> arts = tg::load_articles(CRF_ARTICLES_DIR);
  const auto it = std::find_if(arts.begin(), arts.end(),
                               [](const tg::article &a) { return a.name == "zh_wuxi_police"; });
  REQUIRE(it != arts.end());
  tg::variant_options o;
  o.kind = tg::perm_kind::headline_middle;
  o.width = 24;
  o.blank_lines = true;
  o.noise = true;
  o.seed = 5002;
  const tg::variant v = tg::make_variant(*it, o);
  REQUIRE(v.input.find("\u601d\u60f3\u6b66\u88c5\u5934\n") != std::string::npos);  // 思想武装头
  const std::string got = colreflow::repair_text(v.input, colreflow::format::txt);
  CHECK(tg::check_zh_spacing(got, v.expected) == "");
}
