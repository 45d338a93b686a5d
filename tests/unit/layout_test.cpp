// The layout stage: reading order of regions from page geometry.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include "gen/layout_gen.hpp"
#include "layout/frames.hpp"
#include "layout/furniture.hpp"
#include "layout/layout.hpp"

namespace {

using colreflow::detail::box;
using colreflow::detail::order_regions;
using colreflow::detail::page;
using colreflow::detail::region;
using colreflow::detail::region_hint;
using colreflow::test::generate_layout;
using colreflow::test::kendall_tau;


region at(int x0, int y0, int x1, int y1, region_hint hint = region_hint::paragraph,
          int lines = 5) {
  region r;
  r.bbox = {x0, y0, x1, y1};
  r.hint = hint;
  for (int k = 0; k < lines; ++k) {
    colreflow::detail::text_line l;
    l.text = "x";
    l.bbox = {x0, y0 + k * 40, x1, y0 + k * 40 + 40};
    r.lines.push_back(l);
  }
  return r;
}

// A region of one line filling its box (y1 - y0 high: display type where
// that is well over the 40 of at()'s lines).
region one_line(int x0, int y0, int x1, int y1) {
  region r = at(x0, y0, x1, y1, region_hint::none, 0);
  colreflow::detail::text_line l;
  l.text = "x";
  l.bbox = {x0, y0, x1, y1};
  r.lines.push_back(l);
  return r;
}

}  // namespace

TEST_CASE("layout: columns left to right, top to bottom inside a column") {
  page p;
  p.width = 3000;
  p.height = 4000;
  // File order scrambled; boxes overlap their neighbours a little.
  p.regions = {at(1010, 100, 1990, 2000), at(0, 1980, 1020, 3900), at(2000, 100, 3000, 3900),
               at(0, 100, 1020, 2000), at(1000, 1990, 1990, 3900)};
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{3, 1, 0, 4, 2});
}

TEST_CASE("layout: a headline spanning the columns is read before them") {
  page p;
  p.width = 3000;
  p.height = 4000;
  p.regions = {at(0, 400, 1450, 3900), at(100, 100, 2900, 350, region_hint::heading, 1),
               at(1550, 400, 3000, 3900)};
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{1, 0, 2});
}

TEST_CASE("layout: a rule across the page cuts it into bands read one after the other") {
  page p;
  p.width = 3000;
  p.height = 4000;
  // The bands are 20 units apart, less than a line (40): only the rule
  // tells them apart.
  p.regions = {at(0, 2010, 1450, 3900), at(0, 100, 1450, 1990), at(1550, 2010, 3000, 3900),
               at(1550, 100, 3000, 1990)};
  p.separators.push_back({{0, 1995, 3000, 2005}});
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{1, 3, 0, 2});
  // Without the rule the columns run through both bands.
  p.separators.clear();
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{1, 0, 3, 2});
}

TEST_CASE("layout: white space across the page, a line high or more, cuts bands") {
  page p;
  p.width = 3000;
  p.height = 4000;
  p.regions = {at(0, 2100, 1450, 3900), at(0, 100, 1450, 2000), at(1550, 2100, 3000, 3900),
               at(1550, 100, 3000, 2000)};
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{1, 3, 0, 2});
}

TEST_CASE("layout: table cells are read after the text, column by column") {
  page p;
  p.width = 3000;
  p.height = 4000;
  region c00 = at(100, 1000, 500, 1100), c01 = at(500, 1000, 900, 1100),
         c10 = at(100, 1100, 500, 1200), c11 = at(500, 1100, 900, 1200);
  c00.table = c01.table = c10.table = c11.table = 0;
  c00.table_column = c10.table_column = 0;
  c01.table_column = c11.table_column = 1;
  p.regions = {c11, at(0, 100, 1450, 900), c00, at(0, 1300, 1450, 3900), c01, c10,
               at(1550, 100, 3000, 3900)};
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{1, 3, 6, 2, 5, 4, 0});
}

TEST_CASE("layout: page numbers and a lone running head open their page") {
  page p;
  p.width = 3000;
  p.height = 4000;
  p.regions = {at(0, 400, 1450, 3900), at(1550, 400, 3000, 3900),
               at(2800, 100, 2900, 200, region_hint::page_number, 1),
               at(1000, 100, 2000, 200, region_hint::header, 1)};
  const auto order = order_regions(p).flattened();
  REQUIRE(order.size() == 4);
  CHECK(order[2] == 0);
  CHECK(order[3] == 1);
}

