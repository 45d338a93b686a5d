// Tesseract's results, read into the geometry model.
#pragma once

#include "model/page.hpp"

namespace tesseract {
class ResultIterator;
}

namespace colreflow::detail {

// Appends the page's text blocks to p.regions as the image reader documents
// them (read_image in read/image_reader.hpp): Tesseract's blocks, lines and
// words with boxes, confidences and row heights, ids as in its hOCR; rules
// and images become separators. Walks `it` to its end.
void read_results(tesseract::ResultIterator &it, page &p);

}  // namespace colreflow::detail
