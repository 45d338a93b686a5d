// "Nothing lost" for geometry inputs, checked against the words read
// straight from each file (tests/support source_words) rather than against
// the reader's own lines.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "colreflow/colreflow.hpp"
#include "support/invariants.hpp"
#include "support/source_files.hpp"
#include "support/source_words.hpp"

namespace {

using colreflow::input_format;

void check_directory(const std::string &dir, input_format format, const std::string &ext) {
  int files = 0;
  for (const auto &entry :
       std::filesystem::recursive_directory_iterator(std::filesystem::path(CRF_SOURCE_DIR) / dir)) {
    const std::string name =
        std::filesystem::relative(entry.path(), std::filesystem::path(CRF_SOURCE_DIR) / dir).string();
    if (name.size() < ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0)
      continue;
    ++files;
    const std::string bytes = colreflow::test::source_file(dir + "/" + name);
    const colreflow::document doc = colreflow::document::from_bytes(bytes, format);
    INFO(dir, "/", name);
    CHECK(colreflow::test::check_conservation(colreflow::test::source_words(bytes, format), doc) ==
          "");
  }
  CHECK(files > 0);
}

}  // namespace

TEST_SUITE("source_words") {
  TEST_CASE("source_words: every word of the ALTO files reaches the output") {
    check_directory("tests/data/alto", input_format::alto, ".xml");
  }
  TEST_CASE("source_words: every word of the hOCR files reaches the output") {
    check_directory("tests/data/hocr", input_format::hocr, ".hocr");
    check_directory("tests/data/images", input_format::hocr, ".hocr");
  }
  TEST_CASE("source_words: every word of the PAGE files reaches the output") {
    check_directory("tests/data/page", input_format::page, ".xml");
  }
  TEST_CASE("source_words: every word of the TSV files reaches the output") {
    check_directory("tests/data/tsv", input_format::tsv, ".tsv");
  }
  TEST_CASE("source_words: the walk is the file's, not the reader's") {
    const std::string alto =
        "<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"ab\"/><SP/>"
        "<String CONTENT=\"cd\"/><HYP CONTENT=\"-\"/></TextLine></TextBlock></PrintSpace></Page>"
        "</Layout></alto>";
    CHECK(colreflow::test::source_words(alto, input_format::alto) == "\nab\ncd\n-\n");
    const std::string page =
        "<PcGts><Page><TextRegion><TextLine><TextEquiv><Unicode>whole line</Unicode></TextEquiv>"
        "<Word><TextEquiv index=\"2\"><Unicode>b</Unicode></TextEquiv><TextEquiv index=\"1\">"
        "<Unicode>w</Unicode></TextEquiv></Word></TextLine></TextRegion>"
        "<TextRegion><TextEquiv><Unicode>r</Unicode></TextEquiv></TextRegion></Page></PcGts>";
    CHECK(colreflow::test::source_words(page, input_format::page) == "\nwhole line\nr\n");
    const std::string words =
        "<PcGts><Page><TextRegion><TextLine><Word><TextEquiv index=\"2\"><Unicode>b</Unicode>"
        "</TextEquiv><TextEquiv index=\"1\"><Unicode>w</Unicode></TextEquiv></Word><Word><Glyph>"
        "<TextEquiv><Unicode>g</Unicode></TextEquiv></Glyph></Word></TextLine></TextRegion>"
        "</Page></PcGts>";
    CHECK(colreflow::test::source_words(words, input_format::page) == "\nw\ng\n");
    const std::string hocr =
        "<html><body><div class=\"ocr_page\"><span class=\"ocr_line\"><span "
        "class=\"ocrx_word\">a<b>b</b></span></span><span class=\"ocr_line\">c d</span></div>"
        "<div class=\"ocr_page\"><span class=\"ocrx_word\">z</span></div></body></html>";
    CHECK(colreflow::test::source_words(hocr, input_format::hocr) == "\nab\nc d\n");
    const std::string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop"
                            "\twidth\theight\tconf\ttext\n4\t1\t1\t1\t1\t0\t0\t0\t9\t9\t-1\t\n"
                            "5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t90\tword\n";
    CHECK(colreflow::test::source_words(tsv, input_format::tsv) == "\nword\n");
  }
}
