"""colreflow: repair the OCR output of multi-column newspaper pages.

    >>> import colreflow
    >>> result = colreflow.repair("本报讯 全市公安\\n工作会议召开。\\n")
    >>> result.text
    '本报讯 全市公安工作会议召开。\\n'

`repair()` takes a path (str or pathlib.Path), text (str) or bytes, reads it
in any format colreflow reads (plain text, hOCR, ALTO, PAGE XML, Tesseract
TSV, or an image through Tesseract) and returns a `Result`. Many pages with
one configuration: make an `Engine` once and call its `repair()`, from as
many threads as you like.

Failures raise `ColreflowError` (or a subclass per status) carrying the
library's message, which names the input and the position.

Differences from the C++ API: options are keyword arguments; the repair log,
articles, blocks and regions are lists of frozen dataclasses (copies, valid
after the result is closed); a result frees its native document when closed,
garbage-collected or used as a context manager.
"""

import json as _json
import os
from ctypes import c_int as ctypes_c_int, c_void_p as _c_void_p, string_at as ctypes_string_at
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Optional, Tuple, Union

from . import _native

__all__ = [
    "repair", "Engine", "Result", "Repair", "Unit", "Article", "Block", "Region",
    "ColreflowError", "InvalidInputError", "LimitError", "UsageError", "NotFoundError",
    "version", "library_path", "REPAIRS",
]

_lib, _lib_path = _native.load()

REPAIRS = tuple(_native.REPAIRS)  # ("order", "join", "spacing", "headings")


def version() -> str:
    """The version of the loaded library, "MAJOR.MINOR.PATCH"."""
    return _lib.crf_version_string().decode()


def library_path() -> str:
    """The path (or name) of the libcolreflow that was loaded."""
    return _lib_path


# --- errors -------------------------------------------------------------------


