// text_test.cpp - the cues of lib/text/, each on inputs that show its class:
// character classes, line shapes, column widths, datelines and credits,
// paragraph ends, word junctions, vocabulary and dehyphenation splits.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "model/document.hpp"
#include "text/chars.hpp"
#include "text/cues.hpp"
#include "text/junction.hpp"
#include "text/words.hpp"
#include "text/lexicon.hpp"
#include "text/line_shape.hpp"
#include "text/paragraphs.hpp"

using namespace colreflow::detail;

namespace {

std::vector<line> make_lines(std::initializer_list<std::string_view> texts) {
  std::vector<line> out;
  std::uint32_t n = 0;
  for (std::string_view t : texts) {
    line l;
    l.text = t;  // the literals outlive the lines
    l.source_line = ++n;
    l.shape = measure_line(l.text);
    out.push_back(std::move(l));
  }
  return out;
}

// Byte length of `prefix`, for expected dateline lengths.
std::size_t bytes(std::string_view prefix) { return prefix.size(); }

column_metrics metrics(int full_width, bool cjk) {
  column_metrics m;
  m.full_width = full_width;
  m.cjk = cjk;
  return m;
}

}  // namespace

TEST_SUITE("text.chars") {
  TEST_CASE("is_cjk: Han, kana and Hangul letters; not Latin, digits or punctuation") {
    for (char32_t c : {U'中', U'国', U'あ', U'カ', U'한'}) CHECK(is_cjk(c));
    for (char32_t c : {U'A', U'z', U'3', U'，', U'。', U'（', U' ', U'\u3000', U'Ａ'})
      CHECK_FALSE(is_cjk(c));
  }

  TEST_CASE("is_wide: ideographs and full-width forms take two cells, Latin one") {
    for (char32_t c : {U'中', U'，', U'。', U'\u3000', U'Ａ', U'３'}) CHECK(is_wide(c));
    for (char32_t c : {U'A', U'3', U',', U' '}) CHECK_FALSE(is_wide(c));
  }

  TEST_CASE("is_fullwidth_punct: CJK marks and curly quotes, not ASCII marks or letters") {
    for (char32_t c : {U'，', U'。', U'、', U'；', U'：', U'！', U'？', U'（', U'）', U'“', U'”',
                       U'\u2014', U'\u2026', U'【', U'】'})
      CHECK(is_fullwidth_punct(c));
    for (char32_t c : {U',', U'.', U'!', U'(', U'中', U'A', U'3', U'\u3000'})
      CHECK_FALSE(is_fullwidth_punct(c));
  }

  TEST_CASE("is_sentence_terminal: full stops, question and exclamation marks of both scripts") {
    for (char32_t c : {U'。', U'！', U'？', U'.', U'!', U'?'}) CHECK(is_sentence_terminal(c));
    for (char32_t c : {U'，', U'、', U'；', U'：', U',', U';', U':', U'中', U'a', U'”'})
      CHECK_FALSE(is_sentence_terminal(c));
  }

  TEST_CASE("is_no_line_start: closing marks and stops may not begin a line; openers and letters may") {
    for (char32_t c : {U'，', U'。', U'、', U'）', U'」', U'”', U'！', U'？', U')', U'\u2019'})
      CHECK(is_no_line_start(c));
    for (char32_t c : {U'（', U'“', U'「', U'中', U'A', U'3', U'('}) CHECK_FALSE(is_no_line_start(c));
  }

  TEST_CASE("is_clause_punct: mid-sentence marks only") {
    for (char32_t c : {U'，', U'、', U'；', U'：', U',', U';', U':'}) CHECK(is_clause_punct(c));
    for (char32_t c : {U'。', U'.', U'？', U'中', U'-'}) CHECK_FALSE(is_clause_punct(c));
  }

  TEST_CASE("is_opening / is_closing: brackets and quotes by side") {
    for (char32_t c : {U'（', U'(', U'“', U'「', U'【'}) {
      CHECK(is_opening(c));
      CHECK_FALSE(is_closing(c));
    }
    for (char32_t c : {U'）', U')', U'”', U'」', U'】', U'"'}) {
      CHECK(is_closing(c));
      CHECK_FALSE(is_opening(c));
    }
  }

  TEST_CASE("is_hyphen / is_dash: line-break hyphens apart from dashes") {
    for (char32_t c : {U'-', U'\u2010', U'\u00AD', U'\u2E17', U'\u2E40', U'\u00AC'}) {
      CHECK(is_hyphen(c));
      CHECK_FALSE(is_dash(c));
    }
    for (char32_t c : {U'\u2014', U'\u2013'}) {
      CHECK(is_dash(c));
      CHECK_FALSE(is_hyphen(c));
    }
  }

  TEST_CASE("is_narrow_alnum: Latin letters and ASCII digits, not ideographs or full-width forms") {
    for (char32_t c : {U'A', U'z', U'7', U'é'}) CHECK(is_narrow_alnum(c));
    for (char32_t c : {U'中', U'Ａ', U'３', U'，', U'-'}) CHECK_FALSE(is_narrow_alnum(c));
  }

  TEST_CASE("case classes: upper, lower, neither for ideographs") {
    CHECK(is_upper(U'Q'));
    CHECK(is_lower(U'q'));
    CHECK_FALSE(is_upper(U'中'));
    CHECK_FALSE(is_lower(U'中'));
    CHECK(is_letter(U'中'));
    CHECK(is_digit(U'4'));
    CHECK_FALSE(is_letter(U'4'));
  }

  TEST_CASE("next_code_point / last_code_point walk UTF-8 both ways") {
    std::string_view s = "a中，";
    std::size_t pos = 0;
    CHECK(next_code_point(s, pos) == U'a');
    CHECK(next_code_point(s, pos) == U'中');
    CHECK(next_code_point(s, pos) == U'，');
    CHECK(pos == s.size());
    std::size_t end = s.size();
    CHECK(last_code_point(s, end) == U'，');
    CHECK(last_code_point(s, end) == U'中');
    CHECK(end == 1);
  }
}

