// Reflow: walk the blocks in reading order, join lines into paragraphs
// (across column breaks too), dehyphenate with evidence, repair spacing,
// and cut the text into articles at headlines.
#include "reflow/reflow.hpp"

#include <fmt/format.h>

#include "hyphen/decide.hpp"
#include "hyphen/line_end.hpp"
#include "reflow/spacing.hpp"
#include "text/chars.hpp"
#include "text/cues.hpp"
#include "text/junction.hpp"
#include "text/words.hpp"
#include "text/line_shape.hpp"
#include "text/paragraphs.hpp"

namespace colreflow::detail {

namespace {

// A paragraph being assembled from lines.
struct open_paragraph {
  std::string raw;  // lines joined, spacing not yet cleaned
  std::vector<std::uint32_t> source_lines;
  line_shape last_shape;
  std::string last_text;
  std::string before_last;  // the line before last_text
  std::string last_marked;  // the source's whole word for the word cut at last_text's end
  int joins = 0;
  int cjk_letters = 0, other_letters = 0;  // decide how the paragraph is spaced
  bool open = false;
  std::uint32_t last_block = 0;
};

class reflower {
 public:
  reflower(document &doc, const reflow_options &opts)
      : doc_(doc), opts_(opts), words_(doc.lines, doc.words.get()) {
    metrics_.full_width = doc.column_width;
    metrics_.cjk = doc.writing == script::cjk;
    if (doc.geometry != nullptr) {
      region_of_line_.assign(doc.lines.size() + 2, -1);
      for (const region_span &s : doc.region_lines)
        for (std::uint32_t l = s.first_line; l <= s.last_line && l < region_of_line_.size(); ++l)
          region_of_line_[l] = s.region;
    }
  }

  void run() {
    doc_.articles.clear();
    doc_.word_joins.clear();
    doc_.articles.emplace_back();
    const std::vector<std::uint32_t> &order = doc_.order;
    heading_at_ = settle_headings();
    for (const block &b : doc_.blocks)
      has_dateline_ = has_dateline_ || (!is_heading(b.kind) && !b.lines.empty() &&
                                        opens_article_text(b));
    for (std::size_t k = 0; k < order.size();) {
      const block &b = doc_.blocks[order[k]];
      if (heading_at_[k]) {
        // One heading: lines that follow each other in the input as well;
        // a heading from elsewhere that lands next to it stays apart.
        std::size_t end = k + 1;
        while (end < order.size() && heading_at_[end] && same_heading(order[end - 1], order[end]))
          ++end;
        add_heading_group(k, end);
        k = end;
        continue;
      }
      // Bylines, captions and page furniture stand apart: never joined
      // into the paragraph around them. Captions and furniture are prose
      // (a masthead's subscription box), their lines joined as such.
      if (b.kind == role::byline) {
        // A byline wrapped onto the next line of its region stays one.
        const block *prev = k > 0 ? &doc_.blocks[order[k - 1]] : nullptr;
        const bool continues = prev != nullptr && prev->kind == role::byline && !heading_at_[k - 1] &&
                               (same_heading(order[k - 1], order[k]) ||
                                prev->lines.back().shape.ends_hyphen);
        add_heading(b, b.kind, !continues);
      } else if (b.kind == role::caption || b.kind == role::furniture) {
        close_paragraph();
        standalone_ = b.kind;
        add_body(b, order[k]);
        close_paragraph();
        standalone_ = role::unknown;
      } else {
        add_body(b, order[k]);
      }
      ++k;
    }
    close_paragraph();
    if (doc_.articles.back().units.empty()) doc_.articles.pop_back();
  }

 private:
  article &current() { return doc_.articles.back(); }

  static bool is_heading(role r) { return r == role::headline || r == role::subheading; }

  static bool opens_article_text(const block &b) { return b.lines.front().shape.opens_dateline; }

