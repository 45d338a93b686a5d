// The hOCR reader and writer, on Tesseract's own output (tests/data/hocr,
// see SOURCE.md there) and on small hand-made pages.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "colreflow/colreflow.hpp"
#include "read/hocr_reader.hpp"
#include "support/page_checks.hpp"
#include "support/source_files.hpp"
#include "write/hocr_writer.hpp"

namespace {

using colreflow::status;
using namespace colreflow::detail;
using colreflow::test::identity_order;
using colreflow::test::line_count;
using colreflow::test::words_of;

std::string slurp(const std::string &name) {
  return colreflow::test::source_file("tests/data/hocr/" + name);
}

page read(const std::string &bytes) { return read_hocr(bytes, "page.hocr", xml_limits{}); }

colreflow::error read_error(const std::string &bytes) {
  try {
    read(bytes);
  } catch (const colreflow::error &e) {
    return e;
  }
  FAIL("no error for " << bytes);
  return colreflow::error(status::ok, "");
}

// A page in Tesseract's shape; `body` goes inside the ocr_page element.
std::string hocr(const std::string &body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<body>\n"
         "<div class='ocr_page' id='page_1' title='image \"a;b.png\"; bbox 0 0 800 600'>\n" +
         body + "\n</div>\n</body>\n</html>\n";
}

std::string word_span(const std::string &text, const std::string &title) {
  return "<span class='ocrx_word' title='" + title + "'>" + text + "</span>";
}

std::vector<std::string> region_ids(const page &p) {
  std::vector<std::string> out;
  for (const region &r : p.regions) out.push_back(r.id);
  return out;
}

// Elements, attributes and non-empty text of a document, in document order.
std::vector<std::string> dom_items(const pugi::xml_document &doc) {
  std::vector<std::string> out;
  std::vector<pugi::xml_node> stack{doc.document_element()};
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() == pugi::node_element) {
      out.push_back(std::string("<") + n.name());
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        out.push_back(std::string(a.name()) + "=" + a.value());
    } else if (n.type() == pugi::node_pcdata && *n.value()) {
      out.push_back(n.value());
    }
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
  return out;
}

}  // namespace

