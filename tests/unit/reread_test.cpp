// The second reading of garbled display lines and words (read/reread.hpp),
// on the synthetic page of tests/data/images: its headline lines and body
// words are made garbled in the model, as Tesseract garbles them on a noisy
// scan, and read again from the image.
#include <doctest/doctest.h>

#include <cstddef>  // ptrdiff_t, size_t
#include <memory>
#include <string>
#include <utility>  // pair

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include "read/hocr_reader.hpp"  // join_words
#include "read/image_reader.hpp"
#include "read/reread.hpp"
#include "support/source_files.hpp"

namespace {

using namespace colreflow::detail;

struct engine {
  tesseract::TessBaseAPI api;
  Pix *image = nullptr;
  page read;  // the page as the image reader reads it

  engine() {
    const std::string bytes = colreflow::test::source_file("tests/data/images/en_gpl3.png");
    image_options o;
    o.dpi = 150;  // see SOURCE.md
    read = read_image(bytes, "en_gpl3.png", o);
    image = pixReadMem(reinterpret_cast<const l_uint8 *>(bytes.data()), bytes.size());
    REQUIRE(image != nullptr);
    REQUIRE(api.Init(nullptr, "eng") == 0);
    api.SetVariable("user_defined_dpi", "150");
  }
  ~engine() {
    api.End();
    pixDestroy(&image);
  }
};

engine &shared_engine() {
  static engine e;  // OCR takes seconds
  return e;
}

// The page with line `line_id` read as one Latin word at confidence 0 over
// `over` (its own box if empty), as a headline taken for one blob.
page garbled(const page &p, const std::string &line_id, box over = {}) {
  page out = p;
  for (region &r : out.regions)
    for (text_line &l : r.lines)
      if (l.id == line_id) {
        if (over.empty()) over = l.bbox;
        l.bbox = over;
        l.words = {word{"ae", over, 0, {}}};
        l.text = "ae";
      }
  return out;
}

// The line `id` or a line read in its place ("line_1_2_2", ...).
bool from_line(const text_line &l, const std::string &id) {
  return l.id == id || l.id.rfind(id + "_", 0) == 0;
}

const text_line *find_line(const page &p, const std::string &id) {
  for (const region &r : p.regions)
    for (const text_line &l : r.lines)
      if (l.id == id) return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("reread: a garbled headline line is read again from its pixels") {
  engine &e = shared_engine();
  const text_line *headline = find_line(e.read, "line_1_2");
  REQUIRE(headline != nullptr);
  REQUIRE(headline->text == "Third Version of Its Copyleft License");

  page p = garbled(e.read, "line_1_2");
  reread_garbled(e.api, e.image, p);
  const text_line *again = find_line(p, "line_1_2");
  REQUIRE(again != nullptr);
  CHECK(again->text == "Third Version of Its Copyleft License");
  CHECK(again->words.size() == 6);
  for (const word &w : again->words) CHECK(w.confidence >= 60);
  // In page coordinates, where the headline stands.
  CHECK(again->bbox.x0 >= headline->bbox.x0 - 10);
  CHECK(again->bbox.y0 >= headline->bbox.y0 - 10);
  CHECK(again->bbox.y1 <= headline->bbox.y1 + 10);
  // Lines read with confidence are left as they are.
  CHECK(find_line(p, "line_1_1")->text == "Free Software Foundation Releases");
}

TEST_CASE("reread: what other lines hold inside a garbled box is not read twice") {
  engine &e = shared_engine();
  const text_line *above = find_line(e.read, "line_1_1");
  const text_line *headline = find_line(e.read, "line_1_2");
  REQUIRE(above != nullptr);
  REQUIRE(headline != nullptr);
  // The engine's box of the garbled line reaches over the line above, as
  // the box of a garbled Chinese headline reaches over its kicker.
  page p = garbled(e.read, "line_1_2", headline->bbox.united(above->bbox));
  reread_garbled(e.api, e.image, p);
  std::string read_again;
  for (const region &r : p.regions)
    for (const text_line &l : r.lines)
      if (from_line(l, "line_1_2")) read_again += l.text + "|";
  CHECK(read_again == "Third Version of Its Copyleft License|");
  // The region's box is its lines' again, not the garbled one.
  for (const region &r : p.regions)
    if (!r.lines.empty() && from_line(r.lines.back(), "line_1_2"))
      CHECK(r.bbox.y0 <= above->bbox.y0);  // line_1_1 is in the same block
}

TEST_CASE("reread: a line in body type is not read again, however unsure") {
  engine &e = shared_engine();
  // The first line of the first body block: body type.
  const text_line *body = nullptr;
  for (const region &r : e.read.regions)
    for (const text_line &l : r.lines)
      if (body == nullptr && l.words.size() >= 4 && l.font_size < 25) body = &l;
  REQUIRE(body != nullptr);
  page p = garbled(e.read, body->id);
  reread_garbled(e.api, e.image, p);
  CHECK(find_line(p, body->id)->text == "ae");
}

TEST_CASE("reread: a garbled line whose pixels read as nothing keeps its words") {
  engine &e = shared_engine();
  const text_line *headline = find_line(e.read, "line_1_2");
  REQUIRE(headline != nullptr);
  // A box over white paper right of the text, in the headline's type.
  const box white{e.read.width - 60, headline->bbox.y0, e.read.width - 5, headline->bbox.y1};
  page p = garbled(e.read, "line_1_2", white);
  reread_garbled(e.api, e.image, p);
  const text_line *kept = find_line(p, "line_1_2");
  REQUIRE(kept != nullptr);
  CHECK(kept->text == "ae");
  CHECK(kept->words.size() == 1);
}

namespace {

// Three lines of the bundled sample scan's body text (tests/data/images/
// zh_lines.png) and an engine for chi_sim.
struct zh_engine {
  tesseract::TessBaseAPI api;
  Pix *image = nullptr;

  zh_engine() {
    const std::string bytes = colreflow::test::source_file("tests/data/images/zh_lines.png");
    image = pixReadMem(reinterpret_cast<const l_uint8 *>(bytes.data()), bytes.size());
    REQUIRE(image != nullptr);
    REQUIRE(api.Init(nullptr, "chi_sim") == 0);
  }
  ~zh_engine() {
    api.End();
    pixDestroy(&image);
  }
};

zh_engine &shared_zh_engine() {
  static zh_engine e;
  return e;
}

// The generator's text of the three lines and their boxes in the image.
constexpr const char *kZhLines[] = {"设，原本杂乱的架空电线全部入地，墙面", "上斑驳的砖缝经过修补后依旧保留着岁月",
                                    "的痕迹。街口的老茶馆照常营业，几位老"};
constexpr box kZhBoxes[] = {{18, 13, 713, 55}, {18, 70, 713, 108}, {18, 127, 713, 169}};
constexpr int kCells = 18;

// Cell `i` of line `k`: the 18 ideographs of a line share its width evenly.
box cell(std::size_t k, int i) {
  const box &l = kZhBoxes[k];
  return {l.x0 + i * l.width() / kCells, l.y0, l.x0 + (i + 1) * l.width() / kCells, l.y1};
}

// The three lines as an engine that read them right would give them: a
// word a cell, sure of each.
page zh_cells() {
  page p;
  p.width = 730;
  p.height = 180;
  region r;
  r.id = "block_1_1";
  for (std::size_t k = 0; k < 3; ++k) {
    text_line l;
    l.id = "line_1_" + std::to_string(k + 1);
    l.bbox = kZhBoxes[k];
    l.font_size = static_cast<float>(l.bbox.height());
    const std::string text = kZhLines[k];
    for (int i = 0; i < kCells; ++i)
      l.words.push_back({text.substr(static_cast<std::size_t>(i) * 3, 3), cell(k, i), 95, {}});
    l.text = join_words(l.words);
    r.lines.push_back(std::move(l));
  }
  r.bbox = lines_box(r);
  p.regions.push_back(std::move(r));
  return p;
}

// The page with cells [from, 18) of line k read as one word `text` at
// `confidence`, its box reaching down over cells [under, 18) of line k + 1,
// which that line loses: a speck joined glyphs of both lines into one blob.
page blob_over_two_lines(std::size_t k, int from, int under, const std::string &text, float confidence) {
  page p = zh_cells();
  text_line &a = p.regions.front().lines[k], &b = p.regions.front().lines[k + 1];
  const box over{cell(k, from).x0, a.bbox.y0, cell(k, kCells - 1).x1, b.bbox.y1};
  a.words.resize(static_cast<std::size_t>(from));
  a.words.push_back({text, over, confidence, {}});
  a.text = join_words(a.words);
  b.words.resize(static_cast<std::size_t>(under));
  b.text = join_words(b.words);
  return p;
}

}  // namespace

TEST_CASE("reread: a CJK word that swallowed glyphs of two lines is read again in each line's band") {
  zh_engine &e = shared_zh_engine();
  // The last three cells of the middle line ("着岁月") and the last of the
  // line under it ("老"), read as one "大".
  page p = blob_over_two_lines(1, 15, 17, "大", 10);
  REQUIRE(p.regions.front().lines[1].text == "上斑驳的砖缝经过修补后依旧保留大");
  REQUIRE(p.regions.front().lines[2].text == "的痕迹。街口的老茶馆照常营业，几位");
  reread_garbled(e.api, e.image, p);
  const std::vector<text_line> &again = p.regions.front().lines;
  CHECK(again[0].text == kZhLines[0]);
  CHECK(again[1].text == kZhLines[1]);
  CHECK(again[2].text == kZhLines[2]);
  // Each line's box is its words' again, not the blob's.
  CHECK(again[1].bbox.y1 < kZhBoxes[2].y0);
  CHECK(again[2].bbox.x1 <= kZhBoxes[2].x1 + 10);
  // Both readings are noted for the log, with the word they replace.
  REQUIRE(p.rereads.size() == 2);
  CHECK(p.rereads[0].line_id == "line_1_2");
  CHECK(p.rereads[1].line_id == "line_1_3");
  for (const reread_line &n : p.rereads) {
    CHECK(n.word == "大");
    CHECK(n.before_confidence == 10);
    CHECK(n.after_confidence >= 60);
  }
}

TEST_CASE("reread: a tall word is left as it is when sure, when a mark, when one ideograph, or when Latin") {
  zh_engine &e = shared_zh_engine();
  struct variant {
    int from;
    const char *text;
    float confidence;
  };
  // Sure of it; a mark; one ideograph stretched by a speck (its box one
  // cell wide), which read again came out no better.
  for (const variant v : {variant{15, "大", 90}, variant{15, "|", 0}, variant{17, "大", 0}}) {
    CAPTURE(v.text);
    CAPTURE(v.confidence);
    page p = blob_over_two_lines(1, v.from, 17, v.text, v.confidence);
    const std::string middle = p.regions.front().lines[1].text;
    reread_garbled(e.api, e.image, p);
    CHECK(p.regions.front().lines[1].text == middle);
    CHECK(p.rereads.empty());
  }
  // Latin: read in its band, a word loses its ascenders and descenders.
  engine &en = shared_engine();
  const region *body = nullptr;
  for (const region &r : en.read.regions)
    if (body == nullptr && r.lines.size() >= 2 && r.lines[0].words.size() >= 4 &&
        r.lines[1].words.size() >= 4 && r.lines[0].font_size < 25)
      body = &r;
  REQUIRE(body != nullptr);
  page p = en.read;
  region &r = p.regions[static_cast<std::size_t>(body - en.read.regions.data())];
  word &first = r.lines[0].words.front();
  first = word{"ae", first.bbox.united(r.lines[1].words.front().bbox), 0, {}};
  r.lines[0].text = join_words(r.lines[0].words);
  const std::string garbled_text = r.lines[0].text;
  reread_garbled(en.api, en.image, p);
  CHECK(p.regions[static_cast<std::size_t>(body - en.read.regions.data())].lines[0].text == garbled_text);
  CHECK(p.rereads.empty());
}
