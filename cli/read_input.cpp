#include "read_input.hpp"

#include <sys/stat.h>  // fstat

#include <algorithm>  // min
#include <cerrno>
#include <cstdint>  // SIZE_MAX
#include <cstdio>   // FILE, fopen, fread
#include <cstring>  // strerror
#include <memory>   // unique_ptr

namespace {

struct file_closer {
  void operator()(std::FILE *f) const { std::fclose(f); }
};

std::string too_large(const std::string &name, std::size_t limit) {
  return name + ": input is larger than the limit of " + std::to_string(limit) +
         " bytes (raise it with --max-input-bytes)";
}

// The buffer size after `used` bytes filled it. A known file size gives
// room for the whole file plus one byte to see the end in one read.
// Otherwise grow by doubling; when the next doubling would pass the cap,
// jump to the cap now, so the last reallocation copies half as much.
std::size_t next_size(std::size_t used, std::size_t cap, std::size_t size_hint) {
  if (used == 0 && size_hint > 0) return std::min(cap, size_hint + 1);
  if (used > cap / 4) return cap;
  return std::min(cap, std::max<std::size_t>(64 * 1024, used * 2));
}

}  // namespace

bool read_input(const std::string &path, const std::string &name, std::size_t limit,
                std::string &bytes, std::string &error) {
  bytes.clear();
  std::unique_ptr<std::FILE, file_closer> owned;
  std::FILE *f = stdin;
  if (path != "-") {
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned) {
      error = name + ": cannot open: " + std::strerror(errno);
      return false;
    }
    f = owned.get();
  }

  // A regular file says its size up front: refuse without reading. The
  // size is only a hint (files grow, /proc files say 0), so the read
  // below enforces the limit again.
  std::size_t size_hint = 0;
  struct stat st {};
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    if (static_cast<unsigned long long>(st.st_size) > limit) {
      error = too_large(name, limit);
      return false;
    }
    size_hint = static_cast<std::size_t>(st.st_size);
  }

  // Never hold more than limit + 1 bytes: one byte over is enough to know
  // the input is too large.
  const std::size_t cap = limit == SIZE_MAX ? limit : limit + 1;
  std::size_t used = 0;
  while (used < cap) {
    if (used == bytes.size()) {
      bytes.resize(next_size(used, cap, size_hint));
    }
    const std::size_t asked = bytes.size() - used;
    const std::size_t n = std::fread(bytes.data() + used, 1, asked, f);
    used += n;
    if (n < asked) {  // end of input or an error: fread only stops short then
      if (std::ferror(f)) {
        error = name + ": cannot read: " + std::strerror(errno);
        return false;
      }
      break;
    }
  }
  bytes.resize(used);
  if (used > limit) {
    error = too_large(name, limit);
    return false;
  }
  return true;
}
