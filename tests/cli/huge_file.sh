# A 200 MB file is refused by its size, without being read: exit 1 with a
# message naming the limit, and peak memory stays small (unchecked when
# CRF_SANITIZED is set: sanitizer shadow memory is not the tool's).
truncate -s 200M big.txt 2>/dev/null || head -c 209715200 /dev/zero >big.txt
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f %M -o mem.txt "$COLREFLOW" big.txt
  status=$?
  peak_kb=$(tail -n 1 mem.txt)
  [ -n "${CRF_SANITIZED:-}" ] || [ "$peak_kb" -lt 50000 ] || { echo "peak memory ${peak_kb} KB"; exit 99; }
else
  if [ -n "${CRF_SANITIZED:-}" ]; then "$COLREFLOW" big.txt
  else (ulimit -v 300000 && exec "$COLREFLOW" big.txt); fi
  status=$?
fi
exit "$status"
