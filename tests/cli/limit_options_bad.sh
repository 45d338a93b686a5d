# The limit options refuse values that are not limits: exit 2, naming the
# option and what it takes, before any input is read.
for args in "--max-words 0" "--max-words 12k" "--max-pixels -5" "--max-xml-depth 2000000" \
            "--max-xml-elements x" "--max-seconds 0" "--max-seconds 0.0001" "--timeout 1.5s" \
            "--max-seconds ."; do
  # shellcheck disable=SC2086 # $args is meant to split
  "$COLREFLOW" $args missing.txt 2>err.txt
  echo "$args: exit $?"
  head -n 1 err.txt
done
