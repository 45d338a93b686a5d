// PAGE XML: reading regions and lines, errors, and writing the order back.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include <pugixml.hpp>

#include "colreflow/colreflow.hpp"
#include "layout/layout.hpp"
#include "model/document.hpp"
#include "read/page_reader.hpp"
#include "write/page_writer.hpp"
#include "support/source_files.hpp"

namespace {

using namespace colreflow::detail;

std::string slurp(const std::string &rel) { return colreflow::test::source_file(rel); }

page read(const std::string &bytes) { return read_page_xml(bytes, "page.xml", xml_limits{}); }

std::string error_of(const std::string &bytes) {
  try {
    read(bytes);
  } catch (const colreflow::error &e) {
    return e.what();
  }
  return "(no error)";
}

// Every element name with its count, and every points attribute: what a
// round trip must keep (ReadingOrder elements aside).
std::map<std::string, int> inventory(const std::string &xml) {
  pugi::xml_document doc;
  doc.load_string(xml.c_str());
  std::map<std::string, int> out;
  struct walker : pugi::xml_tree_walker {
    std::map<std::string, int> *out;
    bool for_each(pugi::xml_node &n) override {
      if (n.type() != pugi::node_element) return true;
      const std::string name = n.name();
      if (name == "ReadingOrder" || name == "OrderedGroup" || name == "OrderedGroupIndexed" ||
          name == "RegionRefIndexed" || name == "UnorderedGroup")
        return true;
      ++(*out)[name];
      if (auto pts = n.attribute("points")) ++(*out)[std::string("points=") + pts.value()];
      if (n.type() == pugi::node_element && n.text()) ++(*out)[std::string("text=") + n.text().get()];
      return true;
    }
  } w;
  w.out = &out;
  doc.traverse(w);
  return out;
}

}  // namespace

TEST_CASE("page: a Reichsanzeiger page reads into regions, lines and rules") {
  const page p = read(slurp("tests/data/page/reichsanzeiger/1870_244_0431.xml"));
  CHECK(p.format == source_format::page_xml);
  CHECK(p.format_version == "2013-07-15");
  CHECK(p.width == 9640);
  CHECK(p.height == 6584);
  REQUIRE(p.regions.size() == 19);
  CHECK(p.separators.size() == 13);
  CHECK(p.regions[0].id == "r1");
  CHECK(p.regions[0].hint == region_hint::page_number);
  CHECK(p.regions[0].bbox.x0 == 2932);
  CHECK(p.regions[0].bbox.y0 == 424);
  std::size_t lines = 0;
  for (const region &r : p.regions) lines += r.lines.size();
  CHECK(lines == 197);
  CHECK(p.regions[0].source_line > 1);
}

TEST_CASE("page: bad input names the file, the line and what was expected") {
  CHECK(error_of("<PcGts><Page><TextRegion id='a'>\n<Coords points='1,2'></TextRegion>")
            .find("page.xml: malformed XML at line 2") != std::string::npos);
  CHECK(error_of("<alto/>").find("expected a PAGE XML document (root <PcGts>), found <alto>") !=
        std::string::npos);
  CHECK(error_of("<PcGts/>").find("expected a <Page> element") != std::string::npos);
  const std::string bomb =
      "<?xml version='1.0'?>\n<!DOCTYPE PcGts [<!ENTITY a 'aaaaaaaa'><!ENTITY b '&a;&a;&a;'>]>\n"
      "<PcGts><Page>&b;</Page></PcGts>";
  CHECK(error_of(bomb).find("neither loads DTDs nor expands entities") != std::string::npos);
  const std::string external =
      "<!DOCTYPE PcGts SYSTEM 'http://example.org/x.dtd'><PcGts><Page/></PcGts>";
  CHECK(error_of(external).find("external DTD") != std::string::npos);
  xml_limits tight;
  tight.max_depth = 4;
  try {
    read_page_xml("<PcGts><Page><TextRegion><TextLine><Word/></TextLine></TextRegion></Page></PcGts>",
                  "deep.xml", tight);
    FAIL("no error");
  } catch (const colreflow::error &e) {
    CHECK(e.code() == colreflow::status::limit);
  }
}

TEST_CASE("page: odd coordinates never crash and give empty boxes") {
  CHECK(points_box("").empty());
  CHECK(points_box("x,y 1").empty());
  const box b = points_box("10,20 30,5 -4,8");
  CHECK(b.x0 == -4);
  CHECK(b.y0 == 5);
  CHECK(b.x1 == 31);
  CHECK(b.y1 == 21);
  const page p = read(
      "<PcGts xmlns='http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19'><Page>"
      "<TextRegion id='r'><Coords><Point x='5' y='6'/><Point x='9' y='12'/></Coords>"
      "<TextEquiv><Unicode>one\ntwo</Unicode></TextEquiv></TextRegion></Page></PcGts>");
  REQUIRE(p.regions.size() == 1);
  CHECK(p.regions[0].bbox.x0 == 5);
  CHECK(p.regions[0].bbox.y1 == 13);
  REQUIRE(p.regions[0].lines.size() == 2);
  CHECK(p.regions[0].lines[1].text == "two");
}

