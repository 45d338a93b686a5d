# --help and -h print the usage on stdout and exit 0.
"$COLREFLOW" --help >long.txt || exit $?
"$COLREFLOW" -h >short.txt || exit $?
cmp -s long.txt short.txt || echo "-h and --help differ"
head -n 1 long.txt
grep -q -e '--max-input-bytes' long.txt || echo "no --max-input-bytes in help"
grep -q -e '--dict DICTS' long.txt || echo "no --dict in help"
for limit in --max-words --max-pixels --max-xml-depth --max-xml-elements --max-seconds --timeout; do
  grep -q -e "$limit" long.txt || echo "no $limit in help"
done
grep -q 'JSON document' long.txt || echo "help does not say how JSON outputs are joined"
