// The C API: a thin shell over the C++ API. Every entry point runs inside
// guarded(), so no exception ever crosses extern "C", and every failure
// leaves a message for crf_error_last().
#include <algorithm>  // min
#include <cstddef>    // offsetof
#include <cstdlib>    // malloc, free
#include <cstring>    // memcpy
#include <mutex>      // once_flag
#include <new>        // bad_alloc
#include <string>
#include <type_traits>  // underlying_type_t

#include <fmt/core.h>

#include "colreflow/colreflow.h"
#include "colreflow/colreflow.hpp"
#include "model/document.hpp"  // borrowed views of the model for the accessors

struct crf_document {
  colreflow::document doc;
  // Filled on first use (guarded by the once flag) so that the region
  // accessor can hand out borrowed strings; the document stays immutable
  // for its readers.
  mutable std::once_flag regions_once;
  mutable std::vector<colreflow::region> regions;

  explicit crf_document(colreflow::document d) : doc(std::move(d)) {}
  const colreflow::detail::document &model() const { return doc.impl(); }
  const std::vector<colreflow::region> &region_list() const {
    std::call_once(regions_once, [this] { regions = doc.regions(); });
    return regions;
  }
};

struct crf_engine {
  colreflow::engine engine;
};

namespace {

// A fixed buffer, so that recording "out of memory" cannot itself allocate.
// Per thread: a failure on one thread never clobbers another's message.
thread_local char t_error[1024] = "";

crf_status set_error(crf_status code, std::string_view message) noexcept {
  std::size_t n = std::min(message.size(), sizeof t_error - 1);
  // Do not cut a UTF-8 sequence in half: back up over continuation bytes.
  if (n < message.size()) {
    while (n > 0 && (static_cast<unsigned char>(message[n]) & 0xC0) == 0x80) --n;
  }
  std::memcpy(t_error, message.data(), n);
  t_error[n] = '\0';
  return code;
}

// The functions returned int before they returned crf_status; the enum
// must stay int-sized, with its values pinned, for old callers to link.
static_assert(sizeof(crf_status) == sizeof(int));
static_assert(CRF_OK == 0 && CRF_ERROR == -1 && CRF_EINVALID == -2 && CRF_ENOMEM == -3 &&
              CRF_ELIMIT == -4 && CRF_EUSAGE == -5 && CRF_ENOTFOUND == -6);

// colreflow::status mirrors crf_status value for value.
crf_status to_c_status(colreflow::status s) noexcept { return static_cast<crf_status>(s); }

template <class F>
crf_status guarded(F &&body) noexcept {
  try {
    return body();
  } catch (const colreflow::error &e) {
    return set_error(to_c_status(e.code()), e.what());
  } catch (const std::bad_alloc &) {
    return set_error(CRF_ENOMEM, "out of memory");
  } catch (const std::exception &e) {
    return set_error(CRF_ERROR, e.what());
  } catch (...) {
    return set_error(CRF_ERROR, "unknown internal error");
  }
}

[[noreturn]] void usage_error(const std::string &message) {
  throw colreflow::error(colreflow::status::usage, message);
}

colreflow::options to_cpp_options(const crf_options *opts, const char *source_name) {
  colreflow::options o;
  if (source_name != nullptr) o.source_name = source_name;
  if (opts != nullptr) {
    // Version 1 callers pass the shorter struct: read only its fields.
    if (opts->version < 1 || opts->version > CRF_OPTIONS_VERSION) {
      usage_error(fmt::format("crf_options.version is {}, expected 1 to {} (use CRF_OPTIONS_INIT)",
                              opts->version, CRF_OPTIONS_VERSION));
    }
    if (opts->max_input_bytes != 0) o.max_input_bytes = opts->max_input_bytes;
    if (opts->lexicon_path != nullptr) o.lexicon_path = opts->lexicon_path;
    if (opts->version >= 2) {
      if (opts->languages != nullptr) o.languages = opts->languages;
      if (opts->psm != 0) o.psm = opts->psm;
      if (opts->tessdata != nullptr) o.tessdata = opts->tessdata;
      if (opts->dpi < 0) usage_error(fmt::format("crf_options.dpi is {}", opts->dpi));
      o.dpi = opts->dpi;
    }
    if (opts->version >= 3) {
      if (opts->repairs != 0) {
        if ((opts->repairs & ~CRF_REPAIR_ALL) != 0)
          usage_error(fmt::format("crf_options.repairs has unknown bits {:#x}",
                                  opts->repairs & ~CRF_REPAIR_ALL));
        o.repairs = opts->repairs;
      }
      if (opts->dictionaries != nullptr) o.dictionaries = opts->dictionaries;
      if (opts->max_xml_depth != 0) o.max_xml_depth = opts->max_xml_depth;
      if (opts->max_xml_elements != 0) o.max_xml_elements = opts->max_xml_elements;
      if (opts->max_image_pixels != 0) o.max_image_pixels = opts->max_image_pixels;
      if (opts->max_words != 0) o.max_words = opts->max_words;
      o.max_millis = opts->max_millis;
    }
    // A version 3 struct ends before this field: reading it would read
    // past the caller's struct.
    if (opts->version >= 4) o.engine_outputs = opts->engine_outputs;
  }
  return o;
}

std::string_view to_view(const char *data, std::size_t size, const char *fn) {
  if (data == nullptr && size != 0) usage_error(fmt::format("{}: data is NULL", fn));
  return data == nullptr ? std::string_view{} : std::string_view(data, size);
}

// C callers may pass any int as a crf_format, and in C++ reading an enum
// outside its enumerators' range is undefined, so read the raw bits.
colreflow::format to_format(const crf_format &format) {
  std::underlying_type_t<crf_format> raw;
  std::memcpy(&raw, &format, sizeof raw);
  switch (static_cast<int>(raw)) {
    case CRF_FORMAT_TXT: return colreflow::format::txt;
    case CRF_FORMAT_MD: return colreflow::format::md;
    case CRF_FORMAT_JSON: return colreflow::format::json;
    case CRF_FORMAT_SOURCE: return colreflow::format::source;
  }
  usage_error(fmt::format("unknown format {}", static_cast<int>(raw)));
}

colreflow::input_format to_input(const crf_input &input) {
  std::underlying_type_t<crf_input> raw;
  std::memcpy(&raw, &input, sizeof raw);
  switch (static_cast<int>(raw)) {
    case CRF_INPUT_AUTO: return colreflow::input_format::auto_detect;
    case CRF_INPUT_TEXT: return colreflow::input_format::text;
    case CRF_INPUT_HOCR: return colreflow::input_format::hocr;
    case CRF_INPUT_ALTO: return colreflow::input_format::alto;
    case CRF_INPUT_PAGE: return colreflow::input_format::page;
    case CRF_INPUT_TSV: return colreflow::input_format::tsv;
    case CRF_INPUT_IMAGE: return colreflow::input_format::image;
  }
  usage_error(fmt::format("unknown input format {}", static_cast<int>(raw)));
}

// Moves bytes into a malloc'd, NUL-terminated crf_buf.
crf_status fill_buf(crf_buf *out, const std::string &s) {
  char *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (p == nullptr) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  out->ptr = p;
  out->size = s.size();
  return CRF_OK;
}

void require(const void *p, const char *what) {
  if (p == nullptr) usage_error(fmt::format("{} is NULL", what));
}

}  // namespace

