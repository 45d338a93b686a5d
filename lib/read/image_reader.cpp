#include "read/image_reader.hpp"

#include <algorithm>  // find, remove
#include <cstdint>    // int32_t, int64_t, uint64_t
#include <memory>     // unique_ptr
#include <string>
#include <utility>  // move

#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/publictypes.h>
#include <tesseract/resultiterator.h>

#include "colreflow/colreflow.hpp"
#include "model/deadline.hpp"
#include "read/leptonica_handles.hpp"
#include "read/reread.hpp"
#include "read/tesseract_results.hpp"

namespace colreflow::detail {
namespace {

// Tesseract's range of believable resolutions (kMinCredibleResolution,
// kMaxCredibleResolution in its source): user_defined_dpi outside it is
// ignored with a warning, so we refuse it instead.
constexpr int kMinDpi = 70;
constexpr int kMaxDpi = 2400;
// What an image without a believable resolution is read at. Tesseract would
// otherwise guess one from the text size (and say so on stderr); 300 dpi is
// what scans are made at and what its models were trained on, and a fixed
// value keeps the result independent of that guess.
constexpr int kDefaultDpi = 300;

// End() frees the models and results; delete frees the rest.
struct api_deleter {
  void operator()(tesseract::TessBaseAPI *api) const {
    api->End();
    delete api;
  }
};
using api_ptr = std::unique_ptr<tesseract::TessBaseAPI, api_deleter>;

[[noreturn]] void not_an_image(const std::string &name, const std::string &why) {
  throw colreflow::error(status::invalid,
                         fmt::format("{}: not an image Leptonica can read ({})", name, why));
}

std::string format_name(l_int32 format) {
  const char *ext = format == IFF_UNKNOWN ? nullptr : getFormatExtension(format);
  return ext ? ext : "unknown format";
}

void check_size(const std::string &name, std::int64_t w, std::int64_t h,
                const image_options &opts) {
  if (w <= 0 || h <= 0) not_an_image(name, fmt::format("{}x{} pixels", w, h));
  const std::uint64_t pixels = static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h);
  if (pixels > opts.max_pixels)
    throw colreflow::error(
        status::limit, fmt::format("{}: image of {}x{} = {} pixels is over the limit of {} pixels",
                                   name, w, h, pixels, opts.max_pixels));
}

// Decode the image, checking its size from the header first so that a
// huge image is refused before its pixels are allocated.
pix_ptr decode(std::string_view bytes, const std::string &name, const image_options &opts) {
  if (bytes.empty()) not_an_image(name, "empty input");
  const auto *data = reinterpret_cast<const l_uint8 *>(bytes.data());
  l_int32 format = IFF_UNKNOWN;
  // findFileFormatBuffer reads 12 bytes; shorter input is no image.
  if (bytes.size() < 12 || findFileFormatBuffer(data, &format) != 0 || format == IFF_UNKNOWN)
    not_an_image(name, "unknown format");
  l_int32 header_format = IFF_UNKNOWN, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(data, bytes.size(), &header_format, &w, &h, &bps, &spp, &cmap) != 0)
    not_an_image(name, fmt::format("unreadable {} header", format_name(format)));
  check_size(name, w, h, opts);
  pix_ptr pix(pixReadMem(data, bytes.size()));
  if (!pix) not_an_image(name, fmt::format("{} data does not decode", format_name(format)));
  // The header and the data could disagree.
  check_size(name, pixGetWidth(pix.get()), pixGetHeight(pix.get()), opts);
  return pix;
}

std::vector<std::string> split_languages(const std::string &languages) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= languages.size()) {
    std::size_t end = languages.find('+', start);
    if (end == std::string::npos) end = languages.size();
    std::string lang = languages.substr(start, end - start);
    // "~lang" asks Tesseract not to load lang.
    if (!lang.empty() && lang.front() != '~') out.push_back(std::move(lang));
    start = end + 1;
  }
  return out;
}

