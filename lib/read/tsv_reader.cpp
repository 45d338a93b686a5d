#include "read/tsv_reader.hpp"

#include <algorithm>  // min
#include <array>
#include <charconv>  // from_chars
#include <cmath>     // isfinite
#include <map>
#include <utility>   // pair

#include <fmt/format.h>

#include "colreflow/colreflow.hpp"
#include "read/hocr_reader.hpp"  // join_words

namespace colreflow::detail {
namespace {

constexpr std::array<std::string_view, 12> kColumns = {
    "level", "page_num", "block_num", "par_num", "line_num", "word_num",
    "left",  "top",      "width",     "height",  "conf",     "text"};
constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Coordinates beyond this are not a page; the bound also keeps box
// arithmetic from overflowing.
constexpr std::int64_t kMaxInt = 1 << 28;

[[noreturn]] void fail(const std::string &source, std::size_t line_no, const std::string &what) {
  throw colreflow::error(status::invalid, fmt::format("{}: line {}: {}", source, line_no, what));
}

// The row cut at tabs; more than 12 fields are counted but not kept.
std::size_t split(std::string_view row, std::array<std::string_view, 12> &fields) {
  std::size_t n = 0, start = 0;
  for (std::size_t i = 0; i <= row.size(); ++i) {
    if (i < row.size() && row[i] != '\t') continue;
    if (n < fields.size()) fields[n] = row.substr(start, i - start);
    ++n;
    start = i + 1;
  }
  return n;
}

std::string shown(std::string_view s) {
  return s.size() <= 40 ? std::string(s) : std::string(s.substr(0, 40)) + "...";
}

void check_header(std::string_view row, const std::string &source, std::size_t line_no) {
  std::array<std::string_view, 12> fields;
  bool ok = split(row, fields) == kColumns.size();
  for (std::size_t i = 0; ok && i < kColumns.size(); ++i) ok = fields[i] == kColumns[i];
  if (!ok)
    fail(source, line_no,
         fmt::format("expected the Tesseract TSV header \"{}\" (tab-separated), found \"{}\"",
                     fmt::join(kColumns, " "), shown(row)));
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// The line's key within its block.
using line_key = std::pair<std::int32_t, std::int32_t>;  // par_num, line_num

}  // namespace

std::string_view tsv_field(std::string_view row, std::size_t index) {
  std::size_t start = 0;
  for (std::size_t k = 0; k < index; ++k) {
    start = row.find('\t', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  return row.substr(start, row.find('\t', start) - start);
}

tsv_row parse_tsv_row(std::string_view row, const std::string &source, std::size_t line_no) {
  std::array<std::string_view, 12> f;
  const std::size_t n = split(row, f);
  if (n != kColumns.size())
    fail(source, line_no,
         n < kColumns.size()
             ? fmt::format("column {} ({}) is missing: expected 12 tab-separated columns, "
                           "found {}", n + 1, kColumns[n], n)
             : fmt::format("column 13: expected 12 tab-separated columns, found {}", n));
  std::array<std::int32_t, 10> v{};
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::int64_t x = 0;
    auto [end, ec] = std::from_chars(f[i].data(), f[i].data() + f[i].size(), x);
    if (ec != std::errc() || end != f[i].data() + f[i].size())
      fail(source, line_no, fmt::format("column {} ({}): expected an integer, found \"{}\"",
                                        i + 1, kColumns[i], shown(f[i])));
    if (x < -kMaxInt || x > kMaxInt)
      fail(source, line_no, fmt::format("column {} ({}): expected an integer from {} to {}, "
                                        "found {}", i + 1, kColumns[i], -kMaxInt, kMaxInt, x));
    v[i] = static_cast<std::int32_t>(x);
  }
  if (v[0] < 1 || v[0] > 5)
    fail(source, line_no, fmt::format("column 1 (level): expected 1 to 5, found {}", v[0]));
  for (std::size_t i : {8, 9})
    if (v[i] < 0)
      fail(source, line_no,
           fmt::format("column {} ({}): expected a size >= 0, found {}", i + 1, kColumns[i], v[i]));
  double conf = 0;
  auto [end, ec] = std::from_chars(f[10].data(), f[10].data() + f[10].size(), conf);
  if (ec != std::errc() || end != f[10].data() + f[10].size() || !std::isfinite(conf))
    fail(source, line_no,
         fmt::format("column 11 (conf): expected a number, found \"{}\"", shown(f[10])));
  tsv_row r;
  r.level = v[0];
  r.page_num = v[1];
  r.block_num = v[2];
  r.par_num = v[3];
  r.line_num = v[4];
  r.word_num = v[5];
  r.bbox = {v[6], v[7], v[6] + v[8], v[7] + v[9]};
  r.conf = conf < 0 ? -1.0f : static_cast<float>(std::min(conf, 100.0));
  r.text = f[11];
  return r;
}

std::vector<tsv_block> tsv_blocks(const std::vector<tsv_row> &rows) {
  std::vector<tsv_block> blocks;
  std::map<std::int32_t, std::size_t> index;  // block_num -> blocks[i]
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].level < 2) continue;
    auto [it, added] = index.emplace(rows[i].block_num, blocks.size());
    if (added) blocks.push_back({rows[i].block_num, {}, false});
    tsv_block &b = blocks[it->second];
    b.rows.push_back(i);
    if (rows[i].level == 5 && !is_blank(rows[i].text)) b.has_text = true;
  }
  return blocks;
}