  // Two heading blocks are lines of one heading when they were neighbouring
  // lines of the input, with no blank line between, or lines of one region
  // of the page that the layout cut apart (a run of centred lines).
  bool same_heading(std::uint32_t a, std::uint32_t b) const {
    const block &x = doc_.blocks[a], &y = doc_.blocks[b];
    if (b != a + 1) return false;
    const std::uint32_t last = x.last_source_line(), first = y.first_source_line();
    if (first == last + 1) return true;
    return first > last && last < region_of_line_.size() && first < region_of_line_.size() &&
           region_of_line_[last] >= 0 && region_of_line_[last] == region_of_line_[first];
  }

  // A block of lines the page shows filled to their column's edge, flush
  // left, after body text in mid-sentence: the text runs on into it (the
  // engine made each line a region of its own). No heading follows text
  // in mid-sentence, and none fills its column in body type.
  static bool runs_on_from(const block &before, const block &b) {
    if (before.kind != role::body || before.maybe_heading || before.lines.empty() ||
        before.lines.back().shape.ends_sentence)
      return false;
    return std::all_of(b.lines.begin(), b.lines.end(), [](const line &l) {
      return l.shape.blank || (l.shape.next_word_fits == 0 && l.shape.indent == 0);
    });
  }

  // Which positions of the reading order hold heading lines. A block that
  // may be a heading line is one unless text carrying on follows it (a
  // lower-case word, a closing mark, a full CJK line): then it opens that
  // paragraph.
  std::vector<bool> settle_headings() const {
    const std::vector<std::uint32_t> &order = doc_.order;
    std::vector<bool> heading(order.size(), false);
    for (std::size_t k = order.size(); k-- > 0;) {
      const block &b = doc_.blocks[order[k]];
      if (is_heading(b.kind)) {
        heading[k] = true;
        continue;
      }
      if (!b.maybe_heading || k + 1 == order.size()) continue;
      if (k > 0 && runs_on_from(doc_.blocks[order[k - 1]], b)) continue;
      if (heading[k + 1]) {
        heading[k] = true;
        continue;
      }
      const line_shape &next = doc_.blocks[order[k + 1]].lines.front().shape;
      heading[k] = !metrics_.carries_on(next);
    }
    return heading;
  }

  // Consecutive heading lines in reading order are one heading. It is the
  // headline when an article opening follows it, when it opens the text or
  // an article, or when it has several lines; otherwise it titles a section.
  void add_heading_group(std::size_t begin, std::size_t end) {
    const std::vector<std::uint32_t> &order = doc_.order;
    bool opens_article = false;
    // On a page, a deck set as a heading of its own may stand between the
    // headline and the byline or dateline that open the article.
    std::size_t after = end;
    while (doc_.geometry != nullptr && after < order.size() && heading_at_[after]) ++after;
    if (after < order.size()) {
      const block &next = doc_.blocks[order[after]];
      opens_article = next.kind == role::byline ||
                      (!heading_at_[after] && opens_article_text(next));
    }
    close_paragraph();
    bool at_start = true;
    for (const unit &u : current().units) at_start = at_start && u.kind == role::headline;
    // The page sets a line of it as a section heading (centred, or a short
    // unterminated run, in body type): one such line settles the heading,
    // since a section heading wrapped to the column may fill its first line.
    bool section = false;
    for (std::size_t k = begin; k < end; ++k) section = section || doc_.blocks[order[k]].section_heading;
    role kind = (opens_article || at_start || end - begin >= 2) && !(section && !at_start)
                    ? role::headline
                    : role::subheading;
    // Several lines straight before body text, when the article's dateline
    // stands elsewhere: a headline left above a section keeps the section's
    // heading as its last line.
    std::size_t section_heading = end;
    if (kind == role::headline && !opens_article && end - begin >= 2 && has_dateline_)
      section_heading = end - 1;
    for (std::size_t k = begin; k < end; ++k) {
      // The block takes the role it was settled on, for the JSON's block list.
      block &b = doc_.blocks[order[k]];
      b.kind = k == section_heading ? role::subheading : kind;
      add_heading(b, b.kind, k == begin || k == section_heading);
    }
  }