TEST_CASE("layout: every region once, whatever the boxes") {
  page p;
  p.regions = {at(0, 0, 0, 0), at(5, 5, 10, 10), at(5, 5, 10, 10), at(-100, 50, 10, 60)};
  p.regions[0].bbox = {};  // no box: kept, at the end
  auto order = order_regions(p).flattened();
  std::sort(order.begin(), order.end());
  CHECK(order == std::vector<std::uint32_t>{0, 1, 2, 3});
  CHECK(order_regions(page{}).flattened().empty());
}

// Generated pages: 1-3 bands of 2-6 columns, headlines, rules, running
// heads, overlapping boxes, shuffled file order. The issue asks for a
// block-order tau of at least 0.98 on synthetic pages.
TEST_CASE("layout: generated pages come out in reading order") {
  constexpr int kPages = 300;
  int exact = 0;
  double tau_sum = 0;
  for (int seed = 1; seed <= kPages; ++seed) {
    const auto g = generate_layout(static_cast<std::uint32_t>(seed));
    const auto order = order_regions(g.page).flattened();
    REQUIRE(order.size() == g.truth.size());
    exact += order == g.truth ? 1 : 0;
    tau_sum += kendall_tau(g.truth, order);
  }
  const double mean_tau = tau_sum / kPages;
  MESSAGE("generated layouts: " << exact << "/" << kPages << " exact, mean tau " << mean_tau);
  CHECK(mean_tau >= 0.98);
  CHECK(exact >= kPages * 9 / 10);
}

// A list page: thousands of one-line entries in six columns, boxes jittered
// and touching their neighbours, must still read column by column.
TEST_CASE("layout: thousands of small regions in columns") {
  page p;
  p.width = 6 * 700;
  p.height = 410 * 30;
  std::vector<std::uint32_t> truth;
  std::uint32_t state = 12345;
  auto jitter = [&] {
    state = state * 1103515245u + 12345u;
    return static_cast<int>((state >> 16) % 7) - 3;
  };
  for (int c = 0; c < 6; ++c)
    for (int k = 0; k < 400; ++k) {
      const int x0 = 20 + c * 700 + jitter(), y0 = 100 + k * 30 + jitter();
      region r = at(x0, y0, x0 + 640 + jitter(), y0 + 32, region_hint::none, 1);
      truth.push_back(static_cast<std::uint32_t>(p.regions.size()));
      p.regions.push_back(r);
    }
  const auto order = order_regions(p).flattened();
  REQUIRE(order.size() == truth.size());
  CHECK(kendall_tau(truth, order) >= 0.99);
  CHECK(order == truth);
}

// A jumped tail: article one fills columns one and two and ends in a box at
// the top of column three; article two starts under its headline across
// columns one and two and goes on in column three below the box. Its
// reader finishes article one, box included, before article two.
TEST_CASE("layout: staggered bands: a box at the top of the last column goes with the article beside it") {
  page p;
  p.width = 2400;
  p.height = 4700;
  p.regions = {
      at(150, 170, 1550, 330, region_hint::heading, 2),  // 0 headline one
      at(150, 470, 850, 1930),                            // 1 one, column 1
      at(890, 460, 1590, 2100),                           // 2 one, column 2
      at(190, 2155, 1545, 2220, region_hint::heading, 1),  // 3 headline two
      at(150, 2290, 850, 4580),                           // 4 two, column 1
      at(890, 2270, 1590, 4560),                          // 5 two, column 2
      at(1660, 180, 2310, 1690),                          // 6 the box: the end of one
      at(1640, 1760, 2330, 4580),                         // 7 two, column 3
  };
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{0, 1, 2, 6, 3, 4, 5, 7});
  // With the box running down to article two's level, nothing says where
  // article one ends in column three: the column is read whole, last.
  p.regions[6].bbox.y1 = 2300;
  p.regions[7].bbox.y0 = 2320;
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7});
}

TEST_CASE("layout: furniture from position: a folio and a running head in the top margin") {
  page p;
  p.width = 3000;
  p.height = 4000;
  region folio = at(200, 100, 260, 140, region_hint::none, 1);
  folio.lines[0].text = "- 7 -";
  region head = at(1000, 100, 2000, 140, region_hint::none, 1);
  head.lines[0].text = "THE DAILY NEWS, TUESDAY";
  region first_line = at(0, 400, 1450, 440, region_hint::none, 1);  // a column's first line, cut off
  first_line.lines[0].text = "continued from the";
  p.regions = {at(0, 445, 1450, 3900), at(1550, 300, 3000, 3900), folio, head, first_line};
  colreflow::detail::infer_furniture(p);
  CHECK(p.regions[2].hint == region_hint::page_number);
  CHECK(p.regions[3].hint == region_hint::header);
  CHECK(p.regions[4].hint == region_hint::none);  // sits on the column under it
  CHECK(p.regions[0].hint == region_hint::paragraph);  // typed by the input: left alone
}

