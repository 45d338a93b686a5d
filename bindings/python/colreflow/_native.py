"""The C API of libcolreflow through ctypes: the library located and loaded,
every function given its argtypes and restype. Nothing Pythonic here; see
__init__.py for the API (the layering of re2's _re2 and re2.py)."""

import ctypes
import ctypes.util
import glob
import os
from pathlib import Path

SONAME = "libcolreflow.so.0"
# The struct below is version 3's; the library reads no field beyond it
# (engine_outputs, version 4, is not used from Python).
OPTIONS_VERSION = 3

# crf_status
OK, ERROR, EINVALID, ENOMEM, ELIMIT, EUSAGE, ENOTFOUND = 0, -1, -2, -3, -4, -5, -6
STATUS_NAMES = {OK: "ok", ERROR: "error", EINVALID: "invalid", ENOMEM: "no_memory",
                ELIMIT: "limit", EUSAGE: "usage", ENOTFOUND: "not_found"}

# crf_format
FORMAT_TXT, FORMAT_MD, FORMAT_JSON, FORMAT_SOURCE = 0, 1, 2, 3

# crf_input
INPUTS = {None: 0, "auto": 0, "text": 1, "hocr": 2, "alto": 3, "page": 4, "tsv": 5, "image": 6}
INPUT_NAMES = {v: k for k, v in INPUTS.items() if k not in (None, "auto")}

# CRF_REPAIR_* bits
REPAIRS = {"order": 0x1, "join": 0x2, "spacing": 0x4, "headings": 0x8}
REPAIR_ALL = 0xF


class Options(ctypes.Structure):
    """struct crf_options, version 3."""
    _fields_ = [
        ("version", ctypes.c_uint),
        ("max_input_bytes", ctypes.c_size_t),
        ("lexicon_path", ctypes.c_char_p),
        ("languages", ctypes.c_char_p),
        ("psm", ctypes.c_int),
        ("tessdata", ctypes.c_char_p),
        ("dpi", ctypes.c_int),
        ("repairs", ctypes.c_uint),
        ("dictionaries", ctypes.c_char_p),
        ("max_xml_depth", ctypes.c_size_t),
        ("max_xml_elements", ctypes.c_size_t),
        ("max_image_pixels", ctypes.c_size_t),
        ("max_words", ctypes.c_size_t),
        ("max_millis", ctypes.c_uint),
    ]


class Buf(ctypes.Structure):
    """struct crf_buf: bytes owned by the library until crf_buf_dispose()."""
    _fields_ = [("ptr", ctypes.POINTER(ctypes.c_char)), ("size", ctypes.c_size_t)]


class RepairEntry(ctypes.Structure):
    _fields_ = [
        ("kind", ctypes.c_int),
        ("kind_name", ctypes.c_char_p),
        ("first_line", ctypes.c_uint32),
        ("last_line", ctypes.c_uint32),
        ("cue", ctypes.c_char_p),
        ("confidence", ctypes.c_double),
    ]


class Unit(ctypes.Structure):
    _fields_ = [
        ("role", ctypes.c_int),
        ("role_name", ctypes.c_char_p),
        ("text", ctypes.POINTER(ctypes.c_char)),
        ("text_size", ctypes.c_size_t),
        ("source_lines", ctypes.POINTER(ctypes.c_uint32)),
        ("source_line_count", ctypes.c_size_t),
    ]


class Block(ctypes.Structure):
    _fields_ = [
        ("role", ctypes.c_int),
        ("role_name", ctypes.c_char_p),
        ("first_line", ctypes.c_uint32),
        ("last_line", ctypes.c_uint32),
        ("line_count", ctypes.c_size_t),
        ("position", ctypes.c_long),
    ]


class Region(ctypes.Structure):
    _fields_ = [
        ("id", ctypes.c_char_p),
        ("article", ctypes.c_size_t),
        ("position", ctypes.c_size_t),
        ("hint", ctypes.c_char_p),
        ("x0", ctypes.c_int),
        ("y0", ctypes.c_int),
        ("x1", ctypes.c_int),
        ("y1", ctypes.c_int),
        ("source_line", ctypes.c_uint32),
        ("first_line", ctypes.c_uint32),
        ("last_line", ctypes.c_uint32),
    ]


