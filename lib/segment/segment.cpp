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

script detect_script(const std::vector<line_shape> &shapes) {
  long cjk = 0, other = 0;
  for (const line_shape &s : shapes) {
    cjk += s.cjk_letters;
    other += s.other_letters;
  }
  // One ideograph carries about as much text as three Latin letters.
  return cjk * 3 >= other && cjk > 0 ? script::cjk : script::latin;
}

}  // namespace

void segment_blocks(document &doc) {
  doc.blocks.clear();
  std::vector<line_shape> shapes;
  shapes.reserve(doc.lines.size());
  for (line &l : doc.lines) {
    l.shape = measure_line(l.text);
    shapes.push_back(l.shape);
  }
  // A dateline may wrap: "新华社北京3" / "月5日电 记者…".
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    if (shapes[i].blank) continue;
    bool next = i + 1 < doc.lines.size() && !shapes[i + 1].blank;
    doc.lines[i].opens_dateline =
        opens_with_dateline(doc.lines[i].text, next ? std::string_view(doc.lines[i + 1].text)
                                                    : std::string_view());
  }
  doc.writing = detect_script(shapes);
  column_metrics metrics = estimate_columns(shapes, doc.writing == script::cjk);
  doc.column_width = metrics.full_width;

  // Blank lines between content mark column chunks when the OCR wrote them.
  bool seen_content = false;
  std::size_t gaps = 0;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    if (!shapes[i].blank) {
      seen_content = true;
    } else if (seen_content && i + 1 < shapes.size() && !shapes[i + 1].blank) {
      ++gaps;
    }
  }
  doc.blank_separated = gaps > 0;

  std::vector<bool> maybe_heading;
  std::vector<role> roles = find_heading_roles(doc.lines, shapes, metrics, maybe_heading);

  block current;
  auto flush = [&] {
    if (current.lines.empty()) return;
    current.input_index = static_cast<std::uint32_t>(doc.blocks.size());
    doc.blocks.push_back(std::move(current));
    current = block{};
  };
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    if (shapes[i].blank) {
      flush();
      continue;
    }
    role r = roles[i];
    // Every heading line is a block of its own: the order stage decides
    // which lines make the headline and which title sections.
    bool starts_new = current.lines.empty() || r != current.kind || r == role::byline ||
                      r == role::subheading || r == role::headline || maybe_heading[i] ||
                      current.maybe_heading;
    if (!starts_new && !doc.blank_separated && r == role::body) {
      const line &prev = current.lines.back();
      std::size_t p = prev.source_line - 1;
      std::string_view before = p > 0 ? std::string_view(doc.lines[p - 1].text) : "";
      starts_new = ends_paragraph({prev.text, &shapes[p], before, false},
                                  {doc.lines[i].text, &shapes[i], {}, doc.lines[i].opens_dateline},
                                  metrics);
    }
    if (starts_new) flush();
    if (current.lines.empty()) {
      current.kind = r;
      current.maybe_heading = maybe_heading[i];
    }
    current.lines.push_back(doc.lines[i]);
  }
  flush();

  // A page holds articles set in columns of different widths: a block long
  // enough to show its own full width is measured on its own lines.
  for (block &b : doc.blocks) {
    if (b.lines.size() < 4 || b.kind != role::body) continue;
    std::vector<line_shape> own;
    for (const line &l : b.lines) own.push_back(l.shape);
    column_metrics m = estimate_columns(own, doc.writing == script::cjk);
    if (m.known()) b.column_width = m.full_width;
  }
}

}  // namespace colreflow::detail
