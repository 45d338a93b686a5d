"""Tests of the Python bindings, run by ctest against the build tree
(COLREFLOW_LIBRARY) and by tests/install against an installed prefix."""

import json
import os
import pathlib
import subprocess
import threading

import pytest

import colreflow

ROOT = pathlib.Path(os.environ.get("COLREFLOW_SOURCE_DIR",
                                   pathlib.Path(__file__).resolve().parents[3]))
SAMPLE = ROOT / "samples" / "wuxi-police-conference.ocr.txt"
CLI = os.environ.get("COLREFLOW_CLI")  # the colreflow program, when the test has one

GEOMETRY = [
    ("hocr", ROOT / "tests/data/hocr/en_jump3.hocr"),
    ("tsv", ROOT / "tests/data/tsv/zh_traffic3.tsv"),
    ("alto", ROOT / "tests/data/alto/hand_v4.xml"),
    ("page", ROOT / "tests/data/page/reichsanzeiger/1870_244_0431.xml"),
]


def test_version_matches_the_library():
    assert colreflow.version() == "0.1.0"
    assert "colreflow" in colreflow.library_path()


@pytest.mark.parametrize("as_type", ["str", "bytes", "path", "str_path"])
def test_sources_of_every_type_give_the_same_text(as_type):
    data = SAMPLE.read_bytes()
    source = {"str": data.decode("utf-8"), "bytes": data, "path": SAMPLE,
              "str_path": str(SAMPLE)}[as_type]
    result = colreflow.repair(source)
    assert result.text == colreflow.repair(data).text
    assert result.text.startswith("全市公安工作会议召开")
    assert result.input_format == "text"


def test_a_path_names_the_document_and_text_does_not():
    assert colreflow.repair(SAMPLE).json()["source"] == str(SAMPLE)
    assert colreflow.repair(SAMPLE.read_bytes()).json()["source"] == "<input>"
    assert colreflow.repair(SAMPLE.read_bytes(), name="p1.txt").json()["source"] == "p1.txt"


def test_text_markdown_json_repairs_and_articles_agree():
    r = colreflow.repair(SAMPLE)
    doc = r.json()
    assert r.markdown.startswith("# 全市公安工作会议召开")
    assert [x.kind for x in r.repairs] == [x["kind"] for x in doc["repairs"]]
    assert [round(x.confidence, 2) for x in r.repairs] == [x["confidence"] for x in doc["repairs"]]
    assert len(r.articles) == len(doc["articles"])
    for art, jart in zip(r.articles, doc["articles"]):
        assert [u.text for u in art.units] == [u["text"] for u in jart["units"]]
        assert [list(u.source_lines) for u in art.units] == [u["source_lines"] for u in jart["units"]]
        assert [u.role for u in art.units] == [u["role"] for u in jart["units"]]
    assert len(r.blocks) == doc["stats"]["blocks"]
    assert r.regions == [] and r.page_size is None
    assert "36 repairs" in r.report


@pytest.mark.parametrize("fmt,path", GEOMETRY, ids=[g[0] for g in GEOMETRY])
def test_geometry_inputs_have_regions_in_reading_order(fmt, path):
    r = colreflow.repair(path, fmt=fmt)
    assert r.input_format == fmt
    doc = r.json()
    assert [g.id for g in r.regions] == [g["id"] for g in doc["page"]["regions"]]
    assert [list(g.bbox) for g in r.regions] == [g["bbox"] for g in doc["page"]["regions"]]
    assert [g.position for g in r.regions] == list(range(len(r.regions)))
    assert r.page_size == (doc["page"]["width"], doc["page"]["height"])
    assert len(r.source()) > 0


def test_the_wrong_format_is_refused_with_the_library_message():
    with pytest.raises(colreflow.InvalidInputError) as e:
        colreflow.repair(GEOMETRY[0][1], fmt="alto")
    assert e.value.status == "invalid"
    assert str(GEOMETRY[0][1]) in str(e.value)


