// Plain-text reader: validates UTF-8 and splits lines in one pass.
//
// Error offsets are 0-based byte offsets into the bytes as given (a BOM
// included), so they match `xxd` and `hexdump` of the file; line numbers are
// 1-based, like `source_line`.
#include "read/text_reader.hpp"

#include <cstdint>  // uint32_t, uint8_t
#include <limits>   // numeric_limits
#include <string>

#include <fmt/core.h>

#include "colreflow/colreflow.hpp"
#include "read/limits.hpp"

namespace colreflow::detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

[[noreturn]] void fail_utf8(const document &doc, std::size_t offset,
                            std::uint32_t line_no, std::string_view what) {
  throw colreflow::error(status::invalid,
                         fmt::format("{}: invalid UTF-8 at byte {} (line {}): {}",
                                     doc.source_name, offset, line_no, what));
}

// Tab, LF, VT, FF and CR occur in real text; every other C0 control (NUL
// above all) means the input is not text, e.g. a PDF or an image.
bool is_binary_control(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r';
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the multi-byte sequence starting at `p[i]` (a byte >= 0x80),
// checked against the well-formed table of Unicode 15, section 3.9 (D92).
// The second byte's range is what rules out overlongs, surrogates and code
// points above U+10FFFF, so it is checked separately from the others.
std::size_t check_sequence(const document &doc, std::string_view s, std::size_t i,
                           std::uint32_t line_no) {
  const auto lead = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead < 0xC0) {
    fail_utf8(doc, i, line_no,
              fmt::format("unexpected continuation byte 0x{:02X}", lead));
  } else if (lead < 0xC2) {
    fail_utf8(doc, i, line_no,
              fmt::format("overlong encoding (lead byte 0x{:02X})", lead));
  } else if (lead < 0xE0) {
    len = 2;
  } else if (lead < 0xF0) {
    len = 3;
    if (lead == 0xE0) lo = 0xA0;  // below is an overlong
    if (lead == 0xED) hi = 0x9F;  // above is a UTF-16 surrogate
  } else if (lead < 0xF5) {
    len = 4;
    if (lead == 0xF0) lo = 0x90;  // below is an overlong
    if (lead == 0xF4) hi = 0x8F;  // above is beyond U+10FFFF
  } else {
    fail_utf8(doc, i, line_no,
              fmt::format("byte 0x{:02X} never occurs in UTF-8", lead));
  }

  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) {
      fail_utf8(doc, i, line_no, "sequence truncated by the end of the input");
    }
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (!is_continuation(c)) fail_utf8(doc, i + k, line_no, "expected a continuation byte");
    if (k == 1 && (c < lo || c > hi)) {
      const char *why = lead == 0xED   ? "UTF-16 surrogate code point"
                        : lead == 0xF4 ? "code point above U+10FFFF"
                                       : "overlong encoding";
      fail_utf8(doc, i, line_no, why);
    }
  }
  return len;
}

// UTF-16 (a byte order mark, or ASCII with a NUL byte beside each
// character) gets its own message: it is the usual wrong encoding, and
// "invalid UTF-8" or "binary data" would not tell what to do about it.
void refuse_utf16(const document &doc, std::string_view b) {
  if (b.size() < 2) return;
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  const char *which = nullptr;
  if (at(0) == 0xFF && at(1) == 0xFE) which = "UTF-16LE (byte order mark FF FE)";
  else if (at(0) == 0xFE && at(1) == 0xFF) which = "UTF-16BE (byte order mark FE FF)";
  else if (b.size() >= 4 && at(0) != 0 && at(1) == 0 && at(2) != 0 && at(3) == 0)
    which = "UTF-16LE (a NUL byte after each of the first characters)";
  else if (b.size() >= 4 && at(0) == 0 && at(1) != 0 && at(2) == 0 && at(3) != 0)
    which = "UTF-16BE (a NUL byte before each of the first characters)";
  if (which == nullptr) return;
  throw colreflow::error(status::invalid,
                         fmt::format("{}: the input is {}, expected UTF-8; convert it first, "
                                     "e.g. iconv -f UTF-16 -t UTF-8",
                                     doc.source_name, which));
}

// How many lines `text` splits into, as read_text splits it: reserving
// them exactly keeps a file of very many short lines from costing twice
// its `line`s while the vector grows.
std::size_t count_lines(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++n;
  const char last = text.empty() ? '\n' : text.back();
  return n + (last != '\n' && last != '\r' ? 1 : 0);
}

}  // namespace

void read_text(document &doc, std::string_view bytes, const read_limits &limits) {
  if (bytes.size() > limits.max_input_bytes) {
    throw colreflow::error(
        status::limit,
        fmt::format("{}: input is larger than the limit of {} bytes ({} bytes given)",
                    doc.source_name, limits.max_input_bytes, bytes.size()));
  }
  doc.lines.clear();
  refuse_utf16(doc, bytes);

  // Offsets in messages count the BOM, so keep `base` rather than slicing.
  const std::size_t base = bytes.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  doc.lines.reserve(count_lines(bytes.substr(base)));
  // The lines view one copy of the input, which the document keeps.
  const std::string_view kept = doc.text.keep(bytes);

  std::uint32_t line_no = 1;
  std::size_t line_start = base;
  std::size_t i = base;
  auto end_line = [&](std::size_t line_end) {
    line l;
    l.text = kept.substr(line_start, line_end - line_start);
    l.source_line = line_no;
    doc.lines.push_back(std::move(l));
    // 4 G lines would need far more than any sane max_input_bytes, but the
    // limit is the caller's choice, so do not let source_line wrap.
    if (line_no == std::numeric_limits<std::uint32_t>::max()) {
      throw colreflow::error(status::limit,
                             fmt::format("{}: more than {} lines", doc.source_name, line_no));
    }
    ++line_no;
  };

  while (i < bytes.size()) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x80) {
      i += check_sequence(doc, bytes, i, line_no);
    } else if (c == '\n' || c == '\r') {
      end_line(i);
      // CRLF is one line end; a lone CR (classic Mac OS) is one too.
      i += (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
      line_start = i;
    } else if (is_binary_control(c)) {
      throw colreflow::error(
          status::invalid,
          fmt::format("{}: binary data at byte {} (line {}): control character 0x{:02X}, "
                      "expected UTF-8 text",
                      doc.source_name, i, line_no, c));
    } else {
      ++i;
    }
  }
  // A last line without a terminator is still a line; a terminator at the
  // very end does not open an empty one.
  if (line_start < bytes.size()) end_line(bytes.size());
  check_word_limit(doc.lines, doc.source_name, limits.max_words);
}

}  // namespace colreflow::detail
