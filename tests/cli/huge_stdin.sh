# 200 MB on standard input: reading stops just past the limit, so memory
# stays near the limit (64 MiB), never the input size.
if [ -x /usr/bin/time ]; then
  head -c 209715200 /dev/zero | /usr/bin/time -f %M -o mem.txt "$COLREFLOW" -
  status=$?
  peak_kb=$(tail -n 1 mem.txt)
  [ "$peak_kb" -lt 160000 ] || { echo "peak memory ${peak_kb} KB"; exit 99; }
else
  head -c 209715200 /dev/zero | (ulimit -v 300000 && exec "$COLREFLOW" -)
  status=$?
fi
exit "$status"