TEST_SUITE("text.line_shape") {
  TEST_CASE("measure_line: a CJK sentence counts two cells a character and ends a sentence") {
    line_shape s = measure_line("今天市里召开全体会议。");  // 10 ideographs + 。
    CHECK_FALSE(bool(s.blank));
    CHECK(bool(s.cjk));
    CHECK(s.width == 22);
    CHECK(s.indent == 0);
    CHECK(s.cjk_letters == 10);
    CHECK(s.other_letters == 0);
    CHECK(char32_t(s.first) == U'今');
    CHECK(char32_t(s.last) == U'。');
    CHECK(char32_t(s.last_core) == U'。');
    CHECK(bool(s.ends_sentence));
    CHECK_FALSE(bool(s.ends_clause));
    CHECK_FALSE(bool(s.ends_hyphen));
    CHECK_FALSE(bool(s.starts_no_line_start));
  }

  TEST_CASE("measure_line: OCR spaces inside a CJK line do not widen it") {
    line_shape solid = measure_line("今天市里召开全体会议，");
    line_shape spaced = measure_line("今天 市里召开 全体会议 ，");
    CHECK(bool(spaced.cjk));
    CHECK(spaced.width == solid.width);
    CHECK(bool(spaced.ends_clause));
    CHECK_FALSE(bool(spaced.ends_sentence));
  }

  TEST_CASE("measure_line: indent in cells, ideographic space two cells") {
    CHECK(measure_line("　　今天市里召开会议").indent == 4);
    CHECK(measure_line("  The council met").indent == 2);
    line_shape s = measure_line("　　今天市里召开会议");
    CHECK(s.width == 16);  // the indent is not part of the width
    CHECK(char32_t(s.first) == U'今');
  }

  TEST_CASE("measure_line: a blank line") {
    line_shape s = measure_line(" \t\u3000 ");
    CHECK(bool(s.blank));
    CHECK(s.width == 0);
  }

  TEST_CASE("measure_line: a Latin line counts words and capitals") {
    line_shape s = measure_line("The City Council met on Tuesday.");
    CHECK_FALSE(bool(s.cjk));
    CHECK(s.width == 32);
    CHECK(s.words == 6);
    CHECK(s.upper_initial_words == 4);
    CHECK(s.other_letters == 26);
    CHECK(bool(s.ends_sentence));
    CHECK_FALSE(bool(s.starts_lower));
  }

  TEST_CASE("measure_line: lower-case start and closing quotes before the terminal") {
    line_shape s = measure_line("and then he said \"no.\"");
    CHECK(bool(s.starts_lower));
    CHECK(char32_t(s.last) == U'"');
    CHECK(char32_t(s.last_core) == U'.');
    CHECK(bool(s.ends_sentence));
    line_shape z = measure_line("他说：“明天再来。”");
    CHECK(char32_t(z.last) == U'”');
    CHECK(char32_t(z.last_core) == U'。');
    CHECK(bool(z.ends_sentence));
  }

  TEST_CASE("measure_line: a line starting with a closing mark") {
    CHECK(measure_line("，然后大家继续讨论").starts_no_line_start);
    CHECK(measure_line("）等多个部门").starts_no_line_start);
    CHECK_FALSE(measure_line("（记者 王明）").starts_no_line_start);
  }

  TEST_CASE("measure_line: a letter then a hyphen is a cut word; a digit or a dash is not") {
    CHECK(measure_line("the results of the exam-").ends_hyphen);
    CHECK(measure_line("the results of the exam-  ").ends_hyphen);
    CHECK(measure_line("the results of the exam\u00AD").ends_hyphen);
    CHECK_FALSE(measure_line("the score was 3-").ends_hyphen);
    CHECK_FALSE(measure_line("the results of the exam \u2014").ends_hyphen);
    CHECK_FALSE(measure_line("中文后面-").ends_hyphen);
  }

  TEST_CASE("measure_line: phrase spaces between ideograph runs, as in a CJK heading") {
    CHECK(measure_line("城市交通网络 迎来全新变化").phrase_space);
    CHECK(measure_line("科技创新驱动 产业加快升级").phrase_space);
    // A phrase may open or close with a quote or bracket.
    CHECK(measure_line("千年古籍走出库房 “纸上文明”展开幕").phrase_space);
    CHECK(measure_line("“纸上文明” 古籍特展今日开幕").phrase_space);
    CHECK(measure_line("《资治通鉴》 残卷首次亮相").phrase_space);
    CHECK_FALSE(measure_line("他说 “好的”").phrase_space);  // two ideographs after
  }

  TEST_CASE("measure_line: a space inside a short run is OCR's, not a phrase space") {
    CHECK_FALSE(measure_line("快递 等行业发展迅速").phrase_space);  // two ideographs before
    CHECK_FALSE(measure_line("城市交通网络迎来变化").phrase_space);   // no space at all
  }

  TEST_CASE("measure_line: an OCR space inside a dictionary word is not a phrase space") {
    // 研究 is one word; the space cuts it.
    CHECK_FALSE(measure_line("我们正在研 究这个问题").phrase_space);
    CHECK(measure_line("我们正在研究 这个问题很难").phrase_space);
  }

  TEST_CASE("measure_line: mixed text is CJK when ideographs are a third of the letters or more") {
    CHECK(measure_line("他在New York工作多年").cjk);
    CHECK_FALSE(measure_line("The word 中 appears once").cjk);
  }
}

