// Which format an input is in, from its first bytes.
#pragma once

#include <string_view>

#include "model/page.hpp"

namespace colreflow::detail {

// PAGE XML (<PcGts>), ALTO (<alto>), hOCR (an ocr_page class), Tesseract
// TSV (its header row); anything else is plain text. Only the first 64 KiB
// are looked at, so a huge file costs nothing extra.
source_format detect_format(std::string_view bytes);

// "text", "hocr", "alto", "page", "tsv": the names --from and -f take.
const char *source_format_name(source_format f);

}  // namespace colreflow::detail
