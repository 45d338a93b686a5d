# A directory among the inputs stands for the files in it, in name order
# (not hidden files, not subdirectories); one with no files is a usage error.
mkdir -p pages/sub empty
cp "$DATA/data/tsv/zh_traffic3.tsv" pages/b.tsv
cp "$DATA/../samples/wuxi-police-conference.ocr.txt" pages/a.txt
cp pages/a.txt pages/.hidden.txt
cp pages/a.txt pages/sub/c.txt
"$COLREFLOW" -O out pages 2>&1; echo "exit $?"
ls -A out | LC_ALL=C sort
"$COLREFLOW" pages/a.txt pages/b.tsv >files.txt
"$COLREFLOW" pages | cmp -s - files.txt && echo "same as the files in name order"
"$COLREFLOW" empty 2>&1 | head -n 1
