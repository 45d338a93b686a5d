// order_test.cpp - the order stage: the path search on hand-made link
// tables, the signs of the structural link cues, and order_blocks on small
// documents.
#include <doctest/doctest.h>

#include <algorithm>  // any_of, none_of
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/pipeline.hpp"
#include "model/document.hpp"
#include "order/edges.hpp"
#include "order/links.hpp"
#include "order/order.hpp"
#include "order/path_search.hpp"
#include "read/text_reader.hpp"
#include "segment/segment.hpp"
#include "text/junction.hpp"
#include "text/words.hpp"
#include "text/line_shape.hpp"

using namespace colreflow::detail;

namespace {

using order_t = std::vector<std::uint32_t>;

order_t identity(std::size_t n) {
  order_t o(n);
  for (std::uint32_t i = 0; i < n; ++i) o[i] = i;
  return o;
}

link_score ls(double s, const char *cue = "test cue") { return {s, cue}; }

block_edges edges(opening open, closing close, std::uint32_t index = 0,
                  std::string_view first = "The text", std::string_view last = "the text") {
  block_edges e;
  e.index = index;
  e.open = open;
  e.close = close;
  e.first_text = first;
  e.last_text = last;
  e.first = measure_line(first);
  e.last = measure_line(last);
  return e;
}

// Evidence tables for Latin blocks: nothing across any junction.
struct no_evidence {
  std::vector<line> lines;
  vocabulary words{lines};
  std::vector<std::string_view> none;
  std::vector<bool> no;
  junction_table table{none, none, no, no, cjk_bigrams(lines)};
  word_pairs pairs{lines};
  junction_evidence all{words, table, pairs};
};

document segmented(std::string_view text) {
  document doc;
  doc.source_name = "test";
  read_text(doc, text, read_limits{});
  segment_blocks(doc);
  return doc;
}

// The blocks' first lines in reading order.
std::vector<std::string> first_lines_in_order(const document &doc) {
  std::vector<std::string> out;
  for (std::uint32_t i : doc.order) out.emplace_back(doc.blocks[i].lines.front().text);
  return out;
}

int count_kind(const document &doc, repair_kind k) {
  int n = 0;
  for (const repair &r : doc.log.entries) n += r.kind == k;
  return n;
}

}  // namespace

