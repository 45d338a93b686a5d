#include "write/overlay_writer.hpp"

#include <algorithm>  // clamp, max, min
#include <cmath>      // atan2, cos, lround, sin
#include <cstddef>    // size_t
#include <cstdint>    // int32_t, uint32_t, uint8_t
#include <memory>     // unique_ptr
#include <string>
#include <unordered_map>
#include <utility>  // move
#include <vector>

#include <fmt/format.h>
#include <leptonica/allheaders.h>

#include "colreflow/colreflow.hpp"
#include "read/leptonica_handles.hpp"

namespace colreflow::detail {
namespace {

struct rgb {
  std::uint8_t r, g, b;
};

rgb role_colour(role r) {
  switch (r) {
    case role::headline: return {220, 0, 0};
    case role::subheading: return {255, 140, 0};
    case role::dateline:
    case role::body: return {0, 70, 220};
    case role::byline: return {0, 160, 0};
    case role::caption: return {150, 0, 190};
    case role::furniture: return {120, 120, 120};
    case role::unknown: break;
  }
  return {200, 200, 200};
}

constexpr rgb kArrow = {139, 0, 0};

l_uint32 pixel_of(rgb c) {
  l_uint32 v = 0;
  composeRGBPixel(c.r, c.g, c.b, &v);
  return v;
}

std::string name_of(const document &doc) {
  if (!doc.source_name.empty()) return doc.source_name;
  if (doc.geometry && !doc.geometry->source_name.empty()) return doc.geometry->source_name;
  return "<input>";
}

pix_ptr decode_rgb(std::string_view bytes, const std::string &name) {
  const auto *data = reinterpret_cast<const l_uint8 *>(bytes.data());
  l_int32 format = IFF_UNKNOWN;
  // Check the magic number first: pixReadMem complains on stderr otherwise.
  if (bytes.size() < 12 || findFileFormatBuffer(data, &format) != 0 || format == IFF_UNKNOWN)
    throw colreflow::error(status::invalid,
                           fmt::format("{}: overlay: not an image Leptonica can read", name));
  pix_ptr read(pixReadMem(data, bytes.size()));
  if (!read)
    throw colreflow::error(status::invalid,
                           fmt::format("{}: overlay: the image could not be decoded", name));
  pix_ptr out(pixConvertTo32(read.get()));
  if (!out)
    throw colreflow::error(status::invalid,
                           fmt::format("{}: overlay: the image could not be converted to RGB", name));
  return out;
}

// The role of each region: the role most of its laid-out lines have (a
// column opening with its section heading is still body text).
std::vector<role> region_roles(const document &doc, std::size_t regions) {
  std::unordered_map<std::uint32_t, role> line_role;
  for (const block &b : doc.blocks)
    for (const line &l : b.lines) line_role.emplace(l.source_line, b.kind);
  std::vector<role> out(regions, role::unknown);
  for (const region_span &s : doc.region_lines) {
    if (s.region >= regions || s.first_line > s.last_line) continue;
    std::unordered_map<int, std::size_t> votes;
    for (std::uint32_t l = s.first_line; l <= s.last_line; ++l) {
      const auto it = line_role.find(l);
      if (it != line_role.end()) ++votes[static_cast<int>(it->second)];
    }
    std::size_t best = 0;
    for (const auto &[r, n] : votes)
      if (n > best || (n == best && static_cast<int>(out[s.region]) > r)) {
        best = n;
        out[s.region] = static_cast<role>(r);
      }
  }
  return out;
}

// Region boxes in image pixels, clipped to the image; empty when a region
// has no box or lies outside the image.
std::vector<box> image_boxes(const page &p, int img_w, int img_h) {
  const double sx = p.width > 0 ? static_cast<double>(img_w) / p.width : 1.0;
  const double sy = p.height > 0 ? static_cast<double>(img_h) / p.height : 1.0;
  std::vector<box> out;
  out.reserve(p.regions.size());
  for (const region &r : p.regions) {
    if (r.bbox.empty()) {
      out.push_back({});
      continue;
    }
    auto scale = [](std::int32_t v, double s, int limit) {
      return static_cast<std::int32_t>(std::clamp<long>(std::lround(v * s), 0, limit));
    };
    out.push_back({scale(r.bbox.x0, sx, img_w), scale(r.bbox.y0, sy, img_h),
                   scale(r.bbox.x1, sx, img_w), scale(r.bbox.y1, sy, img_h)});
  }
  return out;
}

void outline(PIX *pix, const box &b, int width, rgb c) {
  box_ptr lb(boxCreate(b.x0, b.y0, b.width(), b.height()));
  if (lb) pixRenderBoxArb(pix, lb.get(), width, c.r, c.g, c.b);
}

// A line from (x0, y0) to (x1, y1) with two short strokes at (x1, y1).
void arrow(PIX *pix, int x0, int y0, int x1, int y1, int width, int head) {
  pixRenderLineArb(pix, x0, y0, x1, y1, width, kArrow.r, kArrow.g, kArrow.b);
  const double angle = std::atan2(y1 - y0, x1 - x0);
  constexpr double kSpread = 0.45;  // about 25 degrees either side of the shaft
  for (const double side : {-kSpread, kSpread}) {
    const double a = angle + 3.14159265358979323846 + side;
    const int hx = x1 + static_cast<int>(std::lround(head * std::cos(a)));
    const int hy = y1 + static_cast<int>(std::lround(head * std::sin(a)));
    pixRenderLineArb(pix, x1, y1, hx, hy, width, kArrow.r, kArrow.g, kArrow.b);
  }
}

// `text` in colour `c` on a white box whose top-left corner is (x, y).
void label(PIX *pix, L_BMF *font, const std::string &text, int x, int y, rgb c) {
  l_int32 text_w = 0, baseline = 0;
  if (bmfGetStringWidth(font, text.c_str(), &text_w) != 0) return;
  if (bmfGetBaseline(font, '0', &baseline) != 0) baseline = font->lineheight;
  constexpr int kPad = 2;
  box_ptr bg(boxCreate(x, y, text_w + 2 * kPad, font->lineheight + 2 * kPad));
  if (!bg) return;
  pixSetInRectArbitrary(pix, bg.get(), pixel_of({255, 255, 255}));
  pixSetTextline(pix, font, text.c_str(), pixel_of(c), x + kPad, y + kPad + baseline, nullptr,
                 nullptr);
}

}  // namespace

std::string write_overlay_png(const document &doc, std::string_view image_bytes) {
  const std::string name = name_of(doc);
  if (!doc.geometry)
    throw colreflow::error(
        status::usage,
        fmt::format("{}: overlay: the input has no page geometry (plain text) to draw", name));
  const page &p = *doc.geometry;

  pix_ptr pix = decode_rgb(image_bytes, name);
  const int img_w = pixGetWidth(pix.get());
  const int img_h = pixGetHeight(pix.get());

  const std::vector<box> boxes = image_boxes(p, img_w, img_h);
  const std::vector<role> roles = region_roles(doc, boxes.size());

  // Articles in reading order; without an order found, each region with
  // text in the order laid out, one article each.
  std::vector<std::vector<std::uint32_t>> articles;
  for (const auto &a : doc.region_order.articles) {
    std::vector<std::uint32_t> kept;
    for (const std::uint32_t r : a)
      if (r < boxes.size()) kept.push_back(r);
    if (!kept.empty()) articles.push_back(std::move(kept));
  }
  if (articles.empty())
    for (const region_span &s : doc.region_lines)
      if (s.region < boxes.size()) articles.push_back({s.region});

  const int line_w = std::max(2, img_w / 500);
  const int arrow_w = std::max(1, line_w / 2 + 1);
  const int head = std::max(8, 4 * line_w);

  // Outlines first, then arrows, then numbers, so each number stays readable.
  for (std::size_t r = 0; r < boxes.size(); ++r)
    if (!boxes[r].empty()) outline(pix.get(), boxes[r], line_w, role_colour(roles[r]));

  for (const auto &a : articles)
    for (std::size_t k = 0; k + 1 < a.size(); ++k) {
      const box &from = boxes[a[k]];
      const box &to = boxes[a[k + 1]];
      if (from.empty() || to.empty()) continue;
      arrow(pix.get(), (from.x0 + from.x1) / 2, from.y1 - 1, (to.x0 + to.x1) / 2, to.y0,
            arrow_w, head);
    }

  // Leptonica's fonts come in even sizes from 4 to 20 points.
  const int font_size = std::clamp((img_w / 200) & ~1, 10, 20);
  bmf_ptr font(bmfCreate(nullptr, font_size));
  if (font) {
    std::size_t number = 0;
    for (const auto &a : articles)
      for (const std::uint32_t r : a) {
        ++number;
        const box &b = boxes[r];
        if (b.empty()) continue;
        label(pix.get(), font.get(), std::to_string(number), b.x0 + line_w, b.y0 + line_w,
              role_colour(roles[r]));
      }
  }

  l_uint8 *raw = nullptr;
  size_t size = 0;
  const l_ok failed = pixWriteMem(&raw, &size, pix.get(), IFF_PNG);
  lept_buffer_ptr data(raw);
  if (failed != 0 || !data)
    throw colreflow::error(status::error,
                           fmt::format("{}: overlay: the image could not be encoded as PNG", name));
  return std::string(reinterpret_cast<const char *>(data.get()), size);
}

}  // namespace colreflow::detail
