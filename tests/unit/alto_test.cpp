// ALTO: reading real and hand-written files, errors, and writing the order back.
#include <doctest/doctest.h>

#include <cstdlib>  // getenv
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "colreflow/colreflow.hpp"
#include "read/alto_reader.hpp"
#include "support/page_checks.hpp"
#include "support/source_files.hpp"
#include "write/alto_writer.hpp"

namespace {

using namespace colreflow::detail;
using colreflow::test::line_count;

std::string slurp(const std::string &name) {
  return colreflow::test::source_file("tests/data/alto/" + name);
}

page read(const std::string &bytes, const std::string &name = "page.alto.xml") {
  return read_alto(bytes, name, xml_limits{});
}

std::string error_of(const std::string &bytes) {
  try {
    read(bytes);
  } catch (const colreflow::error &e) {
    CHECK(e.code() == colreflow::status::invalid);
    return e.what();
  }
  return "(no error)";
}

const word *find_word(const page &p, std::string_view text, int x0) {
  for (const region &r : p.regions)
    for (const text_line &l : r.lines)
      for (const word &w : l.words)
        if (w.text == text && w.bbox.x0 == x0) return &w;
  return nullptr;
}

// Element names with their counts and every attribute but IDNEXT, with its
// element and value: what writing back must keep, ReadingOrder aside.
std::map<std::string, int> inventory(const std::string &xml) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  std::map<std::string, int> out;
  struct walker : pugi::xml_tree_walker {
    std::map<std::string, int> *out = nullptr;
    int skip_below = -1;  // depth of a ReadingOrder being skipped
    bool for_each(pugi::xml_node &n) override {
      if (skip_below >= 0 && depth() > skip_below) return true;
      skip_below = -1;
      if (n.type() != pugi::node_element) return true;
      const std::string name = n.name();
      if (name == "ReadingOrder") {
        skip_below = depth();
        return true;
      }
      ++(*out)[name];
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        if (std::string_view(a.name()) != "IDNEXT")
          ++(*out)[name + "@" + a.name() + "=" + a.value()];
      if (n.text()) ++(*out)[name + " text=" + n.text().get()];
      return true;
    }
  } w;
  w.out = &out;
  doc.traverse(w);
  return out;
}

// Every IDNEXT and REF names an ID, and no ID is used twice: xmllint's
// XSD check does not resolve IDREFs, so the tests do.
void check_references(const std::string &xml) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  std::map<std::string, int> ids;
  std::vector<std::string> refs;
  struct walker : pugi::xml_tree_walker {
    std::map<std::string, int> *ids = nullptr;
    std::vector<std::string> *refs = nullptr;
    bool for_each(pugi::xml_node &n) override {
      if (const char *id = n.attribute("ID").value(); *id) ++(*ids)[id];
      for (const char *name : {"IDNEXT", "REF"})
        if (const char *r = n.attribute(name).value(); *r) refs->push_back(r);
      return true;
    }
  } w;
  w.ids = &ids;
  w.refs = &refs;
  doc.traverse(w);
  for (const auto &[id, n] : ids) CHECK_MESSAGE(n == 1, "ID used twice: ", id);
  for (const std::string &r : refs) CHECK_MESSAGE(ids.count(r) == 1, "dangling reference: ", r);
}

// The IDs of the element children of the first element called `name`.
std::vector<std::string> child_ids(const pugi::xml_document &doc, const char *name) {
  std::vector<std::string> out;
  pugi::xml_node n = doc.find_node([&](const pugi::xml_node &x) {
    return std::string_view(x.name()) == name;
  });
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) out.push_back(c.attribute("ID").value());
  return out;
}

std::string idnext_of(const pugi::xml_document &doc, const std::string &id) {
  pugi::xml_node n = doc.find_node([&](const pugi::xml_node &x) {
    return id == x.attribute("ID").value();
  });
  REQUIRE(n);
  return n.attribute("IDNEXT") ? n.attribute("IDNEXT").value() : "(none)";
}

