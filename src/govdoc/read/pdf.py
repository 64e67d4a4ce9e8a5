"""PDF with a text layer: one :class:`Page` per PDF page, numbered as in the file.

Two engines: ``pdfium`` (pypdfium2, the default) and ``plumber`` (pdfplumber).  Why pdfium:
it is a C++ library, 13-15x faster on the same 40 pages (``scripts/bench_pdf.py``: 159 vs
11 pages/s), and it keeps runs of spaces as they are laid out, so a column gap
(``联系人：严志刚  联系电话``) stays apart from letter spacing, which pdfplumber collapses to one
space.  Layout analysis is not needed: running headers, page numbers and broken lines are
handled on the text (:mod:`govdoc.normalize`).  ``engine="plumber"`` remains for callers that
want pdfminer's reading.

A PDF without a usable text layer (a scan) goes to ``govdoc.read.ocr.ocr_pdf`` when that module
is installed; otherwise it is reported as needing OCR.
"""
from __future__ import annotations

import importlib
import io
import re
from pathlib import Path

from govdoc.errors import BadInput
from govdoc.read.base import Page, ReadResult, register, sha256
from govdoc.text.zh import count_cjk

MAX_PAGES = 500
# A page with fewer visible characters than this carries no text layer worth reading (a scan,
# perhaps with a stamped page number).
MIN_PAGE_CHARS = 8
_INVISIBLE = re.compile(r"\s+")


@register("pdf")
def read_pdf(path: Path, data: bytes, *, max_pages: int = MAX_PAGES, engine: str = "pdfium",
             password: str | None = None, **options) -> ReadResult:
    if b"%%EOF" not in data[-2048:]:
        raise BadInput(path, "corrupt or truncated PDF (no end-of-file marker)")
    extract = {"pdfium": pdfium_pages, "plumber": plumber_pages}.get(engine)
    if extract is None:
        raise ValueError(f"unknown PDF engine {engine!r} (pdfium or plumber)")
    texts = extract(path, data, max_pages, password)
    if not has_text_layer(texts):
        return ocr_fallback(path, data, max_pages=max_pages, password=password, **options)
    pages = [Page(i + 1, text, layout=True) for i, text in enumerate(texts)]
    empty = [p.number for p in pages if len(_INVISIBLE.sub("", p.text)) < MIN_PAGE_CHARS]
    warnings = [f"page(s) {', '.join(map(str, empty))} have no text layer (scanned?)"] if empty else []
    return ReadResult(str(path), sha256(data), "pdf", pages, warnings=warnings)


def has_text_layer(texts: list[str]) -> bool:
    """Usable when most pages carry visible text and the whole has some Chinese or, failing
    that, enough characters to be a real (if non-Chinese) text."""
    visible = [len(_INVISIBLE.sub("", t)) for t in texts]
    with_text = sum(1 for n in visible if n >= MIN_PAGE_CHARS)
    if with_text * 2 < len(texts):
        return False
    return count_cjk("".join(texts)) >= 4 or sum(visible) >= MIN_PAGE_CHARS * len(texts)


def check_page_count(path: Path, count: int, max_pages: int) -> None:
    if count == 0:
        raise BadInput(path, "PDF has no pages")
    if count > max_pages:
        raise BadInput(path, f"PDF has {count} pages, over the limit of {max_pages} (raise max_pages to read it)")


def pdfium_pages(path: Path, data: bytes, max_pages: int, password: str | None) -> list[str]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        raise BadInput(path, pdf_error_reason(str(exc))) from None
    try:
        check_page_count(path, len(doc), max_pages)
        texts = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return texts
    except pdfium.PdfiumError as exc:
        raise BadInput(path, f"corrupt PDF ({exc})") from None
    finally:
        doc.close()


def plumber_pages(path: Path, data: bytes, max_pages: int, password: str | None) -> list[str]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            check_page_count(path, len(pdf.pages), max_pages)
            return [page.extract_text() or "" for page in pdf.pages]
    except BadInput:
        raise
    except PDFPasswordIncorrect:
        raise BadInput(path, "encrypted PDF (password required)") from None
    except Exception as exc:  # pdfminer raises many types for broken files, often wrapped
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise BadInput(path, "encrypted PDF (password required)") from None
        raise BadInput(path, f"corrupt PDF ({type(cause).__name__}: {cause})") from None


def pdf_error_reason(message: str) -> str:
    if "password" in message.lower():
        return "encrypted PDF (password required)"
    detail = re.search(r"PDFium: ([^)]*)", message)
    return f"corrupt PDF ({(detail.group(1) if detail else message).lower()})"


def ocr_fallback(path: Path, data: bytes, **options) -> ReadResult:
    """Hand a scanned PDF to the OCR reader if it is installed."""
    try:
        ocr = importlib.import_module("govdoc.read.ocr")
    except ModuleNotFoundError as exc:
        if exc.name not in ("govdoc.read.ocr",):
            raise
        raise BadInput(path, "PDF has no text layer (scanned); OCR is needed") from None
    return ocr.ocr_pdf(path, data, **options)
