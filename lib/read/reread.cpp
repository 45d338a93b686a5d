#include "read/reread.hpp"

#include <algorithm>  // find_if, max, min, none_of, nth_element, sort
#include <cstddef>    // ptrdiff_t, size_t
#include <cstdint>    // int32_t, int64_t
#include <iterator>   // make_move_iterator
#include <memory>     // unique_ptr
#include <span>
#include <string>
#include <string_view>
#include <utility>  // move, pair
#include <vector>

#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "model/deadline.hpp"
#include "read/leptonica_handles.hpp"
#include "read/hocr_reader.hpp"  // join_words
#include "read/tesseract_results.hpp"
#include "text/chars.hpp"  // is_cjk, next_code_point

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
// A word of body type reaches over a neighbouring line when its box is
// this many times as tall as its line's other words.
constexpr std::int32_t kTallWord = 2;

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

double mean_confidence(const text_line &line) { return mean_confidence({&line, 1}); }

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

// The pixels of `at` (clipped to the page), in 8 bits, with every word
// inside painted white but those of `own` (a line, or a single word) so
// that nothing read elsewhere is read twice.
template <typename Own>
pix_ptr own_pixels(Pix *image, const page &p, box &at, Own own) {
  at = {std::max(0, at.x0), std::max(0, at.y0), std::min(p.width, at.x1),
        std::min(p.height, at.y1)};
  if (at.empty()) return {};
  const box_ptr rect(boxCreate(at.x0, at.y0, at.width(), at.height()));
  const pix_ptr clip(pixClipRectangle(image, rect.get(), nullptr));
  if (!clip) return {};
  pix_ptr gray(pixConvertTo8(clip.get(), 0));
  if (!gray) return {};
  for (const region &r : p.regions)
    for (const text_line &l : r.lines)
      for (const word &w : l.words) {
        if (own(l, w)) continue;
        const std::int32_t x0 = std::max(w.bbox.x0, at.x0), y0 = std::max(w.bbox.y0, at.y0);
        const std::int32_t x1 = std::min(w.bbox.x1, at.x1), y1 = std::min(w.bbox.y1, at.y1);
        if (x1 <= x0 || y1 <= y0) continue;
        const box_ptr hole(boxCreate(x0 - at.x0, y0 - at.y0, x1 - x0, y1 - y0));
        pixSetInRect(gray.get(), hole.get());  // all ones: white in 8 bits
      }
  return gray;
}

// A garbled line's own pixels: its box and a margin of a third of its row
// (glyphs overhang the engine's box of a garbled line).
pix_ptr line_pixels(Pix *image, const page &p, const text_line &line, box &at) {
  const auto margin = static_cast<std::int32_t>(line.font_size / 3);
  at = {line.bbox.x0 - margin, line.bbox.y0 - margin, line.bbox.x1 + margin, line.bbox.y1 + margin};
  return own_pixels(image, p, at, [&](const text_line &l, const word &) { return &l == &line; });
}