extern "C" {

crf_status crf_options_init(crf_options *opts, unsigned int version) {
  return guarded([&]() -> crf_status {
    require(opts, "crf_options_init: opts");
    if (version < 1 || version > CRF_OPTIONS_VERSION) {
      usage_error(fmt::format("crf_options_init: unknown options version {}", version));
    }
    // Older structs end where the next version's fields begin: write no further.
    const crf_options defaults = CRF_OPTIONS_INIT;
    const std::size_t size = version == 1   ? offsetof(crf_options, languages)
                             : version == 2 ? offsetof(crf_options, repairs)
                             : version == 3 ? offsetof(crf_options, engine_outputs)
                                            : sizeof defaults;
    std::memcpy(opts, &defaults, size);
    opts->version = version;
    return CRF_OK;
  });
}

crf_status crf_document_from_text(crf_document **out, const char *data, std::size_t size,
                                  const char *source_name, const crf_options *opts) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_from_text: out");
    *out = nullptr;
    const colreflow::options o = to_cpp_options(opts, source_name);
    auto doc = colreflow::document::from_text(to_view(data, size, "crf_document_from_text"), o);
    *out = new crf_document(std::move(doc));
    return CRF_OK;
  });
}

crf_status crf_document_from_bytes(crf_document **out, const char *data, std::size_t size,
                                   crf_input input, const char *source_name,
                                   const crf_options *opts) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_from_bytes: out");
    *out = nullptr;
    const colreflow::input_format in = to_input(input);
    const colreflow::options o = to_cpp_options(opts, source_name);
    auto doc =
        colreflow::document::from_bytes(to_view(data, size, "crf_document_from_bytes"), in, o);
    *out = new crf_document(std::move(doc));
    return CRF_OK;
  });
}