TEST_SUITE("text.columns") {
  TEST_CASE("estimate_columns: justified CJK lines give their common width") {
    std::vector<line_shape> shapes;
    // Eight full lines of 20 characters (40 cells), two short paragraph ends.
    for (int i = 0; i < 8; ++i) shapes.push_back(measure_line("今天市里召开全体会议研究部署全年重点工作任务"));
    shapes.push_back(measure_line("会议结束。"));
    shapes.push_back(measure_line("大家表示赞同。"));
    int full = shapes.front().width;
    column_metrics m = estimate_columns(shapes, true);
    CHECK(m.cjk);
    CHECK(m.known());
    CHECK(m.full_width == full);
  }

  TEST_CASE("estimate_columns: an indented full line counts its indent") {
    std::vector<line_shape> shapes;
    for (int i = 0; i < 5; ++i) shapes.push_back(measure_line("今天市里召开全体会议研究部署"));
    shapes.push_back(measure_line("　　今天市里召开全体会议研究"));
    column_metrics m = estimate_columns(shapes, true);
    CHECK(m.full_width == 28);
    CHECK(m.is_full(shapes.back()));
    // Full, but indented: it opens a paragraph, it carries nothing on.
    CHECK_FALSE(m.carries_on(shapes.back()));
    CHECK(m.carries_on(shapes.front()));
  }

  TEST_CASE("estimate_columns: ragged Latin widths give a width near the top") {
    std::vector<std::string> texts = {
        "The council met on Tuesday to talk about",
        "the budget for next year, which includes",
        "new spending on roads and on schools in",
        "the northern part of the county, and a",
        "plan to hire more teachers over the next",
        "three years. Members of the public were",
        "invited to speak at the meeting, and",
        "several of them did so at some length.",
        "The vote is expected next month.",
        "Nobody objected."};
    std::vector<line_shape> shapes;
    int widest = 0;
    for (const auto &t : texts) {
      shapes.push_back(measure_line(t));
      widest = std::max(widest, shapes.back().width);
    }
    column_metrics m = estimate_columns(shapes, false);
    CHECK_FALSE(m.cjk);
    CHECK(m.full_width <= widest);
    CHECK(m.full_width >= widest - 3);
    CHECK(m.is_short(measure_line("Nobody objected."), 5));
    CHECK_FALSE(m.is_short(measure_line("the budget for next year, which includes"), 5));
  }

  TEST_CASE("estimate_columns: a line set across a wider measure does not widen the column") {
    // Nine lines of a 28-character column and a subheading of 40 that was
    // never wrapped to it: the column stays 28 wide, so the subheading
    // stands out as wider than the column.
    std::vector<std::string> texts = {
        "The committee met on Tuesday", "to discuss the plan for the",
        "bridges and the roads in the", "county, and the members said",
        "Protecting the freedom to share our roads", "To protect your rights, we",
        "need to prevent others from", "denying you these rights or",
        "asking you to surrender them."};
    std::vector<line_shape> shapes;
    for (const auto &t : texts) shapes.push_back(measure_line(t));
    column_metrics m = estimate_columns(shapes, false);
    CHECK(m.full_width == 29);
    CHECK(shapes[4].width > m.full_width + 2);
  }

  TEST_CASE("estimate_columns: fewer than three lines, or only heading lines, leave the width unknown") {
    std::vector<line_shape> two = {measure_line("The council met."), measure_line("It voted.")};
    CHECK_FALSE(estimate_columns(two, false).known());
    std::vector<line_shape> headings = {measure_line("城市交通网络 迎来全新变化"),
                                        measure_line("科技创新驱动 产业加快升级"),
                                        measure_line("生态环境保护 取得显著成效"),
                                        measure_line("")};
    CHECK_FALSE(estimate_columns(headings, true).known());
  }

  TEST_CASE("column_metrics: CJK indent is a first line short by one to four em") {
    column_metrics m = metrics(40, true);
    CHECK(m.is_indented(measure_line("　　今天市里召开全体会议研究部署全年工作")));   // indent 4
    CHECK(m.is_indented(measure_line("今天市里召开全体会议研究部署全年工作")));       // 36 cells: 4 short
    CHECK_FALSE(m.is_indented(measure_line("今天市里召开全体会议研究部署全年重点工作")));  // full
    CHECK_FALSE(m.is_indented(measure_line("今天会议结束。")));  // far too short to be an indent
    CHECK_FALSE(metrics(0, true).is_indented(measure_line("　　今天")));  // unknown width
  }
}