page_order one_article(const page &p) {
  page_order o;
  o.articles.emplace_back();
  for (std::uint32_t k = 0; k < p.regions.size(); ++k) o.articles[0].push_back(k);
  return o;
}

page_order article_per_block(const page &p) {
  page_order o;
  for (std::uint32_t k = 0; k < p.regions.size(); ++k) o.articles.push_back({k});
  return o;
}

page_order reversed(const page &p) {
  page_order o;
  o.articles.emplace_back();
  for (std::uint32_t k = static_cast<std::uint32_t>(p.regions.size()); k-- > 0;)
    o.articles[0].push_back(k);
  return o;
}

const char *const kRealFiles[] = {"nytribune_ndnp.xml", "ulb_1667522809_J_0001_0002.xml",
                                  "ulb_1667522809_J_0073_0512.xml", "hand_v4.xml", "hand_v2.xml"};

}  // namespace

TEST_CASE("alto: a hand-written ALTO 4.4 page with every field") {
  const page p = read(slurp("hand_v4.xml"), "hand_v4.xml");
  CHECK(p.format == source_format::alto);
  CHECK(p.format_version == "4.4");
  CHECK(p.width == 2000);
  CHECK(p.height == 3000);
  REQUIRE(p.xml);
  REQUIRE(p.regions.size() == 6);
  const char *ids[] = {"TB_folio", "TB_head", "TB_a", "TB_c1", "TB_c2", "TB_b"};
  for (std::size_t k = 0; k < 6; ++k) CHECK(p.regions[k].id == ids[k]);
  CHECK(p.regions[0].hint == region_hint::header);   // in the TopMargin
  CHECK(p.regions[1].hint == region_hint::heading);  // TAGREFS -> LABEL="heading"
  CHECK(p.regions[2].hint == region_hint::none);
  CHECK(p.regions[0].source_line == 26);
  CHECK(p.regions[2].bbox.x0 == 100);
  CHECK(p.regions[2].bbox.y1 == 430);

  const region &a = p.regions[2];
  REQUIRE(a.lines.size() == 2);
  CHECK(a.lines[0].id == "TL_a1");
  CHECK(a.lines[0].source_line == 42);
  CHECK(a.lines[0].text == "An exam-");
  CHECK(a.lines[0].hyphen_end);
  CHECK(a.lines[0].words[1].whole_word == "example");
  CHECK(a.lines[0].words[1].confidence == doctest::Approx(80));
  CHECK(a.lines[0].words[1].bbox.x0 == 250);
  CHECK(a.lines[0].words[1].bbox.x1 == 900);
  CHECK(a.lines[1].text == "ple of text.");  // "text" and "." touch: no space
  CHECK_FALSE(a.lines[1].hyphen_end);
  CHECK(a.lines[1].words[0].whole_word == "example");
  CHECK(a.lines[1].words[1].confidence == -1);  // no WC

  // Pixel units: points scale by the page's line height per point (60/9).
  CHECK(p.regions[1].lines[0].font_size == doctest::Approx(120));
  CHECK(a.lines[0].font_size == doctest::Approx(60));
  CHECK(p.regions[0].lines[0].font_size == doctest::Approx(30));  // no style: its height

  REQUIRE(p.separators.size() == 1);
  CHECK(p.separators[0].bbox.x0 == 100);
  CHECK(p.separators[0].bbox.y0 == 260);
  CHECK(p.separators[0].bbox.x1 == 1900);
  CHECK(p.separators[0].bbox.y1 == 266);
}

