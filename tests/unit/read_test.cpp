// The plain-text reader: validation, line splitting, limits.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "colreflow/colreflow.hpp"
#include "read/text_reader.hpp"
#include "support/invariants.hpp"

using namespace std::string_view_literals;

namespace {

using colreflow::status;
using colreflow::detail::document;
using colreflow::detail::read_limits;
using colreflow::detail::read_text;

document read(std::string_view bytes, std::size_t limit = 1024 * 1024) {
  document doc;
  doc.source_name = "page.txt";
  read_limits limits;
  limits.max_input_bytes = limit;
  read_text(doc, bytes, limits);
  return doc;
}

// The error read_text throws for `bytes`, or a failed check if none.
colreflow::error read_error(std::string_view bytes, std::size_t limit = 1024 * 1024) {
  try {
    read(bytes, limit);
  } catch (const colreflow::error &e) {
    return e;
  }
  FAIL("no error for input " << std::string(bytes));
  return colreflow::error(status::ok, "");
}

std::string texts(const document &doc) {
  std::string s;
  for (const auto &l : doc.lines) s.append("[").append(l.text).append("]");
  return s;
}

}  // namespace

TEST_SUITE("read") {
  TEST_CASE("lines view a copy of the input that the document keeps, short lines too") {
    std::string bytes = "one\nan example of a longer line\n";
    document doc = read(bytes);
    bytes.assign(bytes.size(), 'x');  // the reader's input is gone
    const document moved = std::move(doc);
    CHECK(texts(moved) == "[one][an example of a longer line]");
  }

  TEST_CASE("a text store keeps its copies where they are, and a moved-from one is empty") {
    colreflow::detail::text_store store;
    std::vector<std::string_view> kept;
    std::string expected;
    for (int i = 0; i < 20000; ++i) {  // many 64 KiB chunks, and texts of their own
      const std::string s = i % 1000 == 0 ? std::string(40000, 'a' + i % 26) : std::to_string(i);
      kept.push_back(store.keep(s));
      expected += s;
    }
    colreflow::detail::text_store other = std::move(store);
    std::string got;
    for (std::string_view v : kept) got += v;
    CHECK(got == expected);
    CHECK(store.keep("again") == "again");  // NOLINT(bugprone-use-after-move): reusable
    CHECK(store.keep("").empty());
  }

  TEST_CASE("empty input gives no lines and is not an error") {
    CHECK(read("").lines.empty());
    CHECK(colreflow::repair_text("") == "");
    CHECK(colreflow::repair_text(" \n\t\n\r\n") == "");
    CHECK(colreflow::repair_text("\xE3\x80\x80\n") == "");  // U+3000 only
    CHECK(colreflow::repair_text("\xEF\xBB\xBF") == "");   // a BOM alone
  }

  TEST_CASE("lines are split on LF, CRLF and lone CR, numbered from 1") {
    const document doc = read("a\nb\r\nc\rd");
    CHECK(texts(doc) == "[a][b][c][d]");
    REQUIRE(doc.lines.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) CHECK(doc.lines[i].source_line == i + 1);
  }

  TEST_CASE("CRLF input reads exactly as LF input") {
    const std::string lf = "First line\n\nSecond block  \nend\n";
    std::string crlf;
    for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(texts(read(crlf)) == texts(read(lf)));
    CHECK(colreflow::repair_text(crlf, colreflow::format::json) ==
          colreflow::repair_text(lf, colreflow::format::json));
  }

  TEST_CASE("blank lines, trailing spaces and a missing final newline are kept") {
    CHECK(texts(read("a  \n\n\tb")) == "[a  ][][\tb]");
    CHECK(texts(read("a\n")) == "[a]");  // a final terminator opens no line
    CHECK(texts(read("a\n\n")) == "[a][]");
    CHECK(texts(read("\n")) == "[]");
  }

  TEST_CASE("a leading BOM is stripped, a later U+FEFF is text") {
    CHECK(texts(read("\xEF\xBB\xBFHello")) == "[Hello]");
    CHECK(texts(read("a\xEF\xBB\xBF")) == "[a\xEF\xBB\xBF]");
  }

  TEST_CASE("binary data is refused with the offset of the first bad byte") {
    const auto e = read_error("ok\nab\0cd"sv);
    CHECK(e.code() == status::invalid);
    CHECK(std::string(e.what()) ==
          "page.txt: binary data at byte 5 (line 2): control character 0x00, expected UTF-8 text");
    CHECK(read_error("%PDF\x01\x02").code() == status::invalid);
    CHECK(read_error("\x1b[31mred").code() == status::invalid);  // ESC
    // Tab, vertical tab and form feed occur in real text.
    CHECK(texts(read("a\tb\vc\fd")) == "[a\tb\vc\fd]");
  }

  TEST_CASE("invalid UTF-8 is refused, naming offset, line and reason") {
    struct bad {
      std::string_view bytes;
      std::string_view message;
    };
    const bad cases[] = {
        {"ab\nc\xC3(d", "at byte 5 (line 2): expected a continuation byte"},
        {"\x80", "at byte 0 (line 1): unexpected continuation byte 0x80"},
        {"x\xC0\xAF", "at byte 1 (line 1): overlong encoding (lead byte 0xC0)"},
        {"\xC1\xBF", "overlong encoding"},
        {"\xE0\x80\xAF", "at byte 0 (line 1): overlong encoding"},
        {"\xF0\x80\x80\xAF", "overlong encoding"},
        {"\xED\xA0\x80", "UTF-16 surrogate code point"},
        {"\xED\xBF\xBF", "UTF-16 surrogate code point"},
        {"\xF4\x90\x80\x80", "code point above U+10FFFF"},
        {"\xF5\x80\x80\x80", "byte 0xF5 never occurs in UTF-8"},
        {"\xFF", "byte 0xFF never occurs in UTF-8"},
        {"abc\xE4\xB8", "at byte 3 (line 1): sequence truncated by the end of the input"},
        {"\xF0\x9F\x98", "sequence truncated"},
        {"\xE4\xB8\n", "at byte 2 (line 1): expected a continuation byte"},
        {"\xEF\xBB\xBF\n\n\xC3", "at byte 5 (line 3)"},  // offsets count the BOM
    };
    for (const bad &c : cases) {
      CAPTURE(c.message);
      const auto e = read_error(c.bytes);
      CHECK(e.code() == status::invalid);
      const std::string what = e.what();
      CHECK(what.rfind("page.txt: invalid UTF-8 ", 0) == 0);
      CHECK(what.find(c.message) != std::string::npos);
    }
  }

  TEST_CASE("every well-formed sequence length is accepted") {
    // U+007F, U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFD, U+10000, U+10FFFF
    const std::string_view ok =
        "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBD"
        "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
    // DEL (0x7F) is not a C0 control, so it is text.
    CHECK(read(ok).lines.size() == 1);
    CHECK(read(ok).lines[0].text == ok);
  }

  TEST_CASE("input over the limit is refused with status limit, naming the limit") {
    CHECK_NOTHROW(read("12345", 5));
    const auto e = read_error("123456", 5);
    CHECK(e.code() == status::limit);
    CHECK(std::string(e.what()).find("limit of 5 bytes") != std::string::npos);

    colreflow::options o;
    o.max_input_bytes = 3;
    o.source_name = "big.txt";
    try {
      (void)colreflow::document::from_text("abcd", o);
      FAIL("no limit error");
    } catch (const colreflow::error &err) {
      CHECK(err.code() == status::limit);
      CHECK(std::string(err.what()).rfind("big.txt: ", 0) == 0);
    }
  }

  TEST_CASE("one enormous CJK line is read, repaired, and conserved") {
    // 8 MB on one line: no stage may be quadratic in the line length.
    const std::string_view chars[] = {"\xE5\x85\xAC", "\xE5\xAE\x89", "\xE5\xB7\xA5",
                                      "\xE4\xBD\x9C", "\xEF\xBC\x8C", "\xE3\x80\x82"};
    std::string text;
    text.reserve(8u * 1024 * 1024 + 16);
    for (std::size_t i = 0; text.size() < 8u * 1024 * 1024; ++i) text += chars[i % 6];
    text += '\n';
    const auto doc = colreflow::document::from_text(text);
    CHECK(doc.impl().lines.size() == 1);
    CHECK(colreflow::test::check_conservation(text, doc) == "");
  }
}
