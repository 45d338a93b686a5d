// The image reader: Tesseract run through its C++ API on a synthetic
// newspaper page (tests/data/images, see SOURCE.md there) and on images
// made here with Leptonica.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <leptonica/allheaders.h>

#include "colreflow/colreflow.hpp"
#include "read/hocr_reader.hpp"
#include "read/alto_reader.hpp"
#include "read/image_reader.hpp"
#include "read/tsv_reader.hpp"
#include "read/xml_input.hpp"
#include "support/source_files.hpp"

namespace {

using colreflow::status;
using namespace colreflow::detail;

std::string slurp(const std::string &name) {
  return colreflow::test::source_file("tests/data/images/" + name);
}

// The test page is 1240 px wide, A4 at 150 dpi (the file says 300).
image_options page_options() {
  image_options o;
  o.dpi = 150;
  return o;
}

struct timed_page {
  page p;
  double seconds = 0;
};

// Read once: OCR takes seconds.
const timed_page &test_run() {
  static const timed_page run = [] {
    const std::string bytes = slurp("en_gpl3.png");
    const auto start = std::chrono::steady_clock::now();
    timed_page t{read_image(bytes, "en_gpl3.png", page_options()), 0};
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return t;
  }();
  return run;
}

const page &test_page() { return test_run().p; }

colreflow::error read_error(const std::string &bytes, const image_options &opts,
                            const std::string &name = "scan.png") {
  try {
    read_image(bytes, name, opts);
  } catch (const colreflow::error &e) {
    return e;
  }
  FAIL("no error");
  return colreflow::error(status::ok, "");
}

// A white w x h image, 8 bpp, as PNG.
std::string blank_png(int w, int h) {
  Pix *pix = pixCreate(w, h, 8);
  REQUIRE(pix);
  pixSetAllArbitrary(pix, 255);
  l_uint8 *data = nullptr;
  size_t size = 0;
  const bool ok = pixWriteMem(&data, &size, pix, IFF_PNG) == 0;
  pixDestroy(&pix);
  REQUIRE(ok);
  std::string out(reinterpret_cast<const char *>(data), size);
  lept_free(data);
  return out;
}

// Every region, line and word of `b` as in `a`: text, ids, boxes, confidences.
void check_same_page(const page &a, const page &b) {
  REQUIRE(a.regions.size() == b.regions.size());
  CHECK(a.separators.size() == b.separators.size());
  for (std::size_t i = 0; i < a.regions.size(); ++i) {
    const region &ra = a.regions[i], &rb = b.regions[i];
    CHECK(ra.id == rb.id);
    CHECK(ra.bbox.x0 == rb.bbox.x0);
    CHECK(ra.bbox.y1 == rb.bbox.y1);
    REQUIRE(ra.lines.size() == rb.lines.size());
    for (std::size_t k = 0; k < ra.lines.size(); ++k) {
      const text_line &la = ra.lines[k], &lb = rb.lines[k];
      CHECK(la.text == lb.text);
      CHECK(la.id == lb.id);
      CHECK(la.bbox.x0 == lb.bbox.x0);
      CHECK(la.bbox.y1 == lb.bbox.y1);
      REQUIRE(la.words.size() == lb.words.size());
      for (std::size_t w = 0; w < la.words.size(); ++w)
        CHECK(la.words[w].confidence == lb.words[w].confidence);
    }
  }
}

bool inside(const box &b, const page &p) {
  return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= p.width && b.y1 <= p.height && !b.empty();
}

}  // namespace

TEST_CASE("image: the synthetic three-column page") {
  const page &p = test_page();
  const double seconds = test_run().seconds;
  MESSAGE("OCR of en_gpl3.png: " << seconds << " s");
  // Tests do not time things: the figure is for reading (tests/bench and
  // docs/threading.md hold the measurements, OMP_THREAD_LIMIT among them).
  CHECK(p.format == source_format::image);
  CHECK(p.source_name == "en_gpl3.png");
  CHECK(p.width == 1240);
  CHECK(p.height == 1127);

  std::size_t lines = 0, words = 0;
  for (const region &r : p.regions)
    for (const text_line &l : r.lines) {
      ++lines;
      words += l.words.size();
    }
  MESSAGE("regions " << p.regions.size() << ", lines " << lines << ", words " << words
                     << ", separators " << p.separators.size());
  // Tesseract 5.3.0 with Debian's eng.traineddata, as en_gpl3.hocr: two
  // heading blocks, one block in column 1, two in column 2 (cut at the
  // subheading), one in column 3, and the two column rules.
  CHECK(p.regions.size() == 6);
  CHECK(lines == 97);
  CHECK(words == 603);
  CHECK(p.separators.size() == 2);
  for (const separator &s : p.separators) {
    CHECK(inside(s.bbox, p));
    CHECK(s.bbox.height() > 20 * s.bbox.width());  // vertical rules
  }

  REQUIRE(!p.regions.empty());
  const region &first = p.regions.front();
  CHECK(first.id == "block_1_1");
  CHECK(first.hint == region_hint::heading);
  std::string head;
  for (const text_line &l : first.lines) head += l.text + "\n";
  CHECK(head.find("Free Software Foundation Releases") != std::string::npos);
  CHECK(head.find("Third Version of Its Copyleft License") != std::string::npos);
  CHECK(first.lines.front().id == "line_1_1");

  for (const region &r : p.regions) {
    CHECK(inside(r.bbox, p));
    CHECK(r.source_line == 0);
    CHECK(!r.lines.empty());
    for (const text_line &l : r.lines) {
      CHECK(inside(l.bbox, p));
      CHECK(l.font_size > 0);
      CHECK(!l.text.empty());
      CHECK(l.text.find("  ") == std::string::npos);
      for (const word &w : l.words) {
        CHECK(inside(w.bbox, p));
        CHECK(w.confidence >= 0);
        CHECK(w.confidence <= 100);
      }
    }
  }
  // The headline's lines are larger than the body's.
  CHECK(first.lines.front().font_size > 1.5f * p.regions.back().lines.front().font_size);
}