TEST_CASE("alto: a hand-written ALTO 2.1 page in mm10 with a not-sign hyphen") {
  const page p = read(slurp("hand_v2.xml"));
  CHECK(p.format_version == "2");
  REQUIRE(p.regions.size() == 3);
  const text_line &l = p.regions[1].lines[0];
  CHECK(l.id.empty());
  CHECK(l.text == "Left Zei\xC2\xAC");
  CHECK(l.hyphen_end);
  CHECK(l.words[0].confidence == doctest::Approx(50));
  CHECK(l.font_size == doctest::Approx(10 * 254.0 / 72));  // 10 pt in 1/10 mm
  CHECK(p.regions[1].lines[1].text == "tung");
}

TEST_CASE("alto: the NDNP New-York Tribune page (CCS ALTO 1.x) in figures") {
  const page p = read(slurp("nytribune_ndnp.xml"));
  CHECK(p.format_version == "1");
  CHECK(p.width == 19560);
  CHECK(p.height == 26694);
  REQUIRE(p.regions.size() == 47);
  CHECK(p.regions.front().id == "P2_TB00047");
  CHECK(p.regions.back().id == "P2_TB00014");
  CHECK(line_count(p) == 693);
  CHECK(p.separators.empty());  // its GraphicalElements are illustrations

  std::size_t hyphen_ends = 0, parts = 0;
  for (const region &r : p.regions)
    for (const text_line &l : r.lines) {
      hyphen_ends += l.hyphen_end;
      for (const word &w : l.words) parts += !w.whole_word.empty();
    }
  CHECK(hyphen_ends == 98);
  CHECK(parts == 196);

  const word *har = find_word(p, "Har", 3132);
  REQUIRE(har);
  CHECK(har->bbox.y0 == 9047);
  CHECK(har->bbox.x1 == 3444);
  CHECK(har->bbox.y1 == 9137);
  CHECK(har->whole_word == "Harbor");
  CHECK(har->confidence == doctest::Approx(94));
  for (const region &r : p.regions)
    for (const text_line &l : r.lines)
      if (l.id == "P2_TL00152") {
        CHECK(l.text == "'\xC2\xA7 Th* general tieup of craft in New-York Har-");
        CHECK(l.hyphen_end);
        CHECK(l.font_size == doctest::Approx(9 * 1200.0 / 72));  // TXT_12 carries most text
        CHECK(l.source_line == 132);
      }
}

TEST_CASE("alto: Tesseract ALTO 3 pages from ULB Sachsen-Anhalt in figures") {
  const page p = read(slurp("ulb_1667522809_J_0001_0002.xml"));
  CHECK(p.format_version == "3");
  CHECK(p.width == 7836);
  REQUIRE(p.regions.size() == 92);  // all nested in ComposedBlocks
  CHECK(line_count(p) == 231);
  CHECK(p.separators.size() == 23);
  const word *er = find_word(p, "er", 1921);
  REQUIRE(er);
  CHECK(er->bbox.y0 == 1680);
  CHECK(er->bbox.x1 == 2109);
  CHECK(er->confidence == doctest::Approx(0));
  CHECK(p.regions[2].lines[0].text == "er d");
  CHECK(p.regions[2].lines[0].font_size == 118);  // no styles: line height

  const page q = read(slurp("ulb_1667522809_J_0073_0512.xml"));
  CHECK(q.regions.size() == 299);
  CHECK(line_count(q) == 504);  // 108 lines hold only blank Strings
  CHECK(q.regions[0].lines.empty());
  CHECK(q.regions[0].bbox.height() == 1996);
}

TEST_CASE("alto: malformed XML is refused with the line") {
  const std::string e = error_of("<alto>\n<Layout>\n<Page ID=\"p\">\n</Layout>\n</alto>\n");
  CHECK(e.find("page.alto.xml") != std::string::npos);
  CHECK(e.find("line 4") != std::string::npos);
}

TEST_CASE("alto: a file that is not ALTO names the root element found") {
  const std::string e = error_of(
      "<?xml version=\"1.0\"?>\n<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/"
      "pagecontent/2019-07-15\"><Page/></PcGts>");
  CHECK(e.find("page.alto.xml: line 2") != std::string::npos);
  CHECK(e.find("ALTO") != std::string::npos);
  CHECK(e.find("<PcGts>") != std::string::npos);
}

