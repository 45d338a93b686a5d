// The second reading of garbled display lines (read/reread.hpp), on the
// synthetic page of tests/data/images: its headline lines are made garbled
// in the model, as Tesseract garbles a headline on a noisy scan, and read
// again from the image.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

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
  reread_garbled_lines(e.api, e.image, p);
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
  reread_garbled_lines(e.api, e.image, p);
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
  reread_garbled_lines(e.api, e.image, p);
  CHECK(find_line(p, body->id)->text == "ae");
}

TEST_CASE("reread: a garbled line whose pixels read as nothing keeps its words") {
  engine &e = shared_engine();
  const text_line *headline = find_line(e.read, "line_1_2");
  REQUIRE(headline != nullptr);
  // A box over white paper right of the text, in the headline's type.
  const box white{e.read.width - 60, headline->bbox.y0, e.read.width - 5, headline->bbox.y1};
  page p = garbled(e.read, "line_1_2", white);
  reread_garbled_lines(e.api, e.image, p);
  const text_line *kept = find_line(p, "line_1_2");
  REQUIRE(kept != nullptr);
  CHECK(kept->text == "ae");
  CHECK(kept->words.size() == 1);
}
