// hOCR reader: the XHTML hOCR that Tesseract (and OCRmyPDF through it)
// writes, read into the geometry model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "model/page.hpp"
#include "read/xml_input.hpp"

namespace colreflow::detail {

// Read one hOCR page. Regions are the ocr_carea elements; a page without
// any uses its ocr_par elements, and one without those makes each line a
// region. Lines are ocr_line, ocr_header, ocr_caption, ocr_textfloat and
// ocrx_line (a region without any is one line); words are ocrx_word, whose
// text is the line's; a line without words has its own text. Blank words
// and lines without text are skipped. Boxes, x_wconf and x_size come from the title
// properties; a missing or garbled property counts as unknown, and a line
// without x_size takes its height as font_size. A region is heading when
// all its lines are ocr_header, caption when all are ocr_caption.
// ocr_separator elements become separators; ocr_photo and the like are
// skipped. A file with several ocr_page elements is refused: the model
// holds one page, and pages share coordinates. Throws colreflow::error
// (invalid, or limit from parse_xml) naming the file and line.
page read_hocr(std::string_view bytes, const std::string &source_name,
               const xml_limits &limits);

// The first element of class ocr_page, or an empty node.
pugi::xml_node hocr_page_node(const pugi::xml_document &doc);

// The elements that read_hocr makes regions of, in the same order, so that
// element k is page::regions[k]. Shared with the writer.
std::vector<pugi::xml_node> hocr_region_nodes(const pugi::xml_node &page_node);

// A line's text from its words: one space between words, except between
// two wide (CJK) characters, where Tesseract's own text output puts none.
// Shared with the TSV reader.
std::string join_words(const std::vector<word> &words);

}  // namespace colreflow::detail