crf_input crf_document_input(const crf_document *doc) {
  return doc == nullptr ? CRF_INPUT_TEXT : static_cast<crf_input>(doc->doc.input());
}

crf_status crf_document_render(crf_buf *out, const crf_document *doc, crf_format format) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_render: out");
    *out = crf_buf CRF_BUF_INIT;
    require(doc, "crf_document_render: doc");
    return fill_buf(out, doc->doc.render(to_format(format)));
  });
}

crf_status crf_document_overlay(crf_buf *out, const crf_document *doc, const char *image,
                                std::size_t size) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_overlay: out");
    *out = crf_buf CRF_BUF_INIT;
    require(doc, "crf_document_overlay: doc");
    return fill_buf(out, doc->doc.overlay(to_view(image, size, "crf_document_overlay")));
  });
}

crf_status crf_document_report(crf_buf *out, const crf_document *doc) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_report: out");
    *out = crf_buf CRF_BUF_INIT;
    require(doc, "crf_document_report: doc");
    return fill_buf(out, doc->doc.report());
  });
}

crf_status crf_document_engine_output(crf_buf *out, const crf_document *doc, crf_input format) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_engine_output: out");
    *out = crf_buf CRF_BUF_INIT;
    require(doc, "crf_document_engine_output: doc");
    std::underlying_type_t<crf_input> raw;
    std::memcpy(&raw, &format, sizeof raw);  // any int may come from C
    return fill_buf(out, doc->doc.engine_output(static_cast<colreflow::input_format>(raw)));
  });
}

std::size_t crf_document_repair_count(const crf_document *doc) {
  return doc == nullptr ? 0 : doc->doc.repair_count();
}

void crf_document_free(crf_document *doc) { delete doc; }

crf_status crf_document_from_file(crf_document **out, const char *path, crf_input input,
                                  const crf_options *opts) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_from_file: out");
    *out = nullptr;
    require(path, "crf_document_from_file: path");
    const colreflow::input_format in = to_input(input);
    const colreflow::options o = to_cpp_options(opts, nullptr);
    *out = new crf_document(colreflow::document::from_file(path, in, o));
    return CRF_OK;
  });
}

crf_status crf_document_from_pix(crf_document **out, struct Pix *pix, const char *source_name,
                                 const crf_options *opts) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_from_pix: out");
    *out = nullptr;
    require(pix, "crf_document_from_pix: pix");
    const colreflow::options o = to_cpp_options(opts, source_name);
    *out = new crf_document(colreflow::document::from_pix(pix, o));
    return CRF_OK;
  });
}

