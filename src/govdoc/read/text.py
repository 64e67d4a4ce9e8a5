"""Plain text: detect the encoding (UTF-8, UTF-8 BOM, GB18030, Big5, UTF-16), split pages on \\f."""
from __future__ import annotations

from pathlib import Path

from govdoc.errors import BadInput
from govdoc.read.base import Page, ReadResult, register, sha256


def decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise BadInput(path, "cannot detect the text encoding")


@register("text")
def read_text(path: Path, data: bytes, **_) -> ReadResult:
    text = decode(path, data).replace("\r\n", "\n").replace("\r", "\n")
    pages = [Page(i + 1, t) for i, t in enumerate(text.split("\f"))]
    return ReadResult(str(path), sha256(data), "text", pages)
