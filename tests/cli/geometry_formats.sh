# hOCR and TSV are detected from their content and written back in kind.
"$COLREFLOW" -f hocr "$DATA/data/hocr/zh_traffic3.hocr" | grep -c "class='ocr_carea'\|class=\"ocr_carea\""
"$COLREFLOW" -f tsv "$DATA/data/tsv/zh_traffic3.tsv" | head -n 1
"$COLREFLOW" -f source "$DATA/data/tsv/zh_traffic3.tsv" | wc -l
"$COLREFLOW" "$DATA/data/tsv/zh_traffic3.tsv" | head -n 1
