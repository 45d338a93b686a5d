#!/bin/sh
# Writes ALTO back through the unit-test binary and validates every file
# against the official XSD its name asks for (v2_ -> 2.1, v3_ -> 3.1,
# v4_ -> 4.4), offline: the XSDs import a local xlink.xsd. The inputs in
# tests/data/alto are checked too, so a failure tells writer from input.
# Usage: validate_alto.sh <colreflow_unit> <source dir>
set -eu
unit=$1
src=$2
schemas=$src/tests/schemas/alto

if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate_alto: xmllint not found (Debian package libxml2-utils); skipped" >&2
  exit 77
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
CRF_ALTO_SCHEMA_OUT=$out "$unit" -tc='alto: write files for schema validation' >/dev/null

schema_for() {
  case $(basename "$1") in
    v2_* | hand_v2.xml) echo "$schemas/alto-2-1.xsd" ;;
    v3_* | ulb_*) echo "$schemas/alto-3-1.xsd" ;;
    v4_* | hand_v4.xml) echo "$schemas/alto-4-4.xsd" ;;
    *) echo "" ;;  # CCS/NDNP ALTO 1.x: no schema here
  esac
}

count=0
for f in "$src"/tests/data/alto/*.xml "$out"/*.xml; do
  xsd=$(schema_for "$f")
  [ -n "$xsd" ] || continue
  xmllint --noout --nonet --schema "$xsd" "$f"
  count=$((count + 1))
done
[ "$count" -ge 10 ] || { echo "validate_alto: only $count files checked" >&2; exit 1; }
echo "validate_alto: $count files valid"