TEST_SUITE("text.cues") {
  TEST_CASE("dateline_length: a report mark, with and without a place") {
    CHECK(dateline_length("本报讯 今天上午，全市召开大会") == bytes("本报讯"));
    CHECK(dateline_length("本报北京讯 今天上午，全市召开大会") == bytes("本报北京讯"));
    CHECK(dateline_length("本报讯（记者 王明）今天上午") == bytes("本报讯"));
    CHECK(dateline_length("  本报讯 今天上午") == bytes("  本报讯"));
  }

  TEST_CASE("dateline_length: a wire dateline with a date, OCR spaces around its digits") {
    CHECK(dateline_length("新华社北京3月5日电 记者从会上获悉") == bytes("新华社北京3月5日电"));
    CHECK(dateline_length("新华社北京 3 月 5 日电 记者从会上获悉") ==
          bytes("新华社北京 3 月 5 日电"));
    CHECK(dateline_length("新华社上海 12 月 31 日电（记者 王明）") ==
          bytes("新华社上海 12 月 31 日电"));
  }

  TEST_CASE("dateline_length: a reporter credit opening the first paragraph") {
    CHECK(dateline_length("本报记者 王明 近日，全市召开大会") == bytes("本报记者 王明"));
    CHECK(dateline_length("新华社记者 欧阳明辉 今天上午") == bytes("新华社记者 欧阳明辉"));
  }

  TEST_CASE("dateline_length: a bracketed dateline") {
    CHECK(dateline_length("【本报综合】今天上午，全市召开大会") == bytes("【本报综合】"));
    CHECK(dateline_length("【本报综合 今天上午") == 0);  // never closed
  }

  TEST_CASE("dateline_length: an upper-case place and a dash") {
    CHECK(dateline_length("WASHINGTON \u2014 The president said on Monday") ==
          bytes("WASHINGTON \u2014"));
    CHECK(dateline_length("BOSTON, June 29 -- The city council voted") == bytes("BOSTON, June 29 --"));
    CHECK(dateline_length("NEW YORK (AP) \u2013 Stocks rose") == bytes("NEW YORK (AP) \u2013"));
  }

  TEST_CASE("dateline_length: near misses of the CJK forms") {
    CHECK(dateline_length("通讯员小李今天介绍说，全市") == 0);            // 讯 inside a word
    CHECK(dateline_length("据本地通讯员介绍，今年以来") == 0);            // 讯 inside a word
    CHECK(dateline_length("全市用电量今年再创新高，达到") == 0);          // 电 not after a date
    CHECK(dateline_length("今年全市用电创下新高") == 0);
    CHECK(dateline_length("月5日电 记者从会上获悉") == 0);                // the tail of a dateline
    CHECK(dateline_length("今天，新华社北京3月5日电") == 0);               // punctuation before it
    CHECK(dateline_length("本报记者王明近日报道") == 0);                   // no space around the name
    CHECK(dateline_length("今天上午全市召开大会") == 0);
  }

  TEST_CASE("dateline_length: near misses of the Latin forms") {
    CHECK(dateline_length("Washington \u2014 the president said") == 0);  // not upper case
    CHECK(dateline_length("washington \u2014 the president said") == 0);
    CHECK(dateline_length("The president \u2014 who spoke first") == 0);
    CHECK(dateline_length("NATO said no! \u2014 and left") == 0);         // a sentence ends first
    CHECK(dateline_length("UN officials met for two days of talks on the budget") == 0);
  }

  // cues.hpp: a Latin dateline is "upper-case words (commas, dates allowed)
  // followed by a dash": prose that opens with an acronym and has a dash
  // later is no dateline.
  TEST_CASE("dateline_length: an acronym opening prose with a later dash is no dateline") {
    CHECK(dateline_length("NASA officials said the launch \u2014 planned for May \u2014 was delayed.") == 0);
    CHECK(dateline_length("FBI agents arrived at noon -- and left") == 0);
  }

  // Neither 讯 nor 电 closes a dateline inside a word: "今年1月5日电价下调"
  // (electricity prices fell on 5 January) is prose, wrapped or not.
  TEST_CASE("dateline_length: a date followed by a word starting with 电 is prose") {
    CHECK(dateline_length("今年1月5日电价下调，全市居民受益") == 0);
    CHECK_FALSE(opens_with_dateline("全市今年1", "月5日电价下调，居民受益"));
  }

  TEST_CASE("opens_with_dateline: a dateline wrapped over two lines") {
    CHECK(opens_with_dateline("新华社北京3", "月5日电 记者从会上获悉，今年"));
    CHECK(opens_with_dateline("新华社北京 3", "月 5 日电 记者从会上获悉"));
    CHECK(opens_with_dateline("本报讯 今天上午", "全市召开大会"));  // whole on the first line
  }

  TEST_CASE("opens_with_dateline: a second line with its own dateline, or prose, is no wrap") {
    CHECK_FALSE(opens_with_dateline("全市今天召开大会", "本报讯 今天上午"));
    CHECK_FALSE(opens_with_dateline("今天上午，全市召开", "大会，用电量创新高"));
    CHECK_FALSE(opens_with_dateline("今天，全市", "3月5日电"));
    CHECK_FALSE(opens_with_dateline("新华社北京3", ""));
  }

  TEST_CASE("is_byline_line: By and a capitalised name, optionally after a dash") {
    CHECK(is_byline_line("By JANE DOE"));
    CHECK(is_byline_line("By Jane Doe and John Roe"));
    CHECK(is_byline_line("\u2014 By Jane Doe"));
    CHECK(is_byline_line("  -- By Jane Doe"));
  }

  TEST_CASE("is_byline_line: prose that starts with By is not a byline") {
    CHECK_FALSE(is_byline_line("By the end of the day, prices fell"));
    CHECK_FALSE(is_byline_line("By Monday the market had recovered."));
    CHECK_FALSE(is_byline_line("Bystanders said the fire spread fast"));
    CHECK_FALSE(is_byline_line("Written by Jane Doe"));
    CHECK_FALSE(is_byline_line("（记者 王明）"));
  }

  TEST_CASE("ends_with_byline: a short parenthesised CJK name group closes a line") {
    CHECK(ends_with_byline("会议在热烈的掌声中结束。（高美梅）"));
    CHECK(ends_with_byline("会议结束。(高美梅)"));
    CHECK(ends_with_byline("（记者 王明 通讯员 李华）"));
    CHECK(ends_with_byline("（记者 阿卜杜拉·买买提）  "));
  }

  TEST_CASE("ends_with_byline: brackets holding numbers, punctuation or Latin text are no credit") {
    CHECK_FALSE(ends_with_byline("会议于去年召开（2023年）"));
    CHECK_FALSE(ends_with_byline("详见下文（见附表，略）"));
    CHECK_FALSE(ends_with_byline("会议由市政府主办（WHO）"));
    CHECK_FALSE(ends_with_byline("（王）"));              // one ideograph
    CHECK_FALSE(ends_with_byline("（记者 王明）之后大家离开"));  // not at the end
    CHECK_FALSE(ends_with_byline("记者 王明）"));          // never opened
  }

  TEST_CASE("is_credit_line: a line that is nothing but a credit") {
    CHECK(is_credit_line("（文轩）"));
    CHECK(is_credit_line("　　（记者 王明 李华）"));
    CHECK_FALSE(is_credit_line("会议结束。（文轩）"));
    CHECK_FALSE(is_credit_line("会议结束。"));
  }

  TEST_CASE("closes_with_credit: a credit wrapped from the line before") {
    CHECK(closes_with_credit("会议在热烈的掌声中圆满结束。（记者 王明", "李华）"));
    CHECK(closes_with_credit("", "会议结束。（文轩）"));
    CHECK_FALSE(closes_with_credit("会议在热烈的掌声中圆满结束。", "下午继续开会。"));
    CHECK_FALSE(closes_with_credit("他说（今年", "一定要完成，好）"));  // punctuation inside
    CHECK(byline_start("会议结束。（文轩）") == bytes("会议结束。"));
  }
}

