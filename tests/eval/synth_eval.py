#!/usr/bin/env python3
"""synth_eval.py - colreflow on synthetic newspaper pages with exact ground truth.

Usage:
  python3 tests/eval/synth_eval.py --colreflow PATH [--out DIR] [--quick | --grid | --heldout | --dev]
          [--image] [--json OUT] [--md OUT] [--jobs N] [--only REGEX] [--tools DIR]

For every page of a fixed, seeded set (tests/eval/synth/pageset.py: Chinese 3/5
columns, English 3/4 columns, both languages also 2 and 6 columns; layouts single,
partial, jump; clean and --noise; with and without --rules; or with --heldout the
grid's shape from held-out specs, seeds and page sizes, named ho_*; or with --dev
the grid's shape and specs with other seeds and page sizes, named dev_*) it

  1. renders the page with the synth tools' newspage.py (PNG + NAME.gt.json),
  2. runs `tesseract page.png tess -l eng|chi_sim txt hocr tsv`,
  3. runs `colreflow -f txt` on the hOCR and on the TSV (and with --image on the
     page image itself, the route of `colreflow page.png`),
  4. scores Tesseract's own .txt and both colreflow outputs with score.py,

and prints one markdown table (per page, a mean row per language) and a summary of
the project's targets.  Steps 1-2 are cached in --out, keyed by the spec's content,
the options, newspage.py's content and the Tesseract version, so a rerun only
repeats steps 3-4 (seconds).  Pages run --jobs at a time (default 2), each
Tesseract single-threaded (OMP_THREAD_LIMIT=1).

Besides score.py's figures the harness computes one of its own, "rec CER": the
order-free character error of an output, i.e. the CER against the ground truth
with the GT blocks re-ordered the way the output orders them (blocks located by
score.py; unlocated blocks stay after their GT predecessor).  For Tesseract's .txt
this is Tesseract's own character error, the reference of the target
"order-CER of colreflow no more than 0.5 points above Tesseract's own error".
For Chinese pages it also counts score.py's join errors (whitespace between two
characters of one unit) in paragraphs only, the issue's "no whitespace inside
rejoined Chinese paragraphs"; score.py's own count takes headings in too.

The synth tools (newspage.py, score.py) are not part of colreflow: --tools, else
$COLREFLOW_SYNTH_TOOLS, else /work/shared/tools/synth.  newspage.py needs a Python
with PIL (python3-pil) and fonts-noto-cjk / fonts-dejavu: --python, else
/usr/bin/python3.
"""
import argparse
import concurrent.futures
import datetime
import hashlib
import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from synth import pageset  # noqa: E402

LOCAL_SPECS = os.path.join(HERE, "synth", "specs")
OUTPUTS = ["tesseract", "colreflow-hocr", "colreflow-tsv"]  # + "colreflow-image" with --image
TESS_LANG = {"zh": "chi_sim", "en": "eng"}
_print_lock = threading.Lock()


def log(msg):
    with _print_lock:
        print(msg, file=sys.stderr, flush=True)


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def spec_path(spec, tools):
    kind, name = spec.split(":", 1)
    return os.path.join(LOCAL_SPECS if kind == "local" else os.path.join(tools, "specs"), name)


def load_score_module(tools):
    """score.py's Levenshtein and whitespace stripping, for the order-free CER."""
    sp = importlib.util.spec_from_file_location("synth_score", os.path.join(tools, "score.py"))
    mod = importlib.util.module_from_spec(sp)
    sp.loader.exec_module(mod)
    return mod


def run(cmd, env=None, timeout=900):
    t0 = time.time()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                       timeout=timeout)
    return p, time.time() - t0