TEST_CASE("layout: a framed box at the top of a column is read with the article beside it") {
  // Two articles over the first two columns, one under the other (a rule
  // and the second headline between them); the third column holds the
  // first article's tail in a ruled box, then the second article's last
  // part. The reader finishes the first article, box included, first.
  using colreflow::detail::separator;
  auto lines = [](int y0, int y1) { return (y1 - y0) / 40; };
  page p;
  p.width = 2480;
  p.height = 3900;
  p.regions = {
      at(1638, 1104, 2331, 1340, region_hint::paragraph, lines(1104, 1340)),  // 0 a2, col 3
      at(750, 160, 985, 215, region_hint::heading, 1),                        // 1 kicker
      at(210, 245, 1530, 335, region_hint::heading, 1),                       // 2 headline
      at(200, 390, 836, 440, region_hint::paragraph, 1),                      // 3 deck, left
      at(870, 390, 1537, 440, region_hint::paragraph, 1),                     // 4 deck, right
      at(150, 525, 842, 1990, region_hint::paragraph, lines(525, 1990)),      // 5 a1, col 1
      at(150, 2050, 842, 2330, region_hint::paragraph, lines(2050, 2330)),    // 6 a1, col 1
      at(893, 505, 1587, 1680, region_hint::paragraph, lines(505, 1680)),     // 7 a1, col 2
      at(893, 1745, 1587, 2305, region_hint::paragraph, lines(1745, 2305)),   // 8 a1, col 2
      at(1660, 182, 2309, 1016, region_hint::paragraph, lines(182, 1016)),    // 9 a1's tail, boxed
      at(185, 2385, 1547, 2457, region_hint::heading, 1),                     // 10 second headline
      at(150, 2550, 842, 3500, region_hint::paragraph, lines(2550, 3500)),    // 11 a2, col 1
      at(893, 2533, 1587, 3782, region_hint::paragraph, lines(2533, 3782)),   // 12 a2, col 2
      at(1638, 1360, 2331, 2787, region_hint::paragraph, lines(1360, 2787)),  // 13 a2, col 3
      at(1639, 2847, 2331, 3742, region_hint::paragraph, lines(2847, 3742)),  // 14 a2, col 3
  };
  p.separators = {separator{{148, 2352, 1588, 2355}}};
  const std::vector<separator> frame = {separator{{1632, 144, 2337, 147}},
                                        separator{{1632, 144, 1635, 1048}},
                                        separator{{1632, 1045, 2337, 1048}},
                                        separator{{2334, 144, 2337, 1048}}};
  p.separators.insert(p.separators.end(), frame.begin(), frame.end());
  CHECK(order_regions(p).flattened() ==
        std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 13, 14});
  // Without its frame nothing marks where the first article ends in the
  // third column: it is cut at the white space nearest the second
  // headline (above 14), as in any unframed column.
  p.separators.resize(1);
  CHECK(order_regions(p).flattened() ==
        std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 13, 10, 11, 12, 14});
}

TEST_CASE("layout: a rule above the next headline ends an article as white space would") {
  // The page of the framed box above, as a skewed, blurred scan gives it:
  // the last line of the first article's second column reaches down past
  // the rule to the second headline's top, so no white space lies across
  // the columns above that headline. The rule drawn across them does the
  // white space's work: the first article, box included, is read first.
  using colreflow::detail::separator;
  auto lines = [](int y0, int y1) { return (y1 - y0) / 40; };
  page p;
  p.width = 2480;
  p.height = 3900;
  p.regions = {
      at(1638, 1104, 2331, 1340, region_hint::paragraph, lines(1104, 1340)),  // 0 a2, col 3
      at(210, 160, 1530, 335, region_hint::heading, 2),                       // 1 headline
      at(200, 390, 1537, 440, region_hint::paragraph, 1),                     // 2 deck
      at(150, 525, 842, 2330, region_hint::paragraph, lines(525, 2330)),      // 3 a1, col 1
      at(893, 505, 1587, 2305, region_hint::paragraph, lines(505, 2305)),     // 4 a1, col 2
      at(880, 2310, 1000, 2392, region_hint::paragraph, 1),                   // 5 its last line
      at(1660, 182, 2309, 1016, region_hint::paragraph, lines(182, 1016)),    // 6 a1's tail, boxed
      at(185, 2385, 1547, 2457, region_hint::heading, 1),                     // 7 second headline
      at(150, 2550, 842, 3500, region_hint::paragraph, lines(2550, 3500)),    // 8 a2, col 1
      at(893, 2533, 1587, 3782, region_hint::paragraph, lines(2533, 3782)),   // 9 a2, col 2
      at(1638, 1360, 2331, 3742, region_hint::paragraph, lines(1360, 3742)),  // 10 a2, col 3
  };
  p.separators = {separator{{148, 2352, 1588, 2358}}, separator{{1632, 144, 2337, 147}},
                  separator{{1632, 144, 1635, 1048}}, separator{{1632, 1045, 2337, 1048}},
                  separator{{2334, 144, 2337, 1048}}};
  CHECK(order_regions(p).flattened() ==
        std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 10});
  // A rule across only one of the two columns ends no article there.
  p.separators[0].bbox.x1 = 850;
  CHECK(order_regions(p).flattened() !=
        std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 10});
}

