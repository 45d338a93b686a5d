// Output files that appear whole or not at all.
//
// A file is written under a temporary name in its own directory and renamed
// over its final name only when everything was written and flushed, so an
// interrupted or failed run never leaves a half-written page where a reader
// (or a rerun that skips done pages) would take it for a finished one.
// Devices and pipes (/dev/stdout, a FIFO) cannot be renamed over and are
// written in place.
#pragma once

#include <cstddef>  // size_t
#include <cstdio>   // FILE
#include <string>

class output_file {
 public:
  output_file() = default;  // standard output
  output_file(const output_file &) = delete;
  output_file &operator=(const output_file &) = delete;
  ~output_file();  // an uncommitted temporary file is removed

  // Starts writing `path` under a temporary name beside it. On failure
  // returns false with `error` naming the file and the reason.
  bool open(const std::string &path, std::string &error);

  // False once a write failed; the failure is reported on stderr once.
  bool write(const char *p, std::size_t n);
  // Flushes, syncs and renames the temporary file to its name (for
  // standard output: flushes). False, with the reason on stderr, when any
  // write or the rename failed; the temporary file is then removed.
  bool commit();
  bool failed() const { return failed_; }
  const std::string &name() const { return name_; }

 private:
  void fail(const char *what);
  void discard();

  std::FILE *f_ = stdout;
  std::string name_ = "<stdout>";
  std::string temp_;  // empty for standard output
  bool failed_ = false;
};
