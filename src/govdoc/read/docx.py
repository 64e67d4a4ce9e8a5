"""DOCX: paragraphs and tables in document order (text boxes included once), one line per
paragraph and per table row; explicit page breaks start a new page."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from govdoc.errors import BadInput
from govdoc.read.base import Page, ReadResult, register, sha256

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
PAGE_BREAK = "\f"
# libxml2 refuses XML nested deeper than this (unless told to read "huge" trees, which we do not).
XML_MAX_DEPTH = 256


def open_document(path: Path, data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise BadInput(path, "not a valid DOCX (corrupt zip archive)") from None
    except (KeyError, PackageNotFoundError):
        raise BadInput(path, "not a valid DOCX (no Word document inside the zip)") from None
    except Exception as exc:  # broken XML inside a valid zip
        raise BadInput(path, f"not a valid DOCX ({xml_error_reason(exc)})") from None


def xml_error_reason(exc: Exception) -> str:
    """lxml's complaint about a part of the package, in our words."""
    from lxml import etree

    if not isinstance(exc, etree.XMLSyntaxError):
        return f"{type(exc).__name__}: {exc}"
    if "depth" in str(exc).lower():
        return f"elements nested deeper than {XML_MAX_DEPTH} levels, the XML parser's limit"
    return f"bad XML at line {exc.lineno}" if exc.lineno else "bad XML"


@register("docx")
def read_docx(path: Path, data: bytes, **_options) -> ReadResult:
    body = open_document(path, data).element.body
    text = "\n".join(block_lines(body))
    pages = [Page(i + 1, part) for i, part in enumerate(text.split(PAGE_BREAK))]
    return ReadResult(str(path), sha256(data), "docx", pages)


def block_lines(body) -> list[str]:
    """Lines of the body's paragraphs and tables in document order."""
    lines: list[str] = []
    for child in body.iterchildren():
        if child.tag == W + "p":
            lines.append(paragraph_text(child))
        elif child.tag == W + "tbl":
            lines.extend(table_lines(child))
        elif child.tag == W + "sdt":  # content control: walk its content
            content = child.find(W + "sdtContent")
            if content is not None:
                lines.extend(block_lines(content))
    return lines


def table_lines(tbl) -> list[str]:
    """One line per row, cells separated by a space; a merged cell counts once."""
    lines = []
    for row in tbl.iterchildren(W + "tr"):
        cells = []
        for cell in row.iterchildren(W + "tc"):
            vmerge = cell.find(f"{W}tcPr/{W}vMerge")
            if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
                continue  # continuation of a vertically merged cell: text is above
            text = "\n".join(block_lines(cell)).strip()
            if text:
                cells.append(text)
        lines.append(" ".join(cells))
    return lines


def paragraph_text(p) -> str:
    """Text of a paragraph: runs, tabs as spaces, line breaks, explicit page breaks as form
    feeds, nested text-box paragraphs on lines of their own (their fallback copy skipped)."""
    out: list[str] = []
    ppr = p.find(W + "pPr")
    if ppr is not None and ppr.find(W + "pageBreakBefore") is not None:
        out.append(PAGE_BREAK)
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "p"):
        if next(el.iterancestors(MC_FALLBACK, W + "pPr"), None) is not None:
            continue  # the fallback copy of a text box, or tab stops in paragraph properties
        tag = el.tag[len(W):]
        if tag == "t":
            out.append(el.text or "")
        elif tag == "tab":
            out.append(" ")
        elif tag == "br":
            out.append(PAGE_BREAK if el.get(W + "type") == "page" else "\n")
        elif tag == "cr" or (tag == "p" and el is not p):
            out.append("\n")
    return "".join(out)
