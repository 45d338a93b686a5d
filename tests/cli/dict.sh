# --dict: Hunspell dictionaries tell a compound cut at its hyphen from a
# word the typesetter broke; "none" leaves only the text's own evidence;
# a dictionary that is not installed is an error, hyphens or not.
printf 'The plan was a well-\nknown one to the people of the town.\n' >in.txt
"$COLREFLOW" --dict en_US in.txt
"$COLREFLOW" --dict none in.txt
printf 'No hyphen here.\n' | "$COLREFLOW" --dict xx_NOPE
echo "exit $?"
