// Segment: find heading lines from their shape and context, then cut the
// lines into blocks at blank lines, headings and bylines (and, when the
// input has no blank lines, at paragraph ends, the only cuts text shows).
#include "segment/segment.hpp"

#include <vector>

#include "segment/headings.hpp"
#include "text/cues.hpp"
#include "text/line_shape.hpp"
#include "text/paragraphs.hpp"

namespace colreflow::detail {

namespace {

script detect_script(const std::vector<line> &lines) {
  long cjk = 0, other = 0;
  for (const line &l : lines) {
    cjk += l.shape.cjk_letters;
    other += l.shape.other_letters;
  }
  // One ideograph carries about as much text as three Latin letters.
  return cjk * 3 >= other && cjk > 0 ? script::cjk : script::latin;
}

}  // namespace

// The shapes live in the lines and blocks view the lines: a page of very
// many short lines costs one `line` each, not copies in blocks and shape
// tables besides.
void segment_blocks(document &doc) {
  doc.blocks.clear();
  std::vector<line> &lines = doc.lines;
  for (line &l : lines) l.shape = measure_line(l.text);
  // A dateline may wrap: "新华社北京3" / "月5日电 记者…".
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].shape.blank) continue;
    bool next = i + 1 < lines.size() && !lines[i + 1].shape.blank;
    lines[i].shape.opens_dateline = opens_with_dateline(
        lines[i].text, next ? std::string_view(lines[i + 1].text) : std::string_view());
  }
  doc.writing = detect_script(lines);
  column_metrics metrics = estimate_columns(std::span<const line>(lines), doc.writing == script::cjk);
  doc.column_width = metrics.full_width;

  // Blank lines between content mark column chunks when the OCR wrote them.
  bool seen_content = false;
  std::size_t gaps = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].shape.blank) {
      seen_content = true;
    } else if (seen_content && i + 1 < lines.size() && !lines[i + 1].shape.blank) {
      ++gaps;
    }
  }
  doc.blank_separated = gaps > 0;

  std::vector<bool> maybe_heading;
  std::vector<role> roles = find_heading_roles(lines, metrics, maybe_heading);

  // The block being made: lines first..i of doc.lines.
  block current;
  std::size_t first = 0;
  auto flush = [&](std::size_t end) {
    if (current.lines.empty()) return;
    current.lines = std::span<const line>(lines).subspan(first, end - first);
    current.input_index = static_cast<std::uint32_t>(doc.blocks.size());
    doc.blocks.push_back(current);
    current = block{};
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].shape.blank) {
      flush(i);
      continue;
    }
    role r = roles[i];
    // Every heading line is a block of its own: the order stage decides
    // which lines make the headline and which title sections.
    bool starts_new = current.lines.empty() || r != current.kind || r == role::byline ||
                      r == role::subheading || r == role::headline || maybe_heading[i] ||
                      current.maybe_heading;
    if (!starts_new && !doc.blank_separated && r == role::body) {
      const line &prev = lines[i - 1];
      std::string_view before = i > 1 ? std::string_view(lines[i - 2].text) : "";
      starts_new = ends_paragraph({prev.text, &prev.shape, before, false},
                                  {lines[i].text, &lines[i].shape, {}, lines[i].shape.opens_dateline},
                                  metrics);
    }
    if (starts_new) flush(i);
    if (current.lines.empty()) {
      current.kind = r;
      current.maybe_heading = maybe_heading[i];
      first = i;
    }
    current.lines = std::span<const line>(lines).subspan(first, i + 1 - first);
  }
  flush(lines.size());

  // A page holds articles set in columns of different widths: a block long
  // enough to show its own full width is measured on its own lines.
  for (block &b : doc.blocks) {
    if (b.lines.size() < 4 || b.kind != role::body) continue;
    column_metrics m = estimate_columns(b.lines, doc.writing == script::cjk);
    if (m.known()) b.column_width = m.full_width;
  }
}

}  // namespace colreflow::detail