crf_status crf_engine_new(crf_engine **out, const crf_options *opts) {
  return guarded([&]() -> crf_status {
    require(out, "crf_engine_new: out");
    *out = nullptr;
    *out = new crf_engine{colreflow::engine(to_cpp_options(opts, nullptr))};
    return CRF_OK;
  });
}

void crf_engine_free(crf_engine *engine) { delete engine; }

crf_status crf_engine_repair(crf_document **out, const crf_engine *engine, const char *data,
                             std::size_t size, crf_input input, const char *source_name) {
  return guarded([&]() -> crf_status {
    require(out, "crf_engine_repair: out");
    *out = nullptr;
    require(engine, "crf_engine_repair: engine");
    const colreflow::input_format in = to_input(input);
    *out = new crf_document(engine->engine.repair(to_view(data, size, "crf_engine_repair"), in,
                                                  source_name != nullptr ? source_name : ""));
    return CRF_OK;
  });
}

crf_status crf_engine_repair_file(crf_document **out, const crf_engine *engine, const char *path,
                                  crf_input input) {
  return guarded([&]() -> crf_status {
    require(out, "crf_engine_repair_file: out");
    *out = nullptr;
    require(engine, "crf_engine_repair_file: engine");
    require(path, "crf_engine_repair_file: path");
    *out = new crf_document(engine->engine.repair_file(path, to_input(input)));
    return CRF_OK;
  });
}

crf_status crf_engine_repair_pix(crf_document **out, const crf_engine *engine, struct Pix *pix,
                                 const char *source_name) {
  return guarded([&]() -> crf_status {
    require(out, "crf_engine_repair_pix: out");
    *out = nullptr;
    require(engine, "crf_engine_repair_pix: engine");
    require(pix, "crf_engine_repair_pix: pix");
    *out = new crf_document(
        engine->engine.repair_pix(pix, source_name != nullptr ? source_name : ""));
    return CRF_OK;
  });
}

crf_status crf_document_repair_at(crf_repair_entry *out, const crf_document *doc,
                                  std::size_t index) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_repair_at: out");
    require(doc, "crf_document_repair_at: doc");
    const auto &entries = doc->model().log.entries;
    if (index >= entries.size())
      usage_error(fmt::format("crf_document_repair_at: index {} of {} entries", index,
                              entries.size()));
    const colreflow::detail::repair &r = entries[index];
    out->kind = static_cast<crf_repair_kind>(r.kind);
    out->kind_name = colreflow::detail::repair_kind_name(r.kind);
    out->first_line = r.first_line;
    out->last_line = r.last_line;
    out->cue = r.cue.c_str();
    out->confidence = r.confidence;
    return CRF_OK;
  });
}

std::size_t crf_document_article_count(const crf_document *doc) {
  return doc == nullptr ? 0 : doc->model().articles.size();
}

std::size_t crf_document_unit_count(const crf_document *doc, std::size_t article) {
  if (doc == nullptr || article >= doc->model().articles.size()) return 0;
  return doc->model().articles[article].units.size();
}

crf_status crf_document_unit_at(crf_unit *out, const crf_document *doc, std::size_t article,
                                std::size_t index) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_unit_at: out");
    require(doc, "crf_document_unit_at: doc");
    const auto &articles = doc->model().articles;
    if (article >= articles.size() || index >= articles[article].units.size())
      usage_error(fmt::format("crf_document_unit_at: no unit {} in article {} ({} articles)",
                              index, article, articles.size()));
    const colreflow::detail::unit &u = articles[article].units[index];
    out->role = static_cast<crf_role>(u.kind);
    out->role_name = colreflow::detail::role_name(u.kind);
    out->text = u.text.c_str();
    out->text_size = u.text.size();
    out->source_lines = u.source_lines.data();
    out->source_line_count = u.source_lines.size();
    return CRF_OK;
  });
}

std::size_t crf_document_block_count(const crf_document *doc) {
  return doc == nullptr ? 0 : doc->model().blocks.size();
}