TEST_SUITE("order.path_search") {
  TEST_CASE("move_margin: above any single junction cue, growing slowly with the block count") {
    CHECK(move_margin(1) >= 3.3 + 0.5);  // an ICU word across a junction (+3.3) is not enough
    CHECK(move_margin(2) < move_margin(10));
    CHECK(move_margin(10) < move_margin(100));
    CHECK(move_margin(100) - move_margin(10) < 1.0);
    CHECK(move_margin(0) == move_margin(1));
  }

  TEST_CASE("improve_path: all links neutral, the input order stays") {
    link_matrix links(4);
    std::vector<move_record> moves;
    CHECK(improve_path(links, identity(4), moves) == identity(4));
    CHECK(moves.empty());
  }

  TEST_CASE("improve_path: a move that gains less than the margin is not made") {
    link_matrix links(4);
    // Block 2 would rather come first, but only by a little. (Block 3, the
    // last, would need less: moving it first keeps the text's cycle.)
    links.set_start(2, ls(move_margin(4) - 0.2));
    links.set_end(3, ls(move_margin(4)));  // and block 3 closes it: no rotation pays
    std::vector<move_record> moves;
    CHECK(improve_path(links, identity(4), moves) == identity(4));
    CHECK(moves.empty());
  }

  TEST_CASE("improve_path: a block moved when the gain beats the margin") {
    link_matrix links(3);
    links.set_start(2, ls(2, "heading opens"));
    links.set_start(0, ls(-3));
    links.set(2, 0, ls(3, "dateline after heading"));
    links.set(1, 2, ls(-1));
    links.set_end(1, ls(1));
    links.set_end(2, ls(-3));
    std::vector<move_record> moves;
    CHECK(improve_path(links, identity(3), moves) == order_t{2, 0, 1});
    REQUIRE(moves.size() == 1);
    // Block 2 to the front or, the same order, blocks 0..1 to the end.
    CHECK(((moves[0].first_block == 2 && moves[0].last_block == 2) ||
           (moves[0].first_block == 0 && moves[0].last_block == 1)));
    CHECK(moves[0].gain == doctest::Approx(13.0));
    CHECK(std::string(moves[0].cue) == "dateline after heading");  // the stronger new link
  }

  TEST_CASE("improve_path: a run of blocks moved as one") {
    // Input 0 1 2 3 4; the text reads 3 4 0 1 2 (a tail read first).
    link_matrix links(5);
    links.set_start(3, ls(2));
    links.set_start(0, ls(-3));
    links.set(4, 0, ls(3));
    links.set(2, 3, ls(-2));
    links.set_end(2, ls(2));
    links.set_end(4, ls(-3));
    std::vector<move_record> moves;
    CHECK(improve_path(links, identity(5), moves) == order_t{3, 4, 0, 1, 2});
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].gain > move_margin(5));
  }

  TEST_CASE("improve_path: several misplaced pieces, several moves") {
    // Every link is poor except those of the chain 5 0 2 1 3 4: block 5 read
    // last belongs first, and blocks 1 and 2 are swapped.
    const order_t truth = {5, 0, 2, 1, 3, 4};
    link_matrix links(6);
    for (std::size_t a = 0; a <= 6; ++a)
      for (std::size_t b = 0; b <= 6; ++b)
        if (a != b) links.set(a, b, ls(-2));  // index 6 is the start (as a) or end (as b)
    links.set_start(truth.front(), ls(5));
    links.set_end(truth.back(), ls(5));
    for (std::size_t k = 0; k + 1 < truth.size(); ++k) links.set(truth[k], truth[k + 1], ls(5));
    std::vector<move_record> moves;
    CHECK(improve_path(links, identity(6), moves) == truth);
    CHECK(moves.size() >= 2);
    for (const move_record &m : moves) CHECK(m.gain > move_margin(6));
  }

  TEST_CASE("improve_path: a tail read first goes after what the input ends with") {
    // Block 0 must not open the text (the headline, block 1, must) but the
    // links say nothing about where it belongs: the text was rotated, so it
    // goes last. Both the exact search and the move search.
    for (std::size_t n : {std::size_t{6}, std::size_t{30}}) {
      CAPTURE(n);
      link_matrix links(n);
      links.set_start(0, ls(-3));
      links.set_start(1, ls(3));
      std::vector<move_record> moves;
      order_t expected;
      for (std::size_t k = 1; k < n; ++k) expected.push_back(static_cast<std::uint32_t>(k));
      expected.push_back(0);
      CHECK(improve_path(links, identity(n), moves) == expected);
    }
  }

  TEST_CASE("improve_path: the margin grows with the block count") {
    // One block wants to open the text by the same gain in both tables: it
    // clears the margin among 3 blocks but not among 40.
    const double gain = 0.5 * (move_margin(3) + move_margin(40));
    REQUIRE(gain > move_margin(3));
    REQUIRE(gain < move_margin(40));
    for (std::size_t n : {std::size_t{3}, std::size_t{40}}) {
      CAPTURE(n);
      link_matrix links(n);
      links.set_start(n - 2, ls(gain));
      links.set_end(n - 1, ls(2 * move_margin(n)));  // the last block closes: no rotation pays
      std::vector<move_record> moves;
      order_t out = improve_path(links, identity(n), moves);
      CHECK((out.front() == n - 2) == (n == 3));
      CHECK(moves.size() == (n == 3 ? 1u : 0u));
    }
  }
}