TEST_SUITE("text.paragraphs") {
  line_shape shape_of(std::string_view t) { return measure_line(t); }

  TEST_CASE("ends_paragraph: a short line ending a sentence ends the paragraph") {
    column_metrics m = metrics(40, true);
    line_shape a = shape_of("大家表示赞同。"), b = shape_of("今天市里召开全体会议研究部署全年重点工作");
    CHECK(ends_paragraph({"大家表示赞同。", &a, {}, false},
                         {"今天市里召开全体会议研究部署全年重点工作", &b, {}, false}, m));
  }

  TEST_CASE("ends_paragraph: a full line ending a sentence may go on") {
    column_metrics m = metrics(40, true);
    const char *full = "今天市里召开全体会议研究部署全年重点工作。";
    const char *next = "今天市里召开全体会议研究部署全年重点工作";
    line_shape a = shape_of(full), b = shape_of(next);
    CHECK_FALSE(ends_paragraph({full, &a, {}, false}, {next, &b, {}, false}, m));
  }

  TEST_CASE("ends_paragraph: no sentence end, no paragraph end, however short") {
    column_metrics m = metrics(40, true);
    line_shape a = shape_of("大家表示"), b = shape_of("　　今天市里召开全体会议研究部署");
    CHECK_FALSE(ends_paragraph({"大家表示", &a, {}, false},
                               {"　　今天市里召开全体会议研究部署", &b, {}, false}, m));
  }

  TEST_CASE("ends_paragraph: measured on the page, room at a line's end and the next set in end it") {
    // The engine dropped the stop: "气息" ends the paragraph all the same.
    column_metrics m = metrics(40, true);
    const char *end = "时，始终保持生活的气息", *next = "记者离开时已是傍晚，街边的路灯";
    line_shape a = shape_of(end), b = shape_of(next);
    a.next_word_fits = 1;  // room for the next line's first ideograph
    b.indent = 3;          // set in by one and a half em
    b.next_word_fits = 0;  // filled to the column's edge
    CHECK(ends_paragraph({end, &a, {}, false}, {next, &b, {}, false}, m));
    line_shape short_next = b, deep = b, centred = a, full = a;
    short_next.next_word_fits = 1;  // set in and short: verse, a signature
    CHECK_FALSE(ends_paragraph({end, &a, {}, false}, {next, &short_next, {}, false}, m));
    deep.indent = 8;  // four em: no paragraph's indent
    CHECK_FALSE(ends_paragraph({end, &a, {}, false}, {next, &deep, {}, false}, m));
    centred.indent = 4;  // a centred line before it: a heading's lines
    CHECK_FALSE(ends_paragraph({end, &centred, {}, false}, {next, &b, {}, false}, m));
    full.next_word_fits = 0;  // no room: the sentence runs on
    CHECK_FALSE(ends_paragraph({end, &full, {}, false}, {next, &b, {}, false}, m));
  }

  TEST_CASE("ends_paragraph: an indented next line after a sentence end") {
    column_metrics m = metrics(40, true);
    const char *full = "今天市里召开全体会议研究部署全年重点工作。";
    line_shape a = shape_of(full);
    line_shape b = shape_of("　　会议指出，今年全市要进一步加强监管");
    CHECK(ends_paragraph({full, &a, {}, false}, {"　　会议指出，今年全市要进一步加强监管", &b, {}, false}, m));
    // Short by an indent's width, with no indent characters (OCR dropped them).
    line_shape c = shape_of("会议指出，今年全市要进一步加强监管");
    CHECK(ends_paragraph({full, &a, {}, false}, {"会议指出，今年全市要进一步加强监管", &c, {}, false}, m));
  }

  TEST_CASE("ends_paragraph: a dateline always opens a paragraph") {
    column_metrics m = metrics(40, true);
    line_shape a = shape_of("大家表示"), b = shape_of("本报讯 今天上午，全市召开大会");
    CHECK(ends_paragraph({"大家表示", &a, {}, false}, {"本报讯 今天上午，全市召开大会", &b, {}, true}, m));
  }

  TEST_CASE("ends_paragraph: a credit line stays with the paragraph it closes") {
    column_metrics m = metrics(40, true);
    line_shape a = shape_of("大家表示赞同。"), b = shape_of("（文轩）");
    CHECK_FALSE(ends_paragraph({"大家表示赞同。", &a, {}, false}, {"（文轩）", &b, {}, false}, m));
  }

  TEST_CASE("ends_paragraph: a short line ending with a wrapped credit ends the paragraph") {
    column_metrics m = metrics(40, true);
    line_shape a = shape_of("李华）");
    line_shape b = shape_of("今天市里召开全体会议研究部署全年重点工作");
    CHECK(ends_paragraph({"李华）", &a, "会议圆满结束。（记者 王明", false},
                         {"今天市里召开全体会议研究部署全年重点工作", &b, {}, false}, m));
  }

  TEST_CASE("ends_paragraph: Latin short line ending a sentence; full line with one does not") {
    column_metrics m = metrics(40, false);
    line_shape a = shape_of("Nobody objected."), b = shape_of("The vote is expected next month, and the");
    CHECK(ends_paragraph({"Nobody objected.", &a, {}, false},
                         {"The vote is expected next month, and the", &b, {}, false}, m));
    const char *full = "invited to speak at the meeting, and did.";
    line_shape f = shape_of(full);
    CHECK_FALSE(ends_paragraph({full, &f, {}, false},
                               {"The vote is expected next month, and the", &b, {}, false}, m));
  }

  TEST_CASE("ends_paragraph: with the column width unknown only indents and datelines count") {
    column_metrics m;  // unknown
    line_shape a = shape_of("Nobody objected."), b = shape_of("The vote is next month.");
    CHECK_FALSE(ends_paragraph({"Nobody objected.", &a, {}, false},
                               {"The vote is next month.", &b, {}, false}, m));
    line_shape c = shape_of("   The vote is next month.");
    CHECK(ends_paragraph({"Nobody objected.", &a, {}, false},
                         {"   The vote is next month.", &c, {}, false}, m));
  }

  TEST_CASE("first_word_cells: one CJK character, or a Latin word capped at four") {
    CHECK(first_word_cells("今天") == 2);
    CHECK(first_word_cells("  an apple") == 2);
    CHECK(first_word_cells("extraordinary") == 4);
  }
}