TEST_CASE("page: writing back changes the reading order and nothing else") {
  for (const char *file : {"tests/data/page/reichsanzeiger/1857_132_0507.xml",
                           "tests/data/page/ulb/1667522809_J_0001_0002.art.gt.xml"}) {
    CAPTURE(file);
    const std::string input = slurp(file);
    const page p = read(input);
    const page_order order = order_regions(p);
    const std::string output = write_page_xml(p, order);
    CHECK(inventory(output) == inventory(input));

    // The new ReadingOrder lists every region once, in the order found.
    const page again = read(output);
    pugi::xml_document doc;
    doc.load_string(output.c_str());
    std::vector<std::string> refs;
    for (auto x : doc.select_nodes("//*[local-name()='RegionRefIndexed']"))
      refs.push_back(x.node().attribute("regionRef").value());
    std::vector<std::string> expected;
    for (const auto &article : order.articles)
      for (std::uint32_t r : article) expected.push_back(p.regions[r].id);
    CHECK(refs == expected);
    CHECK(again.regions.size() == p.regions.size());
  }
}

TEST_CASE("page: region types give roles: page furniture apart, headings as headings") {
  const auto doc = colreflow::document::from_bytes(
      slurp("tests/data/page/reichsanzeiger/1870_244_0431.xml"));
  const auto &d = doc.impl();
  REQUIRE(!d.articles.empty());
  REQUIRE(!d.articles.front().units.empty());
  const unit &first = d.articles.front().units.front();
  CHECK(first.kind == role::furniture);  // the page number, read first
  CHECK(first.text == "8");
  bool heading_found = false;
  for (const article &a : d.articles)
    for (const unit &u : a.units)
      if (u.text.find("Der Krieg und die deutſche Bühne") != std::string::npos)
        heading_found = (u.kind == role::subheading || u.kind == role::headline);
  CHECK(heading_found);
}

TEST_CASE("page: regions read away from their file order are logged and counted") {
  // Column two comes first in the file.
  const std::string xml =
      "<PcGts><Page imageWidth='2000' imageHeight='3000'>"
      "<TextRegion id='right'><Coords points='1050,100 1950,100 1950,2900 1050,2900'/>"
      "<TextLine><Coords points='1050,100 1950,140'/><TextEquiv><Unicode>and ends here.</Unicode></TextEquiv></TextLine>"
      "</TextRegion>"
      "<TextRegion id='left'><Coords points='50,100 950,100 950,2900 50,2900'/>"
      "<TextLine><Coords points='50,100 950,140'/><TextEquiv><Unicode>The text starts</Unicode></TextEquiv></TextLine>"
      "</TextRegion></Page></PcGts>";
  const auto doc = colreflow::document::from_bytes(xml);
  const auto &d = doc.impl();
  REQUIRE(d.region_order.articles.size() >= 1);
  std::size_t moved = 0;
  for (const auto &r : d.log.entries)
    if (r.kind == repair_kind::block_moved) {
      ++moved;
      CHECK(r.cue.find("region ") == 0);
    }
  CHECK(moved == 1);
  CHECK(doc.report().find("2 regions, 1 moved out of file order") != std::string::npos);
  CHECK(doc.render(colreflow::format::txt) == "The text starts and ends here.\n");
}

TEST_CASE("page: text regions inside a table region are its cells, read after the text") {
  const page p = read(
      "<PcGts><Page imageWidth='2000' imageHeight='3000'>"
      "<TableRegion id='t'><Coords points='50,1000 950,1000 950,1400 50,1400'/>"
      "<TextRegion id='c1'><Coords points='50,1000 500,1000 500,1200 50,1200'/>"
      "<TextEquiv><Unicode>cell one</Unicode></TextEquiv></TextRegion>"
      "<TextRegion id='c2'><Coords points='500,1000 950,1000 950,1200 500,1200'/>"
      "<TextEquiv><Unicode>cell two</Unicode></TextEquiv></TextRegion></TableRegion>"
      "<TextRegion id='below'><Coords points='50,1500 950,1500 950,2900 50,2900'/>"
      "<TextEquiv><Unicode>text below</Unicode></TextEquiv></TextRegion>"
      "</Page></PcGts>");
  REQUIRE(p.regions.size() == 4);
  CHECK(p.regions[1].table == p.regions[2].table);
  CHECK(p.regions[1].table >= 0);
  CHECK(p.regions[3].table < 0);
  std::vector<std::string> ids;
  for (const auto &a : order_regions(p).articles)
    for (std::uint32_t r : a) ids.push_back(p.regions[r].id);
  CHECK(ids == std::vector<std::string>{"t", "below", "c1", "c2"});
}

TEST_CASE("page: a comment, processing instruction or CDATA inside Unicode keeps all its text") {
  const page p = read(slurp("tests/fuzz/corpus_page/regress-markup-inside-unicode.xml"));
  REQUIRE(p.regions.size() == 1);
  std::string all;
  for (const text_line &l : p.regions[0].lines) all += l.text + "|";
  // The processing instruction alone is no text: that line reads empty.
  CHECK(all.find("von der Reiſe gemachten, wieder|") != std::string::npos);
  CHECK(all.find("in Karlsruhe ein.|") != std::string::npos);
  CHECK(all.find("only") == std::string::npos);
}
