// segment_test.cpp - segment_blocks on small hand-made inputs: how lines are
// cut into blocks and which roles heading lines get.
#include <doctest/doctest.h>

#include <algorithm>  // max
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "read/text_reader.hpp"
#include "segment/page_text.hpp"
#include "segment/segment.hpp"
#include "text/chars.hpp"

using namespace colreflow::detail;

namespace {

// Wraps a CJK paragraph into lines of `per_line` characters (spaces do not
// count), the first line indented by two ideographic spaces when `indent`.
// A mark that may not start a line hangs at the end of the line before.
std::string wrap_cjk(std::string_view para, int per_line, bool indent) {
  std::vector<std::string> chars;
  for (std::size_t pos = 0; pos < para.size();) {
    std::size_t at = pos;
    next_code_point(para, pos);
    chars.emplace_back(para.substr(at, pos - at));
  }
  std::string out = indent ? "\u3000\u3000" : "";
  int room = indent ? per_line - 2 : per_line;
  int used = 0;
  for (const std::string &ch : chars) {
    std::size_t p = 0;
    char32_t c = next_code_point(ch, p);
    if (used >= room && !is_space(c) && !is_no_line_start(c)) {
      out += '\n';
      used = 0;
      room = per_line;
    }
    out += ch;
    if (!is_space(c)) ++used;
  }
  return out + '\n';
}

document segment(std::string_view text) {
  document doc;
  doc.source_name = "test";
  read_text(doc, text, read_limits{});
  segment_blocks(doc);
  return doc;
}

std::string block_text(const block &b) {
  std::string out;
  for (const line &l : b.lines) {
    if (!out.empty()) out += '|';
    out += l.text;
  }
  return out;
}

// Paragraphs of CJK prose written for these tests.
constexpr std::string_view kParaA =
    "今天上午，市交通局召开新闻发布会，宣布今年将新开公交线路二十条，覆盖全部郊区乡镇，方便群众出行。";
constexpr std::string_view kParaB =
    "据介绍，新线路将从下月起陆续开通，市民可以通过手机查询车辆实时到站信息，还可以在线提出意见和建议。";
constexpr std::string_view kParaC =
    "交通局有关负责人表示，下一步将继续优化线路布局，加快更新新能源车辆，不断提高公共交通的服务水平。";

}  // namespace

