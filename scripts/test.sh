#!/bin/sh
# Installs what colreflow needs (skipped when already there), then
# configures, builds and runs every test. Safe to run again, before or after
# a build of your own in the same directory.
#
#   ./scripts/test.sh
#
# Environment: BUILD_DIR (default: build), JOBS (default: the number of
# CPUs), CMAKE_ARGS (extra arguments for the configure step).
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

# shellcheck disable=SC2086 # CMAKE_ARGS is meant to split into arguments
cmake -S . -B "$BUILD_DIR" ${CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" -j "$JOBS"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