page read_tsv(std::string_view bytes, const std::string &source_name,
              std::size_t max_input_bytes) {
  if (bytes.size() > max_input_bytes)
    throw colreflow::error(status::limit,
                           fmt::format("{}: input is {} bytes, more than the limit of {}",
                                       source_name, bytes.size(), max_input_bytes));
  page p;
  p.source_name = source_name;
  p.format = source_format::tsv;
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());

  // Blank lines carry nothing and are dropped; a CR before LF goes too.
  std::vector<std::size_t> line_of;  // input line of tsv_rows[k]
  std::size_t line_no = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view row = bytes.substr(start, end - start);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    ++line_no;
    start = end + 1;
    if (row.empty()) continue;
    if (p.tsv_rows.empty()) check_header(row, source_name, line_no);
    p.tsv_rows.emplace_back(row);
    line_of.push_back(line_no);
  }
  if (p.tsv_rows.empty())
    fail(source_name, line_no + 1,
         fmt::format("expected the Tesseract TSV header \"{}\" (tab-separated), found the end "
                     "of the input", fmt::join(kColumns, " ")));

  std::vector<tsv_row> rows;
  for (std::size_t k = 1; k < p.tsv_rows.size(); ++k) {
    rows.push_back(parse_tsv_row(p.tsv_rows[k], source_name, line_of[k]));
    if (rows.back().page_num != rows.front().page_num)
      fail(source_name, line_of[k],
           fmt::format("column 2 (page_num): page {} after page {}: colreflow reads one page "
                       "at a time, so split the TSV per page",
                       rows.back().page_num, rows.front().page_num));
    if (rows.back().level == 1 && p.width == 0 && p.height == 0) {
      p.width = rows.back().bbox.x1;
      p.height = rows.back().bbox.y1;
    }
  }

  for (const tsv_block &b : tsv_blocks(rows)) {
    if (!b.has_text) {
      // Tesseract writes a printed rule as a block without text; a thin
      // one is a separator, as hOCR's ocr_separator is (pictures are not).
      const box &bb = rows[b.rows.front()].bbox;
      if (!bb.empty() && (bb.height() * 8 <= bb.width() || bb.width() * 8 <= bb.height()))
        p.separators.push_back({bb});
      continue;
    }
    region r;
    r.id = std::to_string(b.block_num);
    r.source_line = static_cast<std::uint32_t>(line_of[b.rows.front() + 1]);
    std::map<line_key, std::size_t> line_at;  // -> r.lines[i]
    for (std::size_t i : b.rows) {
      const tsv_row &row = rows[i];
      if (row.level == 2 && r.bbox.empty()) r.bbox = row.bbox;
      if (row.level < 4) continue;
      auto [it, added] = line_at.emplace(line_key{row.par_num, row.line_num}, r.lines.size());
      if (added) {
        text_line l;
        l.id = fmt::format("{}.{}.{}", row.block_num, row.par_num, row.line_num);
        l.source_line = static_cast<std::uint32_t>(line_of[i + 1]);
        r.lines.push_back(std::move(l));
      }
      text_line &l = r.lines[it->second];
      if (row.level == 4) {
        l.bbox = row.bbox;
      } else if (!is_blank(row.text)) {
        l.words.push_back({std::string(row.text), row.bbox, row.conf, {}});
      }
    }
    std::erase_if(r.lines, [](const text_line &l) { return l.words.empty(); });
    for (text_line &l : r.lines) {
      if (l.bbox.empty()) l.bbox = words_box(l.words);
      l.text = join_words(l.words);
      l.font_size = static_cast<float>(l.bbox.height());
    }
    if (r.bbox.empty()) r.bbox = lines_box(r);
    p.regions.push_back(std::move(r));
  }
  return p;
}

}  // namespace colreflow::detail
