# --help and -h print the usage on stdout and exit 0.
"$COLREFLOW" --help >long.txt || exit $?
"$COLREFLOW" -h >short.txt || exit $?
cmp -s long.txt short.txt || echo "-h and --help differ"
head -n 1 long.txt
grep -q -e '--max-input-bytes' long.txt || echo "no --max-input-bytes in help"
grep -q -e '--dict DICTS' long.txt || echo "no --dict in help"
grep -q 'JSON document' long.txt || echo "help does not say how JSON outputs are joined"
