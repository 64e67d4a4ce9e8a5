"""Coverage and flags of a comparison."""
from __future__ import annotations

import pytest

from govdoc.compare.cues import default_cues
from govdoc.compare.findings import coverage, flags
from govdoc.compare.model import AskOut
from govdoc.model import Grade, Span


def asks(*labels: str) -> list[AskOut]:
    return [AskOut(text="修路", span=Span(page=1, start=0, end=2), response=label) for label in labels]


@pytest.mark.parametrize("labels, grade, share, expected", [
    (("concrete", "general"), None, 0.5, []),
    (("concrete", "not_addressed"), None, 0.5, ["not_addressed: ask 2"]),
    (("concrete", "explained"), Grade(letter="A", raw="A类"), 0.5, ["top_grade_but_explained: ask 2 (grade A类)"]),
    (("not_addressed",), Grade(letter="B", raw="B类"), 0.0, ["not_addressed: ask 1"]),
    ((), None, 0.0, []),
])
def test_compare_findings_flags(labels, grade, share, expected):
    assert coverage(asks(*labels)) == share
    assert flags(asks(*labels), grade, default_cues()) == expected
