// Text from geometry inputs: what the source's markup settles.
#include <doctest/doctest.h>

#include <algorithm>  // min, max
#include <string>
#include <vector>

#include "colreflow/colreflow.hpp"
#include "model/document.hpp"
#include "read/hocr_reader.hpp"
#include "reflow/page_lines.hpp"
#include "segment/line_pieces.hpp"

namespace {

// One ALTO v4 block of three lines; `first` and `second` are the halves of
// a word cut at the first line's end, `whole` its SUBS_CONTENT.
std::string alto(const char *first, const char *second, const char *whole) {
  return std::string(
             "<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout>"
             "<Page ID='p' WIDTH='1000' HEIGHT='1000'><PrintSpace>"
             "<TextBlock ID='b' HPOS='0' VPOS='0' WIDTH='500' HEIGHT='90'>"
             "<TextLine ID='l1' HPOS='0' VPOS='0' WIDTH='500' HEIGHT='30'>"
             "<String CONTENT='The' HPOS='0' VPOS='0' WIDTH='60' HEIGHT='30'/><SP/>"
             "<String CONTENT='") +
         first + "' SUBS_TYPE='HypPart1' SUBS_CONTENT='" + whole +
         "' HPOS='70' VPOS='0' WIDTH='100' HEIGHT='30'/><HYP CONTENT='-'/></TextLine>"
         "<TextLine ID='l2' HPOS='0' VPOS='30' WIDTH='500' HEIGHT='30'>"
         "<String CONTENT='" +
         second + "' SUBS_TYPE='HypPart2' SUBS_CONTENT='" + whole +
         "' HPOS='0' VPOS='30' WIDTH='100' HEIGHT='30'/><SP/>"
         "<String CONTENT='ends.' HPOS='110' VPOS='30' WIDTH='80' HEIGHT='30'/></TextLine>"
         "</TextBlock></PrintSpace></Page></Layout></alto>";
}

const colreflow::detail::repair *first_of(const colreflow::detail::document &d,
                                          colreflow::detail::repair_kind k) {
  for (const auto &r : d.log.entries)
    if (r.kind == k) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("geometry text: ALTO hyphenation markup removes a line-end hyphen the word list does not know") {
  colreflow::options opts;
  opts.lexicon_path = "";  // no word list: only the markup can tell
  const auto doc = colreflow::document::from_bytes(alto("zyx", "quor", "zyxquor"),
                                                   colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) == "The zyxquor ends.\n");
  const auto *r = first_of(doc.impl(), colreflow::detail::repair_kind::dehyphenation);
  REQUIRE(r != nullptr);
  CHECK(r->confidence == doctest::Approx(0.98));
  CHECK(r->cue.find("the source marks \"zyxquor\"") != std::string::npos);
}

TEST_CASE("geometry text: ALTO markup of a hyphenated compound keeps its hyphen") {
  colreflow::options opts;
  opts.lexicon_path = "";
  const auto doc = colreflow::document::from_bytes(alto("well", "known", "well-known"),
                                                   colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) == "The well-known ends.\n");
  CHECK(first_of(doc.impl(), colreflow::detail::repair_kind::hyphen_kept) != nullptr);
}

namespace {

// An hOCR page; `areas` holds ocr_carea divs made with hocr_area.
std::string hocr_page(const std::string &areas) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<body>\n"
         "<div class='ocr_page' id='page_1' title='bbox 0 0 2000 2000'>\n" +
         areas + "\n</div>\n</body>\n</html>\n";
}

// The txt output of a page with the default options.
std::string txt_of(const std::string &page) {
  colreflow::options opts;
  return colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts)
      .render(colreflow::format::txt);
}

struct hocr_line {
  const char *text;
  int x0, y0, x1, size;
  const char *kind = "ocr_line";
};

// One ocr_carea; each line's words share its box evenly, in reading order.
std::string hocr_area(const std::vector<hocr_line> &lines) {
  std::string out = "<div class='ocr_carea'>";
  for (const hocr_line &l : lines) {
    const int y1 = l.y0 + l.size;
    out += std::string("<span class='") + l.kind + "' title='bbox " + std::to_string(l.x0) + " " +
           std::to_string(l.y0) + " " + std::to_string(l.x1) + " " + std::to_string(y1) +
           "; x_size " + std::to_string(l.size) + "'>";
    std::vector<std::string> words;
    std::string text = l.text, w;
    for (char c : text) {
      if (c == ' ') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    if (!w.empty()) words.push_back(w);
    const int step = (l.x1 - l.x0) / static_cast<int>(words.size());
    for (std::size_t k = 0; k < words.size(); ++k) {
      const int x = l.x0 + static_cast<int>(k) * step;
      out += "<span class='ocrx_word' title='bbox " + std::to_string(x) + " " +
             std::to_string(l.y0) + " " + std::to_string(x + step - 8) + " " +
             std::to_string(y1) + "'>" + words[k] + "</span> ";
    }
    out += "</span>\n";
  }
  return out + "</div>\n";
}

// Two columns of body type, each an area of three lines 30 high every 40
// (the last one short): x 100-600 from `left_y0`, and 500 wide from
// `right_x0` and `right_y0`.
std::string body_columns(int right_x0, int left_y0, int right_y0) {
  return hocr_area({
             {"Alpha beta gamma delta epsilon zeta eta", 100, left_y0, 600, 30},
             {"theta iota kappa lambda mu nu xi", 100, left_y0 + 40, 600, 30},
             {"omicron pi rho sigma tau ends.", 100, left_y0 + 80, 500, 30},
         }) +
         hocr_area({
             {"eta theta iota kappa lambda mu nu", right_x0, right_y0, right_x0 + 500, 30},
             {"xi omicron pi rho sigma tau upsilon", right_x0, right_y0 + 40, right_x0 + 500, 30},
             {"phi chi psi omega.", right_x0, right_y0 + 80, right_x0 + 220, 30},
         });
}

// The txt output of a CJK page of three areas (lines 40 high): a
// paragraph; a two-line section heading (`first`, `second`, set where the
// test puts them) with the indented first line of the next paragraph in
// one area; that paragraph's rest.
std::string old_street_text(const hocr_line &first, const hocr_line &second) {
  const std::string page =
      hocr_page(hocr_area({
                    {"本报讯经过一年半的施工，南门老街", 100, 100, 700, 40},
                    {"改造工程日前全面完工并恢复通行。", 100, 150, 700, 40},
                    {"这条始建于清代的老街全长约八百米", 100, 200, 700, 40},
                    {"，两侧保留着砖木结构的老房子。", 100, 250, 660, 40},
                }) +
                hocr_area({first, second, {"随着环境的改善，一些多年前搬", 180, 420, 700, 40}}) +
                hocr_area({
                    {"离老街的手艺人又回来了。在街道北", 100, 470, 700, 40},
                    {"段，一家经营了三代的竹编作坊重新", 100, 520, 700, 40},
                    {"开门。", 100, 570, 220, 40},
                }));
  return txt_of(page);
}

}  // namespace

