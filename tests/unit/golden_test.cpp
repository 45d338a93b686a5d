// The founding example: raw OCR of a Wuxi Daily article read column by
// column, with its tail first and its last heading at the end. The golden
// output was reviewed by reading it (tests/golden/README.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "colreflow/colreflow.hpp"
#include "model/document.hpp"
#include "support/invariants.hpp"

namespace {

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const std::string kSample = std::string(CRF_SOURCE_DIR) + "/samples/wuxi-police-conference.ocr.txt";
const std::string kGolden = std::string(CRF_SOURCE_DIR) + "/tests/golden/wuxi-police-conference.txt";

std::string without_blank_lines(const std::string &text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line))
    if (line.find_first_not_of(" \t\r") != std::string::npos) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("golden: the Wuxi sample comes out as reviewed") {
  std::string input = slurp(kSample);
  colreflow::document doc = colreflow::document::from_text(input);
  CHECK(doc.render(colreflow::format::txt) == slurp(kGolden));
  CHECK(colreflow::test::check_conservation(input, doc) == "");
}

TEST_CASE("golden: the sample without its blank lines comes out the same") {
  std::string input = without_blank_lines(slurp(kSample));
  colreflow::document doc = colreflow::document::from_text(input);
  CHECK(doc.render(colreflow::format::txt) == slurp(kGolden));
  CHECK(colreflow::test::check_conservation(input, doc) == "");
}

TEST_CASE("golden: the sample with CRLF line ends and a BOM comes out the same") {
  std::string lf = slurp(kSample), crlf = "\xEF\xBB\xBF";
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  CHECK(colreflow::repair_text(crlf) == slurp(kGolden));
}

TEST_CASE("golden: the structure of the sample") {
  colreflow::document doc = colreflow::document::from_text(slurp(kSample));
  const auto &articles = doc.impl().articles;
  REQUIRE(articles.size() == 1);
  const auto &units = articles.front().units;
  REQUIRE(units.size() >= 3);
  // The headline keeps its three lines; the dateline paragraph follows it.
  CHECK(units[0].kind == colreflow::detail::role::headline);
  CHECK(std::count(units[0].text.begin(), units[0].text.end(), '\n') == 2);
  CHECK(units[1].kind == colreflow::detail::role::dateline);
  // Six subheadings, each followed by body text of its own section.
  int subheadings = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].kind != colreflow::detail::role::subheading) continue;
    ++subheadings;
    REQUIRE(i + 1 < units.size());
    CHECK(units[i + 1].kind == colreflow::detail::role::body);
  }
  CHECK(subheadings == 6);
  // The jumped section closes the article: its first source line is line 1.
  CHECK(units.back().source_lines.front() == 1);
}
