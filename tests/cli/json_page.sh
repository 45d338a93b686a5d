# Geometry inputs carry their regions in JSON: id, article, position, box.
"$COLREFLOW" -f json "$DATA/data/page/ulb/1667522809_J_0073_0512.gt.xml" >page.json || exit $?
python3 - page.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(list(d))
print(d["input"], d["page"]["width"], d["page"]["height"], len(d["page"]["regions"]))
r = d["page"]["regions"][0]
print(list(r))
print(r["id"], r["bbox"], r["lines"])
print(sorted(x["position"] for x in d["page"]["regions"]) == list(range(len(d["page"]["regions"]))))
PY
