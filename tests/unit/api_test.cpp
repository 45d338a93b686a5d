// The C++ and C APIs: statuses, messages, ownership, threads.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <leptonica/allheaders.h>  // pixRead, for crf_document_from_pix

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

  // --- repairs: a cleared bit skips that repair ------------------------------

  TEST_CASE("repairs: each cleared bit skips its repair, and only it") {
    const std::string sample = read_file(CRF_SOURCE_DIR "/samples/wuxi-police-conference.ocr.txt");
    auto count = [](const colreflow::document &d, crf_repair_kind k) {
      int n = 0;
      for (const auto &r : d.repairs()) n += r.kind == k;
      return n;
    };
    auto with = [&](const std::string &text, unsigned repairs) {
      colreflow::options o;
      o.repairs = repairs;
      return colreflow::document::from_text(text, o);
    };
    const auto all = with(sample, CRF_REPAIR_ALL);
    REQUIRE(count(all, CRF_KIND_LINE_JOIN) > 0);
    REQUIRE(count(all, CRF_KIND_SPACING) > 0);
    REQUIRE(count(all, CRF_KIND_BLOCK_MOVED) > 0);
    REQUIRE(count(all, CRF_KIND_COLUMN_JOIN) > 0);

    SUBCASE("order") {
      const auto d = with(sample, CRF_REPAIR_ALL & ~CRF_REPAIR_ORDER);
      CHECK(count(d, CRF_KIND_BLOCK_MOVED) == 0);
      CHECK(count(d, CRF_KIND_HEADING_PLACED) == 0);
      long expected = 0;
      for (const auto &b : d.blocks()) CHECK(b.position == expected++);
      CHECK(count(d, CRF_KIND_LINE_JOIN) > 0);
      CHECK(colreflow::test::check_conservation(sample, d) == "");
    }
    SUBCASE("join") {
      const auto d = with(sample, CRF_REPAIR_ALL & ~CRF_REPAIR_JOIN);
      CHECK(count(d, CRF_KIND_LINE_JOIN) == 0);
      CHECK(count(d, CRF_KIND_COLUMN_JOIN) == 0);
      // Every input line ends a line of the output: no two were joined.
      std::size_t lines = 0;
      for (const auto &a : d.articles())
        for (const auto &u : a.units) {
          std::size_t breaks = 0;
          for (char c : u.text) breaks += c == '\n';
          CHECK(breaks + 1 == u.source_lines.size());
          lines += u.source_lines.size();
        }
      CHECK(lines > 100);
      CHECK(colreflow::test::check_conservation(sample, d) == "");
    }
    SUBCASE("spacing") {
      const auto d = with(sample, CRF_REPAIR_ALL & ~CRF_REPAIR_SPACING);
      CHECK(count(d, CRF_KIND_SPACING) == 0);
      CHECK(count(d, CRF_KIND_LINE_JOIN) == count(all, CRF_KIND_LINE_JOIN));
      // The spaces the full repair removes are still there.
      auto spaces = [](const colreflow::document &x) {
        std::size_t n = 0;
        for (char c : x.render(colreflow::format::txt)) n += c == ' ';
        return n;
      };
      CHECK(spaces(d) > spaces(all));
    }
    SUBCASE("headings") {
      const auto d = with(sample, CRF_REPAIR_ALL & ~CRF_REPAIR_HEADINGS);
      for (const auto &a : d.articles())
        for (const auto &u : a.units) {
          CHECK(u.role != CRF_ROLE_HEADLINE);
          CHECK(u.role != CRF_ROLE_SUBHEADING);
        }
      CHECK(count(d, CRF_KIND_HEADING_PLACED) == 0);
      CHECK(d.render(colreflow::format::md).find("# ") == std::string::npos);
    }
  }

  TEST_CASE("repairs: join off keeps the line-end hyphen") {
    const std::string text = "The council met to dis-\ncuss the plan and discuss it again.\n";
    colreflow::options o;
    o.lexicon_path = "";
    CHECK(colreflow::repair_text(text, colreflow::format::txt, o) ==
          "The council met to discuss the plan and discuss it again.\n");
    o.repairs = CRF_REPAIR_ALL & ~CRF_REPAIR_JOIN;
    CHECK(colreflow::repair_text(text, colreflow::format::txt, o) ==
          "The council met to dis-\ncuss the plan and discuss it again.\n");
  }

  TEST_CASE("repairs: order off keeps a geometry input's file order") {
    const std::string hocr = read_file(CRF_SOURCE_DIR "/tests/data/hocr/en_jump3.hocr");
    colreflow::options o;
    const auto ordered = colreflow::document::from_bytes(hocr, colreflow::input_format::auto_detect, o);
    o.repairs = CRF_REPAIR_ALL & ~CRF_REPAIR_ORDER;
    const auto kept = colreflow::document::from_bytes(hocr, colreflow::input_format::auto_detect, o);
    const auto regions = kept.regions();
    REQUIRE(regions.size() == ordered.regions().size());
    bool moved = false;
    for (const auto &r : kept.repairs()) moved = moved || r.kind == CRF_KIND_BLOCK_MOVED;
    CHECK_FALSE(moved);
    // The ordered document reads some region away from its file position;
    // with order off the regions come in the file's order (their lines rise).
    std::uint32_t previous = 0;
    for (const auto &r : regions) {
      CHECK(r.source_line >= previous);
      previous = r.source_line;
    }
    bool differs = false;
    for (std::size_t i = 0; i < regions.size(); ++i)
      differs = differs || regions[i].id != ordered.regions()[i].id;
    CHECK(differs);
  }

  TEST_CASE("C API: unknown repair bits are refused") {
    crf_options o = CRF_OPTIONS_INIT;
    o.repairs = 0x100;
    crf_buf out = CRF_BUF_INIT;
    CHECK(crf_repair_text(&out, "a\n", 2, CRF_FORMAT_TXT, &o) == CRF_EUSAGE);
    CHECK(std::string(crf_error_last()).find("0x100") != std::string::npos);
  }

  // --- structure through the C++ API ------------------------------------------

  TEST_CASE("C++ API: repairs, articles, blocks and regions match the JSON") {
    const std::string hocr = read_file(CRF_SOURCE_DIR "/tests/data/hocr/en_jump3.hocr");
    const auto d = colreflow::document::from_bytes(hocr);
    const std::string json = d.render(colreflow::format::json);
    CHECK(d.repairs().size() == d.repair_count());
    for (const auto &r : d.repairs()) {
      CHECK(json.find("\"kind\": \"" + r.kind_name + "\"") != std::string::npos);
      CHECK(r.confidence >= 0.0);
      CHECK(r.confidence <= 1.0);
    }
    REQUIRE_FALSE(d.articles().empty());
    for (const auto &a : d.articles())
      for (const auto &u : a.units) CHECK_FALSE(u.source_lines.empty());
    const auto regions = d.regions();
    REQUIRE_FALSE(regions.empty());
    for (std::size_t i = 0; i < regions.size(); ++i) {
      CHECK(regions[i].position == i);
      CHECK(json.find("\"id\": \"" + regions[i].id + "\"") != std::string::npos);
      CHECK(regions[i].x1 > regions[i].x0);
    }
    CHECK(colreflow::document::from_text("a\n").regions().empty());
  }

  TEST_CASE("C++ API: from_file names the file, and a missing one is not_found") {
    const std::string path = CRF_SOURCE_DIR "/tests/data/tsv/en_jump3.tsv";
    const auto d = colreflow::document::from_file(path);
    CHECK(d.input() == colreflow::input_format::tsv);
    CHECK(d.render(colreflow::format::json).find(path) != std::string::npos);
    CHECK(d.render(colreflow::format::txt) ==
          colreflow::document::from_bytes(read_file(path)).render(colreflow::format::txt));
    try {
      (void)colreflow::document::from_file("/nonexistent/page.xml");
      FAIL("no error");
    } catch (const colreflow::error &e) {
      CHECK(e.code() == colreflow::status::not_found);
      CHECK(std::string(e.what()).find("/nonexistent/page.xml: cannot open") == 0);
    }
    colreflow::options small;
    small.max_input_bytes = 100;
    for (const std::string &p : {path, std::string(CRF_SOURCE_DIR "/tests/data/images/en_gpl3.png")}) {
      try {
        (void)colreflow::document::from_file(p, {}, small);
        FAIL("no error");
      } catch (const colreflow::error &e) {
        CHECK(e.code() == colreflow::status::limit);
        CHECK(std::string(e.what()) == p + ": input is larger than the limit of 100 bytes");
      }
    }
  }

  TEST_CASE("C API: a Leptonica PIX reads as Tesseract's hOCR of the same image") {
    // en_gpl3.hocr is `tesseract en_gpl3.png en_gpl3 --dpi 150 -l eng hocr`:
    // one OCR run here, compared with the repair of that hOCR.
    const std::string dir = CRF_SOURCE_DIR "/tests/data/images/";
    PIX *pix = pixRead((dir + "en_gpl3.png").c_str());
    REQUIRE(pix != nullptr);
    crf_options o = CRF_OPTIONS_INIT;
    o.languages = "eng";
    o.dpi = 150;
    crf_document *from_pix = nullptr, *from_hocr = nullptr;
    REQUIRE(crf_document_from_pix(&from_pix, pix, "scan", &o) == CRF_OK);
    CHECK(pixGetRefcount(pix) == 1);  // borrowed: neither kept nor destroyed
    pixDestroy(&pix);
    REQUIRE(crf_document_from_file(&from_hocr, (dir + "en_gpl3.hocr").c_str(), CRF_INPUT_AUTO,
                                   &o) == CRF_OK);
    CHECK(crf_document_input(from_pix) == CRF_INPUT_IMAGE);
    CHECK(crf_document_input(from_hocr) == CRF_INPUT_HOCR);
    crf_buf a = CRF_BUF_INIT, b = CRF_BUF_INIT;
    CHECK(crf_document_render(&a, from_pix, CRF_FORMAT_TXT) == CRF_OK);
    CHECK(crf_document_render(&b, from_hocr, CRF_FORMAT_TXT) == CRF_OK);
    CHECK(a.size > 1000);
    CHECK(std::string(a.ptr, a.size) == std::string(b.ptr, b.size));
    CHECK(crf_document_region_count(from_pix) == crf_document_region_count(from_hocr));
    crf_buf_dispose(&a);
    crf_buf_dispose(&b);
    crf_document_free(from_pix);
    crf_document_free(from_hocr);
    CHECK(crf_document_from_pix(&from_pix, nullptr, "x", nullptr) == CRF_EUSAGE);
    CHECK(from_pix == nullptr);
  }

  // --- one engine, many threads ------------------------------------------------

  TEST_CASE("C API: 8 threads sharing one engine give the bytes of one thread") {
    // Pages in every text and geometry format; each thread repairs all of
    // them, starting at a different page, several rounds over.
    const std::vector<std::string> paths = {
        CRF_SOURCE_DIR "/samples/wuxi-police-conference.ocr.txt",
        CRF_SOURCE_DIR "/tests/data/articles/en_bridge_repairs.txt",
        CRF_SOURCE_DIR "/tests/data/articles/zh_traffic.txt",
        CRF_SOURCE_DIR "/tests/data/hocr/en_jump3.hocr",
        CRF_SOURCE_DIR "/tests/data/hocr/zh_traffic3.hocr",
        CRF_SOURCE_DIR "/tests/data/tsv/8087_054.3B.tsv",
        CRF_SOURCE_DIR "/tests/data/alto/hand_v4.xml",
        CRF_SOURCE_DIR "/tests/data/page/reichsanzeiger/1870_244_0431.xml",
    };
    crf_engine *engine = nullptr;
    REQUIRE(crf_engine_new(&engine, nullptr) == CRF_OK);
    auto repair = [&](const std::string &path, std::string &out) {
      crf_document *doc = nullptr;
      if (crf_engine_repair_file(&doc, engine, path.c_str(), CRF_INPUT_AUTO) != CRF_OK)
        return false;
      bool ok = true;
      for (crf_format f : {CRF_FORMAT_JSON, CRF_FORMAT_TXT}) {
        crf_buf buf = CRF_BUF_INIT;
        ok = ok && crf_document_render(&buf, doc, f) == CRF_OK;
        if (buf.ptr != nullptr) out.append(buf.ptr, buf.size);
        crf_buf_dispose(&buf);
      }
      crf_document_free(doc);
      return ok;
    };
    std::vector<std::string> expected(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) REQUIRE(repair(paths[i], expected[i]));

    constexpr int kThreads = 8, kRounds = 3;
    std::vector<std::vector<std::string>> got(kThreads);
    std::vector<int> failures(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        for (int r = 0; r < kRounds; ++r)
          for (std::size_t k = 0; k < paths.size(); ++k) {
            const std::size_t i = (k + t) % paths.size();
            std::string out;
            if (!repair(paths[i], out)) ++failures[t];
            got[t].push_back(std::move(out));
          }
      });
    for (auto &th : threads) th.join();
    crf_engine_free(engine);
    for (int t = 0; t < kThreads; ++t) {
      CHECK(failures[t] == 0);
      REQUIRE(got[t].size() == kRounds * paths.size());
      for (std::size_t n = 0; n < got[t].size(); ++n)
        CHECK_MESSAGE(got[t][n] == expected[(n % paths.size() + t) % paths.size()],
                      "thread ", t, " page ", n);
    }
  }

  TEST_CASE("C++ API: an engine repairs as document::from_bytes does with its options") {
    colreflow::options o;
    o.repairs = CRF_REPAIR_ALL & ~CRF_REPAIR_SPACING;
    const colreflow::engine e(o);
    const std::string text = read_file(CRF_SOURCE_DIR "/samples/wuxi-police-conference.ocr.txt");
    CHECK(e.repair(text, colreflow::input_format::auto_detect, "w.txt")
              .render(colreflow::format::txt) ==
          colreflow::document::from_text(text, o).render(colreflow::format::txt));
    colreflow::options bad;
    bad.repairs = 0x40;
    CHECK_THROWS_AS(colreflow::engine{bad}, colreflow::error);
    // Dictionaries it names are opened (and their names checked) up front.
    colreflow::options unknown;
    unknown.dictionaries = "xx_NOWHERE";
    try {
      (void)colreflow::engine{unknown};
      FAIL("no error");
    } catch (const colreflow::error &e) {
      CHECK(e.code() == colreflow::status::usage);
      CHECK(std::string(e.what()).find("xx_NOWHERE") != std::string::npos);
    }
    colreflow::options en;
    en.dictionaries = "en_US";
    CHECK(colreflow::engine{en}.repair("The com-\nmittee met.\n").render(colreflow::format::txt) ==
          "The committee met.\n");
  }
}
