// The document model every stage takes and returns (see docs/design.md).
// Plain text fills lines only; geometry inputs also keep their page.
#pragma once

#include <algorithm>  // lower_bound
#include <cstddef>  // size_t
#include <cstdint>  // uint32_t
#include <cstring>  // memcpy
#include <memory>   // shared_ptr, unique_ptr
#include <span>
#include <string>
#include <string_view>
#include <utility>  // exchange, move, pair
#include <vector>

#include "model/line_shape.hpp"
#include "model/page.hpp"
#include "model/repair_log.hpp"

namespace colreflow::detail {

class lexicon;  // lib/text/lexicon.hpp: words known beyond the document
class dictionary;  // lib/hyphen/dictionary.hpp: a Hunspell dictionary

// What a block or unit is to a reader. Values are stable: they appear in JSON.
enum class role : std::uint8_t {
  unknown,
  headline,    // article title lines, kept as lines
  subheading,  // section heading inside an article
  dateline,    // first paragraph of an article, opening with a dateline cue
  body,        // ordinary paragraph text
  byline,      // author line or a paragraph closing with an author cue
  caption,     // the caption of a picture or table (geometry inputs say so)
  furniture,   // running head, page number, folio: page furniture, not article text
};

const char *role_name(role r);

// The dominant writing system of the text, which decides how lines join.
enum class script : std::uint8_t { cjk, latin };

// The text that lines view: copies kept in chunks that never move, so that
// a document, and the views into its store, can move. It only grows.
class text_store {
 public:
  text_store() = default;
  text_store(const text_store &) = delete;
  text_store &operator=(const text_store &) = delete;
  // A moved-from store is empty: the room left in its last chunk went with it.
  text_store(text_store &&o) noexcept
      : chunks_(std::move(o.chunks_)), free_(std::exchange(o.free_, nullptr)),
        room_(std::exchange(o.room_, 0)) {}
  text_store &operator=(text_store &&o) noexcept {
    chunks_ = std::move(o.chunks_);
    free_ = std::exchange(o.free_, nullptr);
    room_ = std::exchange(o.room_, 0);
    return *this;
  }

  // A copy of `s` that lives as long as the store.
  std::string_view keep(std::string_view s) {
    if (s.empty()) return {};
    char *at = nullptr;
    if (s.size() > room_) {
      // Large texts (a whole plain-text input) get a chunk of their own,
      // so that the chunk being filled keeps its room.
      const std::size_t size = s.size() >= kChunk / 4 ? s.size() : kChunk;
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      at = chunks_.back().get();
      if (size == kChunk) {
        free_ = at + s.size();
        room_ = kChunk - s.size();
      }
    } else {
      at = free_;
      free_ += s.size();
      room_ -= s.size();
    }
    std::memcpy(at, s.data(), s.size());
    return {at, s.size()};
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{64} << 10;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char *free_ = nullptr;
  std::size_t room_ = 0;
};

// One input line, without its line terminator. `source_line` is 1-based.
// A document keeps one per input line and blocks only refer to them, so
// its size is the model's cost per line (56 bytes): the text is a view
// into the document's store (document::text), and what few lines have
// (document::marked_words) is kept beside them.
struct line {
  std::string_view text;
  line_shape shape;  // measured by the segment stage
  std::uint32_t source_line = 0;
};

static_assert(sizeof(line) <= 56, "a document keeps one line per input line: keep it small");

// A run of consecutive input lines that the order solver moves as one piece:
// a column chunk, a heading, a headline. It views the document's own lines
// (document::lines), which stay put once the blocks are made.
struct block {
  std::span<const line> lines;
  // Lines of blocks joined into this one, which are not adjacent in
  // document::lines (`lines` views them); shared, so that copies stay valid.
  std::shared_ptr<std::vector<line>> joined;
  role kind = role::unknown;
  std::uint32_t input_index = 0;  // position among blocks in input order
  bool maybe_heading = false;     // a body line that may be a heading line
  int column_width = 0;           // full line width of this block's column (0: the document's)
  bool section_heading = false;   // the page sets it as a section heading (centred, body type)

  std::uint32_t first_source_line() const { return lines.front().source_line; }
  std::uint32_t last_source_line() const { return lines.back().source_line; }
};

// One unit of reflowed output: a paragraph, a heading, or a headline whose
// lines are kept. `text` never contains a newline except between headline lines.
struct unit {
  role kind = role::body;
  std::string text;
  std::vector<std::uint32_t> source_lines;  // input lines that fed it, in output order
};

struct article {
  std::vector<unit> units;
};

// Which lines of the text laid out from a geometry input came from which
// region: lines first_line..last_line (1-based, inclusive; none when a region
// has no text, then first_line > last_line).
struct region_span {
  std::uint32_t region = 0;
  std::uint32_t first_line = 1, last_line = 0;
};

// A word the reflow rejoined across a line end, for writers that mark
// hyphenation (ALTO HypPart1/HypPart2 with SUBS_CONTENT).
struct word_join {
  std::uint32_t first_line = 0, last_line = 0;  // the lines (1-based) it was cut across
  std::string left_part;   // as printed before the line-end hyphen: "exam"
  std::string right_part;  // as printed at the next line's start: "ple,"
  std::string whole;       // the word as output: "example", "well-known"
  bool hyphen_kept = false;
};

// A whole input after the pipeline: the input lines, the blocks in input
// order, the order chosen, the reflowed articles, and every repair made.
struct document {
  // Blocks view `lines`: a copy would leave the copy's blocks viewing the
  // original's lines, so a document only moves (a vector's move keeps its
  // elements where they are).
  document() = default;
  document(const document &) = delete;
  document &operator=(const document &) = delete;
  document(document &&) noexcept = default;
  document &operator=(document &&) noexcept = default;

  std::string source_name;  // file name for messages, "<stdin>" for standard input
  script writing = script::latin;
  int column_width = 0;         // typical full line width in cells (0: unknown)
  bool blank_separated = false;  // blank lines mark column chunks in the input
  text_store text;          // the text of `lines` (and of lines joined into blocks)
  std::vector<line> lines;  // every input line, blank ones included
  // The whole word the source gives for a word cut at a line's end (ALTO
  // SUBS_CONTENT of a HypPart1), by source_line, in increasing line order;
  // lines that have none are not here.
  std::vector<std::pair<std::uint32_t, std::string>> marked_words;
  std::vector<block> blocks;  // views of `lines`
  std::vector<std::uint32_t> order;  // indices into blocks, reading order
  std::vector<article> articles;
  repair_log log;
  std::shared_ptr<const lexicon> words;  // may be null: no word list
  // Hunspell dictionaries for the text's languages (options::dictionaries).
  std::vector<std::shared_ptr<const dictionary>> dictionaries;
  std::vector<word_join> word_joins;  // in output order

  // Geometry inputs (hOCR, ALTO, PAGE, TSV): the page as read, and the order
  // of its regions that the layout stage found. Null for plain text.
  std::shared_ptr<const page> geometry;
  page_order region_order;
  std::vector<region_span> region_lines;  // in reading order

  // The marked word of a line (see marked_words); empty when it has none.
  std::string_view marked_word(std::uint32_t source_line) const {
    auto it = std::lower_bound(
        marked_words.begin(), marked_words.end(), source_line,
        [](const std::pair<std::uint32_t, std::string> &m, std::uint32_t n) { return m.first < n; });
    return it != marked_words.end() && it->first == source_line ? std::string_view(it->second)
                                                                : std::string_view();
  }
};

}  // namespace colreflow::detail
