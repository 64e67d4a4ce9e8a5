"""Every kind of bad input gets BadInput(path, reason) with a clear one-line reason."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govdoc.errors import BadInput
from govdoc.read import read_path
from test_read_formats import make_pdf


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


CASES = [
    ("zero bytes", "empty.txt", b"", "empty file (0 bytes)"),
    ("only whitespace", "blank.txt", b" \r\n\t\n  ", "empty file (only whitespace)"),
    ("only ideographic spaces", "blank2.txt", "\u3000\u3000\n\u3000".encode("utf-8"), "empty file (only whitespace)"),
    ("no Chinese", "english.txt", b"Dear Sir, this letter has no Chinese at all.\n", "no Chinese text found"),
    ("binary data", "blob.txt", bytes(range(256)) * 8, "binary data, not a document"),
    ("old Word", "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "unsupported file type (old Word .doc; save it as .docx)"),
    ("plain zip", "bundle.zip", _zip({"a.txt": "答复".encode()}), "unsupported file type (a ZIP archive that is neither a DOCX nor an OFD)"),
    ("docx not a zip", "fake.docx", bytes(range(256)) * 4, "not a valid DOCX (not a zip archive)"),
    ("docx text not a zip", "text.docx", "这不是压缩包".encode(), "not a valid DOCX (not a zip archive)"),
    ("docx corrupt zip", "broken.docx", b"PK\x03\x04" + b"\x00garbage" * 50, "not a valid DOCX (corrupt zip archive)"),
    ("docx without document", "nodoc.docx", _zip({"word/other.xml": b"<x/>"}), "not a valid DOCX (no Word document inside the zip)"),
    ("pdf without header", "fake.pdf", bytes(range(256)) * 4, "not a valid PDF (no %PDF header)"),
    ("html without article", "nav.html",
     "<html><body><div class='nav'><a href='/'>首页</a></div></body></html>".encode(), "HTML page has no article text"),
    ("html only script", "script.html",
     "<html><head><script>var a='答复';</script></head><body></body></html>".encode(), "HTML page has no article text"),
]


@pytest.mark.parametrize(("label", "name", "data", "reason"), CASES, ids=[c[0] for c in CASES])
def test_read_bad_input_reason(tmp_path, label, name, data, reason):
    path = _write(tmp_path, name, data)
    with pytest.raises(BadInput) as info:
        read_path(path)
    assert info.value.reason == reason, label
    assert info.value.path == str(path)
    assert "\n" not in info.value.line()


@pytest.mark.parametrize(
    ("label", "target", "reason"),
    [("missing file", "nope.txt", "no such file"), ("folder", ".", "is a folder, not a file")],
)
def test_read_bad_input_paths(tmp_path, label, target, reason):
    with pytest.raises(BadInput) as info:
        read_path(tmp_path / target)
    assert info.value.reason == reason, label


@pytest.fixture()
def letter_pdf(tmp_path) -> bytes:
    return make_pdf(tmp_path / "ok.pdf", [["许昌市生态环境局答复函"], ["第二页内容"], ["第三页内容"]]).read_bytes()


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_read_bad_input_encrypted_pdf(tmp_path, engine):
    path = make_pdf(tmp_path / "locked.pdf", [["加密的答复函"]], password="secret")
    with pytest.raises(BadInput, match=r"encrypted PDF \(password required\)$"):
        read_path(path, engine=engine)


@pytest.mark.parametrize(
    ("label", "cut", "reason_start"),
    [
        ("truncated", lambda d: d[: len(d) // 2], "corrupt or truncated PDF"),
        ("garbled body", lambda d: d[:40] + bytes(len(d) - 80) + d[-40:], "corrupt PDF"),
    ],
)
@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_read_bad_input_broken_pdf(tmp_path, letter_pdf, label, cut, reason_start, engine):
    path = _write(tmp_path, "broken.pdf", cut(letter_pdf))
    with pytest.raises(BadInput) as info:
        read_path(path, engine=engine)
    assert info.value.reason.startswith(reason_start), (label, info.value.reason)


def test_read_bad_input_page_limit(tmp_path, letter_pdf):
    path = _write(tmp_path, "long.pdf", letter_pdf)
    with pytest.raises(BadInput, match=r"PDF has 3 pages, over the limit of 2 \(raise max_pages to read it\)"):
        read_path(path, max_pages=2)
    assert len(read_path(path, max_pages=3).pages) == 3


def test_read_bad_input_scanned_pdf_needs_ocr(tmp_path, monkeypatch):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)  # drawing only: no text layer
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    monkeypatch.setitem(__import__("sys").modules, "govdoc.read.ocr", None)  # OCR not installed
    with pytest.raises(BadInput, match=r"PDF has no text layer \(scanned\); OCR is needed$"):
        read_path(path)


def test_read_scanned_pdf_goes_to_ocr_hook(tmp_path, monkeypatch):
    import sys
    import types

    from fpdf import FPDF

    from govdoc.read.base import Page, ReadResult

    pdf = FPDF()
    pdf.add_page()
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    calls = []

    def ocr_pdf(p, data, **options):
        calls.append((Path(p), len(data), options))
        return ReadResult(str(p), "x", "pdf", [Page(1, "识别出的答复函", confidence=0.9, layout=True)], ocr=True)

    monkeypatch.setitem(sys.modules, "govdoc.read.ocr", types.SimpleNamespace(ocr_pdf=ocr_pdf))
    result = read_path(path, lang="zh")
    assert result.ocr and result.pages[0].text == "识别出的答复函"
    assert calls == [(path, path.stat().st_size, {"max_pages": 500, "password": None, "lang": "zh"})]
