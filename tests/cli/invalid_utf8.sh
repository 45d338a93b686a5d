# Invalid UTF-8 (0xC3 followed by '('): exit 1, naming byte offset and line.
printf 'Hello\nw\303(rld\n' >bad.txt
"$COLREFLOW" bad.txt
