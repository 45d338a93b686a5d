# --overlay draws the order on the scan: an image input is its own scan; a
# geometry input needs --image; --overlay takes one input.
"$COLREFLOW" --lang eng --overlay ov.png "$DATA/data/images/en_gpl3.png" >/dev/null; echo "exit $?"
head -c 8 ov.png | od -An -c | tr -s ' '
"$COLREFLOW" --overlay ov2.png --image "$DATA/data/images/en_gpl3.png" "$DATA/data/hocr/en_jump3.hocr" >/dev/null; echo "exit $?"
test -s ov2.png && echo "ov2.png written"
"$COLREFLOW" --overlay ov3.png "$DATA/data/hocr/en_jump3.hocr" >/dev/null 2>err.txt; echo "exit $?"
grep -o 'give it with --image SCAN' err.txt
"$COLREFLOW" --overlay ov4.png a.txt b.txt 2>&1 | head -n 1
"$COLREFLOW" --image x.png a.txt 2>&1 | head -n 1