namespace {

// Five columns (the boxes of Tesseract's hOCR of a synthetic page): the
// first article over four columns with its tail framed at the top of the
// fifth; the second article's headline spans the four columns, and its
// fifth column begins beside that headline (`beside`, in one region or in
// pieces). Regions: 0 headline, 1-4 its columns, 5 its framed tail, 6 the
// second headline, then `beside`, then the second article's five columns.
page l_shaped_page(const std::vector<region> &beside) {
  using colreflow::detail::separator;
  auto body = [](int x0, int y0, int x1, int y1) {
    return at(x0, y0, x1, y1, region_hint::paragraph, (y1 - y0) / 40);
  };
  page p;
  p.width = 2480;
  p.height = 3900;
  p.regions = {
      at(323, 247, 1714, 342, region_hint::heading, 1),  // 0 headline
      body(149, 536, 545, 2002),                          // 1 a1, col 1
      body(596, 515, 991, 2035),                          // 2 a1, col 2
      body(1042, 515, 1438, 2037),                        // 3 a1, col 3
      body(1489, 515, 1884, 2031),                        // 4 a1, col 4
      body(1957, 182, 2309, 1814),                        // 5 a1's tail, framed
      at(261, 2092, 1769, 2172, region_hint::heading, 1),  // 6 second headline
  };
  p.regions.insert(p.regions.end(), beside.begin(), beside.end());
  for (const region &r : {body(149, 2267, 545, 3790),     // a2, col 1
                          body(596, 2246, 991, 3823),     // a2, col 2
                          body(1042, 2246, 1438, 3819),   // a2, col 3
                          body(1489, 2246, 1884, 3821),   // a2, col 4
                          body(1935, 2230, 2331, 3817)})  // a2, col 5
    p.regions.push_back(r);
  p.separators = {separator{{148, 2057, 1886, 2062}}, separator{{1930, 143, 2337, 148}},
                  separator{{1929, 144, 1934, 1846}}, separator{{1930, 1842, 2337, 1847}},
                  separator{{2333, 144, 2338, 1846}}};
  return p;
}

}  // namespace

TEST_CASE("layout: an L-shaped article keeps its headline and the column beside it") {
  // White runs across the page under the second headline, but it ends no
  // band: the headline, the four columns under it and then the fifth
  // column (the region beside the headline, then the one under it) are
  // read in that order.
  const page p = l_shaped_page({at(1936, 1902, 2331, 2166, region_hint::paragraph, 6)});
  CHECK(order_regions(p).flattened() ==
        std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 7, 12});
}

TEST_CASE("layout: an L-shaped article's column beside its headline, in pieces of two lines") {
  // The page above as a noisy scan gives it: the engine cuts the fifth
  // column beside the second headline into regions of two lines each.
  // Few lines do not make them headings: in body type, they are the text
  // beside the headline, and the white under it still ends no band.
  const page p = l_shaped_page({at(1936, 1902, 2331, 1982, region_hint::none, 2),
                                at(1936, 1992, 2331, 2072, region_hint::none, 2),
                                at(1936, 2082, 2331, 2162, region_hint::none, 2)});
  CHECK(order_regions(p).flattened() ==
        std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 7, 8, 9, 14});
}

TEST_CASE("layout: a column running on beside a headline is read after the columns under it, however the engine cut it") {
  // A headline over the first two columns of three; the third column runs
  // from the top of the page. Low on the page the engine ran a line of the
  // second column on into the third (region 4), so no gutter parts them
  // from top to bottom. Read as one region, the third column comes after
  // the second. A noisy scan has the engine cut it level with the
  // headline's foot, 10 px apart: the pieces still read as one column.
  page p;
  p.width = 3000;
  p.height = 2100;
  p.regions = {one_line(0, 100, 2000, 300), at(0, 340, 980, 2000, region_hint::none, 40),
               at(1020, 340, 2000, 1500, region_hint::none, 29),
               at(2040, 100, 3000, 1500, region_hint::none, 35), at(1020, 1510, 2700, 1550, region_hint::none, 1),
               at(1020, 1560, 2000, 2000, region_hint::none, 11), at(2040, 1560, 3000, 2000, region_hint::none, 11)};
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6});
  p.regions[3] = at(2040, 100, 3000, 300, region_hint::none, 5);
  p.regions.push_back(at(2040, 310, 3000, 1500, region_hint::none, 30));
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{0, 1, 2, 3, 7, 4, 5, 6});
}

