#include "api/pipeline.hpp"

#include "text/words.hpp"
#include "text/lexicon.hpp"

#include <algorithm>  // all_of
#include <cstdint>    // int32_t, uint8_t

#include <unicode/uchar.h>  // u_isUWhiteSpace
#include <unicode/utf8.h>   // U8_NEXT

#include "order/order.hpp"
#include "read/text_reader.hpp"
#include "reflow/reflow.hpp"
#include "segment/segment.hpp"

namespace colreflow::detail {
namespace {

// Blank in the Unicode sense: U+3000 IDEOGRAPHIC SPACE is as blank as ' '.
bool is_blank(std::string_view s) {
  const auto *p = reinterpret_cast<const std::uint8_t *>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    // U8_NEXT takes int32_t lengths; step through long lines in slices.
    const std::size_t slice = std::min<std::size_t>(s.size() - i, 1u << 30);
    std::int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + i, k, static_cast<std::int32_t>(slice), c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
    i += static_cast<std::size_t>(k);
  }
  return true;
}

}  // namespace

document run_text_pipeline(std::string_view bytes, const colreflow::options &opts) {
  document doc;
  doc.source_name = opts.source_name;
  read_limits limits;
  if (opts.max_input_bytes != 0) limits.max_input_bytes = opts.max_input_bytes;
  read_text(doc, bytes, limits);
  // The word list only judges words cut by a line-end hyphen; loading it
  // costs more than repairing a page, so only hyphenated text pays.
  if (!opts.lexicon_path.empty() && has_hyphenated_line_end(doc.lines))
    doc.words = lexicon::load(opts.lexicon_path);

  // Nothing to repair in an empty or all-blank input: it is valid and gives
  // empty output, and the stages need not each handle it.
  if (std::all_of(doc.lines.begin(), doc.lines.end(),
                  [](const line &l) { return is_blank(l.text); })) {
    return doc;
  }
  segment_blocks(doc);
  order_blocks(doc);
  reflow_articles(doc);
  return doc;
}

}  // namespace colreflow::detail
