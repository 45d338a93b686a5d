#!/usr/bin/env python3
"""paragraphs.py - why a synthetic page's paragraph breaks, headings or Chinese joins went wrong.

Usage:
  python3 tests/eval/synth/paragraphs.py PAGEDIR [OUTPUT.txt] [--tools DIR]

PAGEDIR is one page's directory in synth_eval.py's cache (OUT/pages/NAME-KEY/);
OUTPUT defaults to its colreflow-hocr.txt. Scores the output with score.py and
prints, each with the output text around it (a blank line shown as two ⏎, the
place as ‖):

  MISS   a ground-truth paragraph/heading boundary with no blank line at it;
  FALSE  a blank line where the ground truth has no boundary;
  HEAD   a headline or subheading not directly followed by its section;
  ZHWS   (Chinese) a whitespace run inside a ground-truth unit, as score.py
         counts them.
"""
import argparse
import json
import os
import re
import sys

sys.dont_write_bytecode = True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pagedir")
    ap.add_argument("output", nargs="?")
    ap.add_argument("--tools", default=os.environ.get("COLREFLOW_SYNTH_TOOLS", "/work/shared/tools/synth"))
    a = ap.parse_args()
    sys.path.insert(0, a.tools)
    import score as S  # noqa: E402 (the shared scorer, not part of colreflow)

    gt = json.load(open(os.path.join(a.pagedir, "page.gt.json"), encoding="utf-8"))
    out = open(a.output or os.path.join(a.pagedir, "colreflow-hocr.txt"), encoding="utf-8").read()
    res, sc = S.score(gt, out)
    print("pF1 %.3f (p %.2f r %.2f)  headings %s  join %s  tau %s" % (
        res["para_f1"], res["para_p"], res["para_r"], res["heading_placement"],
        res["join_errors"], res["block_order_tau"]))

    def ctx(i, w=14):
        a0 = sc.oidx[max(0, i - w)]
        b0 = sc.oidx[min(len(sc.oidx) - 1, i + w)]
        return (sc.out[a0:sc.oidx[i]] + " ‖ " + sc.out[sc.oidx[i]:b0]).replace("\n", "⏎")

    # The same definitions as score.py's para(): output breaks O, GT boundaries G.
    breaks = set(i for i in range(1, len(sc.ostr))
                 if re.search(r"\n[ \t\r\f\v]*\n", sc.out[sc.oidx[i - 1]:sc.oidx[i]]))
    ends = [sc.unit_ends(u) for u in range(len(sc.units))]
    bounds = set()
    for u in range(len(sc.units)):
        st, nst, en, nen = ends[u]
        if u > 0 and st is not None and nst <= 2:
            bounds.add(st)
        if u < len(sc.units) - 1 and en is not None and nen <= 2:
            bounds.add(en + 1)
    for u in range(len(sc.units) - 1):
        en, nen = ends[u][2], ends[u][3]
        st, nst = ends[u + 1][0], ends[u + 1][1]
        at = ([en + 1] if en is not None and nen <= 2 else []) + ([st] if st is not None and nst <= 2 else [])
        if not any(x in breaks for pos in at for x in (pos - 1, pos, pos + 1)):
            where = ctx(st) if st is not None and st < len(sc.oidx) else sc.units[u + 1][2][:20]
            print("MISS  u%d (%s) -> u%d (%s): %s" % (u, sc.units[u][1], u + 1, sc.units[u + 1][1], where))
    for o in sorted(breaks):
        if not any(x in bounds for x in (o - 1, o, o + 1)):
            print("FALSE %s" % ctx(o))
    for u, (aid, role, text) in enumerate(sc.units):
        if role not in ("headline", "subheading"):
            continue
        ok = False
        if u + 1 < len(sc.units) and sc.units[u + 1][0] == aid:
            _, _, en, nen = sc.unit_ends(u)
            st, nst, _, _ = sc.unit_ends(u + 1)
            ok = en is not None and st is not None and 0 <= st - en - 1 <= nen + nst + 2
        if not ok:
            print("HEAD  u%d %s %r" % (u, role, text[:30]))
    if sc.lang != "zh":
        return
    for u, (aid, role, text) in enumerate(sc.units):
        dct = sc.umap.get(u, {})
        keys = sorted(dct)
        prev = None
        for k in keys:
            o = dct[k]
            if o < 0:
                continue
            if prev is not None:
                pk, po = prev
                if o > po and o - po <= len([x for x in keys if pk < x < k]) + 3:
                    between = sc.raw_between(po, o)
                    if not any(c.isspace() for c in text[pk + 1:k]) and re.search(r"\s", between):
                        print("ZHWS  u%d (%s): %s" % (u, role, ctx(o, 8)))
            prev = (k, o)


if __name__ == "__main__":
    main()
