#!/usr/bin/env python3
"""real_pages.py - colreflow's text-only ordering on real pages with human order.

Usage: python3 tests/eval/real_pages.py COLREFLOW [DATA_DIR]

DATA_DIR defaults to ../shared/data (not part of the repository: the
OmniDocBench pages there are for research use only, so nothing of them is
committed). For each newspaper page of OmniDocBench_demo.json it writes the
text blocks' lines as plain text, blocks parted by blank lines, in two wrong
orders an OCR engine produces (row-major: sorted by top edge; and with the
human order's last quarter of blocks moved to the front, a jumped tail),
runs colreflow on it, locates each block in the output and prints Kendall's
tau against the human order, before and after. Blocks whose text cannot be
found (too short, or repeated) are left out of tau.
"""
import json
import os
import re
import subprocess
import sys


def kendall_tau(seq):
    n = len(seq)
    if n < 2:
        return 1.0
    concordant = discordant = 0
    for i in range(n):
        for j in range(i + 1, n):
            if seq[i] < seq[j]:
                concordant += 1
            elif seq[i] > seq[j]:
                discordant += 1
    return (concordant - discordant) / (n * (n - 1) / 2)


def strip(s):
    return re.sub(r"\s+", "", s)


def blocks_of(page):
    out = []
    for b in page["layout_dets"]:
        if b.get("ignore") or b["category_type"] not in ("text_block", "title"):
            continue
        lines = [l["text"] for l in b.get("line_with_spans", []) if l.get("text", "").strip()]
        if not lines:
            continue
        poly = b["poly"]
        out.append({"order": b["order"], "x": poly[0], "y": poly[1], "lines": lines})
    out.sort(key=lambda b: b["order"])
    for i, b in enumerate(out):
        b["rank"] = i
    return out


def tau_of(text, blocks):
    flat = strip(text)
    positions = []
    for b in blocks:
        key = strip("".join(b["lines"]))[:12]
        if len(key) < 6 or flat.count(key) != 1:
            continue
        positions.append((flat.index(key), b["rank"]))
    positions.sort()
    return kendall_tau([rank for _, rank in positions]), len(positions)


def run(colreflow, text):
    p = subprocess.run([colreflow, "-"], input=text.encode(), capture_output=True, check=True)
    return p.stdout.decode()


def main():
    colreflow = sys.argv[1]
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../../shared/data")
    path = os.path.join(data, "omnidocbench_demo_zh_newspaper_multicolumn/OmniDocBench_demo.json")
    if not os.path.exists(path):
        print("no data at", path)
        return 0
    for page in json.load(open(path)):
        name = page["page_info"]["image_path"]
        if "newspaper" not in name:
            continue
        blocks = blocks_of(page)
        jumped = blocks[len(blocks) * 3 // 4:] + blocks[: len(blocks) * 3 // 4]
        for label, order in (("row-major", sorted(blocks, key=lambda b: (round(b["y"] / 8), b["x"]))),
                             ("tail-first", jumped)):
            text = "\n\n".join("\n".join(b["lines"]) for b in order) + "\n"
            before, n = tau_of(text, blocks)
            after, m = tau_of(run(colreflow, text), blocks)
            print(f"{name} {label}: {len(blocks)} blocks, tau before {before:.3f} ({n}), after {after:.3f} ({m})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
