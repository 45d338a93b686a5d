#!/bin/sh
# Installs the build into a temporary prefix and uses it as a user would:
# the files are in place, the library exports only its API under its SONAME,
# a C and a C++ consumer build through find_package(colreflow CONFIG) and a
# C consumer through pkg-config, each repairs the sample as the installed
# CLI does, the man page renders, and the Python package (installed by
# cmake, and by pip from the source tree without network) passes its tests
# against the installed library.
#
# usage: run.sh BUILD_DIR SOURCE_DIR [PYTHON3]
set -eu
build=$1
src=$2
py=${3:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/colreflow-install.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
prefix=$work/prefix
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || fail "cmake --install failed"

for f in include/colreflow/colreflow.h include/colreflow/colreflow.hpp bin/colreflow \
         lib/libcolreflow.so lib/libcolreflow.so.0 lib/libcolreflow.a \
         lib/cmake/colreflow/colreflowConfig.cmake lib/cmake/colreflow/colreflowConfigVersion.cmake \
         lib/pkgconfig/colreflow.pc share/man/man1/colreflow.1; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done

# SONAME is the major version; only the C API and colreflow::v1 are exported.
readelf -d "$prefix/lib/libcolreflow.so" | grep -q 'SONAME.*\[libcolreflow\.so\.0\]' ||
  fail "SONAME is not libcolreflow.so.0"
others=$(nm -D --defined-only "$prefix/lib/libcolreflow.so" | awk '{print $3}' |
  grep -v -e '^crf_' -e '^_ZN9colreflow2v1' -e '^_ZNK9colreflow2v1' -e '^_ZT[ISV]N9colreflow2v1' \
          -e '^COLREFLOW_0$' || true)
[ -z "$others" ] || fail "symbols exported beyond the API: $(echo $others | head -c 400)"

sample=$src/samples/wuxi-police-conference.ocr.txt
# The installed CLI finds the installed library by itself (RUNPATH $ORIGIN/../lib).
env -u LD_LIBRARY_PATH "$prefix/bin/colreflow" "$sample" >"$work/cli.txt" ||
  fail "the installed CLI failed"
[ -s "$work/cli.txt" ] || fail "the installed CLI wrote nothing"

check_consumer() {  # NAME PROGRAM: its text is the CLI's, then a count line
  "$2" "$sample" >"$work/$1.out" || fail "$1 consumer failed"
  head -n -1 "$work/$1.out" | cmp -s - "$work/cli.txt" || fail "$1 consumer output differs from the CLI's"
  tail -n 1 "$work/$1.out" | grep -q '^-- 36 repairs, 1 articles$' ||
    fail "$1 consumer: $(tail -n 1 "$work/$1.out")"
}

# find_package(colreflow CONFIG)
cmake -S "$src/tests/install/consumer" -B "$work/cmake-consumer" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log" >&2; fail "find_package(colreflow CONFIG) failed"; }
cmake --build "$work/cmake-consumer" >>"$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log" >&2; fail "the CMake consumer did not build"; }
check_consumer cmake "$work/cmake-consumer/consumer_c"
"$work/cmake-consumer/consumer_cpp" "$sample" | grep -q '^36 repairs, [0-9]* for review$' ||
  fail "the C++ consumer failed"

# pkg-config colreflow
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ "$(pkg-config --modversion colreflow)" = "$(sed -n 's/^project(colreflow VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")" ] ||
  fail "pkg-config --modversion colreflow: $(pkg-config --modversion colreflow 2>&1)"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -pedantic -Werror -o "$work/pc-consumer" "$src/tests/install/consumer/consumer.c" \
  $(pkg-config --cflags colreflow) $(pkg-config --libs colreflow) -Wl,-rpath,"$prefix/lib" ||
  fail "the pkg-config consumer did not build"
check_consumer pkg-config "$work/pc-consumer"

# The man page documents every long option the installed CLI's --help lists.
for opt in $("$prefix/bin/colreflow" --help | grep -o -e '--[a-z][a-z-]*' | sort -u); do
  grep -q -e "$(echo "$opt" | sed 's/-/\\\\-/g')" "$prefix/share/man/man1/colreflow.1" ||
    fail "the man page does not document $opt"
done
# The man page renders without warnings.
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$prefix/share/man/man1/colreflow.1" 2>&1)
  [ -z "$warnings" ] || fail "man page: $warnings"
fi

[ -n "$py" ] || { echo "install test: passed (no Python)"; exit 0; }

# Python, as cmake installed it: found on the prefix, with no hint where the
# library is; the tests run against the installed library and CLI.
site=$(cd "$prefix" && ls -d lib/python3*/dist-packages | head -n 1)
[ -f "$prefix/$site/colreflow/__init__.py" ] || fail "the Python package is not installed"
env -u COLREFLOW_LIBRARY PYTHONPATH="$prefix/$site" PYTHONDONTWRITEBYTECODE=1 "$py" -c "
import colreflow, sys
assert colreflow.library_path().startswith('$prefix/lib/'), colreflow.library_path()
" || fail "the installed Python package did not find the installed library"
env -u COLREFLOW_LIBRARY PYTHONPATH="$prefix/$site" PYTHONDONTWRITEBYTECODE=1 \
  COLREFLOW_CLI="$prefix/bin/colreflow" COLREFLOW_SOURCE_DIR="$src" OMP_THREAD_LIMIT=1 \
  "$py" -m pytest -q -p no:cacheprovider "$src/bindings/python/tests/test_colreflow.py" ||
  fail "the Python tests failed against the installed library"

# pip, from a copy of the source tree (pip writes build files next to the
# sources), offline and without build isolation.
cp -R "$src/bindings/python" "$work/python-src"
"$py" -m pip install --quiet --no-build-isolation --no-index --no-deps --target "$work/pip" \
  "$work/python-src" >"$work/pip.log" 2>&1 || { cat "$work/pip.log" >&2; fail "pip install failed"; }
COLREFLOW_LIBRARY="$prefix/lib/libcolreflow.so.0" PYTHONPATH="$work/pip" "$py" -c "
import colreflow, pathlib, sys
assert pathlib.Path(colreflow.__file__).is_relative_to('$work/pip'), colreflow.__file__
sys.stdout.write(colreflow.repair(pathlib.Path('$sample')).text)
" | cmp -s - "$work/cli.txt" || fail "the pip-installed package does not repair as the CLI does"

echo "install test: passed"
