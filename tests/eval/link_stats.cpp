// link_stats: measures how block edges pair up in true reading order versus
// at random, on generated variants of the bundled articles. The order
// solver's link scores (lib/order/links.cpp) are the log ratios printed here.
//   build/tests/eval/link_stats [--lang zh|en]
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "api/pipeline.hpp"
#include "gen/variant_gen.hpp"
#include "order/edges.hpp"
#include "text/brackets.hpp"
#include "text/junction.hpp"
#include "text/function_words.hpp"
#include "text/word_pairs.hpp"
#include "text/words.hpp"

namespace tg = colreflow::testgen;
using namespace colreflow::detail;

namespace {

const char *open_names[] = {"headline", "subheading", "byline", "dateline", "paragraph",
                            "sentence", "continuation", "unknown", "tail", "START"};
const char *close_names[] = {"heading", "byline", "article_end", "paragraph_end",
                             "sentence_end", "continuation", "word_cut", "END"};
constexpr int kOpen = 10, kClose = 8;

}  // namespace

int main(int argc, char **argv) {
  std::string lang_filter;
  for (int i = 1; i + 1 < argc; ++i)
    if (!std::strcmp(argv[i], "--lang")) lang_filter = argv[i + 1];
  double pair[kClose][kOpen] = {};
  double open_total[kOpen] = {}, close_total[kClose] = {};
  long span_true = 0, span_true_n = 0, span_rand = 0, span_rand_n = 0;
  long bi_true = 0, bi_rand = 0, any_true = 0, any_rand = 0;
  // Quotes and brackets across junctions: [true/random][class], classes:
  // 0 none either side, 1 a pending and b closes it, 2 a pending and b no
  // stray closer, 3 a nothing pending and b a stray closer, 4 mismatched.
  long marks[2][5] = {};
  auto mark_class = [](const open_marks &a, const open_marks &b) {
    if (a.pending_close == 0) return b.first_stray == 0 ? 0 : 3;
    if (b.first_stray == 0) return 2;
    return a.pending_close == b.first_stray ? 1 : 4;
  };
  // Word-pair association (text/word_pairs) at continuation junctions, binned.
  const double bin_edges[] = {-2.5, -1.5, -0.75, -0.25, 0.25, 1, 2, 3, 4};
  constexpr int kBins = 10;
  long assoc_true[2][kBins] = {}, assoc_rand[2][kBins] = {};  // [cjk][bin]
  auto bin_of = [&](double x) {
    int b = 0;
    while (b < kBins - 1 && x >= bin_edges[b]) ++b;
    return b;
  };
  // Latin continuation junctions whose two words the lines never pair, by
  // how often they would were words independent.
  const double unseen_edges[] = {0.25, 0.5, 1, 2, 4};
  constexpr int kUnseen = 6;
  long unseen_true[kUnseen] = {}, unseen_rand[kUnseen] = {}, seen_true = 0, seen_rand = 0;
  auto unseen_bin = [&](const word_pairs &model, std::string_view left, std::string_view right,
                        long *bins, long &seen) {
    const word_pairs::pair_counts c =
        model.counts(model.last_token(left), model.first_token(right));
    if (c.seen > 0) {
      ++seen;
      return;
    }
    int b = 0;
    while (b < kUnseen - 1 && c.expected >= unseen_edges[b]) ++b;
    ++bins[b];
  };
  // A word cut by a hyphen: whether the two pieces make a known word.
  long cut_known[2] = {}, cut_unknown[2] = {};  // [true/random]
  // Function words that cannot follow each other (text/function_words).
  long clash_true = 0, clash_rand = 0, clash_true_n = 0, clash_rand_n = 0;
  // As the order stage classes a block's edge words (order/order.cpp).
  auto edge_class = [](std::string_view text, bool last) {
    return function_class_of(word_pairs::edge_word(text, last));
  };
  std::uint64_t seed = 99;
  for (const tg::article &a : tg::load_articles(CRF_ARTICLES_DIR)) {
    if (!lang_filter.empty() && a.lang != lang_filter) continue;
    for (int w = 0; w < 16; ++w) {
      for (int noise = 0; noise < 2; ++noise) {
        tg::variant_options o;
        o.kind = tg::perm_kind::identity;
        o.blank_lines = true;
        o.noise = noise;
        o.seed = seed++;
        o.width = a.lang == "zh" ? 10 + w : 24 + w + w / 2;
        tg::variant v = tg::make_variant(a, o);
        colreflow::options opts;
        document doc = run_text_pipeline(v.input, opts);
        column_metrics m;
        m.full_width = doc.column_width;
        m.cjk = doc.writing == script::cjk;
        cjk_bigrams bigrams(doc.lines);
        std::vector<block_edges> e;
        for (const block &b : doc.blocks) e.push_back(describe_edges(b, m));
        if (e.empty()) continue;
        // Identity variants are in reading order: neighbours are true links.
        for (std::size_t k = 0; k < e.size(); ++k) {
          int c = k == 0 ? -1 : static_cast<int>(e[k - 1].close);
          int op = static_cast<int>(e[k].open);
          if (c >= 0) pair[c][op] += 1;
          else pair[kClose - 1][kOpen - 1] += 0;  // START handled below
          open_total[op] += 1;
          close_total[static_cast<int>(e[k].close)] += 1;
        }
        pair[kClose - 1][static_cast<int>(e.front().open)] += 0;
        // START -> first and last -> END, kept in row END / column START.
        pair[static_cast<int>(e.back().close)][kOpen - 1] += 1;
        pair[kClose - 1][static_cast<int>(e.front().open)] += 1;
        word_pairs model(doc.lines);
        for (std::size_t k = 0; k + 1 < e.size(); ++k) {
          if (doc.blocks[k].kind != role::body || doc.blocks[k + 1].kind != role::body) continue;
          ++marks[0][mark_class(e[k].marks, e[k + 1].marks)];
          for (std::size_t r = 0; r < e.size(); ++r)
            if (r != k + 1 && r != k && doc.blocks[r].kind == role::body)
              ++marks[1][mark_class(e[k].marks, e[r].marks)];
        }
        {
          vocabulary words(doc.lines, doc.words.get());
          auto tally = [&](std::size_t k, std::size_t r, int which) {
            const hyphen_split split = split_at_hyphen(e[k].last_text, e[r].first_text);
            if (!split.valid()) return;
            if (words.known(to_lower(split.left + split.right))) ++cut_known[which];
            else ++cut_unknown[which];
          };
          for (std::size_t k = 0; k + 1 < e.size(); ++k) {
            if (e[k].close != closing::word_cut || doc.blocks[k + 1].kind != role::body) continue;
            tally(k, k + 1, 0);
            for (std::size_t r = 0; r < e.size(); ++r)
              if (r != k + 1 && r != k && doc.blocks[r].kind == role::body) tally(k, r, 1);
          }
        }
        for (std::size_t k = 0; k + 1 < e.size(); ++k) {
          if (e[k].close != closing::continuation) continue;
          {
            // For CJK, only junctions the ICU dictionary leaves open: what the
            // association adds to it.
            const int script = e[k].last.cjk ? 1 : 0;
            auto open_to_icu = [&](std::size_t r) {
              return !script || !cjk_word_spans(e[k].last_text, e[r].first_text);
            };
            if (!script) {
              const function_class left = edge_class(e[k].last_text, true);
              ++clash_true_n;
              clash_true += cannot_follow(left, edge_class(e[k + 1].first_text, false));
              for (std::size_t r = 0; r < e.size(); ++r)
                if (r != k + 1 && r != k && e[r].open == e[k + 1].open) {
                  ++clash_rand_n;
                  clash_rand += cannot_follow(left, edge_class(e[r].first_text, false));
                }
              unseen_bin(model, e[k].last_text, e[k + 1].first_text, unseen_true, seen_true);
              for (std::size_t r = 0; r < e.size(); ++r)
                if (r != k + 1 && r != k && e[r].open == e[k + 1].open)
                  unseen_bin(model, e[k].last_text, e[r].first_text, unseen_rand, seen_rand);
            }
            if (open_to_icu(k + 1))
              ++assoc_true[script][bin_of(model.association(e[k].last_text, e[k + 1].first_text))];
            for (std::size_t r = 0; r < e.size(); ++r)
              if (r != k + 1 && r != k && e[r].open == e[k + 1].open && open_to_icu(r))
                ++assoc_rand[script][bin_of(model.association(e[k].last_text, e[r].first_text))];
          }
          if (!e[k].last.cjk) continue;
          ++span_true_n;
          bool s1 = cjk_word_spans(e[k].last_text, e[k + 1].first_text);
          bool b1 = bigrams.seen_across(e[k].last_text, e[k + 1].first_text);
          span_true += s1;
          bi_true += b1;
          any_true += s1 || b1;
          std::size_t r = (k * 7 + 3) % e.size();
          if (r == k + 1 || r == k) continue;
          ++span_rand_n;
          bool s2 = cjk_word_spans(e[k].last_text, e[r].first_text);
          bool b2 = bigrams.seen_across(e[k].last_text, e[r].first_text);
          span_rand += s2;
          bi_rand += b2;
          any_rand += s2 || b2;
        }
      }
    }
  }
  double opens = 0;
  for (double x : open_total) opens += x;
  std::printf("%-14s", "close\\open");
  for (int o = 0; o < kOpen; ++o) std::printf("%13s", open_names[o]);
  std::printf("\n");
  for (int c = 0; c < kClose; ++c) {
    double row = 0;
    for (int o = 0; o < kOpen; ++o) row += pair[c][o];
    std::printf("%-14s", close_names[c]);
    for (int o = 0; o < kOpen; ++o) {
      // ln P(open | close, true) / P(open), with add-half smoothing.
      double p_true = (pair[c][o] + 0.5) / (row + 0.5 * kOpen);
      double p_any = (o == kOpen - 1 ? 1.0 : open_total[o] + 0.5) / (opens + 0.5 * kOpen);
      std::printf("%7.0f:%5.1f", pair[c][o], std::log(p_true / p_any));
    }
    std::printf("\n");
  }
  {
    const char *names[] = {"none", "a pending, b closes it", "a pending, b no stray closer",
                           "a none, b stray closer", "mismatched"};
    long nt = 0, nr = 0;
    for (int c = 0; c < 5; ++c) nt += marks[0][c], nr += marks[1][c];
    std::printf("quotes and brackets at body junctions: true %ld, random %ld\n", nt, nr);
    for (int c = 0; c < 5; ++c)
      std::printf("  %-30s true %5ld random %6ld  log-odds %5.2f\n", names[c], marks[0][c], marks[1][c],
                  std::log(((marks[0][c] + 0.5) / (nt + 2.5)) / ((marks[1][c] + 0.5) / (nr + 2.5))));
  }
  for (int script = 0; script < 2; ++script) {
    long nt = 0, nr = 0;
    for (int b = 0; b < kBins; ++b) nt += assoc_true[script][b], nr += assoc_rand[script][b];
    std::printf("word-pair association at continuation junctions (%s): true %ld, random %ld\n",
                script ? "CJK" : "Latin", nt, nr);
    for (int b = 0; b < kBins; ++b) {
      double pt = (assoc_true[script][b] + 0.5) / (nt + 0.5 * kBins);
      double pr = (assoc_rand[script][b] + 0.5) / (nr + 0.5 * kBins);
      std::printf("  bin < %5.2f: true %5ld random %6ld  log-odds %5.2f\n",
                  b < kBins - 1 ? bin_edges[b] : 99.0, assoc_true[script][b], assoc_rand[script][b],
                  std::log(pt / pr));
    }
  }
  {
    long nt = seen_true, nr = seen_rand;
    for (int b = 0; b < kUnseen; ++b) nt += unseen_true[b], nr += unseen_rand[b];
    std::printf("Latin continuation junctions: pair seen: true %ld random %ld  log-odds %5.2f\n",
                seen_true, seen_rand,
                std::log(((seen_true + 0.5) / (nt + 1.0)) / ((seen_rand + 0.5) / (nr + 1.0))));
    for (int b = 0; b < kUnseen; ++b)
      std::printf("  unseen, expected < %4.2f: true %5ld random %6ld  log-odds %5.2f\n",
                  b < kUnseen - 1 ? unseen_edges[b] : 99.0, unseen_true[b], unseen_rand[b],
                  std::log(((unseen_true[b] + 0.5) / (nt + 1.0)) / ((unseen_rand[b] + 0.5) / (nr + 1.0))));
  }
  std::printf("word cut at a block end: pieces make a known word: true %ld/%ld, random %ld/%ld\n",
              cut_known[0], cut_known[0] + cut_unknown[0], cut_known[1], cut_known[1] + cut_unknown[1]);
  std::printf("function words that cannot follow: true %ld/%ld, random %ld/%ld  log-odds %5.2f\n",
              clash_true, clash_true_n, clash_rand, clash_rand_n,
              std::log(((clash_true + 0.5) / (clash_true_n + 1.0)) / ((clash_rand + 0.5) / (clash_rand_n + 1.0))));
  std::printf("ICU word span at continuation junctions: true %ld/%ld, random %ld/%ld\n",
              span_true, span_true_n, span_rand, span_rand_n);
  std::printf("document bigram: true %ld/%ld, random %ld/%ld; either: true %ld, random %ld\n",
              bi_true, span_true_n, bi_rand, span_rand_n, any_true, any_rand);
}