  void add_heading(const block &b, role kind, bool first_of_group = true) {
    close_paragraph();
    // A headline after body text opens the next article.
    if (kind == role::headline) {
      for (const unit &u : current().units)
        if (u.kind != role::headline) {
          doc_.articles.emplace_back();
          break;
        }
    }
    unit u;
    u.kind = kind;
    // Decided before this block's lines replace the last line seen.
    const std::string_view gap =
        b.lines.empty() ? std::string_view(" ") : section_line_gap(b.lines.front().shape);
    for (const line &l : b.lines) {
      spacing_result clean = opts_.spacing ? clean_heading(l.text) : clean_latin(l.text);
      if (clean.text.empty()) continue;
      // A headline keeps its lines; a section heading set on two lines
      // reads as one, its lines parted as phrases are.
      if (!u.text.empty()) u.text += kind == role::subheading ? section_line_gap(l.shape) : "\n";
      u.text += clean.text;
      last_heading_line_ = l.shape;
      u.source_lines.push_back(l.source_line);
      if (clean.removed > 0 && opts_.spacing)
        doc_.log.add(repair_kind::spacing, l.source_line, l.source_line,
                     fmt::format("{} space(s) next to full-width punctuation removed in a heading",
                                 clean.removed),
                     0.9);
    }
    // The lines of one heading are one unit: a headline keeps its lines, a
    // section heading's read as one.
    if ((kind == role::headline || kind == role::subheading || kind == role::byline) &&
        !first_of_group &&
        !current().units.empty() && current().units.back().kind == kind) {
      unit &prev = current().units.back();
      prev.text += kind == role::subheading ? gap : std::string_view("\n");
      prev.text += u.text;
      prev.source_lines.insert(prev.source_lines.end(), u.source_lines.begin(),
                               u.source_lines.end());
      return;
    }
    current().units.push_back(std::move(u));
  }

  void add_body(const block &b, std::uint32_t index) {
    for (std::size_t k = 0; k < b.lines.size(); ++k) {
      const line &l = b.lines[k];
      const line_shape &shape = l.shape;
      if (shape.blank) continue;
      column_metrics m = metrics_;
      if (b.column_width > 0) m.full_width = b.column_width;
      if (para_.open && ends_paragraph({para_.last_text, &para_.last_shape, para_.before_last, false},
                                       {l.text, &shape, {}, shape.opens_dateline}, m)) {
        close_paragraph();
      }
      if (!para_.open) {
        para_ = open_paragraph{};
        para_.open = true;
        para_.raw = l.text;
      } else {
        if (para_.last_block != index && opts_.join)
          doc_.log.add(repair_kind::column_join, para_.source_lines.back(), l.source_line,
                       "paragraph continues across a column break", 0.8);
        join_line(l, shape);
      }
      para_.source_lines.push_back(l.source_line);
      para_.cjk_letters += shape.cjk_letters;
      para_.other_letters += shape.other_letters;
      para_.last_shape = shape;
      para_.before_last = std::move(para_.last_text);
      para_.last_text = l.text;
      para_.last_marked = doc_.marked_word(l.source_line);
      para_.last_block = index;
    }
  }

  void join_line(const line &l, const line_shape &shape) {
    if (!opts_.join) {  // the line break stays, and a line-end hyphen with it
      para_.raw += '\n';
      para_.raw += l.text;
      return;
    }
    ++para_.joins;
    const line_shape &prev = para_.last_shape;
    if (cut_word cut = find_cut(para_.last_text, l.text); cut.valid()) {
      join_hyphenated(l, cut);
      return;
    }
    // Dashes, curly quotes and the ellipsis are full-width only in CJK
    // type: in Latin text a line opening with "—" still takes a space.
    const bool cjk_text = para_.cjk_letters > 0 && para_.cjk_letters * 3 >= para_.other_letters;
    const bool wide_punct = (is_fullwidth_punct(prev.last) || is_fullwidth_punct(shape.first)) &&
                            (cjk_text || is_wide(prev.last) || is_wide(shape.first));
    bool cjk_edge = is_cjk(prev.last) || is_cjk(shape.first) || wide_punct;
    if (cjk_edge && !(is_narrow_alnum(prev.last) && is_narrow_alnum(shape.first))) {
      para_.raw += l.text;
    } else {
      para_.raw += ' ';
      para_.raw += l.text;
    }
  }

