# --report writes a summary to standard error; standard output is unchanged.
printf 'Hello world.\n' >in.txt
"$COLREFLOW" --report in.txt
