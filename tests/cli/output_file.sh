# -o FILE writes there and leaves standard output empty.
printf 'Hello world.\n' >in.txt
"$COLREFLOW" -o out.txt in.txt >stdout.txt || exit $?
[ -s stdout.txt ] && echo "standard output not empty"
cat out.txt
