// The C++ API: colreflow::document over the private model.
#include <cerrno>   // errno
#include <cstring>  // strerror
#include <fstream>
#include <utility>  // move

#include <fmt/core.h>
#include <leptonica/allheaders.h>  // pixWriteMem

#include "hyphen/dictionary.hpp"
#include "text/lexicon.hpp"

#include "api/pipeline.hpp"
#include "read/detect.hpp"
#include "write/alto_writer.hpp"
#include "write/hocr_writer.hpp"
#include "write/overlay_writer.hpp"
#include "write/page_writer.hpp"
#include "write/tsv_writer.hpp"
#include "colreflow/colreflow.hpp"
#include "write/writers.hpp"

namespace colreflow {
inline namespace v1 {

document::document(std::unique_ptr<detail::document> impl) : impl_(std::move(impl)) {}
document::document(document &&) noexcept = default;
document &document::operator=(document &&) noexcept = default;
document::~document() = default;

document document::from_text(std::string_view bytes, const options &opts) {
  return document(std::make_unique<detail::document>(detail::run_text_pipeline(bytes, opts)));
}

namespace {

detail::source_format to_source_format(input_format in, std::string_view bytes) {
  switch (in) {
    case input_format::auto_detect: return detail::detect_format(bytes);
    case input_format::text: return detail::source_format::text;
    case input_format::hocr: return detail::source_format::hocr;
    case input_format::alto: return detail::source_format::alto;
    case input_format::page: return detail::source_format::page_xml;
    case input_format::tsv: return detail::source_format::tsv;
    case input_format::image: return detail::source_format::image;
  }
  throw error(status::usage, fmt::format("unknown input format {}", static_cast<int>(in)));
}

// The input's own format with the reading order found.
std::string write_source(const detail::document &d) {
  if (!d.geometry)
    throw error(status::usage,
                fmt::format("{}: the input is plain text; write it as txt, md or json",
                            d.source_name));
  switch (d.geometry->format) {
    case detail::source_format::page_xml: return detail::write_page_xml(*d.geometry, d.region_order);
    case detail::source_format::hocr: return detail::write_hocr(*d.geometry, d.region_order);
    case detail::source_format::tsv: return detail::write_tsv(*d.geometry, d.region_order);
    case detail::source_format::alto:
      return detail::write_alto(*d.geometry, d.region_order, detail::rejoined_words(d));
    case detail::source_format::image:
      throw error(status::usage,
                  fmt::format("{}: the input is an image; write it as txt, md or json",
                              d.source_name));
    case detail::source_format::text: break;
  }
  throw error(status::usage, fmt::format("{}: cannot write this format back yet", d.source_name));
}

// A moved-from document has no model; say so rather than crash.
const detail::document &checked(const std::unique_ptr<detail::document> &impl) {
  if (!impl) throw error(status::usage, "use of a moved-from colreflow::document");
  return *impl;
}
}  // namespace

document document::from_bytes(std::string_view bytes, input_format in, const options &opts) {
  const detail::source_format f = to_source_format(in, bytes);
  if (f == detail::source_format::text) return from_text(bytes, opts);
  return document(
      std::make_unique<detail::document>(detail::run_geometry_pipeline(bytes, f, opts)));
}

namespace {

// Reads a whole file, but never more than `limit` + 1 bytes: the reader
// then refuses it with the limit's own message, without the rest read.
std::string read_file(const std::string &path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw error(status::not_found,
                fmt::format("{}: cannot open: {}", path, err != 0 ? std::strerror(err) : "unknown"));
  }
  std::string bytes;
  char chunk[1 << 16];
  while (in && bytes.size() <= limit) {
    in.read(chunk, static_cast<std::streamsize>(sizeof chunk));
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw error(status::not_found, fmt::format("{}: read error", path));
  if (bytes.size() > limit + 1) bytes.resize(limit + 1);
  return bytes;
}

// A Leptonica image as PNG bytes (resolution kept), for the image reader.
std::string encode_pix(Pix *pix) {
  if (pix == nullptr) throw error(status::usage, "the Pix is NULL");
  l_uint8 *data = nullptr;
  std::size_t size = 0;
  if (pixWriteMem(&data, &size, pix, IFF_PNG) != 0 || data == nullptr)
    throw error(status::invalid, "Leptonica cannot encode the Pix as PNG");
  std::string bytes(reinterpret_cast<const char *>(data), size);
  lept_free(data);
  return bytes;
}

bool default_name(const options &o) { return o.source_name == options{}.source_name; }

crf_role to_role(detail::role r) { return static_cast<crf_role>(r); }

static_assert(static_cast<int>(detail::role::furniture) == CRF_ROLE_FURNITURE &&
              static_cast<int>(detail::role::body) == CRF_ROLE_BODY);
static_assert(static_cast<int>(detail::repair_kind::line_reread) == CRF_KIND_LINE_REREAD &&
              static_cast<int>(detail::repair_kind::column_join) == CRF_KIND_COLUMN_JOIN);

}  // namespace

document document::from_file(const std::string &path, input_format in, const options &opts) {
  std::string bytes = read_file(path, opts.max_input_bytes);
  // Every format the same way, images too, without reading the rest.
  if (opts.max_input_bytes != 0 && bytes.size() > opts.max_input_bytes)
    throw error(status::limit, fmt::format("{}: input is larger than the limit of {} bytes", path,
                                           opts.max_input_bytes));
  if (!default_name(opts)) return from_bytes(bytes, in, opts);
  options named = opts;
  named.source_name = path;
  return from_bytes(bytes, in, named);
}

document document::from_pix(Pix *pix, const options &opts) {
  return from_bytes(encode_pix(pix), input_format::image, opts);
}

std::vector<repair_entry> document::repairs() const {
  std::vector<repair_entry> out;
  for (const detail::repair &r : checked(impl_).log.entries)
    out.push_back({static_cast<crf_repair_kind>(r.kind), detail::repair_kind_name(r.kind),
                   r.first_line, r.last_line, r.cue, r.confidence});
  return out;
}

std::vector<article> document::articles() const {
  std::vector<article> out;
  for (const detail::article &a : checked(impl_).articles) {
    article &copy = out.emplace_back();
    for (const detail::unit &u : a.units)
      copy.units.push_back({to_role(u.kind), detail::role_name(u.kind), u.text, u.source_lines});
  }
  return out;
}

std::vector<block> document::blocks() const {
  const detail::document &d = checked(impl_);
  std::vector<long> position(d.blocks.size(), -1);
  for (std::size_t pos = 0; pos < d.order.size(); ++pos)
    if (d.order[pos] < position.size() && position[d.order[pos]] < 0)
      position[d.order[pos]] = static_cast<long>(pos);
  std::vector<block> out;
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const detail::block &b = d.blocks[i];
    out.push_back({to_role(b.kind), detail::role_name(b.kind),
                   b.lines.empty() ? 0 : b.first_source_line(),
                   b.lines.empty() ? 0 : b.last_source_line(), b.lines.size(), position[i]});
  }
  return out;
}

std::vector<region> document::regions() const {
  const detail::document &d = checked(impl_);
  std::vector<region> out;
  if (!d.geometry) return out;
  const detail::page &p = *d.geometry;
  std::vector<const detail::region_span *> span_of(p.regions.size(), nullptr);
  for (const detail::region_span &s : d.region_lines)
    if (s.region < span_of.size()) span_of[s.region] = &s;
  for (std::size_t a = 0; a < d.region_order.articles.size(); ++a) {
    for (std::uint32_t r : d.region_order.articles[a]) {
      const detail::region &g = p.regions[r];
      const detail::region_span *s = span_of[r];
      const bool lines = s != nullptr && s->first_line <= s->last_line;
      out.push_back({g.id, a, out.size(), detail::region_hint_name(g.hint), g.bbox.x0, g.bbox.y0,
                     g.bbox.x1, g.bbox.y1, g.source_line, lines ? s->first_line : 0,
                     lines ? s->last_line : 0});
    }
  }
  return out;
}

input_format document::input() const {
  const detail::document &d = checked(impl_);
  if (!d.geometry) return input_format::text;
  switch (d.geometry->format) {
    case detail::source_format::text: return input_format::text;
    case detail::source_format::hocr: return input_format::hocr;
    case detail::source_format::alto: return input_format::alto;
    case detail::source_format::page_xml: return input_format::page;
    case detail::source_format::tsv: return input_format::tsv;
    case detail::source_format::image: return input_format::image;
  }
  return input_format::text;
}

std::string document::render(format f) const {
  checked(impl_);
  switch (f) {
    case format::txt: return detail::write_txt(*impl_);
    case format::md: return detail::write_md(*impl_);
    case format::json: return detail::write_json(*impl_);
    case format::source: return write_source(*impl_);
  }
  // Reachable through a cast from an unchecked integer, e.g. from C.
  throw error(status::usage, fmt::format("unknown output format {}", static_cast<int>(f)));
}

std::string document::overlay(std::string_view image) const {
  return detail::write_overlay_png(checked(impl_), image);
}

std::string document::report() const { return detail::write_report(checked(impl_)); }

std::string document::engine_output(input_format f) const {
  const detail::document &d = checked(impl_);
  const char *name = f == input_format::hocr   ? "hocr"
                     : f == input_format::alto ? "alto"
                     : f == input_format::tsv  ? "tsv"
                                               : nullptr;
  if (name == nullptr)
    throw error(status::usage, "engine_output: Tesseract's own output is hocr, alto or tsv");
  const detail::source_format want = f == input_format::hocr   ? detail::source_format::hocr
                                     : f == input_format::alto ? detail::source_format::alto
                                                               : detail::source_format::tsv;
  if (d.geometry)
    for (const auto &[format, bytes] : d.geometry->engine_outputs)
      if (format == want) return bytes;
  throw error(status::usage,
              fmt::format("{}: no {} from Tesseract kept: the input is no image, or "
                          "options.engine_outputs did not ask for it",
                          d.source_name, name));
}

std::size_t document::repair_count() const { return checked(impl_).log.entries.size(); }

}  // namespace v1

