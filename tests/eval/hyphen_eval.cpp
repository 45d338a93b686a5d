// hyphen_eval: the line-end decisions of lib/hyphen against labelled line
// ends, with precision, recall and F1 per class (remove / keep / suspended).
// Not a test: a measuring tool (docs/eval-hyphenation.md).
//
//   build/tests/eval/hyphen_eval tests/data/hyphen [--dict auto|""|list] [--errors]
//                                [--lexicon /usr/share/dict/american-english-large]
//                                [--baseline]  (the rule before lib/hyphen)
//
// Each document is read as the text pipeline reads it (its own words are
// the document evidence; "auto" picks the dictionaries for the languages
// its text shows); each labelled line end is decided from the line and the
// next, as reflow decides it.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "hyphen/decide.hpp"
#include "hyphen/dictionary.hpp"
#include "hyphen/language.hpp"
#include "hyphen/line_end.hpp"
#include "model/document.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

using namespace colreflow::detail;

namespace {

struct label_row {
  std::string doc, label, split;
  std::size_t line = 0;
};

std::vector<label_row> read_labels(const std::string &path, bool real) {
  std::vector<label_row> rows;
  std::ifstream in(path);
  std::string text;
  while (std::getline(in, text)) {
    if (text.empty() || text[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(text);
    for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
    if (f.size() < 3) continue;
    label_row r{f[0], f[2], "", std::stoul(f[1])};
    if (real) {
      // Held out: the later Reichsanzeiger pages and the second half of the
      // LoC page (line numbers past the middle of its text).
      const bool late_ra = r.doc.rfind("ra_", 0) == 0 && std::stoi(r.doc.substr(3, 4)) >= 1891;
      const bool late_loc = r.doc.rfind("loc_", 0) == 0 && r.line > 640;
      r.split = late_ra || late_loc ? "held-out" : "dev";
    } else {
      r.split = f.size() > 3 ? f[3] : "dev";
    }
    rows.push_back(r);
  }
  return rows;
}

// The text the lines of every document read view (line::text is a view).
text_store g_texts;

std::vector<line> read_doc(const std::string &path) {
  std::vector<line> lines;
  std::ifstream in(path);
  std::string text;
  std::uint32_t n = 0;
  while (std::getline(in, text)) lines.push_back({g_texts.keep(text), {}, ++n});
  return lines;
}

bool g_baseline = false;
std::shared_ptr<const lexicon> g_lexicon;  // --lexicon FILE: a word list, as options::lexicon_path
                                           // // --baseline: the rule reflow had before lib/hyphen

const char *predict(const std::vector<line> &lines, std::size_t at, const cut_evidence &ev) {
  if (at == 0 || at >= lines.size()) return "space";
  if (g_baseline) {
    // Before: a letter and a hyphen-minus, U+2010 or U+00AD ended the line;
    // the hyphen went when the joined word was in the document or the word
    // list and the hyphenated one was not, or when it was soft; else kept.
    const hyphen_split split = split_at_hyphen(lines[at - 1].text, lines[at].text);
    std::size_t end = lines[at - 1].text.size();
    while (end > 0 && lines[at - 1].text[end - 1] == ' ') --end;
    const std::string_view l(lines[at - 1].text.data(), end);
    const bool soft = l.size() >= 2 && l.substr(l.size() - 2) == "\u00AD";
    const bool old_mark =
        l.size() >= 3 && (l.substr(l.size() - 3) == "\u2E17" || l.substr(l.size() - 3) == "\u2E40");
    if (!split.valid() || old_mark || (l.size() >= 2 && l.substr(l.size() - 2) == "\u00AC"))
      return "space";
    const bool seen = ev.document->has_compound(split.left, split.right);
    const bool known = ev.document->known(to_lower(split.left + split.right));
    return soft || (!seen && known) ? "remove" : "keep";
  }
  const cut_word cut = find_cut(lines[at - 1].text, lines[at].text);
  if (!cut.valid()) return "space";
  switch (decide_cut(cut, ev).action) {
    case cut_action::remove_hyphen:
      return "remove";
    case cut_action::keep_hyphen:
      return "keep";
    case cut_action::keep_hyphen_space:
      return "suspended";
  }
  return "space";
}

struct counts {
  std::map<std::string, std::map<std::string, int>> m;  // truth -> predicted -> n
};

void report(const std::string &title, const counts &c) {
  std::printf("\n%s\n", title.c_str());
  std::printf("| class | n | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
  for (const char *cls : {"remove", "keep", "suspended"}) {
    int tp = 0, fp = 0, fn = 0;
    for (const auto &[truth, row] : c.m)
      for (const auto &[pred, n] : row) {
        if (truth == cls && pred == cls) tp += n;
        if (truth != cls && pred == cls) fp += n;
        if (truth == cls && pred != cls) fn += n;
      }
    const double p = tp + fp ? double(tp) / (tp + fp) : 1, r = tp + fn ? double(tp) / (tp + fn) : 1;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("| %s | %d | %.4f | %.4f | %.4f |\n", cls, tp + fn, p, r, f);
  }
  int joined = 0, spaces = 0;
  if (auto it = c.m.find("space"); it != c.m.end())
    for (const auto &[pred, n] : it->second) {
      spaces += n;
      if (pred != "space" && pred != "suspended") joined += n;
    }
  std::printf("| not hyphenated (space) | %d | joined wrongly: %d | | |\n", spaces, joined);
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: hyphen_eval DATA_DIR [--dict SPEC] [--errors]\n");
    return 2;
  }
  const std::string root = argv[1];
  std::string spec = "auto";
  bool errors = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--dict" && i + 1 < argc)
      spec = argv[++i];
    else if (a == "--errors")
      errors = true;
    else if (a == "--baseline")
      g_baseline = true;
    else if (a == "--lexicon" && i + 1 < argc)
      g_lexicon = lexicon::load(argv[++i]);
  }
  for (const auto &[set, file, dir, real] :
       {std::tuple{"real pages", "real_labels.tsv", "real", true},
        std::tuple{"generated", "generated_labels.tsv", "generated", false}}) {
    std::map<std::string, counts> by_split;
    std::map<std::string, std::vector<line>> docs;
    std::map<std::string, cut_evidence> evidence;
    std::map<std::string, std::unique_ptr<vocabulary>> vocab;
    for (const label_row &r : read_labels(root + "/" + file, real)) {
      if (r.label == "skip") continue;
      if (!docs.count(r.doc)) {
        docs[r.doc] = read_doc(root + "/" + dir + "/" + r.doc);
        vocab[r.doc] = std::make_unique<vocabulary>(docs[r.doc], g_lexicon.get());
        evidence[r.doc] = {vocab[r.doc].get(),
                           open_dictionaries(spec, guess_languages(docs[r.doc]))};
      }
      const std::vector<line> &lines = docs[r.doc];
      const char *pred = predict(lines, r.line, evidence[r.doc]);
      by_split[r.split].m[r.label][pred]++;
      by_split["all"].m[r.label][pred]++;
      if (errors && r.label != pred && r.line < lines.size()) {
        const cut_word cut = find_cut(lines[r.line - 1].text, lines[r.line].text);
        std::printf("%s:%zu %s->%s  [%s | %s]  %s\n", r.doc.c_str(), r.line, r.label.c_str(), pred,
                    std::string(lines[r.line - 1].text).c_str(), std::string(lines[r.line].text).c_str(),
                    cut.valid() ? decide_cut(cut, evidence[r.doc]).cue.c_str() : "");
      }
    }
    for (const char *split : {"dev", "held-out", "all"})
      report(std::string(set) + ", " + split + " (dictionaries: " + (spec.empty() ? "none" : spec) +
                 ")",
             by_split[split]);
  }
  return 0;
}
