"""PDF with a text layer: one :class:`Page` per PDF page, numbered as in the file.

Two engines: ``pdfium`` (pypdfium2, the default) and ``plumber`` (pdfplumber).  Why pdfium:
it is a C++ library, 13-16x faster on the same 40 pages (``scripts/bench_pdf.py``: 564 vs
35 pages/s here, with the line boxes below), and it keeps runs of spaces as they are laid out,
so a column gap (``联系人：严志刚  联系电话``) stays apart from letter spacing, which pdfplumber
collapses to one space.

pdfium's lines come with their character boxes, read as OCR boxes are
(:func:`govdoc.read.layout.lines_to_text`): a line that a paragraph wrapped (it runs to the
right edge of the document's text block, where several lines end together, and the next line
starts at the left edge) is joined to its continuation, so a title that nearly fills its line
is not run into the salutation under it, as joining on the text alone did (each line's box
carries the advance of its first character: a line above with room left for it did not wrap);
a gap well above the line pitch becomes a blank line; a page whose last line runs to the edge
unfinished, the next page starting at the margin, says so (``Page.runs_on``: normalization
joins across that page break); and a space pdfium wrote for a wide gap between two columns
becomes spaces enough to keep the columns apart.  Running headers and page numbers are handled
on the text (:mod:`govdoc.normalize`).  ``engine="plumber"`` remains for callers that want
pdfminer's reading (its lines are joined on the text alone).

A PDF without a usable text layer (a scan) goes to ``govdoc.read.ocr.ocr_pdf`` when that module
is installed; otherwise it is reported as needing OCR.
"""
from __future__ import annotations

import importlib
import io
import re
from pathlib import Path
from typing import Union

from govdoc.errors import BadInput
from govdoc.read.base import Page, ReadResult, register, sha256
from govdoc.read.layout import Box, Line, column_spaces, group_lines, lines_to_text, runs_on, text_block
from govdoc.text.zh import CJK_RE, count_cjk

MAX_PAGES = 500
# A page with fewer visible characters than this carries no text layer worth reading (a scan,
# perhaps with a stamped page number).
MIN_PAGE_CHARS = 8
_INVISIBLE = re.compile(r"\s+")
_SPACES = re.compile(r"(?<=\S) +(?=\S)")
# A line of pdfium's text: its visible part (blanks around it left out), up to a line end.
_LINE = re.compile(r"[ \t\u3000]*(?P<text>[^\r\n]*?)[ \t\u3000]*(?:\r\n|[\r\n]|$)")


@register("pdf")
def read_pdf(path: Path, data: bytes, *, max_pages: int = MAX_PAGES, engine: str = "pdfium",
             password: str | None = None, **options) -> ReadResult:
    if b"%%EOF" not in data[-2048:]:
        raise BadInput(path, "corrupt or truncated PDF (no end-of-file marker)")
    extract = {"pdfium": pdfium_pages, "plumber": plumber_pages}.get(engine)
    if extract is None:
        raise ValueError(f"unknown PDF engine {engine!r} (pdfium or plumber)")
    pages = extract(path, data, max_pages, password)
    texts = [page.text for page in pages]
    if not has_text_layer(texts):
        return ocr_fallback(path, data, max_pages=max_pages, password=password, **options)
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


def pdfium_pages(path: Path, data: bytes, max_pages: int, password: str | None) -> list[Page]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        raise BadInput(path, pdf_error_reason(str(exc))) from None
    try:
        check_page_count(path, len(doc), max_pages)
        pages = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            pages.append(page_lines(textpage, page.get_height()))
            textpage.close()
            page.close()
        return laid_out(pages)
    except pdfium.PdfiumError as exc:
        raise BadInput(path, f"corrupt PDF ({exc})") from None
    finally:
        doc.close()


def page_lines(textpage, height: float) -> Union[str, list[Line]]:
    """The page's lines with their boxes; its text as pdfium gives it where the characters
    cannot be matched to their boxes (a character outside the BMP takes two places in
    pdfium's count)."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:
        return textpage.get_text_bounded()
    return group_lines(line_boxes(textpage, text, height))


def laid_out(pages: list[Union[str, list[Line]]]) -> list[Page]:
    """Pages whose wrapped lines are joined, against the document's text block (one page of
    a few lines shows no edge of its own), each saying whether its last line runs on to the
    next page."""
    block = text_block([ln for page in pages if not isinstance(page, str) for ln in page])
    out = []
    for number, (page, following) in enumerate(zip(pages, [*pages[1:], ""]), 1):
        if isinstance(page, str):
            out.append(Page(number, page, layout=True))
        else:
            out.append(Page(number, lines_to_text(page, block), layout=True, lines_joined=True,
                            runs_on=not isinstance(following, str) and runs_on(page, following, block)))
    return out


def line_boxes(textpage, text: str, height: float) -> list[Box]:
    """One box per line pdfium made, from its first to its last visible character (font
    boxes: a CJK character's box is its advance, its height the font's), y growing down."""
    boxes = []
    for m in _LINE.finditer(text):
        first, last = m.start("text"), m.end("text") - 1
        if last < first:
            continue
        left, bottom, lead_right, top = textpage.get_charbox(first, loose=True)
        _, bottom_end, right, top_end = textpage.get_charbox(last, loose=True)
        y0, y1 = height - max(top, top_end), height - min(bottom, bottom_end)
        boxes.append(Box(line_spaces(textpage, m.group("text"), first, y1 - y0), 1.0, left, y0, right, y1,
                         lead=lead_right - left))
    return boxes


def line_spaces(textpage, line: str, start: int, line_height: float) -> str:
    """The line with its spaces made to say what the page shows (``start``: the index of the
    line's first character on the page):

    * a space standing for a wide gap (pdfium writes one space for any gap:
      ``黔农字〔2016〕12号      签发人：``) becomes spaces enough to fill it, at least two, so
      that normalization keeps the columns apart;
    * a space typed between two Chinese characters (a glyph of the page's text, not one pdfium
      inferred from a gap: ``来源：政府办 时间：``) becomes two, so that normalization keeps it
      as it keeps it in a text file, while it drops the spaces of letter spacing."""
    if " " not in line:
        return line
    import pypdfium2.raw as pdfium_c

    def respace(m: re.Match) -> str:
        before, after = start + m.start() - 1, start + m.end()
        gap = textpage.get_charbox(after, loose=True)[0] - textpage.get_charbox(before, loose=True)[2]
        wide = column_spaces(gap, line_height)
        if wide:
            return wide
        if (m.group() == " " and CJK_RE.match(line[m.start() - 1]) and CJK_RE.match(line[m.end()])
                and pdfium_c.FPDFText_IsGenerated(textpage.raw, start + m.start()) == 0):
            return "  "
        return m.group()

    return _SPACES.sub(respace, line)


def plumber_pages(path: Path, data: bytes, max_pages: int, password: str | None) -> list[Page]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            check_page_count(path, len(pdf.pages), max_pages)
            return [Page(i + 1, page.extract_text() or "", layout=True) for i, page in enumerate(pdf.pages)]
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
