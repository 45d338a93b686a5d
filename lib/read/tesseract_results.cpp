#include "read/tesseract_results.hpp"

#include <algorithm>  // max
#include <cmath>    // isfinite
#include <cstdint>  // int32_t
#include <memory>   // unique_ptr
#include <string>
#include <utility>  // move

#include <fmt/format.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>  // ETEXT_DESC
#include <tesseract/publictypes.h>
#include <tesseract/resultiterator.h>

#include "model/deadline.hpp"
#include "read/hocr_reader.hpp"  // join_words
#include "text/chars.hpp"        // invalid_utf8_at, trim_end

namespace colreflow::detail {
namespace {

// Strings Tesseract returns with new[].
struct text_deleter {
  void operator()(char *s) const { delete[] s; }
};
using text_ptr = std::unique_ptr<char, text_deleter>;

box box_at(const tesseract::ResultIterator &it, tesseract::PageIteratorLevel level) {
  int left = 0, top = 0, right = 0, bottom = 0;
  if (!it.BoundingBox(level, &left, &top, &right, &bottom)) return {};
  return {left, top, right, bottom};
}

bool is_text_block(tesseract::PolyBlockType t) {
  // PT_UNKNOWN is what the single-block modes (psm 6 and up) give.
  return !PTIsLineType(t) && !PTIsImageType(t) && t != tesseract::PT_NOISE;
}

region_hint hint_of(tesseract::PolyBlockType t) {
  // As the hOCR reader: Tesseract writes ocr_header lines for heading
  // blocks and ocr_caption lines for caption blocks.
  switch (t) {
    case tesseract::PT_HEADING_TEXT: return region_hint::heading;
    case tesseract::PT_CAPTION_TEXT: return region_hint::caption;
    default: return region_hint::none;
  }
}

void add_separator(const tesseract::ResultIterator &it, page &p) {
  if (!PTIsLineType(it.BlockType())) return;
  const box b = box_at(it, tesseract::RIL_BLOCK);
  if (!b.empty()) p.separators.push_back({b});
}

// Walk the results word by word, as Tesseract's hOCR renderer does, so that
// block and line numbers match its ids: Tesseract 5.3 gives images and
// rules one blank word and numbers them as blocks (ocr_photo,
// ocr_separator) without a line.
}  // namespace

void read_results(tesseract::ResultIterator &it, page &p) {
  int block_no = 0, line_no = 0;
  region r;
  text_line l;
  while (!it.Empty(tesseract::RIL_BLOCK)) {
    if (it.Empty(tesseract::RIL_WORD)) {
      // A block without even a blank word; hOCR gives it no number.
      if (it.IsAtBeginningOf(tesseract::RIL_BLOCK)) add_separator(it, p);
      it.Next(tesseract::RIL_WORD);
      continue;
    }
    if (it.IsAtBeginningOf(tesseract::RIL_BLOCK)) {
      ++block_no;
      const tesseract::PolyBlockType type = it.BlockType();
      if (!is_text_block(type)) {
        add_separator(it, p);
        it.Next(tesseract::RIL_BLOCK);
        continue;
      }
      r = region{};
      r.id = fmt::format("block_1_{}", block_no);
      r.bbox = box_at(it, tesseract::RIL_BLOCK);
      r.hint = hint_of(type);
    }
    if (it.IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      ++line_no;
      l = text_line{};
      l.id = fmt::format("line_1_{}", line_no);
      l.bbox = box_at(it, tesseract::RIL_TEXTLINE);
      // hOCR's x_size, in pixels. WordFontAttributes' point size is a
      // measure of the same row rounded to whole points through the
      // resolution, which may be a guess.
      float row_height = 0, descenders = 0, ascenders = 0;
      it.RowAttributes(&row_height, &descenders, &ascenders);
      l.font_size = std::isfinite(row_height) && row_height > 0
                        ? row_height
                        : static_cast<float>(l.bbox.height());
    }
    const text_ptr text(it.GetUTF8Text(tesseract::RIL_WORD));
    if (text) {
      std::string s(text.get());
      if (trim_end(s, s.size()) > 0 && invalid_utf8_at(s) == std::string::npos)
        l.words.push_back({std::move(s), box_at(it, tesseract::RIL_WORD),
                           it.Confidence(tesseract::RIL_WORD), {}});
    }
    const bool line_ends = it.IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD);
    const bool block_ends = it.IsAtFinalElement(tesseract::RIL_BLOCK, tesseract::RIL_WORD);
    it.Next(tesseract::RIL_WORD);
    const bool page_ends = it.Empty(tesseract::RIL_BLOCK);
    if ((line_ends || block_ends || page_ends) && !l.words.empty()) {
      l.text = join_words(l.words);
      r.lines.push_back(std::move(l));
      l = text_line{};
    }
    if ((block_ends || page_ends) && !r.lines.empty()) {
      p.regions.push_back(std::move(r));
      r = region{};
    }
  }
}

bool recognise_in_time(tesseract::TessBaseAPI &api) {
  check_deadline("OCR");
  tesseract::ETEXT_DESC monitor;
  const long long left = deadline_left_millis();
  if (left >= 0) monitor.set_deadline_msecs(static_cast<std::int32_t>(std::max(1LL, left)));
  const bool recognised = api.Recognize(left >= 0 ? &monitor : nullptr) == 0;
  check_deadline("OCR");  // a recognition cut short by the deadline fails
  return recognised;
}

}  // namespace colreflow::detail
