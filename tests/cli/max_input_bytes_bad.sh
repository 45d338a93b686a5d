# A malformed --max-input-bytes value is a usage error.
"$COLREFLOW" --max-input-bytes 12x in.txt
