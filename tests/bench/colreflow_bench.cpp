// colreflow_bench: how fast the text pipeline runs, end to end and per
// writer, on one real OCR page (samples/wuxi-police-conference.ocr.txt).
// Single-threaded, through the public C++ API only.
//
// "pages/s" counts one input page per iteration; bytes_per_second counts
// the input bytes of the page (for the render-only benchmarks, the bytes
// written). Run a Release build of colreflow. Debian's libbenchmark prints
// "Library was built as DEBUG": that is about Google Benchmark itself.
// The reflowed text is made during repair, so render(txt) only joins it;
// render(json) also writes roles, source lines and the repair log.
#include <benchmark/benchmark.h>

#include <cstdint>  // int64_t
#include <cstdio>   // fprintf
#include <cstdlib>  // exit
#include <fstream>
#include <iterator>  // istreambuf_iterator
#include <string>

#include "colreflow/colreflow.hpp"

namespace {

// The sample page, read once. The path comes from CMake.
const std::string &sample() {
  static const std::string bytes = [] {
    std::ifstream in(CRF_BENCH_SAMPLE, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "colreflow_bench: cannot read %s\n", CRF_BENCH_SAMPLE);
      std::exit(1);
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  return bytes;
}

void count_pages(benchmark::State &state) {
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Read, segment, order, reflow and write txt: what `colreflow page.txt` does
// minus the file I/O.
void BM_text_end_to_end(benchmark::State &state) {
  const std::string &in = sample();
  colreflow::options opts;
  opts.source_name = "wuxi-police-conference.ocr.txt";
  for (auto _ : state) {
    colreflow::document doc = colreflow::document::from_text(in, opts);
    std::string out = doc.render(colreflow::format::txt);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(in.size()));
  count_pages(state);
}
BENCHMARK(BM_text_end_to_end)->Unit(benchmark::kMicrosecond);

// Reading and repairing alone, without a writer.
void BM_text_repair_only(benchmark::State &state) {
  const std::string &in = sample();
  for (auto _ : state) {
    colreflow::document doc = colreflow::document::from_text(in);
    benchmark::DoNotOptimize(&doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(in.size()));
  count_pages(state);
}
BENCHMARK(BM_text_repair_only)->Unit(benchmark::kMicrosecond);

// One writer on an already repaired document. Bytes are the bytes written.
void render_only(benchmark::State &state, colreflow::format f) {
  const colreflow::document doc = colreflow::document::from_text(sample());
  std::size_t written = 0;
  for (auto _ : state) {
    std::string out = doc.render(f);
    written = out.size();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(written));
  count_pages(state);
}

void BM_render_json(benchmark::State &state) { render_only(state, colreflow::format::json); }
BENCHMARK(BM_render_json)->Unit(benchmark::kMicrosecond);

void BM_render_txt(benchmark::State &state) { render_only(state, colreflow::format::txt); }
BENCHMARK(BM_render_txt)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
