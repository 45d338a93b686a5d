// `colreflow [options] FILE...`: repair each input and print it.
#pragma once

// Exit status: 0 success, 1 an input could not be read or repaired, 2 usage.
int cmd_reflow(int argc, char **argv);
