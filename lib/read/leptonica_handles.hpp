// Owning handles for what Leptonica allocates: each frees with its own
// destroy function when it goes out of scope.
#pragma once

#include <memory>  // unique_ptr

#include <leptonica/allheaders.h>

namespace colreflow::detail {

struct pix_deleter {
  void operator()(PIX *p) const { pixDestroy(&p); }
};
using pix_ptr = std::unique_ptr<PIX, pix_deleter>;

struct box_deleter {
  void operator()(BOX *b) const { boxDestroy(&b); }
};
using box_ptr = std::unique_ptr<BOX, box_deleter>;

struct bmf_deleter {
  void operator()(L_BMF *f) const { bmfDestroy(&f); }
};
using bmf_ptr = std::unique_ptr<L_BMF, bmf_deleter>;

// Buffers Leptonica allocates for the caller.
struct lept_buffer_deleter {
  void operator()(l_uint8 *p) const { lept_free(p); }
};
using lept_buffer_ptr = std::unique_ptr<l_uint8, lept_buffer_deleter>;

}  // namespace colreflow::detail
