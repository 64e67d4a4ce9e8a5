"""OFD (GB/T 33190), the fixed-layout format of Chinese e-government documents: the text layer,
one :class:`Page` per OFD page, numbered in the document's page order.

An OFD file is a zip: ``OFD.xml`` names the document (``DocBody/DocRoot``), whose
``Document.xml`` lists the pages (``Pages/Page@BaseLoc``); each page's ``Content.xml`` holds
``TextObject`` elements (``Boundary="x y w h"``, ``Size``) with ``TextCode`` runs placed at
``X``/``Y`` inside the boundary, glyph advances in ``DeltaX`` (``g n d`` repeats ``d`` n times).
The text is Unicode in the runs, so fonts are not needed to read it.  Runs are ordered by
line position (``read.ofd_layout``), not by their order in the file, which generators choose
freely (a line may come as several runs, in any order).

No PyPI library was taken: ``easyofd`` converts to images and PDF and pulls in PyMuPDF (AGPL),
reportlab and OpenCV; ``ofdkit`` (0.2.0) is weeks old with one author.  lxml, which python-docx
already needs, parses the XML, with entities and network access off.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from govdoc.errors import BadInput
from govdoc.read.base import Page, ReadResult, register, sha256
from govdoc.read.ofd_layout import Run, page_text

MAX_PAGES = 500
# A part of the zip larger than this when unpacked is refused (a zip bomb, or not a letter).
MAX_PART_BYTES = 64 * 1024 * 1024


@register("ofd")
def read_ofd(path: Path, data: bytes, *, max_pages: int = MAX_PAGES, **_options) -> ReadResult:
    package = open_package(path, data)
    root = part_xml(path, package, "OFD.xml")
    doc_name = resolve("", first_text(root, "DocRoot"))
    if not doc_name:
        raise BadInput(path, "not a valid OFD (OFD.xml names no document: DocBody/DocRoot)")
    page_names = page_locations(path, package, doc_name)
    if len(page_names) > max_pages:
        raise BadInput(path, f"OFD has {len(page_names)} pages, over the limit of {max_pages} (raise max_pages to read it)")
    pages = [Page(number, page_text(page_runs(path, package, name)), layout=True)
             for number, name in enumerate(page_names, 1)]
    return ReadResult(str(path), sha256(data), "ofd", pages)


def open_package(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        raise BadInput(path, "not a valid OFD (not a zip archive, or a corrupt one)") from None


def part_xml(path: Path, package: zipfile.ZipFile, name: str):
    """The parsed XML of one part of the package, or a BadInput naming the part."""
    from lxml import etree

    try:
        info = package.getinfo(name)
    except KeyError:
        raise BadInput(path, f"not a valid OFD ({name} is missing)") from None
    if info.file_size > MAX_PART_BYTES:
        raise BadInput(path, f"OFD part {name} unpacks to {info.file_size:,} bytes, over the limit of "
                             f"{MAX_PART_BYTES:,} for one part (a zip bomb?)")
    try:
        raw = package.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        raise BadInput(path, f"not a valid OFD ({name} is corrupt in the zip archive)") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        raise BadInput(path, f"not a valid OFD (bad XML in {name}{line})") from None


def local(el) -> str:
    """An element's name without its namespace (OFD generators differ in prefixes)."""
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def first_text(root, name: str) -> str:
    for el in root.iter():
        if local(el) == name:
            return (el.text or "").strip()
    return ""


def resolve(base: str, loc: str) -> str:
    """A location in the package: absolute (``/Doc_0/…``) or relative to the folder of ``base``."""
    loc = loc.strip().replace("\\", "/")
    if not loc:
        return ""
    joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(posixpath.dirname(base), loc)
    return posixpath.normpath(joined)


def page_locations(path: Path, package: zipfile.ZipFile, doc_name: str) -> list[str]:
    """The ``Content.xml`` of each page, in the document's page order."""
    doc = part_xml(path, package, doc_name)
    names = [resolve(doc_name, el.get("BaseLoc", "")) for el in doc.iter() if local(el) == "Page"]
    if not names:
        raise BadInput(path, f"OFD has no pages ({doc_name} lists none)")
    if not all(names):
        raise BadInput(path, f"not a valid OFD (a page in {doc_name} has no BaseLoc)")
    return names


def page_runs(path: Path, package: zipfile.ZipFile, name: str) -> list[Run]:
    """Every text run of one page, placed on the page."""
    runs: list[Run] = []
    for obj in part_xml(path, package, name).iter():
        if local(obj) == "TextObject":
            runs.extend(object_runs(path, obj))
    return runs


def object_runs(path: Path, obj) -> list[Run]:
    """The runs of one ``TextObject``: ``TextCode`` without X or Y continues where the last ended."""
    left, top = numbers(path, obj.get("Boundary", "0 0 0 0"))[:2]
    size = numbers(path, obj.get("Size", "0"))[0] or 1.0
    runs: list[Run] = []
    x = y = 0.0
    for code in obj:
        if local(code) != "TextCode" or not code.text:
            continue
        x = numbers(path, code.get("X"))[0] if code.get("X") else x
        y = numbers(path, code.get("Y"))[0] if code.get("Y") else y
        advances = delta_x(path, code.get("DeltaX", ""), len(code.text), size)
        runs.append(Run(left + x, top + y, left + x + sum(advances) + size, size, code.text))
        x += sum(advances) + size
    return runs


def delta_x(path: Path, value: str, length: int, size: float) -> list[float]:
    """Glyph advances: ``DeltaX`` expanded (``g 3 5`` is ``5 5 5``), padded with the font size."""
    parts, out = value.split(), []
    i = 0
    while i < len(parts) and len(out) < length - 1:
        if parts[i] == "g" and i + 2 < len(parts):
            count, step = numbers(path, f"{parts[i + 1]} {parts[i + 2]}")
            out.extend([step] * min(int(count), length - 1 - len(out)))
            i += 3
        else:
            out.append(numbers(path, parts[i])[0])
            i += 1
    return out + [size] * (length - 1 - len(out))


def numbers(path: Path, value: str | None) -> list[float]:
    try:
        return [float(v) for v in (value or "0").split()] or [0.0]
    except ValueError:
        raise BadInput(path, f"not a valid OFD (a number is expected, not {value[:40]!r})") from None
