#!/usr/bin/env python3
"""explain.py - why a synthetic page's reading order went wrong.

Usage:
  python3 tests/eval/synth/explain.py PAGEDIR [--colreflow PATH] [--input hocr|tsv]
          [--tools DIR]

PAGEDIR is one page's directory in synth_eval.py's cache (OUT/pages/NAME-KEY/, with
page.gt.json, tess.hocr, tess.tsv, tess.txt and the colreflow-*.txt outputs).
Prints

  1. the ground-truth blocks in reading order: id, article, role, bbox, text;
  2. for tess.txt and each colreflow-*.txt: the GT blocks in the order the output
     has them (score.py's block location), blocks out of place marked with '*'
     (those outside a longest increasing run), and missing ones;
  3. with --colreflow: Tesseract's regions (hOCR ocr_carea, or TSV level-2 blocks
     for --input tsv) in the order colreflow's layout stage puts them
     (`colreflow -f hocr|tsv`), each with its bbox, its first words and the GT
     blocks its lines fall in -- a region holding lines of two GT blocks of
     different columns or roles is a merge by Tesseract; a GT block spread over
     several regions is a split.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def bbox_of(title):
    m = re.search(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)", title or "")
    return tuple(int(v) for v in m.groups()) if m else None


def gt_block_at(gt, box):
    """GT block whose bbox holds the centre of box (else the one overlapping most)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    best, area = None, 0
    for b in gt["blocks"]:
        x0, y0, x1, y1 = b["bbox"]
        if x0 - 4 <= cx <= x1 + 4 and y0 - 4 <= cy <= y1 + 4:
            return b["id"]
        ov = max(0, min(x1, box[2]) - max(x0, box[0])) * max(0, min(y1, box[3]) - max(y0, box[1]))
        if ov > area:
            best, area = b["id"], ov
    return best or "?"


def hocr_regions(data):
    root = ET.fromstring(data)
    regions = []
    for el in root.iter():
        if "ocr_carea" not in (el.get("class") or "").split():
            continue
        lines = []
        for ln in el.iter():
            cls = (ln.get("class") or "").split()
            if any(c in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat") for c in cls):
                words = [w.text or "" for w in ln.iter()
                         if "ocrx_word" in (w.get("class") or "").split()]
                lines.append((bbox_of(ln.get("title")), "".join(words) if any(
                    re.match(r"[\u4e00-\u9fff]", w[:1] or "") for w in words) else " ".join(words)))
        regions.append({"id": el.get("id"), "bbox": bbox_of(el.get("title")), "lines": lines})
    return regions


def tsv_regions(data):
    regions, cur, lines = [], {}, {}
    rows = [r.split("\t") for r in data.splitlines()]
    for r in rows[1:]:
        if len(r) < 12:
            continue
        level, blk, par, ln = int(r[0]), r[2], r[3], r[4]
        box = (int(r[6]), int(r[7]), int(r[6]) + int(r[8]), int(r[7]) + int(r[9]))
        if level == 2:
            cur = {"id": "block_" + blk, "bbox": box, "lines": []}
            regions.append(cur)
            lines = {}
        elif level == 4 and cur:
            lines[(par, ln)] = [box, []]
            cur["lines"].append(lines[(par, ln)])
        elif level == 5 and (par, ln) in lines:
            lines[(par, ln)][1].append(r[11])
    for reg in regions:
        reg["lines"] = [(b, "".join(w) if any(re.match(r"[\u4e00-\u9fff]", x[:1] or "") for x in w)
                         else " ".join(w)) for b, w in reg["lines"]]
    return regions


def lis_flags(seq):
    """True for items inside one longest increasing subsequence."""
    n = len(seq)
    if not n:
        return []
    best, prev = [1] * n, [-1] * n
    for i in range(n):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    k = max(range(n), key=lambda i: best[i])
    keep = set()
    while k >= 0:
        keep.add(k)
        k = prev[k]
    return [i in keep for i in range(n)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pagedir")
    ap.add_argument("--colreflow")
    ap.add_argument("--input", choices=["hocr", "tsv"], default="hocr")
    ap.add_argument("--tools", default=os.environ.get("COLREFLOW_SYNTH_TOOLS", "/work/shared/tools/synth"))
    a = ap.parse_args()
    d = a.pagedir
    gt = json.load(open(os.path.join(d, "page.gt.json"), encoding="utf-8"))
    rank = {b["id"]: i for i, b in enumerate(gt["blocks"])}
    print("== GT blocks (reading order) ==")
    for b in gt["blocks"]:
        print("%-4s %-3s %-10s %-22s %s" % (b["id"], b["article"], b["role"], b["bbox"],
                                           b["text"].replace("\n", " ")[:28]))
    for name in ("tess.txt", "colreflow-hocr.txt", "colreflow-tsv.txt"):
        path = os.path.join(d, name)
        if not os.path.exists(path):
            continue
        p = subprocess.run([sys.executable, os.path.join(a.tools, "score.py"),
                            os.path.join(d, "page.gt.json"), path, "--detail"],
                           stdout=subprocess.PIPE, check=True)
        res = json.loads(p.stdout)
        found = sorted((r["start"], r["id"]) for r in res["block_detail"] if r["matched"])
        ids = [i for _, i in found]
        flags = lis_flags([rank[i] for i in ids])
        print("\n== %s: tau %s, order_cer %s ==" % (name, res["block_order_tau"], res["order_cer"]))
        print(" ".join(i if ok else "*" + i for i, ok in zip(ids, flags)))
        miss = [r["id"] for r in res["block_detail"] if not r["matched"]]
        if miss:
            print("missing:", " ".join(miss))
    if a.colreflow:
        src = os.path.join(d, "tess." + a.input)
        p = subprocess.run([a.colreflow, "-f", a.input, src], stdout=subprocess.PIPE, check=True)
        data = p.stdout.decode("utf-8")
        regions = hocr_regions(data) if a.input == "hocr" else tsv_regions(data)
        print("\n== Tesseract regions in colreflow's order (%s) ==" % a.input)
        for reg in regions:
            gts = []
            for box, _ in reg["lines"]:
                if box:
                    g = gt_block_at(gt, box)
                    if not gts or gts[-1] != g:
                        gts.append(g)
            first = reg["lines"][0][1][:18] if reg["lines"] else ""
            print("%-11s %-22s %2d lines  GT %-18s %s" % (reg["id"], reg["bbox"], len(reg["lines"]),
                                                         ",".join(gts), first))


if __name__ == "__main__":
    main()
