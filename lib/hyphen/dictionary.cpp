#include "hyphen/dictionary.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <hunspell.hxx>
#include <map>

#include "colreflow/colreflow.hpp"

namespace colreflow::detail {

namespace {

bool exists(const std::string &path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

bool installed(const std::string &base) { return exists(base + ".aff") && exists(base + ".dic"); }

// Whether the affix file makes compounds from parts (COMPOUNDRULE alone
// only builds ordinals such as "21st" in en_US).
bool builds_compounds(const std::string &aff) {
  std::ifstream in(aff);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("COMPOUNDFLAG", 0) == 0 || line.rfind("COMPOUNDBEGIN", 0) == 0) return true;
  return false;
}

// The first installed dictionary called `name` in the standard places.
std::string find_named(const std::string &name) {
  for (const std::string &dir : dictionary_dirs())
    if (installed(dir + "/" + name)) return dir + "/" + name;
  return {};
}

// Regional variants tried for a bare language code: the main region first.
std::vector<std::string> names_for(const std::string &lang) {
  static const std::map<std::string, std::string> main_region = {
      {"de", "DE"}, {"en", "US"}, {"fr", "FR"}, {"it", "IT"}, {"es", "ES"},
      {"nl", "NL"}, {"pt", "PT"}, {"da", "DK"}, {"sv", "SE"}, {"pl", "PL"}};
  std::vector<std::string> out;
  if (auto it = main_region.find(lang); it != main_region.end())
    out.push_back(lang + "_" + it->second);
  out.push_back(lang);
  return out;
}

}  // namespace

const std::vector<std::string> &dictionary_dirs() {
  static const std::vector<std::string> dirs = {"/usr/share/hunspell", "/usr/share/myspell",
                                                "/usr/share/myspell/dicts"};
  return dirs;
}

std::shared_ptr<const dictionary> dictionary::open(const std::string &base) {
  static std::mutex cache_mutex;
  // Never destroyed: freeing Hunspell's tables at exit took more work than
  // repairing a page (callgrind, en_gpl3), and the process frees them anyway.
  static auto &cache = *new std::map<std::string, std::shared_ptr<const dictionary>>;
  std::lock_guard<std::mutex> lock(cache_mutex);
  if (auto it = cache.find(base); it != cache.end()) return it->second;
  std::shared_ptr<dictionary> d;
  if (installed(base)) {
    d.reset(new dictionary());
    d->base_ = base;
    d->closed_compounds_ = builds_compounds(base + ".aff");
  }
  cache.emplace(base, d);
  return d;
}

dictionary::~dictionary() = default;

bool dictionary::knows(std::string_view word) const {
  if (word.empty() || word.size() > 100) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  // Built at the first word asked: reading en_US takes longer than repairing
  // a page, and many pages with a hyphenated line end settle every cut from
  // their own words.
  if (!speller_)
    speller_ = std::make_unique<Hunspell>((base_ + ".aff").c_str(), (base_ + ".dic").c_str());
  return speller_->spell(std::string(word));
}

std::vector<std::string> resolve_dictionaries(std::string_view spec,
                                              const std::vector<std::string> &languages) {
  std::vector<std::string> out;
  if (spec == "auto") {
    for (const std::string &lang : languages)
      for (const std::string &name : names_for(lang))
        if (std::string found = find_named(name); !found.empty()) {
          out.push_back(found);
          break;
        }
    return out;
  }
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find(':', start);
    if (end == std::string_view::npos) end = spec.size();
    std::string item(spec.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;
    if (item.size() > 4 && item.compare(item.size() - 4, 4, ".dic") == 0)
      item.resize(item.size() - 4);
    std::string found =
        item.find('/') != std::string::npos ? (installed(item) ? item : "") : find_named(item);
    if (found.empty())
      throw colreflow::error(
          status::usage,
          fmt::format(
              "dictionary \"{}\": no {}.aff and .dic found{}", item, item,
              item.find('/') != std::string::npos
                  ? ""
                  : " in /usr/share/hunspell or /usr/share/myspell (install hunspell-<lang>)"));
    out.push_back(found);
  }
  return out;
}

std::vector<std::shared_ptr<const dictionary>> open_dictionaries(
    std::string_view spec, const std::vector<std::string> &languages) {
  std::vector<std::shared_ptr<const dictionary>> out;
  for (const std::string &base : resolve_dictionaries(spec, languages))
    if (auto d = dictionary::open(base)) out.push_back(std::move(d));
  return out;
}

}  // namespace colreflow::detail