namespace detail {
// What an engine holds: its options, and the word list and the Hunspell
// dictionaries it names opened once (the pipeline finds the same ones
// through the loaders' caches; holding them here keeps them loaded once
// read, and their names checked before the first page). "auto"
// dictionaries depend on each page's languages and open on first use. Each
// reads its words at the first word a page asks of it.
struct engine_state {
  options opts;
  std::shared_ptr<const lexicon> words;
  std::vector<std::shared_ptr<const dictionary>> dictionaries;
};
}  // namespace detail

inline namespace v1 {

engine::engine(const options &opts) {
  if (opts.psm < 0 || opts.dpi < 0)
    throw error(status::usage, fmt::format("engine: psm {} or dpi {} is negative", opts.psm,
                                           opts.dpi));
  if ((opts.repairs & ~static_cast<unsigned>(CRF_REPAIR_ALL)) != 0)
    throw error(status::usage, fmt::format("engine: repairs has unknown bits {:#x}",
                                           opts.repairs & ~static_cast<unsigned>(CRF_REPAIR_ALL)));
  auto state = std::make_shared<detail::engine_state>();
  state->opts = opts;
  if (!opts.lexicon_path.empty()) state->words = detail::lexicon::load(opts.lexicon_path);
  if (opts.dictionaries != "auto")
    state->dictionaries = detail::open_dictionaries(opts.dictionaries, {});
  state_ = std::move(state);
}

const options &engine::opts() const { return state_->opts; }

document engine::repair(std::string_view bytes, input_format in,
                        const std::string &source_name) const {
  if (source_name.empty()) return document::from_bytes(bytes, in, state_->opts);
  options o = state_->opts;
  o.source_name = source_name;
  return document::from_bytes(bytes, in, o);
}

document engine::repair_file(const std::string &path, input_format in) const {
  return document::from_file(path, in, state_->opts);
}

document engine::repair_pix(Pix *pix, const std::string &source_name) const {
  return repair(encode_pix(pix), input_format::image, source_name);
}

std::string repair_text(std::string_view bytes, format f, const options &opts) {
  return document::from_text(bytes, opts).render(f);
}

}  // namespace v1
}  // namespace colreflow
