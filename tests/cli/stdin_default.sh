# With no FILE, standard input is read; a missing final newline is fine.
printf 'Hello world.' | "$COLREFLOW"