class Harness:
    def __init__(self, args):
        self.args = args
        self.tools = args.tools
        self.out = os.path.abspath(args.out)
        self.newspage = os.path.join(self.tools, "newspage.py")
        self.scorepy = os.path.join(self.tools, "score.py")
        self.newspage_sha = sha256_file(self.newspage)
        p, _ = run([args.tesseract, "--version"])
        self.tess_version = (p.stdout or p.stderr).decode("utf-8", "replace").splitlines()[0].strip()
        self.score_mod = load_score_module(self.tools)

    # -- steps 1-2, cached -------------------------------------------------
    def page_dir(self, page):
        spec = spec_path(page["spec"], self.tools)
        key = {"spec_sha": sha256_file(spec), "newspage_sha": self.newspage_sha,
               "tesseract": self.tess_version, "tess_lang": TESS_LANG[page["lang"]],
               "opts": self.gen_args(page)}
        digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:12]
        return os.path.join(self.out, "pages", "%s-%s" % (page["name"], digest)), key

    @staticmethod
    def gen_args(page):
        a = ["--columns", str(page["columns"]), "--layout", page["layout"],
             "--seed", str(page["seed"])]
        if page["rules"]:
            a.append("--rules")
        if page["noise"]:
            a.append("--noise")
        # held-out and dev pages only: other page widths, type sizes, tails (main-grid keys unchanged)
        for k, v in sorted(page.get("render", {}).items()):
            a += ["--" + k.replace("_", "-"), str(v)]
        return a

    def prepare(self, page):
        d, key = self.page_dir(page)
        done = os.path.join(d, "cache.done")
        info = {"dir": d, "cached": os.path.exists(done)}
        if info["cached"]:
            return info
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        spec = spec_path(page["spec"], self.tools)
        p, dt = run([self.args.python, self.newspage, spec, d, "--name", "page"] + self.gen_args(page))
        if p.returncode != 0:
            raise RuntimeError("newspage.py failed on %s: %s" % (page["name"], p.stderr.decode()[-2000:]))
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        p, dt2 = run([self.args.tesseract, os.path.join(d, "page.png"), os.path.join(d, "tess"),
                      "-l", TESS_LANG[page["lang"]], "txt", "hocr", "tsv"], env=env)
        if p.returncode != 0:
            raise RuntimeError("tesseract failed on %s: %s" % (page["name"], p.stderr.decode()[-2000:]))
        with open(os.path.join(d, "cache.json"), "w") as f:
            json.dump({"page": page, "key": key, "newspage_seconds": round(dt, 2),
                       "tesseract_seconds": round(dt2, 2)}, f, indent=1)
        with open(done, "w") as f:
            f.write("ok\n")
        info["newspage_seconds"], info["tesseract_seconds"] = round(dt, 2), round(dt2, 2)
        return info

    # -- steps 3-4 ---------------------------------------------------------
    def colreflow(self, d, src, dst, extra=(), env=None):
        p, dt = run([self.args.colreflow, "-f", "txt"] + list(extra) + [os.path.join(d, src)],
                    env=env, timeout=300)
        with open(os.path.join(d, dst), "wb") as f:
            f.write(p.stdout)
        return {"rc": p.returncode, "seconds": round(dt, 3),
                "stderr": p.stderr.decode("utf-8", "replace")[-500:]}

    def rec_cer(self, gt, out_text, block_detail):
        """CER against the GT blocks put in the order the output has them (or in GT
        order, whichever is closer)."""
        blocks = gt["blocks"]
        keyed, last = [], -1.0
        for i, (b, r) in enumerate(zip(blocks, block_detail)):
            if r["matched"] and r["start"] is not None:
                last = float(r["start"])
                keyed.append((last, i, b["text"]))
            else:
                keyed.append((last + 1e-6 * (i + 1), i, b["text"]))
        keyed.sort()
        sm = self.score_mod
        ref, _ = sm.strip_map("".join(t for _, _, t in keyed))
        out, _ = sm.strip_map(out_text)
        best = sm.levenshtein(ref, out)
        if ref != self._gt_stripped(gt):
            # a block located in the wrong place (e.g. a headline whose words recur in the
            # body) must not make the "order-free" error exceed the plain order_cer
            best = min(best, sm.levenshtein(self._gt_stripped(gt), out))
        return round(best / max(1, len(ref)), 4)

    def paragraph_joins(self, gt, text):
        """score.py's zh join errors counted in paragraphs (body units) only: the issue's
        "no whitespace inside rejoined Chinese paragraphs" (headings keep phrase spaces)."""
        sc = self.score_mod.Scorer(gt, text)
        sc.align_blocks()
        sc.umap = {u: m for u, m in sc.umap.items() if sc.units[u][1] == "body"}
        return sc.joins_zh()["join_errors"]

    def _gt_stripped(self, gt):
        return self.score_mod.strip_map("".join(b["text"] for b in gt["blocks"]))[0]

    def score(self, d, gt, name):
        path = os.path.join(d, name)
        p, _ = run([sys.executable, self.scorepy, os.path.join(d, "page.gt.json"), path, "--detail"])
        if p.returncode != 0:
            raise RuntimeError("score.py failed on %s: %s" % (path, p.stderr.decode()[-2000:]))
        res = json.loads(p.stdout.decode("utf-8"))
        detail = res.pop("block_detail")
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        res["rec_cer"] = self.rec_cer(gt, text, detail)
        if gt.get("lang") == "zh":
            res["para_join_errors"] = self.paragraph_joins(gt, text)
        res["missing_blocks"] = [r["id"] for r in detail if not r["matched"]]
        res["block_starts"] = {r["id"]: r["start"] for r in detail}
        res.pop("gt", None)
        res.pop("output", None)
        return res

    def do_page(self, page):
        t0 = time.time()
        info = self.prepare(page)
        d = info["dir"]
        runs = {"colreflow-hocr": self.colreflow(d, "tess.hocr", "colreflow-hocr.txt"),
                "colreflow-tsv": self.colreflow(d, "tess.tsv", "colreflow-tsv.txt")}
        if self.args.image:
            # The command users run on a scan: Tesseract through colreflow's own
            # API calls, not cached (it is part of what is measured).
            runs["colreflow-image"] = self.colreflow(
                d, "page.png", "colreflow-image.txt", ["--lang", TESS_LANG[page["lang"]]],
                env=dict(os.environ, OMP_THREAD_LIMIT="1"))
        with open(os.path.join(d, "page.gt.json"), encoding="utf-8") as f:
            gt = json.load(f)
        scores = {"tesseract": self.score(d, gt, "tess.txt")}
        for o in runs:
            scores[o] = self.score(d, gt, o + ".txt")
        log("  %-28s %s %5.1fs" % (page["name"], "cached" if info["cached"] else "new   ",
                                   time.time() - t0))
        return dict(page, dir=d, cached=info["cached"], colreflow=runs, scores=scores,
                    noise_params=gt.get("noise"), gt_blocks=len(gt["blocks"]),
                    tesseract_seconds=info.get("tesseract_seconds"))


