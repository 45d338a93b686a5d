// Limits shared by the readers and the pipeline: words per page, the
// per-page deadline, image pixels (read/limits, model/deadline).
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "colreflow/colreflow.h"
#include "colreflow/colreflow.hpp"
#include "model/deadline.hpp"
#include "read/image_reader.hpp"
#include "read/limits.hpp"
#include "support/source_files.hpp"

using colreflow::status;
using colreflow::detail::check_deadline;
using colreflow::detail::count_words;
using colreflow::detail::deadline_scope;

namespace {

// Runs `f`, which must throw colreflow::error; returns its message.
template <typename F>
std::string limit_message(F f) {
  try {
    f();
  } catch (const colreflow::error &e) {
    CHECK(e.code() == status::limit);
    return e.what();
  }
  FAIL("no colreflow::error thrown");
  return "";
}

}  // namespace

TEST_SUITE("limits") {
  TEST_CASE("words: Latin runs, each CJK character, no punctuation alone") {
    CHECK(count_words("") == 0);
    CHECK(count_words("  \t ") == 0);
    CHECK(count_words("The council met.") == 3);
    CHECK(count_words("re-use 2024 — ok") == 3);
    CHECK(count_words("\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF\xEF\xBC\x8C") == 3);  // 本报讯，
    CHECK(count_words("2024\xE5\xB9\xB4") == 2);                                 // 2024年
    CHECK(count_words("a b c d e f", 2) == 3);  // stops once past the cap
  }

  TEST_CASE("max_words refuses text and geometry pages beyond it, and only those") {
    colreflow::options o;
    o.source_name = "w.txt";
    o.max_words = 4;
    CHECK(limit_message([&] { colreflow::document::from_text("one two\nthree four five\n", o); })
              .rfind("w.txt: the page has more than the limit of 4 words", 0) == 0);
    CHECK_NOTHROW(colreflow::document::from_text("one two\nthree four\n", o));
    o.source_name = "hand_v2.xml";
    const std::string alto = colreflow::test::source_file("tests/data/alto/hand_v2.xml");
    CHECK(limit_message([&] {
            colreflow::document::from_bytes(alto, colreflow::input_format::alto, o);
          }).find("more than the limit of 4 words") != std::string::npos);
    o.max_words = 100;
    CHECK_NOTHROW(colreflow::document::from_bytes(alto, colreflow::input_format::alto, o));
  }

  TEST_CASE("the C API takes max_words and max_millis and answers CRF_ELIMIT") {
    crf_options o = CRF_OPTIONS_INIT;
    o.max_words = 2;
    crf_document *doc = nullptr;
    CHECK(crf_document_from_text(&doc, "a b c", 5, "c.txt", &o) == CRF_ELIMIT);
    CHECK(doc == nullptr);
    CHECK(std::string(crf_error_last()).rfind("c.txt: ", 0) == 0);
    o.max_words = 0;  // the default
    CHECK(crf_document_from_text(&doc, "a b c", 5, "c.txt", &o) == CRF_OK);
    crf_document_free(doc);
  }

  TEST_CASE("a deadline throws once passed, names the source and stage, and ends with its scope") {
    CHECK_NOTHROW(check_deadline("nothing open"));
    {
      const deadline_scope none(0, "free.txt");
      std::this_thread::sleep_for(std::chrono::milliseconds(3));
      CHECK_NOTHROW(check_deadline("no limit"));
    }
    {
      const deadline_scope outer(60'000, "outer.txt");
      CHECK_NOTHROW(check_deadline("early"));
      {
        const deadline_scope inner(1, "inner.txt");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        const std::string m = limit_message([] { check_deadline("the order search"); });
        CHECK(m.rfind("inner.txt: ", 0) == 0);
        CHECK(m.find("limit of 1 ms") != std::string::npos);
        CHECK(m.find("the order search") != std::string::npos);
      }
      CHECK_NOTHROW(check_deadline("the outer one again"));
    }
    CHECK_NOTHROW(check_deadline("all closed"));
  }

  TEST_CASE("a page over max_millis is refused with the file name") {
    // A few thousand lines take well over a millisecond to repair.
    std::string text;
    for (int i = 0; i < 4000; ++i) text += "the council met on monday and will meet again\n";
    colreflow::options o;
    o.source_name = "slow.txt";
    o.max_millis = 1;
    const std::string m = limit_message([&] { colreflow::document::from_text(text, o); });
    CHECK(m.rfind("slow.txt: repairing the page took longer than the limit of 1 ms", 0) == 0);
    o.max_millis = 600'000;
    CHECK_NOTHROW(colreflow::document::from_text(text, o));
  }

  TEST_CASE("image pixels: the header is checked before decoding") {
    colreflow::detail::image_options io;
    const std::string png = colreflow::test::source_file("tests/data/images/en_gpl3.png");
    io.max_pixels = 1000;
    const std::string m = limit_message(
        [&] { colreflow::detail::decode_image_size(png, "scan.png", io); });
    CHECK(m == "scan.png: image of 1240x1127 = 1397480 pixels is over the limit of 1000 pixels");
    io.max_pixels = 1240 * 1127;
    CHECK(colreflow::detail::decode_image_size(png, "scan.png", io) ==
          std::pair<std::int32_t, std::int32_t>{1240, 1127});
  }
}
