#include "order/links.hpp"

#include <algorithm>

#include "hyphen/decide.hpp"
#include "text/chars.hpp"

namespace colreflow::detail {

namespace {

// Headline or subheading alike: which one a heading is follows from what
// comes after it, so the solver treats them the same.
link_score after_heading(const block_edges &a, const block_edges &b) {
  switch (b.open) {
    // The segment stage's hint (a headline opens an article, a section
    // heading does not) weighs in, softly, since a lone line may be either.
    case opening::dateline:
      return a.open == opening::headline ? link_score{3, "dateline after headline"}
                                         : link_score{1, "dateline after heading"};
    case opening::byline:
      return a.open == opening::headline ? link_score{2.5, "byline after headline"}
                                         : link_score{0.5, "byline after heading"};
    case opening::paragraph: return {1.5, "paragraph start after heading"};
    case opening::sentence: return {1, "sentence start after heading"};
    case opening::unknown: return {0.5, "text after heading"};
    case opening::continuation: return {-3, "heading followed by mid-paragraph text"};
    // Measured (tests/eval/link_stats, Chinese articles): a short first
    // line ending a sentence followed only unfinished text (72 of 72).
    case opening::tail: return {-2, "heading followed by a paragraph's last line"};
    case opening::headline:
    case opening::subheading:
      // Lines of one heading stay together; a section heading does not
      // follow a headline, nor two headings from apart meet.
      return b.index == a.index + 1 && b.open == a.open
                 ? link_score{0.5, "next line of a heading"}
                 : link_score{-1, "two headings in a row"};
  }
  return {};
}

link_score after_byline_line(const block_edges &b) {
  switch (b.open) {
    case opening::dateline: return {3, "dateline after byline"};
    case opening::paragraph: return {1.5, "paragraph after byline"};
    case opening::sentence: return {1, "sentence after byline"};
    case opening::unknown: return {0.5, "text after byline"};
    case opening::continuation:
    case opening::tail: return {-2, "byline followed by mid-paragraph text"};
    default: return {-1, "byline followed by heading"};
  }
}

link_score after_article_end(const block_edges &b) {
  switch (b.open) {
    case opening::headline: return {1.5, "new article after author credit"};
    case opening::dateline: return {0.5, "dateline after author credit"};
    case opening::continuation:
    case opening::tail: return {-3, "text continues after author credit"};
    case opening::subheading: return {-1.5, "section after author credit"};
    default: return {-1, "text after author credit"};
  }
}

link_score after_paragraph_end(const block_edges &b) {
  switch (b.open) {
    case opening::paragraph: return {1, "paragraph start after paragraph end"};
    case opening::sentence: return {0.5, "sentence start after paragraph end"};
    case opening::unknown: return {0, ""};
    case opening::dateline: return {-2.5, "dateline inside an article"};
    case opening::subheading: return {1, "heading after paragraph end"};
    case opening::headline: return {0.5, "new article after paragraph end"};
    case opening::byline: return {-3, "byline inside an article"};
    case opening::continuation: return {-2, "mid-paragraph text after paragraph end"};
    case opening::tail: return {-1.5, "a paragraph's last line after paragraph end"};
  }
  return {};
}

link_score after_sentence_end(const block_edges &b) {
  switch (b.open) {
    case opening::paragraph: return {0.5, "paragraph start after sentence end"};
    case opening::sentence: return {0.5, "sentence start after sentence end"};
    case opening::unknown: return {0.3, ""};
    case opening::continuation:
      // A full CJK line may go on after a full stop; a lower-case word may not.
      return b.first.starts_lower || b.first.starts_no_line_start
                 ? link_score{-2, "lower-case continuation after sentence end"}
                 : link_score{0, ""};
    case opening::subheading: return {0.5, "heading after sentence end"};
    case opening::headline: return {0, ""};
    case opening::dateline: return {-2.5, "dateline inside an article"};
    case opening::byline: return {-3, "byline inside an article"};
    case opening::tail: return {-1, "a paragraph's last line after sentence end"};
  }
  return {};
}

// The document's word pairs at a Latin junction, as log-odds: measured with
// tests/eval/link_stats on the bundled English articles, a true junction
// has association above 1 eight times as often as a random one (20% against
// 2.3%), with log-odds 1.3 at 1.5 rising to 2.8 at 3.5; below 0 the
// evidence against is weak (-0.3 to -0.7). The weight stays under those:
// a long page offers thousands of false junctions, some of which pair by
// chance, and the full log-odds moved true text on long legal articles.
double latin_pair_weight(double association) {
  if (association >= 1) return 0.6 * std::min(association, 3.0);
  return std::max(0.25 * association, -0.6);
}

link_score after_continuation(const block_edges &a, const block_edges &b,
                              const junction_evidence &ev) {
  switch (b.open) {
    case opening::paragraph: return {-2.5, "paragraph start after unfinished sentence"};
    case opening::dateline: return {-4, "dateline after unfinished sentence"};
    case opening::headline:
    case opening::subheading: return {-4, "heading after unfinished sentence"};
    case opening::byline: return {-3, "byline after unfinished sentence"};
    default: break;
  }
  link_score l = b.open == opening::continuation || b.open == opening::tail
                     ? link_score{1.5, "sentence continues across blocks"}
           : b.open == opening::unknown   ? link_score{0.5, ""}
                                           : link_score{0, ""};
  if (a.last.cjk && b.first.cjk) {
    // Log-odds measured with tests/eval/link_stats on the bundled Chinese
    // articles: ICU finds a word across 35% of true block junctions and 1.3%
    // of random ones; the document writes the pair unbroken at another 8.6%
    // of true junctions and 1.1% of random ones.
    junction_table::evidence found = ev.cjk.at(a.index, b.index);
    if (found == junction_table::word) {
      l.score += 3.3;
      l.cue = "word spans the junction (ICU dictionary)";
    } else if (found == junction_table::seen_pair) {
      l.score += 2.0;
      l.cue = "the document writes the junction's characters together";
    } else {
      l.score -= 0.55;
    }
  } else if (!a.last.cjk && !b.first.cjk) {
    double weight = latin_pair_weight(ev.pairs.association(a.last_word, b.first_word));
    // Two words the lines never put together though they would about once
    // by chance: measured with tests/eval/link_stats on the bundled English
    // articles, log-odds -2.3 when expected 0.5-1 times; -2.7 to -3.2 when
    // expected once or more (254 random junctions, no true one).
    const word_pairs::pair_counts c = ev.pairs.counts(a.last_word, b.first_word);
    if (c.seen == 0 && c.expected >= 0.5) weight = std::min(weight, c.expected >= 1 ? -2.0 : -1.0);
    // Function words no sentence puts side by side ("the of", "a in"):
    // 4 true junctions in 1,677 make such a pair, 2.8% of random ones
    // (log-odds -2.4, link_stats as above). The 4 are coordinated
    // prepositions ("with" / "or without"), which the rule still counts.
    if (cannot_follow(a.last_class, b.first_class)) {
      weight -= 2.5;
      l.cue = "function words that cannot follow each other";
    }
    l.score += weight;
    if (weight >= 1) l.cue = "the document puts the junction's two words together";
  }
  return l;
}

link_score after_word_cut(const block_edges &a, const block_edges &b, const junction_evidence &ev) {
  const vocabulary &words = ev.words;
  switch (b.open) {
    case opening::paragraph:
    case opening::dateline: return {-3, "paragraph start after a cut word"};
    case opening::headline:
    case opening::subheading:
    case opening::byline: return {-5, "heading after a cut word"};
    default: break;
  }
  // Measured with tests/eval/link_stats on the bundled English articles:
  // the two pieces make a word the document or the word list knows at 96%
  // of true junctions after a cut word and at 0.9% of random ones
  // (log-odds +4.7, and -3.2 when they make none).
  hyphen_split split = split_at_hyphen(a.last_text, b.first_text);
  if (split.valid() && words.known(to_lower(split.left + split.right)))
    return {3, "hyphenated word completed (known word)"};
  if (split.valid() && words.has_compound(split.left, split.right))
    return {3, "hyphenated compound completed (the document writes it)"};
  if (split.valid() && !ev.dictionaries.empty()) {
    if (in_dictionaries(ev.dictionaries, split.left + split.right))
      return {3, "hyphenated word completed (known word)"};
    return {-1.5, "a cut word completed into no known word"};
  }
  return b.first.starts_lower ? link_score{1, "lower-case word after a cut word"} : link_score{0, ""};
}

link_score link_by_edges(const block_edges &a, const block_edges &b, const junction_evidence &ev) {
  switch (a.close) {
    case closing::heading: return after_heading(a, b);
    case closing::byline: return after_byline_line(b);
    case closing::article_end: return after_article_end(b);
    case closing::paragraph_end: return after_paragraph_end(b);
    case closing::sentence_end: return after_sentence_end(b);
    case closing::continuation: return after_continuation(a, b, ev);
    case closing::word_cut: return after_word_cut(a, b, ev);
  }
  return {};
}

// Quotes and brackets must pair across a junction between text blocks.
// Measured with tests/eval/link_stats on the bundled articles (Chinese and
// English alike): a mark left open by a and closed first by b has log-odds
// 4.3-4.7; a mark left open with no stray closer in b, or a stray closer in
// b with nothing open in a, never occurred at a true junction (-4.1 to
// -4.5). A long quotation may still fill a whole block, so the weights
// stay well under those.
double marks_weight(const open_marks &a, const open_marks &b) {
  if (a.pending_close == 0) return b.first_stray == 0 ? 0.0 : -1.5;
  if (b.first_stray == 0) return -1.5;
  return a.pending_close == b.first_stray ? 2.5 : -1.5;
}

bool is_text_end(closing c) { return c != closing::heading && c != closing::byline; }
bool is_text_start(opening o) {
  return o != opening::headline && o != opening::subheading && o != opening::byline;
}

}  // namespace

// Articles open with their headline: measured on the bundled articles
// (tests/eval/link_stats), no true text opened any other way.
link_score score_start(const block_edges &b) {
  switch (b.open) {
    case opening::headline:
    case opening::subheading: return {2, "heading opens the text"};
    case opening::dateline: return {-0.5, "dateline opens the text"};
    case opening::byline: return {-1.5, "byline opens the text, before any headline"};
    case opening::paragraph:
    case opening::sentence: return {-2.5, "text opens without its headline"};
    case opening::unknown: return {-2, "text opens without its headline"};
    case opening::continuation:
    case opening::tail: return {-3, "text opens mid-paragraph"};
  }
  return {};
}

link_score score_end(const block_edges &a) {
  switch (a.close) {
    case closing::article_end: return {2, "author credit closes the text"};
    case closing::paragraph_end: return {0.5, "paragraph end closes the text"};
    case closing::sentence_end: return {0, ""};
    case closing::byline: return {-1, "byline closes the text"};
    case closing::continuation: return {-3, "text closes mid-sentence"};
    case closing::word_cut: return {-4, "text closes on a cut word"};
    case closing::heading: return {-4, "heading with nothing after it"};
  }
  return {};
}

link_score score_link(const block_edges &a, const block_edges &b, const junction_evidence &ev) {
  link_score l = link_by_edges(a, b, ev);
  if (is_text_end(a.close) && is_text_start(b.open)) {
    const double w = marks_weight(a.marks, b.marks);
    l.score += w;
    if (w > 0) l.cue = "the quote or bracket left open is closed";
  }
  return l;
}

}  // namespace colreflow::detail