@pytest.mark.parametrize("source,error,status,needle", [
    (b"abc\xc3(", colreflow.InvalidInputError, "invalid", "<input>: invalid UTF-8 at byte 4"),
    (pathlib.Path("/nonexistent/page.hocr"), colreflow.NotFoundError, "not_found",
     "/nonexistent/page.hocr: cannot open"),
])
def test_errors_carry_code_and_message(source, error, status, needle):
    with pytest.raises(error) as e:
        colreflow.repair(source)
    assert e.value.status == status
    assert e.value.code < 0
    assert needle in str(e.value)
    assert isinstance(e.value, colreflow.ColreflowError)


def test_limits_and_bad_arguments():
    with pytest.raises(colreflow.LimitError, match="limit of 10 bytes"):
        colreflow.repair(SAMPLE, max_input_bytes=10)
    with pytest.raises(colreflow.UsageError, match="unknown input format"):
        colreflow.repair("x", fmt="docx")
    with pytest.raises(colreflow.UsageError, match="unknown repair"):
        colreflow.repair("x", repairs={"order", "magic"})
    with pytest.raises(colreflow.UsageError, match="plain text"):
        colreflow.repair("x\n").source()
    with pytest.raises(TypeError):
        colreflow.repair(42)


@pytest.mark.parametrize("left_out,kinds", [
    ("order", {"block_moved", "heading_placed"}),
    ("join", {"line_join", "column_join"}),
    ("spacing", {"spacing"}),
])
def test_a_repair_left_out_is_not_made(left_out, kinds):
    full = colreflow.repair(SAMPLE)
    assert kinds & {x.kind for x in full.repairs}
    some = colreflow.repair(SAMPLE, repairs=set(colreflow.REPAIRS) - {left_out})
    assert not kinds & {x.kind for x in some.repairs}
    assert some.text != full.text


def test_headings_left_out_leaves_no_heading():
    r = colreflow.repair(SAMPLE, repairs=["order", "join", "spacing"])
    roles = {u.role for a in r.articles for u in a.units}
    assert "headline" not in roles and "subheading" not in roles


def test_results_close_and_values_outlive_them():
    with colreflow.repair(SAMPLE) as r:
        text, repairs = r.text, r.repairs
    assert text and repairs
    assert r.text == text  # cached
    with pytest.raises(colreflow.UsageError, match="closed"):
        r.render("json")


def test_one_engine_on_8_threads_gives_the_bytes_of_one():
    pages = [SAMPLE] + [p for _, p in GEOMETRY]
    with colreflow.Engine() as engine:
        expected = [engine.repair(p).render("json") for p in pages]
        got = [[] for _ in range(8)]

        def work(t):
            for k in range(2 * len(pages)):
                got[t].append(engine.repair(pages[(k + t) % len(pages)]).render("json"))

        threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    for t in range(8):
        assert got[t] == [expected[(k + t) % len(pages)] for k in range(2 * len(pages))]


def test_engine_options_apply_to_every_page():
    with colreflow.Engine(repairs={"order", "join", "headings"}) as e:
        r = e.repair(SAMPLE)
        assert "spacing" not in {x.kind for x in r.repairs}
        assert e.repair(SAMPLE.read_bytes(), name="n.txt").json()["source"] == "n.txt"
    with pytest.raises(colreflow.UsageError):
        e.repair(SAMPLE)


@pytest.mark.skipif(not CLI, reason="COLREFLOW_CLI not set")
@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_output_is_the_cli_output_byte_for_byte(fmt):
    for path in [SAMPLE] + [p for _, p in GEOMETRY]:
        cli = subprocess.run([CLI, "-f", fmt, str(path)], check=True, capture_output=True).stdout
        assert colreflow.repair(path).render(fmt) == cli


@pytest.mark.skipif(not (ROOT / "tests/data/images/en_gpl3.png").exists(), reason="no image")
def test_an_image_is_read_through_tesseract():
    r = colreflow.repair(ROOT / "tests/data/images/en_gpl3.png", lang="eng")
    assert r.input_format == "image"
    assert len(r.regions) >= 3
    assert "GNU" in r.text
    png = r.overlay(ROOT / "tests/data/images/en_gpl3.png")
    assert png.startswith(b"\x89PNG")