TEST_SUITE("order.links") {
  TEST_CASE("score_link: a heading before a dateline is favoured") {
    no_evidence ev;
    block_edges heading = edges(opening::headline, closing::heading, 0);
    block_edges dateline = edges(opening::dateline, closing::continuation, 1);
    CHECK(score_link(heading, dateline, ev.all).score > 0);
    // more than before any other kind of text
    block_edges sentence = edges(opening::sentence, closing::continuation, 1);
    CHECK(score_link(heading, dateline, ev.all).score >
          score_link(heading, sentence, ev.all).score);
  }

  TEST_CASE("score_link: a heading followed by mid-paragraph text is penalised") {
    no_evidence ev;
    block_edges heading = edges(opening::subheading, closing::heading, 0);
    block_edges middle = edges(opening::continuation, closing::continuation, 1, "and then");
    CHECK(score_link(heading, middle, ev.all).score < 0);
  }

  TEST_CASE("score_end: a heading at the end of the text is penalised") {
    CHECK(score_end(edges(opening::headline, closing::heading)).score < 0);
    CHECK(score_end(edges(opening::subheading, closing::heading)).score < 0);
  }

  TEST_CASE("score_end: a credit closes the text well, an unfinished sentence badly") {
    CHECK(score_end(edges(opening::paragraph, closing::article_end)).score > 0);
    CHECK(score_end(edges(opening::paragraph, closing::paragraph_end)).score >= 0);
    CHECK(score_end(edges(opening::paragraph, closing::continuation)).score < 0);
    CHECK(score_end(edges(opening::paragraph, closing::word_cut)).score < 0);
    CHECK(score_end(edges(opening::paragraph, closing::article_end)).score >
          score_end(edges(opening::paragraph, closing::paragraph_end)).score);
  }

  TEST_CASE("score_start: a heading opens the text; mid-paragraph text does not") {
    CHECK(score_start(edges(opening::headline, closing::heading)).score > 0);
    CHECK(score_start(edges(opening::subheading, closing::heading)).score > 0);
    CHECK(score_start(edges(opening::continuation, closing::continuation)).score < 0);
    CHECK(score_start(edges(opening::headline, closing::heading)).score >
          score_start(edges(opening::dateline, closing::continuation)).score);
    CHECK(score_start(edges(opening::dateline, closing::continuation)).score >
          score_start(edges(opening::continuation, closing::continuation)).score);
  }

  TEST_CASE("score_link: text continuing after an unfinished sentence is favoured") {
    no_evidence ev;
    block_edges a = edges(opening::sentence, closing::continuation, 0, "The council", "voted on the");
    block_edges b = edges(opening::continuation, closing::sentence_end, 1, "budget for the year.");
    CHECK(score_link(a, b, ev.all).score > 0);
  }

  TEST_CASE("score_link: a paragraph start after an unfinished sentence is penalised") {
    no_evidence ev;
    block_edges a = edges(opening::sentence, closing::continuation, 0, "The council", "voted on the");
    block_edges b = edges(opening::paragraph, closing::sentence_end, 1, "   Members of the public");
    CHECK(score_link(a, b, ev.all).score < 0);
    block_edges d = edges(opening::dateline, closing::continuation, 1);
    block_edges h = edges(opening::headline, closing::heading, 1);
    CHECK(score_link(a, d, ev.all).score < 0);
    CHECK(score_link(a, h, ev.all).score < 0);
  }

  TEST_CASE("score_link: text continuing after an author credit is penalised") {
    no_evidence ev;
    block_edges a = edges(opening::paragraph, closing::article_end, 0);
    CHECK(score_link(a, edges(opening::continuation, closing::continuation, 1, "and then"),
                     ev.all).score < 0);
    CHECK(score_link(a, edges(opening::headline, closing::heading, 1), ev.all).score > 0);
  }

  TEST_CASE("score_link: a lower-case word after a sentence end is penalised") {
    no_evidence ev;
    block_edges a = edges(opening::sentence, closing::sentence_end, 0, "The council", "the budget.");
    block_edges b = edges(opening::continuation, closing::sentence_end, 1, "and the mayor agreed.");
    CHECK(score_link(a, b, ev.all).score < 0);
  }

  TEST_CASE("score_link: a cut word completed by a word of the document is favoured") {
    std::vector<line> lines(3);
    lines[0].text = "An example of the plan.";
    lines[1].text = "and this exam-";
    lines[2].text = "ple shows it";
    vocabulary words(lines);
    no_evidence ev;
    block_edges a = edges(opening::sentence, closing::word_cut, 0, "The", "and this exam-");
    block_edges known = edges(opening::continuation, closing::continuation, 1, "ple shows it");
    block_edges unknown = edges(opening::continuation, closing::continuation, 1, "zzq shows it");
    double with = score_link(a, known, junction_evidence{words, ev.table, ev.pairs}).score;
    double without = score_link(a, unknown, junction_evidence{words, ev.table, ev.pairs}).score;
    CHECK(with > 0);
    CHECK(with > without);
    CHECK(score_link(a, edges(opening::paragraph, closing::continuation, 1), junction_evidence{words, ev.table, ev.pairs}).score < 0);
  }

  TEST_CASE("score_link: a CJK word across the junction raises a continuation's score") {
    // Block 0 ends mid-word (部); block 1 completes it (部署), block 2 does not.
    std::vector<std::string_view> tails = {"全市召开大会，部", "工作任务", "工作任务"};
    std::vector<std::string_view> heads = {"全市召开大会", "署全年工作任务", "今年全市工作任务"};
    std::vector<bool> all = {true, true, true};
    std::vector<line> none;
    junction_table table(tails, heads, all, all, cjk_bigrams(none));
    vocabulary words(none);
    REQUIRE(table.at(0, 1) == junction_table::word);
    REQUIRE(table.at(0, 2) == junction_table::none);
    block_edges a = edges(opening::unknown, closing::continuation, 0, heads[0], tails[0]);
    block_edges b1 = edges(opening::continuation, closing::continuation, 1, heads[1], tails[1]);
    block_edges b2 = edges(opening::continuation, closing::continuation, 2, heads[2], tails[2]);
    const word_pairs pairs(none);
    const junction_evidence ev{words, table, pairs};
    double across = score_link(a, b1, ev).score;
    double plain = score_link(a, b2, ev).score;
    CHECK(across > plain + 3);
    CHECK(across > 0);
    // No single junction cue moves text on its own: what the word adds over
    // no evidence stays below the margin.
    CHECK(across - plain < move_margin(2));
  }
}