class ColreflowError(Exception):
    """A failure reported by the library: `code` is the crf_status (negative),
    `status` its name, and the message is crf_error_last()'s."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
        self.status = _native.STATUS_NAMES.get(code, str(code))
        self.message = message


class InvalidInputError(ColreflowError, ValueError):
    """CRF_EINVALID: the input is not what was expected (bad UTF-8, bad XML)."""


class LimitError(ColreflowError):
    """CRF_ELIMIT: the input exceeds a configured limit."""


class UsageError(ColreflowError, ValueError):
    """CRF_EUSAGE: a bad argument (unknown format, bad option)."""


class NotFoundError(ColreflowError, FileNotFoundError):
    """CRF_ENOTFOUND: a file that cannot be opened or read."""


_ERRORS = {_native.EINVALID: InvalidInputError, _native.ELIMIT: LimitError,
           _native.EUSAGE: UsageError, _native.ENOTFOUND: NotFoundError,
           _native.ENOMEM: ColreflowError, _native.ERROR: ColreflowError}


def _check(status: int) -> None:
    if status != _native.OK:
        message = _lib.crf_error_last().decode("utf-8", "replace")
        raise _ERRORS.get(status, ColreflowError)(status, message)


# --- values -------------------------------------------------------------------


@dataclass(frozen=True)
class Repair:
    """One entry of the repair log."""
    kind: str          # "line_join", "dehyphenation", ... as in JSON
    first_line: int    # 1-based source lines concerned
    last_line: int
    cue: str           # the evidence
    confidence: float  # 0..1; below 0.6 is worth a review


@dataclass(frozen=True)
class Unit:
    """A paragraph, heading or headline of the output."""
    role: str
    text: str
    source_lines: Tuple[int, ...]


@dataclass(frozen=True)
class Article:
    units: Tuple[Unit, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(u.text for u in self.units)


@dataclass(frozen=True)
class Block:
    """An input block, in input order; position None when not placed."""
    role: str
    first_line: int
    last_line: int
    line_count: int
    position: Optional[int]


@dataclass(frozen=True)
class Region:
    """A region of a geometry input, in reading order."""
    id: str
    article: int
    position: int
    hint: str
    bbox: Tuple[int, int, int, int]  # x0, y0, x1, y1 in the page's units
    source_line: int
    lines: Optional[Tuple[int, int]]  # the laid-out lines it became, or None


# --- options ------------------------------------------------------------------

PathLike = Union[str, os.PathLike]
Source = Union[str, bytes, bytearray, memoryview, os.PathLike]


def _repair_bits(repairs) -> int:
    if repairs is None:
        return 0
    if isinstance(repairs, int):
        return repairs
    if isinstance(repairs, str):
        repairs = [repairs]
    bits = 0
    for name in repairs:
        if name not in _native.REPAIRS:
            raise UsageError(_native.EUSAGE,
                             f"unknown repair {name!r}; expected one of {', '.join(REPAIRS)}")
        bits |= _native.REPAIRS[name]
    if bits == 0:
        raise UsageError(_native.EUSAGE, "repairs is empty; pass None for all of them")
    return bits


def _enc(s: Optional[PathLike]) -> Optional[bytes]:
    return None if s is None else os.fsencode(s)


class _Options:
    """A crf_options with the bytes its char pointers point to kept alive."""

    def __init__(self, lang=None, repairs=None, lexicon=None, dictionaries=None, psm=None,
                 dpi=None, tessdata=None, max_input_bytes=None, **limits):
        self.struct = _native.Options()
        _check(_lib.crf_options_init(self.struct, _native.OPTIONS_VERSION))
        self._keep = []

        def text(field, value):
            if value is not None:
                b = _enc(value)
                self._keep.append(b)
                setattr(self.struct, field, b)

        text("languages", lang)
        text("lexicon_path", lexicon)
        text("dictionaries", dictionaries)
        text("tessdata", tessdata)
        self.struct.repairs = _repair_bits(repairs)
        if psm is not None:
            self.struct.psm = psm
        if dpi is not None:
            self.struct.dpi = dpi
        if max_input_bytes is not None:
            self.struct.max_input_bytes = max_input_bytes
        for name, value in limits.items():
            if name not in ("max_xml_depth", "max_xml_elements", "max_image_pixels",
                            "max_words", "max_millis"):
                raise TypeError(f"unknown option {name!r}")
            setattr(self.struct, name, value)


def _input_code(fmt: Optional[str]) -> int:
    if fmt not in _native.INPUTS:
        names = ", ".join(k for k in _native.INPUTS if k)
        raise UsageError(_native.EUSAGE, f"unknown input format {fmt!r}; expected one of {names}")
    return _native.INPUTS[fmt]


def _classify(source: Source) -> Tuple[str, object]:
    """("path", bytes-path) or ("data", bytes)."""
    if isinstance(source, os.PathLike):
        return "path", os.fsencode(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "data", bytes(source)
    if isinstance(source, str):
        # A str is a path when it names an existing file and is one line;
        # otherwise it is the text itself.
        if "\n" not in source and len(source) < 4096 and os.path.isfile(source):
            return "path", os.fsencode(source)
        return "data", source.encode("utf-8")
    raise TypeError(f"expected str, bytes or os.PathLike, not {type(source).__name__}")


# --- results ------------------------------------------------------------------


class Result:
    """A repaired page. Renderings are computed on first use and kept.

    Use as a context manager, or call close(), to free the native document
    early; values already read stay valid.
    """

    def __init__(self, handle: _c_void_p):
        self._doc = handle
        self._cache = {}

    # lifecycle
    def close(self) -> None:
        if self._doc:
            _lib.crf_document_free(self._doc)
            self._doc = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def _handle(self):
        if not self._doc:
            raise UsageError(_native.EUSAGE, "the result is closed")
        return self._doc

    def _buf(self, call, *args) -> bytes:
        buf = _native.Buf()
        try:
            _check(call(buf, *args))
            return ctypes_string_at(buf.ptr, buf.size)
        finally:
            _lib.crf_buf_dispose(buf)

    def render(self, fmt: str = "txt") -> bytes:
        """The page in a format: "txt", "md", "json" or "source" (the input's
        own format with the order found), as bytes."""
        codes = {"txt": _native.FORMAT_TXT, "md": _native.FORMAT_MD,
                 "json": _native.FORMAT_JSON, "source": _native.FORMAT_SOURCE}
        if fmt not in codes:
            raise UsageError(_native.EUSAGE, f"unknown output format {fmt!r}")
        key = ("render", fmt)
        if key not in self._cache:
            self._cache[key] = self._buf(_lib.crf_document_render, self._handle(), codes[fmt])
        return self._cache[key]

    @property
    def text(self) -> str:
        """Plain text: headline, blank line, paragraphs separated by blank lines."""
        return self.render("txt").decode("utf-8")

    @property
    def markdown(self) -> str:
        return self.render("md").decode("utf-8")

    def json(self) -> dict:
        """The JSON output, parsed."""
        return _json.loads(self.render("json"))

    def source(self) -> bytes:
        """The input's own format (hOCR, ALTO, PAGE, TSV) with the order found."""
        return self.render("source")

    @property
    def report(self) -> str:
        """A human summary of the repairs."""
        if "report" not in self._cache:
            self._cache["report"] = self._buf(_lib.crf_document_report, self._handle())
        return self._cache["report"].decode("utf-8")

    def overlay(self, image: Union[bytes, PathLike]) -> bytes:
        """PNG: the page image with the order found drawn on it."""
        data = image if isinstance(image, (bytes, bytearray)) else Path(image).read_bytes()
        return self._buf(_lib.crf_document_overlay, self._handle(), bytes(data), len(data))

    @property
    def input_format(self) -> str:
        return _native.INPUT_NAMES[_lib.crf_document_input(self._handle())]

    @property
    def repairs(self) -> List[Repair]:
        if "repairs" not in self._cache:
            doc, e, out = self._handle(), _native.RepairEntry(), []
            for i in range(_lib.crf_document_repair_count(doc)):
                _check(_lib.crf_document_repair_at(e, doc, i))
                out.append(Repair(e.kind_name.decode(), e.first_line, e.last_line,
                                  e.cue.decode("utf-8"), e.confidence))
            self._cache["repairs"] = out
        return list(self._cache["repairs"])

    @property
    def articles(self) -> List[Article]:
        if "articles" not in self._cache:
            doc, u, out = self._handle(), _native.Unit(), []
            for a in range(_lib.crf_document_article_count(doc)):
                units = []
                for i in range(_lib.crf_document_unit_count(doc, a)):
                    _check(_lib.crf_document_unit_at(u, doc, a, i))
                    units.append(Unit(u.role_name.decode(),
                                      ctypes_string_at(u.text, u.text_size).decode("utf-8"),
                                      tuple(u.source_lines[k]
                                            for k in range(u.source_line_count))))
                out.append(Article(tuple(units)))
            self._cache["articles"] = out
        return list(self._cache["articles"])

    @property
    def blocks(self) -> List[Block]:
        doc, b, out = self._handle(), _native.Block(), []
        for i in range(_lib.crf_document_block_count(doc)):
            _check(_lib.crf_document_block_at(b, doc, i))
            out.append(Block(b.role_name.decode(), b.first_line, b.last_line, b.line_count,
                             None if b.position < 0 else b.position))
        return out

    @property
    def regions(self) -> List[Region]:
        doc, r, out = self._handle(), _native.Region(), []
        for i in range(_lib.crf_document_region_count(doc)):
            _check(_lib.crf_document_region_at(r, doc, i))
            out.append(Region(r.id.decode("utf-8"), r.article, r.position, r.hint.decode(),
                              (r.x0, r.y0, r.x1, r.y1), r.source_line,
                              (r.first_line, r.last_line) if r.first_line else None))
        return out

    @property
    def page_size(self) -> Optional[Tuple[int, int]]:
        """(width, height) of a geometry input; None for plain text."""
        if _lib.crf_document_region_count(self._handle()) == 0 and self.input_format == "text":
            return None
        w, h = ctypes_c_int(), ctypes_c_int()
        _check(_lib.crf_document_page_size(w, h, self._handle()))
        return w.value, h.value

    def __repr__(self) -> str:
        state = "closed" if not self._doc else f"{self.input_format}, {len(self.repairs)} repairs"
        return f"<colreflow.Result {state}>"


