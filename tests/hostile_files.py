"""Hostile inputs of about 1 MB each, made on the spot, for tests/test_read_hostile.py and
scripts/bench_hostile.py: deep nesting, one huge line, a million tiny lines, huge tables,
many pages, a zip bomb, a text over the size limit.  Each comes with the outcome expected of govdoc:
``None`` (it parses) or the reason of the one-line refusal."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable, Optional

from ofd_writer import ofd_parts, pack

SENTENCE = "关于加快农村公路建设的建议收悉，现答复如下：我局高度重视，已安排专项资金。"  # 36 characters
MB = 1 << 20
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def html_deep_nesting() -> bytes:
    depth = 100_000
    return f"<html><body>{'<div>' * depth}<p>{SENTENCE}</p>{'</div>' * depth}</body></html>".encode()


def html_nesting_at_limit() -> bytes:
    """Blocks of 1,000 nested elements (the limit), chrome-classed, text at every level."""
    block = '<div class="nav">' * 500 + f"<span>{SENTENCE[:4]}" * 499 + SENTENCE + "</span>" * 499 + "</div>" * 500
    return f"<html><body>{block * (MB // len(block.encode()))}</body></html>".encode()


def html_huge_table() -> bytes:
    rows = "".join(f"<tr><td>{i}</td><td>{SENTENCE}</td></tr>" for i in range(MB // 140))
    return f"<html><body><table>{rows}</table></body></html>".encode()


def html_one_huge_line() -> bytes:
    return f"<html><body><p>{SENTENCE * (MB // 110)}</p></body></html>".encode()


def text_one_huge_line() -> bytes:
    return (SENTENCE * (MB // 108)).encode()


def text_tiny_lines() -> bytes:
    return ("答\n" * (MB // 4)).encode()


def text_many_pages() -> bytes:
    return ("答复\f" * (MB // 7)).encode()


def text_over_size_limit() -> bytes:
    """1.1 million characters, mostly ASCII: over the default limit on a letter's length."""
    return (("答复 " + "a" * 97 + "\n") * 11_000).encode()


def text_at_size_limit() -> bytes:
    """999,600 characters, just under the default limit: the longest letter parsed as such."""
    return (("答复 " + SENTENCE + "a" * 61 + "\n") * 9_800).encode()


def docx_huge_table() -> bytes:
    cell = f"<w:tc><w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p></w:tc>"
    rows = f"<w:tr>{cell}{cell}</w:tr>" * (MB // 330)
    return docx_package(f"<w:tbl>{rows}</w:tbl>")


def docx_deep_nesting() -> bytes:
    """Tables nested in table cells, 5,000 deep."""
    depth = 5_000
    inner = f"<w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>"
    return docx_package("<w:tbl><w:tr><w:tc>" * depth + inner + "</w:tc></w:tr></w:tbl>" * depth)


def docx_package(body: str) -> bytes:
    """A minimal DOCX whose body is ``body`` (WordprocessingML)."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        '+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buf.getvalue()


def ofd_many_pages() -> bytes:
    """2,000 pages of a few lines each."""
    return pack(ofd_parts("\n".join([SENTENCE] * 22 * 1000)))


def ofd_many_runs() -> bytes:
    """One page of 60,000 one-character runs on a few hundred lines."""
    parts = ofd_parts(SENTENCE)
    runs = "".join(f'<ofd:TextObject ID="{i}" Boundary="0 0 210 297" Size="3"><ofd:TextCode X="{i % 60 * 3}" '
                   f'Y="{i // 60 * 0.3:.1f}">{SENTENCE[i % 36]}</ofd:TextCode></ofd:TextObject>' for i in range(60_000))
    parts["Doc_0/Pages/Page_0/Content.xml"] = (
        f'<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">{runs}'
        "</ofd:Layer></ofd:Content></ofd:Page>")
    return pack(parts)


def ofd_zip_bomb() -> bytes:
    """A page that unpacks from about 70 KiB to 70 MB."""
    parts = ofd_parts(SENTENCE)
    parts["Doc_0/Pages/Page_0/Content.xml"] = b" " * (70 * MB)
    return pack(parts)


def pdf_many_pages() -> bytes:
    """600 pages (fpdf2's core font: the page count is refused before any text is read)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(600):
        pdf.add_page()
        pdf.cell(0, 10, f"page {number + 1}")
    return bytes(pdf.output())


# name → (maker, expected refusal or None when it parses)
HOSTILE: dict[str, tuple[Callable[[], bytes], Optional[str]]] = {
    "html-deep-nesting.html": (html_deep_nesting, "over the limit of 1,000"),
    "html-nesting-at-limit.html": (html_nesting_at_limit, None),
    "html-huge-table.html": (html_huge_table, None),
    "html-one-huge-line.html": (html_one_huge_line, None),
    "text-one-huge-line.txt": (text_one_huge_line, None),
    "text-tiny-lines.txt": (text_tiny_lines, None),
    "text-many-pages.txt": (text_many_pages, None),
    "text-at-size-limit.txt": (text_at_size_limit, None),
    "text-over-size-limit.txt": (text_over_size_limit, "over the limit of"),
    "docx-huge-table.docx": (docx_huge_table, None),
    "docx-deep-nesting.docx": (docx_deep_nesting, "nested deeper than"),
    "ofd-many-pages.ofd": (ofd_many_pages, "over the limit of 500"),
    "ofd-many-runs.ofd": (ofd_many_runs, None),
    "ofd-zip-bomb.ofd": (ofd_zip_bomb, "over the limit of 67,108,864"),
    "pdf-many-pages.pdf": (pdf_many_pages, "PDF has 600 pages, over the limit of 500"),
}


def write_all(folder: Path) -> list[Path]:
    """Write every hostile file into ``folder``; their paths, in HOSTILE's order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (make, _expected) in HOSTILE.items():
        (folder / name).write_bytes(make())
        paths.append(folder / name)
    return paths