TEST_SUITE("order.word_pairs") {
  word_pairs pairs_of(const std::vector<line> &lines) { return word_pairs(lines); }

  // `texts` plus filler prose of many distinct words, as a page has.
  std::vector<line> lines_of(std::initializer_list<const char *> texts) {
    std::vector<line> out;
    for (const char *t : texts) out.emplace_back().text = t;
    for (const char *t : {"volunteers gathered early on a cold morning", "officials counted bottles",
                          "tires and plastic bags near several bridges", "local schools joined"})
      out.emplace_back().text = t;
    return out;
  }

  TEST_CASE("word_pairs: the document's own neighbours associate, strangers do not") {
    const std::vector<line> lines = lines_of({"storm runoff carries the debris",
                                              "and the river and the banks, storm runoff again",
                                              "the city of the river"});
    const word_pairs pairs(lines);
    CHECK(pairs.association("when the storm", "Runoff rose") > 1.0);  // case folded
    // "the" is frequent and never followed by "storm": mild evidence against.
    CHECK(pairs.association("near the", "city hall") > 1.0);
    CHECK(pairs.association("near the", "storm") < 0.0);
    // Punctuation at the junction parts the words: no evidence either way.
    CHECK(pairs.association("the storm,", "runoff") == 0.0);
    CHECK(pairs.association("the storm", "(runoff)") == 0.0);
    // Words the lines never show give nothing.
    CHECK(pairs.association("zebra", "quartz") == 0.0);
    // Counts: "storm runoff" twice; "the" before "runoff" never, though
    // the lines would put it there by chance some of the time.
    const word_pairs::pair_counts together =
        pairs.counts(pairs.last_token("storm"), pairs.first_token("runoff"));
    CHECK(together.seen == 2.0);
    const word_pairs::pair_counts apart =
        pairs.counts(pairs.last_token("the"), pairs.first_token("runoff"));
    CHECK(apart.seen == 0.0);
    CHECK(apart.expected > 0.1);
    CHECK(pairs.counts(word_pairs::unknown, pairs.first_token("storm")).expected == 0.0);
  }

  TEST_CASE("word_pairs: ideographs are no tokens; they part the Latin words beside them") {
    const std::vector<line> lines = lines_of({"全市公安 工作会议", "公安机关", "GDP增长 GDP growth"});
    const word_pairs pairs(lines);
    CHECK(pairs.first_token("公安") == word_pairs::unknown);
    CHECK(pairs.association("召开公", "安会议") == 0.0);
    CHECK(pairs.association("the GDP", "growth rose") > 1.0);
    CHECK(pairs.association("GDP", "增长") == 0.0);
  }

  TEST_CASE("score_link: Latin words the document writes together favour the junction") {
    const std::vector<line> lines = lines_of({"heavy storm runoff carries debris", "storm runoff again",
                                              "the storm came"});
    REQUIRE(pairs_of(lines).association("while storm", "runoff rose") > 1.0);
    no_evidence ev;
    const word_pairs pairs(lines);
    const junction_evidence with_pairs{ev.words, ev.table, pairs};
    block_edges a = edges(opening::sentence, closing::continuation, 0, "The", "while storm");
    block_edges b = edges(opening::continuation, closing::continuation, 1, "runoff rose", "x");
    block_edges c = edges(opening::continuation, closing::continuation, 2, "carries on", "x");
    a.last_word = pairs.last_token(a.last_text);
    b.first_word = pairs.first_token(b.first_text);
    c.first_word = pairs.first_token(c.first_text);
    const double paired = score_link(a, b, with_pairs).score;
    const double plain = score_link(a, c, with_pairs).score;
    CHECK(paired > plain + 1);
    // One junction cue alone never moves text.
    CHECK(paired - plain < move_margin(2));
  }
}

