"""OFD (GB/T 33190) reader on files laid out here by tests/ofd_writer.py: a letter as OFD parses
to the same fields as the same letter as text, pages keep their numbers, runs are put back in
line order, and a broken OFD is one BadInput line naming the file and the reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.build import parse_path
from govdoc.errors import BadInput
from govdoc.read import read_path
from ofd_writer import OFD_XML, layout, ofd_bytes, ofd_parts, pack

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "xuchang-2019-reply.txt"


def without_spans(value):
    """A reply's JSON less its spans (offsets move where wrapped lines are joined) and the
    spaces in its strings: normalization drops a space where a line break falls beside it
    (``377 家`` wrapped after ``377``), for an OFD as for a PDF."""
    if isinstance(value, dict):
        return {k: without_spans(v) for k, v in value.items() if k != "span"}
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value.replace(" ", "") if isinstance(value, str) else value


@pytest.mark.parametrize("letter", [SEED, *(ROOT / "corpora/real" / f"d00{n}.txt" for n in (4, 5, 7, 8, 9))],
                         ids=lambda p: p.name)
def test_read_ofd_letter_parses_like_its_text(tmp_path, letter):
    path = tmp_path / (letter.stem + ".ofd")
    path.write_bytes(ofd_bytes(letter.read_text(encoding="utf-8")))
    as_ofd, as_text = parse_path(path).model_dump(mode="json"), parse_path(letter).model_dump(mode="json")
    assert as_ofd["source"]["format"] == "ofd" and as_ofd["source"]["pages"] > 1
    for key in as_text.keys() - {"source"}:
        assert without_spans(as_ofd[key]) == without_spans(as_text[key]), key


@pytest.mark.parametrize("letter", [SEED], ids=lambda p: p.name)
def test_read_ofd_pages_keep_numbers_and_spans_point_at_them(tmp_path, letter):
    text = letter.read_text(encoding="utf-8")
    path = tmp_path / "letter.ofd"
    path.write_bytes(ofd_bytes(text))
    result = read_path(path)
    assert [p.number for p in result.pages] == list(range(1, len(layout(text)) + 1))
    assert all(p.text.rstrip().endswith(f"— {p.number} —") for p in result.pages)
    reply = parse_path(path)
    last = result.pages[-1].number
    assert reply.issue_date.span.page == last and reply.doc_number.span.page == 1


@pytest.mark.parametrize("runs, line", [
    # (x, text) of runs on one baseline, written in this order
    ([(40.0, "建设的答复"), (0.0, "关于加快农村公路")], "关于加快农村公路建设的答复"),
    ([(0.0, "联系人：严志刚"), (70.0, "联系电话：6069500")], "联系人：严志刚 联系电话：6069500"),
])
def test_read_ofd_runs_in_line_order(tmp_path, runs, line):
    codes = "".join(f'<ofd:TextObject ID="{i}" Boundary="20 0 180 297" Size="5"><ofd:TextCode X="{x}" Y="50"'
                    f' DeltaX="g {len(t) - 1} 5">{t}</ofd:TextCode></ofd:TextObject>' for i, (x, t) in enumerate(runs))
    parts = ofd_parts("占位")
    parts["Doc_0/Pages/Page_0/Content.xml"] = (
        '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">'
        f"{codes}</ofd:Layer></ofd:Content></ofd:Page>")
    path = tmp_path / "runs.ofd"
    path.write_bytes(pack(parts))
    assert read_path(path).pages[0].text == line


def _broken(case: str) -> bytes:
    parts = ofd_parts("许昌市生态环境局关于第134号建议的答复")
    if case == "not a zip":
        return b"PK\x03\x04 this is not really a zip archive" + b"\0" * 64
    if case == "no Document.xml":
        del parts["Doc_0/Document.xml"]
    if case == "bad XML":
        parts["Doc_0/Pages/Page_0/Content.xml"] = "<ofd:Page xmlns:ofd='x'><ofd:Content>"
    if case == "no DocRoot":
        parts["OFD.xml"] = OFD_XML.replace("<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>", "")
    return pack(parts) if case != "not a zip" else parts


@pytest.mark.parametrize("case, reason", [
    ("not a zip", "not a valid OFD (not a zip archive, or a corrupt one)"),
    ("no Document.xml", "not a valid OFD (Doc_0/Document.xml is missing)"),
    ("bad XML", "not a valid OFD (bad XML in Doc_0/Pages/Page_0/Content.xml at line 1)"),
    ("no DocRoot", "not a valid OFD (OFD.xml names no document: DocBody/DocRoot)"),
])
def test_read_ofd_broken_file_one_line(tmp_path, case, reason):
    path = tmp_path / "broken.ofd"
    path.write_bytes(_broken(case))
    with pytest.raises(BadInput) as err:
        read_path(path)
    assert str(err.value) == f"{path}: {reason}" and "\n" not in str(err.value)


def test_read_ofd_detected_by_content_not_name(tmp_path):
    path = tmp_path / "letter.bin"
    path.write_bytes(ofd_bytes(SEED.read_text(encoding="utf-8")))
    assert read_path(path).format == "ofd"
