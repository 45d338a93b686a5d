// The time limit of the page being repaired (options::max_millis).
//
// The pipeline opens a deadline_scope for each page; the long loops of the
// stages (layout, order search, reflow) and the pipeline between stages call
// check_deadline(), which throws colreflow::error(status::limit) naming the
// source and the stage once the time is up. Without an open scope, or with
// 0 ms, nothing is ever thrown and a check costs a load and a branch.
//
// Threads: the deadline is per thread, so pages repaired side by side (the
// CLI's -j) each have their own. Scopes nest; the inner one wins until it
// closes.
#pragma once

#include <chrono>
#include <string>

namespace colreflow::detail {

class deadline_scope {
 public:
  // Starts the clock: `millis` ms from now (0: no limit) for `source_name`.
  deadline_scope(unsigned millis, std::string source_name);
  ~deadline_scope();
  deadline_scope(const deadline_scope &) = delete;
  deadline_scope &operator=(const deadline_scope &) = delete;

 private:
  friend void check_deadline(const char *stage);

// Milliseconds left before the innermost open deadline on this thread (0
// once it has passed), or -1 when there is none: for code that cannot call
// check_deadline() from inside, such as Tesseract's recognition, which takes
// a deadline of its own.
long long deadline_left_millis();
  friend long long deadline_left_millis();
  std::chrono::steady_clock::time_point end_;
  unsigned millis_;
  std::string source_name_;
  deadline_scope *outer_;
};

// Throws colreflow::error(status::limit, "SOURCE: ... during STAGE ...")
// when the innermost open deadline on this thread has passed.
void check_deadline(const char *stage);

// Milliseconds left before the innermost open deadline on this thread (0
// once it has passed), or -1 when there is none: for code that cannot call
// check_deadline() from inside, such as Tesseract's recognition, which takes
// a deadline of its own.
long long deadline_left_millis();

}  // namespace colreflow::detail
