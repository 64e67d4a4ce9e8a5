"""The reader interface: a detected format → a reader class → :class:`ReadResult`."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from govdoc.errors import BadInput


@dataclass
class Page:
    number: int  # 1-based, as in the source
    text: str
    confidence: Optional[float] = None  # mean OCR line confidence; None for text layers


@dataclass
class ReadResult:
    path: str
    sha256: str
    format: str  # text | pdf | docx | html | image
    pages: list[Page]
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)


Reader = Callable[[Path, bytes], ReadResult]
READERS: dict[str, Reader] = {}


def register(fmt: str):
    """Decorator: register a reader for a detected format."""

    def wrap(fn: Reader) -> Reader:
        READERS[fmt] = fn
        return fn

    return wrap


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_path(path: str | Path, **options) -> ReadResult:
    """Read one file into pages.  Raises :class:`BadInput` naming the file and the reason."""
    from govdoc.read.detect import detect_format  # noqa: F401 - registers the readers

    path = Path(path)
    if not path.exists():
        raise BadInput(path, "no such file")
    if path.is_dir():
        raise BadInput(path, "is a folder, not a file")
    data = path.read_bytes()
    if not data.strip():
        raise BadInput(path, "empty file")
    fmt = detect_format(path, data)
    reader = READERS.get(fmt)
    if reader is None:
        raise BadInput(path, f"unsupported file type ({fmt})")
    return reader(path, data, **options)
