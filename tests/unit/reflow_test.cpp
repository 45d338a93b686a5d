// reflow_test.cpp - the reflow stage through the text pipeline: how lines
// join, which spaces go and which stay, dehyphenation with evidence, and
// where paragraphs break.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "api/pipeline.hpp"
#include "colreflow/colreflow.hpp"
#include "model/document.hpp"
#include "reflow/page_lines.hpp"
#include "reflow/spacing.hpp"
#include "support/invariants.hpp"
#include "text/chars.hpp"

using namespace colreflow::detail;

namespace {

// The document's own evidence alone: no word list, no Hunspell dictionary.
colreflow::options no_word_list() {
  colreflow::options o;
  o.lexicon_path = "";
  o.dictionaries = "";
  return o;
}

document run(std::string_view text, const colreflow::options &o = no_word_list()) {
  return run_text_pipeline(text, o);
}

std::vector<const unit *> all_units(const document &doc) {
  std::vector<const unit *> out;
  for (const article &a : doc.articles)
    for (const unit &u : a.units) out.push_back(&u);
  return out;
}

// Units joined for comparison, so a failure prints them.
std::string joined(const std::vector<std::string> &v) {
  std::string out;
  for (const std::string &t : v) out += "[" + t + "]";
  return out;
}

// The texts of all units, in output order.
std::vector<std::string> texts(const document &doc) {
  std::vector<std::string> out;
  for (const unit *u : all_units(doc)) out.push_back(u->text);
  return out;
}

std::vector<const repair *> entries(const document &doc, repair_kind k) {
  std::vector<const repair *> out;
  for (const repair &r : doc.log.entries)
    if (r.kind == k) out.push_back(&r);
  return out;
}

// Wraps a CJK paragraph into lines of `per_line` characters (spaces do not
// count), the first line indented by two ideographic spaces when `indent`.
// A mark that may not start a line hangs at the end of the line before.
std::string wrap_cjk(std::string_view para, int per_line, bool indent) {
  std::string out = indent ? "\u3000\u3000" : "";
  int room = indent ? per_line - 2 : per_line;
  int used = 0;
  for (std::size_t pos = 0; pos < para.size();) {
    std::size_t at = pos;
    char32_t c = next_code_point(para, pos);
    if (used >= room && !is_space(c) && !is_no_line_start(c)) {
      out += '\n';
      used = 0;
      room = per_line;
    }
    out.append(para.substr(at, pos - at));
    if (!is_space(c)) ++used;
  }
  return out + '\n';
}

// CJK prose written for these tests.
constexpr std::string_view kParaA =
    "今天上午，市交通局召开新闻发布会，宣布今年将新开公交线路二十条，覆盖全部郊区乡镇，方便群众出行。";
constexpr std::string_view kParaB =
    "据介绍，新线路将从下月起陆续开通，市民可以通过手机查询车辆实时到站信息，还可以在线提出意见和建议。";

std::string strip_indent(std::string_view s) {
  std::string out(s);
  while (out.rfind("\u3000", 0) == 0) out.erase(0, 3);
  return out;
}

}  // namespace

TEST_SUITE("reflow.join") {
  TEST_CASE("reflow: CJK lines join with no space") {
    document doc = run("\u3000\u3000今天上午，市里召开全体会议，研究部署\n全年的重点工作任务。\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{"今天上午，市里召开全体会议，研究部署全年的重点工作任务。"}));
    auto joins = entries(doc, repair_kind::line_join);
    REQUIRE(joins.size() == 1);
    CHECK(joins[0]->first_line == 1);
    CHECK(joins[0]->last_line == 2);
  }

  TEST_CASE("reflow: Latin lines join with one space, edge spaces dropped") {
    document doc = run("The council met on Tuesday to talk   \n  about the budget for next year.\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{
                            "The council met on Tuesday to talk about the budget for next year."}));
  }

  TEST_CASE("reflow: Latin words across a CJK line break keep one space") {
    document doc = run("\u3000\u3000他说，这家公司多年来一直在New\nYork工作，今年回到了北京。\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{"他说，这家公司多年来一直在New York工作，今年回到了北京。"}));
  }

  TEST_CASE("reflow: every unit keeps its source lines, in order") {
    document doc = run(wrap_cjk(kParaA, 16, true));
    auto units = all_units(doc);
    REQUIRE(units.size() == 1);
    CHECK(units[0]->source_lines == std::vector<std::uint32_t>{1, 2, 3, 4});
  }
}

