"""A small OFD (GB/T 33190) writer for tests and scripts/make_formats.py: lays a letter's text out
as a 公文 page does (GB/T 9704: 28 characters a line, 22 lines a page, 3号 type, a page number
``— n —`` at the foot) and packs it into an OFD zip.

To exercise the reader, each line is cut into two ``TextCode`` runs written in reverse order,
in two ``TextObject``s with different fonts, glyph advances in ``DeltaX`` (``g n d`` form).
"""
from __future__ import annotations

import io
import unicodedata
import zipfile
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
LEFT, TOP, CHAR, PITCH = 28.0, 37.0, 5.6, 10.2  # mm: text block, glyph size, line pitch
LINE_UNITS, LINES_PER_PAGE = 28, 22


def width(ch: str) -> float:
    """A glyph's advance in characters: CJK and full-width 1, the rest a half."""
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5


def wrap(line: str) -> list[str]:
    """A source line cut into layout lines of at most 28 characters' width ('' stays one line);
    a space at a break hangs at the end of the line, as typesetters put it."""
    out, cur, used = [], "", 0.0
    for ch in line:
        if used + width(ch) > LINE_UNITS and ch != " ":
            out.append(cur)
            cur, used = "", 0.0
        cur, used = cur + ch, used + width(ch)
    return out + [cur]


def layout(text: str) -> list[list[str]]:
    """Pages of layout lines ('' a blank line), blank lines at the top of a page dropped."""
    pages: list[list[str]] = [[]]
    for line in (piece for src in text.split("\n") for piece in wrap(src.strip())):
        if len(pages[-1]) == LINES_PER_PAGE:
            pages.append([])
        if line or pages[-1]:
            pages[-1].append(line)
    return pages


def deltas(text: str) -> str:
    """DeltaX of a run: the run of equal advances written as ``g n d``."""
    steps = [round(width(ch) * CHAR, 3) for ch in text[:-1]]
    out, i = [], 0
    while i < len(steps):
        j = i
        while j < len(steps) and steps[j] == steps[i]:
            j += 1
        out.append(f"g {j - i} {steps[i]}" if j - i > 1 else str(steps[i]))
        i = j
    return " ".join(out)


def text_object(oid: int, font: int, x: float | None, y: float, text: str) -> str:
    xy = (f'X="{x:.3f}" ' if x is not None else "") + f'Y="{y:.3f}"'
    return (f'<ofd:TextObject ID="{oid}" Boundary="{LEFT} 0 170 297" Font="{font}" Size="{CHAR}">'
            f'<ofd:TextCode {xy} DeltaX="{deltas(text)}">{escape(text)}</ofd:TextCode></ofd:TextObject>')


def line_objects(index: int, line: str, first_id: int) -> list[str]:
    """Two runs for a line (cut in its middle), the second one first."""
    y = TOP + index * PITCH
    cut = max(1, len(line) // 2)
    head, tail = line[:cut], line[cut:]
    objects = [text_object(first_id, 1, 0.0, y, head)]
    if tail:
        x = sum(width(ch) for ch in head) * CHAR
        objects.insert(0, text_object(first_id + 1, 2, x, y, tail))
    return objects


def content_xml(lines: list[str], number: int) -> str:
    objects, oid = [], 100
    for index, line in enumerate(lines):
        if line:
            objects += line_objects(index, line, oid)
            oid += 2
    folio = f"— {number} —"
    objects.append(text_object(oid, 1, 70.0, 280.0, folio))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def document_xml(count: int) -> str:
    pages = "".join(f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(count))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
            '<ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
            '</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
            f'<ofd:Pages>{pages}</ofd:Pages></ofd:Document>')


OFD_XML = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
           '<ofd:DocBody><ofd:DocInfo><ofd:DocID>govdoc-test</ofd:DocID></ofd:DocInfo>'
           '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
PUBLIC_RES = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
              '<ofd:Font ID="1" FontName="仿宋_GB2312" FamilyName="仿宋"/>'
              '<ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')


def ofd_parts(text: str) -> dict[str, str]:
    """The package's parts, name → XML, for the letter ``text``."""
    pages = layout(text)
    parts = {"OFD.xml": OFD_XML, "Doc_0/Document.xml": document_xml(len(pages)),
             "Doc_0/PublicRes.xml": PUBLIC_RES}
    for n, lines in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{n}/Content.xml"] = content_xml(lines, n + 1)
    return parts


def pack(parts: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return buf.getvalue()


def ofd_bytes(text: str) -> bytes:
    """An OFD file laying out ``text`` over as many pages as it needs."""
    return pack(ofd_parts(text))
