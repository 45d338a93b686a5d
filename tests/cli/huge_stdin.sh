# 200 MB on standard input: reading stops just past the limit, so memory
# stays near the limit (64 MiB), never the input size. (Sanitizer builds
# set CRF_SANITIZED: their shadow memory makes the figure meaningless.)
if [ -x /usr/bin/time ]; then
  head -c 209715200 /dev/zero | /usr/bin/time -f %M -o mem.txt "$COLREFLOW" -
  status=$?
  peak_kb=$(tail -n 1 mem.txt)
  [ -n "${CRF_SANITIZED:-}" ] || [ "$peak_kb" -lt 160000 ] || { echo "peak memory ${peak_kb} KB"; exit 99; }
else
  if [ -n "${CRF_SANITIZED:-}" ]; then head -c 209715200 /dev/zero | "$COLREFLOW" -
  else head -c 209715200 /dev/zero | (ulimit -v 300000 && exec "$COLREFLOW" -); fi
  status=$?
fi
exit "$status"
