# --from-image keeps what Tesseract itself made of each image beside the
# repaired output; repairing Tesseract's hOCR or TSV gives the same text as
# repairing the image. Inputs that are no image get no such files.
img="$DATA/data/images/en_gpl3.png"
"$COLREFLOW" -O out/new --from-image hocr,alto,tsv --lang eng --dpi 150 "$img" \
  "$DATA/data/tsv/zh_traffic3.tsv" 2>&1; echo "exit $?"
ls -A out/new | LC_ALL=C sort
head -c 38 out/new/en_gpl3.tesseract.hocr; echo
"$COLREFLOW" out/new/en_gpl3.tesseract.hocr | cmp -s - out/new/en_gpl3.txt && echo "hocr: same text"
"$COLREFLOW" out/new/en_gpl3.tesseract.tsv | cmp -s - out/new/en_gpl3.txt && echo "tsv: same text"
"$COLREFLOW" -f json out/new/en_gpl3.tesseract.alto.xml | grep -c '"input": "alto"'
"$COLREFLOW" --from-image pdf -O out "$img" 2>&1 | head -n 1
