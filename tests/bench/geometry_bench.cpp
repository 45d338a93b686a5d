// geometry_bench: what reading a geometry format costs next to parsing its
// XML, and what the layout order and the whole repair add. Single-threaded.
//
// For each large real page of tests/data (PAGE, ALTO, hOCR, Tesseract TSV)
// and for a synthetic PAGE page of 5,000 small regions in a grid, the
// stages are timed one by one on the same bytes:
//   pugixml_parse  pugi::xml_document::load_buffer, the flags the readers use
//   xml_input      detail::parse_xml: the same parse plus the depth and
//                  element-count walk every XML reader does first
//   reader         read_page_xml / read_alto / read_hocr / read_tsv
//   layout         order_regions on the page the reader gave
//   repair         document::from_bytes(bytes) and render(format::txt),
//                  through the public C++ API
//   write_back     render(format::source) on a repaired document
// "pages/s" counts one page per iteration; items/s counts the page's
// regions; bytes/s counts the input bytes. The word list is loaded (and
// cached by the library) before any timing. Run a Release build; Debian's
// libbenchmark prints "Library was built as DEBUG", which is about Google
// Benchmark itself.
#include <benchmark/benchmark.h>

#include <cstdint>  // int64_t
#include <cstdio>   // fprintf
#include <cstdlib>  // exit
#include <fstream>
#include <iterator>  // istreambuf_iterator
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "colreflow/colreflow.hpp"
#include "layout/layout.hpp"
#include "model/page.hpp"
#include "read/alto_reader.hpp"
#include "read/hocr_reader.hpp"
#include "read/page_reader.hpp"
#include "read/tsv_reader.hpp"
#include "read/xml_input.hpp"

namespace {

namespace detail = colreflow::detail;

enum class kind { page_xml, alto, hocr, tsv };

struct sample {
  std::string label;  // "PAGE 1939_202_0006"
  kind format;
  std::string bytes;
};

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "geometry_bench: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A table-like PAGE page: `rows` x `columns` regions of one short line
// each, on a 10,000 x 20,000 pixel page, in row order.
std::string grid_page(int rows, int columns) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15\">\n"
      "<Metadata><Creator>geometry_bench</Creator><Created>2024-01-01T00:00:00</Created>"
      "<LastChange>2024-01-01T00:00:00</LastChange></Metadata>\n"
      "<Page imageFilename=\"grid.png\" imageWidth=\"10000\" imageHeight=\"20000\">\n";
  const int cell_w = 10000 / columns, cell_h = 20000 / rows;
  int n = 0;
  for (int row = 0; row < rows; ++row) {
    for (int col = 0; col < columns; ++col, ++n) {
      const int x0 = col * cell_w + 10, y0 = row * cell_h + 10;
      const int x1 = x0 + cell_w - 20, y1 = y0 + cell_h - 20;
      const std::string box = fmt::format("{},{} {},{} {},{} {},{}", x0, y0, x1, y0, x1, y1, x0, y1);
      xml += fmt::format(
          "<TextRegion id=\"r{0}\" type=\"paragraph\"><Coords points=\"{1}\"/>"
          "<TextLine id=\"l{0}\"><Coords points=\"{1}\"/>"
          "<TextEquiv><Unicode>cell {0} row {2} col {3}</Unicode></TextEquiv></TextLine>"
          "<TextEquiv><Unicode>cell {0} row {2} col {3}</Unicode></TextEquiv></TextRegion>\n",
          n, box, row, col);
    }
  }
  xml += "</Page>\n</PcGts>\n";
  return xml;
}

detail::page read(const sample &s) {
  const detail::xml_limits limits;
  switch (s.format) {
    case kind::page_xml: return detail::read_page_xml(s.bytes, s.label, limits);
    case kind::alto: return detail::read_alto(s.bytes, s.label, limits);
    case kind::hocr: return detail::read_hocr(s.bytes, s.label, limits);
    case kind::tsv: return detail::read_tsv(s.bytes, s.label, limits.max_input_bytes);
  }
  return {};
}

// Per-iteration counters shared by every stage.
void count(benchmark::State &state, const sample &s, std::size_t regions) {
  const auto n = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(n * static_cast<std::int64_t>(s.bytes.size()));
  state.SetItemsProcessed(n * static_cast<std::int64_t>(regions));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}