TEST_CASE("layout: a speck the engine boxed into the gutter opens no band") {
  // Two columns of one-line regions. One line of the first column ends in
  // a speck that the engine read as a word far into the gutter, so the
  // line's box (and its region's) reaches over the second column's edge.
  // Its words say where its text ends: the columns are read one by one.
  auto word = [](const char *text, box b, float confidence) {
    colreflow::detail::word w;
    w.text = text;
    w.bbox = b;
    w.confidence = confidence;
    return w;
  };
  page p;
  p.width = 2200;
  p.height = 1400;
  for (int c = 0; c < 2; ++c)
    for (int k = 0; k < 20; ++k) {
      const int x0 = 100 + c * 1000, y0 = 100 + k * 50;
      region r = at(x0, y0, x0 + 900, y0 + 40, region_hint::none, 1);
      r.lines[0].words.clear();
      for (int w = 0; w < 9; ++w)
        r.lines[0].words.push_back(word("word", {x0 + w * 100, y0 + 5, x0 + w * 100 + 80, y0 + 35}, 90));
      p.regions.push_back(r);
    }
  region &stretched = p.regions[15];  // low in the column (see below)
  stretched.lines[0].words.push_back(word(".", {1280, 860, 1290, 866}, 30));
  stretched.lines[0].bbox.x1 = stretched.bbox.x1 = 1290;
  std::vector<std::uint32_t> columns(40);
  for (std::uint32_t i = 0; i < 40; ++i) columns[i] = i;
  CHECK(order_regions(p).flattened() == columns);
  // Without word boxes nothing tells the speck from text: the stretched
  // line crosses the gutter and cuts the page into bands. (It stands low
  // in its column: the column beside, one stack of lines, has its middle
  // above it and is read in the band above.)
  const auto words = stretched.lines[0].words;
  stretched.lines[0].words.clear();
  CHECK(order_regions(p).flattened() != columns);
  stretched.lines[0].words = words;
  // Specks read as letters the engine doubts, standing apart from the
  // text, at the start of a line of the second column, do not stretch it
  // over the first either; confident, they would. (The second stands over
  // the gutter's middle: confident words parted from the rest right there
  // would be a line the engine ran across the gutter, placed by the side
  // holding most of them; see the test after the next.)
  stretched.lines[0].words.pop_back();  // back to a line of the first column
  stretched.lines[0].bbox.x1 = stretched.bbox.x1 = 1000;
  region &led = p.regions[26];  // second column, higher up
  led.lines[0].words.insert(led.lines[0].words.begin(), {word("y", {480, 400, 500, 428}, 23),
                                                         word("g", {1030, 400, 1050, 429}, 0)});
  led.lines[0].bbox.x0 = led.bbox.x0 = 480;
  CHECK(order_regions(p).flattened() == columns);
  for (auto &w : led.lines[0].words) w.confidence = 90;
  CHECK(order_regions(p).flattened() != columns);
}