  // A word cut at the line end (lib/hyphen decides): the hyphen removed,
  // kept, or kept before a space (suspended compound). The source's own
  // markup (ALTO HypPart1 with the whole word in SUBS_CONTENT) settles it.
  void join_hyphenated(const line &l, const cut_word &cut) {
    const std::uint32_t from = para_.source_lines.back();
    // Trim trailing whitespace of any kind (U+2028 too) to reach the mark.
    para_.raw.resize(trim_end(para_.raw, para_.raw.size()));
    std::size_t hyphen_at = para_.raw.size();
    if (!is_break_mark(last_code_point(para_.raw, hyphen_at))) {  // trust only the text
      para_.raw += ' ';
      para_.raw += l.text;
      return;
    }
    const std::string joined = to_lower(cut.left_token + cut.right);
    const std::string compound = to_lower(cut.left_token + "-" + cut.right);
    const std::string marked = to_lower(para_.last_marked);
    const std::string joined_letters = to_lower(cut.left + cut.right);
    const std::string compound_letters = to_lower(cut.left + "-" + cut.right);
    cut_decision d;
    if (!cut.right.empty() && !marked.empty() &&
        (marked == joined || marked == compound || marked == joined_letters ||
         marked == compound_letters)) {
      d = {marked == compound || marked == compound_letters ? cut_action::keep_hyphen
                                                            : cut_action::remove_hyphen,
           fmt::format("the source marks \"{}\" as one word cut at the line end", para_.last_marked),
           0.98};
    } else {
      d = decide_cut(cut, cut_evidence{&words_, doc_.dictionaries});
    }
    const std::size_t right_at = l.text.find_first_not_of(" \t");
    const std::string_view right =
        right_at == std::string::npos ? std::string_view{} : std::string_view(l.text).substr(right_at);
    word_join join;
    join.first_line = from;
    join.last_line = l.source_line;
    join.left_part = cut.left_token;
    join.right_part = cut.right + cut.after_right;
    switch (d.action) {
      case cut_action::remove_hyphen:
        para_.raw.resize(hyphen_at);
        doc_.log.add(repair_kind::dehyphenation, from, l.source_line, std::move(d.cue), d.confidence);
        join.whole = cut.left_token + cut.right;
        break;
      case cut_action::keep_hyphen:
        doc_.log.add(repair_kind::hyphen_kept, from, l.source_line, std::move(d.cue), d.confidence);
        join.whole = para_.raw.substr(hyphen_at - std::min(hyphen_at, cut.left_token.size())) + cut.right;
        join.hyphen_kept = true;
        break;
      case cut_action::keep_hyphen_space:
        doc_.log.add(repair_kind::hyphen_kept, from, l.source_line, std::move(d.cue), d.confidence);
        para_.raw += ' ';
        break;
    }
    if (!join.whole.empty()) doc_.word_joins.push_back(std::move(join));
    para_.raw += right;
  }

  // What parts two lines of a section heading read as one: a space, as
  // between phrases, unless the first is a CJK line filled to the column
  // (less than two ideographs short): the type wrapped it, no phrase ended.
  std::string_view section_line_gap(const line_shape &next) const {
    const line_shape &prev = last_heading_line_;
    const bool cjk_edge = (is_cjk(prev.last) || is_fullwidth_punct(prev.last)) && is_cjk(next.first);
    if (cjk_edge && metrics_.known() && prev.width + 4 > metrics_.full_width) return "";
    return " ";
  }