TEST_CASE("geometry text: paragraphs end where the page shows it, not where the letters count") {
  // A full line ending a sentence carries on when the next line is flush;
  // an indented line after a finished sentence opens a paragraph.
  const std::string page = hocr_page(hocr_area({
      {"Alpha beta gamma delta epsilon zeta eta", 100, 100, 600, 30},
      {"theta iota kappa ends it.", 100, 140, 600, 30},
      {"Lambda mu nu xi omicron pi rho", 140, 180, 600, 30},
      {"sigma tau upsilon phi chi psi.", 100, 220, 600, 30},
      {"Omega alpha beta gamma delta epsilon", 100, 260, 600, 30},
      {"zeta eta theta.", 100, 300, 300, 30},
  }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa ends it.\n\n"
        "Lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi. Omega alpha beta gamma "
        "delta epsilon zeta eta theta.\n");
}

TEST_CASE("geometry text: a heading in body type inside a column stands apart from the text") {
  // Two unterminated lines after a finished sentence, the last one short,
  // then an indented paragraph start: a section heading, not prose.
  const std::string page = hocr_page(hocr_area({
      {"Alpha beta gamma delta epsilon zeta eta", 100, 100, 600, 30},
      {"theta iota kappa ends it.", 100, 140, 600, 30},
      {"Protecting the freedom", 100, 180, 500, 30},
      {"to share", 100, 220, 250, 30},
      {"Lambda mu nu xi omicron pi rho", 140, 260, 600, 30},
      {"sigma tau upsilon phi chi psi.", 100, 300, 400, 30},
  }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa ends it.\n\n"
        "Protecting the freedom to share\n\n"
        "Lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi.\n");
}

TEST_CASE("geometry text: a kicker above the headline is its first line; CJK pieces join with no space") {
  // The kicker in smaller type straight above the headline; the headline
  // cut by the engine at a gutter into two regions on one page line.
  const std::string page =
      hocr_page(hocr_area({{"城市更新", 700, 100, 900, 50, "ocr_header"}}) +
                hocr_area({{"百年老街换新颜", 300, 170, 1000, 100, "ocr_header"}}) +
                hocr_area({{"街坊留住烟火气", 1030, 170, 1730, 100, "ocr_header"}}) +
                hocr_area({
                    {"本报讯经过一年半的施工，南门老", 100, 320, 700, 40},
                    {"街改造工程日前全面完工并恢复通", 100, 370, 700, 40},
                    {"行。这条始建于清代的老街全长约", 100, 420, 700, 40},
                    {"八百米。", 100, 470, 260, 40},
                }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "城市更新\n百年老街换新颜街坊留住烟火气\n\n"
        "本报讯经过一年半的施工，南门老街改造工程日前全面完工并恢复通行。这条始建于清代的老街全长约八百米。\n");
}

TEST_CASE("geometry text: a piece of a line the engine set apart is read within its line") {
  // The engine cut "omicron pi rho" off the third line into an area of its
  // own, first in the file: it belongs at the end of that line.
  const std::string page = hocr_page(hocr_area({{"omicron pi rho", 420, 180, 600, 30}}) +
                                     hocr_area({
                                         {"Alpha beta gamma delta epsilon zeta eta", 100, 100, 600, 30},
                                         {"theta iota kappa ends it.", 100, 140, 600, 30},
                                         {"Lambda mu nu xi", 140, 180, 400, 30},
                                         {"sigma tau upsilon phi chi psi.", 100, 220, 600, 30},
                                         {"Omega alpha beta gamma delta epsilon", 100, 260, 600, 30},
                                         {"zeta eta theta.", 100, 300, 300, 30},
                                     }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa ends it.\n\n"
        "Lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi. Omega alpha beta gamma "
        "delta epsilon zeta eta theta.\n");
  // The move is logged, with the line the piece went into.
  bool logged = false;
  for (const auto &r : doc.impl().log.entries)
    logged = logged || (r.kind == colreflow::detail::repair_kind::block_moved &&
                        r.cue.find("its line read within line 3") != std::string::npos);
  CHECK(logged);
}

TEST_CASE("geometry text: a CJK piece left of its line joins it with no space") {
  const std::string page = hocr_page(hocr_area({{"形”，", 100, 420, 180, 40}}) +
                                     hocr_area({
                                         {"本报讯经过一年半的施工，南门老", 100, 320, 700, 40},
                                         {"街改造工程坚持“修旧如旧、留人留", 100, 370, 700, 40},
                                         {"在不改变街巷格局的前提", 220, 420, 700, 40},
                                         {"下，逐栋加固房屋结构，更新供水", 100, 470, 700, 40},
                                         {"和电力线路。", 100, 520, 340, 40},
                                     }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "本报讯经过一年半的施工，南门老街改造工程坚持“修旧如旧、留人留形”，在不改变街巷格局的前提"
        "下，逐栋加固房屋结构，更新供水和电力线路。\n");
}

TEST_CASE("geometry text: a piece beside a line whose region the engine cut narrower than its column joins the line") {
  // The two-line region ends at x 420: its column shows only in the
  // regions above and below it, set in the same type.
  auto page_with = [](int size) {
    return hocr_page(hocr_area({
                         {"项目负责人介绍，改造之初，设计团队", 100, 100, 700, 40},
                         {"用了三个月时间挨家挨户走访，为每一", 100, 150, 700, 40},
                         {"栋房屋建立档案，记录它的建造年代。", 100, 200, 700, 40},
                     }) +
                     hocr_area({
                         {"对于基本完好的房屋，则", 100, 250, 420, 40},
                         {"件。", 100, 300, 160, 40},
                     }) +
                     hocr_area({{"只做局部修缮和加固构", 440, 250, 700, size}}) +
                     hocr_area({
                         {"随着环境的改善，一些多年前搬离老", 180, 350, 700, 40},
                         {"街的手艺人又回来了。在街道北段，", 100, 400, 700, 40},
                         {"一家竹编作坊重新开门。", 100, 450, 540, 40},
                     }));
  };
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page_with(40), colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "项目负责人介绍，改造之初，设计团队用了三个月时间挨家挨户走访，为每一栋房屋建立档案，记录它的建造"
        "年代。对于基本完好的房屋，则只做局部修缮和加固构件。\n\n"
        "随着环境的改善，一些多年前搬离老街的手艺人又回来了。在街道北段，一家竹编作坊重新开门。\n");
  // Type of another size beside the line is no piece of it.
  const auto other = colreflow::document::from_bytes(page_with(90), colreflow::input_format::auto_detect, opts);
  CHECK(other.render(colreflow::format::txt).find("则只做局部修缮") == std::string::npos);
}

TEST_CASE("line pieces: only a region beside a line of its own column is a piece of it") {
  using namespace colreflow::detail;
  // Column one (x 100-600) and column two (x 680-1180); one-line regions:
  // beside line 2 in column one (a piece), at the same height in column two
  // (a line of that column, not a piece), and in column one three ems away
  // from the line's end (too far to be cut from it).
  const std::string bytes = hocr_page(
      hocr_area({
          {"Alpha beta gamma delta epsilon zeta eta", 100, 100, 600, 30},
          {"theta iota", 100, 140, 330, 30},
          {"kappa lambda mu nu xi omicron pi", 100, 180, 600, 30},
          {"rho", 100, 220, 180, 30},
          {"Sigma tau upsilon phi chi psi omega", 140, 260, 600, 30},
          {"alpha beta gamma delta epsilon zeta", 100, 300, 600, 30},
          {"eta theta iota kappa lambda mu nu", 100, 340, 600, 30},
      }) +
      hocr_area({{"kappa ends it.", 350, 140, 600, 30}}) +
      hocr_area({{"Omega psi chi phi upsilon tau sigma", 680, 140, 1180, 30}}) +
      hocr_area({
          {"Alpha beta gamma delta epsilon zeta eta", 680, 180, 1180, 30},
          {"theta iota kappa lambda mu nu xi", 680, 220, 1180, 30},
          {"omicron pi rho sigma tau.", 680, 260, 1000, 30},
      }) +
      hocr_area({{"far off", 380, 220, 600, 30}}));
  const page p = read_hocr(bytes, "t", {});
  REQUIRE(p.regions.size() == 5);
  const std::vector<line_piece> pieces = find_line_pieces(p, column_finder(p));
  REQUIRE(pieces.size() == 5);
  CHECK(pieces[1].host == 0);
  CHECK(pieces[1].line == 1);
  CHECK_FALSE(pieces[1].left);
  CHECK_FALSE(pieces[2].is_piece());  // column two's line at the same height
  CHECK_FALSE(pieces[4].is_piece());  // 200 units (nearly seven ems) from "rho"
  CHECK_FALSE(pieces[0].is_piece());
  CHECK_FALSE(pieces[3].is_piece());
  // The joined page reads the piece in its line; the order takes it after its host.
  const page joined = with_pieces_joined(p, pieces);
  CHECK(joined.regions[0].lines[1].text == "theta iota kappa ends it.");
  CHECK(joined.regions[1].lines[0].text.empty());
  page_order order;
  order.articles = {{1, 2, 3}, {0, 4}};
  follow_hosts(order, pieces);
  CHECK(order.articles == std::vector<std::vector<std::uint32_t>>{{2, 3}, {0, 1, 4}});
}

TEST_CASE("line pieces: a host cut narrower than its column takes the box of the line it now holds") {
  using namespace colreflow::detail;
  // The two-line region ends at x 420; its column (x 100-700) shows in the
  // region above. A host that shows its column itself keeps its box.
  const std::string bytes = hocr_page(
      hocr_area({
          {"Alpha beta gamma delta epsilon zeta eta", 100, 100, 700, 30},
          {"theta iota kappa lambda mu nu xi pi", 100, 140, 700, 30},
          {"omicron pi rho sigma tau upsilon phi", 100, 180, 700, 30},
          {"chi psi omega alpha beta gamma delta", 100, 220, 700, 30},
          {"epsilon zeta eta theta iota kappa", 100, 260, 700, 30},
      }) +
      hocr_area({
          {"Chi psi omega alpha", 100, 300, 420, 30},
          {"ends.", 100, 340, 180, 30},
      }) +
      hocr_area({{"beta gamma delta", 440, 300, 700, 30}}) +
      hocr_area({{"eta theta", 520, 140, 700, 30}}));
  const page p = read_hocr(bytes, "t", {});
  REQUIRE(p.regions.size() == 4);
  page wide = p;
  wide.regions[0].lines[1].bbox.x1 = 500;  // room for the last piece
  const std::vector<line_piece> pieces = find_line_pieces(wide, column_finder(wide));
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[2].host == 1);
  CHECK(pieces[2].widens_host);
  CHECK(pieces[3].host == 0);
  CHECK_FALSE(pieces[3].widens_host);
  const page joined = with_pieces_joined(wide, pieces);
  CHECK(joined.regions[1].lines[0].text == "Chi psi omega alpha beta gamma delta");
  CHECK(joined.regions[1].bbox.x1 == 700);
  CHECK(joined.regions[0].bbox.x1 == wide.regions[0].bbox.x1);
}

TEST_CASE("line pieces: a headline's end that the engine ran into the region below it joins the headline") {
  using namespace colreflow::detail;
  // Two columns of body type (lines 30 high). The headline, 60 high, was
  // cut at the gutter: its left half a region of its own, its right half
  // the first line of the region holding the right column's subheading.
  auto build = [](int right_x0) {
    return hocr_page(
        hocr_area({{"City opens", 300, 20, 640, 60}}) +
        hocr_area({{"new bridge", right_x0, 20, right_x0 + 330, 60},
                   {"Traffic eased", 760, 110, 1000, 30},
                   {"Alpha beta gamma delta epsilon zeta", 680, 150, 1180, 30}}) +
        body_columns(680, 110, 190));
  };
  const page p = read_hocr(build(648), "t", {});
  REQUIRE(p.regions.size() == 4);
  const std::vector<line_piece> pieces = find_line_pieces(p, column_finder(p));
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[1].host == 0);
  CHECK(pieces[1].stays);
  CHECK(pieces[1].piece_line == 0);
  CHECK(pieces[1].piece_lines == 1);
  const page joined = with_pieces_joined(p, pieces);
  CHECK(joined.regions[0].lines[0].text == "City opens new bridge");
  CHECK(joined.regions[1].lines[0].text.empty());
  CHECK(joined.regions[1].lines[1].text == "Traffic eased");
  // The region keeps its place: its subheading is read where it stands.
  page_order order;
  order.articles = {{0, 2, 1, 3}};
  follow_hosts(order, pieces);
  CHECK(order.articles == std::vector<std::vector<std::uint32_t>>{{0, 2, 1, 3}});

  // Boxes that overlap are two things side by side, not one line cut at a
  // space; a gap as wide as a gutter (50 of type 60) parts two headlines.
  for (int x0 : {630, 690}) {
    const page q = read_hocr(build(x0), "t", {});
    CHECK_FALSE(find_line_pieces(q, column_finder(q))[1].is_piece());
  }
  // A region that holds nothing past the headline's line (here a smaller
  // second reading of it) is a piece of the headline the layout places.
  const std::string alone = hocr_page(
      hocr_area({{"City opens", 300, 20, 640, 60}}) +
      hocr_area({{"new bridge", 648, 20, 978, 60}, {"ncw brldgc", 650, 20, 900, 28}}) +
      hocr_area({{"Alpha beta gamma delta epsilon zeta eta", 100, 110, 600, 30},
                 {"theta iota kappa lambda mu nu xi", 100, 150, 600, 30},
                 {"omicron pi rho sigma tau ends.", 100, 190, 500, 30}}));
  const page q = read_hocr(alone, "t", {});
  CHECK_FALSE(find_line_pieces(q, column_finder(q))[1].is_piece());
}

TEST_CASE("line pieces: a headline the engine cut at word spaces into one-line regions is one line") {
  using namespace colreflow::detail;
  // Body type 30 high in two columns (x 100-600, 680-1180); the headline, 60
  // high, in three one-line regions a word space (20) apart. The engine's
  // box of the garbled middle word stands twice as tall as its type.
  auto build = [](int third_x0, int middle_y0, int middle_h) {
    return hocr_page(
        hocr_area({{"City opens", 300, 20, 640, 60}}) +
        hocr_area({{"its new", 660, middle_y0, 900, middle_h}}) +
        hocr_area({{"bridge", third_x0, 20, third_x0 + 200, 60}}) + body_columns(680, 110, 110));
  };
  const page p = read_hocr(build(920, 0, 120), "t", {});
  REQUIRE(p.regions.size() == 5);
  const std::vector<line_piece> pieces = find_line_pieces(p, column_finder(p));
  REQUIRE(pieces.size() == 5);
  CHECK_FALSE(pieces[0].is_piece());
  for (std::size_t k : {1, 2}) {
    CHECK(pieces[k].host == 0);  // the third piece joins the first, not the second
    CHECK(pieces[k].in_headline);
    CHECK_FALSE(pieces[k].stays);
  }
  const page joined = with_pieces_joined(p, pieces);
  CHECK(joined.regions[0].lines[0].text == "City opens its new bridge");
  CHECK(joined.regions[1].lines[0].text.empty());
  CHECK(joined.regions[2].lines[0].text.empty());
  page_order order;
  order.articles = {{2, 0, 3, 1, 4}};
  follow_hosts(order, pieces);
  CHECK(order.articles == std::vector<std::vector<std::uint32_t>>{{0, 1, 2, 3, 4}});

  // A gutter's width (50 of type 60) parts the third from the second.
  const page wide = read_hocr(build(950, 20, 60), "t", {});
  const std::vector<line_piece> apart = find_line_pieces(wide, column_finder(wide));
  CHECK(apart[1].host == 0);
  CHECK_FALSE(apart[2].is_piece());

  // Two heads each as wide as the column below it, a narrow gutter (20)
  // apart, head two columns: an advertisement page, not one line.
  const std::string ads = hocr_page(
      hocr_area({{"Rooms to let", 100, 20, 600, 60}}) + hocr_area({{"Wanted", 620, 20, 1120, 60}}) +
      body_columns(620, 110, 110));
  const page q = read_hocr(ads, "t", {});
  CHECK_FALSE(find_line_pieces(q, column_finder(q))[1].is_piece());
}

TEST_CASE("line pieces: a fragment of a headline glyph read as letters is a piece of the headline line") {
  using namespace colreflow::detail;
  // The headline of the test above in two pieces a word space apart (x
  // 300-640 and 670-900, type 60); between them a region of one line 20
  // high, lower than the body's 30: a part of a glyph the engine read as "sl".
  auto build = [](int y0, int h) {
    return hocr_page(hocr_area({{"sl", 645, y0, 665, h}}) +
                     hocr_area({{"City opens", 300, 20, 640, 60}}) +
                     hocr_area({{"its bridge", 670, 20, 900, 60}}) + body_columns(680, 110, 110));
  };
  const page p = read_hocr(build(40, 20), "t", {});
  REQUIRE(p.regions.size() == 5);
  const std::vector<line_piece> pieces = find_line_pieces(p, column_finder(p));
  CHECK(pieces[0].host == 1);
  CHECK(pieces[0].fragment);
  CHECK(pieces[2].host == 1);
  CHECK_FALSE(pieces[2].fragment);
  CHECK(with_pieces_joined(p, pieces).regions[1].lines[0].text == "City opens sl its bridge");
  page_order order;
  order.articles = {{0, 1, 2, 3, 4}};
  follow_hosts(order, pieces);
  CHECK(order.articles == std::vector<std::vector<std::uint32_t>>{{1, 0, 2, 3, 4}});

  // In body type, or reaching above the headline line: no fragment of it.
  const page body_type = read_hocr(build(40, 30), "t", {});
  CHECK_FALSE(find_line_pieces(body_type, column_finder(body_type))[0].is_piece());
  const page above = read_hocr(build(10, 20), "t", {});
  CHECK_FALSE(find_line_pieces(above, column_finder(above))[0].is_piece());
}

TEST_CASE("geometry text: a kicker inside the engine's box of a garbled headline is its first line") {
  // The headline's box reaches up over the kicker (a mark read into its
  // first word); the kicker is still the headline's first line.
  auto read = [](int headline_y0, int headline_h, int kicker_y0) {
    const std::string page =
        hocr_page(hocr_area({{"城市更新", 700, kicker_y0, 900, 50, "ocr_header"}}) +
                  hocr_area({{"百年老街换新颜街坊留住烟火气", 300, headline_y0, 1000, headline_h, "ocr_header"}}) +
                  hocr_area({
                      {"本报讯经过一年半的施工，南门老", 100, 320, 700, 40},
                      {"街改造工程日前全面完工并恢复通", 100, 370, 700, 40},
                      {"行。这条始建于清代的老街全长约", 100, 420, 700, 40},
                      {"八百米。", 100, 470, 260, 40},
                  }));
    colreflow::options opts;
    return colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  };
  auto kicker_moves = [](const colreflow::document &d) {
    int n = 0;
    for (const auto &r : d.impl().log.entries)
      n += r.kind == colreflow::detail::repair_kind::block_moved && r.cue.find("kicker") != std::string::npos;
    return n;
  };
  const std::string body = "本报讯经过一年半的施工，南门老街改造工程日前全面完工并恢复通行。这条始建于清代的老街全长约八百米。\n";
  const std::string joined = "城市更新\n百年老街换新颜街坊留住烟火气\n\n" + body;
  CHECK(read(100, 200, 100).render(colreflow::format::txt) == joined);  // read first
  // Read after the headline (the box's top is higher), in its upper half:
  // moved before it, and the move logged.
  const auto after = read(80, 200, 100);
  CHECK(after.render(colreflow::format::txt) == joined);
  CHECK(kicker_moves(after) == 1);
  CHECK(kicker_moves(read(100, 200, 100)) == 0);
  // In the lower half it may be the end of the headline's own line: not moved.
  CHECK(read(80, 200, 200).render(colreflow::format::txt).rfind("百年老街换新颜街坊留住烟火气\n", 0) == 0);
  CHECK(read(170, 100, 100).render(colreflow::format::txt) == joined);  // above it, as printed
}

TEST_CASE("geometry text: a CJK section heading of two centred lines stands apart from the paragraph it opens") {
  // The engine put the heading's two lines and the paragraph's indented
  // first line in one area of three lines; the column is measured from the
  // areas above and below it.
  CHECK(old_street_text({"老手艺回归", 300, 320, 500, 40}, {"街坊有了新生意", 260, 370, 540, 40}) ==
        "本报讯经过一年半的施工，南门老街改造工程日前全面完工并恢复通行。这条始建于清代的老街全长约八百米"
        "，两侧保留着砖木结构的老房子。\n\n"
        "老手艺回归 街坊有了新生意\n\n"
        "随着环境的改善，一些多年前搬离老街的手艺人又回来了。在街道北段，一家经营了三代的竹编作坊重新开门。\n");
}

TEST_CASE("geometry text: an area that starts mid-line reads on from the end of the line it continues") {
  // The engine started a new area at a speck in the middle of a page line:
  // its first line stands right after the last line of the area above, on
  // the same page line. That line, short as it looks, ends no paragraph.
  const std::string page = hocr_page(
      hocr_area({
          {"Alpha beta gamma delta epsilon zeta eta", 100, 100, 600, 30},
          {"theta iota kappa lambda mu nu xi ends.", 100, 140, 600, 30},
          {"Omicron pi rho sigma tau upsilon phi chi", 140, 180, 600, 30},
          {"psi omega alpha beta.", 100, 220, 380, 30},
      }) +
      hocr_area({
          {"Gamma delta.", 400, 220, 600, 30},
          {"Epsilon zeta eta theta iota kappa lambda", 140, 260, 600, 30},
          {"mu nu xi omicron pi rho sigma tau upsilon", 100, 300, 600, 30},
          {"phi chi psi.", 100, 340, 300, 30},
      }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi ends.\n\n"
        "Omicron pi rho sigma tau upsilon phi chi psi omega alpha beta. Gamma delta.\n\n"
        "Epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi "
        "psi.\n");
}

TEST_CASE("geometry text: a CJK heading line set a size up reads as a heading even where it reaches the column's edge") {
  // The heading's second line is set wider than the body's pitch (7
  // ideographs across 330 units, body type 40 a character) and ends near
  // the right edge, like an indented paragraph start; it is no body line.
  CHECK(old_street_text({"老手艺回归", 420, 320, 630, 40}, {"街坊有了新生意", 360, 370, 690, 40}) ==
        "本报讯经过一年半的施工，南门老街改造工程日前全面完工并恢复通行。这条始建于清代的老街全长约八百米"
        "，两侧保留着砖木结构的老房子。\n\n"
        "老手艺回归 街坊有了新生意\n\n"
        "随着环境的改善，一些多年前搬离老街的手艺人又回来了。在街道北段，一家经营了三代的竹编作坊重新开门。\n");
}

TEST_CASE("geometry text: a full unterminated line between a finished sentence and an indented line is a heading, unless it has prose marks") {
  auto page_with = [](const char *line) {
    return hocr_page(hocr_area({
        {"Alpha beta gamma delta epsilon zeta eta", 100, 100, 600, 30},
        {"theta iota kappa lambda mu ends it.", 100, 140, 600, 30},
        {line, 100, 180, 600, 30},
        {"To protect your rights we need to make", 150, 220, 600, 30},
        {"sure nobody can deny them to you now.", 100, 260, 600, 30},
        {"Omega alpha beta.", 100, 300, 300, 30},
    }));
  };
  colreflow::options opts;
  const auto heading = colreflow::document::from_bytes(page_with("Protecting the freedom to share today"),
                                                       colreflow::input_format::auto_detect, opts);
  CHECK(heading.render(colreflow::format::txt) ==
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu ends it.\n\n"
        "Protecting the freedom to share today\n\n"
        "To protect your rights we need to make sure nobody can deny them to you now. Omega alpha "
        "beta.\n");
  // A comma inside: prose, the text runs on (the paragraph cues decide).
  const auto prose = colreflow::document::from_bytes(page_with("Protecting the freedom, to share today"),
                                                     colreflow::input_format::auto_detect, opts);
  CHECK(prose.render(colreflow::format::txt).find("\n\nProtecting the freedom, to share today\n\n") ==
        std::string::npos);
}

TEST_CASE("geometry text: one speck-stretched line does not make a two-line block display type") {
  // Tesseract TSV (sizes: line heights), body lines 30 high. The block at
  // the head of the second column holds two lines of running text; a speck
  // stretched the first one to 50, and its words stand a little taller than
  // the body's, so their height alone does not settle it. Both lines of a
  // heading would be large.
  std::string tsv =
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
      "1\t1\t0\t0\t0\t0\t0\t0\t2000\t2000\t-1\t\n";
  auto block = [&](int b, int x0, int y0, int x1, int y1) {
    tsv += "2\t1\t" + std::to_string(b) + "\t0\t0\t0\t" + std::to_string(x0) + "\t" + std::to_string(y0) +
           "\t" + std::to_string(x1 - x0) + "\t" + std::to_string(y1 - y0) + "\t-1\t\n";
    tsv += "3\t1\t" + std::to_string(b) + "\t1\t0\t0\t" + std::to_string(x0) + "\t" + std::to_string(y0) +
           "\t" + std::to_string(x1 - x0) + "\t" + std::to_string(y1 - y0) + "\t-1\t\n";
  };
  int line_no = 0;
  auto line = [&](int b, int x0, int y0, int x1, int h, const std::vector<std::pair<const char *, int>> &words) {
    ++line_no;
    tsv += "4\t1\t" + std::to_string(b) + "\t1\t" + std::to_string(line_no) + "\t0\t" + std::to_string(x0) +
           "\t" + std::to_string(y0) + "\t" + std::to_string(x1 - x0) + "\t" + std::to_string(h) + "\t-1\t\n";
    int x = x0, k = 0;
    const int step = (x1 - x0) / static_cast<int>(words.size());
    for (const auto &[text, wh] : words) {
      tsv += "5\t1\t" + std::to_string(b) + "\t1\t" + std::to_string(line_no) + "\t" + std::to_string(++k) +
             "\t" + std::to_string(x) + "\t" + std::to_string(y0) + "\t" + std::to_string(step - 10) + "\t" +
             std::to_string(wh) + "\t96\t" + text + "\n";
      x += step;
    }
  };
  block(1, 100, 100, 600, 250);
  line(1, 100, 100, 600, 30, {{"Alpha", 30}, {"beta", 30}, {"gamma", 30}, {"delta", 30}, {"epsilon", 30}});
  line(1, 100, 140, 600, 30, {{"theta", 30}, {"iota", 30}, {"kappa", 30}, {"mu", 30}, {"ends.", 30}});
  line(1, 140, 180, 600, 30, {{"Omicron", 30}, {"pi", 30}, {"rho", 30}, {"sigma", 30}, {"tau", 30}});
  line(1, 100, 220, 600, 30, {{"psi", 30}, {"omega", 30}, {"alpha", 30}, {"beta", 30}, {"the", 30}});
  block(2, 700, 100, 1200, 180);
  line(2, 700, 100, 1200, 50, {{"recipients", 34}, {"the", 40}, {"same", 40}, {"free-", 50}});
  line(2, 700, 150, 1200, 30, {{"doms", 30}, {"that", 30}, {"you", 30}, {"received.", 30}, {"You", 30}});
  block(3, 700, 190, 1200, 300);
  line(3, 700, 190, 1200, 30, {{"must", 30}, {"make", 30}, {"sure", 30}, {"that", 30}, {"they", 30}});
  line(3, 700, 230, 1200, 30, {{"too", 30}, {"receive", 30}, {"or", 30}, {"can", 30}, {"get", 30}});
  line(3, 700, 270, 1200, 30, {{"the", 30}, {"source", 30}, {"code", 30}, {"and", 30}, {"rights.", 30}});
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(tsv, colreflow::input_format::auto_detect, opts);
  const std::string txt = doc.render(colreflow::format::txt);
  INFO(txt);
  CHECK(txt.find("the recipients the same freedoms that you received. You must make sure") != std::string::npos);
}

namespace {

// A CJK word of an hOCR line: text, box (x0..x1, standing `height` on the
// line's foot) and the engine's confidence.
struct placed_word {
  const char *text;
  int x0, x1, height, conf;
};

// A line of one-ideograph words 40 apart from x0, 36 high, all read at 95.
std::vector<placed_word> cjk_words(const std::vector<const char *> &chars, int x0) {
  std::vector<placed_word> out;
  for (const char *c : chars) {
    out.push_back({c, x0, x0 + 36, 36, 95});
    x0 += 40;
  }
  return out;
}

// One ocr_carea of CJK lines 50 apart from y `top`; each line's box spans
// its words (`reach` stretches it to the right: a speck read as no word).
std::string hocr_word_area(const std::vector<std::vector<placed_word>> &lines, int reach = 0, int top = 100) {
  std::string out = "<div class='ocr_carea'>";
  int y = top;
  for (const auto &words : lines) {
    int x0 = words.front().x0, x1 = words.back().x1;
    for (const placed_word &w : words) x0 = std::min(x0, w.x0), x1 = std::max(x1, w.x1);
    out += "<span class='ocr_line' title='bbox " + std::to_string(x0) + " " + std::to_string(y) + " " +
           std::to_string(std::max(x1, reach)) + " " + std::to_string(y + 40) + "; x_size 40'>";
    for (const placed_word &w : words)
      out += "<span class='ocrx_word' title='bbox " + std::to_string(w.x0) + " " + std::to_string(y + 40 - w.height) +
             " " + std::to_string(w.x1) + " " + std::to_string(y + 40) + "; x_wconf " + std::to_string(w.conf) +
             "'>" + w.text + "</span> ";
    out += "</span>\n";
    y += 50;
  }
  return out + "</div>\n";
}

}  // namespace

TEST_CASE("geometry text: a CJK sentence end before an ideograph the engine read from a speck ends its paragraph") {
  // The second line ends "庚辛。" at x 376; after it the engine read a speck
  // as "和" at confidence 0, its box far off (to x 570, the column's edge).
  std::vector<placed_word> second = cjk_words({"丙", "丁", "戊", "己", "庚", "辛", "。"}, 100);
  second.push_back({"和", 450, 570, 30, 0});
  const std::string page = hocr_page(hocr_word_area({
      cjk_words({"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙"}, 100),
      second,
      cjk_words({"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}, 100),
      cjk_words({"天", "地", "玄", "黄", "宇", "宙", "洪", "荒", "日", "月", "盈", "昃"}, 100),
      cjk_words({"辰", "宿", "列", "张", "。"}, 100),
  }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "一二三四五六七八九十甲乙丙丁戊己庚辛。和\n\n子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张。\n");
  // Read with confidence, the ideograph opens a sentence at the line's end.
  second.back().conf = 90;
  const std::string read = hocr_page(hocr_word_area({
      cjk_words({"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙"}, 100),
      second,
      cjk_words({"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}, 100),
      cjk_words({"天", "地", "玄", "黄", "宇", "宙", "洪", "荒", "日", "月", "盈", "昃"}, 100),
      cjk_words({"辰", "宿", "列", "张", "。"}, 100),
  }));
  CHECK(colreflow::document::from_bytes(read, colreflow::input_format::auto_detect, opts)
            .render(colreflow::format::txt) ==
        "一二三四五六七八九十甲乙丙丁戊己庚辛。和子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张。\n");
}

TEST_CASE("geometry text: a speck read as commas left of an indented CJK line neither hides the indent nor opens the paragraph") {
  // The third line opens a paragraph two ems in (x 180); the engine read a
  // speck at the column's edge as "，，", a word 2 units wide. No CJK line
  // begins with a comma: the marks close the paragraph before.
  std::vector<placed_word> third = cjk_words({"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉"}, 180);
  third.insert(third.begin(), {"，，", 100, 102, 2, 42});
  const std::string page = hocr_page(hocr_word_area({
      cjk_words({"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙"}, 100),
      cjk_words({"丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "甲", "乙", "丙", "。"}, 100),
      third,
      cjk_words({"天", "地", "玄", "黄", "宇", "宙", "洪", "荒", "日", "月", "盈", "昃"}, 100),
      cjk_words({"辰", "宿", "列", "张", "。"}, 100),
  }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸甲乙丙。，，\n\n子丑寅卯辰巳午未申酉天地玄黄宇宙洪荒日月盈昃辰宿列张。\n");
}

TEST_CASE("geometry text: a line filled to the column's edge after text in mid-sentence carries it on, though the engine made it a region of its own") {
  auto page_with = [](const char *before_end) {
    return hocr_page(hocr_area({
                         {"退休教师王老师是读书会的常客。她说，", 140, 100, 700, 40},
                         {"年轻时读书多是为了工作，现在有了时间", 100, 150, 700, 40},
                         {"，反而更能体会读书的乐趣。王老师还主", 100, 200, 700, 40},
                         {before_end, 100, 250, 700, 40},
                     }) +
                     hocr_area({{"上帮助整理书架、指导老年读者使用自助", 100, 300, 700, 40}}) +
                     hocr_area({{"设备。", 100, 350, 220, 40}}) +
                     hocr_area({
                         {"针对少年儿童读者，各馆在晚间专门安", 140, 400, 700, 40},
                         {"排了亲子阅读时段，工作人员会挑选适", 100, 450, 700, 40},
                         {"合的绘本和故事书。", 100, 500, 420, 40},
                     }));
  };
  colreflow::options opts;
  const auto runs_on = colreflow::document::from_bytes(page_with("动当起了志愿者，每周抽出两个晚"),
                                                       colreflow::input_format::auto_detect, opts);
  CHECK(runs_on.render(colreflow::format::txt) ==
        "退休教师王老师是读书会的常客。她说，年轻时读书多是为了工作，现在有了时间，反而更能体会读书"
        "的乐趣。王老师还主动当起了志愿者，每周抽出两个晚上帮助整理书架、指导老年读者使用自助设备。\n\n"
        "针对少年儿童读者，各馆在晚间专门安排了亲子阅读时段，工作人员会挑选适合的绘本和故事书。\n");
}

TEST_CASE("geometry text: a sentence end before a speck ends its paragraph in a region narrower than any column") {
  // The paragraph's last line is a region of its own, too narrow to show a
  // column; the engine read a speck after its stop as "四" at confidence 1.
  std::vector<placed_word> last = cjk_words({"庚", "辛", "。"}, 100);
  last.push_back({"四", 260, 300, 12, 1});
  const std::string page = hocr_page(
      hocr_word_area({
          cjk_words({"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙"}, 100),
          cjk_words({"丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "寅", "卯"}, 100),
          cjk_words({"天", "地", "玄", "黄", "宇", "宙", "洪", "荒", "日", "月", "盈", "昃"}, 100),
      }) +
      hocr_word_area({last}, 0, 250) +
      hocr_word_area({
          cjk_words({"辰", "宿", "列", "张", "寒", "来", "暑", "往", "秋", "收"}, 180),
          cjk_words({"冬", "藏", "闰", "余", "成", "岁", "律", "吕", "调", "阳", "云", "腾"}, 100),
          cjk_words({"致", "雨", "。"}, 100),
      }, 0, 300));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯天地玄黄宇宙洪荒日月盈昃庚辛。四\n\n"
        "辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨。\n");
}

TEST_CASE("geometry text: specks at a CJK line's start neither fill the room at the end of the line before nor set an indent") {
  // The third line ends "。" 25 units short of the column's edge: room for
  // a speck, not for an ideograph. The engine read a speck before the next
  // line as "_"; the text runs on.
  std::vector<placed_word> third = cjk_words({"天", "地", "玄", "黄", "宇", "宙", "洪", "荒", "日", "月", "盈"}, 100);
  third.push_back({"。", 515, 551, 36, 95});
  std::vector<placed_word> fourth{{"_", 92, 98, 4, 40}};
  for (const placed_word &w : cjk_words({"辰", "宿", "列", "张", "寒", "来", "暑", "往", "秋", "收", "冬", "藏"}, 100))
    fourth.push_back(w);
  const std::string page = hocr_page(hocr_word_area({
      cjk_words({"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙"}, 100),
      cjk_words({"丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "寅", "卯"}, 100),
      third,
      fourth,
      cjk_words({"闰", "余", "成", "岁", "。"}, 100),
  }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯天地玄黄宇宙洪荒日月盈。_辰宿列张寒来暑往秋收冬藏闰余成岁。\n");
}

TEST_CASE("geometry text: specks the engine boxed beyond a CJK column's edges do not move them") {
  // Four lines of seven end in a speck read as "." past the column's right
  // edge; another opens with one read as "_" left of its indent.
  auto with_speck = [](std::vector<placed_word> line) {
    line.push_back({".", 610, 614, 4, 30});
    return line;
  };
  std::vector<placed_word> indented{{"_", 100, 106, 4, 40}};
  for (const placed_word &w : cjk_words({"闰", "余", "成", "岁", "律", "吕", "调", "阳", "云", "腾"}, 180))
    indented.push_back(w);
  const std::string page = hocr_page(hocr_word_area({
      with_speck(cjk_words({"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙"}, 100)),
      with_speck(cjk_words({"丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "寅", "卯"}, 100)),
      with_speck(cjk_words({"天", "地", "玄", "黄", "宇", "宙", "洪", "荒", "日", "月", "盈", "昃"}, 100)),
      cjk_words({"辰", "宿", "列", "张", "寒", "来", "暑", "往", "秋", "收", "冬", "。"}, 100),
      with_speck(cjk_words({"藏", "致", "雨", "露", "结", "为", "霜", "金", "生", "丽", "水", "。"}, 100)),
      indented,
      cjk_words({"玉", "出", "昆", "冈", "。"}, 100),
  }));
  colreflow::options opts;
  const auto doc = colreflow::document::from_bytes(page, colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) ==
        "一二三四五六七八九十甲乙.丙丁戊己庚辛壬癸子丑寅卯.天地玄黄宇宙洪荒日月盈昃.辰宿列张寒来暑往秋收冬。"
        "藏致雨露结为霜金生丽水。.\n\n_闰余成岁律吕调阳云腾玉出昆冈。\n");
}

TEST_CASE("geometry text: a CJK line the engine set apart, filled to its column's edge, heads nothing") {
  // The engine made one line of a paragraph a region of its own, with an
  // opening quote read from a speck at its end: one cell wider than the
  // column's lines, the text stage takes it for a heading set wider. The
  // page sets it flush left to the column's edge, after a line in
  // mid-sentence: the paragraph runs on through it.
  auto text = [](int x0) {
    const std::string page =
        hocr_page(hocr_area({
                      {"本报讯经过一年半的施工，南门老街", 100, 100, 700, 40},
                      {"改造工程日前全面完工并恢复通行。", 100, 150, 700, 40},
                      {"这条老街始建于清代，全长八百米。", 100, 200, 700, 40},
                      {"晚上九点，位于滨", 180, 250, 700, 40},
                  }) +
                  hocr_area({{"河路的社区图书馆到了夜里依然灯火“", x0, 300, 700, 40}}) +
                  hocr_area({{"通明。阅览室里坐满了读者，有刚下", 100, 350, 700, 40}}) +
                  hocr_area({
                      {"班的年轻人，有陪孩子写作业的家长", 100, 400, 700, 40},
                      {"，也有戴着老花镜翻阅报纸的退休老", 100, 450, 700, 40},
                      {"人。", 100, 500, 180, 40},
                  }));
    return txt_of(page);
  };
  const std::string first = "本报讯经过一年半的施工，南门老街改造工程日前全面完工并恢复通行。这条老街始建于清代，全长八百米。\n\n";
  CHECK(text(100) == first +
                         "晚上九点，位于滨河路的社区图书馆到了夜里依然灯火“通明。阅览室里坐满了读者，有刚下班的年轻人，"
                         "有陪孩子写作业的家长，也有戴着老花镜翻阅报纸的退休老人。\n");
  // Set in from the column's edge it stays a heading.
  CHECK(text(200).find("\n河路的社区图书馆到了夜里依然灯火“\n") != std::string::npos);
}

TEST_CASE("geometry text: a CJK line sized from specks at a region's top does not stand apart from the full line carrying it on") {
  // A column of body lines (x_size 40, ideographs 36 high, 40 apart). The
  // engine gave the second area's lines a size of 70, and a speck reached
  // the words of its first line up 70 px: display type by every measure the
  // engine gives. Under a heading a CJK paragraph opens two ems in; here
  // the next line is flush and full, so the text runs on.
  auto text = [](int second_x0) {
    std::vector<placed_word> lead = cjk_words({"记", "者", "离", "开", "时", "已", "是"}, 180);
    for (placed_word &w : lead) w.height = 70;
    const std::vector<const char *> next = {"傍", "晚", "街", "边", "的", "路", "灯", "陆", "续", "亮", "起", "来"};
    std::string area = hocr_word_area(
        {lead, cjk_words(std::vector<const char *>(next.begin(), next.end() - (second_x0 - 100) / 40), second_x0)},
        0, 400);
    for (std::size_t at; (at = area.find("x_size 40")) != std::string::npos;) area.replace(at, 9, "x_size 70");
    const std::string page = hocr_page(
        hocr_word_area({cjk_words({"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙"}, 180 - 80),
                        cjk_words({"丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "甲", "乙", "丙", "丁"}, 100),
                        cjk_words({"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}, 100),
                        cjk_words({"天", "地", "玄", "黄", "。"}, 100)}) +
        area +
        hocr_word_area({cjk_words({"宇", "宙", "洪", "荒", "日", "月", "盈", "昃", "辰", "宿", "列", "张"}, 100),
                        cjk_words({"寒", "来", "暑", "往", "秋", "收", "冬", "藏", "闰", "余", "成", "岁"}, 100),
                        cjk_words({"律", "吕", "调", "阳", "。"}, 100)},
                       0, 520));
    return txt_of(page);
  };
  const std::string runs_on = text(100);
  INFO(runs_on);
  CHECK(runs_on.find("记者离开时已是傍晚街边的路灯陆续亮起来宇宙") != std::string::npos);
  // The line after it set two ems in: a heading over its paragraph.
  const std::string heading = text(180);
  INFO(heading);
  CHECK(heading.find("记者离开时已是\n\n傍晚街边的路灯陆续亮宇宙") != std::string::npos);
}

TEST_CASE("page lines: a region too narrow to show a column is measured by the column holding it, in its type") {
  using namespace colreflow::detail;
  const std::string bytes = hocr_page(hocr_area({
                                          {"Alpha beta gamma delta epsilon zeta eta", 100, 100, 600, 30},
                                          {"theta iota kappa lambda mu nu xi pi", 100, 140, 600, 30},
                                          {"omicron rho sigma ends it here now.", 100, 180, 600, 30},
                                      }) +
                                      hocr_area({{"share", 100, 230, 190, 30}}) +
                                      hocr_area({{"Display", 100, 280, 400, 80}}) +
                                      hocr_area({{"far away", 700, 230, 800, 30}}) +
                                      // Specks stretch a line up to an em (30) past the column
                                      hocr_area({{". within", 75, 400, 300, 30}}) +
                                      hocr_area({{"within .", 400, 450, 625, 30}}) +
                                      hocr_area({{". past", 55, 500, 300, 30}}) +
                                      hocr_area({{"past .", 400, 550, 640, 30}}));
  const page p = read_hocr(bytes, "t", {});
  REQUIRE(p.regions.size() == 8);
  const column_finder columns(p);
  CHECK_FALSE(columns.edges_of(1)->known());
  const std::shared_ptr<const column_edges> held = columns.edges_holding(1);
  REQUIRE(held->known());
  CHECK(held == columns.edges_of(0));  // the column's own measure, shared
  CHECK_FALSE(columns.edges_holding(2)->known());  // display type: not the column's
  CHECK_FALSE(columns.edges_holding(3)->known());  // no region holds its extent
  CHECK(columns.edges_holding(4) == columns.edges_of(0));  // 25 left of it
  CHECK(columns.edges_holding(5) == columns.edges_of(0));  // 25 right of it
  CHECK_FALSE(columns.edges_holding(6)->known());           // 45 left
  CHECK_FALSE(columns.edges_holding(7)->known());           // 40 right
}

TEST_CASE("geometry text: CJK heading lines the engine set apart one region each, centred in their column, are one section heading") {
  // Each line of a two-line section heading is a region of its own, the
  // first ending in a speck read as a half-width full stop (a sentence end
  // to the text alone); the column is measured from the regions around.
  auto text = [](int x0, int x1) {
    const std::string page =
        hocr_page(hocr_area({
                      {"本报讯经过一年半的施工，南门老街", 100, 100, 700, 40},
                      {"改造工程日前全面完工并恢复通行。", 100, 150, 700, 40},
                      {"这条老街始建于清代，全长八百米。", 100, 200, 700, 40},
                  }) +
                  hocr_area({{"自助借还.", x0, 260, x1, 40}}) +
                  hocr_area({{"一张卡走遍全市", 280, 310, 520, 40}}) +
                  hocr_area({
                      {"为了在不大幅增加人手的情况下延长", 180, 370, 700, 40},
                      {"服务时间，各社区图书馆普遍安装了", 100, 420, 700, 40},
                      {"自助借还设备。", 100, 470, 380, 40},
                  }));
    return txt_of(page);
  };
  const std::string before = "本报讯经过一年半的施工，南门老街改造工程日前全面完工并恢复通行。这条老街始建于清代，全长八百米。\n\n";
  const std::string after = "\n\n为了在不大幅增加人手的情况下延长服务时间，各社区图书馆普遍安装了自助借还设备。\n";
  CHECK(text(320, 480) == before + "自助借还. 一张卡走遍全市" + after);
  // Flush left, the first line reads as the text says: a sentence.
  CHECK(text(100, 260) != before + "自助借还. 一张卡走遍全市" + after);
}