# -- report ------------------------------------------------------------------

def fmt(x, nd=3, pct=False):
    if x is None:
        return "-"
    return ("%.1f" % (100 * x)) if pct else ("%.*f" % (nd, x))


def join_cells(lang, s):
    if lang == "zh":
        return str(s["join_errors"])
    jd = s["join_detail"]
    return "%d/%d/%d" % (jd["split_words"], jd["merged_words"], jd["leftover_hyphens"])


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def table(results):
    head = ["page", "cols", "layout", "noise", "rules", "tess rec CER%"]
    for o in OUTPUTS:
        head += ["%s tau" % o, "CER%", "pF1", "head", "join"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for lang in ("zh", "en"):
        rs = [r for r in results if r["lang"] == lang]
        if not rs:
            continue
        for r in rs:
            name = r["name"]
            bad = [o for o in OUTPUTS[1:] if r["colreflow"][o]["rc"] != 0]
            if bad:
                name += " (colreflow rc %s)" % ",".join(str(r["colreflow"][o]["rc"]) for o in bad)
            row = [name, str(r["columns"]), r["layout"], "yes" if r["noise"] else "no",
                   "yes" if r["rules"] else "no", fmt(r["scores"]["tesseract"]["rec_cer"], pct=True)]
            for o in OUTPUTS:
                s = r["scores"][o]
                row += [fmt(s["block_order_tau"]), fmt(s["order_cer"], pct=True), fmt(s["para_f1"], 2),
                        fmt(s["heading_placement"], 2), join_cells(lang, s)]
            lines.append("| " + " | ".join(row) + " |")
        row = ["**mean %s** (%d pages)" % (lang, len(rs)), "", "", "", "",
               fmt(mean(r["scores"]["tesseract"]["rec_cer"] for r in rs), pct=True)]
        for o in OUTPUTS:
            ss = [r["scores"][o] for r in rs]
            if lang == "zh":
                j = "%.1f" % mean(s["join_errors"] for s in ss)
            else:
                j = "/".join("%.1f" % mean(s["join_detail"][k] for s in ss)
                             for k in ("split_words", "merged_words", "leftover_hyphens"))
            row += ["**%s**" % fmt(mean(s["block_order_tau"] for s in ss)),
                    "**%s**" % fmt(mean(s["order_cer"] for s in ss), pct=True),
                    "**%s**" % fmt(mean(s["para_f1"] for s in ss), 2),
                    "**%s**" % fmt(mean(s["heading_placement"] for s in ss), 2), "**%s**" % j]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def targets(results):
    """Pages meeting each target, per language and output."""
    head = ["lang", "output", "pages", "tau >= 0.98", "all headings placed",
            "CER <= tess rec CER + 0.5", "CER <= tess CER + 0.5", "zh: no whitespace joins",
            "zh: none in paragraphs", "pF1 >= 0.9", "headings >= 0.95", "mean rec CER%"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for lang in ("zh", "en"):
        rs = [r for r in results if r["lang"] == lang]
        if not rs:
            continue
        for o in OUTPUTS:
            n = len(rs)
            ss = [(r["scores"][o], r["scores"]["tesseract"]) for r in rs]
            c_tau = sum(1 for s, _ in ss if s["block_order_tau"] is not None and s["block_order_tau"] >= 0.98)
            c_head = sum(1 for s, _ in ss if s["heading_placement"] == 1.0)
            c_rec = sum(1 for s, t in ss if s["order_cer"] <= t["rec_cer"] + 0.005)
            c_cer = sum(1 for s, t in ss if s["order_cer"] <= t["order_cer"] + 0.005)
            c_ws = str(sum(1 for s, _ in ss if s["join_errors"] == 0)) if lang == "zh" else "-"
            c_pws = str(sum(1 for s, _ in ss if s.get("para_join_errors") == 0)) if lang == "zh" else "-"
            c_pf1 = sum(1 for s, _ in ss if s["para_f1"] is not None and s["para_f1"] >= 0.9)
            c_h95 = sum(1 for s, _ in ss if s["heading_placement"] is not None
                        and s["heading_placement"] >= 0.95)
            lines.append("| %s | %s | %d | %d | %d | %d | %d | %s | %s | %d | %d | %s |" % (
                lang, o, n, c_tau, c_head, c_rec, c_cer, c_ws, c_pws, c_pf1, c_h95,
                fmt(mean(s["rec_cer"] for s, _ in ss), pct=True)))
    return "\n".join(lines)


def machine():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--colreflow", required=True, help="path of the colreflow CLI")
    ap.add_argument("--out", default=os.path.join("/tmp", "colreflow-synth-eval"),
                    help="work and cache directory (default /tmp/colreflow-synth-eval)")
    ap.add_argument("--quick", action="store_true", help="4 pages only (smoke run)")
    ap.add_argument("--grid", action="store_true",
                    help="the main grid only (zh 3/5, en 3/4 columns, clean and noisy: 24 pages)")
    ap.add_argument("--heldout", action="store_true",
                    help="the held-out set instead (the grid's shape from specs, seeds and sizes "
                         "no rule is tuned on: 24 pages named ho_*)")
    ap.add_argument("--dev", action="store_true",
                    help="the development set instead (the grid's shape and specs, other seeds "
                         "and page sizes: 24 pages named dev_*, free to look at)")
    ap.add_argument("--image", action="store_true",
                    help="also run colreflow straight on each page image (Tesseract through "
                         "its API, about 10 s a page, not cached) and score it as colreflow-image")
    ap.add_argument("--json", help="write all figures to this file")
    ap.add_argument("--md", help="also write the tables to this file")
    ap.add_argument("--jobs", type=int, default=2, help="pages at a time (default 2)")
    ap.add_argument("--only", help="only pages whose name matches this regex")
    ap.add_argument("--tools", default=os.environ.get("COLREFLOW_SYNTH_TOOLS", "/work/shared/tools/synth"))
    ap.add_argument("--python", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3")
                    else sys.executable, help="Python with PIL, for newspage.py")
    ap.add_argument("--tesseract", default="tesseract")
    args = ap.parse_args()
    args.colreflow = os.path.abspath(args.colreflow)
    for path in (args.colreflow, os.path.join(args.tools, "newspage.py"), os.path.join(args.tools, "score.py")):
        if not os.path.exists(path):
            ap.error("not found: %s" % path)

    if sum((args.quick, args.grid, args.heldout, args.dev)) > 1:
        ap.error("--quick, --grid, --heldout and --dev exclude each other")
    pages = (pageset.quick_pages() if args.quick else
             pageset.grid_pages() if args.grid else
             pageset.heldout_pages() if args.heldout else
             pageset.dev_pages() if args.dev else pageset.all_pages())
    if args.image:
        OUTPUTS.append("colreflow-image")
    if args.only:
        pages = [p for p in pages if re.search(args.only, p["name"])]
    if not pages:
        ap.error("no pages selected")
    h = Harness(args)
    t0 = time.time()
    log("synth_eval: %d pages, %d at a time, cache %s" % (len(pages), args.jobs, h.out))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results = list(ex.map(h.do_page, pages))
    wall = time.time() - t0

    p, _ = run([args.colreflow, "--version"])
    version = p.stdout.decode("utf-8", "replace").strip()
    repo = os.path.dirname(os.path.dirname(HERE))
    try:
        head = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL).stdout.decode().strip()
        dirty = subprocess.run(["git", "-C", repo, "status", "--porcelain", "--", "lib", "include", "cli"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
        if head and dirty:
            head += " + uncommitted changes in lib/include/cli"
    except OSError:
        head = ""
    meta = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine(), "cpus": os.cpu_count(), "tesseract": h.tess_version,
            "colreflow": args.colreflow, "colreflow_version": version, "git": head,
            "pages": len(results), "jobs": args.jobs, "wall_seconds": round(wall, 1),
            "quick": args.quick, "heldout": args.heldout, "dev": args.dev}
    text = ("%s pages, %s, %s (%d CPUs), %s, %s (git %s); %d pages in %.0f s\n\n" % (
        "Held-out synthetic" if args.heldout else "Development synthetic" if args.dev else "Synthetic", meta["date"], meta["machine"],
        meta["cpus"], meta["tesseract"], version or "colreflow", head or "?", len(results), wall))
    text += ("Per output: tau = block_order_tau, CER% = order_cer x 100, pF1 = paragraph-break F1, "
             "head = heading_placement, join = zh: whitespace runs inside paragraphs, "
             "en: split/merged words/leftover hyphens.  tess rec CER% = Tesseract's order-free "
             "character error.\n\n")
    text += table(results) + "\n\nTargets (pages meeting each):\n\n" + targets(results) + "\n"
    print(text)
    if args.md:
        with open(args.md, "w", encoding="utf-8") as f:
            f.write(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"meta": meta, "pages": results}, f, ensure_ascii=False, indent=1)
    log("synth_eval: done in %.0f s" % wall)


if __name__ == "__main__":
    main()
