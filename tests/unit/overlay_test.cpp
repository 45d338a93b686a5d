// Overlay writer: region outlines in role colours over the page image.
#include <doctest/doctest.h>

#include <algorithm>  // max
#include <cstdint>    // int32_t, uint32_t
#include <memory>  // unique_ptr
#include <string>

#include <leptonica/allheaders.h>

#include "colreflow/colreflow.hpp"
#include "model/document.hpp"
#include "write/overlay_writer.hpp"
#include "support/source_files.hpp"

namespace {

using namespace colreflow::detail;

std::string slurp(const std::string &rel) { return colreflow::test::source_file(rel); }

struct pix_deleter {
  void operator()(PIX *p) const { pixDestroy(&p); }
};
using pix_ptr = std::unique_ptr<PIX, pix_deleter>;

pix_ptr decode(const std::string &png) {
  return pix_ptr(pixReadMem(reinterpret_cast<const l_uint8 *>(png.data()), png.size()));
}

colreflow::options english() {
  colreflow::options o;
  o.languages = "eng";
  return o;
}

// The OCR'd test page, read once for all cases.
const colreflow::document &ocr_page() {
  static const colreflow::document doc = colreflow::document::from_bytes(
      slurp("tests/data/images/en_gpl3.png"), colreflow::input_format::auto_detect, english());
  return doc;
}

role role_of_region(const document &doc, std::uint32_t region) {
  for (const region_span &s : doc.region_lines) {
    if (s.region != region || s.first_line > s.last_line) continue;
    for (const block &b : doc.blocks)
      for (const line &l : b.lines)
        if (l.source_line == s.first_line) return b.kind;
  }
  return role::unknown;
}

colreflow::status status_of(const document &doc, const std::string &image) {
  try {
    write_overlay_png(doc, image);
  } catch (const colreflow::error &e) {
    return e.code();
  }
  return colreflow::status::ok;
}

}  // namespace

TEST_CASE("overlay: the OCR'd page keeps its size and outlines the headline in red") {
  const std::string image = slurp("tests/data/images/en_gpl3.png");
  const document &doc = ocr_page().impl();
  REQUIRE(doc.geometry);
  REQUIRE_FALSE(doc.region_order.articles.empty());
  REQUIRE_FALSE(doc.region_order.articles.front().empty());

  const pix_ptr in = decode(image);
  const pix_ptr out = decode(write_overlay_png(doc, image));
  REQUIRE(in);
  REQUIRE(out);
  CHECK(pixGetWidth(out.get()) == pixGetWidth(in.get()));
  CHECK(pixGetHeight(out.get()) == pixGetHeight(in.get()));
  CHECK(pixGetDepth(out.get()) == 32);

  // The first region in reading order is the page's headline; the top edge
  // of its outline, right of the number and left of any arrow, is red.
  const std::uint32_t first = doc.region_order.articles.front().front();
  CHECK(role_of_region(doc, first) == role::headline);
  const box &b = doc.geometry->regions.at(first).bbox;
  REQUIRE_FALSE(b.empty());
  const int x = b.x0 + b.width() * 3 / 4;
  l_int32 r = 0, g = 0, bl = 0;
  REQUIRE(pixGetRGBPixel(out.get(), x, b.y0, &r, &g, &bl) == 0);
  CHECK(r > 180);
  CHECK(g < 60);
  CHECK(bl < 60);
}

TEST_CASE("overlay: the number sits on white inside the first region's corner") {
  const std::string image = slurp("tests/data/images/en_gpl3.png");
  const document &doc = ocr_page().impl();
  const std::uint32_t first = doc.region_order.articles.front().front();
  const box &b = doc.geometry->regions.at(first).bbox;
  const pix_ptr out = decode(write_overlay_png(doc, image));
  REQUIRE(out);
  // Some white pixels and some red ones (the digit "1") just inside the corner.
  int white = 0, red = 0;
  const int line_w = std::max(2, pixGetWidth(out.get()) / 500);
  for (int y = b.y0 + line_w; y < b.y0 + line_w + 14; ++y)
    for (int x = b.x0 + line_w; x < b.x0 + line_w + 10; ++x) {
      l_int32 r = 0, g = 0, bl = 0;
      pixGetRGBPixel(out.get(), x, y, &r, &g, &bl);
      if (r == 255 && g == 255 && bl == 255) ++white;
      if (r > 180 && g < 60 && bl < 60) ++red;
    }
  CHECK(white > 0);
  CHECK(red > 0);
}

TEST_CASE("overlay: boxes of a PAGE file are scaled to a smaller image") {
  const colreflow::document doc = colreflow::document::from_bytes(
      slurp("tests/data/page/ulb/1667522809_J_0073_0512.gt.xml"));
  REQUIRE(doc.impl().geometry);
  CHECK(doc.impl().geometry->width == 6619);
  CHECK(doc.impl().geometry->height == 9976);

  pix_ptr blank(pixCreate(662, 998, 32));
  REQUIRE(blank);
  pixSetAll(blank.get());  // white
  l_uint8 *raw = nullptr;
  size_t size = 0;
  REQUIRE(pixWriteMem(&raw, &size, blank.get(), IFF_PNG) == 0);
  const std::string image(reinterpret_cast<const char *>(raw), size);
  lept_free(raw);

  const pix_ptr out = decode(write_overlay_png(doc.impl(), image));
  REQUIRE(out);
  CHECK(pixGetWidth(out.get()) == 662);
  CHECK(pixGetHeight(out.get()) == 998);
  CHECK(pixGetDepth(out.get()) == 32);

  // Every region with a box has its scaled top-left corner drawn over.
  int drawn = 0, boxes = 0;
  for (const region &r : doc.impl().geometry->regions) {
    if (r.bbox.empty()) continue;
    ++boxes;
    const int x = static_cast<int>(r.bbox.x0 * 662.0 / 6619 + 0.5);
    const int y = static_cast<int>(r.bbox.y0 * 998.0 / 9976 + 0.5);
    l_int32 red = 0, g = 0, bl = 0;
    if (x < 662 && y < 998 && pixGetRGBPixel(out.get(), x, y, &red, &g, &bl) == 0 &&
        !(red == 255 && g == 255 && bl == 255))
      ++drawn;
  }
  REQUIRE(boxes > 0);
  CHECK(drawn == boxes);
}

TEST_CASE("overlay: bytes that are no image are invalid") {
  const document &doc = ocr_page().impl();
  CHECK(status_of(doc, "") == colreflow::status::invalid);
  CHECK(status_of(doc, "this is not an image at all, just text") == colreflow::status::invalid);
  // A PNG signature followed by garbage.
  CHECK(status_of(doc, std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, 'x')) ==
        colreflow::status::invalid);
  try {
    write_overlay_png(doc, "garbage bytes, not a picture");
  } catch (const colreflow::error &e) {
    CHECK(std::string(e.what()).find(": ") != std::string::npos);
  }
}

TEST_CASE("overlay: a plain text document has nothing to draw on") {
  const colreflow::document doc = colreflow::document::from_text("one line\nanother line\n");
  CHECK_FALSE(doc.impl().geometry);
  CHECK(status_of(doc.impl(), slurp("tests/data/images/en_gpl3.png")) == colreflow::status::usage);
}