TEST_SUITE("order.function_words") {
  TEST_CASE("function_class_of: closed-class words only, lower case as edge_word gives them") {
    CHECK(function_class_of("the") == function_class::determiner);
    CHECK(function_class_of("of") == function_class::preposition);
    CHECK(function_class_of("or") == function_class::conjunction);
    CHECK(function_class_of("would") == function_class::modal);
    // Words of two classes are not judged: "to" (infinitive), "that", "may".
    CHECK(function_class_of("to") == function_class::none);
    CHECK(function_class_of("that") == function_class::none);
    CHECK(function_class_of("may") == function_class::none);
    CHECK(function_class_of("river") == function_class::none);
    CHECK(function_class_of("") == function_class::none);
  }

  TEST_CASE("cannot_follow: pairs no sentence makes, and the ones it does") {
    using enum function_class;
    CHECK(cannot_follow(determiner, preposition));  // "the of"
    CHECK(cannot_follow(determiner, determiner));   // "the a"
    CHECK(cannot_follow(preposition, preposition)); // "of in"
    CHECK(cannot_follow(conjunction, conjunction)); // "and or"
    CHECK(cannot_follow(modal, determiner));        // "would the"
    CHECK_FALSE(cannot_follow(preposition, determiner));  // "of the"
    CHECK_FALSE(cannot_follow(preposition, conjunction)); // "with or without"
    CHECK_FALSE(cannot_follow(conjunction, determiner));  // "and the"
    CHECK_FALSE(cannot_follow(conjunction, modal));       // "and will"
    CHECK_FALSE(cannot_follow(determiner, none));         // "the river"
    CHECK_FALSE(cannot_follow(none, preposition));        // "river of"
  }

  TEST_CASE("score_link: a junction joining two function words that cannot meet scores lower") {
    no_evidence ev;
    block_edges a = edges(opening::sentence, closing::continuation, 0, "The", "of the");
    block_edges b = edges(opening::continuation, closing::continuation, 1, "of it", "x");
    block_edges c = edges(opening::continuation, closing::continuation, 2, "river", "x");
    a.last_class = function_class_of(word_pairs::edge_word(a.last_text, true));
    b.first_class = function_class_of(word_pairs::edge_word(b.first_text, false));
    c.first_class = function_class_of(word_pairs::edge_word(c.first_text, false));
    REQUIRE(a.last_class == function_class::determiner);
    const double clash = score_link(a, b, ev.all).score;
    const double plain = score_link(a, c, ev.all).score;
    CHECK(clash < plain - 2);
    CHECK(std::string(score_link(a, b, ev.all).cue) == "function words that cannot follow each other");
  }
}

