// Order: blocks -> reading order (doc.order), from text continuity cues.
#pragma once

#include "model/document.hpp"

namespace colreflow::detail {

void order_blocks(document &doc);

}  // namespace colreflow::detail
