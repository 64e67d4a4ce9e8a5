"""Detect a file's format from its content (magic bytes).  The extension only settles what
content cannot: a ``.docx`` or ``.pdf`` whose bytes are not that format is a broken file."""
from __future__ import annotations

import re
from pathlib import Path

from govdoc.errors import BadInput

# (magic prefix, format).  Images go to the OCR reader.
MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),  # OLE2: .doc, .xls, .wps
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"BM", "image"),
)
TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title)\b", re.I | re.S)
HTML_ANY = re.compile(rb"<(?:html|body)\b[^>]*>", re.I)
# Control bytes that never occur in text (NUL aside, which UTF-16 uses).
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def detect_format(path: Path, data: bytes) -> str:
    """One of text, pdf, docx, ofd, html, image, zip, doc, rtf, binary."""
    head = data[:4096]
    suffix = path.suffix.lower()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, fmt in MAGIC:
        if head.startswith(magic):
            if fmt == "zip":
                return zip_format(data, suffix)
            if fmt == "image" and magic == b"BM" and not _is_bmp(head):
                continue
            return fmt
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image"
    fmt = "binary" if looks_binary(head) else "html" if is_html(head) else "text"
    if suffix == ".docx" and fmt != "html":
        raise BadInput(path, "not a valid DOCX (not a zip archive)")
    if suffix == ".ofd" and fmt != "html":
        raise BadInput(path, "not a valid OFD (not a zip archive)")
    if suffix == ".pdf" and fmt == "binary":
        raise BadInput(path, "not a valid PDF (no %PDF header)")
    return fmt


def zip_format(data: bytes, suffix: str) -> str:
    """A zip is a DOCX when it holds ``word/``, an OFD when it holds ``OFD.xml`` (GB/T 33190)."""
    if b"word/" in data or suffix == ".docx":
        return "docx"
    if b"OFD.xml" in data or suffix == ".ofd":
        return "ofd"
    return "zip"


def is_html(head: bytes) -> bool:
    body = head.lstrip(b"\xef\xbb\xbf")
    return bool(HTML_START.match(body) or HTML_ANY.search(body))


def looks_binary(head: bytes) -> bool:
    """Control bytes in the first 4 KiB, unless the text is UTF-16/32 (BOM or NUL pattern)."""
    from govdoc.read.encoding import utf16_without_bom

    if head.startswith(TEXT_BOMS) or utf16_without_bom(head):
        return False
    return len(_BINARY.findall(head)) > max(2, len(head) // 200)


def _is_bmp(head: bytes) -> bool:
    """'BM' also starts text; a real BMP states its header size at byte 14."""
    return len(head) > 18 and head[14] in (12, 40, 52, 56, 108, 124) and head[15:18] == b"\0\0\0"