TEST_SUITE("segment") {
  TEST_CASE("segment: blank lines cut the input into chunks") {
    document doc = segment(
        "The council met on Tuesday to talk about\n"
        "the budget for next year.\n"
        "\n"
        "Members of the public were invited to\n"
        "speak at the meeting.\n"
        "\n"
        "\n"
        "The vote is expected next month, and\n"
        "nobody objected.\n");
    CHECK(doc.blank_separated);
    CHECK(doc.writing == script::latin);
    REQUIRE(doc.blocks.size() == 3);
    for (std::uint32_t i = 0; i < 3; ++i) {
      CHECK(doc.blocks[i].input_index == i);
      CHECK(doc.blocks[i].kind == role::body);
      CHECK(doc.blocks[i].lines.size() == 2);
    }
    CHECK(doc.blocks[0].first_source_line() == 1);
    CHECK(doc.blocks[1].first_source_line() == 4);
    CHECK(doc.blocks[2].first_source_line() == 8);
    CHECK(doc.blocks[2].last_source_line() == 9);
    CHECK(doc.lines.size() == 9);  // blank lines stay in doc.lines
  }

  TEST_CASE("segment: script and column width are measured") {
    document doc = segment(wrap_cjk(kParaA, 16, true) + wrap_cjk(kParaB, 16, true));
    CHECK(doc.writing == script::cjk);
    CHECK(doc.column_width == 32);
    for (const line &l : doc.lines)
      if (!l.shape.blank) CHECK(l.shape.cjk);
  }

  TEST_CASE("segment: a headline run before a dateline is split out, one block a line") {
    std::string text = "城市公交全面升级\n新增线路覆盖郊区\n\n" +
                       wrap_cjk(std::string("本报讯 ") + std::string(kParaA), 16, false) +
                       wrap_cjk(kParaB, 16, true);
    document doc = segment(text);
    REQUIRE(doc.blocks.size() >= 3);
    CHECK(doc.blocks[0].kind == role::headline);
    CHECK(doc.blocks[1].kind == role::headline);
    CHECK(doc.blocks[0].lines.size() == 1);
    CHECK(doc.blocks[1].lines.size() == 1);
    CHECK(doc.blocks[2].kind == role::body);
    CHECK(doc.blocks[2].lines.front().shape.opens_dateline);
    for (std::size_t i = 3; i < doc.blocks.size(); ++i) {
      CHECK(doc.blocks[i].kind == role::body);
      CHECK_FALSE(doc.blocks[i].lines.front().shape.opens_dateline);
    }
  }

  TEST_CASE("segment: the tail of a wrapped credit before a headline heads nothing") {
    // An article's tail read first ends with a credit wrapped over two lines
    // ("（记者 王" / "明 李华）"); the next article's headline and dateline
    // follow with no blank line. The credit's second line is short and
    // unterminated, like a heading line, but it closes the article before.
    std::string text =
        "据介绍，新线路将从下月起陆续开通，市民可\n"
        "以通过手机查询车辆实时到站信息。（记者 王\n"
        "明 李华）\n"
        "城市公交全面升级\n"
        "新增线路覆盖郊区\n" +
        wrap_cjk(std::string("本报讯 ") + std::string(kParaA), 20, false);
    document doc = segment(text);
    std::vector<std::string> headline;
    for (const block &b : doc.blocks)
      if (b.kind == role::headline)
        for (const line &l : b.lines) headline.emplace_back(l.text);
    CHECK(headline == std::vector<std::string>{"城市公交全面升级", "新增线路覆盖郊区"});
  }

  TEST_CASE("segment: a CJK line one ideograph wider than its column is a heading line") {
    // Justified lines of an 11-ideograph column; the headline's second line
    // holds 12, so it cannot be one of them.
    std::string text = wrap_cjk(kParaA, 11, false) + "城市公交全面升级新增线路\n" +
                       "线路覆盖郊区 市民出行更方便\n" + wrap_cjk(kParaB, 11, false);
    document doc = segment(text);
    bool found = false;
    for (const block &b : doc.blocks)
      for (const line &l : b.lines)
        if (l.text == "城市公交全面升级新增线路") {
          found = true;
          CHECK(b.kind != role::body);
        }
    CHECK(found);
  }

  TEST_CASE("segment: a line that closes a bracket it never opened heads nothing") {
    // The credit wrapped across a column break: "（记" ends one chunk and
    // "者 王明 李华）" is a chunk of its own, short and unterminated.
    std::string text = wrap_cjk(std::string(kParaA), 16, true) +
                       "据介绍，新线路将从下月起陆续开通。（记\n\n者 王明 李华）\n\n" +
                       wrap_cjk(std::string(kParaC), 16, true);
    document doc = segment(text);
    bool found = false;
    for (const block &b : doc.blocks)
      if (b.lines.front().text == "者 王明 李华）") {
        found = true;
        CHECK(b.kind == role::body);
        CHECK_FALSE(b.maybe_heading);
      }
    CHECK(found);
  }

  TEST_CASE("segment: a dateline wrapped over two lines marks its first line") {
    std::string text = "城市公交全面升级\n\n新华社北京3\n月5日电 " + wrap_cjk(kParaA, 16, false);
    document doc = segment(text);
    REQUIRE(doc.blocks.size() >= 2);
    CHECK(doc.blocks[0].kind == role::headline);
    CHECK(doc.blocks[1].lines.front().text == "新华社北京3");
    CHECK(doc.blocks[1].lines.front().shape.opens_dateline);
    CHECK_FALSE(doc.blocks[1].lines[1].shape.opens_dateline);
  }

  TEST_CASE("segment: a subheading followed by an indented first line") {
    std::string text = wrap_cjk(kParaA, 16, true) + "强化服务保障 提升群众满意度\n" +
                       wrap_cjk(kParaB, 16, true);
    document doc = segment(text);
    CHECK_FALSE(doc.blank_separated);
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].kind == role::body);
    CHECK(doc.blocks[1].kind == role::subheading);
    CHECK(block_text(doc.blocks[1]) == "强化服务保障 提升群众满意度");
    CHECK(doc.blocks[2].kind == role::body);
    CHECK(doc.blocks[2].lines.front().text.rfind("\u3000\u3000", 0) == 0);
  }

  TEST_CASE("segment: a short heading line of its own, between paragraphs") {
    // No phrase space: short, unterminated, after a finished paragraph and
    // before an indented one.
    std::string text = wrap_cjk(kParaA, 16, true) + "加强队伍建设\n" + wrap_cjk(kParaB, 16, true);
    document doc = segment(text);
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[1].kind == role::subheading);
    CHECK(block_text(doc.blocks[1]) == "加强队伍建设");
  }

  TEST_CASE("segment: a short last line of a chunk after a heading is marked maybe_heading") {
    // What follows the gap is a full line carrying on a paragraph, so the
    // short line may as well be that paragraph's first line.
    std::string text = wrap_cjk(kParaA, 16, true) + "强化服务保障 提升群众满意度\n加强队伍建设\n\n" +
                       wrap_cjk(kParaC, 16, false);
    document doc = segment(text);
    REQUIRE(doc.blocks.size() == 4);
    CHECK(doc.blocks[1].kind == role::subheading);
    CHECK(block_text(doc.blocks[2]) == "加强队伍建设");
    CHECK(doc.blocks[2].maybe_heading);
    CHECK(doc.blocks[2].kind == role::body);
    CHECK_FALSE(doc.blocks[0].maybe_heading);
    CHECK_FALSE(doc.blocks[3].maybe_heading);
  }

  TEST_CASE("segment: the same short line before an indented paragraph is a heading outright") {
    std::string text = wrap_cjk(kParaA, 16, true) + "强化服务保障 提升群众满意度\n加强队伍建设\n\n" +
                       wrap_cjk(kParaC, 16, true);
    document doc = segment(text);
    REQUIRE(doc.blocks.size() == 4);
    CHECK_FALSE(doc.blocks[2].maybe_heading);
    CHECK(doc.blocks[2].kind != role::body);
  }

  TEST_CASE("segment: with no blank lines, paragraph ends cut blocks") {
    std::string text = wrap_cjk(kParaA, 16, true) + wrap_cjk(kParaB, 16, true) + wrap_cjk(kParaC, 16, true);
    document doc = segment(text);
    CHECK_FALSE(doc.blank_separated);
    REQUIRE(doc.blocks.size() == 3);
    for (const block &b : doc.blocks) {
      CHECK(b.kind == role::body);
      CHECK(b.lines.front().text.rfind("\u3000\u3000", 0) == 0);  // each opens a paragraph
      CHECK(b.lines.back().shape.ends_sentence);
    }
  }

  TEST_CASE("segment: with blank lines, paragraph ends inside a chunk do not cut it") {
    std::string text = wrap_cjk(kParaA, 16, true) + wrap_cjk(kParaB, 16, true) + "\n" +
                       wrap_cjk(kParaC, 16, true);
    document doc = segment(text);
    CHECK(doc.blank_separated);
    REQUIRE(doc.blocks.size() == 2);
  }

  TEST_CASE("segment: no-blank-line Latin input is cut at a short line ending a sentence") {
    document doc = segment(
        "The council met on Tuesday to talk about\n"
        "the budget for next year, which includes\n"
        "new spending on roads.\n"
        "Members of the public were invited to\n"
        "speak at the meeting, and several of them\n"
        "did so at great length.\n");
    CHECK_FALSE(doc.blank_separated);
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].lines.size() == 3);
    CHECK(doc.blocks[1].lines.front().text == "Members of the public were invited to");
  }

  TEST_CASE("segment: an English Title Case headline and a By line open an article") {
    document doc = segment(
        "Council Approves New School Budget\n"
        "By JANE SMITH\n"
        "SPRINGFIELD \u2014 The city council on Tuesday\n"
        "approved a budget that adds money for the\n"
        "schools and roads of the northern part of\n"
        "the county, after a long debate.\n");
    REQUIRE(doc.blocks.size() >= 3);
    CHECK(doc.blocks[0].kind == role::headline);
    CHECK(block_text(doc.blocks[0]) == "Council Approves New School Budget");
    CHECK(doc.blocks[1].kind == role::byline);
    CHECK(block_text(doc.blocks[1]) == "By JANE SMITH");
    CHECK(doc.blocks[2].kind == role::body);
    CHECK(doc.blocks[2].lines.front().shape.opens_dateline);
  }

  TEST_CASE("segment: a two-line Title Case headline gives two headline blocks") {
    document doc = segment(
        "Council Approves New School Budget\n"
        "After Months of Debate\n"
        "\n"
        "SPRINGFIELD \u2014 The city council on Tuesday\n"
        "approved a budget that adds money for the\n"
        "schools and roads of the northern part of\n"
        "the county, after a long debate.\n");
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].kind == role::headline);
    CHECK(doc.blocks[1].kind == role::headline);
    CHECK(doc.blocks[2].kind == role::body);
  }

  TEST_CASE("segment: body lines in Latin text are not headings") {
    document doc = segment(
        "The council met on Tuesday to talk about\n"
        "the budget for next year, which includes\n"
        "new spending on roads and schools in the\n"
        "county.\n");
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].kind == role::body);
    CHECK(doc.blocks[0].lines.size() == 4);
  }

  TEST_CASE("segment: a credit line of its own stays in its paragraph's block") {
    std::string text = wrap_cjk(kParaA, 16, true) + "（记者 王明）\n";
    document doc = segment(text);
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].lines.back().text == "（记者 王明）");
  }
}

