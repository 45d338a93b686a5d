// The writers, on documents built by hand so that they do not depend on
// the repair stages.
#include <doctest/doctest.h>

#include <string>

#include "model/document.hpp"
#include "write/json_escape.hpp"
#include "write/stats.hpp"
#include "write/writers.hpp"

namespace {

using namespace colreflow::detail;

std::string escaped(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

line make_line(std::uint32_t source_line) {
  line l;
  l.text = "x";
  l.source_line = source_line;
  return l;
}

// Blocks view the document's lines: lines first..first+count-1 (1-based).
block make_block(const document &doc, std::uint32_t index, std::uint32_t first,
                 std::uint32_t count, role r) {
  block b;
  b.input_index = index;
  b.kind = r;
  b.lines = std::span<const line>(doc.lines).subspan(first - 1, count);
  return b;
}

// Two articles: a headline of two lines and a body, then a subheading and a
// body. Block 1 (lines 4-5) was read before block 0 in the output.
document sample() {
  document doc;
  doc.source_name = "page \"7\".txt";
  doc.writing = script::cjk;
  for (std::uint32_t i = 1; i <= 6; ++i) doc.lines.push_back(make_line(i));
  doc.blocks = {make_block(doc, 0, 1, 2, role::headline), make_block(doc, 1, 4, 2, role::body),
                make_block(doc, 2, 6, 1, role::subheading)};
  doc.order = {1, 0, 2};
  doc.articles = {
      article{{unit{role::headline, "Title one\nTitle two", {1, 2}},
               unit{role::body, "- not a list", {4, 5}}}},
      article{{unit{role::subheading, "Section", {6}}, unit{role::body, "Last words.", {6}}}},
  };
  doc.log.add(repair_kind::block_moved, 4, 5, "mid-sentence junction", 0.456);
  doc.log.add(repair_kind::dehyphenation, 4, 5, "known word", 0.9);
  return doc;
}

}  // namespace

TEST_SUITE("write") {
  TEST_CASE("json strings escape quotes, backslashes and control characters") {
    CHECK(escaped("plain") == "\"plain\"");
    CHECK(escaped("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(escaped("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
    CHECK(escaped(std::string_view("\0\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\\u007f\"");
    CHECK(escaped("\xE2\x80\xA8") == "\"\\u2028\"");          // LINE SEPARATOR
    CHECK(escaped("\xE6\x96\x87") == "\"\xE6\x96\x87\"");     // 文 stays UTF-8
    CHECK(escaped("\xF0\x9F\x98\x80") == "\"\xF0\x9F\x98\x80\"");
    // Ill-formed bytes never reach the output: each becomes U+FFFD.
    CHECK(escaped("a\xC3(") == "\"a\xEF\xBF\xBD(\"");
    CHECK(escaped("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  }

  TEST_CASE("txt: units and articles separated by one blank line, one final newline") {
    CHECK(write_txt(sample()) ==
          "Title one\nTitle two\n\n- not a list\n\nSection\n\nLast words.\n");
  }

  TEST_CASE("txt and md: an empty document writes nothing") {
    document doc;
    CHECK(write_txt(doc) == "");
    CHECK(write_md(doc) == "");
    doc.articles = {article{{unit{role::body, " \n", {1}}}}};
    CHECK(write_txt(doc) == "");
  }

  TEST_CASE("txt: trailing newlines in a unit do not add blank lines") {
    document doc;
    doc.articles = {article{{unit{role::body, "a\n\n", {1}}, unit{role::body, "b", {2}}}}};
    CHECK(write_txt(doc) == "a\n\nb\n");
  }

  TEST_CASE("md: headline lines as #, subheadings as ##, list-like text escaped") {
    CHECK(write_md(sample()) ==
          "# Title one\n# Title two\n\n\\- not a list\n\n## Section\n\nLast words.\n");
    document doc;
    doc.articles = {article{{unit{role::body, "1. first", {1}}, unit{role::body, "#tag", {2}}}}};
    CHECK(write_md(doc) == "1\\. first\n\n\\#tag\n");
  }

  TEST_CASE("json: stable layout, blocks in output order, stats") {
    const std::string json = write_json(sample());
    CHECK(json.rfind("{\n  \"colreflow\": \"", 0) == 0);
    CHECK(json.find("\"source\": \"page \\\"7\\\".txt\"") != std::string::npos);
    CHECK(json.find("\"script\": \"cjk\"") != std::string::npos);
    CHECK(json.find("\"text\": \"Title one\\nTitle two\"") != std::string::npos);
    CHECK(json.find("\"source_lines\": [1, 2]") != std::string::npos);
    // Block 1 comes first, at position 0.
    const auto first_block = json.find("\"index\": ");
    REQUIRE(first_block != std::string::npos);
    CHECK(json.compare(first_block, 10, "\"index\": 1") == 0);
    CHECK(json.find("\"confidence\": 0.46") != std::string::npos);
    CHECK(json.find("\"blocks_moved\": 1") != std::string::npos);
    CHECK(json.find("\"dehyphenation\": 1") != std::string::npos);
    CHECK(json.find("\"column_join\": 0") != std::string::npos);
    CHECK(json.back() == '\n');
    // Keys in the documented order.
    const char *keys[] = {"\"colreflow\"", "\"source\"", "\"script\"", "\"articles\"",
                          "\"blocks\"",    "\"repairs\"", "\"stats\""};
    std::size_t at = 0;
    for (const char *k : keys) {
      CAPTURE(k);
      const auto next = json.find(k, at);
      CHECK(next != std::string::npos);
      at = next;
    }
  }

  TEST_CASE("json: an empty document is still a complete document") {
    document doc;
    doc.source_name = "empty.txt";
    const std::string json = write_json(doc);
    CHECK(json.find("\"articles\": []") != std::string::npos);
    CHECK(json.find("\"blocks\": []") != std::string::npos);
    CHECK(json.find("\"repairs\": []") != std::string::npos);
    CHECK(json.find("\"lines\": 0") != std::string::npos);
  }

  TEST_CASE("blocks moved counts the fewest moves, not every shifted block") {
    document doc;
    doc.order = {3, 0, 1, 2};  // one block brought to the front
    CHECK(compute_stats(doc).blocks_moved == 1);
    doc.order = {0, 1, 2, 3};
    CHECK(compute_stats(doc).blocks_moved == 0);
    doc.order = {3, 2, 1, 0};
    CHECK(compute_stats(doc).blocks_moved == 3);
  }

  TEST_CASE("report: counts, explanations and low-confidence decisions") {
    const std::string r = write_report(sample());
    CHECK(r.find("page \"7\".txt: CJK text, 6 lines, 3 blocks, 1 moved") != std::string::npos);
    CHECK(r.find("block_moved") != std::string::npos);
    CHECK(r.find("line-end hyphens removed") != std::string::npos);
    CHECK(r.find("1 low-confidence decision (below 0.60)") != std::string::npos);
    CHECK(r.find("lines 4-5") != std::string::npos);
    CHECK(r.find("0.46  mid-sentence junction") != std::string::npos);
    CHECK(r.find("known word") == std::string::npos);  // confident: not listed
  }
}