TEST_CASE("alto: two pages in one file are refused") {
  const std::string e =
      error_of("<alto><Layout><Page ID=\"a\"/>\n<Page ID=\"b\"/></Layout></alto>");
  CHECK(e.find("line 2") != std::string::npos);
  CHECK(e.find("found 2") != std::string::npos);
}

TEST_CASE("alto: missing or garbled coordinates are unknown and a prefix is no obstacle") {
  const page p = read(R"(<a:alto xmlns:a="http://www.loc.gov/standards/alto/ns-v3#">
<a:Layout><a:Page ID="p" WIDTH="x" HEIGHT="-5">
<a:PrintSpace>
<a:TextBlock ID="b1" HPOS="abc" VPOS="1" WIDTH="2" HEIGHT="3">
<a:TextLine ID="l1" HPOS="1e999" VPOS="" WIDTH="2">
<a:String CONTENT="one" HPOS="10" VPOS="10" WIDTH="20" HEIGHT="10" WC="7"/>
<a:String CONTENT="two" HPOS="nan" VPOS="10" WIDTH="20" HEIGHT="10" WC="x"/>
</a:TextLine>
<a:TextLine><a:String/><a:HYP/></a:TextLine>
</a:TextBlock>
<a:TextBlock><a:TextLine><a:String CONTENT="solo" HPOS="+5" VPOS="1.5" WIDTH="2.4" HEIGHT="3"/></a:TextLine></a:TextBlock>
<a:GraphicalElement HPOS="0" VPOS="0" WIDTH="100"/>
</a:PrintSpace></a:Page></a:Layout></a:alto>)");
  CHECK(p.format_version == "3");
  CHECK(p.width == 0);
  CHECK(p.height == 0);
  REQUIRE(p.regions.size() == 2);
  const region &r = p.regions[0];
  REQUIRE(r.lines.size() == 1);  // the line with an empty String has no text
  CHECK(r.lines[0].text == "one two");  // unknown boxes count as apart
  CHECK(r.lines[0].words[0].confidence == -1);  // WC beyond 0..1
  CHECK(r.lines[0].words[1].bbox.empty());
  CHECK(r.lines[0].bbox.x0 == 10);  // the union of its words
  CHECK(r.bbox.x1 == 30);
  CHECK(p.regions[1].id.empty());
  CHECK(p.regions[1].lines[0].words[0].bbox.x0 == 5);
  CHECK(p.regions[1].lines[0].words[0].bbox.x1 == 7);  // round(5 + 2.4)
  CHECK(p.regions[1].lines[0].words[0].bbox.y0 == 2);  // round(1.5)
  CHECK(p.separators.empty());
}

TEST_CASE("alto: writing back in the input order loses no element or attribute or word") {
  for (const char *name : kRealFiles) {
    CAPTURE(name);
    const std::string in = slurp(name);
    const page p = read(in, name);
    const auto before = inventory(in);
    for (const page_order &order : {one_article(p), article_per_block(p)}) {
      const std::string out = write_alto(p, order);
      CHECK(inventory(out) == before);
      check_references(out);
      const page q = read(out, name);
      REQUIRE(q.regions.size() == p.regions.size());
      for (std::size_t k = 0; k < p.regions.size(); ++k) {
        CHECK(q.regions[k].id == p.regions[k].id);
        CHECK(q.regions[k].bbox.x0 == p.regions[k].bbox.x0);
        REQUIRE(q.regions[k].lines.size() == p.regions[k].lines.size());
        for (std::size_t i = 0; i < p.regions[k].lines.size(); ++i)
          CHECK(q.regions[k].lines[i].text == p.regions[k].lines[i].text);
      }
    }
  }
}