namespace {

// A line of `words` words `height` tall at `y`, the engine's size `size`;
// one word may stand taller (a speck under it), as `tall` says.
text_line sized_line(int y, int height, float size, int words, const char *text = "字词",
                     int tall = 0) {
  text_line l;
  l.text = text;
  l.font_size = size;
  l.bbox = {100, y, 100 + 50 * words, y + std::max(height, tall)};
  for (int k = 0; k < words; ++k) {
    word w;
    w.text = text;
    const int h = k == 0 && tall > 0 ? tall : height;
    w.bbox = {100 + 50 * k, y, 140 + 50 * k, y + h};
    l.words.push_back(w);
  }
  return l;
}

}  // namespace

TEST_CASE("page text: a line the engine sizes as display type but whose words stand body high is body type") {
  // A column of body lines: size 48, words 36 high (Latin letters as well
  // as ideographs: the measure is the page's own).
  for (const char *text : {"字词", "words"}) {
    page p;
    region body;
    for (int k = 0; k < 6; ++k) body.lines.push_back(sized_line(100 + 50 * k, 36, 48, 8, text));
    p.regions.push_back(body);
    const type_scale scale = page_type_scale(p);
    CHECK(scale.body == doctest::Approx(48));
    CHECK(scale.body_height == doctest::Approx(36));
    // A speck stretched the engine's size (75) and one word's box; the
    // other words stand 36 high: body type.
    CHECK(line_type_size(sized_line(500, 36, 75, 8, text, 60), scale) == doctest::Approx(48));
    // A heading a size up (words 40 high, over 5% taller) keeps its size.
    CHECK(line_type_size(sized_line(500, 40, 64, 5, text), scale) == doctest::Approx(64));
    // A headline in display type keeps its size.
    CHECK(line_type_size(sized_line(500, 80, 100, 4, text), scale) == doctest::Approx(100));
    // Smaller type is never made larger.
    CHECK(line_type_size(sized_line(500, 30, 40, 8, text), scale) == doctest::Approx(40));
    // Punctuation and specks do not measure the type: a line of marks
    // alone is measured by its own box (20 high: no display type).
    CHECK(line_type_size(sized_line(500, 20, 75, 8, "，"), scale) <= 48);
    // Nor do they lower it: the spelt words of a heading stand tall.
    text_line heading = sized_line(500, 40, 64, 5, text);
    heading.words.front().text = "_";
    heading.words.front().bbox.y1 = 505;
    CHECK(line_type_size(heading, scale) == doctest::Approx(64));
    // Words 8% taller than the body's: a CJK heading a size up (ideographs
    // fill a square em), but within what ascenders and descenders make of
    // Latin words in body type.
    const float stretched = line_type_size(sized_line(500, 39, 75, 8, text, 80), scale);
    if (std::string_view(text) == "字词")
      CHECK(stretched == doctest::Approx(75));
    else
      CHECK(stretched < 55);
  }
}