TEST_SUITE("text.junction") {
  TEST_CASE("cjk_word_spans: a word cut across the junction") {
    CHECK(cjk_word_spans("我们正在研", "究这个问题"));  // 研究
    CHECK(cjk_word_spans("全市召开大会，部", "署全年工作"));  // 部署
  }

  TEST_CASE("cjk_word_spans: a junction between two words") {
    CHECK_FALSE(cjk_word_spans("我们正在研究", "这个问题"));
    CHECK_FALSE(cjk_word_spans("全市召开大会，部署", "全年工作"));
  }

  TEST_CASE("cjk_word_spans: no ideograph at the junction, no word across it") {
    CHECK_FALSE(cjk_word_spans("我们正在研究。", "这个问题"));
    CHECK_FALSE(cjk_word_spans("我们正在研", "，究"));
    CHECK_FALSE(cjk_word_spans("the exam", "ple"));
    CHECK_FALSE(cjk_word_spans("", "研究"));
  }

  TEST_CASE("cjk_word_spans: edge spaces at the junction are skipped") {
    CHECK(cjk_word_spans("我们正在研 ", " 究这个问题"));
  }

  TEST_CASE("junction_table agrees with cjk_word_spans pair by pair") {
    // Each tail's true continuation is the next head (the diagonal is no junction).
    std::vector<std::string_view> tails = {"我们正在研", "全市召开大会，部", "大家一致同", "这个方案",
                                           "the end of"};
    std::vector<std::string_view> heads = {"另一段文字", "究这个问题", "署全年工作", "意这个方案",
                                           "another line"};
    std::size_t n = tails.size();
    std::vector<bool> all(n, true);
    std::vector<line> none;
    cjk_bigrams pairs(none);
    junction_table table(tails, heads, all, all, pairs);
    int words = 0;
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = 0; b < n; ++b) {
        CAPTURE(a);
        CAPTURE(b);
        if (a == b) {
          CHECK(table.at(a, b) == junction_table::none);
          continue;
        }
        bool spans = cjk_word_spans(tails[a], heads[b]);
        words += spans;
        CHECK((table.at(a, b) == junction_table::word) == spans);
      }
    CHECK(words >= 2);  // the table is not trivially empty
  }

  TEST_CASE("junction_table: rows not wanted stay empty; a pair the document writes counts") {
    std::vector<std::string_view> tails = {"我们正在研", "大家一致同", "另外"};
    std::vector<std::string_view> heads = {"另外的话", "究这个问题", "意这个方案"};
    std::vector<bool> wanted = {true, false, true}, wanted_right = {true, true, true};
    std::vector<line> none;
    junction_table plain(tails, heads, wanted, wanted_right, cjk_bigrams(none));
    CHECK(plain.at(0, 1) == junction_table::word);  // 研究
    CHECK(plain.at(1, 2) == junction_table::none);  // 同意, but row 1 is not wanted
    REQUIRE_FALSE(cjk_word_spans(tails[0], heads[2]));
    CHECK(plain.at(0, 2) == junction_table::none);

    // 研 then 意 is no word, but this document writes it together; it also
    // writes 研究, where the dictionary word still wins.
    std::vector<line> doc = make_lines({"这是研意两个字的组合，研究"});
    cjk_bigrams pairs(doc);
    CHECK(pairs.seen(U'研', U'意'));
    CHECK_FALSE(pairs.seen(U'意', U'研'));
    CHECK(pairs.seen_across("我们正在研", "意"));
    junction_table with_pairs(tails, heads, wanted, wanted_right, pairs);
    CHECK(with_pairs.at(0, 2) == junction_table::seen_pair);
    CHECK(with_pairs.at(0, 1) == junction_table::word);
    CHECK(with_pairs.at(1, 2) == junction_table::none);
  }

  TEST_CASE("cjk_bigrams: OCR spaces inside a line do not part the pair") {
    std::vector<line> doc = make_lines({"公 安 机关"});
    cjk_bigrams pairs(doc);
    CHECK(pairs.seen(U'公', U'安'));
    CHECK(pairs.seen(U'安', U'机'));
  }
}

