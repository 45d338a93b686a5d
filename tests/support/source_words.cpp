#include "support/source_words.hpp"

#include <climits>  // LONG_MAX
#include <stdexcept>
#include <vector>

#include <pugixml.hpp>

namespace colreflow::test {
namespace {

// A name without its prefix: what follows the last colon, as the readers
// take it (a name of several colons is no QName, but pugixml reads one).
std::string_view without_prefix(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view local(const pugi::xml_node &n) { return without_prefix(n.name()); }

const char *attr(const pugi::xml_node &n, std::string_view name) {
  for (const pugi::xml_attribute &a : n.attributes())
    if (without_prefix(a.name()) == name) return a.value();
  return "";
}

// Every element below `root` in document order, without recursion (the
// fuzzers feed deep trees).
template <class F>
void for_each_element(const pugi::xml_node &root, F f) {
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = root.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    if (!f(n)) continue;  // f returns false: do not go below n
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
}

// All character data below `n`.
std::string text_below(const pugi::xml_node &n) {
  std::string out;
  std::vector<pugi::xml_node> stack{n};
  while (!stack.empty()) {
    const pugi::xml_node c = stack.back();
    stack.pop_back();
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    for (pugi::xml_node k = c.last_child(); k; k = k.previous_sibling()) stack.push_back(k);
  }
  return out;
}

// An element's hOCR kind, as the reader sees it: its first class that
// names one.
enum class hocr_kind { other, page, area, par, line, word };

hocr_kind hocr_kind_of(const pugi::xml_node &n) {
  std::string_view classes = attr(n, "class");
  while (!classes.empty()) {
    const std::size_t end = classes.find_first_of(" \t\r\n\f");
    const std::string_view c = classes.substr(0, end);
    if (c == "ocr_page") return hocr_kind::page;
    if (c == "ocr_carea") return hocr_kind::area;
    if (c == "ocr_par") return hocr_kind::par;
    if (c == "ocr_line" || c == "ocr_header" || c == "ocr_caption" || c == "ocr_textfloat" ||
        c == "ocrx_line")
      return hocr_kind::line;
    if (c == "ocrx_word") return hocr_kind::word;
    if (end == std::string_view::npos) break;
    classes.remove_prefix(end + 1);
  }
  return hocr_kind::other;
}

std::string hocr_words(const pugi::xml_document &doc) {
  pugi::xml_node page;
  for_each_element(doc, [&](const pugi::xml_node &n) {
    if (!page && hocr_kind_of(n) == hocr_kind::page) page = n;
    return !page;
  });
  std::string out = "\n";
  if (!page) return out;
  // All the text of each outermost area, paragraph, line or word: text
  // beside a region's lines is read with them.
  for_each_element(page, [&](const pugi::xml_node &n) {
    const hocr_kind k = hocr_kind_of(n);
    if (k == hocr_kind::other || k == hocr_kind::page) return true;
    out += text_below(n) + "\n";
    return false;
  });
  return out;
}

// A String's CONTENT; a HYP's, which is a printed hyphen: "-" when it
// gives none and follows a word of the line (`after_word`).
void alto_word(const pugi::xml_node &n, bool after_word, std::string &out) {
  const std::string_view content = attr(n, "CONTENT");
  if (local(n) == "String") out += std::string(content) + "\n";
  if (local(n) == "HYP" && (!content.empty() || after_word))
    out += (content.empty() ? std::string("-") : std::string(content)) + "\n";
}

// Words are in the TextLines of TextBlocks, wherever in the document the
// blocks stand (a reader loses no text a producer put outside the Page),
// but for the metadata sections (Description, Styles, Tags, ReadingOrder),
// which hold no page text.
std::string alto_words(const pugi::xml_document &doc) {
  std::string out = "\n";
  // The first root element is the document; anything after it is not.
  for_each_element(doc.document_element(), [&](const pugi::xml_node &b) {
    const std::string_view name = local(b);
    if (name == "Description" || name == "Styles" || name == "Tags" || name == "ReadingOrder")
      return false;
    if (name != "TextBlock") return true;
    for (const pugi::xml_node &line : b.children()) {
      if (local(line) != "TextLine") continue;
      bool after_word = false;
      for (const pugi::xml_node &c : line.children()) {
        alto_word(c, after_word, out);
        after_word = after_word || (local(c) == "String" &&
                                    std::string_view(attr(c, "CONTENT")).find_first_not_of(
                                        " \t\r\n") != std::string_view::npos);
      }
    }
    return false;  // blocks do not nest
  });
  return out;
}

// A PAGE element's text: its TextEquiv with the lowest @index (the first
// when none has one).
std::string page_equiv(const pugi::xml_node &n) {
  pugi::xml_node best;
  long best_index = LONG_MAX;
  for (const pugi::xml_node &c : n.children()) {
    if (local(c) != "TextEquiv") continue;
    const char *idx = attr(c, "index");
    const long index = *idx ? std::strtol(idx, nullptr, 10) : LONG_MAX - 1;
    if (!best || index < best_index) {
      best = c;
      best_index = index;
    }
  }
  for (const pugi::xml_node &u : best.children())
    if (local(u) == "Unicode") return text_below(u);
  return "";
}

// The text of `n` at `level` (region, line, word, glyph): a line's own
// TextEquiv when it has one, else its words' (or their glyphs'); a region
// without lines its own. Lines first, not the deepest level: ground truth
// files correct the line and leave the engine's words as they were (70
// lines of tests/data/page/ulb differ so).
void page_text_at(const pugi::xml_node &n, std::size_t level, std::string &out) {
  static const char *const kLevels[] = {"TextRegion", "TextLine", "Word", "Glyph"};
  if (level >= 1) {
    const std::string own = page_equiv(n);
    if (!own.empty() || level == 3) {
      out += own + "\n";
      return;
    }
  }
  bool deeper = false;
  if (level + 1 < 4)
    for (const pugi::xml_node &c : n.children())
      if (local(c) == kLevels[level + 1]) {
        deeper = true;
        page_text_at(c, level + 1, out);
      }
  if (!deeper && level == 0) out += page_equiv(n) + "\n";
}

// Regions are where the schema puts them: below the first Page of the
// PcGts, never inside a TextLine. A region's text is its lines'; one
// without lines has its own, unless regions inside it hold the text.
std::string page_words(const pugi::xml_document &doc) {
  std::string out = "\n";
  pugi::xml_node page;
  for (const pugi::xml_node &c : doc.document_element().children())
    if (!page && local(c) == "Page") page = c;
  if (!page) return out;
  for_each_element(page, [&](const pugi::xml_node &n) {
    if (local(n) == "TextLine") return false;
    if (local(n) != "TextRegion") return true;
    bool lines = false, regions = false;
    for (const pugi::xml_node &c : n.children()) {
      lines = lines || local(c) == "TextLine";
      regions = regions || local(c) == "TextRegion";
    }
    if (lines) {
      for (const pugi::xml_node &c : n.children())
        if (local(c) == "TextLine") page_text_at(c, 1, out);
    } else if (!regions) {
      out += page_equiv(n) + "\n";
    }
    return true;
  });
  return out;
}

std::string tsv_words(std::string_view bytes) {
  std::string out = "\n";
  while (!bytes.empty()) {
    std::size_t end = bytes.find('\n');
    std::string_view row = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    // The level is an integer: "05" and "+5" are level 5 too.
    std::string_view level = row.substr(0, row.find('\t'));
    if (!level.empty() && level.front() == '+') level.remove_prefix(1);
    while (level.size() > 1 && level.front() == '0') level.remove_prefix(1);
    if (level != "5") continue;
    std::size_t at = 0;
    for (int tab = 0; tab < 11 && at != std::string_view::npos; ++tab) {
      at = row.find('\t', at);
      if (at != std::string_view::npos) ++at;
    }
    if (at != std::string_view::npos) out += std::string(row.substr(at)) + "\n";
  }
  return out;
}

}  // namespace

std::string source_words(std::string_view bytes, input_format format) {
  if (format == input_format::tsv) return tsv_words(bytes);
  pugi::xml_document doc;
  if (!doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_auto))
    throw std::runtime_error("source_words: the XML does not parse");
  switch (format) {
    case input_format::hocr: return hocr_words(doc);
    case input_format::alto: return alto_words(doc);
    case input_format::page: return page_words(doc);
    default: throw std::runtime_error("source_words: no words in this format");
  }
}

}  // namespace colreflow::test