namespace {

// A CJK line at y 100, 40 high, of words (text, x0, x1, confidence,
// height: standing on the line's foot).
struct cjk_word {
  const char *text;
  int x0, x1;
  float conf;
  int height = 40;
};
text_line speck_line(const std::vector<cjk_word> &words) {
  text_line l;
  l.bbox = {words.front().x0, 100, words.back().x1, 140};
  for (const cjk_word &c : words) {
    word w;
    w.text = c.text;
    w.bbox = {c.x0, 140 - c.height, c.x1, 140};
    w.confidence = c.conf;
    l.text += c.text;
    l.words.push_back(w);
  }
  return l;
}

}  // namespace

TEST_CASE("page text: specks at a line's ends neither set its indent nor hide its sentence end") {
  // "时代。" then a speck read as an ideograph at confidence 0 and a colon:
  // the sentence ends, and the line's type ends at the stop.
  speck_edges e = line_speck_edges(speck_line(
      {{"上", 100, 140, 92}, {"时代", 140, 220, 90}, {"。", 220, 260, 92}, {":", 300, 305, 66}, {"和", 400, 520, 0}}));
  CHECK(e.stop);
  CHECK(e.x0 == 100);
  CHECK(e.x1 == 260);
  // The stop and the low-confidence word in one tail with an opening mark.
  e = line_speck_edges(speck_line({{"重的", 100, 180, 84}, {"。", 180, 220, 92}, {"和", 240, 280, 1}, {"“", 330, 335, 32}}));
  CHECK(e.stop);
  CHECK(e.x1 == 220);
  // An ideograph read with confidence after a stop opens a sentence there:
  // no stop, edges as the box says.
  e = line_speck_edges(speck_line({{"时代", 100, 180, 90}, {"。", 180, 220, 92}, {"和", 220, 260, 85}}));
  CHECK_FALSE(e.stop);
  CHECK(e.x1 == 260);
  // Nor does a low-confidence word after no stop, or marks alone (the
  // text rules read those).
  CHECK_FALSE(line_speck_edges(speck_line({{"时代", 100, 180, 90}, {"，", 180, 220, 92}, {"和", 220, 260, 3}})).stop);
  CHECK_FALSE(line_speck_edges(speck_line({{"时代", 100, 180, 90}, {"。", 180, 220, 92}, {"，", 230, 235, 40}})).stop);
  // Half-width stops are no CJK sentence end to read past.
  CHECK_FALSE(line_speck_edges(speck_line({{"时代", 100, 180, 90}, {".", 180, 185, 92}, {"和", 220, 260, 3}})).stop);
  // Marks that may not begin a line, speck-sized left of its first
  // ideograph, are specks: the line starts at the ideograph (an indented
  // paragraph).
  e = line_speck_edges(speck_line({{"，，", 42, 44, 42, 2}, {"走", 127, 165, 76}, {"进", 184, 226, 91}}));
  CHECK(e.x0 == 127);
  CHECK_FALSE(e.stop);
  // A mark boxed as large as a glyph is one the engine misread: it stays.
  CHECK(line_speck_edges(speck_line({{".", 42, 80, 85}, {"席", 90, 100, 92, 11}, {"附", 127, 165, 88}})).x0 == 42);
  // So does a speck before a first word boxed speck-small itself.
  CHECK(line_speck_edges(speck_line({{"，", 42, 44, 42, 2}, {"席", 90, 100, 92, 11}, {"附", 127, 165, 88}})).x0 == 42);
  // An opening quote begins lines: it stays the line's start.
  CHECK(line_speck_edges(speck_line({{"“", 100, 102, 80, 2}, {"走", 127, 165, 76}})).x0 == 100);
  // A line box stretched past its stop by marks after it ends at the stop.
  text_line wide = speck_line({{"重", 100, 140, 92}, {"的", 150, 190, 67}, {"。”", 190, 240, 78}, {"，", 250, 260, 51}});
  wide.bbox.x1 += 300;
  e = line_speck_edges(wide);
  CHECK(e.x1 == 240);
  CHECK_FALSE(e.stop);  // the text rules read marks alone

}
