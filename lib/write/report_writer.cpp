// The --report summary: what was wrong with the page, in a reader's words,
// and which decisions a person should check.
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "write/stats.hpp"
#include "write/writers.hpp"

namespace colreflow::detail {
namespace {

const char *explain(repair_kind k) {
  switch (k) {
    case repair_kind::line_join: return "line breaks inside a paragraph removed";
    case repair_kind::dehyphenation: return "line-end hyphens removed, words rejoined";
    case repair_kind::hyphen_kept: return "line-end hyphens kept in real compounds";
    case repair_kind::spacing: return "OCR spaces inside CJK text removed";
    case repair_kind::block_moved: return "blocks placed away from their input position";
    case repair_kind::heading_placed: return "headings attached to the section they title";
    case repair_kind::paragraph_break: return "paragraph boundaries found inside a block";
    case repair_kind::column_join: return "paragraphs continued across a column break";
    case repair_kind::order_kept: return "input order kept: the text cannot settle it";
    case repair_kind::line_reread: return "garbled lines of the image read again";
  }
  return "";
}

// "1 line", "2 lines": the report is read by people.
std::string count(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string line_range(std::uint32_t first, std::uint32_t last) {
  return first == last ? fmt::format("line {}", first) : fmt::format("lines {}-{}", first, last);
}

}  // namespace

std::string write_report(const document &doc) {
  const document_stats s = compute_stats(doc);
  std::string out =
      doc.geometry
          ? fmt::format("{}: {} text, {}, {} moved out of file order, {}\n", doc.source_name,
                        doc.writing == script::cjk ? "CJK" : "Latin", count(s.regions, "region"),
                        s.regions_moved, count(s.lines, "line"))
          : fmt::format("{}: {} text, {}, {}, {} moved out of input order\n", doc.source_name,
                        doc.writing == script::cjk ? "CJK" : "Latin", count(s.lines, "line"),
                        count(s.blocks, "block"), s.blocks_moved);

  std::size_t total = 0;
  for (std::size_t n : s.repairs) total += n;
  if (total == 0) {
    out += "  no repairs\n";
  } else {
    out += fmt::format("  {}:\n", count(total, "repair"));
    for (std::size_t k = 0; k < kAllRepairKinds.size(); ++k) {
      if (s.repairs[k] == 0) continue;
      out += fmt::format("    {:>5}  {:<16} {}\n", s.repairs[k],
                         repair_kind_name(kAllRepairKinds[k]), explain(kAllRepairKinds[k]));
    }
  }

  std::size_t low = 0;
  for (const repair &r : doc.log.entries) low += r.confidence < kLowConfidence;
  if (low > 0) {
    out += fmt::format("  {} (below {:.2f}) to review:\n", count(low, "low-confidence decision"),
                       kLowConfidence);
    for (const repair &r : doc.log.entries) {
      if (!(r.confidence < kLowConfidence)) continue;
      out += fmt::format("    {:<13} {:<16} {:.2f}  {}\n", line_range(r.first_line, r.last_line),
                         repair_kind_name(r.kind), r.confidence, r.cue);
    }
  }
  return out;
}

}  // namespace colreflow::detail
