// A second reading of lines and words Tesseract garbled: on a noisy scan it
// can take a headline and the specks around it for one blob and read it as
// a few Latin letters at confidence 0, or take glyphs of two lines of body
// text joined by a speck for one word. Read alone, in their own line's
// band, the same pixels usually come out right.
#pragma once

#include "model/page.hpp"

struct Pix;
namespace tesseract {
class TessBaseAPI;
}

namespace colreflow::detail {

// Reads again, from `image` (the page `p` was read from):
// - each line in display type (its row 1.5 times the page's median row or
//   more) whose every word has a confidence under 40: the line's box with a
//   margin of a third of its row, every word of other lines in it painted
//   white, recognised as one block of text (psm 6). The new lines replace
//   the old one where their words' mean confidence (weighted by bytes) is
//   20 points higher or more; the first keeps the old line's id, the others
//   get "_2", "_3"..., and the region's box becomes the union of its lines;
// - each CJK word of a line in body type with a confidence under 40 whose
//   box is twice as tall as its line's band (the median top and bottom of
//   its other words, two or more) or taller, and two cells wider than the
//   ideographs read in it or more: a speck joined glyphs of two lines into
//   one blob. The word's columns are recognised in its line's band as one
//   line (psm 7), the words standing in the band painted white, and the new
//   words standing in those columns replace it when 20 points surer and
//   holding as many ideographs. Then the stretch under the word that no
//   word of the line above or below (in its region) covers is read in that
//   line's band the same way, and what holds an ideograph at that
//   confidence joins the line. Lines changed get their words' box.
// p.rereads says what changed. The pixels read again add up to one page's
// area at most (further lines and words are left as they are). Leaves
// `api` holding the last results and another psm; the caller clears it.
// Same page and image, same result.
void reread_garbled(tesseract::TessBaseAPI &api, Pix *image, page &p);

}  // namespace colreflow::detail