crf_status crf_document_block_at(crf_block *out, const crf_document *doc, std::size_t index) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_block_at: out");
    require(doc, "crf_document_block_at: doc");
    const auto &d = doc->model();
    if (index >= d.blocks.size())
      usage_error(fmt::format("crf_document_block_at: index {} of {} blocks", index,
                              d.blocks.size()));
    const colreflow::detail::block &b = d.blocks[index];
    long position = -1;
    for (std::size_t pos = 0; pos < d.order.size() && position < 0; ++pos)
      if (d.order[pos] == index) position = static_cast<long>(pos);
    out->role = static_cast<crf_role>(b.kind);
    out->role_name = colreflow::detail::role_name(b.kind);
    out->first_line = b.lines.empty() ? 0 : b.first_source_line();
    out->last_line = b.lines.empty() ? 0 : b.last_source_line();
    out->line_count = b.lines.size();
    out->position = position;
    return CRF_OK;
  });
}

std::size_t crf_document_region_count(const crf_document *doc) {
  if (doc == nullptr || !doc->model().geometry) return 0;
  return doc->model().geometry->regions.size();
}

crf_status crf_document_region_at(crf_region *out, const crf_document *doc,
                                  std::size_t position) {
  return guarded([&]() -> crf_status {
    require(out, "crf_document_region_at: out");
    require(doc, "crf_document_region_at: doc");
    if (!doc->model().geometry)
      usage_error(fmt::format("{}: plain text has no regions", doc->model().source_name));
    const std::vector<colreflow::region> &regions = doc->region_list();
    if (position >= regions.size())
      usage_error(fmt::format("crf_document_region_at: position {} of {} regions", position,
                              regions.size()));
    const colreflow::region &r = regions[position];
    out->id = r.id.c_str();
    out->article = r.article;
    out->position = r.position;
    out->hint = r.hint.c_str();
    out->x0 = r.x0;
    out->y0 = r.y0;
    out->x1 = r.x1;
    out->y1 = r.y1;
    out->source_line = r.source_line;
    out->first_line = r.first_line;
    out->last_line = r.last_line;
    return CRF_OK;
  });
}

crf_status crf_document_page_size(int *width, int *height, const crf_document *doc) {
  return guarded([&]() -> crf_status {
    require(width, "crf_document_page_size: width");
    require(height, "crf_document_page_size: height");
    require(doc, "crf_document_page_size: doc");
    if (!doc->model().geometry)
      usage_error(fmt::format("{}: plain text has no page", doc->model().source_name));
    *width = doc->model().geometry->width;
    *height = doc->model().geometry->height;
    return CRF_OK;
  });
}

crf_status crf_repair_text(crf_buf *out, const char *data, std::size_t size,
                           crf_format format, const crf_options *opts) {
  return guarded([&]() -> crf_status {
    require(out, "crf_repair_text: out");
    *out = crf_buf CRF_BUF_INIT;
    const colreflow::format f = to_format(format);  // before the work, not after
    const colreflow::options o = to_cpp_options(opts, nullptr);
    return fill_buf(out, colreflow::repair_text(to_view(data, size, "crf_repair_text"), f, o));
  });
}

void crf_buf_dispose(crf_buf *buf) {
  if (buf == nullptr) return;
  std::free(buf->ptr);
  buf->ptr = nullptr;
  buf->size = 0;
}

const char *crf_error_last(void) { return t_error; }

int crf_version_number(void) { return CRF_VERSION_NUMBER; }

#define CRF_STRINGIFY_(x) #x
#define CRF_STRINGIFY(x) CRF_STRINGIFY_(x)

const char *crf_version_string(void) {
  return CRF_STRINGIFY(CRF_VERSION_MAJOR) "." CRF_STRINGIFY(CRF_VERSION_MINOR) "." CRF_STRINGIFY(
      CRF_VERSION_PATCH);
}

}  // extern "C"
