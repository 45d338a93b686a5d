// A line the engine ran across a gutter, parted into the columns it spans
// (see split_at_gutters in layout/layout.hpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>  // move, swap
#include <vector>

#include "layout/layout.hpp"
#include "read/hocr_reader.hpp"  // join_words

namespace colreflow::detail {
namespace {

// The text of `s` without white space.
std::string ink(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

// Whether every line's text is its words' (an input may hold text in a
// line outside its words, which a split could not place).
bool text_in_words(const region &r) {
  for (const text_line &l : r.lines) {
    std::string words;
    for (const word &w : l.words) words += w.text;
    if (ink(words) != ink(l.text)) return false;
  }
  return true;
}

}  // namespace

std::size_t split_at_gutters(page &p, const std::vector<gutter_cut> &cuts) {
  std::vector<bool> split(p.regions.size(), false);
  std::size_t added = 0;
  for (const gutter_cut &c : cuts) {
    if (c.region >= split.size() || split[c.region] || p.regions[c.region].split_from >= 0 ||
        !text_in_words(p.regions[c.region]))
      continue;
    split[c.region] = true;
    const std::int32_t middle = c.lo + (c.hi - c.lo) / 2;
    // The side holding fewer words moves; the region keeps its place in
    // the file with the rest.
    const bool move_right = c.more_left;
    region part;
    part.hint = p.regions[c.region].hint;
    part.source_line = p.regions[c.region].source_line;
    part.split_from = static_cast<std::int32_t>(c.region);
    const std::string &id = p.regions[c.region].id;
    part.id = id.empty() ? std::string() : id + (move_right ? "-right" : "-left");
    region &r = p.regions[c.region];
    for (text_line &l : r.lines) {
      std::vector<word> stay, go;
      for (word &w : l.words) {
        const bool right = w.bbox.x0 + (w.bbox.x1 - w.bbox.x0) / 2 >= middle;
        (right == move_right ? go : stay).push_back(std::move(w));
      }
      if (go.empty()) {
        l.words = std::move(stay);
        continue;
      }
      text_line moved;
      moved.id = l.id;
      moved.font_size = l.font_size;
      moved.source_line = l.source_line;
      moved.words = std::move(go);
      moved.text = join_words(moved.words);
      moved.bbox = words_box(moved.words);
      // The hyphen the input marks at the line's end goes with its end.
      if (move_right) std::swap(moved.hyphen_end, l.hyphen_end);
      l.words = std::move(stay);
      l.text = join_words(l.words);
      l.bbox = words_box(l.words);
      part.bbox = part.bbox.united(moved.bbox);
      part.lines.push_back(std::move(moved));
    }
    if (part.lines.empty()) continue;
    r.bbox = lines_box(r);
    p.regions.push_back(std::move(part));
    ++added;
  }
  return added;
}

}  // namespace colreflow::detail
