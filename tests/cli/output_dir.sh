# --output-dir writes one file per input, named after it, each whole or not
# at all; a rerun skips inputs already done and --overwrite redoes them; a
# failed input is reported and the rest written. Two inputs that would
# write one file, stdin, and -o with -O are usage errors.
sample="$DATA/../samples/wuxi-police-conference.ocr.txt"
tsv="$DATA/data/tsv/zh_traffic3.tsv"
"$COLREFLOW" "$sample" >direct.txt
mkdir out
"$COLREFLOW" -O out "$tsv" missing.txt "$sample" 2>err; echo "exit $?"
cat err
ls -A out | LC_ALL=C sort
cmp -s direct.txt out/wuxi-police-conference.ocr.txt && echo "same as standard output"
echo "-- rerun"
"$COLREFLOW" -O out "$tsv" "$sample" 2>&1; echo "exit $?"
echo "-- overwrite, two jobs"
rm out/zh_traffic3.txt
"$COLREFLOW" --output-dir=out/ --overwrite -j 2 "$tsv" "$sample" 2>&1; echo "exit $?"
cmp -s direct.txt out/wuxi-police-conference.ocr.txt && echo "same as standard output"
echo "-- the input's own format keeps its name"
"$COLREFLOW" -O out -f source "$tsv"; echo "exit $?"
ls -A out | LC_ALL=C sort
echo "-- usage errors"
mkdir a b
"$COLREFLOW" -O out a/x.txt b/x.hocr 2>&1 | head -n 1
"$COLREFLOW" -O out - </dev/null 2>&1 | head -n 1
"$COLREFLOW" -O out -o f.txt "$tsv" 2>&1 | head -n 1
"$COLREFLOW" --from-image hocr "$tsv" 2>&1 | head -n 1
"$COLREFLOW" --overwrite "$tsv" 2>&1 | head -n 1
