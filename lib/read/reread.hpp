// A second reading of lines Tesseract garbled: on a noisy scan it can take
// a headline and the specks around it for one blob and read it as a few
// Latin letters at confidence 0. Read alone, as a block of its own, the
// same pixels usually come out right.
#pragma once

#include "model/page.hpp"

struct Pix;
namespace tesseract {
class TessBaseAPI;
}

namespace colreflow::detail {

// Reads again each line of `p` in display type (its row 1.5 times the
// page's median row or more) whose every word has a confidence under 40:
// the line's box with a margin of a third of its row, every word of other
// lines in it painted white, recognised by `api` as one block of text
// (psm 6). The new lines replace the old one where their words' mean
// confidence (weighted by bytes) is 20 points higher or more; the first
// keeps the old line's id, the others get "_2", "_3"..., the region's
// box becomes the union of its lines, and p.rereads says what changed.
// The pixels read again add up to one page's area at most (further lines
// are left as they are). `image` is the page `p` was read
// from. Leaves `api` holding the last line's results and psm 6; the
// caller clears it. Same page and image, same result.
void reread_garbled_lines(tesseract::TessBaseAPI &api, Pix *image, page &p);

}  // namespace colreflow::detail
