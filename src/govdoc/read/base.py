"""The reader interface: a detected format → a reader function → :class:`ReadResult`.

A reader is ``(path: Path, data: bytes, **options) -> ReadResult``, registered for a format
with ``@register(fmt)``.  Reader modules are imported only when a file of their format comes
in (``READER_MODULES``), so PDF, DOCX, HTML and OCR libraries load only when used.
"""
from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from govdoc.errors import BadInput
from govdoc.text.zh import CJK_RE


@dataclass
class Page:
    number: int  # 1-based, as in the source
    text: str
    confidence: Optional[float] = None  # mean OCR line confidence; None for text layers
    layout: bool = False  # text laid out in fixed lines (PDF, OCR): spaces between CJK are artefacts
    # The reader already joined the lines its layout wrapped, from the page geometry (OCR):
    # normalization does not join a line again just because it is as wide as the text block.
    lines_joined: bool = False
    # (PDF) The page's last line runs to the right edge of the text block, unfinished, and the
    # next page's first line starts at the left edge: the paragraph may go on over the page.
    runs_on: bool = False


@dataclass
class ReadResult:
    path: str
    sha256: str
    format: str  # text | pdf | docx | ofd | html | image
    pages: list[Page]
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)
    encoding: Optional[str] = None  # the detected text encoding, where bytes were decoded


Reader = Callable[..., ReadResult]
READERS: dict[str, Reader] = {}

# Detected format → the module whose import registers its reader.
READER_MODULES = {
    "text": "govdoc.read.text",
    "pdf": "govdoc.read.pdf",
    "docx": "govdoc.read.docx",
    "html": "govdoc.read.html",
    "ofd": "govdoc.read.ofd",
    "image": "govdoc.read.image",
}
# Formats we recognise but do not read, and what to tell the user.
UNSUPPORTED = {
    "doc": "unsupported file type (old Word .doc; save it as .docx)",
    "rtf": "unsupported file type (RTF; save it as .docx)",
    "zip": "unsupported file type (a ZIP archive that is neither a DOCX nor an OFD)",
    "binary": "binary data, not a document",
}


def register(fmt: str):
    """Decorator: register a reader for a detected format."""

    def wrap(fn: Reader) -> Reader:
        READERS[fmt] = fn
        return fn

    return wrap


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def reader_for(path: Path, fmt: str) -> Reader:
    if fmt in UNSUPPORTED:
        raise BadInput(path, UNSUPPORTED[fmt])
    if fmt not in READERS and fmt in READER_MODULES:
        try:
            importlib.import_module(READER_MODULES[fmt])
        except ModuleNotFoundError as exc:
            if exc.name != READER_MODULES[fmt]:
                raise
    reader = READERS.get(fmt)
    if reader is None:
        hint = "; the OCR reader is not installed" if fmt == "image" else ""
        raise BadInput(path, f"unsupported file type ({fmt}{hint})")
    return reader


def read_path(path: str | Path, **options) -> ReadResult:
    """Read one file into pages.  Raises :class:`BadInput` naming the file and the reason.

    Options go to the reader (``max_pages`` for PDFs, OCR options for scans)."""
    from govdoc.read.detect import detect_format

    path = Path(path)
    if not path.exists():
        raise BadInput(path, "no such file")
    if path.is_dir():
        raise BadInput(path, "is a folder, not a file")
    data = path.read_bytes()
    if not data:
        raise BadInput(path, "empty file (0 bytes)")
    if not data.strip():
        raise BadInput(path, "empty file (only whitespace)")
    result = reader_for(path, detect_format(path, data))(path, data, **options)
    check_text(path, result)
    return result


def check_text(path: Path, result: ReadResult) -> None:
    """Every reader's result must hold some text, and some of it Chinese."""
    if not any(page.text.strip() for page in result.pages):
        raise BadInput(path, "empty file (only whitespace)")
    if not any(CJK_RE.search(page.text) for page in result.pages):
        raise BadInput(path, "no Chinese text found")
