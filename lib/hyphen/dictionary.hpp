// Hunspell dictionaries (libhunspell, Debian's hunspell-* packages): the
// lexicon that says whether a rejoined word, or each part of a compound,
// is a word of the language.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

class Hunspell;

namespace colreflow::detail {

class dictionary {
 public:
  // Opens `base`.aff and `base`.dic (once per path, shared by all documents
  // and threads; Hunspell reads them at the first word asked). Null when
  // either file is missing.
  static std::shared_ptr<const dictionary> open(const std::string &base);
  ~dictionary();
  dictionary(const dictionary &) = delete;
  dictionary &operator=(const dictionary &) = delete;

  // True when Hunspell accepts the UTF-8 word as written (case matters:
  // German nouns are capitalised, an all-capitals word is any word's caps).
  bool knows(std::string_view word) const;
  const std::string &base() const { return base_; }
  // The language writes compounds closed and the dictionary builds them
  // (COMPOUNDFLAG or COMPOUNDBEGIN in the .aff: German, Dutch, Swedish):
  // an unknown joined word is then no sign that a compound had a hyphen.
  bool closed_compounds() const { return closed_compounds_; }

 private:
  dictionary() = default;
  mutable std::unique_ptr<Hunspell> speller_;  // built by the first knows(), under mutex_
  std::string base_;
  bool closed_compounds_ = false;
  mutable std::mutex mutex_;  // Hunspell keeps scratch state: one caller at a time
};

// Where Debian installs dictionaries, in order of preference.
const std::vector<std::string> &dictionary_dirs();

// The dictionary paths (without .aff/.dic) that `spec` names:
//   "auto": the installed dictionaries for `languages` (ISO 639-1 codes,
//           "de", "en", "fr", ...), each the first of <lang>_<REGION>
//           variants found (de_DE, en_US, fr_FR, then <lang> alone);
//   "":     none;
//   else:   ':'-separated paths without .dic (they contain a '/') or
//           dictionary names ("de_DE") looked up in dictionary_dirs().
// A name or path that names no installed dictionary throws
// colreflow::error(status::usage) naming it.
std::vector<std::string> resolve_dictionaries(std::string_view spec,
                                              const std::vector<std::string> &languages);

// Opens every resolved dictionary (see above).
std::vector<std::shared_ptr<const dictionary>> open_dictionaries(
    std::string_view spec, const std::vector<std::string> &languages);

}  // namespace colreflow::detail