TEST_SUITE("text.vocabulary") {
  TEST_CASE("vocabulary: words of the document, fragments cut by a line-end hyphen left out") {
    std::vector<line> lines = make_lines({"The Example shows a long-term plan,", "and this exam-",
                                          "ple shows it again."});
    vocabulary v(lines);
    CHECK(v.contains("example"));  // lower-cased
    CHECK(v.contains("shows"));
    CHECK_FALSE(v.contains("exam"));  // cut by the hyphen: no evidence of itself
    CHECK_FALSE(v.contains("Example"));
    CHECK(v.has_compound("long", "term"));
    CHECK(v.has_compound("LONG", "term"));  // the left part in any case
    CHECK_FALSE(v.has_compound("long", "Term"));  // the right part's case as written
    CHECK_FALSE(v.has_compound("exam", "ple"));
    CHECK_FALSE(v.contains("ple"));  // the rest of a cut word is no evidence either
    CHECK_FALSE(v.known("zebra"));  // no word list
  }

  TEST_CASE("vocabulary: a document with no hyphenated line end collects nothing") {
    std::vector<line> lines = make_lines({"The example shows a long-term plan."});
    vocabulary v(lines);
    CHECK_FALSE(has_hyphenated_line_end(lines));
    CHECK_FALSE(v.contains("example"));
    CHECK_FALSE(v.has_compound("long", "term"));
  }

  TEST_CASE("vocabulary: compounds with old prints' hyphens, each pair of parts") {
    std::vector<line> lines = make_lines({"die Actien⸗Quittungsbogen und der Ost-West-Konflikt,", "Ver⸗",
                                          "ſammlung"});
    vocabulary v(lines);
    CHECK(v.has_compound("actien", "Quittungsbogen"));
    CHECK(v.has_compound("ost", "West"));
    CHECK(v.has_compound("west", "Konflikt"));
    CHECK_FALSE(v.has_compound("ost", "Konflikt"));
  }

  TEST_CASE("has_hyphenated_line_end: trailing spaces aside") {
    CHECK(has_hyphenated_line_end(make_lines({"a line", "cut here-   "})));
    CHECK_FALSE(has_hyphenated_line_end(make_lines({"a - line", "-not at the end"})));
  }

  TEST_CASE("lexicon: a word list vouches for words, lower-cased, possessives skipped") {
    std::string path = "/tmp/colreflow_text_test_words.txt";
    {
      std::ofstream out(path, std::ios::binary);
      out << "Zebra\r\nmuseum's\nquokka\n";
    }
    auto lex = lexicon::load(path);
    REQUIRE(lex != nullptr);
    CHECK(lex->contains("zebra"));
    CHECK(lex->contains("quokka"));
    CHECK_FALSE(lex->contains("museum's"));
    CHECK(lex->size() == 2);
    std::vector<line> lines = make_lines({"a quok-", "ka ran"});
    vocabulary v(lines, lex.get());
    CHECK(v.known("zebra"));
    CHECK_FALSE(v.contains("zebra"));  // in the list, not in the document
    CHECK(lexicon::load("/nonexistent/colreflow/words") == nullptr);
    std::remove(path.c_str());
  }

  TEST_CASE("lexicon: lines across read blocks, case duplicates, no final newline") {
    std::string path = "/tmp/colreflow_text_test_words_long.txt";
    std::vector<std::string> words;
    {
      std::ofstream out(path, std::ios::binary);
      // 20,000 lines of 6 to 8 bytes: lines straddle the 64 KiB blocks.
      for (int k = 0; k < 20000; ++k) {
        words.push_back(std::string("w").append(std::to_string(k * 7)));  // GCC 12 -Wrestrict on "w" + s
        out << (k % 2 ? "W" : "w") << k * 7 << "\n";
      }
      out << "Apple\napple\n\xC3\x89MIGR\xC3\x89\n" << std::string(65, 'x') << "\nlast";
    }
    auto lex = lexicon::load(path);
    REQUIRE(lex != nullptr);
    for (const std::string &w : words) CHECK(lex->contains(w));
    CHECK(lex->contains("apple"));
    CHECK(lex->contains("\xC3\xA9migr\xC3\xA9"));  // "émigré", lowered through ICU
    CHECK(lex->contains("last"));
    CHECK_FALSE(lex->contains(std::string(65, 'x')));  // longer than any word
    CHECK_FALSE(lex->contains("w1"));
    CHECK_FALSE(lex->contains(""));
    CHECK(lex->size() == words.size() + 3);
    std::remove(path.c_str());
  }

  TEST_CASE("split_at_hyphen: the fragments on both sides of a line-end hyphen") {
    hyphen_split s = split_at_hyphen("and this exam-", "ple shows it");
    CHECK(s.valid());
    CHECK(s.left == "exam");
    CHECK(s.right == "ple");
    hyphen_split t = split_at_hyphen("and this exam-  ", "  ple, and");
    CHECK(t.left == "exam");
    CHECK(t.right == "ple");
    hyphen_split soft = split_at_hyphen("and this exam\u00AD", "ple");
    CHECK(soft.left == "exam");
  }

  TEST_CASE("split_at_hyphen: no letter before the hyphen or after the break, no split") {
    CHECK_FALSE(split_at_hyphen("no hyphen here", "ple").valid());
    CHECK_FALSE(split_at_hyphen("the score was 3-", "4 at the end").valid());
    CHECK_FALSE(split_at_hyphen("and this exam-", "42 more").valid());
    CHECK_FALSE(split_at_hyphen("中文-", "文字").valid());
  }

  TEST_CASE("to_lower: Unicode case folding") {
    CHECK(to_lower("ÉCOLE Exam") == "école exam");
    CHECK(to_lower("ΟΔΟΣ") == "οδος");    // final sigma, by context
    CHECK(to_lower("İSTANBUL") == "i̇stanbul");  // U+0130: i + combining dot
    CHECK(to_lower("Ab\xC3") == "ab\xEF\xBF\xBD");  // ill-formed: U+FFFD, as ICU
  }

  TEST_CASE("to_lower: the per-code-point path agrees with ICU's string lowering") {
    // Every code point between two letters, against ICU's full mapping in the
    // root locale: the fast path must not change a single lowered word.
    int differ = 0;
    for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
      if (U_IS_SURROGATE(c)) continue;
      icu::UnicodeString u("X");
      u.append(c).append(UChar32{'Y'});
      std::string word;
      u.toUTF8String(word);
      icu::UnicodeString lowered(u);
      lowered.toLower(icu::Locale::getRoot());
      std::string expected;
      lowered.toUTF8String(expected);
      if (to_lower(word) != expected) ++differ;
    }
    CHECK(differ == 0);
  }
}