TEST_CASE("image: the same page as Tesseract's hOCR of the image") {
  // en_gpl3.hocr is `tesseract en_gpl3.png en_gpl3 --dpi 150 -l eng hocr`.
  const page &a = test_page();
  const page h = read_hocr(slurp("en_gpl3.hocr"), "en_gpl3.hocr", xml_limits{});
  REQUIRE(a.regions.size() == h.regions.size());
  CHECK(a.width == h.width);
  CHECK(a.height == h.height);
  REQUIRE(a.separators.size() == h.separators.size());
  for (std::size_t i = 0; i < a.separators.size(); ++i) {
    CHECK(a.separators[i].bbox.x0 == h.separators[i].bbox.x0);
    CHECK(a.separators[i].bbox.y1 == h.separators[i].bbox.y1);
  }
  for (std::size_t i = 0; i < a.regions.size(); ++i) {
    const region &ra = a.regions[i], &rh = h.regions[i];
    CHECK(ra.id == rh.id);
    CHECK(ra.hint == rh.hint);
    CHECK(ra.bbox.x0 == rh.bbox.x0);
    CHECK(ra.bbox.y0 == rh.bbox.y0);
    CHECK(ra.bbox.x1 == rh.bbox.x1);
    CHECK(ra.bbox.y1 == rh.bbox.y1);
    REQUIRE(ra.lines.size() == rh.lines.size());
    for (std::size_t k = 0; k < ra.lines.size(); ++k) {
      const text_line &la = ra.lines[k], &lh = rh.lines[k];
      CHECK(la.id == lh.id);
      CHECK(la.text == lh.text);
      CHECK(la.bbox.x0 == lh.bbox.x0);
      CHECK(la.bbox.y1 == lh.bbox.y1);
      CHECK(std::fabs(la.font_size - lh.font_size) < 0.01f);
      REQUIRE(la.words.size() == lh.words.size());
      for (std::size_t w = 0; w < la.words.size(); ++w) {
        CHECK(la.words[w].bbox.x1 == lh.words[w].bbox.x1);
        // hOCR's x_wconf is the confidence cut to an integer.
        CHECK(std::floor(la.words[w].confidence) == lh.words[w].confidence);
      }
    }
  }
}

TEST_CASE("image: the page repaired from the image reads as from Tesseract's hOCR of it") {
  // The engine's rows are the hOCR's lines, their heights its x_size: both
  // routes read one page, so they give one text.
  colreflow::options opts;
  opts.languages = "eng";
  opts.dpi = 150;
  const auto from_image =
      colreflow::document::from_bytes(slurp("en_gpl3.png"), colreflow::input_format::image, opts);
  const auto from_hocr =
      colreflow::document::from_bytes(slurp("en_gpl3.hocr"), colreflow::input_format::hocr, opts);
  CHECK(from_image.render(colreflow::format::txt) == from_hocr.render(colreflow::format::txt));
}

TEST_CASE("image: the same input gives the same page") {
  check_same_page(test_page(),
                  read_image(slurp("en_gpl3.png"), "en_gpl3.png", page_options()));
}

TEST_CASE("image: a page reads the same after other pages on the thread's engine") {
  // The thread keeps its Tesseract between pages; what it adapted to on
  // one page must not change the next. Another page (a Chinese scan read
  // as English: much for the adaptive classifier to learn), then ours.
  const std::string other = colreflow::test::source_file("samples/old-street-renewal.png");
  (void)read_image(other, "old-street-renewal.png", page_options());
  check_same_page(test_page(),
                  read_image(slurp("en_gpl3.png"), "en_gpl3.png", page_options()));
  // A fresh thread starts its own engine and reads the same.
  page fresh;
  std::thread t([&] { fresh = read_image(slurp("en_gpl3.png"), "en_gpl3.png", page_options()); });
  t.join();
  check_same_page(test_page(), fresh);
}

