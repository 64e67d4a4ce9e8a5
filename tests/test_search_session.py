from __future__ import annotations

import pytest

from govdoc.errors import BadInput
from govdoc.search.session import parse_session


@pytest.mark.parametrize("text, body, level, term, session", [
    ("市七届人大四次会议", "人大", "市", 7, 4),
    ("县政协九届三次会议", "政协", "县", 9, 3),
    ("十二届全国人大四次会议", "人大", "全国", 12, 4),
    ("政协十三届全国委员会第四次会议", "政协", "全国", 13, 4),
    ("郑州市十五届人大三次会议", "人大", "市", 15, 3),
    ("縣十六屆人大二次會議", "人大", "县", 16, 2),
    ("七届四次", None, None, 7, 4),
    ("4", None, None, None, 4),
])
def test_parse_session(text, body, level, term, session):
    assert parse_session(text) == {"congress_body": body, "congress_level": level, "congress_term": term,
                                   "congress_session": session}


@pytest.mark.parametrize("text", ["人大", "abc", ""])
def test_parse_session_rejects_text_without_term_or_session(text):
    with pytest.raises(BadInput, match="--session"):
        parse_session(text)
