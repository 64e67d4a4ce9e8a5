"""A reply's comparison findings → the coverage fields of its index records; bad findings files."""
from __future__ import annotations

import json

import pytest

from govdoc.index import findings
from govdoc.index.findings import band, band_bounds, checked, read_findings, record_fields

GOOD = {"reply_id": "a" * 16, "suggestion_id": "b" * 16, "coverage": 0.5, "flags": ["not_addressed: ask 2"],
        "asks": {"concrete": 1, "general": 0, "explained": 0, "not_addressed": 1}, "link": {"confidence": 0.8}}


def test_index_findings_labels_are_the_compare_labels():
    from govdoc.compare.model import LABELS

    assert findings.LABELS == LABELS


@pytest.mark.parametrize("coverage, name", [(0.0, "0-0.25"), (0.2499, "0-0.25"), (0.25, "0.25-0.5"),
                                            (0.5, "0.5-0.75"), (0.75, "0.75-1"), (1.0, "0.75-1")])
def test_index_findings_band(coverage, name):
    assert band(coverage) == name
    low, high = band_bounds(name)
    assert low <= coverage and (high is None or coverage < high)


@pytest.mark.parametrize("name, bounds", [("0-0.25", (0.0, 0.25)), ("0.75-1", (0.75, None)), ("1", None), ("", None)])
def test_index_findings_band_bounds(name, bounds):
    assert band_bounds(name) == bounds


@pytest.mark.parametrize("change, reason", [
    ({"coverage": 1.5}, "coverage 1.5"),
    ({"coverage": "0.5"}, "coverage '0.5'"),
    ({"coverage": True}, "coverage True"),
    ({"coverage": None}, "coverage None"),
    ({"asks": {"concrete": 1}}, "asks:"),
    ({"asks": {**GOOD["asks"], "concrete": -1}}, "asks:"),
    ({"flags": "none"}, "flags:"),
])
def test_index_findings_checked_refuses(change, reason):
    with pytest.raises(ValueError, match=reason.replace("(", r"\(")):
        checked({**GOOD, **change})


@pytest.mark.parametrize("content, reason", [
    (b"{", "not a comparison"),
    (b"[]", "not a comparison: not a JSON object"),
    (b"\xff\xfe", "cannot read the comparison"),
])
def test_index_findings_read_bad_file_names_it(tmp_path, content, reason):
    path = tmp_path / "compare" / f"{'a' * 16}.json"
    path.parent.mkdir()
    path.write_bytes(content)
    with pytest.raises(ValueError, match=reason) as exc:
        read_findings(tmp_path, "a" * 16)
    assert str(path) in str(exc.value) and "\n" not in str(exc.value)


def test_index_findings_read_and_record_fields(tmp_path):
    assert read_findings(tmp_path, "a" * 16) is None
    (tmp_path / "compare").mkdir()
    (tmp_path / "compare" / f"{'a' * 16}.json").write_text(json.dumps(GOOD), encoding="utf-8")
    fields = record_fields(read_findings(tmp_path, "a" * 16))
    assert fields == {"coverage": 0.5, "coverage_band": "0.5-0.75", "compare": {
        "suggestion_id": "b" * 16, "asks": GOOD["asks"], "flags": GOOD["flags"], "link_confidence": 0.8}}
    assert record_fields(None) == {"coverage": None, "coverage_band": None, "compare": None}
