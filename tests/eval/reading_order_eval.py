#!/usr/bin/env python3
"""reading_order_eval.py - region reading order on PAGE XML pages with a human order.

Usage:
  python3 tests/eval/reading_order_eval.py [--colreflow CLI] [--sorted] [--seed N]
      [--json OUT] [--baseline-only] [--shrink F] [--band F] [--keep-inputs DIR]
      [FILE_OR_DIR...]
  python3 tests/eval/reading_order_eval.py --self-test

Inputs (default): tests/data/page/**/*.xml, plus, when present, the pages kept
out of the repository under /work/shared/data (see --shared-data and
docs/eval-reading-order.md). A directory means every *.xml below it.

For each page with a ReadingOrder:
 1. the ground truth is the ReadingOrder flattened (groups in order, each
    OrderedGroup by @index), restricted to TextRegion/TableRegion elements;
 2. an order-destroyed copy is written: no ReadingOrder, no 'readingOrder {..}'
    in custom attributes, regions shuffled within their parent (seeded; or,
    with --sorted, sorted by top y then left x), every id replaced by a token;
 3. `CLI --from page -f page COPY` is run; the ReadingOrder of its output
    (one OrderedGroup per article, maybe inside an UnorderedGroup) is flattened
    and mapped back to the original ids;
 4. the baselines order the copy's TextRegion/TableRegion boxes: row sort,
    recursive XY-cut (plain and on shrunk boxes), Breuel's topological sort;
 5. Kendall tau and successor accuracy against the ground truth, and (for
    colreflow) regions lost or output twice, are printed as one markdown table.

Output is deterministic for a given seed. Exit status: 0 (also when colreflow
is missing or fails on a page: that is reported in the table), 1 when
--self-test fails, 2 on a usage error or when no page could be read.
"""
import argparse
import json
import os
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from page_order import baselines, metrics, pagexml  # noqa: E402

REPO = HERE.parent.parent
DEFAULT_SHARED = Path("/work/shared/data")
# Pages read from the shared data folder, never copied into the repository
# (licence or no text), with the short label used in the table.
SHARED_SETS = [
    ("chronicling_germany_koelnische_zeitung_1924_page/annotations", "koelnische"),
    ("ocrd_gt_structure_text_ruempler_1882_2col/GT-PAGE", "ruempler"),
]
DEFAULT_SEED = 1
DEFAULT_SHRINK = 0.05
DEFAULT_BAND = 0.01


def collect_inputs(args):
    """[(label, path)] of the pages to evaluate, in a fixed order."""
    out = []

    def add_dir(d, label_root):
        for p in sorted(Path(d).rglob("*.xml")):
            rel = p.relative_to(d)
            out.append((f"{label_root}/{rel.as_posix()[:-4]}" if label_root else rel.as_posix()[:-4], p))

    if args.inputs:
        for item in args.inputs:
            p = Path(item)
            if p.is_dir():
                add_dir(p, p.name)
            elif p.is_file():
                out.append((f"{p.parent.name}/{p.stem}", p))
            else:
                print(f"reading_order_eval: no such file or directory: {item}", file=sys.stderr)
        return out
    add_dir(REPO / "tests" / "data" / "page", "")
    shared = Path(args.shared_data)
    for sub, label in SHARED_SETS:
        d = shared / sub
        if d.is_dir():
            for p in sorted(d.glob("*.xml")):
                out.append((f"{label}/{p.stem}", p))
    return out


def run_colreflow(cli, path, timeout):
    """(flattened ReadingOrder [(token, group)], None) or (None, error text)."""
    try:
        proc = subprocess.run([cli, "--from", "page", "-f", "page", str(path)],
                              capture_output=True, timeout=timeout)
    except FileNotFoundError:
        return None, f"not found: {cli}"
    except PermissionError:
        return None, f"not executable: {cli}"
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s"
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        first = lines[0] if lines else "(no message)"
        return None, f"exit {proc.returncode}: {first}"
    try:
        out = pagexml.Page(proc.stdout, "colreflow output")
    except Exception as e:  # ET.ParseError, ValueError
        return None, f"output is not PAGE XML: {e}"
    ro = out.reading_order()
    if ro is None:
        return None, "output has no ReadingOrder"
    return ro, None


