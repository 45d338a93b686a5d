#!/bin/sh
# Runs the libFuzzer build of the fuzz targets, each for SECONDS on a copy of
# its corpus (the committed corpora are left as they are), JOBS at a time,
# and prints the executions of each. A crash, a sanitizer report, a leak or
# a broken invariant fails the run; the input is saved under ARTIFACTS.
#
#   tests/fuzz/run_libfuzzer.sh BUILD_DIR SECONDS [TARGET...]
#
# BUILD_DIR is a clang build with -DLIB_FUZZING_ENGINE=-fsanitize=fuzzer
# (docs/robustness.md); TARGETs are text hocr alto page tsv image capi
# (default: all). Environment: JOBS (default 2), ARTIFACTS (default
# ./fuzz-artifacts), KEEP_CORPUS=DIR to keep the grown corpora in DIR.
set -u
if [ $# -lt 2 ]; then
  echo "usage: run_libfuzzer.sh BUILD_DIR SECONDS [TARGET...]" >&2
  exit 2
fi
build=$1
secs=$2
shift 2
targets=${*:-text hocr alto page tsv image capi}
src=$(cd "$(dirname "$0")" && pwd)
jobs=${JOBS:-2}
artifacts=${ARTIFACTS:-fuzz-artifacts}
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_one() {
  t=$1
  if [ "$t" = text ]; then corpus=corpus; else corpus=corpus_$t; fi
  mkdir -p "$work/$t"
  cp "$src/$corpus"/* "$work/$t/"
  "$build/tests/fuzz/${t}_fuzzer" -max_total_time="$secs" -timeout=25 -max_len=100000 \
    -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$artifacts/$t-" \
    "$work/$t" >"$work/$t.log" 2>&1
  status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
  echo "$t: exit $status, ${execs:-?} executions in $secs s" >"$work/$t.result"
  if [ "$status" -ne 0 ]; then tail -n 80 "$work/$t.log" >>"$work/$t.result"; fi
  if [ -n "${KEEP_CORPUS:-}" ]; then mkdir -p "$KEEP_CORPUS/$t" && cp "$work/$t"/* "$KEEP_CORPUS/$t/"; fi
  echo "$status" >"$work/$t.status"
}

running=0
for t in $targets; do
  if [ ! -x "$build/tests/fuzz/${t}_fuzzer" ]; then
    echo "run_libfuzzer: no $build/tests/fuzz/${t}_fuzzer" >&2
    exit 2
  fi
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait
    running=0
  fi
done
wait

failed=0
for t in $targets; do
  cat "$work/$t.result"
  [ "$(cat "$work/$t.status")" = 0 ] || failed=1
done
exit "$failed"
