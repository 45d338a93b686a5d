#include "api/pipeline.hpp"

#include <algorithm>  // all_of, any_of
#include <cstdint>    // uint32_t

#include <fmt/format.h>

#include "hyphen/dictionary.hpp"
#include "hyphen/language.hpp"
#include "layout/furniture.hpp"
#include "layout/layout.hpp"
#include "model/deadline.hpp"
#include "order/order.hpp"
#include "read/alto_reader.hpp"
#include "read/hocr_reader.hpp"
#include "read/image_reader.hpp"
#include "read/limits.hpp"
#include "read/page_reader.hpp"
#include "read/tsv_reader.hpp"
#include "read/text_reader.hpp"
#include "reflow/page_lines.hpp"
#include "reflow/reflow.hpp"
#include "segment/geometry_roles.hpp"
#include "segment/line_pieces.hpp"
#include "segment/page_text.hpp"
#include "segment/segment.hpp"
#include "text/chars.hpp"      // all_blank, invalid_utf8_at
#include "text/lexicon.hpp"
#include "text/words.hpp"       // has_hyphenated_line_end
#include "write/stats.hpp"     // on_longest_run

namespace colreflow::detail {
namespace {

// The word list and the dictionaries only judge words cut by a line-end
// hyphen; loading them costs more than repairing a page, so only
// hyphenated text pays (and the word list's words are read only when a
// cut asks it: lexicon::load).
void load_words_if_hyphenated(document &doc, const colreflow::options &opts) {
  // Dictionaries named that are not installed are an error, whatever the text.
  if (opts.dictionaries != "auto") (void)resolve_dictionaries(opts.dictionaries, {});
  if (!has_hyphenated_line_end(doc.lines)) return;
  if (!opts.lexicon_path.empty()) doc.words = lexicon::load(opts.lexicon_path);
  // "auto" picks the dictionaries for the languages the text itself shows.
  const std::vector<std::string> languages =
      opts.dictionaries == "auto" ? guess_languages(doc.lines) : std::vector<std::string>{};
  doc.dictionaries = open_dictionaries(opts.dictionaries, languages);
}

// crf_options.repairs: what the caller left out is not done at all.
bool wants(const colreflow::options &opts, unsigned repair) {
  return (opts.repairs & repair) != 0 || opts.repairs == 0;
}

reflow_options reflow_repairs(const colreflow::options &opts) {
  reflow_options r;
  r.join = wants(opts, CRF_REPAIR_JOIN);
  r.spacing = wants(opts, CRF_REPAIR_SPACING);
  return r;
}

// Headings off: no line is taken for a headline or subheading, whatever
// its shape or the input's region type says; every block reads as text.
void drop_headings(document &doc) {
  for (block &b : doc.blocks) {
    if (b.kind == role::headline || b.kind == role::subheading) b.kind = role::body;
    b.maybe_heading = false;
    b.section_heading = false;
  }
}

void keep_block_order(document &doc) {
  doc.order.resize(doc.blocks.size());
  for (std::uint32_t i = 0; i < doc.order.size(); ++i) doc.order[i] = i;
}

}  // namespace

document run_text_pipeline(std::string_view bytes, const colreflow::options &opts) {
  document doc;
  doc.source_name = opts.source_name;
  const deadline_scope deadline(opts.max_millis, opts.source_name);
  read_limits limits;
  if (opts.max_input_bytes != 0) limits.max_input_bytes = opts.max_input_bytes;
  limits.max_words = opts.max_words;
  read_text(doc, bytes, limits);
  check_deadline("reading");
  load_words_if_hyphenated(doc, opts);

  // Nothing to repair in an empty or all-blank input: it is valid and gives
  // empty output, and the stages need not each handle it.
  if (std::all_of(doc.lines.begin(), doc.lines.end(),
                  [](const line &l) { return all_blank(l.text); })) {
    return doc;
  }
  segment_blocks(doc);
  check_deadline("segmentation");
  if (!wants(opts, CRF_REPAIR_HEADINGS)) drop_headings(doc);
  if (wants(opts, CRF_REPAIR_ORDER))
    order_blocks(doc);
  else
    keep_block_order(doc);
  check_deadline("the order search");
  reflow_articles(doc, reflow_repairs(opts));
  return doc;
}

namespace {

page read_page(std::string_view bytes, source_format format, const colreflow::options &opts) {
  xml_limits limits;
  if (opts.max_input_bytes != 0) limits.max_input_bytes = opts.max_input_bytes;
  limits.max_depth = opts.max_xml_depth;
  limits.max_elements = opts.max_xml_elements;
  switch (format) {
    case source_format::page_xml: return read_page_xml(bytes, opts.source_name, limits);
    case source_format::hocr: return read_hocr(bytes, opts.source_name, limits);
    case source_format::tsv: return read_tsv(bytes, opts.source_name, limits.max_input_bytes);
    case source_format::alto: return read_alto(bytes, opts.source_name, limits);
    case source_format::image: {
      image_options io;
      io.languages = opts.languages;
      io.psm = opts.psm;
      io.tessdata = opts.tessdata;
      io.dpi = opts.dpi;
      if (opts.engine_outputs & CRF_ENGINE_OUTPUT(CRF_INPUT_HOCR))
        io.engine_outputs.push_back(source_format::hocr);
      if (opts.engine_outputs & CRF_ENGINE_OUTPUT(CRF_INPUT_ALTO))
        io.engine_outputs.push_back(source_format::alto);
      if (opts.engine_outputs & CRF_ENGINE_OUTPUT(CRF_INPUT_TSV))
        io.engine_outputs.push_back(source_format::tsv);
      io.max_pixels = opts.max_image_pixels;
      return read_image(bytes, opts.source_name, io);
    }
    case source_format::text: break;
  }
  throw colreflow::error(status::usage, fmt::format("{}: no reader for this format yet",
                                                    opts.source_name));
}

// XML parsers pass bytes through as the file has them, and TSV is read as
// bytes: text that is not UTF-8 is refused here, for every format at once.
void require_utf8(const page &p) {
  auto check = [&](const std::string &text, std::uint32_t source_line, const char *what) {
    const std::size_t at = invalid_utf8_at(text);
    if (at == std::string::npos) return;
    throw colreflow::error(
        status::invalid,
        fmt::format("{}: line {}: {} is not valid UTF-8 (byte {} of it); declare the file's "
                    "encoding or convert it to UTF-8",
                    p.source_name, source_line, what, at));
  };
  for (const region &r : p.regions) {
    check(r.id, r.source_line, "a region id");
    for (const text_line &l : r.lines) {
      check(l.text, l.source_line != 0 ? l.source_line : r.source_line, "the text of a line");
      for (const word &w : l.words) check(w.whole_word, l.source_line, "a hyphenated word");
    }
  }
}


// Every region the layout read away from its place in the file is a repair
// of the order, logged with the lines it became; so is a piece of a line
// read within that line.
void log_moves(document &doc, const std::vector<line_piece> &pieces,
               const std::vector<const region_span *> &span_of) {
  const std::vector<std::uint32_t> order = doc.region_order.flattened();
  const std::vector<bool> kept = on_longest_run(order);
  auto name = [&](std::uint32_t at) {
    const region &r = doc.geometry->regions[at];
    return r.id.empty() ? fmt::format("#{}", at) : r.id;
  };
  // A region parted from another at a gutter stands in the file as that one.
  auto file_position = [&](std::uint32_t at) {
    const std::int32_t from = doc.geometry->regions[at].split_from;
    return (from >= 0 ? static_cast<std::uint32_t>(from) : at) + 1;
  };
  for (std::size_t k = 0; k < order.size(); ++k) {
    const bool piece = order[k] < pieces.size() && pieces[order[k]].is_piece();
    const region &r = doc.geometry->regions[order[k]];
    if (kept[k] && !piece && r.split_from < 0) continue;
    const region_span *sp = span_of[order[k]];
    const bool has_lines = sp != nullptr && sp->first_line <= sp->last_line;
    std::uint32_t first = has_lines ? sp->first_line : 0, last = has_lines ? sp->last_line : 0;
    if (piece) {
      // The piece's text went into its host's line.
      const line_piece &pc = pieces[order[k]];
      const region_span *host = span_of[static_cast<std::size_t>(pc.host)];
      if (!has_lines && host != nullptr && host->first_line <= host->last_line) {
        first = host->first_line;
        last = host->last_line;
      }
      if (pc.stays)
        doc.log.add(repair_kind::block_moved, first, last,
                    fmt::format("region {} (file position {}): its first {} read within the "
                                "headline line of region {}, one page line the engine cut at a "
                                "gutter; the rest read in its place",
                                name(order[k]), file_position(order[k]),
                                pc.piece_lines == 1 ? std::string("line")
                                                    : fmt::format("{} lines", pc.piece_lines),
                                name(static_cast<std::uint32_t>(pc.host))),
                    0.6);
      else if (pc.fragment)
        doc.log.add(repair_kind::block_moved, first, last,
                    fmt::format("region {} (file position {}): read within the headline line of "
                                "region {}, inside which it stands: a piece of a glyph the engine "
                                "read as letters",
                                name(order[k]), file_position(order[k]),
                                name(static_cast<std::uint32_t>(pc.host))),
                    0.5);
      else if (pc.in_headline)
        doc.log.add(repair_kind::block_moved, first, last,
                    fmt::format("region {} (file position {}): its line read within the headline "
                                "line of region {}, one page line the engine cut at a word space",
                                name(order[k]), file_position(order[k]),
                                name(static_cast<std::uint32_t>(pc.host))),
                    0.6);
      else
        doc.log.add(
            repair_kind::block_moved, first, last,
            fmt::format("region {} (file position {}): {} read within line {} of region {}, "
                        "one page line, side by side in one column, cut apart by the engine",
                        name(order[k]), file_position(order[k]),
                        has_lines ? "its first line" : "its line", pc.line + 1,
                        name(static_cast<std::uint32_t>(pc.host))),
            0.7);
      continue;
    }
    if (r.split_from >= 0) {
      doc.log.add(
          repair_kind::block_moved, first, last,
          fmt::format("region {}: the words of region {} (file position {}) beyond a gutter "
                      "that the engine ran its line across, read at position {} in the "
                      "column they stand in",
                      name(order[k]), name(static_cast<std::uint32_t>(r.split_from)),
                      file_position(order[k]), k + 1),
          0.7);
      continue;
    }
    doc.log.add(repair_kind::block_moved, first, last,
                fmt::format("region {} (file position {}) read at position {}: placed by the "
                            "page layout (columns, bands, headings, furniture)",
                            name(order[k]), file_position(order[k]), k + 1),
                0.8);
  }
}

// Every line of an image the engine read a second time is a repair of its
// text, logged with the lines its region became.
void log_rereads(document &doc, const std::vector<const region_span *> &span_of) {
  for (const reread_line &r : doc.geometry->rereads) {
    const region_span *sp = r.region < span_of.size() ? span_of[r.region] : nullptr;
    const bool has_lines = sp != nullptr && sp->first_line <= sp->last_line;
    const std::string cue =
        r.word.empty()
            ? fmt::format(
                  "line {} read again alone (its pixels only, as one block): \"{}\" "
                  "at confidence {:.0f} became \"{}\" at {:.0f}",
                  r.line_id, r.before, r.before_confidence, r.after, r.after_confidence)
            : fmt::format(
                  "line {} read again in its own band under the word \"{}\" (at "
                  "confidence {:.0f}, its box over two lines): \"{}\" became \"{}\" at {:.0f}",
                  r.line_id, r.word, r.before_confidence, r.before, r.after, r.after_confidence);
    doc.log.add(repair_kind::line_reread, has_lines ? sp->first_line : 0,
                has_lines ? sp->last_line : 0, cue, r.after_confidence / 100.0);
  }
}

// The text stages cut the page into articles at headlines; the regions
// follow: each goes with the article its first line went to, and a region
// without text with the region before it.
void group_regions_by_article(document &doc) {
  std::vector<std::uint32_t> article_of(doc.lines.size() + 2, 0);
  for (std::uint32_t a = 0; a < doc.articles.size(); ++a)
    for (const unit &u : doc.articles[a].units)
      for (std::uint32_t l : u.source_lines)
        if (l < article_of.size()) article_of[l] = a;
  page_order grouped;
  std::uint32_t current = 0, open = 0;
  for (const region_span &span : doc.region_lines) {
    if (span.first_line <= span.last_line) current = article_of[span.first_line];
    if (grouped.articles.empty() || current != open) {
      grouped.articles.emplace_back();
      open = current;
    }
    grouped.articles.back().push_back(span.region);
  }
  doc.region_order = std::move(grouped);
}

}  // namespace

document run_geometry_pipeline(std::string_view bytes, source_format format,
                               const colreflow::options &opts) {
  document doc;
  doc.source_name = opts.source_name;
  const deadline_scope deadline(opts.max_millis, opts.source_name);
  auto geometry = std::make_shared<page>(read_page(bytes, format, opts));
  check_word_limit(*geometry, opts.max_words);
  check_deadline("reading");
  require_utf8(*geometry);
  infer_furniture(*geometry);
  std::vector<line_piece> pieces;
  if (wants(opts, CRF_REPAIR_ORDER)) {
    std::vector<gutter_cut> cuts;
    doc.region_order = order_regions(*geometry, &cuts);
    // A line run across a gutter is parted into the columns it spans, and
    // the page ordered again with its parts.
    if (split_at_gutters(*geometry, cuts) > 0) doc.region_order = order_regions(*geometry);
    pieces = find_line_pieces(*geometry, column_finder(*geometry));
    follow_hosts(doc.region_order, pieces);
  } else {  // the file's order, as one article
    doc.region_order.articles.emplace_back(geometry->regions.size());
    for (std::uint32_t i = 0; i < geometry->regions.size(); ++i)
      doc.region_order.articles.back()[i] = i;
  }
  doc.geometry = std::move(geometry);
  check_deadline("the layout");
  const float body = body_type_size(*doc.geometry);
  // Only hOCR (x_size), ALTO (FONTSIZE) and Tesseract's own rows (an image's:
  // hOCR's x_size before it is written) give type sizes; PAGE and TSV give
  // line heights, too uneven to tell a heading line in a block.
  const bool sized = doc.geometry->format == source_format::hocr ||
                     doc.geometry->format == source_format::alto ||
                     doc.geometry->format == source_format::image;
  const bool any_piece =
      std::any_of(pieces.begin(), pieces.end(), [](const line_piece &pc) { return pc.is_piece(); });
  const laid_out laid =
      any_piece ? lay_out_text(doc, with_pieces_joined(*doc.geometry, pieces), sized ? body : 0.0f)
                : lay_out_text(doc, *doc.geometry, sized ? body : 0.0f);
  if (doc.lines.empty()) return doc;
  load_words_if_hyphenated(doc, opts);
  segment_blocks(doc);
  check_deadline("segmentation");
  apply_page_line_cues(doc, measure_page_lines(*doc.geometry, laid.page_lines, doc.lines));
  apply_geometry_roles(doc, laid, body);
  if (wants(opts, CRF_REPAIR_HEADINGS)) join_stacked_headings(doc, laid);
  if (!wants(opts, CRF_REPAIR_HEADINGS)) drop_headings(doc);
  // The layout decided the order; the blocks are already in it.
  keep_block_order(doc);
  reflow_articles(doc, reflow_repairs(opts));
  group_regions_by_article(doc);
  // Each region's laid-out lines, for the log entries.
  std::vector<const region_span *> span_of(doc.geometry->regions.size(), nullptr);
  for (const region_span &sp : doc.region_lines) span_of[sp.region] = &sp;
  log_moves(doc, pieces, span_of);
  log_rereads(doc, span_of);
  return doc;
}

}  // namespace colreflow::detail