def baseline_orders(page, shrink, band_frac):
    """{method name: [token ids]} of the baselines on the page's region boxes."""
    items = [(rid, box) for rid, _tag, box in page.ordered_region_boxes()]
    _w, h = page.size()
    if h <= 0:
        h = max((b[3] for _, b in items), default=0.0)
    stats, stats_shrunk = {}, {}
    small = [(rid, baselines.shrink(box, shrink)) for rid, box in items]
    orders = {
        "rowsort": baselines.row_sort(items, band_frac * h),
        "xycut": baselines.xy_cut(items),
        shrunk_name("xycut", shrink): baselines.xy_cut(small),
        "breuel": baselines.breuel(items, stats),
        shrunk_name("breuel", shrink): baselines.breuel(small, stats_shrunk),
    }
    return orders, {"breuel": stats.get("cycles_broken", 0),
                    shrunk_name("breuel", shrink): stats_shrunk.get("cycles_broken", 0)}


def method_names(shrink):
    return ["rowsort", "xycut", shrunk_name("xycut", shrink), "breuel", shrunk_name("breuel", shrink)]


def shrunk_name(method, shrink):
    return f"{method}-{round(shrink * 100):d}%"


def evaluate_page(label, path, args, keep_dir):
    """All figures of one page, as a dict; {"page", "skipped": reason} when it has no usable
    ground truth."""
    data = path.read_bytes()
    try:
        original = pagexml.Page(data, label)
    except Exception as e:
        return {"page": label, "skipped": f"cannot read: {e}"}
    gt, info = pagexml.ground_truth(original)
    if gt is None or len(gt) == 0:
        return {"page": label, "skipped": info.get("error", "empty reading order")}
    mode = "sorted" if args.sorted else "shuffle"
    destroyed, mapping = pagexml.destroy(data, args.seed, label, mode,
                                         getattr(args, "strip_types", False))
    inv = {tok: old for old, tok in mapping.items()}
    copy = pagexml.Page(destroyed, label + " (destroyed)")

    result = {"page": label, "path": str(path), "regions": len(gt), "gt": gt, "gt_info": info,
              "methods": {}}
    orders, cycles = baseline_orders(copy, args.shrink, args.band)
    result["cycles_broken"] = cycles
    for name, order in orders.items():
        result["methods"][name] = metrics.score(gt, [inv[t] for t in order])

    if not args.baseline_only:
        if keep_dir is not None:
            safe = label.replace("/", "__")
            tmp = Path(keep_dir) / f"{safe}.{mode}.seed{args.seed}.xml"
            tmp.write_bytes(destroyed)
            ro, err = run_colreflow(args.colreflow, tmp, args.timeout) if args.colreflow else (None, "not given")
        else:
            with tempfile.TemporaryDirectory(prefix="colreflow-ro-") as d:
                tmp = Path(d) / "page.xml"
                tmp.write_bytes(destroyed)
                ro, err = run_colreflow(args.colreflow, tmp, args.timeout) if args.colreflow else (None, "not given")
        if ro is None:
            result["colreflow"] = {"status": "missing" if not args.colreflow else "failed", "error": err}
        else:
            pred = [inv.get(tok, "?" + tok) for tok, _ in ro]
            groups = [g for _, g in ro]
            sc = metrics.score(gt, pred, groups)
            sc["unknown_refs"] = sum(1 for tok, _ in ro if tok not in inv)
            sc["status"] = "ok"
            result["colreflow"] = sc
    return result


def fmt(x):
    return f"{x:.3f}"


def mean(xs):
    return sum(xs) / len(xs) if xs else None


def summarise(results, names, with_colreflow):
    """Mean of every figure over the pages (macro average)."""
    pages = [r for r in results if "skipped" not in r]
    out = {"pages": len(pages), "regions": sum(r["regions"] for r in pages)}
    for m in names:
        out[m] = {k: mean([r["methods"][m][k] for r in pages]) for k in ("tau", "succ")}
    if with_colreflow:
        ok = [r["colreflow"] for r in pages if r.get("colreflow", {}).get("status") == "ok"]
        out["colreflow"] = {"pages": len(ok)}
        for k in ("tau", "succ", "succ_article"):
            out["colreflow"][k] = mean([c[k] for c in ok])
        out["colreflow"]["lost"] = sum(c["lost"] for c in ok)
        out["colreflow"]["duplicated"] = sum(c["duplicated"] for c in ok)
    return out


