#include "cmd_reflow.hpp"

int main(int argc, char **argv) { return cmd_reflow(argc, argv); }
