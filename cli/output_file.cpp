#include "output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>  // mkstemp
#include <cstring>  // strerror

#include <sys/stat.h>  // fchmod, umask
#include <unistd.h>    // close, fsync, unlink

namespace {

// The directory part of `path`, with its slash ("" for the current one).
std::string directory_of(const std::string &path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string base_of(const std::string &path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// mkstemp makes files mode 0600; outputs get what a plain fopen would.
void give_default_mode(int fd) {
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
}

}  // namespace

output_file::~output_file() {
  if (!temp_.empty()) discard();
}

bool output_file::open(const std::string &path, std::string &error) {
  name_ = path;
  // A device, pipe or socket (/dev/stdout, a FIFO) is written in place:
  // renaming over it would replace it with a plain file.
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    f_ = std::fopen(path.c_str(), "wb");
    if (f_ == nullptr) {
      error = path + ": cannot open for writing: " + std::strerror(errno);
      return false;
    }
    return true;
  }
  // Hidden, and named after its target, so a stray one is recognisable.
  std::string pattern = directory_of(path) + "." + base_of(path) + ".colreflow-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    error = path + ": cannot open for writing: " + std::strerror(errno);
    return false;
  }
  give_default_mode(fd);
  f_ = fdopen(fd, "wb");
  if (f_ == nullptr) {
    error = path + ": cannot open for writing: " + std::strerror(errno);
    close(fd);
    unlink(pattern.c_str());
    return false;
  }
  temp_ = std::move(pattern);
  return true;
}

bool output_file::write(const char *p, std::size_t n) {
  if (!failed_ && std::fwrite(p, 1, n, f_) != n) fail("cannot write");
  return !failed_;
}

bool output_file::commit() {
  if (f_ == nullptr) return !failed_;
  if (!failed_ && std::fflush(f_) != 0) fail("cannot write");
  if (temp_.empty()) {  // written in place; standard output stays open
    if (f_ != stdout && std::fclose(f_) != 0 && !failed_) fail("cannot write");
    f_ = nullptr;
    return !failed_;
  }
  // The data reach the disk before the name does: a crash after the
  // rename must not leave an empty or partial file under the final name.
  if (!failed_ && fsync(fileno(f_)) != 0 && errno != EINVAL) fail("cannot write");
  if (std::fclose(f_) != 0 && !failed_) fail("cannot write");
  f_ = nullptr;
  if (!failed_ && std::rename(temp_.c_str(), name_.c_str()) != 0) fail("cannot rename into place");
  if (failed_) {
    discard();
    return false;
  }
  temp_.clear();
  return true;
}

void output_file::fail(const char *what) {
  if (!failed_)
    std::fprintf(stderr, "colreflow: %s: %s: %s\n", name_.c_str(), what, std::strerror(errno));
  failed_ = true;
}

void output_file::discard() {
  if (f_ != nullptr && f_ != stdout) std::fclose(f_);  // in place: what was written stays
  f_ = nullptr;
  if (!temp_.empty()) unlink(temp_.c_str());
  temp_.clear();
}