  // Lines kept apart (join off) are cleaned one by one, their breaks kept.
  spacing_result clean_paragraph(std::string_view raw, bool cjk) const {
    auto clean = [&](std::string_view s) { return cjk ? clean_cjk_paragraph(s) : clean_latin(s); };
    if (opts_.join) return clean(raw);
    spacing_result all;
    for (std::size_t at = 0; at <= raw.size();) {
      std::size_t end = std::min(raw.find('\n', at), raw.size());
      spacing_result one = clean(raw.substr(at, end - at));
      if (!one.text.empty()) {
        if (!all.text.empty()) all.text += '\n';
        all.text += one.text;
      }
      all.removed += one.removed;
      at = end + 1;
    }
    return all;
  }

  void close_paragraph() {
    if (!para_.open) return;
    para_.open = false;
    bool cjk = para_.cjk_letters > 0 && para_.cjk_letters * 3 >= para_.other_letters;
    spacing_result clean = clean_paragraph(para_.raw, cjk && opts_.spacing);
    std::uint32_t first = para_.source_lines.front(), last = para_.source_lines.back();
    if (para_.joins > 0)
      doc_.log.add(repair_kind::line_join, first, last,
                   fmt::format("{} line break(s) inside a paragraph joined{}", para_.joins,
                               cjk ? " with no space (CJK)" : ""),
                   0.9);
    if (cjk && opts_.spacing && clean.removed > 0)
      doc_.log.add(repair_kind::spacing, first, last,
                   fmt::format("{} OCR space(s) inside CJK text removed", clean.removed), 0.9);
    unit u;
    u.kind = standalone_ != role::unknown          ? standalone_
             : dateline_length(clean.text) > 0 ? role::dateline
                                               : role::body;
    u.text = std::move(clean.text);
    u.source_lines = std::move(para_.source_lines);
    if (cjk && opts_.spacing && u.kind == role::body) move_opening_marks(u);
    current().units.push_back(std::move(u));
  }

  // No CJK line, so no CJK paragraph, opens with a mark that may not begin
  // a line (a clause or sentence mark, a closing quote or bracket: UAX #14):
  // such marks at a body paragraph's start, before its first ideograph,
  // close the body paragraph before it in the article (a mark the engine
  // set on the next line, or specks), and go to its end.
  void move_opening_marks(unit &u) {
    if (current().units.empty() || current().units.back().kind != role::body) return;
    std::size_t pos = 0, cut = 0;
    while (pos < u.text.size()) {
      const char32_t c = next_code_point(u.text, pos);
      if (is_cjk(c)) break;
      if (!is_no_line_start(c) && !is_space(c)) return;
      cut = pos;
    }
    if (cut == 0 || cut >= u.text.size()) return;
    unit &before = current().units.back();
    std::string_view marks = std::string_view(u.text).substr(0, cut);
    while (!marks.empty() && marks.back() == ' ') marks.remove_suffix(1);
    before.text += marks;
    const std::size_t from = u.text.find_first_not_of(' ', cut);
    u.text.erase(0, from == std::string::npos ? cut : from);
    doc_.log.add(repair_kind::paragraph_break, u.source_lines.front(), u.source_lines.front(),
                 "marks that may not begin a CJK line moved to the end of the paragraph before", 0.8);
  }

  document &doc_;
  reflow_options opts_;
  vocabulary words_;
  column_metrics metrics_;
  open_paragraph para_;
  std::vector<bool> heading_at_;  // per reading-order position
  bool has_dateline_ = false;     // some paragraph opens with a dateline
  line_shape last_heading_line_;  // the last heading line added
  std::vector<std::int64_t> region_of_line_;  // geometry inputs: each line's region, -1 none
  role standalone_ = role::unknown;  // the role of a caption or furniture being added
};

}  // namespace

void reflow_articles(document &doc, const reflow_options &opts) { reflower(doc, opts).run(); }

}  // namespace colreflow::detail
