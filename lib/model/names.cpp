#include "model/document.hpp"

namespace colreflow::detail {

const char *role_name(role r) {
  switch (r) {
    case role::unknown: return "unknown";
    case role::headline: return "headline";
    case role::subheading: return "subheading";
    case role::dateline: return "dateline";
    case role::body: return "body";
    case role::byline: return "byline";
  }
  return "unknown";
}

const char *repair_kind_name(repair_kind k) {
  switch (k) {
    case repair_kind::line_join: return "line_join";
    case repair_kind::dehyphenation: return "dehyphenation";
    case repair_kind::hyphen_kept: return "hyphen_kept";
    case repair_kind::spacing: return "spacing";
    case repair_kind::block_moved: return "block_moved";
    case repair_kind::heading_placed: return "heading_placed";
    case repair_kind::paragraph_break: return "paragraph_break";
    case repair_kind::column_join: return "column_join";
    case repair_kind::order_kept: return "order_kept";
  }
  return "unknown";
}

}  // namespace colreflow::detail
