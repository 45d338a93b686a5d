# -o writes its file whole or not at all: a temporary file beside it is
# renamed into place at the end, and none is left behind; a file in a
# missing directory is an error naming it.
printf 'Hello world.\n' >in.txt
"$COLREFLOW" -o out.txt in.txt; echo "exit $?"
cat out.txt
ls -A | LC_ALL=C sort
"$COLREFLOW" -o no/such/dir/out.txt in.txt 2>&1; echo "exit $?"
echo "-- a FIFO is written in place"
mkfifo pipe
cat pipe >from_pipe.txt &
"$COLREFLOW" -o pipe in.txt; echo "exit $?"
wait
cat from_pipe.txt
