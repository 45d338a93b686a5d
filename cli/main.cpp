#include <cstdlib>  // getenv, setenv
#include <unistd.h>  // execv

#include "cmd_reflow.hpp"

int main(int argc, char **argv) {
  // Tesseract's OpenMP threads cost far more than they give on one page at
  // a time (on two cores they spin against each other: 20 s a page instead
  // of 2). OpenMP reads its thread limit once, when the runtime loads,
  // before main: so set it and start again. A user's own setting wins, and
  // if the restart fails the run goes on as it is.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr && setenv("OMP_THREAD_LIMIT", "1", 0) == 0)
    execv("/proc/self/exe", argv);
  return cmd_reflow(argc, argv);
}
