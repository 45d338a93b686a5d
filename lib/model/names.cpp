#include "model/document.hpp"
#include "model/page.hpp"

namespace colreflow::detail {

const char *role_name(role r) {
  switch (r) {
    case role::unknown: return "unknown";
    case role::headline: return "headline";
    case role::subheading: return "subheading";
    case role::dateline: return "dateline";
    case role::body: return "body";
    case role::byline: return "byline";
    case role::caption: return "caption";
    case role::furniture: return "furniture";
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
    case repair_kind::line_reread: return "line_reread";
  }
  return "unknown";
}

const char *region_hint_name(region_hint h) {
  switch (h) {
    case region_hint::none: return "none";
    case region_hint::paragraph: return "paragraph";
    case region_hint::heading: return "heading";
    case region_hint::caption: return "caption";
    case region_hint::header: return "header";
    case region_hint::footer: return "footer";
    case region_hint::page_number: return "page-number";
    case region_hint::marginalia: return "marginalia";
    case region_hint::table: return "table";
    case region_hint::other: return "other";
  }
  return "none";
}

}  // namespace colreflow::detail
