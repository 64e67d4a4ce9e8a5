"""End to end on the committed scans (corpora/scans): OCR pages keep their numbers and carry
their confidence, source.ocr is set, and the header fields read from a scan equal the fields
read from the same letter as text (so OCR's half-width ':' ',' '(' work in the stages)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from govdoc.build import parse_path, parse_read
from govdoc.eval.score import HEADER_FIELDS, predicted
from govdoc.read import read_path

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "corpora" / "scans"
ROWS = {r["file"]: r for r in csv.DictReader(open(SCANS / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t")}


@pytest.fixture(scope="module", autouse=True)
def one_ocr_thread():
    from govdoc.read import ocr

    ocr.configure(threads=1)  # leave the other core to whoever else runs tests
    yield
    ocr.configure(threads=0)


@pytest.mark.slow
@pytest.mark.parametrize("name, fmt", [("d001.g4.tif", "image"), ("d001.scan.pdf", "pdf"), ("d027.p1.jpg", "image")])
def test_ocr_scan_header_fields_match_the_text_letter(name, fmt):
    result = read_path(SCANS / name)
    assert result.format == fmt and result.ocr
    assert [p.number for p in result.pages] == list(range(1, int(ROWS[name]["pages"]) + 1))
    assert all(p.confidence is not None and 0.5 < p.confidence < 1.0 for p in result.pages)
    reply, norm = parse_read(result)
    assert reply.source.ocr and norm.confidence_at(0) < 1.0
    scan, text = predicted(reply), predicted(parse_path(ROOT / ROWS[name]["source"]))
    assert {f: scan[f] for f in HEADER_FIELDS} == {f: text[f] for f in HEADER_FIELDS}


@pytest.mark.slow
def test_ocr_multipage_tiff_keeps_page_numbers():
    name = next(f for f, r in ROWS.items() if r["format"] == "tiff-g4" and r["pages"] == "2")
    result = read_path(SCANS / name)
    assert [p.number for p in result.pages] == [1, 2]
    reply, norm = parse_read(result)
    assert norm.page_of(len(norm.text) - 1) == 2


@pytest.mark.slow
def test_ocr_never_refuses_an_image():
    from govdoc.errors import BadInput

    with pytest.raises(BadInput, match="OCR is off"):
        read_path(SCANS / "d001.g4.tif", ocr="never")


def render_scan(txt: Path, out: Path, fmt: str, degrade: tuple[str, ...]) -> tuple:
    """scripts/make_scans.py's one manifest row for ``txt`` rendered as ``fmt`` with ``degrade``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_scans", ROOT / "scripts" / "make_scans.py")
    make_scans = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_scans)
    (row,) = make_scans.make(txt, out, {fmt}, 300, "none", make_scans.find_cjk_font(), 4, degrade)
    return row


@pytest.mark.slow
def test_ocr_stamped_skewed_spread_reads_like_the_text_letter(tmp_path):
    """A two-page letter stamped with a red seal over its signature block, scanned two pages to
    one tilted image (scripts/make_scans.py --degrade seal,two-up,skew): the page preparation
    takes the seal out, turns the spread straight and splits it, and the header fields read
    from the scan equal those read from the text."""
    txt = ROOT / "corpora" / "real" / "d025.txt"
    row = render_scan(txt, tmp_path, "tiff", ("seal", "two-up", "skew"))
    assert row[6] == "1"  # one image holds both pages
    result = read_path(tmp_path / row[0])
    assert [p.number for p in result.pages] == [1, 2]
    scan, text = predicted(parse_read(result)[0]), predicted(parse_path(txt))
    assert {f: scan[f] for f in HEADER_FIELDS} == {f: text[f] for f in HEADER_FIELDS}


@pytest.mark.slow
def test_ocr_scanned_pdf_spread_is_read_page_after_page(tmp_path):
    """A scanned PDF whose one page holds two pages side by side (a booklet on the glass): the
    spread is split, its halves read left first into the PDF's one page (which keeps its
    number), so the lines of the two halves are not joined across the gutter and the header
    fields equal those read from the text."""
    txt = ROOT / "corpora" / "real" / "d016.txt"
    row = render_scan(txt, tmp_path, "scan-pdf", ("two-up",))
    assert row[6] == "1"
    result = read_path(tmp_path / row[0])
    assert [p.number for p in result.pages] == [1] and result.ocr
    scan, text = predicted(parse_read(result)[0]), predicted(parse_path(txt))
    assert {f: scan[f] for f in HEADER_FIELDS} == {f: text[f] for f in HEADER_FIELDS}
    assert result.pages[0].text.index("雷文彬代表") < result.pages[0].text.index("联系人")
