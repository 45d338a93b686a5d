# Binary input (control bytes, NUL) is refused, naming the first bad byte.
printf '%%PDF-1.4\n\001\002\003\000\377' >junk.pdf
"$COLREFLOW" junk.pdf
