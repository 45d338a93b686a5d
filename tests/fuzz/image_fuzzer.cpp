// image_fuzzer: the image header handling of the image reader, Leptonica
// reading the bytes, without Tesseract (too slow for a fuzz loop; the image
// tests cover it). decode_image_size reads the header, checks the declared
// size against the pixel limit, decodes, and checks the decoded size again.
//
// Invariants checked on every input:
//   - no crash, no sanitizer report, no allocation beyond the limit (the
//     limit here is small, so a large declared size must be refused before
//     the pixels are allocated; ASan's allocator would report a huge one);
//   - a failure is colreflow::error with status invalid or limit and a
//     message naming the source;
//   - on success the size is positive and within the limit, and decoding
//     again gives the same size.
#include <cstddef>  // size_t
#include <cstdint>  // uint8_t, uint64_t
#include <cstdio>   // fprintf
#include <cstdlib>  // abort
#include <string>
#include <string_view>

#include <leptonica/allheaders.h>  // setMsgSeverity

#include "colreflow/colreflow.hpp"
#include "read/image_reader.hpp"

namespace {

constexpr std::size_t kMaxInput = std::size_t{1} << 20;
constexpr std::size_t kMaxPixels = 4'000'000;

[[noreturn]] void fail(const char *what, const std::string &detail = "") {
  std::fprintf(stderr, "image_fuzzer: invariant broken: %s%s%s\n", what,
               detail.empty() ? "" : ": ", detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > kMaxInput) return 0;
  // Leptonica explains every damaged image on stderr; a fuzz run makes
  // millions of them.
  static const int quiet = (setMsgSeverity(L_SEVERITY_NONE), 0);
  (void)quiet;
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  colreflow::detail::image_options opts;
  opts.max_pixels = kMaxPixels;
  std::pair<std::int32_t, std::int32_t> size_read;
  try {
    size_read = colreflow::detail::decode_image_size(bytes, "fuzz.img", opts);
  } catch (const colreflow::error &e) {
    const std::string message = e.what();
    if (e.code() != colreflow::status::invalid && e.code() != colreflow::status::limit)
      fail("failure other than invalid or limit", message);
    if (message.rfind("fuzz.img: ", 0) != 0) fail("message does not name the source", message);
    return 0;
  }
  const auto [w, h] = size_read;
  if (w <= 0 || h <= 0) fail("an image of no pixels was accepted");
  if (static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h) > kMaxPixels)
    fail("an image over the pixel limit was accepted");
  if (colreflow::detail::decode_image_size(bytes, "fuzz.img", opts) != size_read)
    fail("decoding twice gave different sizes");
  return 0;
}
