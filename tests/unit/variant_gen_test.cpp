// variant_gen_test.cpp - the variant generator itself is right: the ground truth it
// records really describes the input it makes.
#include <doctest/doctest.h>

#include <algorithm>  // sort, find
#include <cctype>     // isalpha
#include <set>
#include <string>
#include <vector>

#include "gen/checks.hpp"
#include "gen/variant_gen.hpp"

#if !defined(CRF_ARTICLES_DIR) && defined(CRF_SOURCE_DIR)
#define CRF_ARTICLES_DIR CRF_SOURCE_DIR "/tests/data/articles"
#elif !defined(CRF_ARTICLES_DIR)
#define CRF_ARTICLES_DIR "tests/data/articles"
#endif

namespace tg = colreflow::testgen;

namespace {

const std::vector<tg::article> &articles() {
  static const std::vector<tg::article> a = tg::load_articles(CRF_ARTICLES_DIR);
  return a;
}

// Rejoins the wrapped lines of the chunks, taken in true order, into the canonical text,
// using the line records only (never the article): that is what a perfect repair does.
std::string unwrap(const tg::variant &v) {
  std::vector<const tg::line_rec *> lines;
  for (const tg::chunk &c : v.chunks)
    for (const tg::line_rec &l : c.lines) lines.push_back(&l);
  std::string out;
  bool first_headline = true;
  for (const tg::line_rec *l : lines) {
    if (l->unit < 0) {
      if (!first_headline) out += '\n';
      first_headline = false;
      out += l->text;
      continue;
    }
    if (l->first) out += "\n\n";
    // Remove the noise: the printed line minus its added spaces and soft hyphen is clean.
    std::string t = l->text;
    if (l->soft_hyphen) {
      REQUIRE(!t.empty());
      REQUIRE(t.back() == '-');
      t.pop_back();
    }
    CHECK(tg::strip_whitespace(t) == tg::strip_whitespace(l->clean));
    out += l->clean;
    if (!l->last && v.lang == "en" && !l->soft_hyphen && !l->hard_break) out += ' ';
  }
  out += '\n';
  return out;
}

std::vector<tg::variant> sample_variants() {
  std::vector<tg::variant> vs;
  std::uint64_t seed = 1000;
  for (const tg::article &a : articles())
    for (tg::perm_kind k : tg::all_kinds)
      for (int blank = 0; blank < 2; ++blank)
        for (int noise = 0; noise < 2; ++noise) {
          tg::variant_options o;
          o.kind = k;
          o.blank_lines = blank != 0;
          o.noise = noise != 0;
          o.seed = ++seed;
          vs.push_back(tg::make_variant(a, o));
        }
  return vs;
}

}  // namespace

TEST_CASE("articles: both languages present and well-formed") {
  int zh = 0, en = 0;
  for (const tg::article &a : articles()) {
    (a.lang == "zh" ? zh : en)++;
    CHECK(!a.headline.empty());
    CHECK(a.headline.size() <= 3);
    const std::string e = tg::render_expected(a);
    CHECK(e.back() == '\n');
    CHECK(e.find("\n\n\n") == std::string::npos);
  }
  CHECK(zh >= 5);
  CHECK(en >= 4);
}

TEST_CASE("render_expected: headline lines, then units separated by blank lines") {
  const tg::article a = tg::parse_article("# H1\n# H2\nBy X Y\nP one.\n## Sub\nP two.\n", "en_t");
  CHECK(tg::render_expected(a) == "H1\nH2\n\nBy X Y\n\nP one.\n\nSub\n\nP two.\n");
  CHECK(a.units[0].kind == tg::unit_kind::byline);
  CHECK(a.units[2].kind == tg::unit_kind::subheading);
}

TEST_CASE("unwrapping in true chunk order without noise gives the expected text") {
  for (const tg::variant &v : sample_variants()) {
    INFO(v.describe());
    CHECK(unwrap(v) == v.expected);
  }
}

