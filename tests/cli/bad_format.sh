# A bad -f value is a usage error, whatever the input.
printf 'Hello world.\n' | "$COLREFLOW" -f docx