TEST_SUITE("hocr") {
  TEST_CASE("hocr: Tesseract's Chinese page, figures") {
    const page p = read(slurp("zh_traffic3.hocr"));
    CHECK(p.format == source_format::hocr);
    CHECK(p.width == 1400);
    CHECK(p.height == 740);
    CHECK(p.xml != nullptr);
    REQUIRE(p.regions.size() == 5);
    CHECK(line_count(p) == 31);
    CHECK(words_of(p).size() == 264);
    const region &head = p.regions[0];
    CHECK(head.id == "block_1_1");
    CHECK(head.hint == region_hint::heading);
    CHECK(head.source_line == 13);
    CHECK(head.bbox.x0 == 238);
    CHECK(head.bbox.y1 == 151);
    const text_line &l = head.lines[0];
    CHECK(l.id == "line_1_1");
    CHECK(l.font_size == doctest::Approx(73.5));
    CHECK(l.source_line == 15);
    // CJK words join without spaces, as Tesseract's txt output does.
    CHECK(l.text == "我市局动复季道路交通安全整治行");
    REQUIRE(l.words.size() == 11);
    CHECK(l.words[0].text == "我");
    CHECK(l.words[0].bbox.x0 == 238);
    CHECK(l.words[0].bbox.y0 == 96);
    CHECK(l.words[0].bbox.x1 == 292);
    CHECK(l.words[0].bbox.y1 == 151);
    CHECK(l.words[0].confidence == 96);
    CHECK(l.words[10].confidence == 0);
    CHECK(p.regions[1].hint == region_hint::none);
    CHECK(p.regions[1].lines[0].text == "本报讯为切实做好夏季道");
  }

  TEST_CASE("hocr: Tesseract's English magazine page, figures") {
    const page p = read(slurp("8087_054.3B.hocr"));
    CHECK(p.width == 2560);
    CHECK(p.height == 3300);
    CHECK(region_ids(p) == std::vector<std::string>{"block_1_2", "block_1_4", "block_1_5",
                                                    "block_1_6", "block_1_8", "block_1_9"});
    CHECK(line_count(p) == 116);
    CHECK(words_of(p).size() == 694);
    REQUIRE(p.separators.size() == 1);
    CHECK(p.separators[0].bbox.x0 == 1115);
    CHECK(p.separators[0].bbox.y1 == 376);
    CHECK(p.regions[1].hint == region_hint::heading);
    CHECK(p.regions[4].hint == region_hint::caption);
    CHECK(p.regions[4].lines.size() == 7);
    CHECK(p.regions[2].lines.size() == 53);
    CHECK(p.regions[2].lines[0].text ==
          "\u201CThis is Greater Serbia,\u201D yet they didn\u2019t take the city.");
    CHECK(p.regions[0].lines[0].words[0].confidence == 40);
  }

  TEST_CASE("hocr: Tesseract's English jump page, figures") {
    const page p = read(slurp("en_jump3.hocr"));
    CHECK(p.width == 1600);
    CHECK(p.regions.size() == 12);
    CHECK(line_count(p) == 268);
    CHECK(words_of(p).size() == 1514);
    CHECK(p.separators.size() == 7);
    CHECK(p.regions[0].lines[1].text == "Third Version of Its Copyleft License");
    CHECK(p.regions[0].lines[1].font_size == 42);
  }

  TEST_CASE("hocr: titles that are garbled or partial are unknown, never fatal") {
    const page p = read(hocr(
        "<div class='ocr_carea' title='bbox 1 2 x 4'>"
        "<span class='ocr_line' title='baseline 0 0; x_size; bbox 10 20 30'>" +
        word_span("a", "bbox 10 20 15 30; x_wconf abc") + word_span("b", "bbox 20 20 30 35") +
        word_span("c", "x_wconf 77;;; bbox nan 1 2 3") +
        word_span("d", "bbox 9 9 1 1; x_wconf 250") +
        word_span(" ", "bbox 0 0 1 1") + "</span></div>"));
    REQUIRE(p.regions.size() == 1);
    CHECK(p.width == 800);  // the quoted ';' in the image name does not cut the title
    const text_line &l = p.regions[0].lines.at(0);
    CHECK(l.text == "a b c d");
    REQUIRE(l.words.size() == 4);  // the blank word is dropped
    CHECK(l.words[0].confidence == -1);
    CHECK(l.words[2].confidence == 77);
    CHECK(l.words[2].bbox.empty());
    CHECK(l.words[3].bbox.empty());  // x1 < x0
    CHECK(l.words[3].confidence == 100);
    // No usable boxes of their own: the union of what is inside.
    CHECK(l.bbox.x0 == 10);
    CHECK(l.bbox.y1 == 35);
    CHECK(l.font_size == 15);  // no x_size: the line's height
    CHECK(p.regions[0].bbox.x1 == 30);
  }

  TEST_CASE("hocr: without ocr_carea the paragraphs are regions, without those the lines") {
    const std::string line1 = "<span class='ocr_line' title='bbox 0 0 50 10'>" +
                              word_span("one", "bbox 0 0 20 10") + "</span>";
    const std::string line2 = "<span class='ocr_caption' title='bbox 0 20 50 30'>two  words</span>";
    page p = read(hocr("<p class='ocr_par' id='p1'>" + line1 + "</p><p class='ocr_par' id='p2'>" +
                       line2 + "</p>"));
    CHECK(region_ids(p) == std::vector<std::string>{"p1", "p2"});
    CHECK(p.regions[1].hint == region_hint::caption);
    CHECK(p.regions[1].lines[0].text == "two words");  // a line without ocrx_word
    p = read(hocr(line1 + line2));
    REQUIRE(p.regions.size() == 2);
    CHECK(p.regions[0].lines[0].text == "one");
    CHECK(p.regions[1].bbox.y0 == 20);
    CHECK(read(hocr("")).regions.empty());
  }

  TEST_CASE("hocr: words join with one space, but not between CJK characters") {
    std::vector<word> w{{"本报讯", {}, -1, {}}, {"为", {}, -1, {}}, {"GPL", {}, -1, {}},
                        {"许可", {}, -1, {}}, {"v3,", {}, -1, {}}, {"ok", {}, -1, {}}};
    CHECK(join_words(w) == "本报讯为 GPL 许可 v3, ok");
  }

  TEST_CASE("hocr: malformed input is refused with the line") {
    colreflow::error e = read_error("<html><body><div class='ocr_page'>\n<p></div></body></html>");
    CHECK(e.code() == status::invalid);
    CHECK(std::string(e.what()).find("page.hocr: malformed XML at line 2") == 0);

    e = read_error("<?xml version=\"1.0\"?>\n<html>\n<body><p>text</p></body></html>");
    CHECK(e.code() == status::invalid);
    CHECK(std::string(e.what()) ==
          "page.hocr: line 2: expected hOCR: no element of class ocr_page below <html>");

    e = read_error("<html>\n<div class='ocr_page'/>\n<div class='ocr_page'/>\n</html>");
    CHECK(std::string(e.what()).find("page.hocr: line 3: a second ocr_page (the file has 2)") == 0);

    xml_limits small;
    small.max_input_bytes = 10;
    CHECK_THROWS_AS(read_hocr(hocr(""), "page.hocr", small), colreflow::error);
  }

  TEST_CASE("hocr: writing in the input order loses nothing") {
    for (const char *name : {"zh_traffic3.hocr", "8087_054.3B.hocr", "en_jump3.hocr"}) {
      CAPTURE(name);
      const page p = read(slurp(name));
      const std::string out = write_hocr(p, identity_order(p));
      CHECK(out.find("<!DOCTYPE html PUBLIC") != std::string::npos);
      CHECK(out.find("<div class=\"ocr_photo\"/>") == std::string::npos);
      const page again = read(out);
      CHECK(dom_items(*again.xml) == dom_items(*p.xml));
      CHECK(words_of(again) == words_of(p));
      CHECK(region_ids(again) == region_ids(p));
      CHECK(again.separators.size() == p.separators.size());
    }
  }

  TEST_CASE("hocr: the writer puts regions in reading order, other nodes stay") {
    const page p = read(slurp("8087_054.3B.hocr"));
    page_order order;
    order.articles = {{5, 4}, {3, 2, 1, 0}};  // reversed, over two articles
    const page again = read(write_hocr(p, order));
    CHECK(region_ids(again) == std::vector<std::string>{"block_1_9", "block_1_8", "block_1_6",
                                                        "block_1_5", "block_1_4", "block_1_2"});
    CHECK(words_of(again) == words_of(p));
    // The photos and the rule keep their places among the page's children.
    std::vector<std::string> children;
    for (pugi::xml_node c : hocr_page_node(*again.xml).children())
      children.push_back(c.attribute("id").value());
    CHECK(children == std::vector<std::string>{"block_1_1", "block_1_9", "block_1_3",
                                               "block_1_8", "block_1_6", "block_1_5",
                                               "block_1_7", "block_1_4", "block_1_2"});
    // An order that leaves regions out or names them twice still loses none.
    order.articles = {{2, 2, 99}};
    CHECK(region_ids(read(write_hocr(p, order))) ==
          std::vector<std::string>{"block_1_5", "block_1_2", "block_1_4", "block_1_6",
                                   "block_1_8", "block_1_9"});
  }

  TEST_CASE("hocr: regions under different parents trade places only among themselves") {
    const page p = read(hocr(
        "<div id='x'><p class='ocr_par' id='a'>A</p><hr/><p class='ocr_par' id='b'>B</p></div>"
        "<div id='y'><p class='ocr_par' id='c'>C</p></div>"));
    page_order order;
    order.articles = {{2, 1, 0}};
    const std::string out = write_hocr(p, order);
    const page again = read(out);
    CHECK(region_ids(again) == std::vector<std::string>{"b", "a", "c"});
    CHECK(again.regions[1].lines.at(0).text == "A");  // a region without lines is one
    CHECK(out.find("<hr />") != std::string::npos);  // a void element stays self-closed
    CHECK(write_hocr(page{}, order).empty());
  }
}