TEST_CASE("the input is the chunks' printed lines in the recorded order") {
  for (const tg::variant &v : sample_variants()) {
    INFO(v.describe());
    std::string in;
    for (std::size_t p = 0; p < v.order.size(); ++p) {
      if (p) in += v.blank_lines ? "\n\n" : "\n";
      const tg::chunk &c = v.chunks[static_cast<std::size_t>(v.order[p])];
      for (std::size_t l = 0; l < c.lines.size(); ++l) in += (l ? "\n" : "") + c.lines[l].text;
    }
    CHECK(in + "\n" == v.input);
    // order is a permutation of 0..n-1
    std::vector<int> o = v.order;
    std::sort(o.begin(), o.end());
    for (std::size_t i = 0; i < o.size(); ++i) CHECK(o[i] == static_cast<int>(i));
    CHECK(v.chunks[0].headline);
    // Chunk heights: 4-14 lines except where cut short by the end or a unit boundary.
    for (std::size_t c = 1; c + 1 < v.chunks.size(); ++c) CHECK(v.chunks[c].lines.size() >= 1);
    // Noise only where asked, and only for zh.
    if (!v.noise) {
      for (const tg::chunk &c : v.chunks)
        for (const tg::line_rec &l : c.lines) {
          std::string t = l.text;
          if (l.soft_hyphen) t.pop_back();
          CHECK(t == l.clean);
        }
    }
  }
}

TEST_CASE("permutation kinds do what they say") {
  for (const tg::variant &v : sample_variants()) {
    INFO(v.describe());
    const auto pos0 = std::find(v.order.begin(), v.order.end(), 0) - v.order.begin();
    switch (v.kind) {
      case tg::perm_kind::identity:
        for (std::size_t i = 0; i < v.order.size(); ++i) CHECK(v.order[i] == static_cast<int>(i));
        break;
      case tg::perm_kind::headline_middle:
      case tg::perm_kind::swap_headline_middle:
        CHECK(pos0 >= 1);
        CHECK(pos0 <= 3);
        break;
      case tg::perm_kind::tail_first:
        CHECK(v.order.back() != static_cast<int>(v.chunks.size()) - 1);  // the true last chunk moved
        CHECK(v.order[0] != 0);
        break;
      case tg::perm_kind::tail_first_headline_middle:
        CHECK(v.order[0] != 0);
        break;
      case tg::perm_kind::swap: {
        int moved = 0;
        for (std::size_t i = 0; i < v.order.size(); ++i) moved += v.order[i] != static_cast<int>(i);
        CHECK(moved == 2);
        break;
      }
    }
    if (v.kind == tg::perm_kind::tail_first || v.kind == tg::perm_kind::tail_first_headline_middle) {
      // With subheadings (the Wuxi layout): the input starts with the first line after the
      // last subheading, and the last input chunk ends with that subheading.
      const tg::chunk &front = v.chunks[static_cast<std::size_t>(v.order[0])];
      const int last_body = v.order.back() != 0 ? v.order.back() : v.order[v.order.size() - 2];
      const tg::chunk &back = v.chunks[static_cast<std::size_t>(last_body)];
      if (v.tail_after_subheading) {
        CHECK(front.lines.front().first);
        CHECK(back.lines.back().kind == tg::unit_kind::subheading);
      }
    }
  }
}

TEST_CASE("without blank lines, every chunk starts and ends at a unit boundary") {
  for (const tg::variant &v : sample_variants()) {
    if (v.blank_lines) continue;
    INFO(v.describe());
    for (std::size_t c = 1; c < v.chunks.size(); ++c) {
      CHECK(v.chunks[c].lines.front().first);
      CHECK(v.chunks[c].lines.back().last);
    }
  }
}

