#include <cstdlib>  // setenv

#include "cmd_reflow.hpp"

int main(int argc, char **argv) {
  // Tesseract's OpenMP threads cost more than they give on one page at a
  // time (they spin against each other); a user's own setting wins.
  setenv("OMP_THREAD_LIMIT", "1", 0);
  return cmd_reflow(argc, argv);
}