TEST_CASE("layout: a line the engine ran across a narrow gutter is placed in the column holding most of its words") {
  // Two columns of regions, three lines each, 1000 and 1050 the gutter's
  // edges; between the second and the third region of each, one region of
  // one line: seven words of the first column (to x 995), a gap of 75
  // (two and a half type heights) where the gutter runs, and five words of
  // the second (from 1070). Placed in the first column, it opens the gutter and the
  // columns are read one after the other. With its gap elsewhere and words
  // over the gutter it is a line across both, and it cuts the page into
  // bands, as with no gap at all.
  auto word = [](box b) {
    colreflow::detail::word w;
    w.text = "word";
    w.bbox = b;
    w.confidence = 90;
    return w;
  };
  auto page_with = [&](int gap_after) {
    page p;
    p.width = 2200;
    p.height = 1400;
    for (int c = 0; c < 2; ++c)
      for (int k = 0; k < 4; ++k) {
        const int x0 = 100 + c * 950, y0 = 100 + k * 160 + (k >= 2 ? 60 : 0);
        p.regions.push_back(at(x0, y0, x0 + 900, y0 + 140, region_hint::none, 3));
      }
    region run = at(135, 420, 1660, 460, region_hint::none, 1);
    run.lines[0].words.clear();
    for (int w = 0, x = 135; w < 12; ++w) {
      run.lines[0].words.push_back(word({x, 425, x + 110, 455}));
      x += w + 1 == gap_after ? 185 : 125;
    }
    run.lines[0].bbox.x1 = run.bbox.x1 = run.lines[0].words.back().bbox.x1;
    std::string &text = run.lines[0].text;
    text.clear();
    for (const auto &w : run.lines[0].words) text += (text.empty() ? "" : " ") + w.text;
    p.regions.push_back(run);
    return p;
  };
  const std::vector<std::uint32_t> columns{0, 1, 8, 2, 3, 4, 5, 6, 7};
  std::vector<colreflow::detail::gutter_cut> cuts;
  CHECK(order_regions(page_with(7), &cuts).flattened() == columns);
  REQUIRE(cuts.size() == 1);
  CHECK(cuts[0].region == 8);
  CHECK(cuts[0].lo == 995);
  CHECK(cuts[0].hi == 1070);
  CHECK(cuts[0].more_left);
  cuts.clear();
  CHECK(order_regions(page_with(3), &cuts).flattened() != columns);
  CHECK(cuts.empty());
  CHECK(order_regions(page_with(0)).flattened() != columns);

  // Parted at the gutter, its last five words are a region of their own,
  // read at the top of the second column's lower part.
  page parted = page_with(7);
  cuts.clear();
  order_regions(parted, &cuts);
  REQUIRE(colreflow::detail::split_at_gutters(parted, cuts) == 1);
  REQUIRE(parted.regions.size() == 10);
  const region &left = parted.regions[8], &right = parted.regions[9];
  CHECK(left.lines[0].words.size() == 7);
  CHECK(left.bbox.x1 == 995);
  CHECK(right.split_from == 8);
  REQUIRE(right.lines.size() == 1);
  CHECK(right.lines[0].words.size() == 5);
  CHECK(right.lines[0].text == "word word word word word");
  CHECK(right.bbox.x0 == 1070);
  CHECK(right.lines[0].id == left.lines[0].id);
  CHECK(order_regions(parted).flattened() ==
        std::vector<std::uint32_t>{0, 1, 8, 2, 3, 4, 5, 9, 6, 7});
  // A second split of the same region, or of a part, adds nothing.
  CHECK(colreflow::detail::split_at_gutters(parted, cuts) == 0);

  // Nor is a region split whose line holds text outside its words: the
  // split could not say where that text goes.
  page unsure = page_with(7);
  unsure.regions[8].lines[0].text += " extra";
  CHECK(colreflow::detail::split_at_gutters(unsure, cuts) == 0);
  CHECK(unsure.regions.size() == 9);
}

TEST_CASE("layout: a region holding lines of two columns is placed by the one holding most") {
  // The engine put the first line of column one's lower part at the foot
  // of a region of column two: the region's box straddles the gutter. It
  // is read in column two, where four of its five lines stand, and the
  // columns are read one after the other rather than cut into bands.
  auto lines_at = [](region r, int x0, int x1, int y0, int n) {
    for (int k = 0; k < n; ++k) {
      colreflow::detail::text_line l;
      l.text = "x";
      l.bbox = {x0, y0 + k * 40, x1, y0 + k * 40 + 40};
      r.lines.push_back(l);
    }
    return r;
  };
  region joined = at(100, 550, 2000, 750, region_hint::none, 0);
  joined = lines_at(joined, 1100, 2000, 550, 4);
  joined = lines_at(joined, 100, 1000, 710, 1);
  page p;
  p.width = 2100;
  p.height = 1500;
  p.regions = {
      at(100, 100, 1000, 700, region_hint::none, 15),   // 0 column one
      at(1100, 100, 2000, 540, region_hint::none, 11),  // 1 column two
      joined,                                           // 2 column two, and a line of one
      at(100, 760, 1000, 1400, region_hint::none, 16),  // 3 column one
      at(1100, 720, 2000, 1400, region_hint::none, 17),  // 4 column two
  };
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{0, 3, 1, 2, 4});
  // A heading's pieces side by side in one region are no column of text.
  region pieces = at(100, 20, 2000, 80, region_hint::none, 0);
  pieces = lines_at(pieces, 100, 1000, 20, 1);
  pieces = lines_at(pieces, 1100, 2000, 20, 1);
  pieces.lines[0].bbox.y1 = pieces.lines[1].bbox.y1 = 90;  // display type
  p.regions.push_back(pieces);
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{5, 0, 3, 1, 2, 4});
}

