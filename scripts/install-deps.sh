#!/bin/sh
# Installs every Debian package colreflow builds, tests and runs with.
# Idempotent: packages already present are skipped; safe to run again.
#
#   ./scripts/install-deps.sh          what building and testing need
#   ./scripts/install-deps.sh --fuzz   also clang and its runtimes, for the
#                                      libFuzzer build (docs/robustness.md)
set -eu

PACKAGES="
  build-essential cmake pkg-config
  libicu-dev libfmt-dev doctest-dev libpugixml-dev
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim
  libbenchmark-dev
  wamerican-large libxml2-utils
  libhunspell-dev hunspell-en-us hunspell-de-de hunspell-fr
  hyphen-en-us hyphen-de python3-pyphen
  python3 python3-pytest
  python3-setuptools python3-pip python3-wheel python3-distributed
"

if [ "${1:-}" = "--fuzz" ]; then
  PACKAGES="$PACKAGES clang libclang-rt-14-dev"
fi

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "install-deps: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
