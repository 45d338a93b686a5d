#include "segment/geometry_roles.hpp"

#include <algorithm>  // all_of, min, max, nth_element
#include <cstddef>    // ptrdiff_t
#include <cstdint>    // int64_t, uint32_t
#include <memory>     // make_shared
#include <vector>

#include <fmt/format.h>

#include "text/chars.hpp"

namespace colreflow::detail {
namespace {

// A block with a full-width sentence mark (。！？) followed by more text
// on its line: running CJK text, never a heading.
bool sentence_inside(const block &b) {
  for (const line &l : b.lines) {
    bool ended = false;
    for (std::size_t pos = 0; pos < l.text.size();) {
      const char32_t c = next_code_point(l.text, pos);
      if (ended && is_cjk(c)) return true;
      if (is_sentence_terminal(c) && is_fullwidth_punct(c)) ended = true;
    }
  }
  return false;
}

// The median type size of a block's lines, or of their heights on the
// page where the input gives no size (0: neither known).
float block_size(const block &b, const laid_out &laid) {
  std::vector<float> own;
  for (const line &l : b.lines) {
    if (l.source_line >= laid.size.size()) continue;
    const float size = laid.size[l.source_line] > 0
                           ? laid.size[l.source_line]
                           : static_cast<float>(laid.page_lines[l.source_line].bbox.height());
    if (size > 0) own.push_back(size);
  }
  if (own.empty()) return 0;
  std::nth_element(own.begin(), own.begin() + own.size() / 2, own.end());
  return own[own.size() / 2];
}

// The page box of a block's lines.
box block_box(const block &b, const std::vector<laid_line> &places) {
  box out;
  for (const line &l : b.lines)
    if (l.source_line < places.size()) out = out.united(places[l.source_line].bbox);
  return out;
}

}  // namespace

void join_stacked_headings(document &doc, const laid_out &laid) {
  auto heading = [](const block &b) { return b.kind == role::headline || b.kind == role::subheading; };
  for (std::size_t i = 0; i + 1 < doc.blocks.size();) {
    block &a = doc.blocks[i];
    const block &b = doc.blocks[i + 1];
    const float sa = block_size(a, laid), sb = block_size(b, laid);
    const box ba = block_box(a, laid.page_lines), bb = block_box(b, laid.page_lines);
    if (!heading(a) || !heading(b) || sa <= 0 || sb <= 0 || ba.empty() || bb.empty()) {
      ++i;
      continue;
    }
    auto holds = [](const box &out, const box &in) {
      return out.x0 <= in.x0 && in.x1 <= out.x1 && out.y0 <= in.y0 && in.y1 <= out.y1;
    };
    // A headline's box that holds a kicker next to it in the order: the
    // engine's box of a garbled headline word reaches up over the kicker's
    // line. Read after the headline (its box's top is higher), the kicker
    // goes before it, logged as a move, when it stands in the upper half of
    // that box: a smaller line lower down is more likely the end of the
    // headline's own line.
    const bool kicker_held = sb >= 1.2f * sa && holds(bb, ba);
    const bool kicker_after = sa >= 1.2f * sb && holds(ba, bb) && 2 * bb.y1 <= ba.y0 + ba.y1;
    const bool kicker = sb >= 1.2f * sa || kicker_after;
    const bool stacked = kicker_held || kicker_after ||
                         (2 * bb.y0 >= ba.y0 + ba.y1 && bb.y0 - ba.y1 <= bb.height() &&
                          std::min(ba.x1, bb.x1) > std::max(ba.x0, bb.x0));
    const bool same = a.kind == b.kind && sb <= 1.15f * sa && sa <= 1.15f * sb;
    if (!stacked || !(kicker || same)) {
      ++i;
      continue;
    }
    // A blank line parts the two in document::lines: the joined block owns its lines.
    const block &top = kicker_after ? b : a, &under = kicker_after ? a : b;
    if (kicker_after)
      doc.log.add(repair_kind::block_moved, b.first_source_line(), b.last_source_line(),
                  fmt::format("kicker (line {}) read before the headline (line {}) whose box holds it",
                              b.first_source_line(), a.first_source_line()),
                  0.6);
    auto both = std::make_shared<std::vector<line>>(top.lines.begin(), top.lines.end());
    both->insert(both->end(), under.lines.begin(), under.lines.end());
    a.lines = std::span<const line>(*both);
    a.joined = std::move(both);
    if (kicker) {
      a.kind = role::headline;
      a.section_heading = false;
    }
    a.section_heading = a.section_heading || b.section_heading;
    a.maybe_heading = false;
    doc.blocks.erase(doc.blocks.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }
  for (std::uint32_t i = 0; i < doc.blocks.size(); ++i) doc.blocks[i].input_index = i;
}

void apply_geometry_roles(document &doc, const laid_out &laid, float body) {
  const std::vector<float> &line_sizes = laid.size;
  const page &p = *doc.geometry;
  std::vector<std::int64_t> region_of_line(doc.lines.size() + 2, -1);
  std::vector<std::uint32_t> region_first(p.regions.size(), 0);
  for (const region_span &s : doc.region_lines) {
    region_first[s.region] = s.first_line;
    for (std::uint32_t l = s.first_line; l <= s.last_line && l < region_of_line.size(); ++l)
      region_of_line[l] = s.region;
  }
  for (block &b : doc.blocks) {
    const std::int64_t at = region_of_line[b.first_source_line()];
    if (at < 0) continue;
    const region &r = p.regions[static_cast<std::size_t>(at)];
    role kind = b.kind;
    bool runs_on = false;  // a heading of the text stage that the page sets as text
    switch (r.hint) {
      case region_hint::heading:
        // An engine marks some lines of running text as headers: a
        // sentence ending inside the line is prose, whatever it says.
        if (kind != role::headline && !sentence_inside(b)) kind = role::subheading;
        break;
      case region_hint::caption: kind = role::caption; break;
      case region_hint::header:
      case region_hint::footer:
      case region_hint::page_number: kind = role::furniture; break;
      case region_hint::none: {
        // The block's own lines: a region may hold a heading and its text.
        std::vector<float> own;
        for (const line &l : b.lines)
          if (l.source_line < line_sizes.size() && line_sizes[l.source_line] > 0)
            own.push_back(line_sizes[l.source_line]);
        float size = 0;
        if (!own.empty()) {
          // The lower median: every line of a heading of two is display
          // type, where a speck stretches one line of body text.
          const std::size_t mid = (own.size() - 1) / 2;
          std::nth_element(own.begin(), own.begin() + static_cast<std::ptrdiff_t>(mid), own.end());
          size = own[mid];
        }
        const bool all_centred =
            b.lines.size() <= 3 && std::all_of(b.lines.begin(), b.lines.end(), [&](const line &l) {
              return l.source_line < laid.centred.size() && laid.centred[l.source_line];
            });
        if ((body > 0 && size >= 1.4f * body && own.size() <= 3) || all_centred) {
          if (kind != role::headline) kind = role::subheading;
          // Centred in body type: it heads a section, whatever its lines.
          b.section_heading = all_centred && !(body > 0 && size >= 1.4f * body);
        } else if (body > 0 && size > 0 && size <= 1.15f * body &&
                   b.first_source_line() != region_first[static_cast<std::size_t>(at)]) {
          // Inside a region, past its first line, in body type: the text
          // carries on; a short line here ends a paragraph, it heads none.
          if (kind == role::headline || kind == role::subheading) kind = role::body;
          b.maybe_heading = false;
        } else if (kind == role::subheading && body > 0 && size > 0 && size <= 1.15f * body &&
                   std::all_of(b.lines.begin(), b.lines.end(), [](const line &l) {
                     return l.shape.cjk && l.shape.next_word_fits == 0 && l.shape.indent == 0;
                   })) {
          // CJK filled to its column's edge, flush left, in body type: the
          // text took a line for a heading that the page sets as running
          // text (a Latin heading in spaced capitals may fill its column).
          // What stands around it in reading order decides (settle_headings).
          kind = role::body;
          runs_on = true;
        }
        break;
      }
      case region_hint::paragraph:
        // The input says this is running text: a short line in it that
        // the text alone took for a heading is the end of a paragraph.
        if (kind == role::headline || kind == role::subheading) kind = role::body;
        b.maybe_heading = false;
        break;
      case region_hint::marginalia:
      case region_hint::table:
      case region_hint::other: break;
    }
    if (kind != b.kind) {
      b.kind = kind;
      b.maybe_heading = runs_on;
    }
  }
  // A word cut at a line's end carries on in the next line: no heading
  // starts there, whatever its region says (a byline wrapped with a hyphen).
  for (std::size_t i = 1; i < doc.blocks.size(); ++i) {
    const block &a = doc.blocks[i - 1];
    block &b = doc.blocks[i];
    if (!a.lines.back().shape.ends_hyphen || a.kind == role::headline) continue;
    if (b.kind != role::headline && b.kind != role::subheading && !b.maybe_heading) continue;
    b.kind = a.kind == role::subheading ? role::body : a.kind;
    b.maybe_heading = false;
    b.section_heading = false;
  }
}

}  // namespace colreflow::detail