void bm_pugixml_parse(benchmark::State &state, const sample *s, std::size_t regions) {
  const unsigned flags = pugi::parse_default | pugi::parse_doctype;
  for (auto _ : state) {
    pugi::xml_document doc;
    pugi::xml_parse_result ok =
        doc.load_buffer(s->bytes.data(), s->bytes.size(), flags, pugi::encoding_auto);
    if (!ok) state.SkipWithError(ok.description());
    benchmark::DoNotOptimize(doc.first_child().internal_object());
  }
  count(state, *s, regions);
}

void bm_xml_input(benchmark::State &state, const sample *s, std::size_t regions) {
  const detail::xml_limits limits;
  for (auto _ : state) {
    auto doc = detail::parse_xml(s->bytes, s->label, limits);
    benchmark::DoNotOptimize(doc.get());
  }
  count(state, *s, regions);
}

void bm_reader(benchmark::State &state, const sample *s, std::size_t regions) {
  for (auto _ : state) {
    detail::page p = read(*s);
    benchmark::DoNotOptimize(p.regions.data());
  }
  count(state, *s, regions);
}

void bm_layout(benchmark::State &state, const sample *s, std::size_t regions) {
  const detail::page p = read(*s);
  for (auto _ : state) {
    detail::page_order order = detail::order_regions(p);
    benchmark::DoNotOptimize(order.articles.data());
  }
  count(state, *s, regions);
}

void bm_repair(benchmark::State &state, const sample *s, std::size_t regions) {
  for (auto _ : state) {
    colreflow::document doc = colreflow::document::from_bytes(s->bytes);
    std::string out = doc.render(colreflow::format::txt);
    benchmark::DoNotOptimize(out.data());
  }
  count(state, *s, regions);
}

void bm_write_back(benchmark::State &state, const sample *s, std::size_t regions) {
  const colreflow::document doc = colreflow::document::from_bytes(s->bytes);
  for (auto _ : state) {
    std::string out = doc.render(colreflow::format::source);
    benchmark::DoNotOptimize(out.data());
  }
  count(state, *s, regions);
}

}  // namespace

int main(int argc, char **argv) {
  const std::string data = CRF_BENCH_DATA;
  // Kept alive for the whole run: the benchmarks hold pointers to them.
  static std::vector<sample> samples;
  samples.push_back({"PAGE/1939_202_0006", kind::page_xml,
                     read_file(data + "/page/reichsanzeiger/1939_202_0006.xml")});
  samples.push_back({"ALTO/nytribune_ndnp", kind::alto,
                     read_file(data + "/alto/nytribune_ndnp.xml")});
  samples.push_back({"hOCR/en_jump3", kind::hocr, read_file(data + "/hocr/en_jump3.hocr")});
  samples.push_back(
      {"hOCR/8087_054.3B", kind::hocr, read_file(data + "/hocr/8087_054.3B.hocr")});
  samples.push_back({"TSV/en_jump3", kind::tsv, read_file(data + "/tsv/en_jump3.tsv")});
  samples.push_back({"PAGE/synthetic_grid_5000", kind::page_xml, grid_page(100, 50)});

  // Load and cache the word list, and check every sample reads.
  for (const sample &s : samples) {
    try {
      (void)colreflow::document::from_bytes(s.bytes).render(colreflow::format::txt);
    } catch (const std::exception &e) {
      std::fprintf(stderr, "geometry_bench: %s: %s\n", s.label.c_str(), e.what());
      return 1;
    }
  }

  for (const sample &s : samples) {
    const std::size_t regions = read(s).regions.size();
    const bool xml = s.format != kind::tsv;
    auto add = [&](const char *stage, void (*fn)(benchmark::State &, const sample *, std::size_t)) {
      benchmark::RegisterBenchmark((s.label + "/" + stage).c_str(), fn, &s, regions)
          ->Unit(benchmark::kMillisecond);
    };
    if (xml) add("pugixml_parse", bm_pugixml_parse);
    if (xml) add("xml_input", bm_xml_input);
    add("reader", bm_reader);
    add("layout", bm_layout);
    add("repair", bm_repair);
    add("write_back", bm_write_back);
  }

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
