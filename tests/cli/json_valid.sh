# -f json is valid JSON with the documented top-level keys in order, and
# text survives quotes and backslashes.
"$COLREFLOW" -f json "$DATA/../samples/wuxi-police-conference.ocr.txt" >sample.json || exit $?
python3 -m json.tool sample.json >/dev/null || echo "sample.json is not valid JSON"
printf 'He said "C:\\\\dir" then left.\n' >quote.txt
"$COLREFLOW" --format=json quote.txt >quote.json || exit $?
python3 - sample.json quote.json <<'PY'
import json, sys
sample = json.load(open(sys.argv[1], encoding="utf-8"))
print(list(sample))
print(list(sample["stats"]))
quote = json.load(open(sys.argv[2], encoding="utf-8"))
texts = [u["text"] for a in quote["articles"] for u in a["units"]]
print(texts)
print(quote["source"], quote["stats"]["lines"])
PY
