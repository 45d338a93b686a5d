# Asking for another geometry format than the input's is refused per file.
"$COLREFLOW" -f alto "$DATA/data/page/ulb/1667522809_J_0073_0512.gt.xml"
