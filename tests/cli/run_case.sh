#!/bin/sh
# Runs one CLI golden case (the zstd layout):
#   NAME.sh               the commands; sees $COLREFLOW, $DATA and a fresh
#                         $TMPDIR, which is also its working directory
#   NAME.exit             the expected exit status (0 if the file is missing)
#   NAME.stdout.exact     the expected standard output, byte for byte
#   NAME.stderr.contains  lines each of which must occur in standard error
# usage: run_case.sh PATH/NAME COLREFLOW_BINARY TESTS_DIR
set -u
if [ $# -ne 3 ]; then
  echo "usage: run_case.sh PATH/NAME COLREFLOW_BINARY TESTS_DIR" >&2
  exit 2
fi
case_base=$1
COLREFLOW=$2
DATA=$3
export COLREFLOW DATA

root=$(mktemp -d "${TMPDIR:-/tmp}/colreflow-cli.XXXXXX") || exit 1
trap 'rm -rf "$root"' EXIT
trap 'exit 130' INT TERM
mkdir "$root/tmp" "$root/out"
TMPDIR=$root/tmp
export TMPDIR

(cd "$TMPDIR" && sh "$case_base.sh") >"$root/out/stdout" 2>"$root/out/stderr"
status=$?

failed=0
expected_status=0
[ -f "$case_base.exit" ] && expected_status=$(cat "$case_base.exit")
if [ "$status" != "$expected_status" ]; then
  echo "FAIL: exit status $status, expected $expected_status"
  failed=1
fi
if [ -f "$case_base.stdout.exact" ] &&
   ! cmp -s "$case_base.stdout.exact" "$root/out/stdout"; then
  echo "FAIL: standard output differs from $case_base.stdout.exact:"
  diff -u "$case_base.stdout.exact" "$root/out/stdout" | head -n 40
  failed=1
fi
if [ -f "$case_base.stderr.contains" ]; then
  while IFS= read -r want || [ -n "$want" ]; do
    [ -z "$want" ] && continue
    if ! grep -F -q -e "$want" "$root/out/stderr"; then
      echo "FAIL: standard error lacks: $want"
      failed=1
    fi
  done <"$case_base.stderr.contains"
fi
if [ "$failed" -ne 0 ]; then
  echo "--- stderr ---"
  head -c 4000 "$root/out/stderr"
fi
exit "$failed"
