# A page image is detected, OCR'd by Tesseract and reflowed; an unknown
# language is refused with the installed ones listed.
"$COLREFLOW" --lang eng "$DATA/data/images/en_gpl3.png" | head -n 3
"$COLREFLOW" --lang eng -f json "$DATA/data/images/en_gpl3.png" |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["input"], len(d["page"]["regions"]) > 0)'
"$COLREFLOW" --lang xx_nonexistent "$DATA/data/images/en_gpl3.png" 2>err.txt
echo "exit $?"
grep -q 'installed in .*eng' err.txt && echo 'lists the installed languages'
"$COLREFLOW" -f image "$DATA/data/images/en_gpl3.png" 2>&1 >/dev/null | head -n 1
