// Image reader: a scanned page image, recognised by Tesseract through its
// C++ API (TessBaseAPI), read into the geometry model as the hOCR reader
// would read Tesseract's hOCR of the same image.
//
// Lifecycle of one call: the image header is checked against the pixel
// limit, Leptonica decodes the image, and the calling thread's TessBaseAPI
// recognises it. Each thread keeps one TessBaseAPI, initialised for the
// last languages and data directory it was asked for, because loading
// chi_sim+eng costs about 0.3 s per page otherwise (0.1 s for eng). After each
// page its results and its adaptive classifier are cleared, so a page reads
// the same whatever was read before it on that thread.
//
// Threads: each thread has its own TessBaseAPI and sets only per-instance
// parameters, which Tesseract documents as safe to run in parallel.
// Tesseract's own OpenMP threads follow OMP_THREAD_LIMIT, which is the
// caller's to set; the output does not depend on it, the time does (on two
// cores the test page takes 2 s with OMP_THREAD_LIMIT=1, 6-20 s without).
// Leptonica and Tesseract print their own messages on stderr (a damaged
// image, a missing traineddata); they are left alone, as the switches that
// silence them are process-wide.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // int32_t
#include <string>
#include <string_view>
#include <utility>  // pair
#include <vector>

#include "model/page.hpp"

namespace colreflow::detail {

struct image_options {
  std::string languages = "eng";  // Tesseract language string, e.g. "chi_sim+eng"
  int psm = 3;                    // tesseract::PageSegMode: 1 or 3..13
  std::string tessdata;           // "" = Tesseract's default datapath
  int dpi = 0;                    // 0 = from the file, else 70..2400 (user_defined_dpi)
  std::size_t max_pixels = 400'000'000;  // refuse larger images (width*height) before OCR
  // Tesseract's own renderings to keep in page::engine_outputs: hocr, alto
  // and/or tsv, as `tesseract IMAGE OUT hocr` etc. would write them.
  std::vector<source_format> engine_outputs;
};

// Recognise one page image: PNG, TIFF (its first page), JPEG, PNM, WebP,
// BMP or GIF, as far as the Leptonica build reads them. The image size is
// read from the header and checked against max_pixels before decoding.
//
// Regions are Tesseract's text blocks (RIL_BLOCK) with at least one word
// that is not blank; image and noise blocks are skipped, and horizontal or
// vertical line blocks become separators. Lines are RIL_TEXTLINE, words
// RIL_WORD with their confidence (0..100). Line text is the words joined by
// join_words (no space between two CJK characters). font_size is the row
// height Tesseract gives as hOCR's x_size (RowAttributes), or the line's
// height where that is 0 (WordFontAttributes' point size is not used: it
// is rounded to whole points through a resolution that may be a guess).
// Ids are those of Tesseract's hOCR of the same image ("block_1_N",
// "line_1_N"; rules and images take a block number, as Tesseract 5.3's
// ocr_separator and ocr_photo do), and the page equals what read_hocr
// makes of `tesseract IMAGE OUT hocr` run with the same options, except
// that confidences keep their fraction and that a garbled line in display
// type may be read a second time (reread_garbled_lines, read/reread.hpp;
// page::rereads lists them). A heading block (PT_HEADING_TEXT)
// gets region_hint::heading, a caption block caption. page::format is
// source_format::image, width and height are the image's, source_line is 0
// everywhere. The same image and options give the same page.
//
// An image without a resolution is read at 300 dpi unless opts.dpi says
// otherwise.
//
// Throws colreflow::error: `invalid` for bytes Leptonica cannot read, an
// empty image, or languages Tesseract cannot load (the message lists the
// installed ones); `limit` beyond max_pixels; `usage` for a psm or dpi out
// of range; `error` when Tesseract fails to recognise the page.
page read_image(std::string_view bytes, const std::string &source_name,
                const image_options &opts);

// Decode the image as read_image does (the header checked against
// opts.max_pixels first, then Leptonica), without Tesseract: its width and
// height. Throws colreflow::error as read_image does for the image itself.
// For the image fuzzer and the limit tests.
std::pair<std::int32_t, std::int32_t> decode_image_size(std::string_view bytes,
                                                        const std::string &source_name,
                                                        const image_options &opts);

// The languages installed in `tessdata` ("" = Tesseract's default
// datapath): the names of its *.traineddata files, sorted, without "osd"
// (which is orientation detection, not a language). Empty when the
// directory cannot be read.
std::vector<std::string> installed_languages(const std::string &tessdata);

}  // namespace colreflow::detail