TEST_SUITE("reflow.spacing") {
  TEST_CASE("reflow: OCR spaces after full-width punctuation and around digits are removed") {
    document doc = run("\u3000\u3000今天上午， 市里在 3 月 5 日召开会议。 会议由市长主持。\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{"今天上午，市里在3月5日召开会议。会议由市长主持。"}));
    auto spacing = entries(doc, repair_kind::spacing);
    REQUIRE(spacing.size() == 1);
    CHECK(spacing[0]->cue.find("6") != std::string::npos);  // six runs removed
  }

  TEST_CASE("reflow: OCR spaces between ideographs in prose are removed") {
    document doc = run("\u3000\u3000今天 上午，市里 召开 会议。\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{"今天上午，市里召开会议。"}));
  }

  TEST_CASE("reflow: a space between two Latin words inside CJK text is kept") {
    document doc = run("\u3000\u3000他说，New  York 的天气很好，Hong Kong 也是。\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{"他说，New York的天气很好，Hong Kong也是。"}));
  }

  TEST_CASE("reflow: the space after a dateline is kept, those inside its date go") {
    document doc = run("本报讯 7 月 19 日， 全市召开大会，研究部署全年工作。\n");
    auto units = all_units(doc);
    REQUIRE(units.size() == 1);
    CHECK(units[0]->kind == role::dateline);
    CHECK(units[0]->text == "本报讯 7月19日，全市召开大会，研究部署全年工作。");
  }

  TEST_CASE("reflow: a wire dateline loses its OCR spaces and keeps the one after it") {
    document doc = run("新华社北京 3 月 5 日电 记者从会上获悉，全市今年将新建学校十所。\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{"新华社北京3月5日电 记者从会上获悉，全市今年将新建学校十所。"}));
  }

  TEST_CASE("reflow: spaces between the names of a credit are kept") {
    document doc = run("\u3000\u3000会议在热烈的掌声中圆满结束。（记者 王明 李华）\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{"会议在热烈的掌声中圆满结束。（记者 王明 李华）"}));
    CHECK(entries(doc, repair_kind::spacing).empty());
  }

  TEST_CASE("reflow: an OCR space inside one name of a credit is removed") {
    document doc = run("\u3000\u3000会议在热烈的掌声中圆满结束。（记者 王 明）\n");
    REQUIRE(texts(doc).size() == 1);
    std::string out = texts(doc)[0];
    CHECK(out.find("王明") != std::string::npos);
    CHECK(out.find("王 明") == std::string::npos);
    CHECK_FALSE(entries(doc, repair_kind::spacing).empty());
  }

  // The space between a title and the name after it ("记者 王明") is the
  // credit's own, as in "（记者 王明 李华）", also when OCR split the name
  // ("王 明"): the fragments together make the name.
  TEST_CASE("reflow: the title space of a credit stays when OCR splits the name") {
    document doc = run("\u3000\u3000会议在热烈的掌声中圆满结束。（记者 王 明）\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{"会议在热烈的掌声中圆满结束。（记者 王明）"}));
    document two = run("\u3000\u3000会议在热烈的掌声中圆满结束。（记者 王明 通讯员 李 华）\n");
    CHECK(joined(texts(two)) == joined(std::vector<std::string>{"会议在热烈的掌声中圆满结束。（记者 王明 通讯员 李华）"}));
  }

  TEST_CASE("reflow: phrase spaces of a heading are kept") {
    document doc = run("城市交通网络 迎来全新变化\n\n本报讯 今天上午，全市召开大会。\n");
    auto units = all_units(doc);
    REQUIRE(units.size() == 2);
    CHECK(units[0]->kind == role::headline);
    CHECK(units[0]->text == "城市交通网络 迎来全新变化");
    CHECK(entries(doc, repair_kind::spacing).empty());
  }

  TEST_CASE("reflow: a space after full-width punctuation in a heading goes, phrase spaces stay") {
    document doc = run("城市交通、 公共服务 全面升级\n\n本报讯 今天上午，全市召开大会。\n");
    auto units = all_units(doc);
    REQUIRE(units.size() == 2);
    CHECK(units[0]->kind == role::headline);
    CHECK(units[0]->text == "城市交通、公共服务 全面升级");
    CHECK(entries(doc, repair_kind::spacing).size() == 1);
  }

  TEST_CASE("spacing: clean_cjk_paragraph, clean_heading, clean_latin on their own") {
    spacing_result p = clean_cjk_paragraph("今天 上午 ， 3 月 5 日 New  York");
    CHECK(p.text == "今天上午，3月5日New York");
    CHECK(p.removed == 7);
    spacing_result h = clean_heading("城市交通网络  迎来全新变化 ！");
    CHECK(h.text == "城市交通网络 迎来全新变化！");
    CHECK(h.removed == 1);
    spacing_result l = clean_latin("  The   council \t met.  ");
    CHECK(l.text == "The council met.");
  }

  TEST_CASE("spacing: a narrow mark set apart between CJK text in a heading takes no phrase space") {
    // Specks read as ";" "-" "." between ideographs: the spaces around them go.
    CHECK(clean_heading("改造历时一年半完工，; 各街三百余户").text == "改造历时一年半完工，;各街三百余户");
    CHECK(clean_heading("改造历时一 - 年半完工").text == "改造历时一-年半完工");
    CHECK(clean_heading("项目负责人介绍 , . 改造之初").text == "项目负责人介绍,.改造之初");
    // At the line's edge too: specks after its last ideograph or before its
    // first part no phrases.
    CHECK(clean_heading("自助借还 .").text == "自助借还.");
    CHECK(clean_heading("; - 一张卡走遍全市").text == ";-一张卡走遍全市");
    CHECK(clean_heading("WiFi 全覆盖 .").text == "WiFi 全覆盖.");
    CHECK(clean_heading("2024 .").text == "2024 .");
    // Phrase spaces stay; a narrow mark beside Latin text or digits keeps its space.
    CHECK(clean_heading("百年老街换新颜 街坊留住烟火气").text == "百年老街换新颜 街坊留住烟火气");
    CHECK(clean_heading("北京 - Shanghai 直达").text == "北京 - Shanghai 直达");
    CHECK(clean_heading("Windows 10 发布").text == "Windows 10 发布");
  }
}

TEST_SUITE("reflow.hyphens") {
  TEST_CASE("dehyphenation: the joined word occurs unhyphenated in the document") {
    document doc = run(
        "An example of the plan was shown, and this exam-\n"
        "ple shows it again to all of the people here.\n");
    REQUIRE(texts(doc).size() == 1);
    CHECK(texts(doc)[0] ==
          "An example of the plan was shown, and this example shows it again to all of the people here.");
    auto d = entries(doc, repair_kind::dehyphenation);
    REQUIRE(d.size() == 1);
    CHECK(d[0]->first_line == 1);
    CHECK(d[0]->last_line == 2);
    CHECK(d[0]->confidence == doctest::Approx(0.9));
    CHECK(d[0]->cue.find("example") != std::string::npos);
  }

  TEST_CASE("dehyphenation: with no evidence the hyphen is removed, at low confidence") {
    // Most line-end hyphens in running text are the typesetter's
    // (docs/eval-hyphenation.md); the log says how unsure this one is.
    document doc = run(
        "The plan was shown, and this quix-\n"
        "otic view shows it again to the people here.\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{
                            "The plan was shown, and this quixotic view shows it again to the people here."}));
    CHECK(entries(doc, repair_kind::hyphen_kept).empty());
    auto removed = entries(doc, repair_kind::dehyphenation);
    REQUIRE(removed.size() == 1);
    CHECK(removed[0]->confidence == doctest::Approx(0.5));
    CHECK(removed[0]->cue.find("no evidence") != std::string::npos);
  }

  TEST_CASE("dehyphenation: a compound the document spells with a hyphen is kept") {
    document doc = run(
        "The plan was a long-term one, and this long-\n"
        "term view shows it again to the people here.\n");
    REQUIRE(texts(doc).size() == 1);
    CHECK(texts(doc)[0].find("this long-term view") != std::string::npos);
    CHECK(entries(doc, repair_kind::dehyphenation).empty());
    auto kept = entries(doc, repair_kind::hyphen_kept);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0]->cue.find("long-term") != std::string::npos);
    CHECK(kept[0]->confidence > 0.5);
  }

  TEST_CASE("dehyphenation: the hyphenated spelling wins over the solid one") {
    document doc = run(
        "The longterm and the long-term plan, and this long-\n"
        "term view shows it again to the people here.\n");
    REQUIRE(texts(doc).size() == 1);
    CHECK(texts(doc)[0].find("this long-term view") != std::string::npos);
  }

  TEST_CASE("dehyphenation: a soft hyphen is always removed") {
    document doc = run(
        "The plan was shown, and this quix\u00AD\n"
        "otic view shows it again to the people here.\n");
    CHECK(joined(texts(doc)) == joined(std::vector<std::string>{
                            "The plan was shown, and this quixotic view shows it again to the people here."}));
    auto d = entries(doc, repair_kind::dehyphenation);
    REQUIRE(d.size() == 1);
    CHECK(d[0]->cue.find("soft hyphen") != std::string::npos);
  }

  TEST_CASE("dehyphenation: a word list vouches for a word the document lacks") {
    std::string path = "/tmp/colreflow_reflow_test_words.txt";
    {
      std::ofstream out(path, std::ios::binary);
      out << "quixotic\nplan\n";
    }
    colreflow::options o = no_word_list();
    o.lexicon_path = path;
    document doc = run(
        "The plan was shown, and this quix-\n"
        "otic view shows it again to the people here.\n",
        o);
    std::remove(path.c_str());
    REQUIRE(texts(doc).size() == 1);
    CHECK(texts(doc)[0].find("this quixotic view") != std::string::npos);
    auto d = entries(doc, repair_kind::dehyphenation);
    REQUIRE(d.size() == 1);
    CHECK(d[0]->confidence < 0.9);  // less sure than evidence from the document itself
    CHECK(d[0]->cue.find("word list") != std::string::npos);
  }

  TEST_CASE("dehyphenation: every removed hyphen has a log entry") {
    const std::string text =
        "An example of the plan was shown, and this exam-\n"
        "ple shows it again to the people. A long-term\n"
        "view, this long-\n"
        "term view, a quix-\n"
        "otic one, a mar\u00AD\n"
        "vel of a plan. It went on.\n";
    colreflow::options o = no_word_list();
    colreflow::document pub = colreflow::document::from_text(text, o);
    CHECK(colreflow::test::check_conservation(text, pub) == "");
    const document &doc = pub.impl();
    REQUIRE(texts(doc).size() == 1);
    const std::string out = texts(doc)[0];
    CHECK(out.find("this example shows") != std::string::npos);
    CHECK(out.find("this long-term view") != std::string::npos);
    CHECK(out.find("a quixotic one") != std::string::npos);
    CHECK(out.find("a marvel of") != std::string::npos);
    auto removed = entries(doc, repair_kind::dehyphenation);
    auto kept = entries(doc, repair_kind::hyphen_kept);
    CHECK(removed.size() == 3);  // exam-ple, quix-otic (no evidence), mar-vel (soft)
    CHECK(kept.size() == 1);     // long-term
  }
}

TEST_SUITE("reflow.paragraphs") {
  TEST_CASE("paragraphs: a short line ending a sentence ends the paragraph") {
    // No indents and no blank lines: only the short last line shows the end.
    document doc = run(wrap_cjk(kParaA, 16, false) + wrap_cjk(kParaB, 16, false));
    std::vector<std::string> expected = {std::string(kParaA), std::string(kParaB)};
    CHECK(joined(texts(doc)) == joined(expected));
  }

  TEST_CASE("paragraphs: an indented first line starts a paragraph") {
    document doc = run(wrap_cjk(kParaA, 16, true) + wrap_cjk(kParaB, 16, true));
    std::vector<std::string> expected = {std::string(kParaA), std::string(kParaB)};
    CHECK(joined(texts(doc)) == joined(expected));
  }

  TEST_CASE("paragraphs: Latin short line ending a sentence ends the paragraph") {
    document doc = run(
        "The council met on Tuesday to talk about\n"
        "the budget for next year, which includes\n"
        "new spending on roads.\n"
        "Members of the public were invited to\n"
        "speak at the meeting, and several of them\n"
        "did so at great length.\n");
    std::vector<std::string> expected = {
        "The council met on Tuesday to talk about the budget for next year, which includes new "
        "spending on roads.",
        "Members of the public were invited to speak at the meeting, and several of them did so at "
        "great length."};
    CHECK(joined(texts(doc)) == joined(expected));
  }

  TEST_CASE("paragraphs: a column break mid-sentence is not a paragraph break") {
    // The paragraph runs on from one chunk into the next.
    std::string lines = wrap_cjk(kParaA, 16, true);
    std::size_t cut = lines.find('\n', lines.find('\n') + 1) + 1;  // after two lines
    std::string text = lines.substr(0, cut) + "\n" + lines.substr(cut) + wrap_cjk(kParaB, 16, true);
    document doc = run(text);
    std::vector<std::string> expected = {std::string(kParaA), std::string(kParaB)};
    CHECK(joined(texts(doc)) == joined(expected));
    auto joins = entries(doc, repair_kind::column_join);
    REQUIRE(joins.size() == 1);
    CHECK(joins[0]->first_line == 2);
    CHECK(joins[0]->last_line == 4);
  }

  TEST_CASE("paragraphs: a Latin column break mid-sentence joins with one space") {
    document doc = run(
        "The council met on Tuesday to talk about\n"
        "the budget for next year, which includes\n"
        "new spending on roads and schools in the\n"
        "\n"
        "northern district, where the mayor lives.\n"
        "Nobody objected.\n");
    REQUIRE(texts(doc).size() == 1);
    CHECK(texts(doc)[0] ==
          "The council met on Tuesday to talk about the budget for next year, which includes new "
          "spending on roads and schools in the northern district, where the mayor lives. Nobody "
          "objected.");
    CHECK(entries(doc, repair_kind::column_join).size() == 1);
  }

  TEST_CASE("paragraphs: a full line ending a sentence at a column break runs on") {
    // Chunk one ends on a full line with a full stop; chunk two goes on with
    // a full line: the same paragraph.
    std::string a = "\u3000\u3000今天上午，市交通局召开会议。宣布\n今年将新开公交线路二十条，覆盖全部乡镇。\n";
    std::string b = "方便群众出行，受到了市民的普遍欢迎和好评\n，大家纷纷表示支持。\n";
    document doc = run(a + "\n" + b);
    REQUIRE(texts(doc).size() == 1);
    CHECK(texts(doc)[0] == strip_indent(a.substr(0, a.find('\n'))) +
                               "今年将新开公交线路二十条，覆盖全部乡镇。方便群众出行，受到了市民的普遍欢迎和好评，大家纷纷表示支持。");
  }

  TEST_CASE("paragraphs: a credit line closes its paragraph, not a new one") {
    document doc = run(wrap_cjk(kParaA, 16, true) + "（记者 王明）\n");
    REQUIRE(texts(doc).size() == 1);
    CHECK(texts(doc)[0] == std::string(kParaA) + "（记者 王明）");
  }

  TEST_CASE("paragraphs: a dateline opens a paragraph of role dateline") {
    document doc = run("城市公交全面升级\n\n" + wrap_cjk(std::string("本报讯 ") + std::string(kParaA), 16, false) +
                       wrap_cjk(kParaB, 16, true));
    auto units = all_units(doc);
    REQUIRE(units.size() == 3);
    CHECK(units[0]->kind == role::headline);
    CHECK(units[1]->kind == role::dateline);
    CHECK(units[1]->text == "本报讯 " + std::string(kParaA));
    CHECK(units[2]->kind == role::body);
  }
}

TEST_SUITE("reflow.page_lines") {
  TEST_CASE("page lines: a CJK line ends its sentence under the marks an engine makes of specks") {
    // A full-width sentence mark, then only marks: the sentence ended.
    CHECK(cjk_ends_sentence("让老街在安全和舒适上跟上时代。，", true) == 1);
    CHECK(cjk_ends_sentence("这是我们最看重的。”，.", true) == 1);
    CHECK(cjk_ends_sentence("统一调配回原馆2?.。“", false) == 1);
    CHECK(cjk_ends_sentence("感叹！、 ", true) == 1);
    // A half-width stop after an ideograph is a speck where the engine
    // reads full stops as 。 elsewhere; otherwise the text says.
    CHECK(cjk_ends_sentence("经过反复讨论，最终.", true) == 0);
    CHECK(cjk_ends_sentence("经过反复讨论，最终.", false) == -1);
    // No opinion: an ideograph after the mark, no mark, a symbol, Latin.
    CHECK(cjk_ends_sentence("络绎不绝。四”", true) == -1);
    CHECK(cjk_ends_sentence("南门老街改造", true) == -1);
    CHECK(cjk_ends_sentence("价格上涨5%", true) == -1);
    CHECK(cjk_ends_sentence("It ended.,", true) == -1);
  }
}
