// JSON output, written by hand: the schema is small and fixed, keys come in
// a stable order, and the bytes must not depend on a library's version.
#include <cmath>  // isfinite
#include <string>
#include <utility>  // pair
#include <vector>

#include <fmt/core.h>

#include "colreflow/colreflow.h"  // CRF_VERSION_*
#include "read/detect.hpp"  // source_format_name
#include "write/json_escape.hpp"
#include "write/stats.hpp"
#include "write/writers.hpp"

namespace colreflow::detail {
namespace {

const char *script_name(script s) { return s == script::cjk ? "cjk" : "latin"; }

// Writes `[` items `]` with one item per line at `indent`, or `[]`.
template <class Range, class F>
void append_array(std::string &out, const Range &items, std::string_view indent, F &&item) {
  if (items.empty()) {
    out += "[]";
    return;
  }
  out += "[\n";
  bool first = true;
  for (const auto &x : items) {
    if (!first) out += ",\n";
    first = false;
    out.append(indent);
    item(x);
  }
  out += '\n';
  out.append(indent.substr(0, indent.size() - 2));
  out += ']';
}

void append_numbers(std::string &out, const std::vector<std::uint32_t> &v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ", ";
    out += fmt::format("{}", v[i]);
  }
  out += ']';
}

void append_unit(std::string &out, const unit &u) {
  out += "{\n          \"role\": ";
  append_json_string(out, role_name(u.kind));
  out += ",\n          \"text\": ";
  append_json_string(out, u.text);
  out += ",\n          \"source_lines\": ";
  append_numbers(out, u.source_lines);
  out += "\n        }";
}

void append_block(std::string &out, const block &b, std::string_view position) {
  const std::uint32_t first = b.lines.empty() ? 0 : b.first_source_line();
  const std::uint32_t last = b.lines.empty() ? 0 : b.last_source_line();
  out += fmt::format(
      "{{\n      \"index\": {},\n      \"role\": ", b.input_index);
  append_json_string(out, role_name(b.kind));
  out += fmt::format(
      ",\n      \"first_line\": {},\n      \"last_line\": {},\n      \"lines\": {},\n"
      "      \"position\": {}\n    }}",
      first, last, b.lines.size(), position);
}

void append_repair(std::string &out, const repair &r) {
  out += "{\n      \"kind\": ";
  append_json_string(out, repair_kind_name(r.kind));
  out += fmt::format(",\n      \"first_line\": {},\n      \"last_line\": {},\n      \"cue\": ",
                     r.first_line, r.last_line);
  append_json_string(out, r.cue);
  // JSON has no NaN or infinity; a stage bug must not make the output invalid.
  out += ",\n      \"confidence\": ";
  out += std::isfinite(r.confidence) ? fmt::format("{:.2f}", r.confidence) : "null";
  out += "\n    }";
}

// Geometry inputs: every region in reading order with its article, source
// id, box and the laid-out lines (the numbers units' source_lines use).
void append_page(std::string &out, const document &doc) {
  const page &p = *doc.geometry;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where;  // (article, region)
  for (std::uint32_t a = 0; a < doc.region_order.articles.size(); ++a)
    for (std::uint32_t r : doc.region_order.articles[a]) where.emplace_back(a, r);
  std::vector<const region_span *> span_of(p.regions.size(), nullptr);
  for (const region_span &s : doc.region_lines)
    if (s.region < span_of.size()) span_of[s.region] = &s;
  out += fmt::format(",\n  \"page\": {{\n    \"width\": {},\n    \"height\": {},\n    \"regions\": ",
                     p.width, p.height);
  std::size_t position = 0;
  append_array(out, where, "      ", [&](const auto &entry) {
    const region &r = p.regions[entry.second];
    out += "{\n        \"id\": ";
    append_json_string(out, r.id);
    out += fmt::format(",\n        \"article\": {},\n        \"position\": {},\n        \"hint\": ",
                       entry.first, position++);
    append_json_string(out, region_hint_name(r.hint));
    out += fmt::format(",\n        \"bbox\": [{}, {}, {}, {}],\n        \"source_line\": {}",
                       r.bbox.x0, r.bbox.y0, r.bbox.x1, r.bbox.y1, r.source_line);
    const region_span *s = span_of[entry.second];
    if (s != nullptr && s->first_line <= s->last_line)
      out += fmt::format(",\n        \"lines\": [{}, {}]", s->first_line, s->last_line);
    else
      out += ",\n        \"lines\": null";
    out += "\n      }";
  });
  out += "\n  }";
}

}  // namespace

std::string write_json(const document &doc) {
  const document_stats stats = compute_stats(doc);
  std::string out;
  out += "{\n  \"colreflow\": ";
  append_json_string(out, fmt::format("{}.{}.{}", CRF_VERSION_MAJOR, CRF_VERSION_MINOR,
                                      CRF_VERSION_PATCH));
  out += ",\n  \"source\": ";
  append_json_string(out, doc.source_name);
  out += ",\n  \"script\": ";
  append_json_string(out, script_name(doc.writing));
  out += ",\n  \"input\": ";
  append_json_string(out, doc.geometry ? source_format_name(doc.geometry->format) : "text");
  if (doc.geometry) append_page(out, doc);

  out += ",\n  \"articles\": ";
  append_array(out, doc.articles, "    ", [&](const article &a) {
    out += "{\n      \"units\": ";
    append_array(out, a.units, "        ", [&](const unit &u) { append_unit(out, u); });
    out += "\n    }";
  });

  // Blocks in output order; any block the order left out follows, without a
  // position, so that every block is accounted for.
  std::vector<bool> placed(doc.blocks.size(), false);
  std::vector<std::pair<std::uint32_t, std::string>> listed;  // block, position
  for (std::size_t pos = 0; pos < doc.order.size(); ++pos) {
    const std::uint32_t b = doc.order[pos];
    if (b < doc.blocks.size() && !placed[b]) {
      placed[b] = true;
      listed.emplace_back(b, fmt::format("{}", pos));
    }
  }
  for (std::uint32_t b = 0; b < doc.blocks.size(); ++b) {
    if (!placed[b]) listed.emplace_back(b, "null");
  }
  out += ",\n  \"blocks\": ";
  append_array(out, listed, "    ", [&](const auto &entry) {
    append_block(out, doc.blocks[entry.first], entry.second);
  });

  out += ",\n  \"repairs\": ";
  append_array(out, doc.log.entries, "    ", [&](const repair &r) { append_repair(out, r); });

  out += fmt::format(
      ",\n  \"stats\": {{\n    \"lines\": {},\n    \"blocks\": {},\n    \"blocks_moved\": {},\n"
      "{}    \"repairs\": {{",
      stats.lines, stats.blocks, stats.blocks_moved,
      doc.geometry ? fmt::format("    \"regions\": {},\n    \"regions_moved\": {},\n", stats.regions,
                                 stats.regions_moved)
                   : std::string());
  for (std::size_t k = 0; k < kAllRepairKinds.size(); ++k) {
    out += k == 0 ? "\n      " : ",\n      ";
    append_json_string(out, repair_kind_name(kAllRepairKinds[k]));
    out += fmt::format(": {}", stats.repairs[k]);
  }
  out += "\n    }\n  }\n}\n";
  return out;
}

}  // namespace colreflow::detail
