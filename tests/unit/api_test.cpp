// The C++ and C APIs: statuses, messages, ownership, threads.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "colreflow/colreflow.h"
#include "colreflow/colreflow.hpp"
#include "support/invariants.hpp"

namespace {

colreflow::status status_of(std::string_view bytes, const colreflow::options &o = {}) {
  try {
    (void)colreflow::document::from_text(bytes, o);
  } catch (const colreflow::error &e) {
    return e.code();
  }
  return colreflow::status::ok;
}

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_SUITE("api") {
  TEST_CASE("C++ API: error codes") {
    using colreflow::status;
    CHECK(status_of("fine\n") == status::ok);
    CHECK(status_of("") == status::ok);
    CHECK(status_of("bad \xFF") == status::invalid);
    CHECK(status_of(std::string_view("nul\0", 4)) == status::invalid);
    colreflow::options o;
    o.max_input_bytes = 2;
    CHECK(status_of("abc", o) == status::limit);
    o.max_input_bytes = 0;  // 0 means the default, as in C
    CHECK(status_of("abc", o) == status::ok);

    const auto doc = colreflow::document::from_text("a\n");
    CHECK_THROWS_AS((void)doc.render(static_cast<colreflow::format>(9)), colreflow::error);
  }

  TEST_CASE("C++ API: error messages start with the source name") {
    colreflow::options o;
    o.source_name = "scan-004.txt";
    try {
      (void)colreflow::repair_text("ok\n\xC3\x28", colreflow::format::txt, o);
      FAIL("no error");
    } catch (const colreflow::error &e) {
      CHECK(std::string(e.what()) ==
            "scan-004.txt: invalid UTF-8 at byte 4 (line 2): expected a continuation byte");
    }
  }

  TEST_CASE("C++ API: documents move, render deterministically, and conserve text") {
    const std::string text = "Hello world.\n\nA second paragraph\nthat goes on.\n";
    auto a = colreflow::document::from_text(text);
    colreflow::document b = std::move(a);
    CHECK(colreflow::test::check_conservation(text, b) == "");
    CHECK(b.render(colreflow::format::json) ==
          colreflow::document::from_text(text).render(colreflow::format::json));
    CHECK(colreflow::repair_text("Hello world.\n") == "Hello world.\n");
    CHECK_THROWS_AS((void)a.render(colreflow::format::txt), colreflow::error);  // moved from
  }

  TEST_CASE("the founding sample keeps every character") {
    const std::string text = read_file(CRF_SOURCE_DIR "/samples/wuxi-police-conference.ocr.txt");
    const auto doc = colreflow::document::from_text(text);
    CHECK(colreflow::test::check_conservation(text, doc) == "");
    CHECK_FALSE(doc.render(colreflow::format::txt).empty());
  }

  TEST_CASE("conservation checker reports a lost character") {
    // A document made from other text than the input must be flagged.
    const auto doc = colreflow::document::from_text("abc\n");
    const std::string why = colreflow::test::check_conservation("abcd\n", doc);
    CHECK(why.find("U+0064 'd': 1 in the input, 0 in the output") != std::string::npos);
    CHECK(colreflow::test::check_conservation("\xEF\xBB\xBF" "abc", doc) == "");
  }

  TEST_CASE("C API: statuses and messages") {
    crf_buf out = CRF_BUF_INIT;
    CHECK(crf_repair_text(&out, "\xE0\x80\x80", 3, CRF_FORMAT_TXT, nullptr) == CRF_EINVALID);
    CHECK(std::string(crf_error_last()).find("byte 0") != std::string::npos);
    crf_options o = CRF_OPTIONS_INIT;
    o.max_input_bytes = 1;
    CHECK(crf_repair_text(&out, "ab", 2, CRF_FORMAT_TXT, &o) == CRF_ELIMIT);
    CHECK(crf_repair_text(&out, "ab", 2, static_cast<crf_format>(3), nullptr) == CRF_EUSAGE);
    CHECK(crf_repair_text(&out, "ab", 2, CRF_FORMAT_MD, nullptr) == CRF_OK);
    CHECK(std::string(out.ptr, out.size) == "ab\n");
    crf_buf_dispose(&out);
  }

  TEST_CASE("C API: the error message is per thread") {
    crf_buf out = CRF_BUF_INIT;
    CHECK(crf_repair_text(&out, "\xFF", 1, CRF_FORMAT_TXT, nullptr) == CRF_EINVALID);
    const std::string mine = crf_error_last();
    std::string theirs = "unset";
    std::thread t([&] {
      theirs = crf_error_last();  // nothing failed on this thread yet
      crf_buf o2 = CRF_BUF_INIT;
      (void)crf_repair_text(&o2, "x", 1, CRF_FORMAT_TXT, nullptr);
      crf_buf_dispose(&o2);
      crf_options bad = CRF_OPTIONS_INIT;
      bad.version = 7;
      (void)crf_repair_text(&o2, "x", 1, CRF_FORMAT_TXT, &bad);
      crf_buf_dispose(&o2);
    });
    t.join();
    CHECK(theirs.empty());
    CHECK(std::string(crf_error_last()) == mine);
  }

  TEST_CASE("C API: an overlong message is cut on a UTF-8 boundary") {
    std::string long_name;
    for (int i = 0; i < 400; ++i) long_name += "\xE6\x96\x87";  // 1200 bytes of 文
    crf_document *doc = nullptr;
    CHECK(crf_document_from_text(&doc, "\xFF", 1, long_name.c_str(), nullptr) == CRF_EINVALID);
    const std::string msg = crf_error_last();
    CHECK(msg.size() < 1024);
    CHECK(msg.size() % 3 == 0);  // only whole 文 characters
    CHECK(colreflow::repair_text(msg).size() == msg.size() + 1);  // valid UTF-8
  }
}
