# Forcing --from text on XML reads it as text; --from page on text fails with the line.
printf 'just text\n' > t.txt
"$COLREFLOW" --from page t.txt