TEST_CASE("alto: the writer re-sequences blocks and chains IDNEXT and writes ReadingOrder (ALTO 4)") {
  const page p = read(slurp("hand_v4.xml"));
  // folio alone; heading, left column, bottom left; the right column upwards.
  page_order order;
  order.articles = {{0}, {1, 2, 5}, {4, 3}};
  const std::string out = write_alto(p, order);
  check_references(out);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(out.c_str()));

  const std::vector<std::string> space = {"TB_head", "GE_rule", "TB_a", "TB_b", "CB_right", "IL_1"};
  CHECK(child_ids(doc, "PrintSpace") == space);
  CHECK(child_ids(doc, "ComposedBlock") == std::vector<std::string>{"TB_c2", "TB_c1"});
  CHECK(idnext_of(doc, "TB_folio") == "(none)");
  CHECK(idnext_of(doc, "TB_head") == "TB_a");
  CHECK(idnext_of(doc, "TB_a") == "TB_b");  // was TB_c1
  CHECK(idnext_of(doc, "TB_b") == "(none)");
  CHECK(idnext_of(doc, "TB_c2") == "TB_c1");
  CHECK(idnext_of(doc, "TB_c1") == "(none)");

  const pugi::xml_node root = doc.document_element();
  CHECK(std::string(root.attribute("SCHEMAVERSION").value()) == "4.4");
  std::vector<std::string> top;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) top.push_back(c.name());
  CHECK(top == std::vector<std::string>{"Description", "Styles", "Tags", "ReadingOrder", "Layout"});
  const pugi::xml_node ro = root.child("ReadingOrder");
  CHECK_FALSE(ro.find_node([](const pugi::xml_node &n) {
    return std::string_view(n.attribute("ID").value()) == "old_ro";
  }));
  const pugi::xml_node all = ro.first_child();
  CHECK(std::string(all.name()) == "OrderedGroup");
  CHECK(std::next(ro.begin()) == ro.end());  // one reading order for the page
  std::vector<std::vector<std::string>> groups;
  for (pugi::xml_node g = all.first_child(); g; g = g.next_sibling()) {
    CHECK(std::string(g.name()) == "OrderedGroup");
    groups.emplace_back();
    for (pugi::xml_node r = g.first_child(); r; r = r.next_sibling()) {
      CHECK(std::string(r.name()) == "ElementRef");
      CHECK(*r.attribute("ID").value());
      groups.back().push_back(r.attribute("REF").value());
    }
  }
  CHECK(groups == std::vector<std::vector<std::string>>{
                      {"TB_folio"}, {"TB_head", "TB_a", "TB_b"}, {"TB_c2", "TB_c1"}});

  // Read back, the regions come in the new document order.
  const page q = read(out);
  std::vector<std::string> ids;
  for (const region &r : q.regions) ids.push_back(r.id);
  CHECK(ids == std::vector<std::string>{"TB_folio", "TB_head", "TB_a", "TB_b", "TB_c2", "TB_c1"});
}

TEST_CASE("alto: a region parted at a gutter is written in its source block, where the source is read") {
  const std::string in = slurp("hand_v4.xml");
  page p = read(in);
  REQUIRE(p.regions.size() == 6);
  // The layout parted TB_b's words beyond a gutter into a region of its own
  // (layout/gutter_split).
  region part;
  REQUIRE(p.regions[5].id == "TB_b");
  part.id = "TB_b-right";
  part.split_from = 5;
  part.bbox = p.regions[5].bbox;
  p.regions.push_back(part);
  // As in the test above, with the part read last: TB_b stays where it is.
  page_order order;
  order.articles = {{0}, {1, 2, 5}, {4, 3, 6}};
  const std::string out = write_alto(p, order);
  CHECK(inventory(out) == inventory(in));
  check_references(out);
  const page q = read(out);
  std::vector<std::string> ids;
  for (const region &r : q.regions) ids.push_back(r.id);
  CHECK(ids == std::vector<std::string>{"TB_folio", "TB_head", "TB_a", "TB_b", "TB_c2", "TB_c1"});
  // A page whose parts do not add up to the document is still refused.
  p.regions.back().split_from = -1;
  CHECK_THROWS_AS(write_alto(p, order), colreflow::error);
}

