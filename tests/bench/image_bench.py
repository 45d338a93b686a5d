#!/usr/bin/env python3
"""Images: Tesseract alone vs colreflow on the same scans, and batch throughput.

    python3 tests/bench/image_bench.py --colreflow build/cli/colreflow [--runs 3] [--batch 8]

For each scan (the bundled sample and the test page, or --image PATH:LANG):
  - `tesseract IMAGE OUT -l LANG hocr`           (Tesseract alone, its CLI)
  - `colreflow --lang LANG IMAGE`                (Tesseract through its API, then the repair)
  - `colreflow OUT.hocr`                         (the repair alone, on Tesseract's hOCR)
colreflow's own share is the repair alone over the whole colreflow run (the
repair's own process start included, so it is an upper bound).
Batch: --batch pages (the scans repeated) through `colreflow -O DIR -j 1` and
`-j 2`, pages per minute; each worker keeps its Tesseract between pages.
Wall time, OMP_THREAD_LIMIT=1 throughout (docs/threading.md), median of --runs.
Prints a Markdown table; measures, never fails on the figures.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_IMAGES = [os.path.join(ROOT, "samples/old-street-renewal.png") + ":chi_sim+eng",
                  os.path.join(ROOT, "tests/data/images/en_gpl3.png") + ":eng"]


def timed(cmd, env):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--colreflow", required=True)
    ap.add_argument("--tesseract", default="tesseract")
    ap.add_argument("--image", action="append", help="PATH:LANG (repeatable)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=8, help="pages in the batch runs (0: none)")
    a = ap.parse_args()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    images = [s.rsplit(":", 1) for s in (a.image or DEFAULT_IMAGES)]
    work = tempfile.mkdtemp(prefix="colreflow-image-bench-")
    try:
        print("| scan | tesseract alone (s) | colreflow (s) | repair alone (s) | colreflow's share |")
        print("|---|---:|---:|---:|---:|")
        for path, lang in images:
            base = os.path.join(work, os.path.splitext(os.path.basename(path))[0])
            tess, crf, alone = [], [], []
            for _ in range(a.runs):
                tess.append(timed([a.tesseract, path, base, "-l", lang, "hocr"], env))
                crf.append(timed([a.colreflow, "--lang", lang, path], env))
                alone.append(timed([a.colreflow, base + ".hocr"], env))
            t, c, r = (statistics.median(x) for x in (tess, crf, alone))
            print(f"| {os.path.basename(path)} | {t:.2f} | {c:.2f} | {r:.3f} | {100 * r / c:.2f}% |")

        if a.batch == 0:
            return
        # Batch: the scans repeated, one language for all (chi_sim+eng reads both).
        pages = []
        for k in range(a.batch):
            src = images[k % len(images)][0]
            dst = os.path.join(work, f"page{k:03d}{os.path.splitext(src)[1]}")
            shutil.copyfile(src, dst)
            pages.append(dst)
        # Tesseract's hOCR of each batch page, for the repair alone in a batch
        # (one process: the word list and dictionaries load once, as they do
        # for the images).
        hocrs = []
        for k, src in enumerate(pages):
            lang = images[k % len(images)][1]
            base = os.path.join(work, f"page{k:03d}")
            subprocess.run([a.tesseract, src, base, "-l", lang, "hocr"], check=True, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            hocrs.append(base + ".hocr")
        print()
        print("| batch | pages | wall (s) | pages/min | vs -j 1 |")
        print("|---|---:|---:|---:|---:|")
        one = None
        image_wall = None
        for jobs in (1, 2):
            walls = []
            for _ in range(a.runs):
                out = os.path.join(work, f"out-j{jobs}")
                shutil.rmtree(out, ignore_errors=True)
                walls.append(timed([a.colreflow, "--lang", "chi_sim+eng", "-j", str(jobs),
                                    "-O", out] + pages, env))
            w = statistics.median(walls)
            rate = 60 * len(pages) / w
            one = one or rate
            image_wall = image_wall or w
            print(f"| `-j {jobs}` | {len(pages)} | {w:.2f} | {rate:.1f} | {rate / one:.2f}x |")
        walls = []
        for _ in range(a.runs):
            out = os.path.join(work, "out-hocr")
            shutil.rmtree(out, ignore_errors=True)
            walls.append(timed([a.colreflow, "-O", out] + hocrs, env))
        w = statistics.median(walls)
        print(f"| repair alone, Tesseract's hOCR of the same pages, `-j 1` | {len(hocrs)} | {w:.2f} "
              f"| {60 * len(hocrs) / w:.0f} | share of `-j 1`: {100 * w / image_wall:.2f}% |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