def print_table(results, summary, names, with_colreflow, out=sys.stdout):
    pages = [r for r in results if "skipped" not in r]
    head = ["page", "regions"]
    if with_colreflow:
        head += ["colreflow τ / succ / succ-art", "lost / dup"]
    head += [f"{m} τ / succ" for m in names]
    print("| " + " | ".join(head) + " |", file=out)
    print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|", file=out)
    for r in pages:
        row = [r["page"], str(r["regions"])]
        if with_colreflow:
            c = r["colreflow"]
            if c["status"] == "ok":
                row += [f"{fmt(c['tau'])} / {fmt(c['succ'])} / {fmt(c['succ_article'])}",
                        f"{c['lost']} / {c['duplicated']}"]
            else:
                row += [c["status"], "–"]
        for m in names:
            s = r["methods"][m]
            row.append(f"{fmt(s['tau'])} / {fmt(s['succ'])}")
        print("| " + " | ".join(row) + " |", file=out)
    row = [f"**mean** ({summary['pages']} pages)", str(summary["regions"])]
    if with_colreflow:
        c = summary["colreflow"]
        if c["pages"]:
            row += [f"{fmt(c['tau'])} / {fmt(c['succ'])} / {fmt(c['succ_article'])}"
                    + ("" if c["pages"] == summary["pages"] else f" (n={c['pages']})"),
                    f"{c['lost']} / {c['duplicated']}"]
        else:
            row += ["–", "–"]
    for m in names:
        s = summary[m]
        row.append(f"{fmt(s['tau'])} / {fmt(s['succ'])}")
    print("| " + " | ".join(row) + " |", file=out)


def print_notes(results, with_colreflow, out=sys.stdout):
    for r in results:
        if "skipped" in r:
            print(f"- {r['page']}: skipped ({r['skipped']})", file=out)
    if with_colreflow:
        errs = [(r["page"], r["colreflow"]) for r in results
                if "skipped" not in r and r["colreflow"]["status"] != "ok"]
        if errs and all(c["status"] == "missing" for _, c in errs):
            print("- colreflow: not run (no --colreflow given)", file=out)
        else:
            for page, c in errs:
                print(f"- colreflow on {page}: {c['status']}: {c['error']}", file=out)
            for r in results:
                c = r.get("colreflow", {})
                if c.get("status") == "ok" and c.get("unknown_refs"):
                    print(f"- colreflow on {r['page']}: {c['unknown_refs']} references to unknown ids",
                          file=out)
    cyc = {}
    for r in results:
        for m, n in r.get("cycles_broken", {}).items():
            if n:
                cyc.setdefault(m, []).append(f"{r['page']} {n}")
    for m, pages in cyc.items():
        print(f"- {m}: cycles in the partial order (overlapping boxes) broken by the tie-break: "
              + ", ".join(pages), file=out)
    ex = {}
    for r in results:
        if "skipped" in r:
            continue
        info = r["gt_info"]
        for tag, n in info["included"].items():
            ex.setdefault(("included", tag), 0)
            ex[("included", tag)] += n
        for tag, n in info["excluded_type"].items():
            ex.setdefault(("referenced, left out", tag), 0)
            ex[("referenced, left out", tag)] += n
        for tag, n in info["not_in_ro"].items():
            ex.setdefault(("not in the ReadingOrder", tag), 0)
            ex[("not in the ReadingOrder", tag)] += n
    parts = [f"{what} {tag}: {n}" for (what, tag), n in sorted(ex.items())]
    if parts:
        print("- ground truth: " + "; ".join(parts), file=out)


# --------------------------------------------------------------------------
# self-test

FAKE_CLI = r'''#!{python}
# Fake colreflow for the self-test: reads the PAGE file, orders its regions by
# the row-sort baseline and writes them as two articles (two OrderedGroups in
# an UnorderedGroup), RegionRefIndexed written in reverse index order.
import sys
sys.path.insert(0, {here!r})
import xml.etree.ElementTree as ET
from page_order import baselines, pagexml
args = sys.argv[1:]
if args[:4] != ["--from", "page", "-f", "page"] or len(args) != 5:
    print("fake colreflow: unexpected arguments", args, file=sys.stderr)
    sys.exit(2)
if "FAIL" in open(args[4], encoding="utf-8").read(200):
    print("fake failure\nsecond line", file=sys.stderr)
    sys.exit(1)
page = pagexml.Page.load(args[4])
items = [(rid, box) for rid, _t, box in page.ordered_region_boxes()]
order = baselines.row_sort(items, {band} * page.size()[1])
ns = page.page.tag[:-len("Page")]
ro = ET.Element(ns + "ReadingOrder")
ug = ET.SubElement(ro, ns + "UnorderedGroup", id="g0")
half = len(order) // 2
for k, part in enumerate((order[:half], order[half:])):
    og = ET.SubElement(ug, ns + "OrderedGroup", id="a%d" % k)
    for i in reversed(range(len(part))):
        ET.SubElement(og, ns + "RegionRefIndexed", index=str(i), regionRef=part[i])
page.page.insert(0, ro)
sys.stdout.buffer.write(page.tostring())
'''


