"""The seed letter's header fields come out exactly as its gold file has them, and every span
of the header stages points at the value it claims (checked on every corpus letter)."""
import re
from pathlib import Path

import pytest

from govdoc.build import parse_read
from govdoc.read import read_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "corpora").rglob("*.txt"))


@pytest.mark.parametrize("field, value", [
    ("kind", "reply"),
    ("doc_number", ("许环〔2019〕4号", "许环", 2019, 4)),
    ("signatories", ["李光亚"]),
    ("grade", ("A", "办理结果：A")),
    ("title", "对市七届人大四次会议第134号建议的答复"),
    ("issuer", "许昌市生态环境局"),
    ("printed", ("许昌市生态环境局办公室", "2019-09-20", "2019年9月20日")),
])
def test_seed_header(parsed_seed, field, value):
    r = parsed_seed
    got = {
        "kind": r.kind,
        "doc_number": (r.doc_number.raw, r.doc_number.prefix, r.doc_number.year, r.doc_number.serial),
        "signatories": [s.name for s in r.signatories],
        "grade": (r.grade.letter, r.grade.raw),
        "title": r.title.text,
        "issuer": r.issuer.name,
        "printed": (r.printed_by.name, r.printed_date.date, r.printed_date.raw),
    }[field]
    assert got == value


def _claims(reply):
    pairs = []
    if reply.doc_number:
        pairs.append((reply.doc_number.span, reply.doc_number.raw))
    if reply.grade:
        pairs.append((reply.grade.span, reply.grade.raw))
    for obj in [reply.issuer, reply.printed_by, *reply.signatories]:
        if obj:
            pairs.append((obj.span, obj.name))
    if reply.title:
        pairs.append((reply.title.span, reply.title.text))
    if reply.disclosure:
        pairs.append((reply.disclosure.span, reply.disclosure.text))
    return pairs


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_spans_point_at_values(path):
    reply, norm = parse_read(read_path(path))
    for span, value in _claims(reply):
        assert re.sub(r"\s", "", norm.text[span.start:span.end]) == re.sub(r"\s", "", value)