def _candidates():
    """Where libcolreflow may be, most specific first."""
    env = os.environ.get("COLREFLOW_LIBRARY")
    if env:
        yield env
        return
    here = Path(__file__).resolve().parent
    # Bundled next to the package.
    yield from sorted(glob.glob(str(here / "libcolreflow.so*")))
    # Installed by `cmake --install` into PREFIX/lib/python3/dist-packages
    # (or a pythonX.Y/site-packages): the library is in PREFIX/lib.
    for up in (here.parents[2], here.parents[3] if len(here.parents) > 3 else None):
        if up is None:
            continue
        yield str(up / SONAME)
        yield from sorted(glob.glob(str(up / "*-linux-gnu" / SONAME)))
    # The system's search path (ldconfig, LD_LIBRARY_PATH).
    found = ctypes.util.find_library("colreflow")
    yield found or SONAME


def load():
    errors = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            continue
        try:
            return _declare(ctypes.CDLL(path)), path
        except OSError as e:
            errors.append(f"{path}: {e}")
    raise OSError("cannot load libcolreflow (set COLREFLOW_LIBRARY to the path of "
                  f"{SONAME}): " + "; ".join(errors or ["not found"]))


def _declare(lib):
    P = ctypes.POINTER
    c_doc = ctypes.c_void_p
    c_engine = ctypes.c_void_p
    status = ctypes.c_int
    sigs = {
        "crf_options_init": (status, [P(Options), ctypes.c_uint]),
        "crf_document_from_bytes": (status, [P(c_doc), ctypes.c_char_p, ctypes.c_size_t,
                                             ctypes.c_int, ctypes.c_char_p, P(Options)]),
        "crf_document_from_file": (status, [P(c_doc), ctypes.c_char_p, ctypes.c_int,
                                            P(Options)]),
        "crf_document_input": (ctypes.c_int, [c_doc]),
        "crf_document_render": (status, [P(Buf), c_doc, ctypes.c_int]),
        "crf_document_report": (status, [P(Buf), c_doc]),
        "crf_document_overlay": (status, [P(Buf), c_doc, ctypes.c_char_p, ctypes.c_size_t]),
        "crf_document_repair_count": (ctypes.c_size_t, [c_doc]),
        "crf_document_repair_at": (status, [P(RepairEntry), c_doc, ctypes.c_size_t]),
        "crf_document_article_count": (ctypes.c_size_t, [c_doc]),
        "crf_document_unit_count": (ctypes.c_size_t, [c_doc, ctypes.c_size_t]),
        "crf_document_unit_at": (status, [P(Unit), c_doc, ctypes.c_size_t, ctypes.c_size_t]),
        "crf_document_block_count": (ctypes.c_size_t, [c_doc]),
        "crf_document_block_at": (status, [P(Block), c_doc, ctypes.c_size_t]),
        "crf_document_region_count": (ctypes.c_size_t, [c_doc]),
        "crf_document_region_at": (status, [P(Region), c_doc, ctypes.c_size_t]),
        "crf_document_page_size": (status, [P(ctypes.c_int), P(ctypes.c_int), c_doc]),
        "crf_document_free": (None, [c_doc]),
        "crf_engine_new": (status, [P(c_engine), P(Options)]),
        "crf_engine_free": (None, [c_engine]),
        "crf_engine_repair": (status, [P(c_doc), c_engine, ctypes.c_char_p, ctypes.c_size_t,
                                       ctypes.c_int, ctypes.c_char_p]),
        "crf_engine_repair_file": (status, [P(c_doc), c_engine, ctypes.c_char_p, ctypes.c_int]),
        "crf_buf_dispose": (None, [P(Buf)]),
        "crf_error_last": (ctypes.c_char_p, []),
        "crf_version_number": (ctypes.c_int, []),
        "crf_version_string": (ctypes.c_char_p, []),
    }
    for name, (restype, argtypes) in sigs.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return lib
