// The repair log: what a stage changed, where, why, and how sure it is.
// Archivists review low-confidence entries, so every change is recorded.
#pragma once

#include <cstdint>  // uint32_t
#include <string>
#include <vector>

namespace colreflow::detail {

// Values are stable: their names appear in JSON and in reports.
enum class repair_kind : std::uint8_t {
  line_join,        // a line break inside a paragraph removed
  dehyphenation,    // a line-end hyphen removed and the word rejoined
  hyphen_kept,      // a line-end hyphen kept (a real compound)
  spacing,          // OCR whitespace inside CJK text removed
  block_moved,      // a block placed elsewhere than its input position
  heading_placed,   // a heading attached to the section it titles
  paragraph_break,  // a paragraph boundary found inside a block
  column_join,      // a paragraph continued across a block boundary
  order_kept,       // the input order kept where the text cannot settle it
  line_reread,      // a garbled line of an image read again by the engine
};

const char *repair_kind_name(repair_kind k);

struct repair {
  repair_kind kind;
  std::uint32_t first_line = 0;  // 1-based source lines concerned
  std::uint32_t last_line = 0;
  std::string cue;          // the evidence, e.g. "mid-word junction (ICU dictionary)"
  double confidence = 1.0;  // 0..1
};

struct repair_log {
  std::vector<repair> entries;

  void add(repair_kind kind, std::uint32_t first, std::uint32_t last,
           std::string cue, double confidence) {
    entries.push_back({kind, first, last, std::move(cue), confidence});
  }
};

}  // namespace colreflow::detail
