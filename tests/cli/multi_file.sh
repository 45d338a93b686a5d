# Several FILEs: outputs in order; an unreadable one is reported, skipped,
# and makes the exit status 1.
printf 'First page.\n' >a.txt
printf 'Second page.\n' >b.txt
"$COLREFLOW" a.txt missing.txt b.txt
