# "-" reads standard input.
printf 'Hello world.\n' | "$COLREFLOW" -