TEST_SUITE("order.word_cut") {
  TEST_CASE("score_link: a cut word whose pieces make no word the dictionaries know scores down") {
    const std::shared_ptr<const dictionary> en = dictionary::open("/usr/share/hunspell/en_US");
    REQUIRE(en != nullptr);  // hunspell-en-us, installed by scripts/install-deps.sh
    const std::vector<std::shared_ptr<const dictionary>> dictionaries{en};
    // The vocabulary learns from texts with a word cut at a line end.
    std::vector<line> lines(2);
    lines[0].text = "tools for general-purpose computers";
    lines[1].text = "an imple-";
    const vocabulary words(lines);
    no_evidence ev;
    const junction_evidence with{words, ev.table, ev.pairs, dictionaries};
    const junction_evidence without{words, ev.table, ev.pairs};
    const block_edges a = edges(opening::sentence, closing::word_cut, 0, "The", "an imple-");
    const block_edges right = edges(opening::continuation, closing::continuation, 1, "mentation is", "x");
    const block_edges wrong = edges(opening::continuation, closing::continuation, 2, "received it", "x");
    CHECK(score_link(a, right, with).score >= 3);
    CHECK(score_link(a, wrong, with).score < 0);
    CHECK(std::string(score_link(a, wrong, with).cue) == "a cut word completed into no known word");
    // No dictionary for the text's language: no judgement against it.
    CHECK(score_link(a, wrong, without).score > 0);
    // A compound the document writes with its hyphen is a word too.
    const block_edges c = edges(opening::sentence, closing::word_cut, 3, "The", "or general-");
    const block_edges d = edges(opening::continuation, closing::continuation, 4, "purpose tools", "x");
    CHECK(score_link(c, d, with).score >= 3);
  }
}

TEST_SUITE("order.marks") {
  TEST_CASE("scan_marks: what a block leaves open and what it closes first") {
    using v = std::vector<std::string_view>;
    open_marks m = scan_marks(v{"他说：“我们要把", "工作做好。”又说：“对党"});
    CHECK(m.pending_close == U'”');
    CHECK(m.first_stray == 0);
    m = scan_marks(v{"忠诚、服务人民”总要求（见上）"});
    CHECK(m.first_stray == U'”');
    CHECK(m.pending_close == 0);
    m = scan_marks(v{"a quote (see the", "report) and 《书》 done"});
    CHECK(m.pending_close == 0);
    CHECK(m.first_stray == 0);
    // Straight quotes and apostrophes say nothing.
    m = scan_marks(v{"\"It's", "the city\u2019s plan"});
    CHECK(m.pending_close == 0);
    CHECK(m.first_stray == 0);
  }

  TEST_CASE("score_link: an open quote is closed by the block that follows") {
    no_evidence ev;
    block_edges a = edges(opening::sentence, closing::continuation, 0, "The", "said: “we will");
    block_edges closes = edges(opening::continuation, closing::continuation, 1, "go on,” she said", "x");
    block_edges plain = edges(opening::continuation, closing::continuation, 2, "go on, she said", "x");
    a.marks = scan_marks({a.last_text});
    closes.marks = scan_marks({closes.first_text});
    plain.marks = scan_marks({plain.first_text});
    const double paired = score_link(a, closes, ev.all).score;
    const double open = score_link(a, plain, ev.all).score;
    CHECK(paired > open + 3);
    // A stray closer after a block that left nothing open is unlikely.
    block_edges shut = edges(opening::sentence, closing::continuation, 3, "The", "we will");
    CHECK(score_link(shut, closes, ev.all).score < score_link(shut, plain, ev.all).score);
    // No single junction cue moves text on its own.
    CHECK(paired - open < move_margin(2));
  }
}

TEST_SUITE("order.edges") {
  TEST_CASE("describe_edges: how blocks of a small Latin text open and close") {
    document doc = segmented(
        "Council Approves New School Budget\n"
        "\n"
        "SPRINGFIELD \u2014 The city council on Tuesday\n"
        "approved a budget that adds money for the\n"
        "schools and roads of the northern part of\n"
        "the county, and the plan that came with it\n"
        "\n"
        "was approved by a wide margin after a long\n"
        "debate among the members of the council.\n"
        "It passed.\n");
    REQUIRE(doc.blocks.size() == 3);
    column_metrics m;
    m.full_width = doc.column_width;
    block_edges h = describe_edges(doc.blocks[0], m);
    block_edges d = describe_edges(doc.blocks[1], m);
    block_edges t = describe_edges(doc.blocks[2], m);
    CHECK(h.open == opening::headline);
    CHECK(h.close == closing::heading);
    CHECK(d.open == opening::dateline);
    CHECK(d.close == closing::continuation);
    CHECK(t.open == opening::continuation);
    CHECK(t.close == closing::paragraph_end);
    CHECK(as_heading(t, false).open == opening::subheading);
    CHECK(as_heading(t, false).close == closing::heading);
    CHECK(as_heading(t, true).open == opening::headline);
    CHECK(as_heading(t, true).close == closing::heading);
  }

  TEST_CASE("describe_edges: a hyphen at the end is a cut word; a credit is an article end") {
    document doc = segmented(
        "The council met on Tuesday to talk about\n"
        "the budget for next year, which includes\n"
        "new spending on the roads of the county-\n"
        "\n"
        "\u3000\u3000今天上午，市里召开全体会议，研究部署全年\n"
        "重点工作任务，会议在热烈的掌声中圆满结束。\n"
        "（记者 王明）\n");
    REQUIRE(doc.blocks.size() == 2);
    column_metrics m;
    m.full_width = doc.column_width;
    CHECK(describe_edges(doc.blocks[0], m).close == closing::word_cut);
    CHECK(describe_edges(doc.blocks[1], m).close == closing::article_end);
  }
}

