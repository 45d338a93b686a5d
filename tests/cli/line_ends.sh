# A BOM is dropped; CRLF and lone CR end lines like LF.
printf '\357\273\277Hello world.\r\n' | "$COLREFLOW" || exit $?
printf 'Hello world.\r' | "$COLREFLOW"
