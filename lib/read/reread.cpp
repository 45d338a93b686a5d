#include "read/reread.hpp"

#include <algorithm>  // max, min, none_of, nth_element
#include <cstddef>    // ptrdiff_t, size_t
#include <cstdint>    // int32_t, int64_t
#include <iterator>   // make_move_iterator
#include <memory>     // unique_ptr
#include <span>
#include <string>
#include <utility>  // move
#include <vector>

#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "model/deadline.hpp"
#include "read/leptonica_handles.hpp"
#include "read/tesseract_results.hpp"

namespace colreflow::detail {
namespace {

// A line every word of which the engine is this unsure of is garbled...
constexpr float kGarbledConfidence = 40;
// ... when it is in display type: a line of body type with no sure word is
// mostly specks or a torn line, which a second reading reads no better
// (tried on the synthetic pages: Chinese body text came back as Latin
// letters with more confidence).
constexpr float kDisplayRow = 1.5f;
// A new reading replaces the old one when this much surer.
constexpr double kBetterBy = 20;

// The mean confidence of the words of `lines`, each weighted by its bytes
// (a word of one ideograph counts less than a word of four); -1 for none.
double mean_confidence(std::span<const text_line> lines) {
  double sum = 0, weight = 0;
  for (const text_line &l : lines)
    for (const word &w : l.words) {
      sum += static_cast<double>(w.confidence) * static_cast<double>(w.text.size());
      weight += static_cast<double>(w.text.size());
    }
  return weight > 0 ? sum / weight : -1;
}

// The page's median row height: its body type.
float median_row(const page &p) {
  std::vector<float> rows;
  for (const region &r : p.regions)
    for (const text_line &l : r.lines) rows.push_back(l.font_size);
  if (rows.empty()) return 0;
  const auto mid = rows.begin() + static_cast<std::ptrdiff_t>(rows.size() / 2);
  std::nth_element(rows.begin(), mid, rows.end());
  return *mid;
}

bool garbled_display(const text_line &l, float body) {
  return l.font_size >= kDisplayRow * body && !l.words.empty() &&
         std::none_of(l.words.begin(), l.words.end(),
                      [](const word &w) { return w.confidence >= kGarbledConfidence; });
}

// The line's own pixels, in 8 bits: its box and a margin of a third of its
// row (glyphs overhang the engine's box of a garbled line), clipped to the
// page, with every word of other lines inside painted white so that nothing
// read elsewhere is read twice. `at` receives the clip's place on the page.
pix_ptr line_pixels(Pix *image, const page &p, const text_line &line, box &at) {
  const auto margin = static_cast<std::int32_t>(line.font_size / 3);
  at = {std::max(0, line.bbox.x0 - margin), std::max(0, line.bbox.y0 - margin),
        std::min(p.width, line.bbox.x1 + margin), std::min(p.height, line.bbox.y1 + margin)};
  if (at.empty()) return {};
  const box_ptr rect(boxCreate(at.x0, at.y0, at.width(), at.height()));
  const pix_ptr clip(pixClipRectangle(image, rect.get(), nullptr));
  if (!clip) return {};
  pix_ptr gray(pixConvertTo8(clip.get(), 0));
  if (!gray) return {};
  for (const region &r : p.regions)
    for (const text_line &l : r.lines) {
      if (&l == &line) continue;
      for (const word &w : l.words) {
        const std::int32_t x0 = std::max(w.bbox.x0, at.x0), y0 = std::max(w.bbox.y0, at.y0);
        const std::int32_t x1 = std::min(w.bbox.x1, at.x1), y1 = std::min(w.bbox.y1, at.y1);
        if (x1 <= x0 || y1 <= y0) continue;
        const box_ptr hole(boxCreate(x0 - at.x0, y0 - at.y0, x1 - x0, y1 - y0));
        pixSetInRect(gray.get(), hole.get());  // all ones: white in 8 bits
      }
    }
  return gray;
}

// The lines Tesseract reads in `pixels` as one block, in page coordinates.
std::vector<text_line> read_block(tesseract::TessBaseAPI &api, Pix *pixels, const box &at) {
  api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  api.SetImage(pixels);
  // The page's time limit reaches into this recognition as into the first.
  if (!recognise_in_time(api)) return {};
  page again;
  const std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it) read_results(*it, again);
  auto shift = [&](box &b) { b = {b.x0 + at.x0, b.y0 + at.y0, b.x1 + at.x0, b.y1 + at.y0}; };
  std::vector<text_line> lines;
  for (region &r : again.regions)
    for (text_line &l : r.lines) {
      shift(l.bbox);
      for (word &w : l.words) shift(w.bbox);
      lines.push_back(std::move(l));
    }
  return lines;
}

}  // namespace

void reread_garbled_lines(tesseract::TessBaseAPI &api, Pix *image, page &p) {
  const float body = median_row(p);
  if (body <= 0) return;
  // What is read again stays under one page's area: however many garbled
  // lines a hostile image holds, the second readings take no longer than
  // the first one did.
  std::int64_t budget = std::int64_t{p.width} * p.height;
  for (region &r : p.regions) {
    bool changed = false;
    for (std::size_t k = 0; k < r.lines.size(); ++k) {
      if (!garbled_display(r.lines[k], body)) continue;
      check_deadline("OCR");
      box at;
      const pix_ptr pixels = line_pixels(image, p, r.lines[k], at);
      if (!pixels || at.area() > budget) continue;
      budget -= at.area();
      std::vector<text_line> lines = read_block(api, pixels.get(), at);
      const double before = mean_confidence({&r.lines[k], 1}), after = mean_confidence(lines);
      if (lines.empty() || after < before + kBetterBy) continue;
      const std::string id = r.lines[k].id;
      reread_line note{static_cast<std::uint32_t>(&r - p.regions.data()), id, r.lines[k].text,
                       static_cast<float>(before), static_cast<float>(after), {}};
      for (const text_line &l : lines)
        note.after += (note.after.empty() ? "" : " / ") + l.text;
      p.rereads.push_back(std::move(note));
      for (std::size_t n = 0; n < lines.size(); ++n)
        lines[n].id = n == 0 ? id : fmt::format("{}_{}", id, n + 1);
      const auto at_line = r.lines.begin() + static_cast<std::ptrdiff_t>(k);
      r.lines.insert(r.lines.erase(at_line), std::make_move_iterator(lines.begin()),
                     std::make_move_iterator(lines.end()));
      k += lines.size() - 1;
      changed = true;
    }
    if (changed) r.bbox = lines_box(r);
  }
}

}  // namespace colreflow::detail