TEST_SUITE("order.edges") {
  TEST_CASE("describe_edges: a CJK block opening on a short line that ends a sentence is a tail") {
    document doc = segmented(
        "今天上午，市里召开全体会议，研究部署全年重点\n"
        "工作任务，会议要求各部门进一步提高认识，强化\n"
        "\n"
        "落实。\n"
        "会议指出，今年以来全市经济运行总体平稳，各项\n"
        "重点工作取得了新的进展，群众满意度持续提高。\n");
    REQUIRE(doc.blocks.size() == 2);
    column_metrics m;
    m.full_width = doc.column_width;
    m.cjk = true;
    CHECK(describe_edges(doc.blocks[0], m).close == closing::continuation);
    CHECK(describe_edges(doc.blocks[1], m).open == opening::tail);
    // A line of an indented line's length ending a sentence, standing alone.
    doc = segmented(
        "今天上午，市里召开全体会议，研究部署全年重点\n"
        "工作任务，会议要求各部门进一步提高认识，强化\n"
        "\n"
        "责任落实，确保各项工作任务按期完成。\n"
        "\n"
        "会议指出，今年以来全市经济运行总体平稳，各项\n"
        "重点工作取得了新的进展，群众满意度持续提高。\n");
    REQUIRE(doc.blocks.size() == 3);
    m.full_width = doc.column_width;
    REQUIRE(m.is_indented(doc.blocks[1].lines.front().shape));
    CHECK(describe_edges(doc.blocks[1], m).open == opening::tail);
  }
}

