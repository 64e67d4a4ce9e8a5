"""What one worker process does with one file: read (OCR if needed), parse, write the JSON and,
beside it, the normalized text its spans point into (``<id>.txt``, UTF-8; the index loader
takes it as the letter body).

:func:`parse_one` never raises for a bad file: it returns an :class:`Outcome` whose ``error``
names the reason.  :func:`worker_main` is the process loop; it builds the spaCy pipeline and
pins OCR to one thread once, then answers jobs until told to stop.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional


@dataclass
class Options:
    json_dir: str
    ocr: str = "auto"  # auto | always | never
    max_pages: int = 500
    reader: str = "govdoc.read:read_path"  # "module:function" — (path, **options) -> ReadResult
    write: bool = True  # False: write nothing; the normalized text comes back in Outcome.text (cluster workers)


@dataclass
class Outcome:
    path: str
    sha256: Optional[str] = None
    letter_id: Optional[str] = None
    kind: Optional[str] = None
    pages: int = 0
    ocr: bool = False
    error: Optional[str] = None  # the reason, in the user's terms; None when parsed
    reply: Optional[dict] = None
    # block → tokens of the normalized text, as the parse cut it (``text.segment.block_tokens``),
    # so that the index segments none of it again
    blocks: Optional[dict] = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the worker process on this file (all its threads)
    warnings: list[str] = field(default_factory=list)
    worker: Optional[str] = None  # which worker parsed it (set by the dispatcher, for the summary)
    text: Optional[str] = None  # the normalized text, when the worker function was told not to write it

    @property
    def ok(self) -> bool:
        return self.error is None


def load_reader(spec: str) -> Callable:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def read_document(path: Path, opts: Options):
    """Read a file the way the options say: ``--ocr always`` sends PDFs to OCR even when
    they have a text layer; otherwise the reader decides (OCR only without a usable layer)."""
    if opts.ocr == "always" and path.read_bytes()[:1024].find(b"%PDF-") >= 0:
        from govdoc.read.ocr import ocr_pdf

        return ocr_pdf(path, path.read_bytes(), max_pages=opts.max_pages)
    return load_reader(opts.reader)(path, ocr=opts.ocr, max_pages=opts.max_pages)


def write_atomic(path: Path, text: str) -> None:
    """Write atomically: a reader never sees half a file, a kill never leaves one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def letter_json(data: dict) -> str:
    """A letter's JSON file as govdoc writes it: one line, keys sorted, by ``json``'s C encoder (an
    indent would take its pure-Python one, a sixth of the parse's CPU); ``govdoc parse`` prints
    letters indented."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def write_json(path: Path, data: dict) -> None:
    write_atomic(path, letter_json(data))


def write_letter(json_dir: Path, letter_id: str, data: dict | str, text: str) -> None:
    """``<id>.txt`` (the normalized text) first, then ``<id>.json`` (``data``, or its JSON already
    made by :func:`letter_json`): a JSON on disk always has its text beside it."""
    write_atomic(json_dir / f"{letter_id}.txt", text)
    write_atomic(json_dir / f"{letter_id}.json", data if isinstance(data, str) else letter_json(data))


def file_sha256(path: Path) -> Optional[str]:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def count_pages(path: Path) -> Optional[int]:
    """Pages of a PDF or a (multi-page) image, cheaply (no rendering); 1 for anything else;
    None when the file cannot be opened (the reader will say why)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
        if b"%PDF-" in head:
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(str(path))
            try:
                return len(doc)
            finally:
                doc.close()
        from govdoc.read.image import image_kind

        if image_kind(head):
            from PIL import Image

            with Image.open(path) as img:
                return getattr(img, "n_frames", 1)
        return 1
    except Exception:  # noqa: BLE001 - damaged, encrypted, unreadable: the reader reports it
        return None


def parse_one(path: str, opts: Options, on_pages: Optional[Callable[[int], None]] = None) -> Outcome:
    from govdoc.build import parse_read
    from govdoc.errors import BadInput
    from govdoc.index.base import letter_id
    from govdoc.text.segment import block_tokens
    from govdoc.text.zh import CJK_RE

    start, cpu = time.perf_counter(), time.process_time()
    out = Outcome(path, sha256=file_sha256(Path(path)))
    try:
        if on_pages is not None:  # the time limit grows with the pages
            on_pages(count_pages(Path(path)) or 1)
        result = read_document(Path(path), opts)
        out.pages, out.ocr = len(result.pages), result.ocr
        if not any(CJK_RE.search(p.text) for p in result.pages):
            raise BadInput(path, "no Chinese text found (another language?)")
        reply, norm, tokens = parse_read(result, with_tokens=True)
        data = reply.model_dump(mode="json")
        out.letter_id, out.kind, out.reply = letter_id(data), data["kind"], data
        out.sha256 = data["source"]["sha256"]
        out.warnings = list(data.get("warnings") or [])
        if opts.write:
            write_letter(Path(opts.json_dir), out.letter_id, data, norm.text)
        else:
            out.text = norm.text
        out.blocks = block_tokens(norm.text, tokens)
    except BadInput as exc:
        out.error = exc.reason if exc.page is None else f"page {exc.page}: {exc.reason}"
    except MemoryError:
        out.error = "out of memory"
    except Exception as exc:  # an internal bug: name it, keep the batch going
        out.error = f"internal error: {type(exc).__name__}: {exc}"
    out.seconds, out.cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    return out


def die_with_parent() -> None:
    """Linux: the kernel kills this worker when the ingest process dies (kill -9 included),
    so no orphan keeps OCRing a file nobody will record."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:  # pragma: no cover - no glibc
            pass


def init_worker(ocr: str) -> None:
    """Once per process: one OCR thread (N workers → N cores) and the spaCy pipeline.  The OCR
    engine (0.6 CPU-s to load) is loaded now only when every PDF goes to OCR (``--ocr always``);
    with ``auto`` by the first scan, so that a worker given born-digital files never loads it."""
    from govdoc.nlp.pipeline import make_nlp
    from govdoc.read import ocr as ocr_module

    from govdoc.build import parse_text

    ocr_module.configure(threads=1)
    make_nlp()
    parse_text("许昌市生态环境局\n关于第1号建议的答复\n")  # loads jieba's dictionary and the rest, once
    if ocr == "always":
        ocr_module.engine()


def worker_main(conn, opts: Options) -> None:
    """Process loop: send "ready", then answer each path with ("pages", n) as soon as its
    page count is known and then an Outcome; None stops it."""
    die_with_parent()
    init_worker(opts.ocr)
    conn.send("ready")
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        conn.send(parse_one(path, opts, on_pages=lambda n: conn.send(("pages", n))))