def _document(call, *args) -> Result:
    handle = _c_void_p()
    _check(call(handle, *args))
    return Result(handle)


# --- entry points -------------------------------------------------------------


class Engine:
    """Options checked and the word list loaded once, for many pages.

    An engine is immutable: one may be shared by any number of threads, each
    getting the bytes a single thread would get.

        engine = colreflow.Engine(lang="eng", repairs={"order", "join"})
        for path in paths:
            with engine.repair(path) as result:
                ...
    """

    def __init__(self, *, lang: Optional[str] = None, repairs=None, lexicon=None,
                 dictionaries=None, psm=None, dpi=None, tessdata=None, max_input_bytes=None,
                 **limits):
        opts = _Options(lang, repairs, lexicon, dictionaries, psm, dpi, tessdata,
                        max_input_bytes, **limits)
        self._engine = _c_void_p()
        _check(_lib.crf_engine_new(self._engine, opts.struct))

    def repair(self, source: Source, *, fmt: Optional[str] = None,
               name: Optional[str] = None) -> Result:
        """Repair a path, a text or bytes (see colreflow.repair)."""
        if not self._engine:
            raise UsageError(_native.EUSAGE, "the engine is closed")
        kind, value = _classify(source)
        code = _input_code(fmt)
        if kind == "path" and name is None:
            return _document(_lib.crf_engine_repair_file, self._engine, value, code)
        if kind == "path":
            value = Path(os.fsdecode(value)).read_bytes()
        return _document(_lib.crf_engine_repair, self._engine, value, len(value), code,
                         _enc(name))

    def close(self) -> None:
        if self._engine:
            _lib.crf_engine_free(self._engine)
            self._engine = _c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def repair(source: Source, *, lang: Optional[str] = None, fmt: Optional[str] = None,
           repairs: Union[None, int, str, Iterable[str]] = None, name: Optional[str] = None,
           lexicon: Optional[PathLike] = None, dictionaries: Optional[str] = None,
           psm: Optional[int] = None, dpi: Optional[int] = None,
           tessdata: Optional[PathLike] = None, max_input_bytes: Optional[int] = None,
           **limits) -> Result:
    """Read and repair one page.

    source: a pathlib.Path or other os.PathLike (a file), bytes (the
        content), or a str: a file when it is one line naming an existing
        file, else the text itself.
    lang: Tesseract languages for images, e.g. "chi_sim+eng" (the default).
    fmt: the input format: "text", "hocr", "alto", "page", "tsv" or
        "image"; None detects it from the content.
    repairs: which repairs to make: None for all, or names among "order",
        "join", "spacing", "headings" (or the CRF_REPAIR_* bits as an int).
    name: the name used in messages and the JSON (default: the path, or
        "<input>").
    lexicon, dictionaries, psm, dpi, tessdata, max_input_bytes and the
        max_* limits: as crf_options (docs/api.md).

    Raises ColreflowError (InvalidInputError, LimitError, UsageError,
    NotFoundError) with the library's message.
    """
    opts = _Options(lang, repairs, lexicon, dictionaries, psm, dpi, tessdata, max_input_bytes,
                    **limits)
    kind, value = _classify(source)
    code = _input_code(fmt)
    if kind == "path" and name is None:
        return _document(_lib.crf_document_from_file, value, code, opts.struct)
    if kind == "path":
        value = Path(os.fsdecode(value)).read_bytes()
    return _document(_lib.crf_document_from_bytes, value, len(value), code, _enc(name),
                     opts.struct)
