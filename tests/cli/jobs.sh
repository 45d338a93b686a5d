# -j 2 gives the same bytes as -j 1, in input order; a missing file is
# reported, the rest done, and the run ends with a count and exit 1.
set -- "$DATA/data/page/ulb/1667522809_J_0073_0512.gt.xml" missing.txt \
  "$DATA/data/tsv/zh_traffic3.tsv" "$DATA/../samples/wuxi-police-conference.ocr.txt" \
  "$DATA/data/hocr/en_jump3.hocr"
"$COLREFLOW" -j 1 "$@" >one.txt 2>one.err; echo "exit $?"
"$COLREFLOW" --jobs 2 "$@" >two.txt 2>two.err; echo "exit $?"
cmp -s one.txt two.txt && echo "same output"
cmp -s one.err two.err && echo "same messages"
cat two.err
"$COLREFLOW" -j 0 x.txt 2>&1 | head -n 1
