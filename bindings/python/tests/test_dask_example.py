"""The Dask example on a LocalCluster of 2 workers: over 50 pages of every
text and geometry format plus one bad page, it writes what
`colreflow --output-dir` writes, byte for byte, reports the bad page and
keeps the rest; a rerun skips what is done."""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("distributed")

ROOT = pathlib.Path(os.environ.get("COLREFLOW_SOURCE_DIR",
                                   pathlib.Path(__file__).resolve().parents[3]))
EXAMPLE = ROOT / "bindings/python/examples/dask_repair.py"
CLI = os.environ.get("COLREFLOW_CLI")


def make_pages(into: pathlib.Path) -> int:
    """Copies the test inputs, named by format, and adds reordered copies
    of the plain-text articles (their blank-line chunks rotated: the kind of
    damage colreflow repairs). Returns how many good pages there are."""
    n = 0
    for sub, pattern in [("articles", "*.txt"), ("hocr", "*.hocr"), ("tsv", "*.tsv"),
                         ("alto", "*.xml"), ("page", "*/*.xml")]:
        for src in sorted((ROOT / "tests/data" / sub).glob(pattern)):
            shutil.copy(src, into / f"{sub}_{src.parent.name}_{src.name}")
            n += 1
            if sub == "articles":
                chunks = src.read_text(encoding="utf-8").split("\n\n")
                for k in (1, 2):
                    rotated = chunks[k % len(chunks):] + chunks[:k % len(chunks)]
                    (into / f"rot{k}_{src.name}").write_text("\n\n".join(rotated),
                                                             encoding="utf-8")
                    n += 1
    shutil.copy(ROOT / "samples/wuxi-police-conference.ocr.txt", into / "wuxi.txt")
    (into / "bad.txt").write_bytes(b"a page that is not UTF-8: \xff\xfe\n")
    return n + 1


@pytest.mark.skipif(not CLI, reason="COLREFLOW_CLI not set")
@pytest.mark.parametrize("fmt", ["txt"])
def test_dask_example_matches_the_cli(tmp_path, fmt):
    pages, dask_out, cli_out = tmp_path / "pages", tmp_path / "dask", tmp_path / "cli"
    pages.mkdir()
    cli_out.mkdir()
    good = make_pages(pages)
    assert good >= 50
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    files = sorted(str(p) for p in pages.iterdir())
    cli = subprocess.run([CLI, "-f", fmt, "-j", "2", "-O", str(cli_out)] + files,
                         capture_output=True, text=True, env=env)
    assert cli.returncode == 1, cli.stderr
    run = subprocess.run([sys.executable, str(EXAMPLE), str(pages), str(dask_out), "-f", fmt,
                          "--workers", "2"], capture_output=True, text=True, env=env,
                         timeout=300)
    assert run.returncode == 1, run.stderr
    assert f"{pages / 'bad.txt'}: invalid UTF-8" in run.stderr
    assert f"{good} repaired, 0 skipped, 1 failed" in run.stderr

    made = sorted(p.name for p in dask_out.iterdir())
    assert made == sorted(p.name for p in cli_out.iterdir())
    assert len(made) == good and "bad.txt" not in made
    for name in made:
        assert (dask_out / name).read_bytes() == (cli_out / name).read_bytes(), name

    # A rerun resumes: nothing is redone, the bad page fails again.
    (dask_out / made[0]).unlink()
    again = subprocess.run([sys.executable, str(EXAMPLE), str(pages), str(dask_out), "-f", fmt,
                            "--workers", "2"], capture_output=True, text=True, env=env,
                           timeout=300)
    assert again.returncode == 1
    assert f"1 repaired, {good - 1} skipped, 1 failed" in again.stderr
    assert (dask_out / made[0]).read_bytes() == (cli_out / made[0]).read_bytes()
