# A failed write (a full device) is an error, not silent truncation.
[ -w /dev/full ] || { echo "skipped: no /dev/full" >&2; exit 1; }
printf 'Hello world.\n' >in.txt
"$COLREFLOW" -o /dev/full in.txt