// The lines Tesseract reads in `pixels` segmented as `mode` says, in page
// coordinates.
std::vector<text_line> read_pixels(tesseract::TessBaseAPI &api, Pix *pixels, const box &at,
                                   tesseract::PageSegMode mode) {
  api.SetPageSegMode(mode);
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

// The first reading's garbled display lines, read again as blocks of
// their own.
void reread_lines(tesseract::TessBaseAPI &api, Pix *image, page &p, float body,
                  std::int64_t &budget) {
  for (region &r : p.regions) {
    bool changed = false;
    for (std::size_t k = 0; k < r.lines.size(); ++k) {
      if (!garbled_display(r.lines[k], body)) continue;
      check_deadline("OCR");
      box at;
      const pix_ptr pixels = line_pixels(image, p, r.lines[k], at);
      if (!pixels || at.area() > budget) continue;
      budget -= at.area();
      std::vector<text_line> lines =
          read_pixels(api, pixels.get(), at, tesseract::PSM_SINGLE_BLOCK);
      const double before = mean_confidence(r.lines[k]), after = mean_confidence(lines);
      if (lines.empty() || after < before + kBetterBy) continue;
      const std::string id = r.lines[k].id;
      reread_line note{static_cast<std::uint32_t>(&r - p.regions.data()), id, {}, r.lines[k].text,
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

// The ideographs (and kana, hangul) of a line's words: what a reading found
// in CJK type beyond marks and Latin letters.
std::size_t ideographs(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < text.size();) n += is_cjk(next_code_point(text, pos)) ? 1 : 0;
  return n;
}

std::size_t ideographs(const text_line &l) {
  std::size_t n = 0;
  for (const word &w : l.words) n += ideographs(w.text);
  return n;
}

// The band a line's type stands in: the median top and bottom of its
// words but `skip` (empty with fewer than two others).
box line_band(const text_line &l, std::size_t skip) {
  std::vector<std::int32_t> tops, bottoms;
  for (std::size_t i = 0; i < l.words.size(); ++i)
    if (i != skip) {
      tops.push_back(l.words[i].bbox.y0);
      bottoms.push_back(l.words[i].bbox.y1);
    }
  if (tops.size() < 2) return {};
  const auto mid = static_cast<std::ptrdiff_t>(tops.size() / 2);
  std::nth_element(tops.begin(), tops.begin() + mid, tops.end());
  std::nth_element(bottoms.begin(), bottoms.begin() + mid, bottoms.end());
  return {l.bbox.x0, tops[static_cast<std::size_t>(mid)], l.bbox.x1,
          bottoms[static_cast<std::size_t>(mid)]};
}

// What the engine reads between x0 and x1 in `band` (a line's) as one line
// of text: the stretch with a margin of a sixth of the band's height all
// round, the words standing in the band (their middle in it) but `w`
// painted white. Another line's word that reaches in is not painted: it
// took the band's glyphs too. Only the words whose middle lies in the
// stretch are kept: in the margin stand slivers of the glyphs beside it,
// which the engine's boxes of CJK words (placed by its recogniser, a few
// pixels off the ink) leave unpainted. Nothing when the pixels are over
// `budget`.
text_line read_in_band(tesseract::TessBaseAPI &api, Pix *image, const page &p, const word &w,
                       std::int32_t x0, std::int32_t x1, const box &band, std::int64_t &budget) {
  const std::int32_t margin = std::max(1, band.height() / 6);
  box at{x0 - margin, band.y0 - margin, x1 + margin, band.y1 + margin};
  const pix_ptr pixels = own_pixels(image, p, at, [&](const text_line &, const word &o) {
    const std::int32_t middle = (o.bbox.y0 + o.bbox.y1) / 2;
    return &o == &w || middle < band.y0 || middle > band.y1;
  });
  if (!pixels || at.area() > budget) return {};
  budget -= at.area();
  std::vector<text_line> lines = read_pixels(api, pixels.get(), at, tesseract::PSM_SINGLE_LINE);
  if (lines.size() != 1) return {};
  text_line out;
  for (word &o : lines.front().words) {
    const std::int32_t middle = (o.bbox.x0 + o.bbox.x1) / 2;
    if (middle >= x0 && middle <= x1) out.words.push_back(std::move(o));
  }
  return out;
}

// The widest stretch of [x0, x1) that no word of `l` covers, as [first,
// second); empty (first == second) when the words cover it all.
std::pair<std::int32_t, std::int32_t> widest_uncovered(const text_line &l, std::int32_t x0,
                                                       std::int32_t x1) {
  std::vector<std::pair<std::int32_t, std::int32_t>> covered;
  for (const word &o : l.words)
    if (o.bbox.x1 > x0 && o.bbox.x0 < x1) covered.emplace_back(o.bbox.x0, o.bbox.x1);
  std::sort(covered.begin(), covered.end());
  std::pair<std::int32_t, std::int32_t> best{x0, x0};
  std::int32_t from = x0;
  auto consider = [&](std::int32_t to) {
    if (to - from > best.second - best.first) best = {from, to};
  };
  for (const auto &[a, b] : covered) {
    consider(std::min(a, x1));
    from = std::max(from, b);
  }
  consider(x1);
  return best;
}

// Puts `words` in line `l` in place of its words [from, to), keeping the
// words in reading order (by left edge), and sets its text and box anew.
void replace_words(text_line &l, std::size_t from, std::size_t to, std::vector<word> words) {
  const auto first = l.words.begin() + static_cast<std::ptrdiff_t>(from);
  l.words.erase(first, l.words.begin() + static_cast<std::ptrdiff_t>(to));
  for (word &w : words) {
    const auto at = std::find_if(l.words.begin(), l.words.end(),
                                 [&](const word &o) { return o.bbox.x0 > w.bbox.x0; });
    l.words.insert(at, std::move(w));
  }
  l.text = join_words(l.words);
  l.bbox = words_box(l.words);
}

// The words of body type the engine garbled with glyphs of a neighbouring
// line (a speck joins them into one blob as tall as two lines): read again
// inside their own line's band as one line of text and, where the box
// reaches over the line above or below in its region, inside that line's
// band too (the glyphs of it the blob took, which no word of it holds).
void reread_words(tesseract::TessBaseAPI &api, Pix *image, page &p, float body,
                  std::int64_t &budget) {
  for (region &r : p.regions) {
    const auto region_at = static_cast<std::uint32_t>(&r - p.regions.data());
    bool changed = false;
    for (std::size_t li = 0; li < r.lines.size(); ++li) {
      text_line &l = r.lines[li];
      if (l.font_size >= kDisplayRow * body) continue;
      for (std::size_t k = 0; k < l.words.size(); ++k) {
        const word &w = l.words[k];
        // Only ideographs: a Latin word read again in its band lost its
        // ascenders and descenders (the synthetic pages' "know" became
        // "KTOW ~-"). A tall word of marks only is a speck, which no
        // reading improves.
        const std::size_t had = ideographs(w.text);
        if (w.confidence >= kGarbledConfidence || had == 0) continue;
        const box band = line_band(l, k);
        // Ideographs are square: a box as wide as two cells more than the
        // ideographs read swallowed glyphs. One tall ideograph is a speck
        // stretching it, and read again it came out no better.
        const std::int32_t cell = band.height();
        if (cell <= 0 || w.bbox.height() < kTallWord * cell ||
            w.bbox.width() < static_cast<std::int32_t>(had + 2) * cell)
          continue;
        check_deadline("OCR");
        const double enough = static_cast<double>(w.confidence) + kBetterBy;
        text_line again = read_in_band(api, image, p, w, w.bbox.x0, w.bbox.x1, band, budget);
        // Fewer ideographs than the first reading found is no better
        // reading: the glyphs that made the word tall were read as marks or
        // Latin letters.
        if (again.words.empty() || mean_confidence(again) < enough || ideographs(again) < had)
          continue;
        // The neighbours' glyphs the blob took, read before any line changes
        // (li - 1 wraps past the end for the first line).
        std::vector<std::pair<std::size_t, text_line>> taken;
        for (const std::size_t ni : {li - 1, li + 1}) {
          if (ni >= r.lines.size() || r.lines[ni].font_size >= kDisplayRow * body) continue;
          const box other = line_band(r.lines[ni], r.lines[ni].words.size());
          const std::int32_t overlap =
              std::min(w.bbox.y1, other.y1) - std::max(w.bbox.y0, other.y0);
          if (other.height() <= 0 || 2 * overlap < other.height()) continue;
          // Only where none of its own words stands: the engine's boxes
          // leave strokes of their glyphs outside, which read as more.
          const auto [x0, x1] = widest_uncovered(r.lines[ni], w.bbox.x0, w.bbox.x1);
          if (2 * (x1 - x0) < other.height()) continue;
          text_line found = read_in_band(api, image, p, w, x0, x1, other, budget);
          if (mean_confidence(found) >= enough && ideographs(found) > 0)
            taken.emplace_back(ni, std::move(found));
        }
        const std::string old_text = w.text;
        const float old_confidence = w.confidence;
        const std::size_t n = again.words.size();
        reread_line note{region_at, l.id, old_text, l.text, old_confidence,
                         static_cast<float>(mean_confidence(again)), {}};
        replace_words(l, k, k + 1, std::move(again.words));
        note.after = l.text;
        p.rereads.push_back(std::move(note));
        for (auto &[ni, found] : taken) {
          text_line &o = r.lines[ni];
          reread_line more{region_at, o.id, old_text, o.text, old_confidence,
                           static_cast<float>(mean_confidence(found)), {}};
          replace_words(o, 0, 0, std::move(found.words));
          more.after = o.text;
          p.rereads.push_back(std::move(more));
        }
        k += n - 1;
        changed = true;
      }
    }
    if (changed) r.bbox = lines_box(r);
  }
}

}  // namespace

void reread_garbled(tesseract::TessBaseAPI &api, Pix *image, page &p) {
  const float body = median_row(p);
  if (body <= 0) return;
  // What is read again stays under one page's area: however many garbled
  // lines a hostile image holds, the second readings take no longer than
  // the first one did.
  std::int64_t budget = std::int64_t{p.width} * p.height;
  reread_lines(api, image, p, body, budget);
  reread_words(api, image, p, body, budget);
}

}  // namespace colreflow::detail
