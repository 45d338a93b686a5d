# --repairs chooses the repairs: all is the default; without order the
# jumped section stays first, as in the file; without join and spacing the
# OCR's line ends and spaces stay; an unknown repair is a usage error.
sample="$DATA/../samples/wuxi-police-conference.ocr.txt"
"$COLREFLOW" "$sample" >all.txt
"$COLREFLOW" --repairs all "$sample" | cmp -s - all.txt && echo "all: the default"
"$COLREFLOW" --repairs join,spacing,headings "$sample" | head -n 1 | cut -c1-30
"$COLREFLOW" --repairs=order "$sample" | grep -c '， '
"$COLREFLOW" --repairs order,join,spacing,headings "$sample" | cmp -s - all.txt && echo "all four: the default"
"$COLREFLOW" --repairs join,bogus "$sample" 2>&1 | head -n 1