TEST_CASE("image: Tesseract's own hOCR, ALTO and TSV of the page, when asked for") {
  image_options o = page_options();
  o.engine_outputs = {source_format::hocr, source_format::alto, source_format::tsv};
  const page p = read_image(slurp("en_gpl3.png"), "a&b.png", o);
  REQUIRE(p.engine_outputs.size() == 3);
  CHECK(p.engine_outputs[0].first == source_format::hocr);
  CHECK(p.engine_outputs[1].first == source_format::alto);
  CHECK(p.engine_outputs[2].first == source_format::tsv);
  // Whole files our readers take, with the page's lines in the same order
  // (Tesseract's ALTO has a TextBlock per paragraph, so regions differ).
  auto lines_of = [](const page &q) {
    std::vector<std::string> out;
    for (const region &r : q.regions)
      for (const text_line &l : r.lines) out.push_back(l.text);
    return out;
  };
  const std::vector<std::string> want = lines_of(p);
  CHECK(want.size() > 50);
  CHECK(lines_of(read_hocr(p.engine_outputs[0].second, "x.hocr", xml_limits{})) == want);
  CHECK(lines_of(read_alto(p.engine_outputs[1].second, "x.xml", xml_limits{})) == want);
  CHECK(lines_of(read_tsv(p.engine_outputs[2].second, "x.tsv", 1u << 26)) == want);
  CHECK(read_hocr(p.engine_outputs[0].second, "x.hocr", xml_limits{}).regions.size() ==
        p.regions.size());
  CHECK(p.engine_outputs[0].second.find("<title>a&amp;b.png</title>") != std::string::npos);
  // Not asked for, none kept.
  CHECK(test_page().engine_outputs.empty());
}

TEST_CASE("image: bytes that are no image") {
  static const char kBadPng[] = "\x89PNG\r\n\x1a\n garbage after the signature";
  for (const std::string &bytes :
       {std::string(), std::string("hello"), std::string("<html>not an image at all</html>"),
        std::string(kBadPng, sizeof kBadPng - 1)}) {
    const colreflow::error e = read_error(bytes, image_options{}, "junk.png");
    CHECK(e.code() == status::invalid);
    CHECK(std::string(e.what()).find("junk.png: not an image Leptonica can read") == 0);
  }
}

TEST_CASE("image: a 1x1 white image has no regions") {
  const page p = read_image(blank_png(1, 1), "dot.png", image_options{});
  CHECK(p.width == 1);
  CHECK(p.height == 1);
  CHECK(p.regions.empty());
}

TEST_CASE("image: pixel limit") {
  image_options o;
  o.max_pixels = 100 * 99;
  const colreflow::error e = read_error(blank_png(100, 100), o, "big.png");
  CHECK(e.code() == status::limit);
  const std::string what = e.what();
  CHECK(what.find("big.png") == 0);
  CHECK(what.find("100x100 = 10000 pixels") != std::string::npos);
  CHECK(what.find("9900") != std::string::npos);

  // The limit is read from the header: the test page's pixels are never decoded.
  o.max_pixels = 1000 * 1000;
  CHECK(read_error(slurp("en_gpl3.png"), o).code() == status::limit);
}

TEST_CASE("image: unknown languages") {
  image_options o;
  o.languages = "xx_nonexistent";
  colreflow::error e = read_error(blank_png(20, 20), o);
  CHECK(e.code() == status::invalid);
  std::string what = e.what();
  CHECK(what.find("xx_nonexistent") != std::string::npos);
  CHECK(what.find("eng") != std::string::npos);

  // Tesseract loads eng and carries on without the other; we refuse.
  o.languages = "eng+xx_nonexistent";
  e = read_error(blank_png(20, 20), o);
  CHECK(e.code() == status::invalid);
  what = e.what();
  CHECK(what.find("cannot load language xx_nonexistent (asked for \"eng+xx_nonexistent\")") !=
        std::string::npos);

  const std::vector<std::string> langs = installed_languages("");
  CHECK(std::find(langs.begin(), langs.end(), "eng") != langs.end());
  CHECK(std::find(langs.begin(), langs.end(), "osd") == langs.end());
}

TEST_CASE("image: options out of range") {
  image_options o;
  o.psm = 2;  // layout only, no text
  CHECK(read_error(blank_png(20, 20), o).code() == status::usage);
  o.psm = 14;
  CHECK(read_error(blank_png(20, 20), o).code() == status::usage);
  o = image_options{};
  o.dpi = 30;
  CHECK(read_error(blank_png(20, 20), o).code() == status::usage);
}

TEST_CASE("image: the page's time limit reaches into the OCR") {
  // Tesseract takes its own deadline from options::max_millis; a limit far
  // below the page's OCR time stops the page with the limit error.
  colreflow::options o;
  o.languages = "eng";
  o.dpi = 150;
  o.max_millis = 1;
  try {
    (void)colreflow::document::from_bytes(slurp("en_gpl3.png"), colreflow::input_format::image, o);
    FAIL("no error");
  } catch (const colreflow::error &e) {
    CHECK(e.code() == status::limit);
    CHECK(std::string(e.what()).find("during OCR") != std::string::npos);
  }
}
