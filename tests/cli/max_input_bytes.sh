# --max-input-bytes refuses larger inputs (exit 1), from a file or stdin.
printf 'Hello world.\n' >in.txt
"$COLREFLOW" --max-input-bytes 5 in.txt && exit 0
status=$?
printf 'Hello world.\n' | "$COLREFLOW" --max-input-bytes=5 && exit 0
[ $? -eq "$status" ] || echo "stdin and file give different statuses"
"$COLREFLOW" --max-input-bytes 1K in.txt >/dev/null || echo "1K refused 13 bytes"
exit "$status"
