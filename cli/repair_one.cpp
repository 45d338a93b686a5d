// One input through the library: the C API, as any other client would use it.
#include "repair_one.hpp"

#include <cerrno>
#include <cstdio>   // fopen, fwrite
#include <cstring>  // strerror
#include <string>

#include "read_input.hpp"

namespace {

// File name endings of what Tesseract writes itself (--from-image).
const char *engine_extension(crf_input f) {
  switch (f) {
    case CRF_INPUT_ALTO: return "alto.xml";
    case CRF_INPUT_TSV: return "tsv";
    default: return "hocr";
  }
}

}  // namespace

file_result repair_one(const std::string &path, const cli_options &o) {
  file_result r;
  const std::string name = path == "-" ? "<stdin>" : path;
  std::string bytes, error;
  if (!read_input(path, name, o.max_input_bytes, bytes, error)) {
    r.error = "colreflow: " + error;
    return r;
  }

  crf_options opts = CRF_OPTIONS_INIT;
  opts.max_input_bytes = o.max_input_bytes;
  opts.max_words = o.max_words;
  opts.max_image_pixels = o.max_image_pixels;
  opts.max_xml_depth = o.max_xml_depth;
  opts.max_xml_elements = o.max_xml_elements;
  opts.max_millis = o.max_millis;
  if (!o.languages.empty()) opts.languages = o.languages.c_str();
  opts.psm = o.psm;
  if (!o.tessdata.empty()) opts.tessdata = o.tessdata.c_str();
  opts.dpi = o.dpi;
  opts.repairs = o.repairs;
  opts.dictionaries = o.dictionaries.c_str();
  for (crf_input f : o.from_image) opts.engine_outputs |= CRF_ENGINE_OUTPUT(f);
  crf_document *doc = nullptr;
  crf_buf text = CRF_BUF_INIT;
  crf_buf report = CRF_BUF_INIT;
  crf_status status =
      crf_document_from_bytes(&doc, bytes.data(), bytes.size(), o.from, name.c_str(), &opts);
  // The document keeps what it needs of the input; only an image input
  // drawn on (--overlay) needs the bytes again.
  if (o.overlay.empty()) std::string().swap(bytes);
  if (status == CRF_OK && o.want_source != CRF_INPUT_AUTO &&
      crf_document_input(doc) != o.want_source) {
    r.error = std::string("colreflow: ") + name + ": is " + input_name(crf_document_input(doc)) +
              ", not " + input_name(o.want_source) + ": cannot write it as " +
              input_name(o.want_source);
    crf_document_free(doc);
    return r;
  }
  if (status == CRF_OK) status = crf_document_render(&text, doc, o.format);
  if (status == CRF_OK && o.report) status = crf_document_report(&report, doc);
  if (status == CRF_OK && crf_document_input(doc) == CRF_INPUT_IMAGE) {
    for (crf_input f : o.from_image) {
      crf_buf engine = CRF_BUF_INIT;
      status = crf_document_engine_output(&engine, doc, f);
      if (status != CRF_OK) break;
      r.side_outputs.emplace_back(std::string(".tesseract.") + engine_extension(f),
                                  std::string(engine.ptr, engine.size));
      crf_buf_dispose(&engine);
    }
  }
  if (status == CRF_OK && !o.overlay.empty()) {
    // The scan: --image, or the input itself when it is an image.
    std::string scan, scan_error;
    if (!o.image.empty()) {
      if (!read_input(o.image, o.image, o.max_input_bytes, scan, scan_error)) {
        r.error = "colreflow: " + scan_error;
        crf_buf_dispose(&report);
        crf_buf_dispose(&text);
        crf_document_free(doc);
        return r;
      }
    } else if (crf_document_input(doc) == CRF_INPUT_IMAGE) {
      scan = bytes;
    }
    crf_buf png = CRF_BUF_INIT;
    if (scan.empty()) {
      r.error = std::string("colreflow: ") + name +
                ": --overlay needs the page image: give it with --image SCAN";
      status = CRF_EUSAGE;
    } else {
      status = crf_document_overlay(&png, doc, scan.data(), scan.size());
      if (status == CRF_OK) {
        std::FILE *f = std::fopen(o.overlay.c_str(), "wb");
        bool written = f != nullptr && std::fwrite(png.ptr, 1, png.size, f) == png.size;
        if (f != nullptr && std::fclose(f) != 0) written = false;
        if (!written) {
          r.error = "colreflow: " + o.overlay + ": cannot write: " + std::strerror(errno);
          status = CRF_ERROR;
        }
      }
    }
    crf_buf_dispose(&png);
    if (status != CRF_OK) {
      if (r.error.empty()) r.error = std::string("colreflow: ") + crf_error_last();
      crf_buf_dispose(&report);
      crf_buf_dispose(&text);
      crf_document_free(doc);
      return r;
    }
  }
  if (status != CRF_OK) r.error = std::string("colreflow: ") + crf_error_last();
  // The document (its lines above all) goes before the output is copied.
  crf_document_free(doc);
  if (status == CRF_OK) {
    r.ok = true;
    r.text.assign(text.ptr, text.size);
    if (o.report) r.report.assign(report.ptr, report.size);
  }
  crf_buf_dispose(&report);
  crf_buf_dispose(&text);
  return r;
}