TEST_CASE("alto: ALTO 4.0 to 4.2 input is raised to 4.3 where ReadingOrder began") {
  std::string in = slurp("hand_v4.xml");
  for (const auto &[from, to] : {std::pair<std::string, std::string>{"SCHEMAVERSION=\"4.4\"", "SCHEMAVERSION=\"4.1\""},
                                 {"alto-4-4.xsd", "alto-4-1.xsd"}})
    in.replace(in.find(from), from.size(), to);
  const page p = read(in);
  CHECK(p.format_version == "4.1");
  const std::string out = write_alto(p, one_article(p));
  CHECK(out.find("SCHEMAVERSION=\"4.3\"") != std::string::npos);
  CHECK(out.find("v4/alto-4-3.xsd") != std::string::npos);
  CHECK(out.find("4-1") == std::string::npos);
}

TEST_CASE("alto: ALTO 2 gets IDNEXT and the new block order but no ReadingOrder") {
  const page p = read(slurp("hand_v2.xml"));
  page_order order;
  order.articles = {{1, 2}, {0}};
  const std::string out = write_alto(p, order);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(out.c_str()));
  CHECK(child_ids(doc, "PrintSpace") == std::vector<std::string>{"BLOCK_L1", "BLOCK_L2", "BLOCK_R"});
  CHECK(idnext_of(doc, "BLOCK_L1") == "BLOCK_L2");
  CHECK(idnext_of(doc, "BLOCK_L2") == "(none)");
  CHECK(idnext_of(doc, "BLOCK_R") == "(none)");  // was BLOCK_L1
  CHECK(out.find("ReadingOrder") == std::string::npos);
  CHECK(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
}

TEST_CASE("alto: the writer refuses a page that was not read from ALTO") {
  page p;
  p.source_name = "x.txt";
  CHECK_THROWS_AS(write_alto(p, page_order{}), colreflow::error);
  page q = read(slurp("hand_v2.xml"));
  q.regions.pop_back();
  CHECK_THROWS_AS(write_alto(q, page_order{}), colreflow::error);
}

// tests/schemas/validate_alto.sh runs this with CRF_ALTO_SCHEMA_OUT set and
// checks what it writes with xmllint against the official XSDs. The file
// name's prefix (v2_, v3_, v4_) names the schema.
TEST_CASE("alto: write files for schema validation") {
  const char *dir = std::getenv("CRF_ALTO_SCHEMA_OUT");
  struct job {
    const char *in, *out;
    int how;  // 0 input order, 1 reversed, 2 an article per block
  };
  const job jobs[] = {
      {"hand_v4.xml", "v4_hand_input_order.xml", 0},
      {"hand_v4.xml", "v4_hand_reversed.xml", 1},
      {"hand_v4.xml", "v4_hand_per_block.xml", 2},
      {"hand_v2.xml", "v2_hand_reversed.xml", 1},
      {"ulb_1667522809_J_0001_0002.xml", "v3_ulb_0002_reversed.xml", 1},
      {"ulb_1667522809_J_0073_0512.xml", "v3_ulb_0512_per_block.xml", 2},
  };
  for (const job &j : jobs) {
    const page p = read(slurp(j.in), j.in);
    const page_order order = j.how == 0 ? one_article(p) : j.how == 1 ? reversed(p) : article_per_block(p);
    const std::string out = write_alto(p, order);
    check_references(out);
    if (!dir) continue;
    std::ofstream f(std::string(dir) + "/" + j.out, std::ios::binary);
    f << out;
    CHECK(f.good());
  }
}