def self_test():
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    gt = ["a", "b", "c", "d", "e"]
    check(metrics.kendall_tau(gt, gt) == 1.0, "tau(identical) != 1")
    check(metrics.kendall_tau(gt, gt[::-1]) == -1.0, "tau(reversed) != -1")
    check(metrics.successor_accuracy(gt, gt) == 1.0, "succ(identical) != 1")
    check(metrics.successor_accuracy(gt, gt[::-1]) == 0.0, "succ(reversed) != 0")
    sc = metrics.score(gt, ["b", "a", "x", "c", "c", "e"], [0, 0, 0, 1, 1, 1])
    check(sc["lost"] == 1 and sc["duplicated"] == 1, "lost/duplicated miscounted")
    check(sc["order"] == ["b", "a", "c", "e"], "restriction to GT regions wrong")
    # articles [b a] [c e] read in the other order: the break a|c is still right
    sc = metrics.score(gt, ["c", "d", "a", "b"], [1, 1, 0, 0])
    check(sc["succ"] == 0.5 and sc["succ_article"] == 0.75, "article successor accuracy wrong")

    ro = ET.fromstring(
        '<ReadingOrder xmlns="urn:x"><UnorderedGroup id="u">'
        '<OrderedGroup id="o1"><RegionRefIndexed index="2" regionRef="c"/>'
        '<RegionRefIndexed index="0" regionRef="a"/>'
        '<UnorderedGroupIndexed index="1" id="n"><RegionRef regionRef="b"/></UnorderedGroupIndexed>'
        '</OrderedGroup><OrderedGroup id="o2"><RegionRefIndexed index="0" regionRef="d"/>'
        '</OrderedGroup></UnorderedGroup></ReadingOrder>')
    flat = pagexml.flatten_reading_order(ro)
    check([r for r, _ in flat] == ["a", "b", "c", "d"], f"flatten order wrong: {flat}")
    check(len({g for _, g in flat}) == 3 and flat[0][1] == flat[2][1], f"flatten groups wrong: {flat}")

    box = {"a": (0, 0, 10, 10), "b": (20, 0, 30, 10), "c": (0, 20, 10, 30), "d": (20, 20, 30, 30)}
    two_cols = {"a": (0, 0, 10, 10), "c": (0, 12, 10, 30), "b": (20, 5, 30, 14), "d": (20, 16, 30, 30)}
    check(baselines.row_sort(list(box.items()), 0) == ["a", "b", "c", "d"], "row sort wrong")
    check(baselines.xy_cut(list(two_cols.items())) == ["a", "c", "b", "d"], "xy-cut wrong")
    check(baselines.breuel(list(two_cols.items())) == ["a", "c", "b", "d"], "breuel wrong")

    files = sorted((REPO / "tests" / "data" / "page").rglob("*.xml"))
    check(len(files) > 0, "no test pages in tests/data/page")
    for f in files:
        data = f.read_bytes()
        for mode in ("shuffle", "sorted"):
            out, mapping = pagexml.destroy(data, 7, f.name, mode)
            for p in pagexml.check_destroyed(data, out, mapping):
                failures.append(f"{f.name} ({mode}): {p}")
            again, _ = pagexml.destroy(data, 7, f.name, mode)
            check(again == out, f"{f.name} ({mode}): destruction not deterministic")
        bare, mapping = pagexml.destroy(data, 7, f.name, "shuffle", strip_types=True)
        for p in pagexml.check_destroyed(data, bare, mapping):
            failures.append(f"{f.name} (types stripped): {p}")
        bare_page = pagexml.Page(bare, f.name)
        check(not any(e.get("type") is not None for e in bare_page.regions())
              and b"structure {" not in bare, f"{f.name}: types left after strip_types")
        shuffled7, _ = pagexml.destroy(data, 7, f.name, "shuffle")
        shuffled8, _ = pagexml.destroy(data, 8, f.name, "shuffle")
        check(shuffled7 != shuffled8, f"{f.name}: seeds 7 and 8 give the same copy")

    # end to end with a fake CLI: it must score exactly like the row-sort baseline
    with tempfile.TemporaryDirectory(prefix="colreflow-ro-selftest-") as d:
        cli = Path(d) / "fake-colreflow"
        cli.write_text(FAKE_CLI.format(python=sys.executable, here=str(HERE), band=DEFAULT_BAND),
                       encoding="utf-8")
        cli.chmod(cli.stat().st_mode | stat.S_IXUSR)
        args = argparse.Namespace(seed=3, sorted=False, shrink=DEFAULT_SHRINK, band=DEFAULT_BAND,
                                  baseline_only=False, colreflow=str(cli), timeout=60)
        for f in files[:2]:
            r = evaluate_page(f.stem, f, args, None)
            c, rs = r["colreflow"], r["methods"]["rowsort"]
            check(c.get("status") == "ok", f"fake colreflow on {f.name}: {c}")
            if c.get("status") == "ok":
                # same flattened order; the article variant can only add hits
                check(c["tau"] == rs["tau"] and c["succ"] == rs["succ"]
                      and c["succ_article"] >= rs["succ"], f"fake colreflow on {f.name}: figures differ")
                check(c["lost"] == 0 and c["duplicated"] == 0 and c["unknown_refs"] == 0,
                      f"fake colreflow on {f.name}: lost/dup/unknown")
                check(c["articles"] == 2, f"fake colreflow on {f.name}: articles")
        failing = Path(d) / "FAIL.xml"
        failing.write_text("<!-- FAIL -->", encoding="utf-8")
        ro_, err = run_colreflow(str(cli), failing, 60)
        check(ro_ is None and err == "exit 1: fake failure", f"failure report wrong: {err}")
        ro_, err = run_colreflow(str(Path(d) / "nonexistent"), failing, 60)
        check(ro_ is None and err.startswith("not found"), f"missing CLI report wrong: {err}")

    failures = [f for f in failures if f]
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print(f"self-test passed ({len(files)} pages destroyed in both modes)")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="PAGE files or directories (default: see above)")
    ap.add_argument("--colreflow", metavar="CLI", help="path of the colreflow command-line tool")
    ap.add_argument("--sorted", action="store_true",
                    help="destroy the order by sorting regions by (top, left) instead of shuffling")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"RNG seed (default {DEFAULT_SEED})")
    ap.add_argument("--strip-types", action="store_true",
                    help="also remove region @type and 'structure {..}' from custom in the input")
    ap.add_argument("--json", metavar="OUT", help="write all figures as JSON to OUT")
    ap.add_argument("--baseline-only", action="store_true", help="run only the baselines")
    ap.add_argument("--shrink", type=float, default=DEFAULT_SHRINK,
                    help=f"fraction of a box's size removed from each side for the shrunk XY-cut "
                         f"(default {DEFAULT_SHRINK})")
    ap.add_argument("--band", type=float, default=DEFAULT_BAND,
                    help=f"row-sort y band as a fraction of the page height (default {DEFAULT_BAND})")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per colreflow run (default 300)")
    ap.add_argument("--keep-inputs", metavar="DIR",
                    help="write the order-destroyed inputs to DIR (kept) instead of a temp dir")
    ap.add_argument("--shared-data", default=str(DEFAULT_SHARED),
                    help=f"folder of the data kept out of the repository (default {DEFAULT_SHARED})")
    ap.add_argument("--self-test", action="store_true", help="run the self-check and exit")
    args = ap.parse_args(argv)

    if args.self_test:
        return self_test()
    if not 0 <= args.shrink < 0.5:
        ap.error("--shrink must be in [0, 0.5)")
    if args.keep_inputs:
        os.makedirs(args.keep_inputs, exist_ok=True)

    inputs = collect_inputs(args)
    if not inputs:
        print("reading_order_eval: no input pages", file=sys.stderr)
        return 2
    results = [evaluate_page(label, path, args, args.keep_inputs) for label, path in inputs]
    names = method_names(args.shrink)
    with_colreflow = not args.baseline_only
    if not any("skipped" not in r for r in results):
        print_notes(results, False)
        print("reading_order_eval: no page with a reading order", file=sys.stderr)
        return 2
    summary = summarise(results, names, with_colreflow)
    mode = "sorted by (top, left)" if args.sorted else f"shuffled, seed {args.seed}"
    if args.strip_types:
        mode += ", region types removed"
    print(f"Region reading order vs. the human order; input regions {mode}; "
          f"cells: Kendall τ / successor accuracy.\n")
    print_table(results, summary, names, with_colreflow)
    print()
    print_notes(results, with_colreflow)
    if args.json:
        doc = {"seed": args.seed, "mode": "sorted" if args.sorted else "shuffle",
               "strip_types": args.strip_types,
               "shrink": args.shrink, "band": args.band, "baseline_only": args.baseline_only,
               "methods": names + (["colreflow"] if with_colreflow else []),
               "mean": summary, "pages": results}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
