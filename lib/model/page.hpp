// The geometry model: a page of regions with boxes, as hOCR, ALTO, PAGE XML
// and Tesseract TSV describe it. Readers fill it, the layout stage orders
// it, writers put the order back into the input's own format.
#pragma once

#include <algorithm>  // min, max
#include <cstddef>    // size_t
#include <cstdint>    // int32_t, uint8_t, uint32_t
#include <memory>     // shared_ptr
#include <string>
#include <utility>  // pair
#include <vector>

namespace pugi {
class xml_document;
}

namespace colreflow::detail {

// An axis-aligned box in the page's own units (pixels, or ALTO's
// MeasurementUnit); x grows rightwards, y downwards; x1/y1 exclusive.
struct box {
  std::int32_t x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  bool empty() const { return x1 <= x0 || y1 <= y0; }
  std::int32_t width() const { return x1 - x0; }
  std::int32_t height() const { return y1 - y0; }
  std::int64_t area() const { return empty() ? 0 : std::int64_t{width()} * height(); }
  box united(const box &o) const {
    if (empty()) return o;
    if (o.empty()) return *this;
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
  }
};

enum class source_format : std::uint8_t { text, hocr, alto, page_xml, tsv, image };

// What the input says a region is, where it says anything. The layout stage
// decides roles itself; this is one of its cues. Values appear in JSON.
enum class region_hint : std::uint8_t {
  none,
  paragraph,
  heading,
  caption,
  header,       // running head
  footer,
  page_number,
  marginalia,
  table,
  other,
};

const char *region_hint_name(region_hint h);

struct word {
  std::string text;
  box bbox;
  float confidence = -1;  // 0..100; -1: not given
  // ALTO SUBS_CONTENT of a HypPart1/HypPart2 pair: the whole word, on both parts.
  std::string whole_word;
};

struct text_line {
  std::string id;    // source id, "" if none
  std::string text;  // words joined as the source joins them
  box bbox;
  float font_size = 0;  // in page units (hOCR x_size, ALTO STYLEREFS size); 0: unknown
  std::uint32_t source_line = 0;  // line in the input file where it starts (1-based)
  std::vector<word> words;
  bool hyphen_end = false;  // the source marks a hyphen at the line end (ALTO HYP)
};

struct region {
  std::string id;  // source id, "" if none
  box bbox;        // from the source, or the union of its lines
  region_hint hint = region_hint::none;
  std::vector<text_line> lines;
  std::uint32_t source_line = 0;  // line in the input file where it starts (1-based)
  // A cell of a table: which table of the page (0-based) and which column,
  // where the input says so; -1 otherwise.
  std::int32_t table = -1;
  std::int32_t table_column = -1;
  // Not in the input: the words of region `split_from` on one side of a
  // gutter that the engine ran a line across (layout/gutter_split.hpp).
  // Such regions follow the input's own; writers of the input's format
  // write their words in the input's region. -1 for the input's regions.
  std::int32_t split_from = -1;
};

// A line an image's engine read a second time, alone, or a word of it read
// again inside the line's band (read/reread.hpp): which one, what the first
// reading said and how sure each was. The second reading's lines (words)
// stand in the region (line) in its place.
struct reread_line {
  std::uint32_t region = 0;  // index in page::regions
  std::string line_id;       // the first reading's
  std::string word;          // the word read again; "" when the whole line was
  std::string before;        // the first reading's text
  float before_confidence = 0, after_confidence = 0;  // mean, by bytes
  std::string after;  // the new lines' text, joined by " / " (a word: its line's)
};

// The union of a line's word boxes.
inline box words_box(const std::vector<word> &words) {
  box out;
  for (const word &w : words) out = out.united(w.bbox);
  return out;
}

// The union of a region's line boxes.
inline box lines_box(const region &r) {
  box out;
  for (const text_line &l : r.lines) out = out.united(l.bbox);
  return out;
}

// A printed rule or other separator: it cuts columns and bands.
struct separator {
  box bbox;
};

// One page. `regions` are in the order the file gives them. `xml` keeps the
// parsed input so that writers can put it back with only the order changed;
// it is shared and never modified after reading (writers copy it).
struct page {
  std::string source_name;
  source_format format = source_format::text;
  std::string format_version;  // "2013-07-15", "4.2", ... as the file declares
  std::int32_t width = 0, height = 0;  // 0: not given
  std::vector<region> regions;
  std::vector<separator> separators;
  std::shared_ptr<const pugi::xml_document> xml;
  // Tesseract TSV: the input rows, kept verbatim for writing back.
  std::vector<std::string> tsv_rows;
  // Images: what Tesseract itself wrote of the page, when asked for
  // (image_options::engine_outputs): hocr, alto or tsv, and the bytes.
  std::vector<std::pair<source_format, std::string>> engine_outputs;
  // Images: lines read a second time, in page order.
  std::vector<reread_line> rereads;
};

// The reading order found for a page: each article's regions, as indices
// into page::regions, in reading order. Every region appears exactly once.
struct page_order {
  std::vector<std::vector<std::uint32_t>> articles;

  // All regions in reading order, article after article.
  std::vector<std::uint32_t> flattened() const {
    std::vector<std::uint32_t> out;
    for (const auto &article : articles) out.insert(out.end(), article.begin(), article.end());
    return out;
  }
};

}  // namespace colreflow::detail