[[noreturn]] void no_language(const tesseract::TessBaseAPI &api, const std::string &name,
                              const image_options &opts, const std::vector<std::string> &missing) {
  std::vector<std::string> installed;
  // After a failed Init Tesseract still knows its data directory.
  api.GetAvailableLanguagesAsVector(&installed);
  installed.erase(std::remove(installed.begin(), installed.end(), "osd"), installed.end());
  const std::string where =
      opts.tessdata.empty() ? "Tesseract's default tessdata" : "tessdata " + opts.tessdata;
  throw colreflow::error(
      status::invalid,
      fmt::format(
          "{}: Tesseract cannot load language{} {} (asked for \"{}\"); installed in {}: {}", name,
          missing.size() == 1 ? "" : "s", fmt::join(missing, ", "), opts.languages, where,
          installed.empty() ? std::string("none") : fmt::format("{}", fmt::join(installed, ", "))));
}

api_ptr start_tesseract(const std::string &name, const image_options &opts) {
  api_ptr api(new tesseract::TessBaseAPI());
  const char *datapath = opts.tessdata.empty() ? nullptr : opts.tessdata.c_str();
  const std::vector<std::string> asked = split_languages(opts.languages);
  if (asked.empty())
    throw colreflow::error(
        status::usage, fmt::format("{}: no Tesseract language in \"{}\"", name, opts.languages));
  if (api->Init(datapath, opts.languages.c_str()) != 0) no_language(*api, name, opts, asked);
  // Init succeeds when only some of the languages load; refuse that too.
  std::vector<std::string> loaded;
  api->GetLoadedLanguagesAsVector(&loaded);
  std::vector<std::string> missing;
  for (const std::string &lang : asked)
    if (std::find(loaded.begin(), loaded.end(), lang) == loaded.end()) missing.push_back(lang);
  if (!missing.empty()) no_language(*api, name, opts, missing);
  return api;
}

// The calling thread's Tesseract, initialised for opts' languages and data
// directory; made again only when those change.
tesseract::TessBaseAPI &thread_engine(const std::string &name, const image_options &opts) {
  struct engine {
    std::string tessdata, languages;
    api_ptr api;
  };
  thread_local engine cached;
  if (!cached.api || cached.tessdata != opts.tessdata || cached.languages != opts.languages) {
    cached.api.reset();  // a failed start below leaves no engine behind
    cached.api = start_tesseract(name, opts);
    cached.tessdata = opts.tessdata;
    cached.languages = opts.languages;
  }
  return *cached.api;
}

// Ends a page on the thread's engine, however it ends: the image and
// results are freed, and what the adaptive classifier learnt from this page
// is forgotten so the next page reads as it would on a fresh engine.
struct page_done {
  tesseract::TessBaseAPI &api;
  ~page_done() {
    api.Clear();
    api.ClearAdaptiveClassifier();
  }
};

// The file name as XML character data.
std::string xml_escape(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

// Tesseract's page fragment of one format, whole: hOCR and ALTO documents
// get the head and tail Tesseract's file renderers write around the page
// (TessHOcrRenderer, TessAltoRenderer), TSV its header row, so the file
// reads like `tesseract IMAGE OUT hocr|alto|tsv` and our readers take it.
std::string render(tesseract::TessBaseAPI &api, source_format f, const std::string &name) {
  const std::unique_ptr<char[]> fragment(f == source_format::hocr   ? api.GetHOCRText(0)
                                         : f == source_format::alto ? api.GetAltoText(0)
                                                                    : api.GetTSVText(0));
  const std::string page = fragment ? std::string(fragment.get()) : std::string();
  const std::string file = xml_escape(name);
  switch (f) {
    case source_format::hocr:
      return fmt::format(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
          "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
          "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
          " <head>\n  <title>{}</title>\n"
          "  <meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
          "  <meta name='ocr-system' content='tesseract {}' />\n"
          "  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line "
          "ocrx_word ocrp_wconf'/>\n </head>\n <body>\n{} </body>\n</html>\n",
          file, api.Version(), page);
    case source_format::alto:
      return fmt::format(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\" "
          "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v3# "
          "http://www.loc.gov/alto/v3/alto-3-0.xsd\">\n"
          "\t<Description>\n\t\t<MeasurementUnit>pixel</MeasurementUnit>\n"
          "\t\t<sourceImageInformation>\n\t\t\t<fileName>{}</fileName>\n"
          "\t\t</sourceImageInformation>\n\t\t<OCRProcessing ID=\"OCR_0\">\n"
          "\t\t\t<ocrProcessingStep>\n\t\t\t\t<processingSoftware>\n"
          "\t\t\t\t\t<softwareName>tesseract {}</softwareName>\n"
          "\t\t\t\t</processingSoftware>\n\t\t\t</ocrProcessingStep>\n"
          "\t\t</OCRProcessing>\n\t</Description>\n\t<Layout>\n{}\t</Layout>\n</alto>\n",
          file, api.Version(), page);
    default:
      return "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\t"
             "height\tconf\ttext\n" +
             page;
  }
}

}  // namespace

