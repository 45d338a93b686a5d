// Text from geometry inputs: what the source's markup settles.
#include <doctest/doctest.h>

#include <string>

#include "colreflow/colreflow.hpp"
#include "model/document.hpp"

namespace {

// One ALTO v4 block of three lines; `first` and `second` are the halves of
// a word cut at the first line's end, `whole` its SUBS_CONTENT.
std::string alto(const char *first, const char *second, const char *whole) {
  return std::string(
             "<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout>"
             "<Page ID='p' WIDTH='1000' HEIGHT='1000'><PrintSpace>"
             "<TextBlock ID='b' HPOS='0' VPOS='0' WIDTH='500' HEIGHT='90'>"
             "<TextLine ID='l1' HPOS='0' VPOS='0' WIDTH='500' HEIGHT='30'>"
             "<String CONTENT='The' HPOS='0' VPOS='0' WIDTH='60' HEIGHT='30'/><SP/>"
             "<String CONTENT='") +
         first + "' SUBS_TYPE='HypPart1' SUBS_CONTENT='" + whole +
         "' HPOS='70' VPOS='0' WIDTH='100' HEIGHT='30'/><HYP CONTENT='-'/></TextLine>"
         "<TextLine ID='l2' HPOS='0' VPOS='30' WIDTH='500' HEIGHT='30'>"
         "<String CONTENT='" +
         second + "' SUBS_TYPE='HypPart2' SUBS_CONTENT='" + whole +
         "' HPOS='0' VPOS='30' WIDTH='100' HEIGHT='30'/><SP/>"
         "<String CONTENT='ends.' HPOS='110' VPOS='30' WIDTH='80' HEIGHT='30'/></TextLine>"
         "</TextBlock></PrintSpace></Page></Layout></alto>";
}

const colreflow::detail::repair *first_of(const colreflow::detail::document &d,
                                          colreflow::detail::repair_kind k) {
  for (const auto &r : d.log.entries)
    if (r.kind == k) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("geometry text: ALTO hyphenation markup removes a line-end hyphen the word list does not know") {
  colreflow::options opts;
  opts.lexicon_path = "";  // no word list: only the markup can tell
  const auto doc = colreflow::document::from_bytes(alto("zyx", "quor", "zyxquor"),
                                                   colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) == "The zyxquor ends.\n");
  const auto *r = first_of(doc.impl(), colreflow::detail::repair_kind::dehyphenation);
  REQUIRE(r != nullptr);
  CHECK(r->confidence == doctest::Approx(0.98));
  CHECK(r->cue.find("the source marks \"zyxquor\"") != std::string::npos);
}

TEST_CASE("geometry text: ALTO markup of a hyphenated compound keeps its hyphen") {
  colreflow::options opts;
  opts.lexicon_path = "";
  const auto doc = colreflow::document::from_bytes(alto("well", "known", "well-known"),
                                                   colreflow::input_format::auto_detect, opts);
  CHECK(doc.render(colreflow::format::txt) == "The well-known ends.\n");
  CHECK(first_of(doc.impl(), colreflow::detail::repair_kind::hyphen_kept) != nullptr);
}
