"""The cue file: every entry fires on its example; a bad file is refused with its line number."""
from __future__ import annotations

import pytest

from govdoc.compare.cues import default_cues, parse_cues
from govdoc.errors import BadInput
from govdoc.text.zh import match_text

ENTRIES = default_cues().entries


@pytest.mark.parametrize("cue", ENTRIES, ids=[f"{c.category}-{c.line}" for c in ENTRIES])
def test_compare_cues_example_fires(cue):
    assert cue.pattern.search(match_text(cue.example))


@pytest.mark.parametrize("line, message", [
    ("ask\t建议", "line 1: expected category<TAB>pattern<TAB>example"),
    ("wish\t建议\t建议修路", "line 1: unknown category 'wish'"),
    ("ask\t(建议\t建议修路", "line 1: bad pattern"),
    ("ask\t^建议\t希望修路", "line 1: the pattern does not fire on its example"),
])
def test_compare_cues_bad_line_named(line, message):
    with pytest.raises(BadInput) as info:
        parse_cues(line + "\n", "cues.tsv")
    assert message in str(info.value)
