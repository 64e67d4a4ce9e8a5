"""Detect a file's format from its content (magic bytes), falling back to the extension only
to tell text-like formats apart."""
from __future__ import annotations

from pathlib import Path

from govdoc.read import text as _text  # noqa: F401 - register readers


def detect_format(path: Path, data: bytes) -> str:
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or path.suffix.lower() == ".docx" else "zip"
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html", b"<head", b"<meta")) or b"<body" in head.lower():
        return "html"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"
