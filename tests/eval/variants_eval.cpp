// variants_eval.cpp - how well colreflow repairs generated OCR-like variants.
//
//   variants_eval [-n N] [--seed S] [--lang zh|en] [--kind NAME] [--articles DIR]
//                 [--dump DIR] [--dump-max M]
//
// Runs N variants (default 1000; variant i uses article i mod #articles and seed S+i,
// from which kind, width, blank lines and noise are drawn) through
// colreflow::repair_text(…, txt) and prints, per language x kind x blank lines: count,
// exactly right, block order right (every true chunk's text found in the output in true
// order) and conservation held. --dump writes failing cases (input, expected, got).
#include <chrono>      // steady_clock
#include <cstdio>      // printf
#include <cstdlib>     // strtoull
#include <filesystem>  // create_directories
#include <fstream>     // ofstream
#include <map>
#include <string>
#include <vector>

#include "colreflow/colreflow.hpp"
#include "gen/checks.hpp"
#include "gen/variant_gen.hpp"

#ifndef CRF_ARTICLES_DIR
#define CRF_ARTICLES_DIR "tests/data/articles"
#endif

namespace tg = colreflow::testgen;

namespace {

struct row {
  int count = 0, exact = 0, order = 0, conserved = 0, spacing = 0, errors = 0;
  void add(const row &r) {
    count += r.count, exact += r.exact, order += r.order, conserved += r.conserved;
    spacing += r.spacing, errors += r.errors;
  }
};

int usage(const char *argv0) {
  std::fprintf(stderr,
               "usage: %s [-n N] [--seed S] [--lang zh|en] [--kind NAME] [--articles DIR]\n"
               "          [--dump DIR] [--dump-max M] [--misordered]\n"
               "kinds: identity tail_first swap headline_middle tail_first+headline_middle "
               "swap+headline_middle\n",
               argv0);
  return 2;
}

void write_file(const std::filesystem::path &p, const std::string &s) {
  std::ofstream(p, std::ios::binary) << s;
}

std::string pct(int a, int b) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f%%", b ? 100.0 * a / b : 0.0);
  return buf;
}

void print_row(const std::string &name, const row &r) {
  std::printf("%-44s %6d %7s %7s %7s %7s %6d\n", name.c_str(), r.count, pct(r.exact, r.count).c_str(),
              pct(r.order, r.count).c_str(), pct(r.conserved, r.count).c_str(),
              pct(r.spacing, r.count).c_str(), r.errors);
}

}  // namespace

int main(int argc, char **argv) {
  long n = 1000;
  std::uint64_t base = 1;
  std::string lang, kind, dump, dir = CRF_ARTICLES_DIR;
  long dump_max = 200;
  bool misordered = false;  // dump only variants whose block order is wrong
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto val = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "-n") n = std::strtol(val().c_str(), nullptr, 10);
    else if (a == "--seed") base = std::strtoull(val().c_str(), nullptr, 10);
    else if (a == "--lang") lang = val();
    else if (a == "--kind") kind = val();
    else if (a == "--articles") dir = val();
    else if (a == "--dump") dump = val();
    else if (a == "--misordered") misordered = true;
    else if (a == "--dump-max") dump_max = std::strtol(val().c_str(), nullptr, 10);
    else return usage(argv[0]);
  }
  if (n <= 0) return usage(argv[0]);

  std::vector<tg::article> arts;
  try {
    for (tg::article &a : tg::load_articles(dir))
      if (lang.empty() || a.lang == lang) arts.push_back(std::move(a));
  } catch (const std::exception &e) {
    std::fprintf(stderr, "variants_eval: %s\n", e.what());
    return 1;
  }
  if (arts.empty()) {
    std::fprintf(stderr, "variants_eval: no articles in %s\n", dir.c_str());
    return 1;
  }
  if (!dump.empty()) std::filesystem::create_directories(dump);

  std::map<std::string, row> rows;
  std::map<std::string, row> langs;
  long dumped = 0;
  double seconds = 0;
  for (long i = 0; i < n; ++i) {
    const tg::article &a = arts[static_cast<std::size_t>(i) % arts.size()];
    tg::variant_options o = tg::options_from_seed(a, base + static_cast<std::uint64_t>(i));
    if (!kind.empty()) {
      bool found = false;
      for (tg::perm_kind k : tg::all_kinds)
        if (kind == tg::kind_name(k)) o.kind = k, found = true;
      if (!found) return usage(argv[0]);
    }
    const tg::variant v = tg::make_variant(a, o);
    row r;
    r.count = 1;
    std::string got, err;
    const auto t0 = std::chrono::steady_clock::now();
    try {
      got = colreflow::repair_text(v.input, colreflow::format::txt);
    } catch (const std::exception &e) {
      err = e.what();
      r.errors = 1;
    }
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (err.empty()) {
      r.exact = got == v.expected;
      r.order = tg::chunk_order_right(v, got);
      r.conserved = tg::check_conservation(v.input, got).empty();
      r.spacing = v.lang != "zh" || tg::check_zh_spacing(got, v.expected).empty();
    }
    const std::string cat = v.lang + " " + tg::kind_name(v.kind) + (v.blank_lines ? " blank" : " noblank");
    rows[cat].add(r);
    langs[v.lang].add(r);
    langs["all"].add(r);
    if (!dump.empty() && !r.exact && !(misordered && r.order) && dumped < dump_max) {
      ++dumped;
      char name[64];
      std::snprintf(name, sizeof name, "%05ld_", i);
      const std::string stem = std::string(name) + v.article_name + "_" + tg::kind_name(v.kind) + "_s" +
                               std::to_string(v.seed);
      const std::filesystem::path d(dump);
      write_file(d / (stem + ".input.txt"), v.input);
      write_file(d / (stem + ".expected.txt"), v.expected);
      std::string info = v.describe() + "\norder:";
      for (int c : v.order) info += " " + std::to_string(c);
      if (err.empty()) {
        info += "\nfound:";
        for (int c : tg::chunk_order_found(v, got)) info += " " + std::to_string(c);
      }
      info += "\n" + (err.empty() ? tg::first_diff(v.expected, got) : "threw: " + err) + "\n";
      if (err.empty()) {
        const std::string m = tg::check_conservation(v.input, got);
        if (!m.empty()) info += "conservation: " + m + "\n";
        if (v.lang == "zh") {
          const std::string s = tg::check_zh_spacing(got, v.expected);
          if (!s.empty()) info += "zh spacing: " + s + "\n";
        }
      }
      write_file(d / (stem + ".got.txt"), err.empty() ? got : "");
      write_file(d / (stem + ".info.txt"), info);
    }
  }

  std::printf("%-44s %6s %7s %7s %7s %7s %6s\n", "lang kind blank-lines", "count", "exact", "order",
              "conserv", "zhspace", "errors");
  for (const auto &[cat, r] : rows) print_row(cat, r);
  std::printf("\n");
  for (const auto &[l, r] : langs) print_row(l == "all" ? "overall" : l, r);
  std::printf("\n%ld variants, %.3f s in colreflow (%.2f ms each)%s\n", n, seconds, 1000.0 * seconds / n,
              dump.empty() ? "" : (", " + std::to_string(dumped) + " failing cases written to " + dump).c_str());
  return 0;
}
