# The limit options reach the library: each, set low, refuses an input that
# the defaults accept (exit 1, the message saying which limit), and the
# same input passes with the limit raised.
printf 'one two three four\nfive six\n' >words.txt
"$COLREFLOW" --max-words 5 words.txt; echo "exit $?"
"$COLREFLOW" --max-words=6 words.txt >/dev/null; echo "exit $?"
"$COLREFLOW" --max-xml-depth 3 "$DATA/data/alto/hand_v2.xml"; echo "exit $?"
"$COLREFLOW" --max-xml-elements 10 "$DATA/data/alto/hand_v2.xml"; echo "exit $?"
"$COLREFLOW" --max-pixels 1000 "$DATA/data/images/en_gpl3.png"; echo "exit $?"
"$COLREFLOW" --timeout 60 words.txt >/dev/null; echo "exit $?"
