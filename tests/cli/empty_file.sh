# Empty and all-blank inputs are valid: exit 0 and print nothing.
: >empty.txt
printf ' \n\t\r\n\r\n   \n' >blank.txt
"$COLREFLOW" empty.txt blank.txt || exit $?
"$COLREFLOW" -f md empty.txt || exit $?
printf '' | "$COLREFLOW"
