# A file that cannot be opened: exit 1, with the system's reason.
"$COLREFLOW" page.txt
