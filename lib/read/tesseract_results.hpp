// Tesseract's results, read into the geometry model.
#pragma once

#include "model/page.hpp"

namespace tesseract {
class ResultIterator;
class TessBaseAPI;
}

namespace colreflow::detail {

// Appends the page's text blocks to p.regions as the image reader documents
// them (read_image in read/image_reader.hpp): Tesseract's blocks, lines and
// words with boxes, confidences and row heights, ids as in its hOCR; rules
// and images become separators. Walks `it` to its end.
void read_results(tesseract::ResultIterator &it, page &p);

// Recognises the image set on `api`, with the page's time limit
// (model/deadline.hpp) reaching into it through Tesseract's own deadline.
// Throws colreflow::error when the limit has passed, before or after;
// otherwise whether Tesseract recognised the image.
bool recognise_in_time(tesseract::TessBaseAPI &api);

}  // namespace colreflow::detail
