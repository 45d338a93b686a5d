# Several FILEs with -f json: one JSON document per file, in order.
printf 'First page.\n' >a.txt
printf 'Second page.\n' >b.txt
"$COLREFLOW" -f json a.txt b.txt >both.json || exit $?
python3 - both.json <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
decoder, pos, sources = json.JSONDecoder(), 0, []
while pos < len(text):
    doc, pos = decoder.raw_decode(text, pos)
    sources.append(doc["source"])
    assert text[pos] == "\n", "documents must end with a newline"
    pos += 1
print(len(sources), *sources)
PY
