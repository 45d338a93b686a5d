// The Tesseract TSV reader and writer, on Tesseract's own output
// (tests/data/tsv, see SOURCE.md there) and on small hand-made rows.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "colreflow/colreflow.hpp"
#include "read/hocr_reader.hpp"
#include "read/tsv_reader.hpp"
#include "support/page_checks.hpp"
#include "support/source_files.hpp"
#include "write/tsv_writer.hpp"

namespace {

using colreflow::status;
using namespace colreflow::detail;
using colreflow::test::identity_order;
using colreflow::test::line_count;
using colreflow::test::words_of;

constexpr const char *kHeader =
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

std::string slurp(const std::string &path) {
  return colreflow::test::source_file("tests/data/" + path);
}

page read(const std::string &bytes) { return read_tsv(bytes, "page.tsv", 1 << 20); }

std::string read_error(const std::string &bytes, status code = status::invalid) {
  try {
    read(bytes);
  } catch (const colreflow::error &e) {
    CHECK(e.code() == code);
    return e.what();
  }
  FAIL("no error for " << bytes);
  return "";
}

// Rows without their block_num column, sorted: what must survive any order.
std::vector<std::string> rows_but_block(const std::string &tsv) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < tsv.size()) {
    std::size_t end = tsv.find('\n', start);
    const std::string row = tsv.substr(start, end - start);
    start = end + 1;
    const std::string_view field = tsv_field(row, 2);
    const std::size_t at = static_cast<std::size_t>(field.data() - row.data());
    out.push_back(row.substr(0, at) + row.substr(at + field.size()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> first_texts(const page &p) {
  std::vector<std::string> out;
  for (const region &r : p.regions) out.push_back(r.lines.at(0).text);
  return out;
}

}  // namespace

TEST_SUITE("tsv") {
  TEST_CASE("tsv: Tesseract's Chinese page, figures") {
    const page p = read(slurp("tsv/zh_traffic3.tsv"));
    CHECK(p.format == source_format::tsv);
    CHECK(p.width == 1400);
    CHECK(p.height == 740);
    CHECK(p.tsv_rows.size() == 310);  // the header and every row
    CHECK(p.tsv_rows[0] == kHeader);
    REQUIRE(p.regions.size() == 5);
    CHECK(line_count(p) == 31);
    CHECK(words_of(p).size() == 264);
    const region &r = p.regions[0];
    CHECK(r.id == "1");
    CHECK(r.source_line == 3);
    CHECK(r.bbox.x0 == 238);
    CHECK(r.bbox.x1 == 238 + 898);
    const text_line &l = r.lines[0];
    CHECK(l.id == "1.1.1");
    CHECK(l.source_line == 5);
    CHECK(l.text == "我市局动复季道路交通安全整治行");
    CHECK(l.font_size == 56);  // the line's height
    REQUIRE(l.words.size() == 11);
    CHECK(l.words[0].bbox.x1 == 292);
    CHECK(l.words[0].bbox.y1 == 151);
    CHECK(l.words[0].confidence == doctest::Approx(96.940193));
    CHECK(l.words[10].confidence == 0);
  }

  TEST_CASE("tsv: Tesseract's magazine page: image and rule blocks are not regions, rules are separators") {
    const page p = read(slurp("tsv/8087_054.3B.tsv"));
    CHECK(p.width == 2560);
    CHECK(p.regions.size() == 6);  // of 9 blocks; 1, 3 and 7 hold one " " word
    CHECK(p.regions[0].id == "2");
    CHECK(line_count(p) == 116);
    CHECK(words_of(p).size() == 694);
    // Block 3, a thin rule, as the hOCR of the same run has it (ocr_separator).
    REQUIRE(p.separators.size() == 1);
    CHECK(p.separators[0].bbox.x0 == 1115);
    CHECK(p.separators[0].bbox.y1 == 376);
  }

  TEST_CASE("tsv: the TSV and the hOCR of one run hold the same words and boxes") {
    for (const char *name : {"zh_traffic3", "8087_054.3B", "en_jump3"}) {
      CAPTURE(name);
      const page t = read(slurp(std::string("tsv/") + name + ".tsv"));
      const page h = read_hocr(slurp(std::string("hocr/") + name + ".hocr"), "h", xml_limits{});
      CHECK(words_of(t) == words_of(h));
      CHECK(t.regions.size() == h.regions.size());
      CHECK(line_count(t) == line_count(h));
    }
  }

  TEST_CASE("tsv: malformed input is refused naming the line and column") {
    const std::string h = std::string(kHeader) + "\n";
    const std::string page_row = "1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t\n";
    CHECK(read_error("") ==
          "page.tsv: line 1: expected the Tesseract TSV header \"level page_num block_num "
          "par_num line_num word_num left top width height conf text\" (tab-separated), found "
          "the end of the input");
    CHECK(read_error(page_row).find("page.tsv: line 1: expected the Tesseract TSV header") == 0);
    CHECK(read_error(h + page_row + "5\t1\t1\t1\t1\t1\t0\t0\t5\t5\t90\n") ==
          "page.tsv: line 3: column 12 (text) is missing: expected 12 tab-separated columns, "
          "found 11");
    CHECK(read_error(h + page_row + "5\t1\t1\t1\t1\t1\t0\t0\t5\t5\t90\ta\tb\n") ==
          "page.tsv: line 3: column 13: expected 12 tab-separated columns, found 13");
    CHECK(read_error(h + page_row + "5\t1\t1\t1\t1\t1\tx1\t0\t5\t5\t90\ta\n") ==
          "page.tsv: line 3: column 7 (left): expected an integer, found \"x1\"");
    CHECK(read_error(h + page_row + "5\t1\t1\t1\t1\t1\t1.5\t0\t5\t5\t90\ta\n") ==
          "page.tsv: line 3: column 7 (left): expected an integer, found \"1.5\"");
    CHECK(read_error(h + page_row + "5\t1\t1\t1\t1\t\t1\t0\t5\t5\t90\ta\n") ==
          "page.tsv: line 3: column 6 (word_num): expected an integer, found \"\"");
    CHECK(read_error(h + page_row + "5\t1\t1\t1\t1\t1\t1\t0\t99999999999\t5\t90\ta\n")
              .find("page.tsv: line 3: column 9 (width): expected an integer from -268435456 to") == 0);
    CHECK(read_error(h + page_row + "5\t1\t1\t1\t1\t1\t1\t0\t-5\t5\t90\ta\n") ==
          "page.tsv: line 3: column 9 (width): expected a size >= 0, found -5");
    CHECK(read_error(h + page_row + "7\t1\t1\t1\t1\t1\t1\t0\t5\t5\t90\ta\n") ==
          "page.tsv: line 3: column 1 (level): expected 1 to 5, found 7");
    CHECK(read_error(h + page_row + "5\t1\t1\t1\t1\t1\t1\t0\t5\t5\tnan\ta\n") ==
          "page.tsv: line 3: column 11 (conf): expected a number, found \"nan\"");
    CHECK(read_error(h + page_row + "\n5\t2\t1\t1\t1\t1\t1\t0\t5\t5\t90\ta\n") ==
          "page.tsv: line 4: column 2 (page_num): page 2 after page 1: colreflow reads one "
          "page at a time, so split the TSV per page");
    CHECK(read_tsv(h, "page.tsv", h.size()).regions.empty());
    try {
      read_tsv(h, "page.tsv", 10);
      FAIL("no limit error");
    } catch (const colreflow::error &e) {
      CHECK(e.code() == status::limit);
    }
  }

  TEST_CASE("tsv: CRLF, a BOM and blank lines are accepted; words without rows above them too") {
    const page p = read("\xEF\xBB\xBF" + std::string(kHeader) +
                        "\r\n\r\n5\t1\t4\t1\t2\t1\t10\t20\t30\t40\t91.5\tword\r\n"
                        "5\t1\t4\t1\t2\t2\t50\t20\t10\t45\t-1\tnext\r\n");
    REQUIRE(p.regions.size() == 1);
    CHECK(p.regions[0].id == "4");
    CHECK(p.regions[0].source_line == 3);
    const text_line &l = p.regions[0].lines.at(0);
    CHECK(l.text == "word next");
    CHECK(l.bbox.x0 == 10);
    CHECK(l.bbox.x1 == 60);
    CHECK(l.bbox.y1 == 65);
    CHECK(l.words[0].confidence == doctest::Approx(91.5));
    CHECK(l.words[1].confidence == -1);
    CHECK(p.regions[0].bbox.y1 == 65);
  }

  TEST_CASE("tsv: writing in the input order gives the input back") {
    for (const char *name : {"zh_traffic3.tsv", "8087_054.3B.tsv", "en_jump3.tsv"}) {
      CAPTURE(name);
      const std::string in = slurp(std::string("tsv/") + name);
      const page p = read(in);
      CHECK(write_tsv(p, identity_order(p)) == in);
    }
  }

  TEST_CASE("tsv: the writer regroups blocks in reading order and renumbers them") {
    const std::string in = slurp("tsv/8087_054.3B.tsv");
    const page p = read(in);
    page_order order;
    order.articles = {{5, 4}, {3, 2, 1, 0}};
    const std::string out = write_tsv(p, order);
    CHECK(rows_but_block(out) == rows_but_block(in));
    const page again = read(out);
    std::vector<std::string> expected = first_texts(p);
    std::reverse(expected.begin(), expected.end());
    CHECK(first_texts(again) == expected);
    CHECK(words_of(again) == words_of(p));
    // Blocks are numbered 1..9 down the file, each block's rows together;
    // the image and rule blocks keep their places (1, 3 and 7).
    std::vector<std::int32_t> numbers;
    for (std::size_t k = 1; k < again.tsv_rows.size(); ++k) {
      const tsv_row r = parse_tsv_row(again.tsv_rows[k], "out", k + 1);
      if (r.level > 1 && (numbers.empty() || numbers.back() != r.block_num))
        numbers.push_back(r.block_num);
    }
    CHECK(numbers == std::vector<std::int32_t>{1, 2, 3, 4, 5, 6, 7, 8, 9});
    std::vector<std::string> ids;
    for (const region &r : again.regions) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{"2", "4", "5", "6", "8", "9"});
    CHECK(again.tsv_rows[2] == "2\t1\t1\t0\t0\t0\t76\t4\t68\t11\t-1\t");
    CHECK(write_tsv(page{}, order).empty());
  }
}
