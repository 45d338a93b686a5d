#!/bin/sh
# Writes every PAGE file in tests/data/page back through the CLI
# (`colreflow -f page FILE`) and validates input and output against the
# official PRImA XSD that the file's namespace names (2013-07-15 or
# 2019-07-15), offline. Each file is also run a second time with its
# namespace rewritten to 2019-07-15, so that the newer schema is exercised
# too (the test data are all 2013-07-15).
#
# An input that the schema accepts must give an output the schema accepts.
# An input that the schema rejects (the Transkribus exports carry a
# TranskribusMetadata element the schema does not know; one ULB file has
# duplicate ids) is reported, and its output must add no error to the
# input's: the errors are compared without their line numbers.
# libxml2 does not resolve IDREFs, so every regionRef in the output's
# ReadingOrder is also checked to name a region of the page.
# Usage: validate_page.sh <colreflow CLI> <source dir>
set -eu
cli=$1
src=$2
schemas=$src/tests/schemas/page

if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate_page: xmllint not found (Debian package libxml2-utils); skipped" >&2
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The version date of the PAGE namespace the file uses, e.g. 2013-07-15.
page_version() {
  grep -o -m 1 'http://schema\.primaresearch\.org/PAGE/gts/pagecontent/[0-9-]*' "$1" |
    head -n 1 | sed 's|.*/||'
}

# xmllint's messages for one file (<file>.raw, as printed, with line
# numbers) and, sorted and without the "name:line: " prefix and the closing
# "validates" / "fails to validate" line, on standard output.
schema_errors() {
  (cd "$work" && xmllint --noout --nonet --schema "$1" "$2" 2>&1 >/dev/null) |
    grep -v -e "^$2 validates\$" -e "^$2 fails to validate\$" >"$work/$2.raw" || true
  sed -e "s|^$2:[0-9]*: ||" "$work/$2.raw" | sort
}

# Number of RegionRefIndexed in the output whose regionRef names no region.
dangling_refs() {
  xmllint --nonet --xpath "count(//*[local-name()='RegionRefIndexed'][not(@regionRef = //*[substring(local-name(), string-length(local-name()) - 5) = 'Region']/@id)])" "$1"
}

count=0
failed=0
fail() {
  echo "validate_page: FAIL $1: $2"
  failed=$((failed + 1))
}

check() {  # check <input file> <label>
  label=$2
  version=$(page_version "$1")
  xsd=$schemas/$version/pagecontent.xsd
  if [ -z "$version" ] || [ ! -f "$xsd" ]; then
    fail "$label" "no PAGE schema here for namespace version '$version'"
    return
  fi
  cp "$1" "$work/in.xml"
  if ! "$cli" -f page "$work/in.xml" >"$work/out.xml" 2>"$work/err.txt"; then
    fail "$label" "colreflow -f page failed: $(head -n 3 "$work/err.txt")"
    return
  fi
  count=$((count + 1))
  out_version=$(page_version "$work/out.xml")
  if [ "$out_version" != "$version" ]; then
    fail "$label" "output namespace is '$out_version', input's is '$version'"
  fi
  schema_errors "$xsd" in.xml >"$work/in.err"
  schema_errors "$xsd" out.xml >"$work/out.err"
  if [ -s "$work/in.err" ]; then
    echo "validate_page: note: input $label is not valid against PAGE $version" \
      "($(wc -l <"$work/in.err") errors), e.g.: $(head -n 1 "$work/in.err")"
    # Errors of the output that the input does not have (as multisets).
    comm -13 "$work/in.err" "$work/out.err" >"$work/new.err"
    if [ -s "$work/new.err" ]; then
      fail "$label" "output adds $(wc -l <"$work/new.err") schema errors to the input's:"
      grep -F -f "$work/new.err" "$work/out.xml.raw" | sed 's/^/    /' | head -n 20
    fi
  elif [ -s "$work/out.err" ]; then
    fail "$label" "input is valid against PAGE $version but the output is not:"
    sed 's/^/    /' "$work/out.xml.raw" | head -n 20
  fi
  dangling=$(dangling_refs "$work/out.xml")
  if [ "$dangling" != "0" ]; then
    fail "$label" "$dangling RegionRefIndexed name no region of the page"
  fi
  refs=$(xmllint --nonet --xpath "count(//*[local-name()='RegionRefIndexed'])" "$work/out.xml")
  if [ "$refs" = "0" ]; then
    fail "$label" "the output has no RegionRefIndexed in its ReadingOrder"
  fi
}

for f in "$src"/tests/data/page/*/*.xml; do
  name=$(basename "$(dirname "$f")")/$(basename "$f")
  check "$f" "$name"
  sed 's|pagecontent/2013-07-15|pagecontent/2019-07-15|g' "$f" >"$work/as2019.xml"
  check "$work/as2019.xml" "$name (namespace set to 2019-07-15)"
done

[ "$failed" -eq 0 ] || { echo "validate_page: $failed failures"; exit 1; }
[ "$count" -ge 20 ] || { echo "validate_page: only $count files checked" >&2; exit 1; }
echo "validate_page: $count outputs add no schema error to their inputs"