TEST_CASE("layout: a jumped tail beside a one-column headline in display type") {
  // Two columns (Tesseract's boxes of a synthetic page): article one in
  // column one, its tail in a ruled box at the top of column two; article
  // two's headline spans column one only, under article one, and its text
  // goes on in column two under the box. No headline spans a gutter, but
  // the framed box and a headline in display type (a third larger than the
  // text) say where article one ends: it is read whole first, box
  // included; then article two. The subheadings in body type start no
  // article, and the white above them cuts no band across the two parts.
  using colreflow::detail::separator;
  auto body = [](int x0, int y0, int x1, int y1) {
    return at(x0, y0, x1, y1, region_hint::none, (y1 - y0) / 40);
  };
  auto display = one_line;
  page p;
  p.width = 2480;
  p.height = 3805;
  p.regions = {
      display(201, 159, 1165, 308),    // 0 headline one
      body(149, 475, 1215, 1424),      // 1 one, column one
      body(560, 1488, 804, 1528),      // 2 a subheading
      body(149, 1550, 1215, 2509),     // 3 one, column one
      body(580, 2569, 781, 2609),      // 4 a subheading
      body(150, 2630, 1214, 2963),     // 5 one, column one
      display(181, 3013, 1181, 3066),  // 6 headline two, over column one only
      body(149, 3154, 1214, 3652),     // 7 two, column one
      body(1288, 182, 2309, 731),      // 8 one's tail, framed
      body(1267, 819, 2330, 969),      // 9 two, column two
      body(1266, 1033, 2331, 3630),    // 10 two, column two
  };
  p.separators = {separator{{148, 2984, 1216, 2987}}, separator{{1260, 144, 2337, 147}},
                  separator{{1260, 144, 1263, 763}}, separator{{1260, 760, 2337, 763}},
                  separator{{2334, 144, 2337, 763}}};
  const std::vector<std::uint32_t> articles{0, 1, 2, 3, 4, 5, 8, 6, 7, 9, 10};
  CHECK(order_regions(p).flattened() == articles);
  // A blurred scan: column one's last lines reach down to the rule over
  // it, so no white lies above headline two. The rule drawn right above
  // the headline, over column one only, does the white space's work.
  page blurred = p;
  blurred.regions[5] = body(150, 2630, 1214, 3005);
  CHECK(order_regions(blurred).flattened() == articles);
  // A section of article two starts in column two at the height of its
  // headline: white runs across the page there, by chance. The frame
  // still says where column two changes article; the white cuts no band.
  page chance = p;
  chance.regions[10].bbox.y1 = 2960;
  chance.regions[10].lines.resize((2960 - 1033) / 40);
  chance.regions.push_back(body(1266, 3013, 2331, 3630));  // 11 two, column two
  CHECK(order_regions(chance).flattened() ==
        std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 8, 6, 7, 9, 10, 11});
  // Without the frame, a one-column heading beside another column is that
  // column's own: the columns are read one after the other.
  const std::vector<std::uint32_t> columns{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  page unframed = p;
  unframed.separators.resize(1);
  CHECK(order_regions(unframed).flattened() == columns);
  // Nor does a heading in body type start an article.
  page plain = p;
  plain.regions[6] = display(181, 3013, 1181, 3053);
  CHECK(order_regions(plain).flattened() == columns);
}

TEST_CASE("layout: a heading line the engine cut into pieces over the gutters spans them") {
  // Three columns under a headline the engine cut into three regions of
  // one line each, at spaces between words that lie over the gutters (or
  // near them): no piece crosses a gutter by itself. Side by side on one
  // line, in one type, a word space apart, they are one headline: read
  // left to right, before the columns.
  auto line = one_line;
  page p;
  p.width = 2500;
  p.height = 2000;
  p.regions = {
      at(150, 230, 850, 1900, region_hint::none, 40),    // 0 column one
      line(930, 150, 1590, 213),                         // 1 the headline, middle piece
      at(900, 230, 1600, 1900, region_hint::none, 40),   // 2 column two
      line(500, 150, 900, 213),                          // 3 the headline, first piece
      at(1650, 230, 2350, 1900, region_hint::none, 40),  // 4 column three
      line(1620, 151, 1950, 220),                        // 5 the headline, last piece (a descender)
  };
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{3, 1, 5, 0, 2, 4});
  // Two articles' headings side by side, a gutter apart, are two headings:
  // each column is read under its own.
  p.regions[3] = line(300, 150, 850, 213);
  p.regions[1] = line(950, 150, 1500, 213);
  p.regions[5] = line(1700, 150, 2300, 213);
  CHECK(order_regions(p).flattened() == std::vector<std::uint32_t>{3, 0, 1, 2, 5, 4});
}