TEST_SUITE("order.order_blocks") {
  constexpr std::string_view kHeadline = "Council Approves New School Budget\n";
  constexpr std::string_view kHead =
      "SPRINGFIELD \u2014 The city council on Tuesday\n"
      "approved a budget that adds money for the\n"
      "schools and roads of the northern part of\n"
      "the county, and the plan that came with it\n";
  constexpr std::string_view kTail =
      "was approved by a wide margin after a long\n"
      "debate among the members of the council.\n"
      "It passed.\n";

  TEST_CASE("order_blocks: with no headline found, a section heading may be it") {
    // The headline was read after the first paragraph; nothing after it
    // opens an article, so segmentation calls it a section heading. Only a
    // headline puts a byline straight after it.
    document doc = segmented(
        "By A STAFF REPORTER\n"
        "The city council approved a budget on\n"
        "Tuesday that adds money for schools.\n"
        "City Council Approves New School Budget\n"
        "The plan came after a long debate among\n"
        "the members of the council and the\n"
        "mayor, who had asked for more time.\n");
    REQUIRE(std::none_of(doc.blocks.begin(), doc.blocks.end(),
                         [](const block &b) { return b.kind == role::headline; }));
    order_blocks(doc);
    REQUIRE_FALSE(first_lines_in_order(doc).empty());
    CHECK(first_lines_in_order(doc).front() == "City Council Approves New School Budget");
    CHECK(first_lines_in_order(doc)[1] == "By A STAFF REPORTER");
  }

  TEST_CASE("order_blocks: a tail-first article is put back in order") {
    std::string text = std::string(kTail) + "\n" + std::string(kHeadline) + "\n" + std::string(kHead);
    document doc = segmented(text);
    REQUIRE(doc.blocks.size() == 3);
    order_blocks(doc);
    std::vector<std::string> expected = {"Council Approves New School Budget",
                                         "SPRINGFIELD \u2014 The city council on Tuesday",
                                         "was approved by a wide margin after a long"};
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CAPTURE(k);
      REQUIRE(k < doc.order.size());
      CHECK(first_lines_in_order(doc)[k] == expected[k]);
    }
    CHECK(count_kind(doc, repair_kind::block_moved) + count_kind(doc, repair_kind::heading_placed) >= 1);
    for (const repair &r : doc.log.entries) {
      CHECK(r.confidence > 0.5);
      CHECK(r.confidence <= 1.0);
      CHECK_FALSE(r.cue.empty());
    }
  }

  TEST_CASE("order_blocks: an article in order is left alone") {
    std::string text = std::string(kHeadline) + "\n" + std::string(kHead) + "\n" + std::string(kTail);
    document doc = segmented(text);
    REQUIRE(doc.blocks.size() == 3);
    order_blocks(doc);
    CHECK(doc.order == identity(3));
    CHECK(count_kind(doc, repair_kind::block_moved) == 0);
    CHECK(count_kind(doc, repair_kind::heading_placed) == 0);
  }

  TEST_CASE("order_blocks: a headline stranded after its article is placed before it") {
    std::string text = std::string(kHead) + "\n" + std::string(kTail) + "\n" + std::string(kHeadline);
    document doc = segmented(text);
    REQUIRE(doc.blocks.size() == 3);
    order_blocks(doc);
    CHECK(doc.order == order_t{2, 0, 1});
  }

  TEST_CASE("order_blocks: a CJK tail read first is moved after the text it completes") {
    std::string text =
        "署全年重点工作任务，会议在热烈的掌声中圆满结束。\n"
        "（记者 王明）\n"
        "\n"
        "城市公交全面升级\n"
        "\n"
        "本报讯 今天上午，市交通局召开全体会议，研究部\n";
    document doc = segmented(text);
    REQUIRE(doc.blocks.size() == 3);
    order_blocks(doc);
    CHECK(doc.order == order_t{1, 2, 0});
  }

  TEST_CASE("order_blocks: a CJK article in order is left alone") {
    std::string text =
        "城市公交全面升级\n"
        "\n"
        "本报讯 今天上午，市交通局召开全体会议，研究部\n"
        "\n"
        "署全年重点工作任务，会议在热烈的掌声中圆满结束。\n"
        "（记者 王明）\n";
    document doc = segmented(text);
    REQUIRE(doc.blocks.size() == 3);
    order_blocks(doc);
    CHECK(doc.order == identity(3));
    CHECK(count_kind(doc, repair_kind::block_moved) == 0);
  }

  TEST_CASE("order_blocks: one block, or none, needs no order") {
    document doc = segmented("Just one line of text.\n");
    order_blocks(doc);
    CHECK(doc.order == order_t{0});
    CHECK(doc.log.entries.empty());
  }

  TEST_CASE("order_blocks: the whole pipeline orders the same way") {
    colreflow::options o;
    o.lexicon_path = "";
    std::string text = std::string(kTail) + "\n" + std::string(kHeadline) + "\n" + std::string(kHead);
    document doc = run_text_pipeline(text, o);
    CHECK(doc.order == order_t{1, 2, 0});
  }

  // Two articles set in columns of different widths, their chunks
  // interleaved: text cues cannot say which piece is whose, so the text
  // solver keeps the input order and says so in the log.
  TEST_CASE("order_blocks: a page with columns of several widths keeps its input order") {
    std::string wide = "这是一段宽栏的正文内容用来测试不同栏宽的文章\n";   // 22 ideographs
    std::string narrow = "这是窄栏里的正文内容用来测试\n";              // 14 ideographs
    std::string text;
    for (int chunk = 0; chunk < 4; ++chunk) {
      const std::string &l = chunk % 2 == 0 ? wide : narrow;
      for (int k = 0; k < 5; ++k) text += l;
      text += "\n";
    }
    text += "城市公交全面升级\n";  // a headline at the end would otherwise move
    document doc = segmented(text);
    order_blocks(doc);
    CHECK(doc.order == identity(doc.blocks.size()));
    bool said = false;
    for (const repair &r : doc.log.entries)
      said = said || r.kind == repair_kind::order_kept;
    CHECK(said);
  }
}
