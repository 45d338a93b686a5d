#!/usr/bin/env python3
"""Repair a directory of OCR pages on a Dask cluster, through the Python
bindings, one output file per page.

    python3 dask_repair.py IN_DIR OUT_DIR [--workers 2] [--format txt]
    python3 dask_repair.py IN_DIR OUT_DIR --scheduler tcp://host:8786

Every file in IN_DIR (any format colreflow reads) gives OUT_DIR/STEM.EXT,
named as `colreflow --output-dir` names it (page.hocr -> page.txt), with the
same bytes. Workers write their pages themselves, each to a temporary file
renamed into place, so a page's output is whole or absent; results stream
to disk as pages finish and nothing but a status travels back. A rerun
skips pages whose output exists (--overwrite redoes them), so an
interrupted run resumes. A page that cannot be read or repaired is
reported on standard error and the others are kept.

Without --scheduler a LocalCluster of --workers processes (one thread each)
runs on this machine; with it, an existing cluster does the work (e.g. one
started by dask-jobqueue on Slurm), whose workers must see IN_DIR and
OUT_DIR and have the colreflow package and library installed.

Exit status: 0 all pages repaired or skipped, 1 some page failed, 2 usage.
"""

import argparse
import os
import sys
import tempfile
import time

EXTENSIONS = {"txt": ".txt", "md": ".md", "json": ".json"}


def output_path(out_dir, path, fmt):
    """OUT_DIR/STEM.EXT, as the CLI's --output-dir names it."""
    base = os.path.basename(path)
    dot = base.rfind(".")
    stem = base[:dot] if dot > 0 else base
    return os.path.join(out_dir, stem + EXTENSIONS[fmt])


def _engine(options):
    """One colreflow.Engine per worker process, made on its first page."""
    import colreflow
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:  # not on a worker (run inline)
        worker = sys.modules[__name__]
    key = tuple(sorted(options.items()))
    cache = getattr(worker, "_colreflow_engines", None)
    if cache is None:
        cache = {}
        setattr(worker, "_colreflow_engines", cache)
    if key not in cache:
        cache[key] = colreflow.Engine(**options)
    return cache[key]


def repair_page(path, out_dir, fmt, options, overwrite):
    """Runs on a worker: ("repaired" | "skipped" | "failed", path, message)."""
    import colreflow

    target = output_path(out_dir, path, fmt)
    if not overwrite and os.path.exists(target):
        return "skipped", path, ""
    try:
        with _engine(options).repair(path) as result:
            data = result.render(fmt)
    except colreflow.ColreflowError as e:
        return "failed", path, str(e)
    fd, temp = tempfile.mkstemp(dir=out_dir, prefix="." + os.path.basename(target) + ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as e:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return "failed", path, f"{target}: {e.strerror}"
    return "repaired", path, ""


def list_pages(in_dir):
    return sorted(os.path.join(in_dir, n) for n in os.listdir(in_dir)
                  if not n.startswith(".") and os.path.isfile(os.path.join(in_dir, n)))


def run(client, pages, out_dir, fmt, options, overwrite, window, log=sys.stderr):
    """Submits pages with at most `window` in flight; returns the counts."""
    from distributed import as_completed

    counts = {"repaired": 0, "skipped": 0, "failed": 0}
    todo = iter(pages)
    done = as_completed()

    def submit_next():
        for page in todo:
            done.add(client.submit(repair_page, page, out_dir, fmt, options, overwrite,
                                   key=f"colreflow-{page}", pure=False))
            return True
        return False

    for _ in range(window):
        if not submit_next():
            break
    for future in done:
        try:
            status, page, message = future.result()
        except Exception as e:  # a worker died or the task raised: report, go on
            status, page, message = "failed", future.key.removeprefix("colreflow-"), repr(e)
        counts[status] += 1
        if status == "failed":
            print(f"colreflow: {message}" if message.startswith(page) else
                  f"colreflow: {page}: {message}", file=log, flush=True)
        submit_next()
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("in_dir")
    ap.add_argument("out_dir")
    ap.add_argument("-f", "--format", choices=sorted(EXTENSIONS), default="txt")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster processes (default 2)")
    ap.add_argument("--scheduler", help="address of an existing Dask scheduler")
    ap.add_argument("--lang", help="Tesseract languages for images (default chi_sim+eng)")
    ap.add_argument("--overwrite", action="store_true", help="redo pages already done")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.in_dir):
        ap.error(f"{args.in_dir}: not a directory")
    os.makedirs(args.out_dir, exist_ok=True)
    options = {"lang": args.lang} if args.lang else {}

    # Tesseract's OpenMP threads contend with the workers' own: one each.
    # Set before the worker processes start, which read it once.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from distributed import Client, LocalCluster

    pages = list_pages(args.in_dir)
    started = time.monotonic()
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
        slots = sum(client.nthreads().values()) or 1
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        slots = args.workers
    try:
        counts = run(client, pages, args.out_dir, args.format, options, args.overwrite,
                     window=4 * slots)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"colreflow: {counts['repaired']} repaired, {counts['skipped']} skipped, "
          f"{counts['failed']} failed ({time.monotonic() - started:.1f} s)", file=sys.stderr)
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