TEST_CASE("determinism: a seed gives the same variant") {
  for (const tg::article &a : articles()) {
    const tg::variant_options o = tg::options_from_seed(a, 77);
    const tg::variant v1 = tg::make_variant(a, o), v2 = tg::make_variant(a, o);
    CHECK(v1.input == v2.input);
    CHECK(v1.order == v2.order);
    CHECK(v1.width == v2.width);
    tg::variant_options o2 = o;
    o2.seed = 78;
    CHECK(tg::make_variant(a, o2).input != v1.input);
  }
  // The RNG sequence is pinned (splitmix64 reference values for seed 0).
  tg::rng r(0);
  CHECK(r.next() == 0xe220a8397b1dcdafull);
  CHECK(r.next() == 0x6e789e6aa1b965f4ull);
}

TEST_CASE("kinsoku: no line starts with closing punctuation; widths hold") {
  for (const tg::variant &v : sample_variants()) {
    INFO(v.describe());
    for (std::size_t c = 1; c < v.chunks.size(); ++c)
      for (const tg::line_rec &l : v.chunks[c].lines) {
        const std::vector<char32_t> cps = tg::decode_utf8(l.clean);
        REQUIRE(!cps.empty());
        if (v.lang == "zh") {
          if (!l.first) CHECK_MESSAGE(!tg::is_no_line_start(cps.front()), l.clean);
          // Width: at most width (+ pulled-up closers / an unbreakable run).
          std::size_t n = cps.size();
          while (n > 0 && tg::is_no_line_start(cps[n - 1])) --n;
          const bool heading = l.first && l.last && l.clean.find(' ') != std::string::npos;
          if (!heading && n > static_cast<std::size_t>(v.width)) {
            // only an unbreakable ASCII run or glued space may overflow
            CHECK_MESSAGE(l.clean.find_first_of(" 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") !=
                              std::string::npos,
                          l.clean);
          }
        } else {
          // en: soft hyphens only in words of >= 6 letters, >= 3 letters each side
          if (l.soft_hyphen) {
            std::size_t e = l.clean.size(), b = e;
            while (b > 0 && std::isalpha(static_cast<unsigned char>(l.clean[b - 1]))) --b;
            CHECK_MESSAGE(e - b >= 3, l.text);
          }
          if (!l.soft_hyphen && !l.hard_break) CHECK((l.text.back() != '-' || l.clean.back() == '-'));
        }
      }
  }
}

TEST_CASE("zh noise: spaces around digits and after punctuation appear, text is kept") {
  const tg::article a = tg::parse_article(
      "# 标题\n本报讯 7月19日，全市会议召开，推进“互联网+公安政务服务”，效果显著。会议还强调了其他许多方面的事项。\n", "zh_t");
  int spaces = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    tg::variant_options o;
    o.noise = true;
    o.seed = seed;
    o.width = 12;
    const tg::variant v = tg::make_variant(a, o);
    CHECK(tg::check_conservation(v.input, v.expected).empty());
    for (char c : v.input) spaces += c == ' ';
  }
  CHECK(spaces > 40);
}

TEST_CASE("checks: conservation, zh spacing, first_diff") {
  CHECK(tg::check_conservation("ab-\ncd", "abcd").empty());
  CHECK(!tg::check_conservation("abcd", "ab-cd").empty());
  CHECK(!tg::check_conservation("abc", "ab").empty());
  CHECK(tg::check_zh_spacing("标题\n\n本报讯 七月\n", "标题\n\n本报讯 七月\n").empty());
  CHECK(!tg::check_zh_spacing("标题\n\n本报讯 七 月\n", "标题\n\n本报讯 七月\n").empty());
  CHECK(!tg::check_zh_spacing("标题\n\n七月\n八日\n", "标题\n\n七月八日\n").empty());
  CHECK(tg::first_diff("a\nb\n", "a\nb\n").empty());
  CHECK(tg::first_diff("a\nb\n", "a\nc\n").find("line 2") == 0);
}
