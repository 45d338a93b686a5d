# An unknown option is a usage error: exit 2, a hint to --help, no output.
"$COLREFLOW" --bogus