page read_image(std::string_view bytes, const std::string &source_name,
                const image_options &opts) {
  if (opts.psm < tesseract::PSM_AUTO_OSD || opts.psm >= tesseract::PSM_COUNT ||
      opts.psm == tesseract::PSM_AUTO_ONLY)
    throw colreflow::error(
        status::usage,
        fmt::format("page segmentation mode {}: Tesseract recognises text with 1 or 3..13",
                    opts.psm));
  if (opts.dpi != 0 && (opts.dpi < kMinDpi || opts.dpi > kMaxDpi))
    throw colreflow::error(status::usage,
                           fmt::format("resolution {} dpi: give {}..{}, or 0 for the file's",
                                       opts.dpi, kMinDpi, kMaxDpi));

  const pix_ptr pix = decode(bytes, source_name, opts);
  tesseract::TessBaseAPI &api = thread_engine(source_name, opts);
  const page_done done{api};
  api.SetPageSegMode(static_cast<tesseract::PageSegMode>(opts.psm));
  int dpi = opts.dpi;
  if (dpi == 0) {
    const int file_dpi = pixGetYRes(pix.get());
    // No resolution in the file, or one Tesseract would not believe: 300.
    dpi = file_dpi >= kMinDpi && file_dpi <= kMaxDpi ? 0 : kDefaultDpi;
  }
  // Set on every page, 0 included: the engine remembers the last page's.
  api.SetVariable("user_defined_dpi", std::to_string(dpi).c_str());
  // Tesseract keeps its own reference or copy; pix outlives the page anyway.
  api.SetImage(pix.get());
  // The page's time limit (options::max_millis) reaches into recognition,
  // the longest stage, through Tesseract's own deadline.
  if (!recognise_in_time(api))
    throw colreflow::error(status::error,
                           fmt::format("{}: Tesseract could not recognise the page", source_name));

  page p;
  p.source_name = source_name;
  p.format = source_format::image;
  p.width = pixGetWidth(pix.get());
  p.height = pixGetHeight(pix.get());
  const std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it) read_results(*it, p);
  for (source_format f : opts.engine_outputs) p.engine_outputs.emplace_back(f, render(api, f, source_name));
  reread_garbled(api, pix.get(), p);
  return p;
}

std::pair<std::int32_t, std::int32_t> decode_image_size(std::string_view bytes,
                                                        const std::string &source_name,
                                                        const image_options &opts) {
  const pix_ptr pix = decode(bytes, source_name, opts);
  return {pixGetWidth(pix.get()), pixGetHeight(pix.get())};
}

std::vector<std::string> installed_languages(const std::string &tessdata) {
  api_ptr api(new tesseract::TessBaseAPI());
  // Init finds the data directory before it loads "eng"; the list is
  // there even where eng is not installed.
  api->Init(tessdata.empty() ? nullptr : tessdata.c_str(), "eng");
  std::vector<std::string> langs;
  api->GetAvailableLanguagesAsVector(&langs);
  langs.erase(std::remove(langs.begin(), langs.end(), "osd"), langs.end());
  return langs;
}

}  // namespace colreflow::detail
