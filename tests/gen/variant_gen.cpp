// variant_gen.cpp - see variant_gen.hpp.
#include "gen/variant_gen.hpp"

#include <algorithm>   // sort, min, max, swap, rotate
#include <filesystem>  // directory_iterator
#include <fstream>     // ifstream
#include <iterator>    // size
#include <sstream>     // ostringstream
#include <stdexcept>   // runtime_error

namespace colreflow::testgen {

// ---------------------------------------------------------------- RNG

std::uint64_t rng::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// ---------------------------------------------------------------- UTF-8

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t cp = 0;
    if (b < 0x80) {
      len = 1, cp = b;
    } else if ((b & 0xe0) == 0xc0) {
      len = 2, cp = b & 0x1f;
    } else if ((b & 0xf0) == 0xe0) {
      len = 3, cp = b & 0x0f;
    } else if ((b & 0xf8) == 0xf0) {
      len = 4, cp = b & 0x07;
    }
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((c & 0xc0) != 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok) {
      out.push_back(0xfffd);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string encode_utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xc0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xe0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    s += static_cast<char>(0xf0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  }
  return s;
}

std::string encode_utf8(const std::vector<char32_t> &cps) {
  std::string s;
  for (char32_t c : cps) s += encode_utf8(c);
  return s;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 ||
         c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

std::string strip_whitespace(std::string_view s) {
  std::vector<char32_t> cps = decode_utf8(s);
  cps.erase(std::remove_if(cps.begin(), cps.end(), is_space), cps.end());
  return encode_utf8(cps);
}

bool is_no_line_start(char32_t c) {
  static constexpr std::u32string_view closers =
      U"，。、；：？！”’）》」』】…〉〕］｝℃,.;:?!)]}%";
  return closers.find(c) != std::u32string_view::npos;
}

namespace {

bool is_no_line_end(char32_t c) {
  static constexpr std::u32string_view openers = U"“‘（《「『【〈〔［｛([{";
  return openers.find(c) != std::u32string_view::npos;
}

bool is_fullwidth_sentence_punct(char32_t c) {
  static constexpr std::u32string_view p = U"，。、；：？！";
  return p.find(c) != std::u32string_view::npos;
}

bool is_ascii_word(char32_t c) { return c > ' ' && c < 0x7f; }

bool is_cjk(char32_t c) {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
         (c >= 0x20000 && c <= 0x2ffff) || (c >= 0xf900 && c <= 0xfaff);
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// ---------------------------------------------------------------- zh wrapping

// Splits cps into unbreakable atoms [begin, end): one CJK char or punctuation mark; a run
// of ASCII non-space characters (digits, Latin words, "12.6%"); "——" and "……" whole; and
// a clean space glued to both its neighbours, so that no line boundary falls on it.
std::vector<std::pair<std::size_t, std::size_t>> zh_atoms(const std::vector<char32_t> &cps) {
  std::vector<std::pair<std::size_t, std::size_t>> atoms;
  std::size_t i = 0;
  while (i < cps.size()) {
    std::size_t j = i + 1;
    if (is_ascii_word(cps[i])) {
      while (j < cps.size() && is_ascii_word(cps[j])) ++j;
    } else if (cps[i] == U'—' || cps[i] == U'…') {
      while (j < cps.size() && cps[j] == cps[i]) ++j;
    }
    atoms.emplace_back(i, j);
    i = j;
  }
  // Glue spaces: [a][ ][b] -> [a b].
  std::vector<std::pair<std::size_t, std::size_t>> glued;
  for (std::size_t k = 0; k < atoms.size(); ++k) {
    const bool space = is_space(cps[atoms[k].first]);
    if (space && !glued.empty()) {
      glued.back().second = atoms[k].second;
      if (k + 1 < atoms.size()) glued.back().second = atoms[++k].second;
    } else if (!glued.empty() && is_space(cps[glued.back().second - 1])) {
      glued.back().second = atoms[k].second;  // leading space case
    } else {
      glued.push_back(atoms[k]);
    }
  }
  return glued;
}

std::vector<std::string> wrap_zh(std::string_view text, int width, int first_width) {
  const std::vector<char32_t> cps = decode_utf8(text);
  const auto atoms = zh_atoms(cps);
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> lines;
  std::size_t k = 0;
  while (k < atoms.size()) {
    const std::size_t cap = static_cast<std::size_t>(lines.empty() ? first_width : width);
    std::vector<std::pair<std::size_t, std::size_t>> line;
    std::size_t len = 0;
    while (k < atoms.size()) {
      const std::size_t alen = atoms[k].second - atoms[k].first;
      if (!line.empty() && len + alen > cap) break;
      line.push_back(atoms[k++]);
      len += alen;
    }
    // Kinsoku: closing punctuation never starts a line; pull it up.
    while (k < atoms.size() && is_no_line_start(cps[atoms[k].first])) line.push_back(atoms[k++]);
    // Opening punctuation never ends a line; push it down (unless it is all we have).
    while (line.size() > 1 && k < atoms.size() && is_no_line_end(cps[line.back().second - 1]) &&
           !is_no_line_start(cps[atoms[k].first])) {
      line.pop_back();
      --k;
    }
    lines.push_back(std::move(line));
  }
  std::vector<std::string> out;
  for (const auto &line : lines) {
    std::vector<char32_t> l(cps.begin() + static_cast<std::ptrdiff_t>(line.front().first),
                            cps.begin() + static_cast<std::ptrdiff_t>(line.back().second));
    out.push_back(encode_utf8(l));
  }
  return out;
}

// ---------------------------------------------------------------- en wrapping

bool is_vowel(char c) {
  c = static_cast<char>(c | 0x20);
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_onset(char a, char b) {  // consonant pairs that begin English syllables
  static const char *onsets[] = {"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr",
                                 "sc", "sk", "sl", "sm", "sn", "sp", "st", "sw", "tr", "tw"};
  for (const char *o : onsets)
    if (a == o[0] && b == o[1]) return true;
  return false;
}

// A plausible hyphenation point between core[p-1] and core[p]: VC|CV (not inside a
// digraph th/ch/sh/ph/wh/gh/ck/qu, nor inside an onset cluster such as "gr"), V|CV,
// or V|CCV before an onset cluster ("pro-gram").
bool plausible_break(const std::string &core, std::size_t p) {
  auto lc = [&](std::size_t i) { return static_cast<char>(core[i] | 0x20); };
  const char a = lc(p - 1), b = lc(p);
  static const char *digraphs[] = {"th", "ch", "sh", "ph", "wh", "gh", "ck", "qu"};
  for (const char *d : digraphs)
    if (a == d[0] && b == d[1]) return false;
  const bool next_vowel = p + 1 < core.size() && is_vowel(core[p + 1]);
  if (!is_vowel(a) && !is_vowel(b)) {
    // consonant pair: the left side must hold a vowel, the right side must start a syllable
    return !is_onset(a, b) && next_vowel && (is_vowel(core[p - 2]) || (p >= 3 && is_vowel(core[p - 3])));
  }
  if (is_vowel(a) && !is_vowel(b)) {
    if (next_vowel) return true;
    return p + 2 < core.size() && is_onset(b, lc(p + 1)) && is_vowel(core[p + 2]);
  }
  return false;
}

struct en_line {
  std::string text;   // as printed
  std::string clean;  // without the soft hyphen
  bool soft = false;
  bool hard = false;
};

std::vector<en_line> wrap_en(std::string_view text, int width, int first_width, rng &r) {
  std::vector<std::string> words;
  {
    std::string w;
    for (char c : text) {
      if (c == ' ') {
        if (!w.empty()) words.push_back(w), w.clear();
      } else {
        w += c;
      }
    }
    if (!w.empty()) words.push_back(w);
  }
  // Widths are counted in code points.
  auto cp_len = [](const std::string &s) { return decode_utf8(s).size(); };
  std::vector<en_line> lines;
  en_line cur;
  std::size_t cur_len = 0;
  auto cap = [&]() { return static_cast<std::size_t>(lines.empty() ? first_width : width); };
  auto flush = [&]() {
    lines.push_back(cur);
    cur = en_line{};
    cur_len = 0;
  };
  std::size_t wi = 0;
  std::string pending;  // remainder of a broken word
  while (wi < words.size() || !pending.empty()) {
    const std::string word = !pending.empty() ? pending : words[wi];
    const bool from_pending = !pending.empty();
    const std::size_t wlen = cp_len(word);
    const std::size_t need = (cur_len == 0 ? 0 : 1) + wlen;
    if (cur_len + need <= cap() || cur_len == 0) {
      if (cur_len != 0) cur.text += ' ', cur.clean += ' ';
      cur.text += word, cur.clean += word;
      cur_len += need;
      if (from_pending) pending.clear(); else ++wi;
      if (cur_len >= cap() && cur_len != 0 && (wi < words.size() || !pending.empty())) flush();
      continue;
    }
    const std::size_t room = cap() - cur_len - 1;  // chars available after the space
    bool broken = false;
    // A real compound may break after its hyphen: "well-" / "known".
    for (std::size_t h = word.size(); h-- > 1 && !broken;) {
      if (word[h] == '-' && h + 1 < word.size() && is_alpha(word[h - 1]) && is_alpha(word[h + 1]) &&
          cp_len(word.substr(0, h + 1)) <= room && r.chance(3, 4)) {
        cur.text += ' ' + word.substr(0, h + 1);
        cur.clean += ' ' + word.substr(0, h + 1);
        cur.hard = true;
        pending = word.substr(h + 1);
        if (!from_pending) ++wi;
        broken = true;
      }
    }
    if (!broken) {
      // Soft hyphenation of a plain word of >= 6 letters, >= 3 letters each side.
      std::size_t b = 0, e = word.size();
      while (b < e && !is_alpha(word[b])) ++b;
      while (e > b && !is_alpha(word[e - 1])) --e;
      const std::string core = word.substr(b, e - b);
      const bool plain = core.size() >= 6 && b < 2 &&
                         std::all_of(core.begin(), core.end(), [](char c) { return is_alpha(c); });
      if (plain && r.chance(4, 5)) {
        for (std::size_t p = core.size() - 3; p >= 3; --p) {
          if (b + p + 1 <= room && plausible_break(core, p)) {
            cur.text += ' ' + word.substr(0, b + p) + '-';
            cur.clean += ' ' + word.substr(0, b + p);
            cur.soft = true;
            pending = word.substr(b + p);
            if (!from_pending) ++wi;
            broken = true;
            break;
          }
        }
      }
    }
    flush();
  }
  if (cur_len != 0) lines.push_back(cur);
  return lines;
}

// ---------------------------------------------------------------- zh noise

std::string add_zh_noise(const std::string &line, bool first_of_paragraph, rng &r) {
  const std::vector<char32_t> cps = decode_utf8(line);
  std::vector<char32_t> out;
  if (first_of_paragraph && r.chance(1, 8)) out.push_back(' ');
  auto space_ok = [&](std::size_t i) {  // may insert a space between cps[i-1] and cps[i]
    return i > 0 && i < cps.size() && !is_space(cps[i - 1]) && !is_space(cps[i]);
  };
  std::size_t i = 0;
  while (i < cps.size()) {
    const char32_t c = cps[i];
    auto in_run = [](char32_t x) { return is_ascii_word(x) && x != '(' && x != ')'; };
    if (in_run(c)) {
      // A digit/Latin run: "7 月 19 日", "互联网 + 公安".
      std::size_t j = i;
      while (j < cps.size() && in_run(cps[j])) ++j;
      const int mode = r.range(0, 5);  // 0-1: none, 2-4: both sides, 5: one side
      const bool before = (mode >= 2) && space_ok(i) && !is_space(out.empty() ? U' ' : out.back());
      const bool after = (mode >= 2 && mode <= 4) && space_ok(j);
      if (before) out.push_back(' ');
      out.insert(out.end(), cps.begin() + static_cast<std::ptrdiff_t>(i),
                 cps.begin() + static_cast<std::ptrdiff_t>(j));
      if (after) out.push_back(' ');
      i = j;
      continue;
    }
    out.push_back(c);
    const bool last = i + 1 == cps.size();
    if (!last && space_ok(i + 1)) {
      if (is_fullwidth_sentence_punct(c) && r.chance(1, 2)) {
        out.push_back(' ');
      } else if (is_cjk(c) && is_cjk(cps[i + 1]) && r.chance(1, 60)) {
        out.push_back(' ');
      }
    }
    ++i;
  }
  return encode_utf8(out);
}

}  // namespace

// ---------------------------------------------------------------- articles

article parse_article(std::string_view text, std::string name) {
  article a;
  a.name = std::move(name);
  if (starts_with(a.name, "zh_")) {
    a.lang = "zh";
  } else if (starts_with(a.name, "en_")) {
    a.lang = "en";
  } else {
    throw std::runtime_error(a.name + ": name must start with zh_ or en_");
  }
  std::size_t pos = 0;
  int lineno = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string line = trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++lineno;
    if (line.empty()) continue;
    if (starts_with(line, "## ")) {
      a.units.push_back({unit_kind::subheading, trim(line.substr(3))});
    } else if (starts_with(line, "# ")) {
      if (!a.units.empty())
        throw std::runtime_error(a.name + ":" + std::to_string(lineno) + ": headline after body");
      a.headline.push_back(trim(line.substr(2)));
    } else if (a.lang == "en" && a.units.empty() && starts_with(line, "By ")) {
      a.units.push_back({unit_kind::byline, line});
    } else {
      a.units.push_back({unit_kind::paragraph, line});
    }
  }
  if (a.headline.empty() || a.headline.size() > 3)
    throw std::runtime_error(a.name + ": expected 1-3 headline lines");
  if (a.units.empty()) throw std::runtime_error(a.name + ": no body");
  return a;
}

article load_article(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_article(ss.str(), std::filesystem::path(path).stem().string());
}

std::vector<article> load_articles(const std::string &dir) {
  std::vector<std::string> paths;
  for (const auto &e : std::filesystem::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (e.path().extension() == ".txt" && (starts_with(n, "zh_") || starts_with(n, "en_")))
      paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<article> out;
  for (const auto &p : paths) out.push_back(load_article(p));
  return out;
}

std::string render_expected(const article &a) {
  std::string s;
  for (std::size_t i = 0; i < a.headline.size(); ++i) {
    if (i) s += '\n';
    s += a.headline[i];
  }
  for (const unit &u : a.units) s += "\n\n" + u.text;
  s += '\n';
  return s;
}

// ---------------------------------------------------------------- variants

const char *kind_name(perm_kind k) {
  switch (k) {
    case perm_kind::identity: return "identity";
    case perm_kind::tail_first: return "tail_first";
    case perm_kind::swap: return "swap";
    case perm_kind::headline_middle: return "headline_middle";
    case perm_kind::tail_first_headline_middle: return "tail_first+headline_middle";
    case perm_kind::swap_headline_middle: return "swap+headline_middle";
  }
  return "?";
}

std::string variant::chunk_key(std::size_t true_index) const {
  std::string s;
  for (const line_rec &l : chunks.at(true_index).lines) s += l.clean;
  return strip_whitespace(s);
}

std::string variant::describe() const {
  std::ostringstream ss;
  ss << article_name << " kind=" << kind_name(kind) << " width=" << width
     << " blank=" << blank_lines << " noise=" << noise << " seed=" << seed;
  return ss.str();
}

variant_options options_from_seed(const article &a, std::uint64_t seed) {
  rng r(seed ^ 0x5eedf00dcafe1234ull);
  variant_options o;
  o.seed = seed;
  o.kind = all_kinds[r.below(std::size(all_kinds))];
  o.blank_lines = r.chance(1, 2);
  o.noise = a.lang == "zh" && r.chance(1, 2);
  o.width = 0;
  return o;
}

variant make_variant(const article &a, const variant_options &opts) {
  rng r(opts.seed);
  variant v;
  v.article_name = a.name;
  v.lang = a.lang;
  v.kind = opts.kind;
  v.blank_lines = opts.blank_lines;
  v.noise = opts.noise && a.lang == "zh";
  v.seed = opts.seed;
  const bool zh = a.lang == "zh";
  v.width = opts.width > 0 ? opts.width : (zh ? r.range(10, 25) : r.range(24, 45));
  v.expected = render_expected(a);

  // 1. Wrap every unit into lines.
  std::vector<line_rec> body;
  for (std::size_t ui = 0; ui < a.units.size(); ++ui) {
    const unit &u = a.units[ui];
    std::vector<line_rec> ls;
    if (u.kind == unit_kind::subheading) {
      ls.push_back({u.text, u.text});
    } else if (zh) {
      const int first = u.kind == unit_kind::paragraph ? v.width - 2 : v.width;
      for (const std::string &t : wrap_zh(u.text, v.width, first)) ls.push_back({t, t});
    } else {
      const int first = u.kind == unit_kind::paragraph ? v.width - 2 : v.width;
      for (const en_line &l : wrap_en(u.text, v.width, first, r)) {
        line_rec rec{l.text, l.clean};
        rec.soft_hyphen = l.soft;
        rec.hard_break = l.hard;
        ls.push_back(rec);
      }
    }
    for (std::size_t k = 0; k < ls.size(); ++k) {
      ls[k].unit = static_cast<int>(ui);
      ls[k].kind = u.kind;
      ls[k].first = k == 0;
      ls[k].last = k + 1 == ls.size();
      if (v.noise && u.kind == unit_kind::paragraph) ls[k].text = add_zh_noise(ls[k].text, k == 0, r);
      body.push_back(ls[k]);
    }
  }

  // 2. Cut the body into column chunks.
  const bool wants_tail = v.kind == perm_kind::tail_first || v.kind == perm_kind::tail_first_headline_middle;
  std::size_t forced = 0;  // cut right after the last subheading (0: none)
  int last_sub = -1;
  for (std::size_t ui = 0; ui < a.units.size(); ++ui)
    if (a.units[ui].kind == unit_kind::subheading) last_sub = static_cast<int>(ui);
  if (wants_tail && last_sub >= 0 && last_sub + 1 < static_cast<int>(a.units.size())) {
    v.tail_after_subheading = true;
    for (std::size_t i = 0; i < body.size(); ++i)
      if (body[i].unit == last_sub) forced = i + 1;
  }
  const int hmax = std::clamp(static_cast<int>(body.size()) / 3, 4, 14);
  std::vector<std::size_t> cuts{0};
  while (cuts.back() < body.size()) {
    const std::size_t pos = cuts.back();
    std::size_t next = pos + static_cast<std::size_t>(r.range(4, hmax));
    if (!v.blank_lines) {  // only at unit ends, so the cut is visible without blank lines
      while (next < body.size() && !body[next - 1].last) ++next;
    }
    if (forced > pos && forced < next) next = forced;
    cuts.push_back(std::min(next, body.size()));
  }
  v.chunks.push_back(chunk{{}, true});
  for (const std::string &h : a.headline) v.chunks[0].lines.push_back({h, h});
  for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
    chunk ch;
    ch.lines.assign(body.begin() + static_cast<std::ptrdiff_t>(cuts[c]),
                    body.begin() + static_cast<std::ptrdiff_t>(cuts[c + 1]));
    v.chunks.push_back(std::move(ch));
  }
  const int nb = static_cast<int>(v.chunks.size()) - 1;  // body chunks 1..nb

  // 3. Permute.
  std::vector<int> bodyorder;
  for (int i = 1; i <= nb; ++i) bodyorder.push_back(i);
  std::vector<int> front;  // chunks before the headline
  auto headline_after = [&](std::vector<int> &seq, std::size_t skip) {
    // Put the headline after `skip` + 1..3 chunks of seq.
    const int avail = static_cast<int>(seq.size() - skip);
    const int k = avail <= 0 ? 0 : r.range(1, std::min(3, avail));
    seq.insert(seq.begin() + static_cast<std::ptrdiff_t>(skip) + k, 0);
  };
  std::vector<int> order;
  switch (v.kind) {
    case perm_kind::identity:
      order.push_back(0);
      order.insert(order.end(), bodyorder.begin(), bodyorder.end());
      break;
    case perm_kind::tail_first:
    case perm_kind::tail_first_headline_middle: {
      int ntail = 0;
      if (forced > 0) {
        for (std::size_t c = 1; c < cuts.size(); ++c)
          if (cuts[c - 1] >= forced) ++ntail;
      } else {
        ntail = nb >= 2 ? r.range(1, std::min(3, nb - 1)) : 0;
      }
      std::vector<int> tail(bodyorder.end() - ntail, bodyorder.end());
      std::vector<int> rest(bodyorder.begin(), bodyorder.end() - ntail);
      order = tail;
      if (v.kind == perm_kind::tail_first) {
        order.push_back(0);
        order.insert(order.end(), rest.begin(), rest.end());
      } else {
        order.insert(order.end(), rest.begin(), rest.end());
        headline_after(order, tail.size());
      }
      break;
    }
    case perm_kind::swap:
    case perm_kind::swap_headline_middle: {
      if (nb >= 2) {
        const int i = r.range(0, nb - 2);
        const int j = r.chance(1, 2) ? i + 1 : r.range(i + 1, nb - 1);
        std::swap(bodyorder[static_cast<std::size_t>(i)], bodyorder[static_cast<std::size_t>(j)]);
      }
      order = bodyorder;
      if (v.kind == perm_kind::swap) {
        order.insert(order.begin(), 0);
      } else {
        headline_after(order, 0);
      }
      break;
    }
    case perm_kind::headline_middle:
      order = bodyorder;
      headline_after(order, 0);
      break;
  }
  v.order = order;

  // 4. Render the input.
  std::string in;
  for (std::size_t p = 0; p < order.size(); ++p) {
    if (p) in += v.blank_lines ? "\n\n" : "\n";
    const chunk &ch = v.chunks[static_cast<std::size_t>(order[p])];
    for (std::size_t l = 0; l < ch.lines.size(); ++l) {
      if (l) in += '\n';
      in += ch.lines[l].text;
    }
  }
  in += '\n';
  v.input = std::move(in);
  return v;
}

}  // namespace colreflow::testgen