TEST_CASE("layout: a region holding one line of each of two columns goes with its first") {
  // A skewed scan: the engine put the last line but one of column one and
  // a line of column two into one region, each line holding the other
  // column's specks. The columns hold as many of its lines; it is read
  // from its first line, so it goes where that line stands, in column one.
  auto with_line = [](region r, int x0, int y0, int x1) {
    colreflow::detail::text_line l;
    l.text = "x";
    l.bbox = {x0, y0, x1, y0 + 40};
    r.lines.push_back(l);
    return r;
  };
  auto page_with = [&](int first_y, int second_y) {
    region mixed = at(100, 1000, 2000, 1085, region_hint::none, 0);
    mixed = with_line(mixed, 100, first_y, 1000);    // column one's line
    mixed = with_line(mixed, 1100, second_y, 2000);  // column two's line
    page p;
    p.width = 2100;
    p.height = 1600;
    p.regions = {
        at(100, 100, 1000, 995, region_hint::none, 22),    // 0 column one
        at(1100, 100, 2000, 995, region_hint::none, 22),   // 1 column two
        mixed,                                             // 2 a line of each
        at(100, 1050, 1000, 1500, region_hint::none, 11),  // 3 column one
        at(1100, 1050, 2000, 1500, region_hint::none, 11),  // 4 column two
    };
    return p;
  };
  CHECK(order_regions(page_with(1000, 1045)).flattened() ==
        std::vector<std::uint32_t>{0, 2, 3, 1, 4});
  // Its first line in column two: it goes there.
  CHECK(order_regions(page_with(1045, 1000)).flattened() ==
        std::vector<std::uint32_t>{0, 3, 1, 2, 4});
}

TEST_CASE("layout: ruled frames are the ones every top, bottom and side would give") {
  // The frames found through the sides against the definition tried on
  // every (top, bottom, side): random rules near one another, so that
  // many fall within the tolerance of many.
  using colreflow::detail::ruled_frames;
  using colreflow::detail::separator;
  auto by_definition = [](const std::vector<separator> &rules, std::int32_t tol) {
    auto horizontal = [](const box &b) { return b.width() > 3 * b.height(); };
    auto vertical = [](const box &b) { return b.height() > 3 * b.width(); };
    auto near = [&](std::int32_t a, std::int32_t b) { return std::abs(a - b) <= tol; };
    std::vector<box> out;
    for (const separator &top : rules)
      for (const separator &bottom : rules) {
        const box &t = top.bbox, &b = bottom.bbox;
        if (!horizontal(t) || !horizontal(b) || b.y0 <= t.y1 + tol || !near(t.x0, b.x0) ||
            !near(t.x1, b.x1))
          continue;
        const bool side = std::any_of(rules.begin(), rules.end(), [&](const separator &v) {
          const box &r = v.bbox;
          return vertical(r) && near(r.y0, t.y0) && near(r.y1, b.y1) &&
                 (near(r.x0, t.x0) || near(r.x1, t.x1));
        });
        const box f{std::min(t.x0, b.x0), t.y0, std::max(t.x1, b.x1), b.y1};
        const bool seen = std::any_of(out.begin(), out.end(), [&](const box &o) {
          return o.x0 == f.x0 && o.y0 == f.y0 && o.x1 == f.x1 && o.y1 == f.y1;
        });
        if (side && !seen) out.push_back(f);
      }
    return out;
  };
  unsigned seed = 7;
  auto below = [&](int n) {
    seed = seed * 1103515245u + 12345u;
    return static_cast<int>((seed >> 16) % static_cast<unsigned>(n));
  };
  std::size_t frames = 0;
  for (int round = 0; round < 200; ++round) {
    std::vector<separator> rules;
    const int n = 1 + below(40);
    for (int k = 0; k < n; ++k) {
      const int x = 10 * below(6), y = 10 * below(8) + below(3);
      if (below(2) == 0) rules.push_back({{x + below(3), y, x + 40 + below(3), y + 2}});
      else rules.push_back({{x + below(3), y, x + 2 + below(2), y + 2 + 10 * (1 + below(4))}});
    }
    const std::int32_t tol = below(4);
    const std::vector<box> got = ruled_frames(rules, tol), want = by_definition(rules, tol);
    REQUIRE(got.size() == want.size());
    frames += got.size();
    for (std::size_t k = 0; k < got.size(); ++k) {
      CHECK(got[k].x0 == want[k].x0);
      CHECK(got[k].y0 == want[k].y0);
      CHECK(got[k].x1 == want[k].x1);
      CHECK(got[k].y1 == want[k].y1);
    }
  }
  CHECK(frames > 30);  // the rounds do draw frames (69)
}
